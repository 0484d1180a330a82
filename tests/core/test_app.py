"""AppTest for the app shell: filters in the URL, language switch, the sample banner."""

from __future__ import annotations

from tests.helpers import run_app


def test_default_period_is_the_newest_month_and_url_is_written(app_env):
    at = run_app()
    assert not at.exception
    assert at.selectbox(key="periode").value == "2026-03"
    assert at.query_params["periode"] == ["2026-03"] or at.query_params["periode"] == "2026-03"


def test_url_restores_filters_and_rejects_junk(app_env):
    at = run_app(periode="2025-12", kab="63.11", lang="en")
    assert not at.exception
    assert at.selectbox(key="periode").value == "2025-12"
    assert at.selectbox(key="kab").value == "63.11"
    assert at.title[0].value == "SPM coverage overview"
    at = run_app(periode="2025-12'; drop table wilayah; --", kab="<script>alert(1)</script>", lang="xx")
    assert not at.exception
    assert at.selectbox(key="periode").value == "2026-03"
    assert at.selectbox(key="kab").value == "semua"
    assert at.title[0].value == "Ringkasan capaian SPM"


def test_language_switch(app_env):
    at = run_app()
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "SPM coverage overview"
    assert at.selectbox(key="periode").label == "Period (month)"


def test_sample_banner_only_with_sample_data(app_env):
    at = run_app()
    assert not [w for w in at.warning if "SINTETIS" in w.value]
