"""URL parameters are held to the page's limits as well as its allowed values (issue 14, finding 8): 13 kab/kota codes
in the trend page's URL, repeated codes and over-long values are ignored instead of raising."""

from __future__ import annotations

import pandas as pd

from dashboard import REFERENSI_DIR
from tests.helpers import open_ok, query_value

KAB = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_kabkota.csv", dtype=str)["kode"].tolist()


def test_thirteen_areas_in_the_url_fall_back_to_the_default(peringkat_env):
    assert len(KAB) == 13
    at = open_ok("tren", periode="2026-03", tr_wil=",".join(KAB))
    assert not at.exception
    assert at.multiselect(key="tr_wil_pilih").value == ["63"]
    assert query_value(at, "tr_wil") == "63"


def test_ten_areas_are_accepted_and_repeats_or_long_values_are_not(peringkat_env):
    at = open_ok("tren", periode="2026-03", tr_wil=",".join(KAB[:10]))
    assert at.multiselect(key="tr_wil_pilih").value == KAB[:10]
    at = open_ok("tren", periode="2026-03", tr_wil="63.03,63.03")
    assert at.multiselect(key="tr_wil_pilih").value == ["63"]
    at = open_ok("tren", periode="2026-03", tr_wil="63.03," + "," * 5000)
    assert at.multiselect(key="tr_wil_pilih").value == ["63"]
