"""The field page with a kab/kota selected opens with that district's field score, then the province's."""

from __future__ import annotations

import pytest

from tests.helpers import ok, open_page


@pytest.mark.usefixtures("ambang_nol")
def test_field_headline_is_the_district_then_the_province(app_env):
    at = ok(open_page("bidang", periode="2026-03", kab="63.03"))
    first, province = at.info[0].value.split("  \n")
    assert first.startswith(f"Kabupaten Banjar: Indeks SPM bidang {at.metric[0].value} (")  # the card's figure
    prov = ok(open_page("bidang", periode="2026-03"))
    assert province.startswith(f"Provinsi, sebagai pembanding: {prov.metric[0].value} ")
    at.selectbox(key="lang").set_value("en").run()
    assert ok(at).info[0].value.startswith("Kabupaten Banjar: Field SPM index ")
