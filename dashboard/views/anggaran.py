"""Budget vs achievement: SPM budget per field and kab/kota (allocation, realisation) beside the field's coverage,
gap, people unserved and rupiah per person served, flagged where realisation is low while coverage lags."""

import pandas as pd
import streamlit as st

from dashboard import charts_rencana as cr
from dashboard import planning, store, ui
from dashboard import rencana_widgets as rw
from dashboard.ranking import SEMUA

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("anggaran.judul"))

cfg = planning.pengaturan()
rows = planning.budget_rows()
if rows.empty:
    st.info(ui.t("anggaran.kosong"), icon=":material/upload_file:")
    st.page_link("views/unggah.py", label=ui.t("anggaran.ke_unggah"), icon=":material/upload_file:")
    st.stop()

years = sorted({int(y) for y in rows["tahun"]}, reverse=True)
year_of_period = int(filters.periode[:4])
# a year still in progress has neither its full realisation nor its annual coverage: default to the last full year
complete = year_of_period if filters.periode.endswith("-12") else year_of_period - 1
default_year = complete if complete in years else years[0]
fields = rows.drop_duplicates("bidang").sort_values("urutan")
field_names = dict(zip(fields["bidang"], fields["bidang_en" if lang == "en" else "bidang_id"], strict=True))
field_options = [SEMUA, *field_names]
all_fields = ui.t("anggaran.semua_bidang")
c_year, c_field, _ = st.columns([1, 1.4, 1.6])
ui.from_url("ag_tahun", str(default_year), [str(y) for y in years])
c_year.selectbox(ui.t("anggaran.tahun"), [str(y) for y in years], key="ag_tahun")
ui.from_url("ag_bidang", SEMUA, field_options)
c_field.selectbox(ui.t("anggaran.bidang"), field_options, key="ag_bidang",
                  format_func=lambda b: all_fields if b == SEMUA else field_names[b])  # fmt: skip
tahun = int(st.session_state["ag_tahun"])
bidang = st.session_state["ag_bidang"]

table = rw.budget(tahun, cfg)
if filters.kab:
    table = table[table["kode_wilayah"] == filters.kab]
if bidang != SEMUA:
    table = table[table["bidang"] == bidang]
area_name = (
    store.wilayah_info(filters.kab).get("nama_lengkap", filters.kab) if filters.kab else ui.t("ui.semua_kabkota")
)
st.caption(ui.t("anggaran.keterangan", tahun=tahun, wilayah=area_name,
                bidang=all_fields if bidang == SEMUA else field_names[bidang]))  # fmt: skip
if tahun >= year_of_period and not filters.periode.endswith("-12"):
    st.info(ui.t("anggaran.tahun_berjalan", tahun=tahun), icon=":material/schedule:")
if table.empty:
    st.info(ui.t("anggaran.kosong_pilihan"))
    st.stop()

name_col = "bidang_en" if lang == "en" else "bidang_id"
opd_col = "opd_en" if lang == "en" else "opd_id"
pagu, real = float(table["pagu"].sum()), float(table["realisasi"].sum())
k1, k2, k3, k4 = st.columns(4)
k1.metric(ui.t("anggaran.total_pagu"), ui.angka(pagu / 1e9, 1), border=True)
k2.metric(ui.t("anggaran.total_realisasi"), ui.angka(real / 1e9, 1), border=True)
k3.metric(ui.t("anggaran.tingkat_realisasi"), ui.persen(100.0 * real / pagu if pagu else None), border=True)
k4.metric(ui.t("anggaran.jumlah_perhatian"), f"{int(table['perhatian'].sum())} / {len(table)}", border=True,
          help=ui.t("anggaran.perhatian_bantuan", real=ui.angka(cfg.ambang_realisasi_persen), cap=ui.angka(cfg.ambang_capaian_persen)))  # fmt: skip

filters_line = [
    f"{ui.t('anggaran.tahun')}: {tahun}",
    f"{ui.t('ui.kabkota')}: {area_name}",
    f"{ui.t('anggaran.bidang')}: {all_fields if bidang == SEMUA else field_names[bidang]}",
    ui.t("anggaran.ambang_ekspor", real=ui.angka(cfg.ambang_realisasi_persen), cap=ui.angka(cfg.ambang_capaian_persen)),
]
context = rw.context(None, None, filters_line)

st.subheader(ui.t("anggaran.grafik_judul"))
table["label"] = table["nama"] + " – " + table[name_col]
table["perhatian_teks"] = [ui.t("anggaran.perhatian") if f else "" for f in table["perhatian"]]
labels = {"x": ui.t("anggaran.kol_realisasi_persen"), "y": ui.t("anggaran.kol_indeks"), "perhatian": ui.t("anggaran.perhatian"),
          "lain": ui.t("anggaran.lain"), "ambang": ui.t("anggaran.ambang")}  # fmt: skip
st.plotly_chart(cr.budget_scatter(table, lang, labels, cfg.ambang_realisasi_persen, cfg.ambang_capaian_persen),
                key="ag_grafik", config={"displayModeBar": False})  # fmt: skip
st.caption(
    ui.t("anggaran.grafik_catatan", real=ui.angka(cfg.ambang_realisasi_persen), cap=ui.angka(cfg.ambang_capaian_persen))
)

st.subheader(ui.t("anggaran.tabel_judul"))
columns = {
    "nama_lengkap": ui.t("ui.kabkota"), name_col: ui.t("anggaran.bidang"), opd_col: ui.t("rencana.kol_opd"),
    "pagu": ui.t("anggaran.kol_pagu"), "realisasi": ui.t("anggaran.kol_realisasi"),
    "realisasi_persen": ui.t("anggaran.kol_realisasi_persen"), "indeks": ui.t("anggaran.kol_indeks"),
    "indeks_provinsi": ui.t("anggaran.kol_indeks_provinsi"), "jarak_target": ui.t("anggaran.kol_jarak"),
    "belum": ui.t("rencana.kol_belum"), "terlayani_total": ui.t("anggaran.kol_terlayani"),
    "rupiah_per_terlayani": ui.t("anggaran.kol_per_orang"), "perhatian_teks": ui.t("anggaran.kol_perhatian"),
}  # fmt: skip
ui.table(table, columns, percent=["realisasi_persen", "indeks", "indeks_provinsi"],
         decimals={"pagu": 0, "realisasi": 0, "belum": 0, "terlayani_total": 0, "rupiah_per_terlayani": 0},
         key="ag_tabel", download=f"anggaran_capaian_{tahun}", title=ui.t("anggaran.tabel_judul_ekspor", tahun=tahun),
         context=context)  # fmt: skip
st.caption(ui.t("anggaran.cara_hitung"))

if filters.kab:
    st.subheader(ui.t("anggaran.riwayat_judul", wilayah=area_name))
    history = pd.concat([rw.budget(y, cfg) for y in sorted(years)], ignore_index=True)
    history = history[history["kode_wilayah"] == filters.kab]
    if bidang != SEMUA:
        history = history[history["bidang"] == bidang]
    history["tahun"] = history["tahun"].astype(str)
    history["perhatian_teks"] = [ui.t("anggaran.perhatian") if f else "" for f in history["perhatian"]]
    hist_cols = {"tahun": ui.t("anggaran.tahun")} | {k: v for k, v in columns.items() if k != "nama_lengkap"}
    ui.table(
        history,
        hist_cols,
        percent=["realisasi_persen", "indeks", "indeks_provinsi"],
        decimals={"pagu": 0, "realisasi": 0, "belum": 0, "terlayani_total": 0, "rupiah_per_terlayani": 0},
        key="ag_riwayat",
        download="anggaran_riwayat",
        title=ui.t("anggaran.riwayat_judul", wilayah=area_name),
        context=context[1:],
    )  # fmt: skip  (every year: without the year line)
