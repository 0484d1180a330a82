"""One SPM field (or the Posyandu transformation panel), chosen by the user and kept in the URL: every indicator
with coverage, gap, changes, a short trend and its dictionary; the field index; one indicator's trend in detail."""

import streamlit as st

from dashboard.bidang import data as bidang_data
from dashboard.core import fmt, store, ui
from dashboard.core.i18n import lang_column
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import charts as cp
from dashboard.spm import coverage, periods, scoring
from dashboard.spm import series as spm_series
from dashboard.spm import widgets as pw
from dashboard.spm.categories import category_scheme

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()

scheme = category_scheme()
fields = spm_catalog.fields()
catalog = spm_catalog.catalog()
codes = fields["kode_bidang"].tolist()

st.title(ui.t("bidang.judul"))
c_field, c_grain = st.columns([2, 1.2])
ui.from_url("bidang", codes[0], codes)
c_field.selectbox(ui.t("bidang.pilih"), codes, key="bidang", format_func=lambda k: pw.field_name(fields, k))
gran = pw.choose_grain(c_grain, periods.GRANULARITAS, "bulan")
bidang = st.session_state["bidang"]
field = fields[fields["kode_bidang"] == bidang].iloc[0]
is_transform = not bool(field["termasuk_indeks"])

area = filters.area
area_name = store.wilayah_info(area).get("nama_lengkap", area)
table, keys = bidang_data.load(area, bidang, gran, filters.periode, scheme, filters.kab is None)


def family_period(keluarga: str) -> str:
    key = keys.get(keluarga)
    if key is None:
        return fmt.NA
    until = table.loc[table["keluarga"] == keluarga, "periode_data"].dropna()
    return periods.period_label(
        periods.data_grain(keluarga, gran), key, lang, keluarga, max(until) if len(until) else None
    )


period_parts = [f"{pw.family_label(k)}: {family_period(k)}" for k in keys]
st.caption(" · ".join([area_name, field[lang_column("opd", lang)], *period_parts]))
if filters.kab and keys:  # the headline speaks about the selected kab/kota first, then the province for context
    keluarga = next(iter(keys))
    mine = bidang_data.field_score(table, keluarga)
    prov_table, _ = bidang_data.load(store.provinsi_kode(), bidang, gran, filters.periode, scheme, True)
    prov = bidang_data.field_score(prov_table, keluarga)
    label = ui.t(f"bidang.skor_{keluarga}")
    if mine["skor"] is None:
        first = ui.t("bidang.judul_wilayah_kosong", wilayah=area_name, skor=label, periode=family_period(keluarga))
    else:
        cat = None if mine["sebagian"] else scheme.classify(mine["skor"])
        first = ui.t("bidang.judul_wilayah", wilayah=area_name, skor=label, periode=family_period(keluarga),
                     nilai=ui.persen(mine["skor"]) + (" ◐" if mine["sebagian"] else ""),
                     kategori=cat.label if cat else ui.t("bidang.tanpa_kategori"), ada=mine["ada"], total=mine["total"])  # fmt: skip
    prov_value = fmt.NA if prov["skor"] is None else ui.persen(prov["skor"]) + (" ◐" if prov["sebagian"] else "")
    st.info(first + "  \n" + ui.t("bidang.judul_provinsi", nilai=prov_value), icon=":material/location_on:")
if is_transform:
    st.info(ui.t("bidang.transformasi_info"), icon=":material/groups:")

# --- headline numbers ---------------------------------------------------------------------------------
families = [k for k in ("spm_resmi", "posyandu", "transformasi") if k in set(table["keluarga"])]
cols = st.columns(max(len(families), 1) + 1)
for col, keluarga in zip(cols, families, strict=False):
    skor = bidang_data.field_score(table, keluarga)
    cat = None if skor["sebagian"] else scheme.classify(skor["skor"])  # a partial score earns no category
    col.metric(ui.t(f"bidang.skor_{keluarga}"), ui.persen(skor["skor"]) + (" ◐" if skor["sebagian"] else ""),
               border=True, help=ui.t(f"bidang.skor_bantuan_{keluarga}"))  # fmt: skip
    col.markdown(ui.category_badge(cat.label if cat else None) + " · "
                 + ui.t("bidang.berdata", ada=skor["ada"], total=skor["total"]))  # fmt: skip
    if skor["skor"] is not None:
        col.caption(coverage.describe_completeness(skor["kelengkapan"], lang))
    if skor["sebagian"]:
        col.caption(coverage.explain_partial(skor["kelengkapan"], lang))
over = int(table["lebih_100"].sum())
any_value = bool(table["capaian_persen"].notna().any())
cols[-1].metric(ui.t("bidang.lebih_100"), str(over) if any_value else fmt.NA, border=True,
                help=ui.t("bidang.lebih_100_bantuan"))  # fmt: skip

# --- indicator tables, one per family -----------------------------------------------------------------
head, kamus = st.columns([4, 1], vertical_alignment="bottom")
head.subheader(ui.t("bidang.indikator"))
with kamus:
    pw.dictionary(catalog, table["kode_indikator"].tolist(), key="bd_kamus_tabel")
name_col = lang_column("nama", lang)
view = table.assign(
    nama=[n + (" ↓" if not h else "") + (" · " + ui.t("spm.level_provinsi") if lv == "provinsi" else "")
          for n, h, lv in zip(table[name_col], table["lebih_tinggi_lebih_baik"], table["level"], strict=True)],
    catatan=[" · ".join(x for x in (("⚠ " + ui.persen(v)) if f else "",
                                     coverage.describe_units(r, r["level"], lang),
                                     ui.t("spm.tanda_sebagian") if r["sebagian"] else "") if x)
             for f, v, (_, r) in zip(table["lebih_100"], table["capaian_persen"], table.iterrows(), strict=True)],
)  # fmt: skip
headers = {
    "nama": ui.t("bidang.kol_indikator"), "capaian_tampil": ui.t("bidang.kol_capaian"),
    "kategori": ui.t("bidang.kol_kategori"), "terlayani": ui.t("bidang.kol_terlayani"),
    "sasaran": ui.t("bidang.kol_sasaran"), "gap": ui.t("bidang.kol_gap"),
    "delta_lalu": ui.t("bidang.kol_delta_lalu"), "delta_tahun_lalu": ui.t("bidang.kol_delta_tahun"),
    "tren": ui.t("bidang.kol_tren"), "catatan": ui.t("bidang.kol_catatan"),
}  # fmt: skip
widths = {"nama": 236, "capaian_tampil": 80, "kategori": 110, "terlayani": 80, "sasaran": 80, "gap": 116,
          "delta_lalu": 66, "delta_tahun_lalu": 84, "tren": 80, "catatan": 220}  # fmt: skip  (headers not cut at 1366 px)
for keluarga in families:
    part = view[view["keluarga"] == keluarga].reset_index(drop=True)
    st.markdown(f"**{pw.family_label(keluarga)}** · {family_period(keluarga)}")
    config = {headers[c]: st.column_config.Column(width=w) for c, w in widths.items()}
    config[headers["tren"]] = st.column_config.LineChartColumn(
        headers["tren"], y_min=0, y_max=100, width=widths["tren"]
    )
    st.dataframe(pw.indicator_styler(part, headers, lang), key=f"bd_tabel_{keluarga}", hide_index=True, placeholder=fmt.NA,
                 height=35 * (len(part) + 1) + 3, column_config=config)  # fmt: skip
st.caption(ui.t("bidang.tabel_catatan", skema=scheme.name(lang)))

# --- coverage chart -----------------------------------------------------------------------------------
head, kamus = st.columns([5, 1])
head.subheader(ui.t("bidang.grafik_capaian"))
with kamus:
    pw.dictionary(catalog, table["kode_indikator"].tolist(), key="bd_kamus_grafik")
chart_data = table.assign(
    label=[
        (n if len(n) <= 46 else n[:44] + "…") + ("" if h else " ↓")
        for n, h in zip(table[name_col], table["lebih_tinggi_lebih_baik"], strict=True)
    ]
)
chart_data = chart_data[["label", "capaian_tampil", "capaian_persen", "ci_lo", "ci_hi", "kategori", "lebih_100"]]
st.plotly_chart(
    ui.figure(cp.indicator_bars, chart_data, lang, scheme, label_col="label", flag_text=ui.t("spm.flag_lebih_100"),
              na_label=ui.t("peringkat.tanpa_data")),
    key="bd_grafik", config={"displayModeBar": False},
)  # fmt: skip

# --- one indicator over time --------------------------------------------------------------------------
st.subheader(ui.t("bidang.tren_indikator"))
ind_codes = table["kode_indikator"].tolist()
ui.from_url("bd_ind", ind_codes[0], ind_codes)
c_ind, kamus = st.columns([5, 1])
c_ind.selectbox(
    ui.t("spm.indikator"), ind_codes, key="bd_ind", format_func=lambda k: pw.indicator_name(catalog, k)
)
indikator = st.session_state["bd_ind"]
with kamus:
    pw.dictionary(catalog, [indikator], key="bd_kamus_tren")
row = catalog[catalog["kode_indikator"] == indikator].iloc[0]
pilihan = scoring.Pilihan(str(row["keluarga"]), bidang, indikator)
areas = [area] if filters.kab is None else [filters.kab, store.provinsi_kode()]
names = {a: store.wilayah_info(a).get("nama_lengkap", a) for a in areas}
series = spm_series.series(areas, gran, pilihan, catalog)
how = periods.periodicity(pilihan.keluarga, row.get("periode_laporan"))
data_grain = periods.data_grain(pilihan.keluarga, gran)
quarter = None
if how == "triwulanan_kumulatif" and data_grain == "triwulan" and len(series):
    # year-to-date values: the same quarter of each year by default (as on the trend page), never a sawtooth
    quarter = keys.get(pilihan.keluarga) or series["periode"].max()
    series = periods.same_quarter(series, quarter)
series["seri"] = series["kode_wilayah"].map(names)
series["provinsi"] = series["kode_wilayah"] == store.provinsi_kode()
st.plotly_chart(
    ui.figure(cp.trend_chart, series, lang, gran=data_grain, axis="tahun" if quarter is not None else None,
              floods=spm_series.floods([area]), flood_label=ui.t("tren.banjir"), y_title=ui.t("bidang.kol_capaian"),
              band=True),
    key="bd_tren", config={"displayModeBar": False},
)  # fmt: skip
st.caption(periods.series_caption(pilihan.keluarga, gran, lang, row.get("periode_laporan"), key=quarter) + " "
           + ui.t("bidang.tren_catatan"))  # fmt: skip
if "sebagian" in series and series["sebagian"].any():
    st.caption(ui.t("spm.titik_sebagian", ambang=ui.persen(coverage.threshold(), 0)))
