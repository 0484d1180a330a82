"""AppTest for the ranking page (and the URL checks of the field and trend pages): every control, on the extended
ranking fixture."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from tests.helpers import ok, open_ok, query_value

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

GEOJSON = Path("/work/shared/reference/kalsel_kabkota.geojson")


# --- ranking page ---------------------------------------------------------------------------------------


def test_ranking_page_default(peringkat_env):
    at = open_ok("peringkat", periode="2026-03")
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
    assert query_value(at, "keluarga") == "spm_resmi" and query_value(at, "waktu") == "triwulan"
    assert len(at.get("plotly_chart")) == 3  # map, CI chart, funnel


def test_ranking_page_every_control(peringkat_env):
    at = open_ok("peringkat", periode="2026-03")
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
    assert query_value(at, "kab") == "63.03" and query_value(at, "pk_warna") == "nilai"
    at.selectbox(key="pk_ind").set_value("semua").run()
    ok(at)
    at.selectbox(key="pk_funnel").set_value("kes_balita").run()
    ok(at)
    at.selectbox(key="keluarga").set_value("posyandu").run()
    ok(at)
    assert at.segmented_control(key="waktu").options == ["Bulan", "Triwulan", "Tahun"]
    at.segmented_control(key="waktu").set_value("bulan").run()
    ok(at)
    assert at.info[0].value.startswith("Kabupaten Banjar: 90,1% (Tuntas Utama) pada Maret 2026")  # kab 63.03 first
    at.selectbox(key="keluarga").set_value("transformasi").run()
    ok(at)
    assert at.selectbox(key="pk_bidang").value == "transformasi_posyandu"
    assert "  \nProvinsi: Kota Banjarmasin teratas dari 3 kab/kota (90,0%" in at.info[0].value


def test_ranking_page_english_and_empty_period(peringkat_env):
    at = open_ok("peringkat", periode="2025-03", lang="en")
    assert at.title[0].value == "District ranking"
    assert any("No Official SPM services data" in i.value for i in at.info)  # no quarter-end report yet
    at = open_ok("peringkat", periode="2025-10", lang="en", keluarga="posyandu", waktu="bulan")
    assert at.info[0].value.startswith("October 2025: ")


@pytest.mark.skipif(not GEOJSON.exists(), reason="boundary GeoJSON not available on this machine")
def test_ranking_page_with_boundary_geojson(peringkat_env, monkeypatch):
    monkeypatch.setenv("SPM_GEOJSON", str(GEOJSON))
    at = open_ok("peringkat", periode="2026-03", kab="63.71")
    assert any("GeoJSON" in c.value for c in at.caption)


def test_indicator_dictionary_next_to_every_figure(peringkat_env):
    at = open_ok("peringkat", periode="2026-03", pk_bidang="kesehatan", pk_ind="kes_ibu_hamil")
    assert len(at.get("popover")) == 4  # table, map, CI chart, funnel
    entry = next(m.value for m in at.markdown if "(`kes_ibu_hamil`)" in m.value)
    for part in ("Pembilang: Jumlah ibu hamil", "Penyebut: Jumlah sasaran ibu hamil", "Rumus: (", "Tingkat: Kabupaten/kota",
                 "Periode lapor: Triwulanan", "Dasar hukum/sumber: PP 2/2018"):  # fmt: skip
        assert part in entry, part
    at = open_ok("bidang", periode="2026-03", bidang="kesehatan")
    assert len(at.get("popover")) == 3  # table, bar chart, trend chart
    assert any("makin rendah makin baik" in m.value and "(`kes_skdn_2t`)" in m.value for m in at.markdown)
    at = open_ok("tren", periode="2026-03")
    assert len(at.get("popover")) == 1


@pytest.mark.parametrize("page", ["peringkat", "bidang", "tren"])
def test_hostile_url_values_fall_back_to_defaults(peringkat_env, page):
    junk = "<script>alert(1)</script>"
    keys = ["keluarga", "waktu", "bidang", "pk_bidang", "pk_ind", "pk_warna", "pk_funnel", "pk_batas", "bd_ind",
            "tr_bidang", "tr_ind", "tr_tingkat", "tr_kab", "tr_kec", "tr_wil", "tr_tampilan", "tr_yoy"]  # fmt: skip
    at = open_ok(page, periode="2026-03", **{k: junk for k in keys})
    assert all(junk not in str(v) for v in at.query_params.values())
    if page == "bidang":
        assert query_value(at, "bidang") == "pendidikan" and query_value(at, "waktu") == "bulan"
    else:
        assert query_value(at, "keluarga") == "spm_resmi"
    if page == "tren":
        assert query_value(at, "tr_wil") == "63"


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


def test_ranking_table_shows_the_data_quality_score_of_each_district(peringkat_env):
    from dashboard.kualitas import data as kualitas_data

    at = open_ok("peringkat", periode="2026-03")
    table = at.dataframe[0].value
    assert "Skor kualitas data" in table.columns
    scores = kualitas_data.quality_scores("2026-03-01")
    expected = dict(zip(scores["nama_lengkap"], scores["skor"], strict=True))
    for name, shown in zip(table["Kabupaten/kota" if "Kabupaten/kota" in table.columns else table.columns[2]],
                           table["Skor kualitas data"], strict=True):  # fmt: skip
        want = expected[name]
        assert (pd.isna(shown) and pd.isna(want)) or shown == pytest.approx(want)
