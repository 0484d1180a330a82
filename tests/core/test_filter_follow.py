"""The sidebar filters (period, kab/kota) follow the user through pages that do not show them (issue 15)."""

from __future__ import annotations

from tests import helpers


def test_filters_survive_a_page_without_them(app_env):
    at = helpers.open_ok("ringkasan", kab="63.03")
    assert at.selectbox(key="kab").value == "63.03"
    periode = at.selectbox(key="periode").value
    at.switch_page("data/data.py").run()
    helpers.ok(at)
    params = dict(at.query_params)
    assert params.get("kab") in ("63.03", ["63.03"]) and params.get("periode") in (periode, [periode])
    at.switch_page("bidang/bidang.py").run()
    helpers.ok(at)
    assert at.selectbox(key="kab").value == "63.03" and at.selectbox(key="periode").value == periode
