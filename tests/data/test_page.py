"""AppTest of the Data page: what is loaded and the import log, in both languages."""

from __future__ import annotations

import pytest

from tests.helpers import run_app


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

