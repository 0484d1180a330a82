"""Golden tests for the coverage of aggregates (issue 13): units in the value of units existing, percent-only rows
estimated from a known denominator or left out visibly, partial values never ranked or categorised. Warehouse:
tests/fixtures/cakupan.py; every expected value is computed by hand below."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.spm import coverage, scoring
from dashboard.spm.categories import add_category
from tests.fixtures.peringkat import CFG, Q1_2026, league, nilai
from tests.helpers import read

COV = ("select sasaran, terlayani, capaian_persen, unit_ada, unit_hitung, unit_taksiran, unit_persen "
       "from mart_capaian where periode = $p and kode_wilayah = $w and kode_indikator = $i")  # fmt: skip
IBU_HAMIL = scoring.Pilihan("spm_resmi", "kesehatan", "kes_ibu_hamil")
BALITA = scoring.Pilihan("spm_resmi", "kesehatan", "kes_balita")


def row(db, wilayah, indikator, periode="2026-03-01"):
    df = read(db, COV, {"p": periode, "w": wilayah, "i": indikator})
    assert len(df) == 1, df
    return df.iloc[0]


def test_percent_only_row_estimated_from_another_period(cakupan_db):
    est = read(cakupan_db, "select * from mart_taksiran order by kode_wilayah")
    # Banjarmasin: 90 % of the 2.000 it reported in 2025-12 = 1.800; Banjarbaru: no denominator known, no row
    assert est[["kode_wilayah", "sasaran_taksiran", "terlayani_taksiran", "sumber_taksiran"]].values.tolist() == [
        ["63.71", 2000, 1800, "periode_lain"]
    ]
    assert str(est.loc[0, "periode_sumber"])[:10] == "2025-12-01"
    own = row(cakupan_db, "63.71", "kes_ibu_hamil")
    assert own.capaian_persen == 90.0 and pd.isna(own.sasaran)  # the published percentage stays its own value
    assert own[["unit_ada", "unit_hitung", "unit_taksiran", "unit_persen"]].tolist() == [1, 0, 1, 0]
    assert row(cakupan_db, "63.72", "kes_ibu_hamil")[["unit_taksiran", "unit_persen"]].tolist() == [0, 1]


def test_province_sums_counts_and_estimates_and_says_so(cakupan_db):
    prov = row(cakupan_db, "63", "kes_ibu_hamil")
    # 11 x 1.000 / 800 with counts + Banjarmasin's estimate 2.000 / 1.800; Banjarbaru (70 %, no denominator) left out
    assert (prov.sasaran, prov.terlayani) == (13000, 10600)
    assert prov.capaian_persen == pytest.approx(10600 / 13000 * 100)
    assert prov[["unit_ada", "unit_hitung", "unit_taksiran", "unit_persen"]].tolist() == [13, 11, 1, 1]
    text = coverage.describe_units(prov, "kab_kota", "id")
    assert text == ("12 dari 13 kab/kota dalam nilai; 1 ditaksir dari penyebut yang diketahui (persen saja); "
                    "1 hanya persen tanpa penyebut, tidak dihitung")  # fmt: skip


def test_partial_below_the_threshold(cakupan_db):
    balita = row(cakupan_db, "63", "kes_balita")
    assert balita[["unit_ada", "unit_hitung"]].tolist() == [13, 10]  # 10 / 13 = 76,9 % < 80 %
    shown = coverage.unit_coverage(pd.DataFrame([balita]))
    assert shown["kelengkapan_unit"].iloc[0] == pytest.approx(100 * 10 / 13) and bool(shown["sebagian"].iloc[0])
    ibu = coverage.unit_coverage(pd.DataFrame([row(cakupan_db, "63", "kes_ibu_hamil")]))
    assert ibu["kelengkapan_unit"].iloc[0] == pytest.approx(100 * 12 / 13) and not ibu["sebagian"].iloc[0]
    # a threshold of 95 % makes the 12 of 13 partial too
    assert bool(coverage.unit_coverage(pd.DataFrame([row(cakupan_db, "63", "kes_ibu_hamil")]), 95)["sebagian"].iloc[0])
    # a partial value earns no category
    cats = add_category(pd.DataFrame({"indeks": [90.0, 90.0], "sebagian": [True, False]}), "indeks")
    assert pd.isna(cats["kategori"].iloc[0]) and cats["kategori"].iloc[1] == "Tuntas Utama"


def test_desa_units_per_kecamatan_and_kabkota(cakupan_db):
    aluh = row(cakupan_db, "63.03.01", "kes_skdn_d_per_s")
    assert (aluh.sasaran, aluh.terlayani) == (160, 128)
    assert aluh[["unit_ada", "unit_hitung", "unit_persen"]].tolist() == [19, 16, 0]  # 84,2 %: complete enough
    kertak = row(cakupan_db, "63.03.02", "kes_skdn_d_per_s")
    assert kertak[["unit_ada", "unit_hitung"]].tolist() == [13, 2]  # 15,4 %: partial
    banjar = row(cakupan_db, "63.03", "kes_skdn_d_per_s")
    assert banjar[["unit_ada", "unit_hitung"]].tolist() == [290, 18]  # the desa of Banjar
    prov = row(cakupan_db, "63", "kes_skdn_d_per_s")
    assert prov[["unit_ada", "unit_hitung"]].tolist() == [2016, 18]
    quarter = read(cakupan_db, "select unit_ada, unit_hitung from mart_capaian_periode where granularitas = 'triwulan' "
                   "and periode = '2026-03-01' and kode_wilayah = '63.03.01' and kode_indikator = 'kes_skdn_d_per_s'")
    assert quarter.iloc[0].tolist() == [19, 16]  # one month present: its coverage


def test_league_of_one_indicator_keeps_the_published_percentages(cakupan_db):
    table, prov = league(cakupan_db, IBU_HAMIL, Q1_2026, None)
    t = table.set_index("kode_wilayah")
    assert t.loc["63.71", "skor"] == 90.0 and t.loc["63.72", "skor"] == 70.0
    assert t.loc["63.71", "peringkat"] == 1 and t.loc["63.01", "peringkat"] == 2 and t.loc["63.72", "peringkat"] == 3
    assert pd.isna(t.loc["63.71", "rentang_dari"]) and pd.isna(t.loc["63.72", "ci_lo"])  # no interval without counts
    assert prov["unit_hitung"] == 11 and prov["unit_taksiran"] == 1 and not prov["sebagian"]
    # Banjarmasin against the province without it: its estimated counts come out too: 8.800 / 11.000 = 80 %
    assert t.loc["63.71", "skor_pembanding"] == pytest.approx(80.0)
    # Banjarbaru (left out of the province sums) is compared with the whole province: 81,54 %
    assert t.loc["63.72", "skor_pembanding"] == pytest.approx(10600 / 13000 * 100)


def test_partial_province_value_of_one_indicator(cakupan_db):
    _, prov = league(cakupan_db, BALITA, Q1_2026, None)
    assert prov["skor"] == pytest.approx(80.0) and bool(prov["sebagian"])
    assert prov["kelengkapan_unit"] == pytest.approx(100 * 10 / 13)


def test_composite_completeness_counts_services_without_data(cakupan_db):
    # a kab/kota's overall index: 29 kab/kota-level services; 63.01 reports 2 of them (both kesehatan: 2 of 12)
    rows = nilai(cakupan_db, "spm_resmi", "triwulan", Q1_2026)
    out = scoring.scores(rows, scoring.Pilihan("spm_resmi", "kesehatan"), ["kode_wilayah"], CFG).set_index("kode_wilayah")
    assert out.loc["63.01", "kelengkapan_unit"] == pytest.approx(100 * 2 / 12) and out.loc["63.01", "sebagian"]
    assert out.loc["63.01", "indeks"] == pytest.approx(80.0)  # still shown: mean(80, 80)
    overall = scoring.scores(rows, scoring.Pilihan("spm_resmi"), ["kode_wilayah"], CFG).set_index("kode_wilayah")
    assert overall.loc["63.01", "kelengkapan_unit"] == pytest.approx(100 * 2 / 12 / 6)  # 5 fields without data: 0
    table, _ = league(cakupan_db, scoring.Pilihan("spm_resmi"), Q1_2026, None)
    assert table["peringkat"].isna().all() and table["kategori"].isna().all()  # nobody ranked on partial indices


def test_maps_show_partial_values_apart_from_no_data(cakupan_db):
    from dashboard.spm import charts as cp
    from dashboard.spm.categories import category_scheme

    table, _ = league(cakupan_db, scoring.Pilihan("spm_resmi"), Q1_2026, None)  # every index partial (see above)
    fig = cp.tile_map(table, "id", category_scheme("A"), na_label="Tanpa data", partial_label="◐ sebagian")
    by_name = {tr.name: tr for tr in fig.data}
    assert set(by_name) == {"◐ sebagian"}  # all 13 have a (partial) value: no category colour, and none "no data"
    partial_codes = {c[0] for c in by_name["◐ sebagian"].customdata}
    assert partial_codes == set(table["kode_wilayah"]) and len(partial_codes) == 13
    assert {c[3] for c in by_name["◐ sebagian"].customdata} == {"◐ sebagian"}  # the hover says so too
    assert all(" ◐" in text for text in by_name["◐ sebagian"].text)


def test_flood_recovery_indicators_count_the_desa_that_report(cakupan_db, tmp_path):
    """Only the desa a flood hit report post-flood recovery (catalog unit_terdampak): an aggregate's units are the
    desa that reported, not every desa of the area (else every flood-recovery value would read partial)."""
    import shutil

    from tests.helpers import cli

    db = tmp_path / "spm.duckdb"
    shutil.copyfile(cakupan_db, db)
    f = tmp_path / "pulih.csv"
    f.write_text("periode,kode_wilayah,kode_indikator,sasaran,terlayani,capaian_persen\n"
                 "2026-03,63.03.01.2001,pr_rumah_banjir_pulih,20,15,\n"
                 "2026-03,63.03.01.2002,pr_rumah_banjir_pulih,10,5,\n"
                 "2026-03,63.03.02.1001,pr_rumah_banjir_pulih,,,50\n", encoding="utf-8")  # fmt: skip
    code, out = cli("import", f, "--db", db)
    assert code == 0, out
    kec = row(db, "63.03.01", "pr_rumah_banjir_pulih")
    assert kec[["unit_ada", "unit_hitung"]].tolist() == [2, 2] and (kec.sasaran, kec.terlayani) == (30, 20)
    prov = row(db, "63", "pr_rumah_banjir_pulih")
    # 3 desa reported: 2 with counts, 1 a bare 50 % without a known denominator (left out)
    assert prov[["unit_ada", "unit_hitung", "unit_taksiran", "unit_persen"]].tolist() == [3, 2, 0, 1]
    # an ordinary Posyandu indicator still counts every desa of the area
    assert row(db, "63.03.01", "kes_skdn_d_per_s")["unit_ada"] == 19
