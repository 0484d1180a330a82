"""The trend page with a kab/kota selected opens with that district's latest value and movement, then the province."""

from __future__ import annotations

from tests.helpers import ok, open_page


def test_trend_headline_is_the_district_then_the_province(app_env):
    at = ok(open_page("tren", periode="2026-03", kab="63.03"))
    first, province = at.info[0].value.split("  \n")
    assert first.startswith("Kabupaten Banjar: ") and " pada Triwulan I 2026" in first
    assert province.startswith("Provinsi, sebagai pembanding: ") and "Triwulan I 2026" in province
    at = ok(open_page("tren", periode="2026-03"))
    assert not any(i.value.startswith("Kabupaten") for i in at.info)  # no district: no district headline
