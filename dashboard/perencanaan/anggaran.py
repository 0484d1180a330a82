"""Budget vs achievement: SPM budget per field and kab/kota (allocation, realisation) beside the field's coverage,
gap, people unserved and rupiah per person served, flagged where realisation is low while coverage lags."""

import pandas as pd
import streamlit as st

from dashboard.core import markdown, store, ui
from dashboard.core.i18n import lang_column
from dashboard.core.settings import settings
from dashboard.perencanaan import charts as cr
from dashboard.perencanaan import data as perencanaan_data
from dashboard.perencanaan import kebutuhan as kb
from dashboard.perencanaan import widgets as rw
from dashboard.spm.scoring import SEMUA

lang = ui.lang()


def fmt_signed(n: int) -> str:
    return ("+" if n > 0 else ("−" if n < 0 else "±")) + ui.angka(abs(n))


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
need_services = kb.services(tahun)
with_costs = kb.has_costs(tahun)
table = kb.field_need(need_services, table)
table["dasar_kebutuhan"] = [rw.need_basis(r) for r in table.itertuples()]
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
if with_costs:
    columns |= {"kebutuhan": ui.t("perencanaan.kebutuhan_kol_kebutuhan"), "selisih": ui.t("perencanaan.kebutuhan_kol_selisih"),
                "persen_tertutup": ui.t("perencanaan.kebutuhan_kol_tertutup"), "dasar_kebutuhan": ui.t("perencanaan.kebutuhan_kol_dasar")}  # fmt: skip
ui.table(table, columns, percent=["realisasi_persen", "indeks", "indeks_provinsi", "persen_tertutup"],
         decimals={"pagu": 0, "realisasi": 0, "belum": 0, "terlayani_total": 0, "rupiah_per_terlayani": 0,
                   "kebutuhan": 0, "selisih": 0, "persen_tertutup": 0},
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
    hist_cols = {"tahun": ui.t("perencanaan.anggaran_tahun")} | {
        k: v for k, v in columns.items() if k not in ("nama_lengkap", "kebutuhan", "selisih", "persen_tertutup", "dasar_kebutuhan")
    }
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

st.subheader(ui.t("perencanaan.kebutuhan_judul"))
if not with_costs:
    st.info(ui.t("perencanaan.kebutuhan_tanpa_biaya", tahun=tahun), icon=":material/calculate:")
else:
    shown_services = need_services.merge(table[["kode_wilayah", "bidang"]], on=["kode_wilayah", "bidang"])
    total = kb.totals(table.assign(semua="semua"), shown_services.assign(semua="semua"), "semua").iloc[0]
    n1, n2, n3, n4 = st.columns(4)
    n1.metric(ui.t("perencanaan.kebutuhan_total"), ui.angka(total["kebutuhan"] / 1e9, 1), border=True)
    n2.metric(ui.t("perencanaan.kebutuhan_total_pagu"), ui.angka(total["pagu"] / 1e9, 1), border=True)
    n3.metric(ui.t("perencanaan.kebutuhan_total_selisih"), ui.angka(total["selisih"] / 1e9, 1), border=True,
              help=ui.t("perencanaan.kebutuhan_total_selisih_bantuan"))
    n4.metric(ui.t("perencanaan.kebutuhan_total_tertutup"), ui.persen(total["persen_tertutup"], 0), border=True)
    st.caption(rw.need_basis(total))
    need_cols = {"kebutuhan": ui.t("perencanaan.kebutuhan_kol_kebutuhan"), "pagu": ui.t("perencanaan.anggaran_kol_pagu"),
                 "realisasi": ui.t("perencanaan.anggaran_kol_realisasi"), "selisih": ui.t("perencanaan.kebutuhan_kol_selisih"),
                 "persen_tertutup": ui.t("perencanaan.kebutuhan_kol_tertutup"), "dasar_kebutuhan": ui.t("perencanaan.kebutuhan_kol_dasar")}  # fmt: skip
    money = {"kebutuhan": 0, "pagu": 0, "realisasi": 0, "selisih": 0, "persen_tertutup": 0}
    tab_field, tab_kab, tab_service = st.tabs([ui.t("perencanaan.kebutuhan_tab_bidang"), ui.t("perencanaan.kebutuhan_tab_kabkota"),
                                               ui.t("perencanaan.kebutuhan_tab_layanan")])  # fmt: skip
    with tab_field:
        per_field = kb.totals(table, shown_services, "bidang").merge(
            fields[["bidang", "urutan", name_col]], on="bidang").sort_values("urutan")
        per_field["dasar_kebutuhan"] = [rw.need_basis(r) for r in per_field.itertuples()]
        ui.table(per_field, {name_col: ui.t("perencanaan.anggaran_bidang")} | need_cols, percent=["persen_tertutup"],
                 decimals=money, key="kb_bidang", download=f"kebutuhan_bidang_{tahun}",
                 title=ui.t("perencanaan.kebutuhan_tabel_judul_ekspor", tahun=tahun), context=context)  # fmt: skip
    with tab_kab:
        per_kab = kb.totals(table, shown_services, "kode_wilayah").merge(
            table[["kode_wilayah", "nama_lengkap"]].drop_duplicates(), on="kode_wilayah").sort_values("kode_wilayah")
        per_kab["dasar_kebutuhan"] = [rw.need_basis(r) for r in per_kab.itertuples()]
        ui.table(per_kab, {"nama_lengkap": ui.t("ui.kabkota")} | need_cols, percent=["persen_tertutup"],
                 decimals=money, key="kb_kabkota", download=f"kebutuhan_kabkota_{tahun}",
                 title=ui.t("perencanaan.kebutuhan_tabel_judul_ekspor", tahun=tahun), context=context)  # fmt: skip
    with tab_service:
        svc = shown_services.sort_values(["kode_wilayah", "urutan", "kode_indikator"]).copy()
        svc["bidang_nama"] = svc["bidang"].map(field_names)
        svc["layanan"] = svc[lang_column("nama", lang)]
        svc["asal_teks"] = [ui.t(f"perencanaan.kebutuhan_asal_{a}") if isinstance(a, str) else None for a in svc["asal_biaya"]]
        ui.table(svc, {"nama_lengkap": ui.t("ui.kabkota"), "bidang_nama": ui.t("perencanaan.anggaran_bidang"),
                       "layanan": ui.t("perencanaan.kebutuhan_kol_layanan"), "belum": ui.t("perencanaan.kol_belum"),
                       "biaya_satuan": ui.t("perencanaan.kebutuhan_kol_biaya"), "asal_teks": ui.t("perencanaan.kebutuhan_kol_asal"),
                       "kebutuhan": ui.t("perencanaan.kebutuhan_kol_kebutuhan"), "sumber": ui.t("perencanaan.kebutuhan_kol_sumber")},
                 decimals={"belum": 0, "biaya_satuan": 0, "kebutuhan": 0}, key="kb_layanan",
                 download=f"kebutuhan_layanan_{tahun}", title=ui.t("perencanaan.kebutuhan_tabel_judul_ekspor", tahun=tahun),
                 context=context)  # fmt: skip
    sources = sorted({str(x) for x in shown_services["sumber"].dropna()})
    if sources:
        st.caption(ui.t("perencanaan.kebutuhan_sumber", tahun=tahun, sumber=markdown.escape("; ".join(sources))))  # imported text
    st.caption(ui.t("perencanaan.kebutuhan_cara_hitung"))

    st.subheader(ui.t("perencanaan.kebutuhan_andai_judul"))
    modes = {"bidang": ui.t("perencanaan.kebutuhan_andai_mode_bidang"), "kode_wilayah": ui.t("perencanaan.kebutuhan_andai_mode_kabkota")}
    ui.from_url("kb_mode", "bidang", list(modes))
    mode = st.radio(ui.t("perencanaan.kebutuhan_andai_mode"), list(modes), format_func=modes.get, key="kb_mode",
                    horizontal=True)  # fmt: skip
    groups = kb.what_if_groups(table, mode)
    group_names = field_names if mode == "bidang" else dict(zip(table["kode_wilayah"], table["nama_lengkap"], strict=False))
    options = [g for g in groups.index if g in group_names]
    if len(options) < 2:
        st.info(ui.t("perencanaan.kebutuhan_andai_kurang"))
    else:
        w1, w2, w3 = st.columns([1.2, 1.2, 1.6])
        ui.from_url("kb_dari", options[0], options)
        ui.from_url("kb_ke", options[1], options)
        dari = w1.selectbox(ui.t("perencanaan.kebutuhan_andai_dari"), options, format_func=group_names.get, key="kb_dari")
        ke = w2.selectbox(ui.t("perencanaan.kebutuhan_andai_ke"), options, format_func=group_names.get, key="kb_ke")
        ui.from_url("kb_bagian", 10, lambda v: str(v).isdigit() and 0 <= int(v) <= 100)
        st.session_state["kb_bagian"] = int(st.session_state["kb_bagian"])
        bagian = w3.slider(ui.t("perencanaan.kebutuhan_andai_bagian"), 0, 100, step=5, key="kb_bagian")
        if dari == ke:
            st.info(ui.t("perencanaan.kebutuhan_andai_sama"))
        else:
            moved = kb.what_if(groups, dari, ke, bagian)
            m1, m2, m3, m4 = st.columns(4)
            m1.metric(ui.t("perencanaan.kebutuhan_andai_dipindah"), ui.angka(moved.dipindah / 1e9, 1), border=True)
            gained, lost = kb.people(moved.tambah_ke), kb.people(moved.hilang_dari)
            m2.metric(ui.t("perencanaan.kebutuhan_andai_tambah"), ui.angka(gained), border=True)
            m3.metric(ui.t("perencanaan.kebutuhan_andai_hilang"), ui.angka(lost), border=True)
            m4.metric(ui.t("perencanaan.kebutuhan_andai_bersih"), fmt_signed(gained - lost), border=True)
            st.markdown(ui.t("perencanaan.kebutuhan_andai_kalimat", uang=ui.angka(moved.dipindah / 1e9, 1), bagian=bagian,
                             dari=markdown.escape(group_names[dari]), ke=markdown.escape(group_names[ke]), tambah=ui.angka(gained), hilang=ui.angka(lost),
                             bersih=fmt_signed(gained - lost)))  # fmt: skip
    st.caption(ui.t("perencanaan.kebutuhan_andai_catatan"))
