"""`python -m dashboard export-parquet`: what an existing engine reads back equals the warehouse."""

from __future__ import annotations

import json

import duckdb
import pytest

from dashboard.ekspor.parquet import PER_YEAR, WHOLE
from tests.helpers import cli, read


@pytest.fixture(scope="module")
def exported(fixture_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("parquet") / "ekspor"
    code, text = cli("export-parquet", "--db", fixture_db, "--keluaran", out)
    assert code == 0, text
    return out


def parquet(out, table: str) -> str:
    """A read_parquet(...) expression for one exported table, the way any DuckDB user would write it."""
    pattern = out / table / ("*/*.parquet" if table in PER_YEAR else "*.parquet")
    return f"read_parquet('{pattern}', hive_partitioning = true)"


def test_row_counts_and_totals_equal_the_warehouse(fixture_db, exported):
    manifest = json.loads((exported / "manifest.json").read_text(encoding="utf-8"))
    assert [t["name"] for t in manifest["tables"]] == list(PER_YEAR + WHOLE)
    # the fixture: three real files imported, no synthetic sample, so not mixed
    assert manifest["warehouse"]["real_imports"] == 3 and manifest["warehouse"]["sample_data"] is False
    assert manifest["warehouse"]["mixed_data"] is False
    con = duckdb.connect()
    for table in manifest["tables"]:
        name = table["name"]
        rows = read(fixture_db, "select count(*) as n from query_table($t)", {"t": name}).n[0]
        assert table["rows"] == rows, name
        if rows == 0 and name in PER_YEAR:  # no year, no partition: an empty folder (the fixture has no floods)
            assert not list((exported / name).rglob("*.parquet")), name
            continue
        assert con.execute(f"select count(*) from {parquet(exported, name)}").fetchone()[0] == rows, name
    total = "select sum(sasaran) as s, sum(terlayani) as t, count(distinct periode) as p from {}"
    for name in ("fakta_capaian", "mart_capaian", "mart_capaian_periode"):
        want = read(fixture_db, total.format(name)).iloc[0].tolist()
        got = con.execute(total.format(parquet(exported, name))).fetchone()
        assert list(got) == want, name
    assert want[0] > 0


def test_partitioned_by_year_of_periode(fixture_db, exported):
    years = sorted(p.name for p in (exported / "fakta_capaian").iterdir())
    assert years == ["tahun=2025", "tahun=2026"]  # the fixture's six months, October 2025 - March 2026
    con = duckdb.connect()
    wrong = con.execute(f"select count(*) from {parquet(exported, 'mart_capaian')} where year(periode) <> tahun")
    assert wrong.fetchone()[0] == 0
    one_year = f"read_parquet('{exported / 'fakta_capaian' / 'tahun=2026' / '*.parquet'}')"  # a single partition
    n_2026 = con.execute(f"select count(*) from {one_year}").fetchone()[0]
    assert n_2026 == read(fixture_db, "select count(*) as n from fakta_capaian where year(periode) = 2026").n[0] > 0


def test_province_aggregate_from_parquet_equals_the_mart(fixture_db, exported):
    """Sum the reported facts over the whole province from the Parquet files, divide: the mart's province rows."""
    con = duckdb.connect()
    from_parquet = con.execute(f"""
        select f.periode, f.kode_indikator,
               sum(f.sasaran) filter (where f.sasaran is not null and f.terlayani is not null)::bigint as sasaran,
               sum(f.terlayani) filter (where f.sasaran is not null and f.terlayani is not null)::bigint as terlayani
        from {parquet(exported, 'fakta_capaian')} f
        join {parquet(exported, 'wilayah')} w on w.kode = f.kode_wilayah and w.kode_provinsi = '63'
        where f.tahun in (2025, 2026)
        group by all order by all
    """).df()  # fmt: skip
    mart = read(
        fixture_db,
        "select periode, kode_indikator, sasaran, terlayani from mart_capaian where kode_wilayah = '63' order by all",
    )
    assert len(mart) == len(from_parquet) > 0
    assert from_parquet.astype(str).values.tolist() == mart.astype(str).values.tolist()
    prov = from_parquet[(from_parquet.periode == "2026-03-01") & (from_parquet.kode_indikator == "pu_air_minum")]
    assert prov[["sasaran", "terlayani"]].values.tolist() == [[1390000, 1137750]]  # as in test_aggregation


def test_usage_errors(fixture_db, exported, tmp_path):
    assert cli("export-parquet", "--db", tmp_path / "tidak_ada.duckdb", "--keluaran", tmp_path / "x")[0] == 2
    assert cli("export-parquet", "--db", fixture_db, "--keluaran", exported)[0] == 2  # not empty, no --ganti
    stranger = tmp_path / "lain"
    stranger.mkdir()
    (stranger / "penting.txt").write_text("jangan dihapus", encoding="utf-8")
    code, text = cli("export-parquet", "--db", fixture_db, "--keluaran", stranger, "--ganti", "--bahasa", "en")
    assert code == 2 and "not replaced" in text
    assert (stranger / "penting.txt").exists()
    afile = tmp_path / "berkas"
    afile.write_text("", encoding="utf-8")
    assert cli("export-parquet", "--db", fixture_db, "--keluaran", afile)[0] == 2


def test_replace_an_earlier_export(fixture_db, tmp_path):
    out = tmp_path / "ekspor"
    assert cli("export-parquet", "--db", fixture_db, "--keluaran", out)[0] == 0
    (out / "sisa_lama.txt").write_text("", encoding="utf-8")
    code, text = cli("export-parquet", "--db", fixture_db, "--keluaran", out, "--ganti")
    assert code == 0, text
    assert not (out / "sisa_lama.txt").exists() and (out / "manifest.json").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temporary folders left
