"""The kab/kota filter follows the user onto the flood page and back (issue 15): the page opens the district's own
newest event, shows the district's part of it first, and says plainly when the district was not hit."""

from __future__ import annotations

from tests import helpers
from tests.fixtures.banjir import BINUANG, TAPIN

PAGE = "banjir/banjir.py"
TABALONG = "63.09"  # has a reporting desa in the fixture but was hit by no flood event


def test_kab_from_the_url_opens_its_event_and_its_part(flood_env):
    at = helpers.open_ok(PAGE, kab=TAPIN)
    # the sidebar filter is there and keeps the district
    assert at.selectbox(key="kab").value == TAPIN
    # the newest event (Balangan, Feb 2026) did not hit Tapin: the page opens Tapin's own event
    assert at.selectbox(key="bencana").value == "TST-2025-12"
    focus = at.selectbox(key="wilayah")
    assert focus.value == TAPIN and set(focus.options) == {"Kabupaten Tapin", "Kecamatan Binuang · Tapin",
                                                          "Kecamatan Tapin Selatan · Tapin"}  # fmt: skip
    # the headline speaks about Tapin first, then the whole event
    lines = at.info[0].value.split("\n")
    assert lines[0].startswith("- Kabupaten Tapin\\: 12 desa/kelurahan terdampak") and "1.000 jiwa" in lines[0]
    assert "1 dari 2 layanan" in lines[1]
    assert "47 dari 80" in lines[2]  # houses: rb 10+20+50 = 80 damaged in Tapin, 47 repaired in the fixture
    assert any("160 desa/kelurahan terdampak" in s for s in lines[3:])  # the whole event after, for context
    # key figures are Tapin's: 12 desa, 1,000 people (Tapin's own total row), 1 of 2 services back
    assert [m.value for m in at.metric][:3] == ["12", "1.000", "1 / 2"]
    # the affected-area table lists only Tapin's kecamatan
    assert set(at.dataframe[0].value["Wilayah"]) == {"Binuang", "Tapin Selatan"}
    params = dict(at.query_params)
    assert params.get("kab") in (TAPIN, [TAPIN]) and params.get("periode")  # both filters stay in the URL


def test_kecamatan_focus_inside_the_district(flood_env):
    at = helpers.open_ok(PAGE, kab=TAPIN, wilayah=BINUANG)
    assert at.selectbox(key="wilayah").value == BINUANG
    assert at.info[0].value.startswith("- Kecamatan Binuang")
    # a kecamatan of another district is not offered while Tapin is selected
    at2 = helpers.open_ok(PAGE, kab=TAPIN, wilayah="63.06")
    assert at2.selectbox(key="wilayah").value == TAPIN
    assert set(at2.dataframe[0].value["Wilayah"]) == {"Binuang", "Tapin Selatan"}


def test_district_not_hit_is_said_plainly_without_its_numbers(flood_env):
    at = helpers.open_ok(PAGE, kab=TABALONG)
    assert at.selectbox(key="kab").value == TABALONG
    warning = at.warning[-1].value
    assert "Kabupaten Tabalong tidak tercatat terdampak" in warning
    assert "Tidak ada kejadian banjir tercatat yang mengenai Kabupaten Tabalong" in warning
    assert not at.info[0].value.startswith("- Kabupaten Tabalong")  # no figure is given as Tabalong's
    assert at.selectbox(key="wilayah").value == "63"  # the event as a whole, named so


def test_filter_travels_ranking_to_flood_and_back(flood_env):
    at = helpers.open_ok("peringkat", kab=TAPIN)
    assert at.selectbox(key="kab").value == TAPIN
    periode = at.selectbox(key="periode").value
    at.switch_page(PAGE).run()
    helpers.ok(at)
    assert at.selectbox(key="kab").value == TAPIN and at.selectbox(key="wilayah").value == TAPIN
    assert dict(at.query_params).get("periode") in (periode, [periode])  # the period travels though not shown
    at.selectbox(key="kab").set_value("63.06").run()  # change the district on the flood page ...
    helpers.ok(at)
    assert at.selectbox(key="wilayah").value == "63.06"
    at.switch_page("peringkat/peringkat.py").run()  # ... and it is the ranking page's district too
    helpers.ok(at)
    assert at.selectbox(key="kab").value == "63.06"
    assert at.selectbox(key="periode").value == periode
