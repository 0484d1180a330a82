"""AppTest for the field, ranking and trend pages: every page and every control, on the extended fixture."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core import fmt
from tests.helpers import APP

GEOJSON = Path("/work/shared/reference/kalsel_kabkota.geojson")


def open_page(page: str, **query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(f"{page}/{page}.py").run()  # the first run opens the page with the URL's state
    assert not at.exception, [e.value for e in at.exception]
    return at


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def query(at: AppTest, key: str) -> str | None:
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value


# --- ranking page ---------------------------------------------------------------------------------------


def test_ranking_page_default(peringkat_env):
    at = open_page("peringkat", periode="2026-03")
    assert at.title[0].value == "Peringkat kab/kota"
    reading = at.info[0].value
    assert reading.startswith(
        "Triwulan I 2026 (kumulatif): Kota Banjarmasin teratas dari 4 kab/kota (74,1%, Tuntas Pratama)"
    )
    table = at.dataframe[0].value
    assert table.iloc[:4, 2].tolist() == [
        "Kota Banjarmasin",
        "Kabupaten Banjar",
        "Kabupaten Balangan",
        "Kota Banjarbaru",
    ]
    assert len(table) == 13
    assert query(at, "keluarga") == "spm_resmi" and query(at, "waktu") == "triwulan"
    assert len(at.get("plotly_chart")) == 3  # map, CI chart, funnel


def test_ranking_page_every_control(peringkat_env):
    at = open_page("peringkat", periode="2026-03")
    at.selectbox(key="pk_bidang").set_value("kesehatan").run()
    ok(at)
    at.selectbox(key="pk_ind").set_value("kes_ibu_hamil").run()
    ok(at)
    table = at.dataframe[0].value
    assert table.iloc[0, 2] == "Kota Banjarbaru" and table.iloc[0, 4] == "30 / 80"
    at.segmented_control(key="waktu").set_value("tahun").run()
    ok(at)
    assert at.info[0].value.startswith("Tahun 2026 (s.d. Triwulan I)")
    at.segmented_control(key="pk_warna").set_value("nilai").run()
    ok(at)
    at.segmented_control(key="pk_batas").set_value("overdispersi").run()
    ok(at)
    assert any("φ" in c.value for c in at.caption)
    at.selectbox(key="kab").set_value("63.03").run()
    ok(at)
    assert query(at, "kab") == "63.03" and query(at, "pk_warna") == "nilai"
    at.selectbox(key="pk_ind").set_value("semua").run()
    ok(at)
    at.selectbox(key="pk_funnel").set_value("kes_balita").run()
    ok(at)
    at.selectbox(key="keluarga").set_value("posyandu").run()
    ok(at)
    assert at.segmented_control(key="waktu").options == ["Bulan", "Triwulan", "Tahun"]
    at.segmented_control(key="waktu").set_value("bulan").run()
    ok(at)
    assert at.info[0].value.startswith("Maret 2026")
    at.selectbox(key="keluarga").set_value("transformasi").run()
    ok(at)
    assert at.selectbox(key="pk_bidang").value == "transformasi_posyandu"
    assert at.info[0].value.startswith("Maret 2026: Kota Banjarmasin teratas dari 3 kab/kota (90,0%")


def test_ranking_page_english_and_empty_period(peringkat_env):
    at = open_page("peringkat", periode="2025-03", lang="en")
    assert at.title[0].value == "District ranking"
    assert any("No Official SPM services data" in i.value for i in at.info)  # no quarter-end report yet
    at = open_page("peringkat", periode="2025-10", lang="en", keluarga="posyandu", waktu="bulan")
    assert at.info[0].value.startswith("October 2025: ")


@pytest.mark.skipif(not GEOJSON.exists(), reason="boundary GeoJSON not available on this machine")
def test_ranking_page_with_boundary_geojson(peringkat_env, monkeypatch):
    monkeypatch.setenv("SPM_GEOJSON", str(GEOJSON))
    at = open_page("peringkat", periode="2026-03", kab="63.71")
    assert any("GeoJSON" in c.value for c in at.caption)


def test_indicator_dictionary_next_to_every_figure(peringkat_env):
    at = open_page("peringkat", periode="2026-03", pk_bidang="kesehatan", pk_ind="kes_ibu_hamil")
    assert len(at.get("popover")) == 4  # table, map, CI chart, funnel
    entry = next(m.value for m in at.markdown if "(`kes_ibu_hamil`)" in m.value)
    for part in ("Pembilang: Jumlah ibu hamil", "Penyebut: Jumlah sasaran ibu hamil", "Rumus: (", "Tingkat: Kabupaten/kota",
                 "Periode lapor: Triwulanan", "Dasar hukum/sumber: PP 2/2018"):  # fmt: skip
        assert part in entry, part
    at = open_page("bidang", periode="2026-03", bidang="kesehatan")
    assert len(at.get("popover")) == 3  # table, bar chart, trend chart
    assert any("makin rendah makin baik" in m.value and "(`kes_skdn_2t`)" in m.value for m in at.markdown)
    at = open_page("tren", periode="2026-03")
    assert len(at.get("popover")) == 1


@pytest.mark.parametrize("page", ["peringkat", "bidang", "tren"])
def test_hostile_url_values_fall_back_to_defaults(peringkat_env, page):
    junk = "<script>alert(1)</script>"
    keys = ["keluarga", "waktu", "bidang", "pk_bidang", "pk_ind", "pk_warna", "pk_funnel", "pk_batas", "bd_ind",
            "tr_bidang", "tr_ind", "tr_tingkat", "tr_kab", "tr_kec", "tr_wil", "tr_tampilan", "tr_yoy"]  # fmt: skip
    at = open_page(page, periode="2026-03", **{k: junk for k in keys})
    assert all(junk not in str(v) for v in at.query_params.values())
    if page == "bidang":
        assert query(at, "bidang") == "pendidikan" and query(at, "waktu") == "bulan"
    else:
        assert query(at, "keluarga") == "spm_resmi"
    if page == "tren":
        assert query(at, "tr_wil") == "63"


def test_click_callbacks_select_a_district(monkeypatch):
    import streamlit as st

    from dashboard.spm import widgets as pw

    state = {"pk_peta": {"selection": {"points": [{"customdata": ["63.11", "Kab. Balangan"]}]}}}
    monkeypatch.setattr(st, "session_state", state)
    pw.on_map_click("pk_peta", ["63.03", "63.11"])
    assert state["kab"] == "63.11"
    state["pk_tabel"] = {"selection": {"rows": [1]}}
    pw.on_table_select("pk_tabel", ["63.71", "63.03"], ["63.03", "63.11", "63.71"])
    assert state["kab"] == "63.03"
    state["pk_peta"] = {"selection": {"points": [{"customdata": ["99.99"]}]}}
    pw.on_map_click("pk_peta", ["63.03"])
    assert state["kab"] == "63.03"  # unknown codes are ignored


# --- field page -----------------------------------------------------------------------------------------


def test_field_page_numbers(peringkat_env):
    at = open_page("bidang", periode="2026-03", bidang="kesehatan", kab="63.03")
    assert at.selectbox(key="bidang").value == "kesehatan"
    metrics = [m.value for m in at.metric]
    assert metrics[0] == fmt.persen((26 + 22.5) / 2)  # Banjar Q1 2026: mean(26, 22.5)
    # March 2026 Posyandu: D/S 297/350 and 2T 4/85 inverted
    assert metrics[1] == f"{(297 / 350 * 100 + 100 - 4 / 85 * 100) / 2:.1f}%".replace(".", ",")
    official = at.dataframe[0].value
    row = official[official.iloc[:, 0] == "Pelayanan kesehatan ibu hamil"].iloc[0]
    assert row.iloc[1] == pytest.approx(26.0) and row.iloc[3] == 2600 and row.iloc[4] == 10000 and row.iloc[5] == 7400
    assert row.iloc[6] == pytest.approx(26.0 - 90.0)  # vs Q4 2025 (year to date restarts in January)
    posyandu = at.dataframe[1].value
    ds = posyandu[posyandu.iloc[:, 0].str.startswith("Partisipasi penimbangan")].iloc[0]
    assert ds.iloc[1] == pytest.approx(297 / 350 * 100)
    assert ds.iloc[7] == pytest.approx(297 / 350 * 100 - 75.0)  # vs March 2025 (Bakambat only: 75/100)
    assert query(at, "bidang") == "kesehatan"


def test_field_page_every_control(peringkat_env):
    at = open_page("bidang", periode="2026-03")
    for kode in [
        "pendidikan",
        "kesehatan",
        "pekerjaan_umum",
        "perumahan_rakyat",
        "trantibumlinmas",
        "sosial",
        "transformasi_posyandu",
    ]:
        at.selectbox(key="bidang").set_value(kode).run()
        ok(at)
    assert any("Transformasi Posyandu" in i.value for i in at.info)
    at.segmented_control(key="waktu").set_value("triwulan").run()
    ok(at)
    at.segmented_control(key="waktu").set_value("tahun").run()
    ok(at)
    at.selectbox(key="bidang").set_value("kesehatan").run()
    at.selectbox(key="bd_ind").set_value("kes_skdn_2t").run()
    ok(at)
    at.selectbox(key="kab").set_value("63.71").run()
    ok(at)
    at.selectbox(key="lang").set_value("en").run()
    ok(at)
    assert at.title[0].value == "SPM fields"


def test_field_page_over_100_flag(peringkat_env):
    at = open_page("bidang", periode="2026-03", bidang="kesehatan", kab="63.11")
    assert at.metric[-1].value == "1"  # Balangan D/S March 2026: 35/30
    posyandu = at.dataframe[1].value
    ds = posyandu[posyandu.iloc[:, 0].str.startswith("Partisipasi penimbangan")].iloc[0]
    assert ds.iloc[1] == 100.0 and ds.iloc[-1] == "⚠ 116,7%"


# --- trend page -----------------------------------------------------------------------------------------


def test_trend_page_default_and_numbers(peringkat_env):
    at = open_page("tren", periode="2026-03", keluarga="posyandu", tr_bidang="kesehatan", tr_ind="kes_skdn_d_per_s")
    assert at.title[0].value == "Tren capaian"
    data = at.dataframe[0].value
    march = data[data.iloc[:, 1] == "Maret 2026"]
    assert march.iloc[0, 2] == pytest.approx(89.4)  # province D/S: 447/500
    assert len(at.get("plotly_chart")) == 1


def test_trend_page_every_control(peringkat_env):
    at = open_page("tren", periode="2026-03")
    at.selectbox(key="tr_bidang").set_value("kesehatan").run()
    ok(at)
    at.multiselect(key="tr_wil_pilih").set_value(["63", "63.03", "63.71"]).run()
    ok(at)
    assert query(at, "tr_wil") == "63,63.03,63.71"
    at.segmented_control(key="waktu").set_value("tahun").run()
    ok(at)
    at.selectbox(key="keluarga").set_value("posyandu").run()
    ok(at)
    at.selectbox(key="tr_ind").set_value("kes_skdn_d_per_s").run()
    ok(at)
    at.segmented_control(key="waktu").set_value("bulan").run()
    ok(at)
    at.segmented_control(key="tr_tampilan").set_value("yoy").run()
    ok(at)
    at.selectbox(key="tr_yoy").set_value("63.03").run()
    ok(at)
    at.segmented_control(key="tr_tingkat").set_value("kecamatan").run()
    ok(at)
    at.selectbox(key="tr_kab").set_value("63.03").run()
    ok(at)
    at.multiselect(key="tr_wil_pilih").set_value(["63.03", "63.03.01"]).run()
    ok(at)
    at.segmented_control(key="tr_tampilan").set_value("deret").run()
    ok(at)
    at.segmented_control(key="tr_tingkat").set_value("desa").run()
    ok(at)
    at.selectbox(key="tr_kec").set_value("63.03.01").run()
    ok(at)
    at.multiselect(key="tr_wil_pilih").set_value(["63.03.01", "63.03.01.2001"]).run()
    ok(at)
    data = at.dataframe[0].value
    desa = data[(data.iloc[:, 0] == "Bakambat") | data.iloc[:, 0].str.contains("Bakambat")]
    assert len(desa) and desa.iloc[:, 2].tolist()[-1] == pytest.approx(85.0)  # March 2026: 85/100


def test_trend_page_official_index_and_quarters(peringkat_env):
    at = open_page("tren", periode="2026-03", tr_wil="63,63.03")
    data = at.dataframe[0].value
    banjar = data[data.iloc[:, 0] == "Kabupaten Banjar"]
    assert banjar.iloc[:, 2].tolist() == pytest.approx([175 / 3, 82.5, 192.25 / 3])  # Q3 2025, Q4 2025, Q1 2026
    assert any("per triwulan" in c.value for c in at.caption)
    at.segmented_control(key="tr_tingkat").set_value("desa").run()
    ok(at)
    assert isinstance(at.dataframe, object)
    assert pd.notna(at.title[0].value)


def test_ranking_table_shows_the_data_quality_score_of_each_district(peringkat_env):
    from dashboard.kualitas import data as kualitas_data

    at = open_page("peringkat", periode="2026-03")
    table = at.dataframe[0].value
    assert "Skor kualitas data" in table.columns
    scores = kualitas_data.quality_scores("2026-03-01")
    expected = dict(zip(scores["nama_lengkap"], scores["skor"], strict=True))
    for name, shown in zip(table["Kabupaten/kota" if "Kabupaten/kota" in table.columns else table.columns[2]],
                           table["Skor kualitas data"], strict=True):  # fmt: skip
        want = expected[name]
        assert (pd.isna(shown) and pd.isna(want)) or shown == pytest.approx(want)
