"""Golden tests for the SPM index, categories, ranks, rank changes, confidence intervals, funnel limits and flags.

Every expected value is computed by hand from tests/fixtures/dasar.py (base fixture) and tests/fixtures/peringkat.py
(extended fixture) and asserted to 1e-9.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import replace

import pandas as pd
import pytest

from dashboard.core.warehouse import connect_readonly, query_df
from dashboard.ringkasan import data as ringkasan_data
from dashboard.spm import categories, periods, scoring, stats
from dashboard.spm import league as spm_league
from dashboard.spm.categories import category_scheme
from dashboard.spm.scoring import Pengaturan, Pilihan
from tests.fixtures.peringkat import CFG, Q1_2026, Q3_2025, Q4_2025, league, nilai
from tests.helpers import read

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

Z = 1.959963984540054
EPS = 1e-9


def by_code(table: pd.DataFrame) -> pd.DataFrame:
    return table.set_index("kode_wilayah")


def wilson_ref(x: float, n: float) -> tuple[float, float]:
    """Wilson score interval written out by hand (percent)."""
    p = x / n
    centre = p + Z * Z / (2 * n)
    half = Z * math.sqrt(p * (1 - p) / n + Z * Z / (4 * n * n))
    denom = 1 + Z * Z / n
    return (centre - half) / denom * 100, (centre + half) / denom * 100


def se_ref(x: float, n: float) -> float:
    lo, hi = wilson_ref(x, n)
    return (hi - lo) / (2 * Z)


# --- index, category, rank ----------------------------------------------------------------------------


def test_overall_index_q1_2026_base_fixture(fixture_db):
    table, prov = league(fixture_db, Pilihan("spm_resmi"), Q1_2026, Q4_2025)
    t = by_code(table)
    # Banjar: pendidikan 96; kesehatan mean(26, 22.5); PU 72
    assert t.loc["63.03", "skor"] == pytest.approx((96 + (26 + 22.5) / 2 + 72) / 3, abs=EPS)
    # Banjarmasin: 100; mean(27.5, 25); 96
    assert t.loc["63.71", "skor"] == pytest.approx((100 + (27.5 + 25) / 2 + 96) / 3, abs=EPS)
    # Balangan: 84; mean(20, 20); 55.5 (drinking water arrived as 55,5 % only)
    assert t.loc["63.11", "skor"] == pytest.approx((84 + 20 + 55.5) / 3, abs=EPS)
    assert (t.loc["63.03", "n_bidang"], t.loc["63.03", "n_layanan"]) == (3, 4)
    # province: sums over the three kab/kota first, then the same means
    expected = (227000 / 235000 * 100 + (6400 / 24500 * 100 + 23500 / 100000 * 100) / 2 + 1137750 / 1390000 * 100) / 3
    assert prov["skor"] == pytest.approx(expected, abs=EPS)
    # ten kab/kota without data stay unranked, NA (not zero)
    assert t["skor"].isna().sum() == 10 and t["peringkat"].isna().sum() == 10


def test_categories_scheme_a_and_b(fixture_db):
    table, _ = league(fixture_db, Pilihan("spm_resmi"), Q1_2026, None)
    t = by_code(table)
    assert t.loc[["63.71", "63.03", "63.11"], "kategori"].tolist() == ["Tuntas Pratama", "Tuntas Muda", "Belum Tuntas"]
    b = categories.add_category(table, "indeks", category_scheme("B")).set_index("kode_wilayah")
    assert b.loc[["63.71", "63.03", "63.11"], "kategori"].tolist() == ["Tuntas Madya", "Tuntas Madya", "Tuntas Pratama"]
    scheme = category_scheme("A")
    assert [scheme.classify(v).label for v in (100, 99.999, 90, 89.99, 60, 59.99, 0)] == [
        "Tuntas Paripurna", "Tuntas Utama", "Tuntas Utama", "Tuntas Madya", "Tuntas Muda", "Belum Tuntas", "Belum Tuntas",
    ]  # fmt: skip


def test_field_index_and_capping(fixture_db):
    table, _ = league(fixture_db, Pilihan("spm_resmi", "kesehatan"), Q4_2025, None)
    t = by_code(table)
    assert t.loc["63.71", "skor"] == pytest.approx((100 + 95) / 2, abs=EPS)
    assert t.loc["63.11", "skor"] == pytest.approx((60 + 50) / 2, abs=EPS)
    # a raw value above 100 is capped in the index and flagged (Balangan D/S March 2026: 35 / 30)
    month = nilai(fixture_db, "posyandu", "bulan", Q1_2026)
    table, _ = spm_league.league_table(month, None, None, Pilihan("posyandu", "kesehatan", "kes_skdn_d_per_s"), CFG)
    t = by_code(table)
    assert t.loc["63.11", "skor"] == 100.0 and bool(t.loc["63.11", "lebih_100"])
    assert t.loc["63.11", "capaian_persen"] == pytest.approx(35 / 30 * 100, abs=EPS)  # raw kept


def test_dense_rank_and_ties():
    s = pd.Series([74.0833, 64.1, None, 64.1, 10.0])
    assert stats.dense_rank(s).tolist() == [1, 2, pd.NA, 2, 3]


def test_ranks_base_fixture(fixture_db):
    table, _ = league(fixture_db, Pilihan("spm_resmi"), Q1_2026, Q4_2025)
    ranked = table.dropna(subset=["peringkat"])
    assert ranked["kode_wilayah"].tolist() == ["63.71", "63.03", "63.11"]
    assert ranked["peringkat"].tolist() == [1, 2, 3]
    assert ranked["perubahan"].tolist() == [0, 0, 0]  # same order in Q4 2025 (97.5, 82.5, 61.67)


# --- rank change (extended fixture) --------------------------------------------------------------------


def test_rank_change_q3_to_q4_2025(peringkat_db):
    table, _ = league(peringkat_db, Pilihan("spm_resmi"), Q4_2025, Q3_2025)
    t = by_code(table)
    # Q3 2025: Balangan (90+80+90)/3=86.67 > Banjarmasin (90+72.5+70)/3=77.5 > Banjar (70+55+50)/3=58.33 > Banjarbaru 50
    assert t.loc[["63.11", "63.71", "63.03", "63.72"], "peringkat_lalu"].tolist() == [1, 2, 3, 4]
    # Q4 2025: Banjarmasin 97.5 > Banjarbaru 90 (72/80) > Banjar 82.5 > Balangan 61.67
    assert t.loc[["63.71", "63.72", "63.03", "63.11"], "peringkat"].tolist() == [1, 2, 3, 4]
    assert t.loc["63.72", "skor"] == pytest.approx(90.0, abs=EPS)
    assert t.loc[["63.71", "63.72", "63.03", "63.11"], "perubahan"].tolist() == [1, 2, 0, -3]
    assert [spm_league.arrow(v) for v in t.loc[["63.71", "63.72", "63.03", "63.11"], "perubahan"]] == [
        "▲ 1",
        "▲ 2",
        "=",
        "▼ 3",
    ]


def test_rank_change_q4_2025_to_q1_2026(peringkat_db):
    table, _ = league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, Q4_2025)
    ranked = table.dropna(subset=["peringkat"])
    assert ranked["kode_wilayah"].tolist() == ["63.71", "63.03", "63.11", "63.72"]
    assert ranked["skor"].tolist() == pytest.approx([222.25 / 3, 192.25 / 3, 159.5 / 3, 30 / 80 * 100], abs=EPS)
    assert ranked["perubahan"].tolist() == [0, 1, 1, -2]
    assert spm_league.neighbours(table, "63.03") == ["63.03", "63.71", "63.11"]
    assert spm_league.neighbours(table, "63.72") == ["63.72", "63.11"]
    assert spm_league.neighbours(table, None) == []


def test_year_value_is_the_latest_quarter_end_row(peringkat_db):
    year = by_code(league(peringkat_db, Pilihan("spm_resmi"), dt.date(2025, 12, 1), None, gran="tahun")[0])
    quarter = by_code(league(peringkat_db, Pilihan("spm_resmi"), Q4_2025, None)[0])
    assert year["skor"].dropna().to_dict() == pytest.approx(quarter["skor"].dropna().to_dict(), abs=EPS)
    year26 = by_code(league(peringkat_db, Pilihan("spm_resmi"), dt.date(2026, 12, 1), None, gran="tahun")[0])
    assert year26.loc["63.03", "skor"] == pytest.approx(192.25 / 3, abs=EPS)  # 2026 so far = Q1 (year to date)


# --- confidence intervals, funnel, rank ranges --------------------------------------------------------


def test_wilson_known_values():
    lo, hi = stats.wilson([0, 10, 30], [10, 10, 80])
    assert lo[0] == pytest.approx(0.0, abs=EPS)
    assert hi[0] == pytest.approx(Z * Z / (10 + Z * Z) * 100, abs=EPS)  # 27.7532...
    assert hi[0] == pytest.approx(27.75327999, abs=1e-8)
    assert lo[1] == pytest.approx(10 / (10 + Z * Z) * 100, abs=EPS)
    assert hi[1] == pytest.approx(100.0, abs=EPS)
    assert (lo[2], hi[2]) == pytest.approx(wilson_ref(30, 80), abs=EPS)
    lo, hi = stats.wilson([5, None, 3], [0, 10, None])
    assert all(math.isnan(v) for v in [*lo, *hi])


def test_ci_single_indicator_and_composite(peringkat_db):
    table, _ = league(peringkat_db, Pilihan("spm_resmi", "kesehatan", "kes_ibu_hamil"), Q1_2026, None)
    t = by_code(table)
    assert (t.loc["63.72", "ci_lo"], t.loc["63.72", "ci_hi"]) == pytest.approx(wilson_ref(30, 80), abs=EPS)
    assert (t.loc["63.71", "ci_lo"], t.loc["63.71", "ci_hi"]) == pytest.approx(wilson_ref(3300, 12000), abs=EPS)
    table, _ = league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, None)
    t = by_code(table)
    # Banjar overall: var = (se_pend^2 + (se_hamil^2 + se_balita^2) / 4 + se_pu^2) / 3^2
    var = (
        se_ref(96000, 100000) ** 2
        + (se_ref(2600, 10000) ** 2 + se_ref(9000, 40000) ** 2) / 4
        + se_ref(432000, 600000) ** 2
    ) / 9
    score = 192.25 / 3
    assert t.loc["63.03", "se"] == pytest.approx(math.sqrt(var), abs=EPS)
    assert t.loc["63.03", "ci_lo"] == pytest.approx(score - Z * math.sqrt(var), abs=EPS)
    assert t.loc["63.03", "ci_hi"] == pytest.approx(score + Z * math.sqrt(var), abs=EPS)


def test_funnel_limits_golden():
    lo, hi = stats.funnel_limits(80.0, [100], stats.Z95)
    assert (lo[0], hi[0]) == pytest.approx((80 - Z * 4, 80 + Z * 4), abs=EPS)
    assert (lo[0], hi[0]) == pytest.approx((72.16014406, 87.83985594), abs=1e-8)
    lo, hi = stats.funnel_limits(80.0, [100], stats.Z998)
    assert (lo[0], hi[0]) == pytest.approx((80 - 3.090232306167813 * 4, 80 + 3.090232306167813 * 4), abs=EPS)
    lo, hi = stats.funnel_limits(80.0, [100], stats.Z95, phi=4.0)  # overdispersion doubles the width
    assert (lo[0], hi[0]) == pytest.approx((80 - Z * 8, 80 + Z * 8), abs=EPS)
    assert stats.funnel_limits(99.0, [4], stats.Z998)[1][0] == 100.0  # clipped


def test_funnel_points_and_positions(peringkat_db):
    now = nilai(peringkat_db, "spm_resmi", "triwulan", Q1_2026)
    points, p0, phi = spm_league.funnel_points(now, "kes_ibu_hamil")
    assert p0 == pytest.approx((2600 + 3300 + 500 + 30) / (10000 + 12000 + 2500 + 80) * 100, abs=EPS)
    assert phi == 1.0
    pos = dict(zip(points["kode_wilayah"], points["posisi_funnel"], strict=True))
    # by hand: half-widths z*sqrt(p0(1-p0)/n): Banjar 26.0 inside 95 %; Banjarmasin 27.5 above 99.8 %;
    # Balangan 20.0 below 99.8 %; Banjarbaru 37.5 (n=80) above 95 % but inside 99.8 %
    assert pos == {"63.03": "dalam", "63.71": "atas_998", "63.11": "bawah_998", "63.72": "atas_95"}
    _, _, phi = spm_league.funnel_points(now, "kes_ibu_hamil", overdispersi=True)
    p = p0 / 100
    z2 = [
        ((y / 100 - p) / math.sqrt(p * (1 - p) / n)) ** 2
        for y, n in ((26.0, 10000), (27.5, 12000), (20.0, 2500), (37.5, 80))
    ]
    assert phi == pytest.approx(sum(z2) / 4, abs=EPS)


def test_plausible_rank_range_by_simulation():
    lo, hi = stats.plausible_rank_range(pd.Series([80.0, 60.0, 40.0]), pd.Series([0.1, 0.1, 0.1]), 2000, 1)
    assert lo.tolist() == [1, 2, 3] and hi.tolist() == [1, 2, 3]
    lo, hi = stats.plausible_rank_range(
        pd.Series([90.0, 90.0, 50.0, None]), pd.Series([1.0, 1.0, 0.0, 1.0]), 2000, 1
    )
    assert lo.tolist()[:3] == [1, 1, 2] and hi.tolist()[:3] == [2, 2, 3]
    assert pd.isna(lo.iloc[3]) and pd.isna(hi.iloc[3])
    again = stats.plausible_rank_range(pd.Series([70.0, 69.0, 68.0]), pd.Series([1.0, 1.0, 1.0]), 500, 7)
    twice = stats.plausible_rank_range(pd.Series([70.0, 69.0, 68.0]), pd.Series([1.0, 1.0, 1.0]), 500, 7)
    assert again[0].tolist() == twice[0].tolist() and again[1].tolist() == twice[1].tolist()  # fixed seed
    assert again[0].tolist() == [1, 1, 1] and again[1].tolist() == [3, 3, 3]


def test_rank_range_in_league(peringkat_db):
    table, _ = league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, None)
    ranked = table.dropna(subset=["peringkat"])
    # scores 74.1, 64.1, 53.2, 37.5 with standard errors < 6: no overlap, each range is the rank itself
    assert ranked["rentang_dari"].tolist() == [1, 2, 3, 4] and ranked["rentang_sampai"].tolist() == [1, 2, 3, 4]


# --- flags ----------------------------------------------------------------------------------------------


def test_small_denominator_flag(peringkat_db):
    table, _ = league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, None)
    t = by_code(table)
    assert t.loc["63.72", "penyebut_kecil"]  # its only service has sasaran 80 < 100
    assert not t.loc[["63.03", "63.71", "63.11"], "penyebut_kecil"].any()
    assert t.loc["63.72", "bobot_penyebut_kecil"] == pytest.approx(1.0, abs=EPS)
    strict = Pengaturan(CFG.indeks, replace(CFG.peringkat, ambang_penyebut_kecil=3000))
    t = by_code(league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, None, cfg=strict)[0])
    # Balangan: kes_ibu_hamil (2500) is half of kesehatan = 1/6 of the index -> not flagged; Banjarbaru flagged
    assert t.loc["63.11", "bobot_penyebut_kecil"] == pytest.approx(1 / 6, abs=EPS)
    assert not t.loc["63.11", "penyebut_kecil"] and t.loc["63.72", "penyebut_kecil"]


def test_completeness_flag_marks_rank_uncertain(peringkat_db):
    loose = Pengaturan(CFG.indeks, replace(CFG.peringkat, ambang_kelengkapan_persen=1.0))
    table, _ = league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, None, cfg=loose)
    t = by_code(table)
    # desa-months reported / expected over Jan-Mar 2026: Banjar 8/870, Banjarmasin 3/156, Balangan 3/471, Banjarbaru 0/60
    assert t.loc["63.03", "kelengkapan_persen"] == pytest.approx(8 / 870 * 100, abs=EPS)
    assert t.loc["63.71", "kelengkapan_persen"] == pytest.approx(3 / 156 * 100, abs=EPS)
    assert t.loc["63.11", "kelengkapan_persen"] == pytest.approx(3 / 471 * 100, abs=EPS)
    assert t.loc["63.72", "kelengkapan_persen"] == 0.0
    assert t.loc[["63.03", "63.71", "63.11", "63.72"], "tidak_pasti"].tolist() == [True, False, True, True]
    assert not t.loc["63.01", "tidak_pasti"]  # unranked: nothing to mark


# --- Posyandu families ---------------------------------------------------------------------------------


def test_posyandu_quarter_sums_months_and_inverts_2t(peringkat_db):
    table, _ = league(peringkat_db, Pilihan("posyandu"), Q1_2026, None)
    t = by_code(table)
    banjar_kes = (577 / 850 * 100 + (100 - 17 / 215 * 100)) / 2  # D/S summed Jan-Mar; 2T inverted
    banjar = (banjar_kes + 1750 / 2150 * 100) / 2
    assert t.loc["63.03", "skor"] == pytest.approx(banjar, abs=EPS)
    bjm = ((342 / 360 * 100 + (100 - 6 / 342 * 100)) / 2 + 1485 / 1500 * 100) / 2
    assert t.loc["63.71", "skor"] == pytest.approx(bjm, abs=EPS)
    assert t.loc["63.11", "skor"] == pytest.approx((82 / 90 * 100 + 50) / 2, abs=EPS)
    one, _ = league(peringkat_db, Pilihan("posyandu", "kesehatan", "kes_skdn_2t"), Q1_2026, None)
    o = by_code(one)
    assert o.loc["63.71", "skor"] == pytest.approx(6 / 342 * 100, abs=EPS)  # shown as coverage
    assert o.loc["63.71", "peringkat"] == 1 and o.loc["63.03", "peringkat"] == 2  # lower is better


def test_transformation_is_ranked_but_never_in_the_spm_index(peringkat_db, fixture_db):
    table, _ = league(peringkat_db, Pilihan("transformasi"), Q1_2026, None)
    t = by_code(table)
    assert t.loc["63.03", "skor"] == pytest.approx((2 / 3 * 100 + 60) / 2, abs=EPS)
    assert t.loc["63.71", "skor"] == pytest.approx((100 + 80) / 2, abs=EPS)
    assert t.loc["63.11", "skor"] == pytest.approx((100 + 20) / 2, abs=EPS)
    assert table.dropna(subset=["peringkat"])["kode_wilayah"].tolist() == ["63.71", "63.03", "63.11"]
    spm_ext = by_code(league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, None)[0])
    spm_base = by_code(league(fixture_db, Pilihan("spm_resmi"), Q1_2026, None)[0])
    assert spm_ext.loc["63.03", "skor"] == pytest.approx(spm_base.loc["63.03", "skor"], abs=EPS)
    posyandu = by_code(league(peringkat_db, Pilihan("posyandu"), Q1_2026, None)[0])
    assert posyandu.loc["63.03", "n_bidang"] == 2  # kesehatan and PU, no transformation field


# --- numbers match the capaian view --------------------------------------------------------------------


def test_values_match_the_capaian_view(peringkat_db):
    view = read(peringkat_db, "select * from capaian")
    view["periode"] = pd.to_datetime(view["periode"]).dt.date
    now = nilai(peringkat_db, "spm_resmi", "triwulan", Q1_2026).dropna(subset=["capaian_persen"])
    merged = now.merge(view[view["periode"] == Q1_2026], on=["kode_wilayah", "kode_indikator"], suffixes=("", "_v"))
    assert len(merged) == len(now) > 0
    assert (merged["capaian_persen"] - merged["capaian_persen_v"]).abs().max() < EPS
    month = nilai(peringkat_db, "posyandu", "bulan", Q1_2026).dropna(subset=["capaian_persen"])
    merged = month.merge(view[view["periode"] == Q1_2026], on=["kode_wilayah", "kode_indikator"], suffixes=("", "_v"))
    assert len(merged) == len(month) > 0
    assert (merged["capaian_persen"] - merged["capaian_persen_v"]).abs().max() < EPS
    quarter = nilai(peringkat_db, "posyandu", "triwulan", Q1_2026).dropna(subset=["sasaran"])
    months = view[(view["periode"] >= dt.date(2026, 1, 1)) & (view["periode"] <= Q1_2026)]
    sums = months.groupby(["kode_wilayah", "kode_indikator"])[["sasaran", "terlayani"]].sum().reset_index()
    merged = quarter.merge(sums, on=["kode_wilayah", "kode_indikator"], suffixes=("", "_v"))
    assert len(merged) == len(quarter) > 0
    assert (merged["sasaran"] == merged["sasaran_v"]).all() and (merged["terlayani"] == merged["terlayani_v"]).all()


# --- periods and the plain-language reading --------------------------------------------------------------


def test_period_helpers():
    assert periods.period_key("triwulan", "2026-02") == dt.date(2026, 3, 1)
    assert periods.period_key("tahun", "2026-02") == dt.date(2026, 12, 1)
    assert periods.shift("triwulan", dt.date(2026, 3, 1), -1) == dt.date(2025, 12, 1)
    assert periods.shift("bulan", dt.date(2026, 3, 1), -12) == dt.date(2025, 3, 1)
    keys = [dt.date(2025, 12, 1), dt.date(2026, 3, 1)]
    assert periods.resolve("triwulan", "2026-02", keys) == dt.date(2026, 3, 1)
    assert periods.resolve("triwulan", "2025-10", keys) == dt.date(2025, 12, 1)
    assert periods.resolve("triwulan", "2025-06", keys) is None
    assert periods.resolve_family("spm_resmi", "bulan", "2026-02", keys) == dt.date(2025, 12, 1)
    assert periods.months_covered("spm_resmi", "triwulan", dt.date(2026, 6, 1)) == (
        dt.date(2026, 1, 1),
        dt.date(2026, 6, 1),
    )
    assert periods.months_covered("posyandu", "triwulan", dt.date(2026, 6, 1)) == (
        dt.date(2026, 4, 1),
        dt.date(2026, 6, 1),
    )
    assert periods.period_label("triwulan", dt.date(2026, 3, 1), "id", "spm_resmi") == "Triwulan I 2026 (kumulatif)"
    assert periods.period_label("triwulan", dt.date(2026, 3, 1), "en", "spm_resmi") == "Q1 2026 (year to date)"
    assert (
        periods.period_label("tahun", dt.date(2026, 12, 1), "id", "spm_resmi", dt.date(2026, 3, 1))
        == "Tahun 2026 (s.d. Triwulan I)"
    )
    assert (
        periods.period_label("triwulan", dt.date(2026, 12, 1), "en", "posyandu", dt.date(2026, 10, 1))
        == "Q4 2026 (to October)"
    )
    assert periods.period_label("bulan", "2026-03", "id") == "Maret 2026"


def test_reading_in_both_languages(peringkat_db):
    table, prov = league(peringkat_db, Pilihan("spm_resmi"), Q1_2026, Q4_2025)
    pct_id = lambda v: f"{v:.1f}%".replace(".", ",")  # noqa: E731
    p = pct_id(prov["skor"])
    assert spm_league.reading(table, prov, "Triwulan I 2026 (kumulatif)", "id", pct_id) == (
        "Triwulan I 2026 (kumulatif): Kota Banjarmasin teratas dari 4 kab/kota (74,1%, Tuntas Pratama); "
        "Kota Banjarbaru terbawah (37,5%); 2 naik peringkat dan 1 turun dibanding periode lalu; "
        "dibanding provinsi tanpa kab/kota itu sendiri: 1 nyata lebih baik, 3 nyata lebih buruk "
        f"(IK 95%; angka provinsi {p} = gabungan semua kab/kota); "
        "peringkat 4 kab/kota belum pasti karena laporan kurang lengkap."
    )
    pct_en = lambda v: f"{v:.1f}%"  # noqa: E731
    assert spm_league.reading(table, prov, "Q1 2026 (year to date)", "en", pct_en) == (
        "Q1 2026 (year to date): Kota Banjarmasin leads 4 districts (74.1%, Tuntas Pratama); "
        "Kota Banjarbaru is last (37.5%); 2 moved up and 1 moved down since the previous period; "
        "against the province without the district itself: 1 clearly better, 3 clearly worse "
        f"(95% CI; the province figure {pct_en(prov['skor'])} pools every district); "
        "the rank of 4 districts is uncertain because reporting is incomplete."
    )
    empty = table.assign(peringkat=pd.NA)
    assert spm_league.reading(empty, prov, "Q1", "en", pct_en) == "Q1: no data to rank yet"


def test_mutu_weights_when_quality_data_exist():
    rows = pd.DataFrame(
        {"capaian_persen": [80.0, 80.0], "capaian_mutu": [50.0, None], "lebih_tinggi_lebih_baik": [True, True],
         "terlayani": [80, 80], "sasaran": [100, 100]}
    )  # fmt: skip
    out = scoring.service_index(rows, 0.8, 0.2)
    assert out["indeks"].tolist() == pytest.approx([0.8 * 80 + 0.2 * 50, 80.0], abs=EPS)  # no mutu -> receiver only


def test_overall_index_agrees_with_the_overview_page(fixture_db):
    con = connect_readonly(fixture_db)
    try:
        districts = query_df(con, "daftar_kabkota", {"kode_provinsi": "63"})
        services = query_df(con, "ringkasan_layanan", {"kode_wilayah": districts["kode"].tolist(), "periode": Q1_2026})
    finally:
        con.close()
    overview = ringkasan_data.district_table(districts, services)
    table, _ = league(fixture_db, Pilihan("spm_resmi"), Q1_2026, None)
    mine = by_code(table)["skor"].dropna()
    theirs = overview.set_index("kode")["indeks"].dropna()
    assert mine.sort_index().to_dict() == pytest.approx(theirs.sort_index().to_dict(), abs=EPS)


def test_each_district_is_compared_with_the_province_without_itself(fixture_db):
    """Q1 2026, ibu hamil (base fixture): Banjar 2600/10000, Banjarmasin 3300/12000, Balangan 500/2500; the pooled
    province 6400/24500 = 26.12 % leans on the large districts, so each is tested against the others' pool."""
    table, prov = league(fixture_db, Pilihan("spm_resmi", "kesehatan", "kes_ibu_hamil"), Q1_2026, None)
    t = by_code(table)
    assert prov["skor"] == pytest.approx(6400 / 24500 * 100, abs=EPS)
    assert t.loc["63.03", "skor_pembanding"] == pytest.approx((3300 + 500) / (12000 + 2500) * 100, abs=EPS)
    assert t.loc["63.71", "skor_pembanding"] == pytest.approx((2600 + 500) / (10000 + 2500) * 100, abs=EPS)
    assert t.loc["63.11", "skor_pembanding"] == pytest.approx((2600 + 3300) / (10000 + 12000) * 100, abs=EPS)
    # Banjarmasin 27.5 % (Wilson 95 %: 26.71-28.31) above 24.8 %; Banjar 26.0 % (25.15-26.87) holds 26.21 %;
    # Balangan 20.0 % (18.48-21.61) below 26.82 %
    assert t.loc[["63.71", "63.03", "63.11"], "posisi"].tolist() == ["atas", "sama", "bawah"]
    assert pd.isna(t.loc["63.04", "posisi"])  # no data, no position
