"""AppTest of the trend page: default view and numbers, every control, official index by quarter (extended ranking fixture)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.helpers import ok, open_ok, query_value


def test_trend_page_default_and_numbers(peringkat_env):
    at = open_ok("tren", periode="2026-03", keluarga="posyandu", tr_bidang="kesehatan", tr_ind="kes_skdn_d_per_s")
    assert at.title[0].value == "Tren capaian"
    data = at.dataframe[0].value
    march = data[data.iloc[:, 1] == "Maret 2026"]
    assert march.iloc[0, 2] == pytest.approx(89.4)  # province D/S: 447/500
    assert len(at.get("plotly_chart")) == 1


def test_trend_page_every_control(peringkat_env):
    at = open_ok("tren", periode="2026-03")
    at.selectbox(key="tr_bidang").set_value("kesehatan").run()
    ok(at)
    at.multiselect(key="tr_wil_pilih").set_value(["63", "63.03", "63.71"]).run()
    ok(at)
    assert query_value(at, "tr_wil") == "63,63.03,63.71"
    steps = [  # (widget kind, key, value), each applied and run in turn
        ("segmented_control", "tr_tampilan", "deret"),  # the default same-quarter view fixes the grain
        ("segmented_control", "waktu", "tahun"), ("selectbox", "keluarga", "posyandu"),
        ("selectbox", "tr_ind", "kes_skdn_d_per_s"), ("segmented_control", "waktu", "bulan"),
        ("segmented_control", "tr_tampilan", "yoy"), ("selectbox", "tr_yoy", "63.03"),
        ("segmented_control", "tr_tingkat", "kecamatan"), ("selectbox", "tr_kab", "63.03"),
        ("multiselect", "tr_wil_pilih", ["63.03", "63.03.01"]), ("segmented_control", "tr_tampilan", "deret"),
        ("segmented_control", "tr_tingkat", "desa"), ("selectbox", "tr_kec", "63.03.01"),
        ("multiselect", "tr_wil_pilih", ["63.03.01", "63.03.01.2001"]),
    ]  # fmt: skip
    for kind, key, value in steps:
        getattr(at, kind)(key=key).set_value(value).run()
        ok(at)
    data = at.dataframe[0].value
    desa = data[(data.iloc[:, 0] == "Bakambat") | data.iloc[:, 0].str.contains("Bakambat")]
    assert len(desa) and desa.iloc[:, 2].tolist()[-1] == pytest.approx(85.0)  # March 2026: 85/100


def test_trend_page_official_index_and_quarters(peringkat_env):
    at = open_ok("tren", periode="2026-03", tr_wil="63,63.03")
    # year-to-date values: by default only the same quarter (Q1) of every year, no Q1-to-Q4 climb
    assert query_value(at, "tr_tampilan") == "sama"
    data = at.dataframe[0].value
    banjar = data[data.iloc[:, 0] == "Kabupaten Banjar"]
    assert banjar.iloc[:, 2].tolist() == pytest.approx([192.25 / 3])  # Q1 2026 (the fixture has no Q1 2025)
    assert any("Triwulan I setiap tahun" in c.value for c in at.caption)
    at.segmented_control(key="tr_tampilan").set_value("deret").run()  # the full quarterly series stays available
    ok(at)
    data = at.dataframe[0].value
    banjar = data[data.iloc[:, 0] == "Kabupaten Banjar"]
    assert banjar.iloc[:, 2].tolist() == pytest.approx([175 / 3, 82.5, 192.25 / 3])  # Q3 2025, Q4 2025, Q1 2026
    assert any("kumulatif sejak Januari" in c.value for c in at.caption)
    at.segmented_control(key="tr_tingkat").set_value("desa").run()
    ok(at)
    assert isinstance(at.dataframe, object)
    assert pd.notna(at.title[0].value)


def test_trend_page_year_to_date_same_quarter_by_default(perencanaan_env):
    # kes_ibu_hamil, year to date: Banjar Q1 2025 2800/10000, Q4 2025 9000/10000, Q1 2026 2600/10000
    at = open_ok("tren", periode="2026-03", tr_bidang="kesehatan", tr_ind="kes_ibu_hamil", tr_wil="63,63.03")
    data = at.dataframe[0].value
    banjar = data[data.iloc[:, 0] == "Kabupaten Banjar"]
    assert banjar.iloc[:, 1].tolist() == ["Triwulan I 2025 (kumulatif)", "Triwulan I 2026 (kumulatif)"]
    assert banjar.iloc[:, 2].tolist() == pytest.approx([28.0, 26.0])  # same quarter: -2 points, no climb to 90
    prov = data[data.iloc[:, 0] != "Kabupaten Banjar"]
    # province pooled: (2800 + 3000) / (10000 + 12000); (2600 + 3300 + 500) / (10000 + 12000 + 2500)
    assert prov.iloc[:, 2].tolist() == pytest.approx([5800 / 22000 * 100, 6400 / 24500 * 100])
    assert any("Triwulan I setiap tahun (kumulatif Januari–Maret)" in c.value for c in at.caption)
    at.segmented_control(key="tr_tampilan").set_value("deret").run()
    ok(at)
    banjar = at.dataframe[0].value
    banjar = banjar[banjar.iloc[:, 0] == "Kabupaten Banjar"]
    assert banjar.iloc[:, 2].tolist() == pytest.approx([28.0, 90.0, 26.0])  # the full quarterly series: the sawtooth
    en = open_ok("tren", periode="2026-03", tr_bidang="kesehatan", tr_ind="kes_ibu_hamil", tr_wil="63,63.03", lang="en")
    assert any("Q1 of every year (year to date, January–March)" in c.value for c in en.caption)
    en = open_ok("tren", periode="2026-03", tr_bidang="kesehatan", tr_ind="kes_ibu_hamil", waktu="tahun", tr_tampilan="deret",
                 lang="en")  # fmt: skip
    assert any(c.value.startswith("Annual values: the Q4 report") for c in en.caption)
    assert not any("cumulative since January" in c.value for c in en.caption)
