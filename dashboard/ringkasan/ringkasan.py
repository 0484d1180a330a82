"""Overview: province (or one kab/kota) coverage per SPM field for the chosen period, top/bottom districts."""

import pandas as pd
import streamlit as st

from dashboard.core import fmt, store, ui
from dashboard.core.i18n import lang_column
from dashboard.ringkasan import charts as ringkasan_charts
from dashboard.ringkasan import data as ringkasan_data
from dashboard.spm import coverage
from dashboard.spm.categories import category_scheme

lang = ui.lang()
filters = ui.sidebar_filters()
ui.banner()
st.title(ui.t("ringkasan.judul"))

scheme = category_scheme()
area_name = store.wilayah_info(filters.area).get("nama_lengkap", filters.area)
fields = ringkasan_data.field_summary(filters.area, filters.periode_date)
spm_period = fields["periode_spm"].dropna()
spm_label = ui.triwulan(spm_period.iloc[0]) if len(spm_period) else "–"
st.caption(ui.t("ringkasan.keterangan", wilayah=area_name, spm=spm_label, bulan=ui.bulan(filters.periode)))

districts = ringkasan_data.district_summary(filters.periode_date)
if filters.kab:  # the headline speaks about the selected kab/kota first, then the province for context
    mine = districts[districts["kode"] == filters.kab]
    prov_row = ringkasan_data.overall_row(ringkasan_data.field_summary(store.provinsi_kode(), filters.periode_date))
    prov_text = fmt.NA if prov_row is None or pd.isna(prov_row["indeks"]) else (
        ui.persen(prov_row["indeks"]) + (" ◐" if bool(prov_row["sebagian"]) else ""))  # fmt: skip
    if len(mine) and pd.notna(mine["peringkat"].iloc[0]):
        first = ui.t("ringkasan.peringkat_pilihan", nama=mine["nama_lengkap"].iloc[0], peringkat=int(mine["peringkat"].iloc[0]),
                     n=int(districts["peringkat"].notna().sum()), indeks=ui.persen(mine["indeks"].iloc[0]),
                     kategori=mine["kategori"].iloc[0] if isinstance(mine["kategori"].iloc[0], str) else fmt.NA, spm=spm_label)  # fmt: skip
        if bool(mine["lebih_100"].iloc[0]):
            first += " " + ui.t("ringkasan.peringkat_lebih_100")
    elif len(mine) and pd.notna(mine["indeks"].iloc[0]) and bool(mine["sebagian"].iloc[0]):
        first = ui.t("ringkasan.pilihan_sebagian", nama=mine["nama_lengkap"].iloc[0], indeks=ui.persen(mine["indeks"].iloc[0]),
                     kelengkapan=coverage.format_completeness(mine["kelengkapan_unit"].iloc[0], lang))  # fmt: skip
    else:
        first = ui.t("ringkasan.pilihan_kosong", nama=area_name, spm=spm_label)
    st.info(first + "  \n" + ui.t("ringkasan.pilihan_provinsi", indeks=prov_text), icon=":material/location_on:")

spm_fields = fields[fields["termasuk_indeks"].astype(bool)]
overall_row = ringkasan_data.overall_row(fields)
overall = ringkasan_data.overall_index(fields)
overall_partial = overall_row is not None and bool(overall_row["sebagian"])
n_with_data, n_fields = ringkasan_data.index_coverage(fields)
overall_cat = None if overall_partial else scheme.classify(overall)  # a partial index earns no category
tuntas = scheme.count_tuntas(spm_fields["indeks"], spm_fields["sebagian"])
n_complete = int((spm_fields["indeks"].notna() & ~spm_fields["sebagian"].astype(bool)).sum())
posyandu_mean, posyandu_complete, posyandu_partial = ringkasan_data.posyandu_summary(spm_fields)

k1, k2, k3 = st.columns(3)
overall_text = ui.persen(overall) + (" ◐" if overall_partial else "")
k1.metric(ui.t("ringkasan.indeks_total", n=n_with_data, total=n_fields), overall_text, border=True)
if overall_cat:
    k1.markdown(ui.category_badge(overall_cat.label))
if overall_row is not None and overall is not None:
    k1.caption(coverage.describe_completeness(overall_row["kelengkapan_unit"], lang))
    if overall_partial:
        k1.caption(coverage.explain_partial(overall_row["kelengkapan_unit"], lang))
# no field with complete data: no count ("0 / 6" would say every field is known to fall short)
tuntas_text = f"{tuntas} / {len(spm_fields)}" if n_complete else "–"
k2.metric(ui.t("ringkasan.bidang_tuntas", kategori=scheme.tuntas.label), tuntas_text, border=True)
k3.metric(ui.t("ringkasan.posyandu_rata"), ui.persen(posyandu_mean) + (" ◐" if posyandu_partial else ""), border=True)
if posyandu_mean is not None:
    k3.caption(coverage.describe_completeness(posyandu_complete, lang))
if posyandu_partial:
    k3.caption(coverage.explain_partial(posyandu_complete, lang))
if n_with_data and not n_complete:
    k2.caption(ui.t("ringkasan.tuntas_sebagian"))
n_prov = int(spm_fields["layanan_provinsi"].sum())
st.caption(ui.t("ringkasan.cakupan_provinsi" if n_prov else "ringkasan.cakupan_kabkota",
                kabkota=int(spm_fields["layanan_kabkota"].sum()), provinsi=n_prov))  # fmt: skip

st.subheader(ui.t("ringkasan.per_bidang"))
name_col = lang_column("nama", lang)
cols = st.columns(3)
for i, row in enumerate(spm_fields.itertuples(index=False)):
    with cols[i % 3].container(border=True):
        st.markdown(f"**{getattr(row, name_col)}**")
        st.markdown(f"### {ui.persen(row.indeks)}" + (" ◐" if row.sebagian else ""))
        if isinstance(row.kategori, str):  # no data or partial: no badge
            st.markdown(ui.category_badge(row.kategori))
        st.caption(ui.t("ringkasan.layanan", ada=row.layanan_ada, total=row.layanan_total))
        if row.layanan_ada:
            st.caption(coverage.describe_completeness(row.kelengkapan_unit, lang))
        if row.sebagian:
            st.caption(coverage.explain_partial(row.kelengkapan_unit, lang))
        if row.layanan_lebih_100:
            st.caption(":warning: " + ui.t("ringkasan.lebih_100", n=row.layanan_lebih_100))
        partial_posyandu = pd.notna(row.posyandu_kelengkapan) and row.posyandu_kelengkapan < coverage.threshold()
        st.caption(ui.t("ringkasan.posyandu", nilai=ui.persen(row.posyandu_rata)) + (" ◐" if partial_posyandu else ""))

transform = fields[~fields["termasuk_indeks"].astype(bool)]
if len(transform):
    tr = transform.iloc[0]
    st.info(ui.t("ringkasan.transformasi") + ": " + ui.persen(tr["posyandu_rata"]), icon=":material/groups:")

st.plotly_chart(
    ringkasan_charts.field_index_bar(spm_fields, name_col, lang, scheme, ui.t("ringkasan.grafik_bidang")),
    config={"displayModeBar": False},
    key="grafik_bidang",
)
st.caption(ui.t("ringkasan.cara_hitung", skema=scheme.name(lang)))

districts["tanda"] = [
    ui.t("spm.tanda_sebagian") if part
    else ui.t("ringkasan.tanda_lebih_100") if over else (ui.t("ringkasan.tanda_tanpa_penyebut") if unsure else "")
    for part, over, unsure in zip(districts["sebagian"], districts["lebih_100"], districts["tidak_pasti"], strict=True)
]  # fmt: skip
districts["bidang"] = [ui.t("ringkasan.bidang_ada", n=n, total=n_fields) for n in districts["bidang_ada"]]
columns = {  # the key columns first: a phone shows rank, name, index and category before the notes
    "peringkat": ui.t("ringkasan.kol_peringkat"),
    "nama_lengkap": ui.t("ringkasan.kol_kabkota"),
    "indeks": ui.t("ringkasan.kol_indeks"),
    "kategori": ui.t("ringkasan.kol_kategori"),
    "tanda": ui.t("ringkasan.kol_tanda"),
    "bidang": ui.t("ringkasan.kol_bidang_ada"),
    "kelengkapan_unit": ui.t("ringkasan.kol_kelengkapan"),
}
widths = {"peringkat": 70, "nama_lengkap": 200, "indeks": 80}
left, right = st.columns(2)
with left:
    st.subheader(ui.t("ringkasan.kabkota_teratas"))
    ui.table(districts.dropna(subset=["peringkat"]).head(3), columns, percent=["indeks", "kelengkapan_unit"], key="tabel_teratas", download="kabkota_teratas", widths=widths,
             title=ui.t("ringkasan.kabkota_teratas"))
with right:
    st.subheader(ui.t("ringkasan.kabkota_terbawah"))
    ui.table(districts.dropna(subset=["peringkat"]).tail(3).iloc[::-1], columns, percent=["indeks", "kelengkapan_unit"], key="tabel_terbawah", widths=widths,
             download="kabkota_terbawah", title=ui.t("ringkasan.kabkota_terbawah"))
n_over = int((districts["lebih_100"] & districts["indeks"].notna()).sum())
if n_over:
    st.caption(":warning: " + ui.t("ringkasan.kabkota_lebih_100", n=n_over))
n_partial = int(districts["sebagian"].sum())
if n_partial:
    st.caption(ui.t("ringkasan.kabkota_sebagian", n=n_partial, ambang=ui.persen(coverage.threshold(), 0)))
