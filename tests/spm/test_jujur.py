"""Golden tests for "missing is missing" and "above 100 % is a data problem" (issue 13) in the SPM engine, on the
warehouse of tests/fixtures/jujur.py (4 of 13 kab/kota, gaps, percent-only rows, 110 % and 293 % rows).

Hand-computed, Q1 2026 (year to date), official kab/kota services, index = capped coverage:
  Banjar 63.03      pendidikan 90 (90000/100000); kesehatan mean(80, 75) = 77.5        -> (90 + 77.5) / 2 = 83.75
  Banjarmasin 63.71 pendidikan 90; kesehatan 50 (6000/12000); PU 110 % -> 100 (flagged)  -> (90 + 50 + 100) / 3 = 80
  Balangan 63.11    kesehatan 80 (2000/2500); PU 55.5 % (percentage only, no sasaran)     -> (80 + 55.5) / 2 = 67.75
  Banjarbaru 63.72  PU 293 % (percentage only) -> 100 (flagged)                            -> 100, rank 1 with the flag
  the other 9 kab/kota: no data -> no score, no category, no rank.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dashboard.spm import scoring
from dashboard.spm.categories import category_scheme
from dashboard.spm.league import reading
from tests.fixtures.peringkat import CFG, Q1_2026, league

OVERALL = scoring.Pilihan("spm_resmi")
AIR = scoring.Pilihan("spm_resmi", "pekerjaan_umum", "pu_air_minum")


def rows(**cols) -> pd.DataFrame:
    n = len(next(iter(cols.values())))
    base = {"bidang": ["pekerjaan_umum"] * n, "lebih_tinggi_lebih_baik": [True] * n}
    return pd.DataFrame({**base, **cols})


def test_service_index_percent_only_and_above_100_have_no_interval():
    out = scoring.service_index(
        rows(capaian_persen=[293.0, 55.5, 110.0, 90.0, np.nan], sasaran=[np.nan, np.nan, 650000, 100000, np.nan],
             terlayani=[np.nan, np.nan, 715000, 90000, np.nan]),  # fmt: skip
        w_penerima=0.8, w_mutu=0.2,
    )
    assert out["capaian_tampil"].tolist()[:4] == [100.0, 55.5, 100.0, 90.0]
    assert pd.isna(out["capaian_tampil"].iloc[4]) and pd.isna(out["indeks"].iloc[4])  # missing stays missing
    # flagged whatever the row type: a percentage only (293) and counts (715000 / 650000 = 110 %)
    assert out["lebih_100"].tolist() == [True, False, True, False, False]
    # no interval without a usable denominator (NA, not a zero-width 100-100 interval)
    assert out["ci_lo"].isna().tolist() == [True, True, True, False, True]
    assert out["se"].isna().tolist() == [True, True, True, False, True]
    assert out["tanpa_penyebut"].tolist() == [True, True, True, False, False]
    assert out["ci_lo"].iloc[3] < 90.0 < out["ci_hi"].iloc[3]


def test_composite_without_denominator_has_no_interval():
    services = scoring.service_index(
        rows(k=["a", "a", "b", "b"], capaian_persen=[80.0, 55.5, 80.0, 60.0], sasaran=[2500, np.nan, 2500, 1000],
             terlayani=[2000, np.nan, 2000, 600]),  # fmt: skip
        w_penerima=0.8, w_mutu=0.2,
    )
    fields = scoring.field_scores(services, ["k"]).set_index("k")
    assert fields.loc["a", "indeks"] == pytest.approx((80 + 55.5) / 2)
    assert pd.isna(fields.loc["a", "var"])  # rests on a percentage-only service: variance unknown, not 0
    assert fields.loc["b", "var"] > 0
    overall = scoring.overall_scores(fields.reset_index(), ["k"]).set_index("k")
    assert pd.isna(overall.loc["a", "var"]) and overall.loc["b", "var"] > 0


@pytest.mark.usefixtures("ambang_nol_satu")  # the flags, not completeness: every index here is partial
def test_overall_league_hand_computed(jujur_db):
    table, prov = league(jujur_db, OVERALL, Q1_2026, None)
    t = table.set_index("kode_wilayah")
    assert t.loc["63.72", "skor"] == pytest.approx(100.0)
    assert t.loc["63.03", "skor"] == pytest.approx((90 + (80 + 75) / 2) / 2)  # 83.75
    assert t.loc["63.71", "skor"] == pytest.approx((90 + 50 + 100) / 3)  # 80
    assert t.loc["63.11", "skor"] == pytest.approx((80 + 55.5) / 2)  # 67.75
    assert t.loc[["63.72", "63.03", "63.71", "63.11"], "n_bidang"].tolist() == [1, 2, 3, 2]
    assert t.loc[["63.72", "63.03", "63.71", "63.11"], "peringkat"].tolist() == [1, 2, 3, 4]
    # rank 1 rests on a capped 293 %: flagged and uncertain, never a confident rank
    assert bool(t.loc["63.72", "lebih_100"]) and bool(t.loc["63.72", "tidak_pasti"])
    assert bool(t.loc["63.71", "lebih_100"]) and bool(t.loc["63.71", "tidak_pasti"])
    assert not t.loc["63.11", "lebih_100"] and bool(t.loc["63.11", "tanpa_penyebut"]) and bool(t.loc["63.11", "tidak_pasti"])
    assert not t.loc["63.03", "lebih_100"] and not t.loc["63.03", "tanpa_penyebut"]
    # (Banjar is uncertain only for its Posyandu reporting: no desa report in the quarter, completeness 0 %)
    assert bool(t.loc["63.03", "kelengkapan_rendah"]) and t.loc["63.03", "kelengkapan_persen"] == 0
    # no interval and no single-number rank range without a denominator; Banjar (counts only) has both
    for kode in ("63.72", "63.71", "63.11"):
        assert pd.isna(t.loc[kode, "ci_lo"]) and pd.isna(t.loc[kode, "rentang_dari"]) and pd.isna(t.loc[kode, "rentang_sampai"])
    assert t.loc["63.03", "ci_lo"] < 83.75 < t.loc["63.03", "ci_hi"] and pd.notna(t.loc["63.03", "rentang_dari"])
    # missing is missing: the 9 kab/kota without data have no score, category or rank
    empty = table[~table["kode_wilayah"].isin(["63.72", "63.03", "63.71", "63.11"])]
    assert len(empty) == 9
    assert empty["skor"].isna().all() and empty["peringkat"].isna().all() and empty["kategori"].isna().all()
    assert not empty["lebih_100"].any() and not empty["tidak_pasti"].any()


def test_overall_league_at_the_default_threshold_ranks_no_partial_index(jujur_db):
    # 29 kab/kota-level services (pendidikan 3, kesehatan 12, PU 2, perumahan 2, trantibum 5, sosial 5); a field's
    # completeness = services with data / services, a field without data 0, the index's = the mean over 6 fields:
    #   Banjar      pend 1/3, kes 2/12            -> (33.33 + 16.67) / 6 = 8.33 %
    #   Banjarmasin pend 1/3, kes 1/12, PU 1/2    -> (33.33 + 8.33 + 50) / 6 = 15.28 %
    #   Balangan    kes 1/12, PU 1/2              -> (8.33 + 50) / 6 = 9.72 %
    #   Banjarbaru  PU 1/2                        -> 50 / 6 = 8.33 %
    table, prov = league(jujur_db, OVERALL, Q1_2026, None)
    t = table.set_index("kode_wilayah")
    four = ["63.03", "63.71", "63.11", "63.72"]
    assert t.loc[four, "kelengkapan_unit"].tolist() == pytest.approx([50 / 6, (100 / 3 + 100 / 12 + 50) / 6,
                                                                      (100 / 12 + 50) / 6, 50 / 6])  # fmt: skip
    assert t.loc[four, "sebagian"].all()
    assert t.loc[four, "skor"].tolist() == pytest.approx([83.75, 80.0, 67.75, 100.0])  # still shown
    assert t["peringkat"].isna().all() and t["kategori"].isna().all() and t["rentang_dari"].isna().all()
    assert reading(table, prov, "T1 2026", "id", lambda v: f"{v:.1f}").startswith("T1 2026: belum ada data")


def test_one_indicator_league_percent_only_rows(jujur_db):
    table, _ = league(jujur_db, AIR, Q1_2026, None)
    t = table.set_index("kode_wilayah")
    assert t.loc["63.72", "capaian_persen"] == pytest.approx(293.0)  # raw kept
    assert t.loc[["63.72", "63.71", "63.11"], "skor"].tolist() == pytest.approx([100.0, 100.0, 55.5])
    assert t.loc[["63.72", "63.71", "63.11"], "peringkat"].tolist() == [1, 1, 2]
    assert t.loc[["63.72", "63.71", "63.11"], "lebih_100"].tolist() == [True, True, False]
    assert t.loc[["63.72", "63.71", "63.11"], "ci_lo"].isna().all()
    assert t.loc[["63.72", "63.71", "63.11"], "rentang_dari"].isna().all()
    assert pd.isna(t.loc["63.03", "skor"]) and pd.isna(t.loc["63.03", "peringkat"])


@pytest.mark.usefixtures("ambang_nol_satu")  # the flags, not completeness: every index here is partial
def test_reading_flags_the_top_district(jujur_db):
    table, prov = league(jujur_db, OVERALL, Q1_2026, None)
    text = reading(table, prov, "T1 2026", "id", lambda v: f"{v:.1f}")
    assert text.startswith(
        "T1 2026: Kota Banjarbaru teratas dari 4 kab/kota (100.0, Tuntas Paripurna) ⚠ bertumpu pada capaian >100% "
        "yang dibatasi 100%: masalah data, peringkat belum pasti; Kabupaten Balangan terbawah (67.8)"
    )
    assert "2 kab/kota dengan capaian >100% (dibatasi 100%, ditandai; peringkatnya belum pasti)" in text
    assert "1 kab/kota hanya melapor persentase tanpa sasaran" in text
    en = reading(table, prov, "Q1 2026", "en", lambda v: f"{v:.1f}")
    assert "Kota Banjarbaru leads 4 districts (100.0, Tuntas Paripurna) ⚠ rests on coverage >100% capped" in en


@pytest.mark.usefixtures("ambang_nol_satu")  # the flags, not completeness: every index here is partial
def test_league_display_flags_and_no_range(jujur_env, jujur_db):
    from dashboard.spm import widgets

    table, _ = league(jujur_db, OVERALL, Q1_2026, None)
    shown = widgets.league_display(table, OVERALL, CFG, "id")
    top = shown.iloc[0]
    assert top["nama"] == "Kota Banjarbaru" and top["peringkat"] == 1
    assert top["ik"] == "–" and top["rentang"] == "–"
    assert "capaian > 100%" in top["catatan"]
    balangan = shown[shown["nama"] == "Kabupaten Balangan"].iloc[0]
    assert balangan["rentang"] == "–" and "tanpa sasaran" in balangan["catatan"]
    headers = {c: c for c in shown.columns}
    html = widgets.league_styler(shown, table, headers, None, [], "id").to_html()
    assert ">1 ⚠>100%<" in html and ">3 ⚠>100%<" in html and ">2<" in html  # the flag sits next to the rank


@pytest.mark.usefixtures("ambang_nol_satu")  # the flags, not completeness: every index here is partial
def test_tile_map_text_flags_capped_values(jujur_db):
    from dashboard.spm import charts

    table, _ = league(jujur_db, OVERALL, Q1_2026, None)
    fig = charts.tile_map(table, "id", category_scheme("A"))
    labels = [s for tr in fig.data if tr.text is not None for s in tr.text]
    assert "<b>BJB</b><br>100,0% ⚠" in labels and "<b>BJR</b><br>83,8%" in labels
