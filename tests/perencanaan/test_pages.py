"""AppTest for the planner pages (profile, priority problems, budget): every control, URL state, both languages."""

from __future__ import annotations

import pytest

from dashboard.core.warehouse import connect_readonly, query_df
from tests.helpers import open_page, query_value

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

def names(db) -> dict[str, str]:
    con = connect_readonly(db)
    try:
        cat = query_df(con, "katalog_indikator")
    finally:
        con.close()
    return dict(zip(cat["kode_indikator"], cat["nama_id"], strict=True))


def test_profile_kabkota_kecamatan_desa_and_family(perencanaan_env):
    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03")
    assert not at.exception
    assert at.title[0].value == "Profil wilayah untuk perencanaan"
    # overall official index mean(96, 24.25, 72); Banjar second of the three kab/kota with data
    assert at.metric[0].value == "64,1%" and at.metric[1].value == "2 / 3"
    # overall a year earlier mean(96.5, 24, 70) -> +0.58 points: stable (threshold 1 point)
    assert at.metric[3].value == "stabil" and at.metric[3].delta == "0,6 poin"
    assert at.selectbox(key="pf_keluarga").value == "spm_resmi"
    assert any("Banjir Uji Aluh Aluh" in w.value for w in at.warning)
    at.selectbox(key="kec").set_value("63.03.01").run()
    assert not at.exception
    # below kab/kota only Posyandu/desa data: mean(127/150, 330/450) = 79.0; second of two kecamatan; 2 of 19 desa report
    assert at.selectbox(key="pf_keluarga").value == "posyandu"
    assert at.metric[0].value == "79,0%" and at.metric[1].value == "2 / 2" and at.metric[2].value == "10,5%"
    assert query_value(at, "kec") == "63.03.01"
    at.selectbox(key="desa").set_value("63.03.01.2001").run()
    # Bakambat mean(85, 80) = 82.5 beats Tanipah mean(84, 60); it reported in March
    assert at.metric[0].value == "82,5%" and at.metric[1].value == "1 / 2" and at.metric[2].value == "100,0%"
    assert query_value(at, "desa") == "63.03.01.2001"
    at.selectbox(key="pf_keluarga").set_value("transformasi").run()
    assert not at.exception and any("Belum ada data" in i.value for i in at.info)


def test_profile_url_restores_the_area_and_english(perencanaan_env):
    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03", kec="63.03.01", desa="63.03.01.2002", lang="en")
    assert not at.exception
    assert at.title[0].value == "Area profile for planning"
    assert at.selectbox(key="desa").value == "63.03.01.2002"
    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03", kec="63.99.99", desa="<script>")
    assert not at.exception and at.selectbox(key="kec").value == "semua"
    at = open_page("perencanaan/profil.py", periode="2026-03")
    assert not at.exception and any("Pilih kabupaten/kota" in i.value for i in at.info)


def test_priority_weights_reorder_the_list_and_live_in_the_url(perencanaan_env):
    nm = names(perencanaan_env)
    at = open_page("perencanaan/prioritas.py", periode="2026-03", kab="63.03")
    assert not at.exception
    table = at.dataframe[0].value
    assert table["Indikator"].tolist()[:3] == [nm["pu_air_minum"], nm["kes_ibu_hamil"], nm["kes_balita"]]
    assert table["Skor prioritas"].iloc[0] == pytest.approx(10 * (3 * 28 / 77.5 + 6))
    downloads = [b.proto.label for b in at.get("download_button")]
    assert "Unduh lembar perencanaan (Excel)" in downloads and downloads.count("Unduh Excel") >= 3
    for comp, value in {"target": 0, "provinsi": 0, "belum": 0, "banjir": 0, "tren": 10}.items():
        at.slider(key=f"rp_w_{comp}").set_value(value)
    at.run()
    assert not at.exception
    table = at.dataframe[0].value
    assert table["Indikator"].tolist()[:2] == [nm["kes_ibu_hamil"], nm["pend_dikdas_7_15"]]
    assert table["Skor prioritas"].tolist()[:2] == [100.0, 25.0]
    assert query_value(at, "rp_w_tren") == "10" and query_value(at, "rp_w_target") == "0"
    assert any("1·K_target" not in m.value and "10·K_tren" in m.value for m in at.markdown)
    # a copied URL restores the weights
    at = open_page("perencanaan/prioritas.py", periode="2026-03", kab="63.03", rp_w_target="0", rp_w_provinsi="0",
                   rp_w_belum="10", rp_w_tren="0", rp_w_banjir="0", rp_w_junk="3")  # fmt: skip
    assert at.slider(key="rp_w_belum").value == 10
    assert at.dataframe[0].value["Indikator"].tolist()[:2] == [nm["pu_air_minum"], nm["kes_balita"]]
    at = open_page("perencanaan/prioritas.py", periode="2026-03", kab="63.03", rp_w_belum="99")
    assert not at.exception and at.slider(key="rp_w_belum").value == 3


def test_priority_period_from_the_sidebar(perencanaan_env):
    at = open_page("perencanaan/prioritas.py", periode="2026-03", kab="63.03")
    at.selectbox(key="periode").set_value("2025-12").run()
    assert not at.exception
    assert any("Triwulan IV 2025" in c.value and "Desember 2025" in c.value for c in at.caption)
    table = at.dataframe[0].value
    # Q4 2025 air minum 413000/590000 = 70 % with 177000 unserved stays the first problem
    assert table["Belum terlayani (orang)"].iloc[0] == 177000 and table["Capaian"].iloc[0] == 70.0


def test_priority_family_count_and_breakdown_controls(perencanaan_env):
    nm = names(perencanaan_env)
    at = open_page("perencanaan/prioritas.py", periode="2026-03", kab="63.03")
    at.selectbox(key="rp_keluarga").set_value("spm_resmi").run()
    assert not at.exception and len(at.dataframe[0].value) == 4
    at.selectbox(key="rp_keluarga").set_value("semua").run()
    at.selectbox(key="rp_jumlah").set_value("10").run()
    assert not at.exception and query_value(at, "rp_jumlah") == "10"
    # the breakdown offers the Posyandu indicators (official services are not reported by kecamatan)
    assert at.selectbox(key="rp_rinci").options == [nm["kes_skdn_d_per_s"], nm["pu_kk_air_layak"]]
    at.selectbox(key="rp_rinci").set_value("kes_skdn_d_per_s").run()
    parts = at.dataframe[1].value
    assert parts["Kecamatan"].tolist() == ["Kertak Hanyar", "Aluh Aluh"]
    assert parts["Belum terlayani (orang)"].tolist() == [30, 23]
    assert parts["Terdampak banjir"].tolist() == ["Tidak", "Ya"]
    at.selectbox(key="rp_rinci").set_value("pu_kk_air_layak").run()
    # KK air layak: Aluh Aluh 450 - 330 = 120, Kertak Hanyar 400 - 380 = 20
    assert at.dataframe[1].value["Belum terlayani (orang)"].tolist() == [120, 20]
    at.selectbox(key="kec").set_value("63.03.01").run()
    assert not at.exception
    assert "spm_resmi" not in at.selectbox(key="rp_keluarga").options
    at.selectbox(key="desa").set_value("63.03.01.2002").run()
    assert not at.exception and len(at.dataframe) == 1  # a desa has nothing below it


def test_priority_page_in_english_and_for_the_province(perencanaan_env):
    at = open_page("perencanaan/prioritas.py", periode="2026-03", lang="en")
    assert not at.exception and at.title[0].value == "Data-based priority problems"
    # the province breaks down into its kab/kota
    assert any("districts" in h.value for h in at.subheader)


def test_budget_page_controls(perencanaan_env):
    at = open_page("perencanaan/anggaran.py", periode="2026-03")
    assert not at.exception
    # March 2026: the last full year is 2025; flagged: Banjar health, Balangan education and PU
    assert at.selectbox(key="ag_tahun").value == "2025"
    # realised (45 + 14 + 27 + 57 + 15 + 38 + 7.5 + 7.8 + 6) of (50 + 20 + 30 + 60 + 25 + 40 + 10 + 8 + 12) bn
    assert at.metric[3].value == "3 / 9" and at.metric[2].value == "85,2%" and at.metric[0].value == "255,0"
    at.selectbox(key="ag_bidang").set_value("kesehatan").run()
    assert at.metric[3].value == "1 / 3" and query_value(at, "ag_bidang") == "kesehatan"
    table = at.dataframe[0].value
    assert table["Realisasi"].tolist() == [70.0, 97.5, 60.0]
    at.selectbox(key="kab").set_value("63.11").run()  # the sidebar kab/kota filter
    assert at.metric[3].value == "0 / 1" and at.dataframe[0].value["Realisasi"].tolist() == [97.5]
    assert len(at.dataframe) == 5  # with a kab/kota: its history by year, then the need per field, kab/kota, service
    at.selectbox(key="kab").set_value("semua").run()
    at.selectbox(key="ag_tahun").set_value("2026").run()
    assert not at.exception and any("masih berjalan" in i.value for i in at.info)
    at = open_page("perencanaan/anggaran.py", periode="2026-03", kab="63.03", ag_tahun="2025", lang="en")
    assert not at.exception and at.title[0].value == "SPM budget vs achievement"
    assert len(at.dataframe) == 5 and len(at.dataframe[1].value) == 4  # history: 2025 (3 fields) and 2026 (1)


def test_budget_page_without_budget_data(app_env):
    at = open_page("perencanaan/anggaran.py", periode="2026-03")
    assert not at.exception and any("Belum ada data anggaran" in i.value for i in at.info)


def test_profile_trend_is_the_same_quarter_of_every_year(perencanaan_env):
    import base64
    import json

    import numpy as np

    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03")
    assert not at.exception
    traces = [tr for chart in at.get("plotly_chart") for tr in json.loads(chart.proto.spec)["data"]]
    line = next(tr for tr in traces if tr.get("name") == "Kabupaten Banjar" and tr.get("mode") == "lines+markers")
    # Q1 2025 and Q1 2026 year to date, at their own year (no Q4 2025 point): mean(96.5, 24, 70), mean(96, 24.25, 72)
    assert [x[:10] for x in line["x"]] == ["2025-07-01", "2026-07-01"]
    y = line["y"] if isinstance(line["y"], list) else np.frombuffer(base64.b64decode(line["y"]["bdata"]), dtype="f8")
    assert list(y) == pytest.approx([63.5, (96 + 24.25 + 72) / 3])
    assert line["customdata"] == ["TW I 2025", "TW I 2026"]
    assert any("Triwulan I setiap tahun (kumulatif Januari–Maret)" in c.value for c in at.caption)
    assert at.metric[3].value == "stabil"  # the card compares the same quarter too: +0.6 points
    en = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03", lang="en")
    assert any("Q1 of every year (year to date, January–March)" in c.value for c in en.caption)
