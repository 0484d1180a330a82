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


def test_a_wrong_settings_file_is_one_message_on_the_page(app_env, tmp_path, monkeypatch):
    from dashboard.core.settings import settings

    cfg = tmp_path / "lokal.toml"
    cfg.write_text("[banjir]\nambang_pulihh = 0.9\n", encoding="utf-8")
    monkeypatch.setenv("SPM_CONFIG", str(cfg))
    settings.cache_clear()
    try:
        at = run_app()
    finally:
        settings.cache_clear()
    assert not at.exception
    assert len(at.error) == 1 and "lokal.toml: kunci tidak dikenal [banjir] ambang_pulihh" in at.error[0].value
    assert not at.title  # nothing else runs
