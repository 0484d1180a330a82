"""AppTest of the field page: the numbers, every control, the above-100 % flag (extended ranking fixture)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core import fmt
from tests.helpers import ok, open_ok, query_value

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

def test_field_page_numbers(peringkat_env):
    at = open_ok("bidang", periode="2026-03", bidang="kesehatan", kab="63.03")
    assert at.selectbox(key="bidang").value == "kesehatan"
    metrics = [m.value for m in at.metric]
    assert metrics[0] == fmt.persen((26 + 22.5) / 2)  # Banjar Q1 2026: mean(26, 22.5)
    # March 2026 Posyandu: D/S 297/350 and 2T 4/85 inverted
    assert metrics[1] == f"{(297 / 350 * 100 + 100 - 4 / 85 * 100) / 2:.1f}%".replace(".", ",")
    official = at.dataframe[0].value
    row = official[official.iloc[:, 0] == "Pelayanan kesehatan ibu hamil"].iloc[0]
    assert row.iloc[1] == pytest.approx(26.0) and row.iloc[3] == 2600 and row.iloc[4] == 10000 and row.iloc[5] == 7400
    assert pd.isna(row.iloc[6])  # year to date (Jan-Mar) vs Q4 2025 (Jan-Dec) is no comparison: no Δ lalu
    posyandu = at.dataframe[1].value
    ds = posyandu[posyandu.iloc[:, 0].str.startswith("Partisipasi penimbangan")].iloc[0]
    assert ds.iloc[1] == pytest.approx(297 / 350 * 100)
    assert ds.iloc[7] == pytest.approx(297 / 350 * 100 - 75.0)  # vs March 2025 (Bakambat only: 75/100)
    assert query_value(at, "bidang") == "kesehatan"


def test_field_page_every_control(peringkat_env):
    at = open_ok("bidang", periode="2026-03")
    for kode in [
        "pendidikan",
        "kesehatan",
        "pekerjaan_umum",
        "perumahan_rakyat",
        "trantibumlinmas",
        "sosial",
        "transformasi_posyandu",
    ]:
        at.selectbox(key="bidang").set_value(kode).run()
        ok(at)
    assert any("Transformasi Posyandu" in i.value for i in at.info)
    at.segmented_control(key="waktu").set_value("triwulan").run()
    ok(at)
    at.segmented_control(key="waktu").set_value("tahun").run()
    ok(at)
    at.selectbox(key="bidang").set_value("kesehatan").run()
    at.selectbox(key="bd_ind").set_value("kes_skdn_2t").run()
    ok(at)
    at.selectbox(key="kab").set_value("63.71").run()
    ok(at)
    at.selectbox(key="lang").set_value("en").run()
    ok(at)
    assert at.title[0].value == "SPM fields"


def test_field_page_over_100_flag(peringkat_env):
    at = open_ok("bidang", periode="2026-03", bidang="kesehatan", kab="63.11")
    assert at.metric[-1].value == "1"  # Balangan D/S March 2026: 35/30
    posyandu = at.dataframe[1].value
    ds = posyandu[posyandu.iloc[:, 0].str.startswith("Partisipasi penimbangan")].iloc[0]
    assert ds.iloc[1] == 100.0 and ds.iloc[-1] == "⚠ 116,7% · 1 dari 157 desa/kelurahan dalam nilai"


def test_field_page_trend_caption_by_periodicity(peringkat_env):
    at = open_ok("bidang", periode="2026-03", bidang="kesehatan", kab="63.03", bd_ind="kes_ibu_hamil")
    # official, year to date: the same quarter of every year by default (no Q1-Q4 sawtooth)
    assert any(c.value.startswith("Triwulan I setiap tahun (kumulatif Januari–Maret)") for c in at.caption)
    import json

    fig = json.loads(at.get("plotly_chart")[-1].proto.spec)
    labels = [c for tr in fig["data"] if tr.get("mode") == "lines+markers" for c in tr.get("customdata", [])]
    assert labels and all(c.startswith("TW I ") for c in labels)  # only first quarters, one point per year
    at = open_ok(
        "bidang", periode="2026-03", bidang="kesehatan", kab="63.03", bd_ind="kes_ibu_hamil", waktu="tahun", lang="en"
    )
    (trend,) = [c.value for c in at.caption if c.value.startswith("Annual values")]
    assert trend.startswith("Annual values: the Q4 report") and "since January" not in trend  # annual, not cumulative
