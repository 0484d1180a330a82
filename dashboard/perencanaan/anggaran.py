"""Budget vs achievement: SPM budget per field and kab/kota (allocation, realisation) beside the field's coverage,
gap, people unserved and rupiah per person served, flagged where realisation is low while coverage lags."""

import pandas as pd
import streamlit as st

from dashboard.core import store, ui
from dashboard.core.i18n import lang_column
from dashboard.core.settings import settings
from dashboard.perencanaan import charts as cr
from dashboard.perencanaan import data as perencanaan_data
from dashboard.perencanaan import widgets as rw
from dashboard.spm.scoring import SEMUA

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("perencanaan.anggaran_judul"))

cfg = settings().perencanaan
rows = perencanaan_data.budget_rows()
if rows.empty:
    st.info(ui.t("perencanaan.anggaran_kosong"), icon=":material/upload_file:")
    st.page_link("unggah/unggah.py", label=ui.t("perencanaan.anggaran_ke_unggah"), icon=":material/upload_file:")
    st.stop()

years = sorted({int(y) for y in rows["tahun"]}, reverse=True)
year_of_period = int(filters.periode[:4])
# a year still in progress has neither its full realisation nor its annual coverage: default to the last full year
complete = year_of_period if filters.periode.endswith("-12") else year_of_period - 1
default_year = complete if complete in years else years[0]
fields = rows.drop_duplicates("bidang").sort_values("urutan")
field_names = dict(zip(fields["bidang"], fields[lang_column("bidang", lang)], strict=True))
field_options = [SEMUA, *field_names]
all_fields = ui.t("perencanaan.anggaran_semua_bidang")
c_year, c_field, _ = st.columns([1, 1.4, 1.6])
ui.from_url("ag_tahun", str(default_year), [str(y) for y in years])
c_year.selectbox(ui.t("perencanaan.anggaran_tahun"), [str(y) for y in years], key="ag_tahun")
ui.from_url("ag_bidang", SEMUA, field_options)
c_field.selectbox(ui.t("perencanaan.anggaran_bidang"), field_options, key="ag_bidang",
                  format_func=lambda b: all_fields if b == SEMUA else field_names[b])  # fmt: skip
tahun = int(st.session_state["ag_tahun"])
bidang = st.session_state["ag_bidang"]

table = perencanaan_data.budget(int(tahun), cfg)
if bidang != SEMUA:
    table = table[table["bidang"] == bidang]
all_districts = table
if filters.kab:
    table = table[table["kode_wilayah"] == filters.kab]
area_name = (
    store.wilayah_info(filters.kab).get("nama_lengkap", filters.kab) if filters.kab else ui.t("ui.semua_kabkota")
)
st.caption(ui.t("perencanaan.anggaran_keterangan", tahun=tahun, wilayah=area_name,
                bidang=all_fields if bidang == SEMUA else field_names[bidang]))  # fmt: skip
if tahun >= year_of_period and not filters.periode.endswith("-12"):
    st.info(ui.t("perencanaan.anggaran_tahun_berjalan", tahun=tahun), icon=":material/schedule:")
if table.empty:
    st.info(ui.t("perencanaan.anggaran_kosong_pilihan"))
    st.stop()

name_col = lang_column("bidang", lang)
opd_col = lang_column("opd", lang)
pagu, real = float(table["pagu"].sum()), float(table["realisasi"].sum())
if filters.kab:  # the headline: the selected kab/kota first, every kab/kota with a budget after it for context
    first = ui.t("perencanaan.judul_anggaran", wilayah=area_name, tahun=tahun, realisasi=ui.angka(real / 1e9, 1),
                 pagu=ui.angka(pagu / 1e9, 1), persen=ui.persen(100.0 * real / pagu if pagu else None),
                 perhatian=int(table["perhatian"].sum()), n=len(table))  # fmt: skip
    all_pagu, all_real = float(all_districts["pagu"].sum()), float(all_districts["realisasi"].sum())
    first += "  \n" + ui.t("perencanaan.judul_anggaran_semua", n=all_districts["kode_wilayah"].nunique(),
                            persen=ui.persen(100.0 * all_real / all_pagu if all_pagu else None))  # fmt: skip
    st.info(first, icon=":material/location_on:")
k1, k2, k3, k4 = st.columns(4)
k1.metric(ui.t("perencanaan.anggaran_total_pagu"), ui.angka(pagu / 1e9, 1), border=True)
k2.metric(ui.t("perencanaan.anggaran_total_realisasi"), ui.angka(real / 1e9, 1), border=True)
k3.metric(ui.t("perencanaan.anggaran_tingkat_realisasi"), ui.persen(100.0 * real / pagu if pagu else None), border=True)
k4.metric(ui.t("perencanaan.anggaran_jumlah_perhatian"), f"{int(table['perhatian'].sum())} / {len(table)}", border=True,
          help=ui.t("perencanaan.anggaran_perhatian_bantuan", real=ui.angka(cfg.ambang_realisasi_persen), cap=ui.angka(cfg.ambang_capaian_persen)))  # fmt: skip

filters_line = [
    f"{ui.t('perencanaan.anggaran_tahun')}: {tahun}",
    f"{ui.t('ui.kabkota')}: {area_name}",
    f"{ui.t('perencanaan.anggaran_bidang')}: {all_fields if bidang == SEMUA else field_names[bidang]}",
    ui.t("perencanaan.anggaran_ambang_ekspor", real=ui.angka(cfg.ambang_realisasi_persen), cap=ui.angka(cfg.ambang_capaian_persen)),
]
context = rw.context(None, None, filters_line)

st.subheader(ui.t("perencanaan.anggaran_grafik_judul"))
table["label"] = table["nama"] + " – " + table[name_col]
table["perhatian_teks"] = [ui.t("perencanaan.anggaran_perhatian") if f else "" for f in table["perhatian"]]
labels = {"x": ui.t("perencanaan.anggaran_kol_realisasi_persen"), "y": ui.t("perencanaan.anggaran_kol_indeks"), "perhatian": ui.t("perencanaan.anggaran_perhatian"),
          "lain": ui.t("perencanaan.anggaran_lain"), "ambang": ui.t("perencanaan.anggaran_ambang")}  # fmt: skip
st.plotly_chart(cr.budget_scatter(table, lang, labels, cfg.ambang_realisasi_persen, cfg.ambang_capaian_persen),
                key="ag_grafik", config={"displayModeBar": False})  # fmt: skip
st.caption(
    ui.t("perencanaan.anggaran_grafik_catatan", real=ui.angka(cfg.ambang_realisasi_persen), cap=ui.angka(cfg.ambang_capaian_persen))
)

st.subheader(ui.t("perencanaan.anggaran_tabel_judul"))
columns = {
    "nama_lengkap": ui.t("ui.kabkota"), name_col: ui.t("perencanaan.anggaran_bidang"), opd_col: ui.t("perencanaan.kol_opd"),
    "pagu": ui.t("perencanaan.anggaran_kol_pagu"), "realisasi": ui.t("perencanaan.anggaran_kol_realisasi"),
    "realisasi_persen": ui.t("perencanaan.anggaran_kol_realisasi_persen"), "indeks": ui.t("perencanaan.anggaran_kol_indeks"),
    "indeks_provinsi": ui.t("perencanaan.anggaran_kol_indeks_provinsi"), "jarak_target": ui.t("perencanaan.anggaran_kol_jarak"),
    "belum": ui.t("perencanaan.kol_belum"), "terlayani_total": ui.t("perencanaan.anggaran_kol_terlayani"),
    "rupiah_per_terlayani": ui.t("perencanaan.anggaran_kol_per_orang"), "perhatian_teks": ui.t("perencanaan.anggaran_kol_perhatian"),
}  # fmt: skip
ui.table(table, columns, percent=["realisasi_persen", "indeks", "indeks_provinsi"],
         decimals={"pagu": 0, "realisasi": 0, "belum": 0, "terlayani_total": 0, "rupiah_per_terlayani": 0},
         key="ag_tabel", download=f"anggaran_capaian_{tahun}", title=ui.t("perencanaan.anggaran_tabel_judul_ekspor", tahun=tahun),
         context=context)  # fmt: skip
st.caption(ui.t("perencanaan.anggaran_cara_hitung"))

if filters.kab:
    st.subheader(ui.t("perencanaan.anggaran_riwayat_judul", wilayah=area_name))
    history = pd.concat([perencanaan_data.budget(int(y), cfg) for y in sorted(years)], ignore_index=True)
    history = history[history["kode_wilayah"] == filters.kab]
    if bidang != SEMUA:
        history = history[history["bidang"] == bidang]
    history["tahun"] = history["tahun"].astype(str)
    history["perhatian_teks"] = [ui.t("perencanaan.anggaran_perhatian") if f else "" for f in history["perhatian"]]
    hist_cols = {"tahun": ui.t("perencanaan.anggaran_tahun")} | {k: v for k, v in columns.items() if k != "nama_lengkap"}
    ui.table(
        history,
        hist_cols,
        percent=["realisasi_persen", "indeks", "indeks_provinsi"],
        decimals={"pagu": 0, "realisasi": 0, "belum": 0, "terlayani_total": 0, "rupiah_per_terlayani": 0},
        key="ag_riwayat",
        download="anggaran_riwayat",
        title=ui.t("perencanaan.anggaran_riwayat_judul", wilayah=area_name),
        context=context[1:],
    )  # fmt: skip  (every year: without the year line)
