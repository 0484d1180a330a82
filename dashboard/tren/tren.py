"""Trends: an indicator's coverage or a field/overall score over time for the province, kab/kota, kecamatan or
desa; monthly, quarterly or yearly; several areas on one chart; a year-on-year view; flood events shaded."""

import pandas as pd
import streamlit as st

from dashboard.core import dates, fmt, store, ui
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import charts as cp
from dashboard.spm import coverage, periods
from dashboard.spm import series as spm_series
from dashboard.spm import widgets as pw

MAX_AREAS = 10  # areas on one chart (the multiselect's max_selections: the URL is held to it too)

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("tren.judul"))

fields = spm_catalog.fields()
catalog = spm_catalog.catalog()
prov = store.provinsi_kode()
kab = store.kabkota()

c_fam, c_field, c_ind = st.columns([1, 1, 1.6])
pilihan = pw.choose_scope(catalog, fields, "tr", (c_fam, c_field, c_ind), family_label_key="tren.keluarga")
c_grain, c_view, c_level = st.columns([1, 1.3, 1.6])
# year-to-date (official) values climb from Q1 to Q4 every year: by default only the same quarter of every year
ytd = periods.periodicity(pilihan.keluarga) == "triwulanan_kumulatif"
VIEWS = ["sama", "deret", "yoy"] if ytd else ["deret", "yoy"]
ui.from_url("tr_tampilan", VIEWS[0], VIEWS)
c_view.segmented_control(ui.t("tren.tampilan"), VIEWS, key="tr_tampilan", required=True,
                         format_func=lambda v: ui.t(f"tren.tampilan_{v}"))  # fmt: skip
view = st.session_state["tr_tampilan"] or VIEWS[0]
# the grains the family has (official services: no monthly value); the same-quarter view is quarterly by definition
gran = pw.choose_grain(c_grain, periods.grains(pilihan.keluarga), "bulan", disabled=view == "sama")
grain = "triwulan" if view == "sama" else periods.data_grain(pilihan.keluarga, gran)

# --- areas ---------------------------------------------------------------------------------------------
LEVELS = ["kabkota", "kecamatan", "desa"]
ui.from_url("tr_tingkat", "kabkota", LEVELS)
c_level.segmented_control(ui.t("tren.tingkat"), LEVELS, key="tr_tingkat", required=True,
                          format_func=lambda v: ui.t(f"tren.tingkat_{v}"))  # fmt: skip
level = st.session_state["tr_tingkat"] or "kabkota"
c_parent, c_child = st.columns(2)
names = {prov: store.wilayah_info(prov).get("nama_lengkap", prov)} | dict(
    zip(kab["kode"], kab["nama_lengkap"], strict=True)
)
options = [prov]
if level == "kabkota":
    options += kab["kode"].tolist()
    default = [prov] + ([filters.kab] if filters.kab else [])
else:
    kab_codes = kab["kode"].tolist()
    ui.from_url("tr_kab", filters.kab or kab_codes[0], kab_codes)
    c_parent.selectbox(ui.t("tren.kabkota"), kab_codes, key="tr_kab", format_func=lambda k: names[k])
    parent = st.session_state["tr_kab"]
    kec = store.wilayah_anak(parent)
    names |= dict(zip(kec["kode"], kec["nama_lengkap"], strict=True))
    options.append(parent)
    if level == "kecamatan":
        options += kec["kode"].tolist()
        default = [parent]
    else:
        kec_codes = kec["kode"].tolist()
        ui.from_url("tr_kec", kec_codes[0], kec_codes)
        c_child.selectbox(ui.t("tren.kecamatan"), kec_codes, key="tr_kec", format_func=lambda k: names[k])
        parent_kec = st.session_state["tr_kec"]
        desa = store.wilayah_anak(parent_kec)
        names |= dict(zip(desa["kode"], desa["nama_lengkap"], strict=True))
        options += [parent_kec, *desa["kode"].tolist()]
        default = [parent_kec]
allowed = set(options)


def areas_ok(value: object) -> bool:
    """A URL value for the areas: known codes, no repeats, at most MAX_AREAS (what the multiselect accepts)."""
    codes = [c for c in value.split(",") if c] if isinstance(value, str) else []
    return isinstance(value, str) and len(codes) <= MAX_AREAS and len(set(codes)) == len(codes) and set(codes) <= allowed


ui.from_url("tr_wil", ",".join(default), areas_ok)
wanted = [c for c in st.session_state["tr_wil"].split(",") if c]
current = st.session_state.get("tr_wil_pilih")
if not isinstance(current, list) or not set(current) <= allowed or len(current) > MAX_AREAS:
    st.session_state["tr_wil_pilih"] = wanted
st.multiselect(ui.t("tren.wilayah"), options, key="tr_wil_pilih", format_func=lambda k: names.get(k, k),
               max_selections=MAX_AREAS, placeholder=ui.t("tren.wilayah_kosong"))  # fmt: skip
areas = list(st.session_state["tr_wil_pilih"])
st.session_state["tr_wil"] = ",".join(areas)

# --- chart -----------------------------------------------------------------------------------------------
label = pw.metric_label(pilihan, catalog, fields)
y_title = ui.t("bidang.kol_capaian") if pilihan.satu_indikator else label
st.caption(label + " · " + pw.family_label(pilihan.keluarga) + " · " + pw.grain_label(grain))
if pilihan.keluarga == "spm_resmi" and any(a.count(".") >= 2 for a in areas):
    st.info(ui.t("tren.resmi_kabkota"), icon=":material/info:")
if grain != gran and view != "sama":
    st.caption(ui.t("tren.resmi_triwulan"))
if pilihan.keluarga == "spm_resmi" and not pilihan.satu_indikator and prov in areas:
    st.caption(ui.t("tren.resmi_provinsi"))

series = spm_series.series(areas, grain, pilihan, catalog)
quarter = None
if view == "sama" and len(series):
    quarter = periods.resolve_family(pilihan.keluarga, "bulan", filters.periode, list(series["periode"]))
    quarter = quarter or series["periode"].max()
    series = periods.same_quarter(series, quarter)
st.caption(periods.series_caption(pilihan.keluarga, grain, lang, key=quarter))
if filters.kab and filters.kab in areas:  # the headline speaks about the selected kab/kota first, the province after
    month_end = pd.Timestamp(filters.periode_date) + pd.offsets.MonthEnd(0)
    st.info(spm_series.reading(series, filters.kab, names.get(filters.kab, filters.kab), prov, month_end,
                               lambda p: periods.period_label(grain, p, lang, pilihan.keluarga), lang, ui.persen),
            icon=":material/location_on:")  # fmt: skip
series["seri"] = series["kode_wilayah"].map(lambda k: names.get(k, k))
series["provinsi"] = series["kode_wilayah"] == prov
codes = spm_series.indicators_for(catalog, pilihan)

head, kamus = st.columns([5, 1])
with kamus:
    pw.dictionary(catalog, codes, key="tr_kamus")
if series.empty:
    st.info(ui.t("tren.kosong"))
elif view in ("sama", "deret"):
    st.plotly_chart(
        ui.figure(cp.trend_chart, series, lang, gran=grain, axis="tahun" if view == "sama" else None, floods=spm_series.floods([a for a in areas if a != prov] or [prov]),
                  flood_label=ui.t("tren.banjir"), y_title=y_title, band=pilihan.satu_indikator and len(areas) <= 2),
        key="tr_grafik", config={"displayModeBar": False},
    )  # fmt: skip
    st.caption(ui.t("tren.catatan_deret"))
    if "sebagian" in series and series["sebagian"].any():
        st.caption(ui.t("spm.titik_sebagian", ambang=ui.persen(coverage.threshold(), 0)))
else:
    have = [a for a in areas if a in set(series["kode_wilayah"])]
    ui.from_url("tr_yoy", have[0], have)
    head.selectbox(ui.t("tren.yoy_wilayah"), have, key="tr_yoy", format_func=lambda k: names.get(k, k))
    one = series[series["kode_wilayah"] == st.session_state["tr_yoy"]]
    if grain == "tahun":
        st.info(ui.t("tren.yoy_tahunan"))
    else:
        ticks = (lambda i: dates.month_name(i, lang)[:3]) if grain == "bulan" else (lambda i: ui.t("tren.tw", q=i))
        st.plotly_chart(cp.yoy_chart(one, lang, gran=grain, tick_labels=ticks, y_title=y_title), key="tr_yoy_grafik",
                        config={"displayModeBar": False})  # fmt: skip
        st.caption(ui.t("tren.catatan_yoy"))

if len(series):
    with st.expander(ui.t("tren.data"), icon=":material/table:"):
        shown = series.assign(
            periode_label=[periods.period_label(grain, p, lang, pilihan.keluarga) for p in series["periode"]],
        )
        columns = {"seri": ui.t("tren.kol_wilayah"), "periode_label": ui.t("tren.kol_periode"), "nilai": label}
        if pilihan.satu_indikator:
            columns |= {"terlayani": ui.t("bidang.kol_terlayani"), "sasaran": ui.t("bidang.kol_sasaran")}
        ui.table(shown.sort_values(["seri", "periode"]), columns, percent=["nilai"], key="tr_tabel")
        st.caption(ui.t("tren.catatan_data", na=fmt.NA) if not pd.isna(series["nilai"]).all() else "")
