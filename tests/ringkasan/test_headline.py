"""The overview with a kab/kota selected opens with that district (index, category, rank), then the province."""

from __future__ import annotations

import pytest

from tests.helpers import ok, open_page


@pytest.mark.usefixtures("ambang_nol_satu")
def test_overview_headline_is_the_district_first(app_env):
    at = ok(open_page(None, periode="2026-03", kab="63.03"))
    first, province = at.info[0].value.split("  \n")
    assert first.startswith(f"Kabupaten Banjar: indeks SPM {at.metric[0].value} (")  # the same figure as the card
    assert "peringkat " in first and " kab/kota." in first
    prov = ok(open_page(None, periode="2026-03"))
    assert province == f"Provinsi (semua kab/kota): indeks SPM {prov.metric[0].value}."


def test_overview_headline_for_a_partial_district_has_no_rank(app_env):
    at = ok(open_page(None, periode="2026-03", kab="63.03"))  # default threshold: the sparse fixture is partial
    first = at.info[0].value.split("  \n")[0]
    assert first.startswith("Kabupaten Banjar: indeks ") and "◐" in first and "tidak diperingkat" in first


def test_overview_headline_for_a_district_without_data_says_so(app_env):
    at = ok(open_page(None, periode="2026-03", kab="63.10", lang="en"))
    first = at.info[0].value.split("  \n")[0]
    assert first.startswith("Kabupaten Tanah Bumbu: no SPM index for ") and "no value and no rank" in first
