"""AppTest for the app shell: overview and data pages, filters in the URL, language switch."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import APP


def run_app(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    return at.run()


def test_overview_shows_hand_computed_index(app_env):
    at = run_app(periode="2026-03")
    assert not at.exception
    assert at.title[0].value == "Ringkasan capaian SPM"
    # pendidikan 227000/235000, kesehatan mean(6400/24500, 23500/100000), PU 1137750/1390000 -> mean of the three
    expected = (227000 / 235000 + (6400 / 24500 + 23500 / 100000) / 2 + 1137750 / 1390000) / 3 * 100
    assert at.metric[0].value == f"{expected:.1f}%".replace(".", ",")
    assert at.metric[1].value == "1 / 6"


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


def test_kabkota_filter_changes_the_figures(app_env):
    at = run_app(periode="2026-03")
    at.selectbox(key="kab").set_value("63.71").run()
    assert not at.exception
    # Banjarmasin Q1 2026: pendidikan 100, kesehatan mean(27.5, 25), PU 96 -> (100 + 26.25 + 96) / 3
    assert at.metric[0].value == "74,1%"
    assert any("peringkat 1 dari 3" in i.value for i in at.info)


def test_language_switch(app_env):
    at = run_app()
    at.selectbox(key="lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "SPM coverage overview"
    assert at.selectbox(key="periode").label == "Period (month)"


def test_sample_banner_only_with_sample_data(app_env):
    at = run_app()
    assert not [w for w in at.warning if "SINTETIS" in w.value]


@pytest.mark.parametrize("lang,title", [("id", "Data yang dimuat"), ("en", "Loaded data")])
def test_data_page(app_env, lang, title):
    at = run_app(lang=lang)
    at.switch_page("data/data.py").run()
    assert not at.exception
    assert at.title[0].value == title
    loaded = at.dataframe[0].value
    assert int(loaded.iloc[0, 1]) == 82 or "82" in str(loaded.iloc[0, 1])
    log = at.dataframe[1].value
    assert len(log) == 3


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
