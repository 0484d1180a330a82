"""Area profile for planners: a kab/kota (optionally a kecamatan and a desa) against the province and the 100 %
target in each field, its rank among its peers, its trend and the reporting completeness of its desa."""

import pandas as pd
import streamlit as st

from dashboard.core import fmt, ui
from dashboard.core.i18n import lang_column
from dashboard.core.settings import settings
from dashboard.perencanaan import charts as cr
from dashboard.perencanaan import data as perencanaan_data
from dashboard.perencanaan import widgets as rw
from dashboard.peringatan import widgets as peringatan_widgets
from dashboard.snapshot.widgets import share_profile
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import coverage, periods, scoring
from dashboard.spm import series as spm_series
from dashboard.spm.categories import add_category, category_scheme
from dashboard.spm.charts import trend_chart

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("perencanaan.profil_judul"))

cfg = settings().perencanaan
scheme = category_scheme()
c_kec, c_desa, c_fam = st.columns([1, 1, 1.3])
area = rw.choose_area(filters.kab, (c_kec, c_desa))
if filters.kab is None:
    st.info(ui.t("perencanaan.profil_pilih_kabkota"), icon=":material/arrow_back:")
families = rw.families_for(area)
ui.from_url("pf_keluarga", families[0], families)
family_labels = {k: rw.family_label(k) for k in families}  # bound now: format functions may run outside the script
c_fam.selectbox(ui.t("perencanaan.keluarga"), families, key="pf_keluarga", format_func=family_labels.__getitem__)
keluarga = st.session_state["pf_keluarga"]

per = perencanaan_data.periode_for(filters.periode)
profile = perencanaan_data.profile(area.kode, area.provinsi, area.pembanding, per, keluarga, cfg.ambang_tren_poin)
st.caption(
    ui.t("perencanaan.profil_keterangan", wilayah=area.jalur, periode=rw.period_text(per, lang), keluarga=rw.family_label(keluarga))
)

if profile.empty or profile["indeks"].isna().all():
    st.info(ui.t("perencanaan.profil_tidak_ada_data"))
    st.stop()

name_col = lang_column("nama", lang)
opd_col = lang_column("opd", lang)
overall_label = (
    ui.t("perencanaan.profil_indeks_keseluruhan") if keluarga != "transformasi" else ui.t("perencanaan.keluarga_transformasi")
)
profile[name_col] = profile[name_col].fillna(overall_label)
profile = add_category(profile, "indeks", scheme)
overall = profile.iloc[-1]
peer_label = ui.t(f"perencanaan.profil_pembanding_{area.tingkat}")

# --- headline figures ---------------------------------------------------------------------------------
bulan_key = per.bulan
start, end = rw.month_window(bulan_key, 12)
comp = perencanaan_data.completeness([area.kode], start, end)
comp_now = comp[pd.to_datetime(comp["periode"]).dt.date == end] if len(comp) else comp
floods = perencanaan_data.floods([area.kode], per.bulan or per.resmi, cfg.bulan_banjir)

# the headline: the area first (index, category, against the province, rank among its peers, direction)
if pd.isna(overall["indeks"]):
    first = ui.t("perencanaan.judul_area_kosong", wilayah=area.nama, indeks=overall_label)
elif bool(overall["sebagian"]):
    first = ui.t("perencanaan.judul_area_sebagian", wilayah=area.nama, indeks=overall_label, nilai=ui.persen(overall["indeks"]))
else:
    first = ui.t("perencanaan.judul_area", wilayah=area.nama, indeks=overall_label, nilai=ui.persen(overall["indeks"]),
                 kategori=overall["kategori"] if isinstance(overall["kategori"], str) else fmt.NA)  # fmt: skip
    if pd.notna(overall["peringkat"]):
        first += ui.t("perencanaan.judul_area_peringkat", peringkat=int(overall["peringkat"]),
                      n=int(overall["jumlah_pembanding"]), pembanding=peer_label)  # fmt: skip
    if isinstance(overall["arah"], str) and pd.notna(overall["perubahan"]):
        first += ui.t("perencanaan.judul_area_arah", arah=ui.t(f"perencanaan.arah_{overall['arah']}"),
                      poin=fmt.selisih(overall["perubahan"], 1, lang, satuan=""))  # fmt: skip
    first += "."
if area.kode != area.provinsi and pd.notna(overall.get("indeks_provinsi")):
    first += "  \n" + ui.t("perencanaan.judul_provinsi", nilai=ui.persen(overall["indeks_provinsi"])
                            + (" ◐" if pd.notna(overall.get("sebagian_provinsi", pd.NA)) and bool(overall["sebagian_provinsi"]) else ""))  # fmt: skip
st.info(first, icon=":material/location_on:")

k1, k2, k3, k4 = st.columns(4)
# a partial index against the province is no comparison a leader can act on: no difference shown
delta = None if bool(overall["sebagian"]) else overall["selisih_provinsi"]
k1.metric(overall_label, ui.persen(overall["indeks"]) + (" ◐" if bool(overall["sebagian"]) else ""), border=True,
          delta=None if pd.isna(delta) else ui.t("perencanaan.profil_vs_provinsi", selisih=ui.angka(delta, 1)),
          delta_color="normal")  # fmt: skip
rank_text = f"{overall['peringkat']} / {overall['jumlah_pembanding']}" if pd.notna(overall["peringkat"]) else "–"
k2.metric(
    ui.t("perencanaan.profil_peringkat"), rank_text, border=True, help=ui.t("perencanaan.profil_peringkat_bantuan", pembanding=peer_label)
)
month_text = ui.bulan(end) if bulan_key else "–"
if len(comp_now):
    c = comp_now.iloc[0]
    k3.metric(ui.t("perencanaan.profil_kelengkapan"), ui.persen(c["kelengkapan_persen"]), border=True,
              help=ui.t("perencanaan.profil_kelengkapan_bantuan", bulan=month_text, melapor=int(c["desa_melapor"]), aktif=int(c["desa_aktif"])))  # fmt: skip
else:
    k3.metric(ui.t("perencanaan.profil_kelengkapan"), "–", border=True)
arah = overall["arah"]
k4.metric(ui.t("perencanaan.profil_tren"), ui.t(f"perencanaan.arah_{arah}") if isinstance(arah, str) else "–", border=True,
          delta=None if pd.isna(overall["perubahan"]) else ui.t("perencanaan.profil_poin", nilai=ui.angka(overall["perubahan"], 1)),
          help=ui.t("perencanaan.profil_tren_bantuan", ambang=ui.angka(cfg.ambang_tren_poin, 1)))  # fmt: skip
if pd.notna(overall["indeks"]):
    k1.caption(coverage.describe_completeness(overall["kelengkapan_unit"], lang))
if bool(overall["sebagian"]):
    k1.caption(coverage.explain_partial(overall["kelengkapan_unit"], lang))
flood = rw.flood_text(floods)
if flood:
    st.warning(ui.t("perencanaan.profil_banjir", kejadian=flood), icon=":material/flood:")

# --- share a snapshot (dashboard/snapshot: PNG for messaging apps, offline HTML) ---------------------------------------
share_profile(filters.kab or area.provinsi, filters.periode)

# --- per field ----------------------------------------------------------------------------------------
st.subheader(ui.t("perencanaan.profil_per_bidang"))
st.plotly_chart(
    ui.figure(cr.field_position, profile, name_col, lang, {"wilayah": area.nama, "provinsi": ui.t("perencanaan.profil_provinsi"),
                                                           "target": ui.t("perencanaan.profil_target")}),
    key="pf_grafik_bidang", config={"displayModeBar": False},
)  # fmt: skip
profile["peringkat_teks"] = [
    f"{r} / {n}" if pd.notna(r) else (ui.t("spm.tanda_sebagian") if part else "–")
    for r, n, part in zip(profile["peringkat"], profile["jumlah_pembanding"], profile["sebagian"], strict=True)
]
profile["arah_teks"] = [rw.arrow(a) for a in profile["arah"]]
profile["opd"] = profile[opd_col].fillna("")
columns = {  # the key columns first (a phone shows field, index and category), then who is responsible
    name_col: ui.t("perencanaan.profil_kol_bidang"), "indeks": ui.t("perencanaan.profil_kol_indeks"),
    "kategori": ui.t("perencanaan.profil_kol_kategori"), "opd": ui.t("perencanaan.kol_opd"), "indeks_provinsi": ui.t("perencanaan.profil_kol_provinsi"),
    "selisih_provinsi": ui.t("perencanaan.profil_kol_selisih"), "jarak_target": ui.t("perencanaan.profil_kol_jarak"),
    "peringkat_teks": ui.t("perencanaan.profil_kol_peringkat", pembanding=peer_label), "indeks_lalu": ui.t("perencanaan.profil_kol_lalu"),
    "perubahan": ui.t("perencanaan.profil_kol_perubahan"), "arah_teks": ui.t("perencanaan.profil_kol_arah"),
}  # fmt: skip
title = ui.t("perencanaan.profil_judul_tabel", wilayah=area.nama)
ui.table(profile, columns, percent=["indeks", "indeks_provinsi", "indeks_lalu"], key="pf_tabel", download="profil_bidang",
         widths={name_col: 150, "indeks": 80},
         title=title, context=rw.context(area, per, [f"{ui.t('perencanaan.keluarga')}: {rw.family_label(keluarga)}"]))  # fmt: skip
st.caption(ui.t("perencanaan.profil_cara_hitung", skema=scheme.name(lang), ambang=ui.angka(cfg.ambang_tren_poin, 1)))

# --- trend --------------------------------------------------------------------------------------------
st.subheader(ui.t("perencanaan.profil_tren_judul"))
# year-to-date (official) values: the same quarter of every year, as the trend card compares (no Q3-vs-year sawtooth)
ytd = periods.periodicity(keluarga) == "triwulanan_kumulatif"
gran = "triwulan" if ytd else "bulan"
series = spm_series.series([area.kode, area.provinsi] if area.kode != area.provinsi else [area.kode], gran,
                     scoring.Pilihan(keluarga), spm_catalog.catalog())  # fmt: skip
if ytd and len(series) and per.resmi:
    series = periods.same_quarter(series[series["periode"] <= pd.Timestamp(per.resmi)], per.resmi)
elif gran == "bulan" and len(series):
    series = series[series["periode"] >= series["periode"].max() - pd.DateOffset(months=23)]
if series.empty:
    st.info(ui.t("perencanaan.profil_tren_kosong"))
else:
    names = {area.kode: area.nama, area.provinsi: ui.t("perencanaan.profil_provinsi")}
    series = series.assign(seri=series["kode_wilayah"].map(names), provinsi=series["kode_wilayah"] == area.provinsi)
    events = spm_series.floods([area.kode])
    st.plotly_chart(
        ui.figure(trend_chart, series, lang, gran=gran, axis="tahun" if ytd else None, floods=events, flood_label=ui.t("perencanaan.profil_banjir_label"),
                  y_title=overall_label, height=360),
        key="pf_grafik_tren", config={"displayModeBar": False},
    )  # fmt: skip
    st.caption(
        ui.t("perencanaan.profil_tren_catatan_sama", keterangan=periods.series_caption(keluarga, gran, lang, key=per.resmi))
        if ytd
        else ui.t("perencanaan.profil_tren_catatan_bulan")
    )
    view = series[["seri", "periode", "nilai"]].rename(
        columns={"seri": ui.t("perencanaan.profil_wilayah"), "periode": ui.t("ui.periode"), "nilai": overall_label}
    )
    view[ui.t("ui.periode")] = view[ui.t("ui.periode")].dt.strftime("%Y-%m")
    ui.downloads(view, "profil_tren", title=ui.t("perencanaan.profil_tren_judul") + " – " + area.nama, percent=[overall_label],
                 context=rw.context(area, None, [f"{ui.t('perencanaan.keluarga')}: {rw.family_label(keluarga)}"]),
                 key="pf_unduh_tren")  # fmt: skip

# --- reporting completeness ---------------------------------------------------------------------------
st.subheader(ui.t("perencanaan.profil_kelengkapan_judul"))
if comp.empty:
    st.info(ui.t("perencanaan.profil_kelengkapan_kosong"))
else:
    st.plotly_chart(ui.figure(cr.completeness_bars, comp, lang, ui.t("perencanaan.profil_kelengkapan_sumbu")),
                    key="pf_grafik_lengkap", config={"displayModeBar": False})  # fmt: skip
    st.caption(ui.t("perencanaan.profil_kelengkapan_catatan"))
    comp_view = comp.assign(bulan=[ui.bulan(p) for p in comp["periode"]])
    ui.table(comp_view, {"bulan": ui.t("ui.periode"), "desa_aktif": ui.t("perencanaan.profil_kol_desa_aktif"),
                         "desa_melapor": ui.t("perencanaan.profil_kol_desa_melapor"), "kelengkapan_persen": ui.t("perencanaan.profil_kol_kelengkapan")},
             percent=["kelengkapan_persen"], key="pf_tabel_lengkap", download="profil_kelengkapan",
             title=ui.t("perencanaan.profil_kelengkapan_judul") + " – " + area.nama, context=rw.context(area, per))  # fmt: skip

peringatan_widgets.profile_section(area.kode, area.tingkat, filters.periode)
# --- the cost of the gap (perencanaan/kebutuhan.py) ----------------------------------------------------
rw.need_summary(area, filters.kab, filters.periode)

st.page_link("perencanaan/prioritas.py", label=ui.t("perencanaan.profil_ke_prioritas"), icon=":material/priority_high:")
