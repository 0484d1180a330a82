"""With a kab/kota selected, the ranking page's headline speaks about that district first (issue 15): its value and
category, rank with the plausible range and the 95 % interval, movement; the province after it. A district without
data gets no number, a partial one no category and no rank."""

from __future__ import annotations

import pytest

from tests.helpers import ok, open_ok


@pytest.mark.usefixtures("ambang_nol")
def test_headline_opens_with_the_selected_district(peringkat_env):
    at = open_ok("peringkat", periode="2026-03", kab="63.03")
    table = at.dataframe[0].value
    row = table[table.iloc[:, 2] == "Kabupaten Banjar"].iloc[0]
    first, province = at.info[0].value.split("  \n")
    # the figures of the district's own row of the league table, in the sentence
    assert first.startswith("Kabupaten Banjar: 64,1% (Tuntas Muda) pada Triwulan I 2026 (kumulatif)")
    assert f"peringkat {int(row.iloc[0])} dari 4 kab/kota" in first and row.iloc[1] == "▲ 1"
    assert f"IK 95% {row.iloc[5]}" in first and "naik 1 peringkat dari periode lalu" in first
    assert province.startswith("Provinsi: Kota Banjarmasin teratas dari 4 kab/kota")
    at.selectbox(key="lang").set_value("en").run()
    ok(at)
    assert at.info[0].value.startswith("Kabupaten Banjar: 64.1% (Tuntas Muda) in Q1 2026")
    assert "ranked 2 of 4 districts" in at.info[0].value and "up 1 since the previous period" in at.info[0].value


@pytest.mark.usefixtures("ambang_nol")
def test_headline_for_a_district_without_data_has_no_number(peringkat_env):
    at = open_ok("peringkat", periode="2026-03", kab="63.10")
    first = at.info[0].value.split("  \n")[0]
    assert (
        first
        == "Kabupaten Tanah Bumbu: belum ada data pada Triwulan I 2026 (kumulatif), jadi tanpa nilai dan peringkat."
    )
    assert not any(ch.isdigit() for ch in first.replace("2026", "").replace("Triwulan I", ""))


def test_reading_area_for_a_partial_district_has_no_category_or_rank():
    import pandas as pd

    from dashboard.core import fmt
    from dashboard.spm import league

    table = pd.DataFrame({
        "kode_wilayah": ["63.01", "63.02"], "nama_lengkap": ["Kabupaten A", "Kabupaten B"], "skor": [55.0, 70.0],
        "kategori": [None, "Tuntas Muda"], "peringkat": [pd.NA, 1], "perubahan": [pd.NA, 0], "ci_lo": [50.0, 68.0],
        "ci_hi": [60.0, 72.0], "rentang_dari": [pd.NA, 1], "rentang_sampai": [pd.NA, 1], "sebagian": [True, False],
        "kelengkapan_unit": [40.0, 100.0], "lebih_100": [False, False], "kelengkapan_rendah": [False, False],
        "posisi": [None, "sama"],
    })  # fmt: skip
    pct = lambda v: fmt.persen(v, 1, "id")  # noqa: E731
    assert league.reading_area(table, "63.01", "Maret 2026", "id", pct) == (
        "Kabupaten A: 55,0% ◐ pada Maret 2026, dari data sebagian (40%); tanpa kategori dan peringkat."
    )
    assert league.reading_area(table, "63.02", "Maret 2026", "id", pct) == (
        "Kabupaten B: 70,0% (Tuntas Muda) pada Maret 2026, peringkat 1 dari 1 kab/kota (rentang peringkat masuk akal 1;"
        " IK 95% 68,0–72,0), peringkat sama dengan periode lalu; tidak berbeda nyata dari provinsi tanpa kab/kota ini."
    )
    assert league.reading_area(table, "63.99", "Maret 2026", "id", pct) == ""


def test_headline_without_a_district_is_the_province_reading(peringkat_env):
    at = open_ok("peringkat", periode="2026-03")
    assert "  \n" not in at.info[0].value and not at.info[0].value.startswith("Provinsi")
