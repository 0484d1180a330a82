"""Golden tests: coverage aggregation in mart_capaian / the `capaian` view, hand-computed from tests/fixtures/dasar.py."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.helpers import cli, read

COVERAGE = "select sasaran, terlayani, capaian_persen, tingkat from capaian where periode = $p and kode_wilayah = $w and kode_indikator = $i"


def one(db, periode, wilayah, indikator):
    df = read(db, COVERAGE, {"p": periode, "w": wilayah, "i": indikator})
    assert len(df) == 1, (periode, wilayah, indikator, df)
    return df.iloc[0]


def test_capaian_view_columns_are_the_documented_contract(fixture_db):
    df = read(fixture_db, "select * from capaian limit 1")
    assert list(df.columns) == [
        "periode", "kode_wilayah", "tingkat", "kode_indikator", "bidang", "sasaran", "terlayani", "capaian_persen",
    ]  # fmt: skip
    types = read(
        fixture_db, "select column_name, data_type from information_schema.columns where table_name = 'capaian'"
    )
    assert dict(zip(types.column_name, types.data_type, strict=True)) == {
        "periode": "DATE", "kode_wilayah": "VARCHAR", "tingkat": "VARCHAR", "kode_indikator": "VARCHAR",
        "bidang": "VARCHAR", "sasaran": "BIGINT", "terlayani": "BIGINT", "capaian_persen": "DOUBLE",
    }  # fmt: skip


def test_one_row_per_key(fixture_db):
    dup = read(
        fixture_db, "select periode, kode_wilayah, kode_indikator, count(*) n from capaian group by all having n > 1"
    )
    assert dup.empty


def test_province_sums_counts_then_divides(fixture_db):
    row = one(fixture_db, "2025-12-01", "63", "kes_ibu_hamil")
    assert (row.sasaran, row.terlayani, row.tingkat) == (24500, 22500, "provinsi")
    assert row.capaian_persen == pytest.approx(22500 / 24500 * 100, abs=1e-12)
    # averaging the three percentages would give (90 + 100 + 60) / 3 = 83.33: not what we store
    assert row.capaian_persen != pytest.approx(250 / 3)


def test_kecamatan_and_kabkota_from_desa(fixture_db):
    kec = one(fixture_db, "2026-01-01", "63.03.01", "kes_skdn_d_per_s")
    assert (kec.sasaran, kec.terlayani) == (150, 80)
    assert kec.capaian_persen == pytest.approx(80 / 150 * 100)
    kab = one(fixture_db, "2026-01-01", "63.03", "kes_skdn_d_per_s")
    assert (kab.sasaran, kab.terlayani) == (350, 180)


def test_missing_report_is_left_out_not_zero(fixture_db):
    # Kertak Hanyar I sent no report for Feb 2026: Banjar = Bakambat + Tanipah only
    kab = one(fixture_db, "2026-02-01", "63.03", "kes_skdn_d_per_s")
    assert (kab.sasaran, kab.terlayani) == (150, 100)
    kec = read(fixture_db, "select * from capaian where periode = '2026-02-01' and kode_wilayah = '63.03.02'")
    assert kec.empty
    n = read(
        fixture_db,
        "select jumlah_laporan from mart_capaian where periode = '2026-02-01' and kode_wilayah = '63.03' and kode_indikator = 'kes_skdn_d_per_s'",
    )
    assert n.jumlah_laporan.tolist() == [2]


def test_raw_value_above_100_is_kept(fixture_db):
    desa = one(fixture_db, "2026-03-01", "63.11.01.2001", "kes_skdn_d_per_s")
    assert desa.capaian_persen == pytest.approx(35 / 30 * 100)


def test_percentage_only_row(fixture_db):
    kab = one(fixture_db, "2026-03-01", "63.11", "pu_air_minum")
    assert (kab.sasaran, kab.terlayani) == (130000, 72150)  # round(55.5% of 130.000)
    assert kab.capaian_persen == pytest.approx(55.5)
    prov = one(fixture_db, "2026-03-01", "63", "pu_air_minum")
    assert (prov.sasaran, prov.terlayani) == (1390000, 1137750)


def test_missing_denominator_is_na_not_zero(writable_db, tmp_path):
    # tr_trantibum: no sasaran in any other period and no population denominator in the catalog
    f = tmp_path / "persen.csv"
    f.write_text(
        "periode,kode_wilayah,kode_indikator,capaian_persen\n2026-03,63.01,tr_trantibum,40\n", encoding="utf-8"
    )
    code, out = cli("import", f, "--db", writable_db)
    assert code == 0, out
    kab = one(writable_db, "2026-03-01", "63.01", "tr_trantibum")
    assert kab.capaian_persen == pytest.approx(40.0)
    assert pd.isna(kab.sasaran)
    prov = one(writable_db, "2026-03-01", "63", "tr_trantibum")
    assert pd.isna(prov.capaian_persen) and pd.isna(prov.sasaran)
    cov = read(writable_db, "select unit_ada, unit_hitung, unit_taksiran, unit_persen from mart_capaian "
               "where periode = '2026-03-01' and kode_wilayah = '63' and kode_indikator = 'tr_trantibum'")  # fmt: skip
    assert cov.iloc[0].tolist() == [13, 0, 0, 1]  # 13 kab/kota exist, one reported a bare percentage: left out


def test_percent_only_row_is_estimated_from_the_population_where_the_catalog_says(writable_db, tmp_path):
    # pu_air_limbah's denominator is the population (catalog sasaran_penduduk): Tanah Laut 369.818 (Dukcapil 2025)
    f = tmp_path / "persen.csv"
    f.write_text(
        "periode,kode_wilayah,kode_indikator,capaian_persen\n2026-03,63.01,pu_air_limbah,40\n", encoding="utf-8"
    )
    assert cli("import", f, "--db", writable_db)[0] == 0
    kab = one(writable_db, "2026-03-01", "63.01", "pu_air_limbah")
    assert kab.capaian_persen == pytest.approx(40.0)  # the published percentage stays the unit's own value
    assert pd.isna(kab.sasaran) and pd.isna(kab.terlayani)
    est = read(writable_db, "select sasaran_taksiran, terlayani_taksiran, sumber_taksiran from mart_taksiran")
    assert est.iloc[0].tolist() == [369818, 147927, "penduduk"]  # round(40 % of 369.818) = 147.927,2
    prov = one(writable_db, "2026-03-01", "63", "pu_air_limbah")
    assert (prov.sasaran, prov.terlayani) == (369818, 147927)
    cov = read(writable_db, "select unit_ada, unit_hitung, unit_taksiran, unit_persen from mart_capaian "
               "where periode = '2026-03-01' and kode_wilayah = '63' and kode_indikator = 'pu_air_limbah'")  # fmt: skip
    assert cov.iloc[0].tolist() == [13, 0, 1, 0]


def test_direct_report_wins_over_aggregate(writable_db, tmp_path):
    f = tmp_path / "kec.csv"
    f.write_text(
        "periode,kode_wilayah,kode_indikator,sasaran,terlayani\n2026-01,63.03.01,kes_skdn_d_per_s,1000,900\n",
        encoding="utf-8",
    )
    assert cli("import", f, "--db", writable_db)[0] == 0
    kec = one(writable_db, "2026-01-01", "63.03.01", "kes_skdn_d_per_s")
    assert (kec.sasaran, kec.terlayani) == (1000, 900)
    kab = one(writable_db, "2026-01-01", "63.03", "kes_skdn_d_per_s")
    assert (kab.sasaran, kab.terlayani) == (1000 + 200, 900 + 100)  # direct kecamatan + Kertak Hanyar's desa
