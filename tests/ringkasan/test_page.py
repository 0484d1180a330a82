"""AppTest of the overview page: the hand-computed SPM index, the kab/kota filter."""

from __future__ import annotations

import pytest

from tests.helpers import run_app

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

def test_overview_shows_hand_computed_index(app_env):
    at = run_app(periode="2026-03")
    assert not at.exception
    assert at.title[0].value == "Ringkasan capaian SPM"
    # pendidikan 227000/235000, kesehatan mean(6400/24500, 23500/100000), PU 1137750/1390000 -> mean of the three
    expected = (227000 / 235000 + (6400 / 24500 + 23500 / 100000) / 2 + 1137750 / 1390000) / 3 * 100
    assert at.metric[0].value == f"{expected:.1f}%".replace(".", ",")
    assert at.metric[1].value == "1 / 6"


def test_kabkota_filter_changes_the_figures(app_env):
    at = run_app(periode="2026-03")
    at.selectbox(key="kab").set_value("63.71").run()
    assert not at.exception
    # Banjarmasin Q1 2026: pendidikan 100, kesehatan mean(27.5, 25), PU 96 -> (100 + 26.25 + 96) / 3
    assert at.metric[0].value == "74,1%"
    assert any("peringkat 1 dari 3" in i.value for i in at.info)
