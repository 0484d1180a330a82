"""With a kab/kota selected, the planner pages' headline speaks about that area first, then the province (issue 15).
The headline states the same figures the page's cards and tables show."""

from __future__ import annotations

import pytest

from tests.helpers import ok, open_page

pytestmark = pytest.mark.usefixtures("ambang_nol")


def test_profile_headline_is_the_area_then_the_province(perencanaan_env):
    at = ok(open_page("perencanaan/profil.py", periode="2026-03", kab="63.03"))
    first, province = at.info[0].value.split("  \n")
    # the cards: index 64,1%, rank 2 / 3, stable (+0,6 points); see test_pages for the hand computation
    assert first.startswith("Kabupaten Banjar: Indeks keseluruhan 64,1% (")
    assert "peringkat 2 dari 3" in first and "stabil (+0,6 poin dari periode lalu)" in first
    assert province.startswith("Provinsi, sebagai pembanding: ")


def test_priority_headline_names_the_top_problem_of_the_area(perencanaan_env):
    at = ok(open_page("perencanaan/prioritas.py", periode="2026-03", kab="63.03"))
    table = at.dataframe[0].value
    top = table.iloc[0]
    headline = at.info[0].value
    assert headline.startswith(
        f"Kabupaten Banjar: {len(table)} layanan berdata; masalah paling mendesak: {top['Indikator']}"
    )


def test_budget_headline_is_the_district_then_every_district(perencanaan_env):
    at = ok(open_page("perencanaan/anggaran.py", periode="2026-03", kab="63.03"))
    first, context = at.info[-1].value.split("  \n") if "  \n" in at.info[-1].value else at.info[0].value.split("  \n")
    pagu, real, rate = (at.metric[i].value for i in range(3))
    assert (
        first.startswith("Kabupaten Banjar, ")
        and f"realisasi Rp {real} miliar dari pagu Rp {pagu} miliar ({rate})" in first
    )
    assert context.startswith("Semua ") and "kab/kota dengan data anggaran" in context
    at = ok(open_page("perencanaan/anggaran.py", periode="2026-03"))
    assert not any("Semua " in i.value and "data anggaran" in i.value for i in at.info)  # no district: no such headline
