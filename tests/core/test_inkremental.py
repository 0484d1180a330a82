"""The incremental mart rebuild after an import of facts equals the full rebuild, row for row (issue 16).

Each case imports files into a copy of a small fixture warehouse through the real import path (which rebuilds only
the marts of the keys the import touched), then rebuilds every mart of a second copy of the result in full, and
compares every mart table: all rows, all columns, order-independent, NULL-safe (SQL ``except all`` both ways).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from dashboard.core import warehouse
from dashboard.impor.core import import_files
from tests.fixtures import banjir, write_files


def _mart_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    rows = con.execute(
        "select table_name from duckdb_tables() where not temporary and table_name like 'mart_%' order by 1"
    ).fetchall()
    return [r[0] for r in rows]


def _full_rebuild_copy(db: Path, target: Path) -> Path:
    shutil.copyfile(db, target)
    con = duckdb.connect(str(target))
    try:
        warehouse.build_marts(con)
        con.execute("checkpoint")
    finally:
        con.close()
    return target


def _differences(incremental: Path, full: Path) -> dict[str, tuple[int, int]]:
    """Per mart table: (rows only in the incremental result, rows only in the full rebuild); empty when equal."""
    con = duckdb.connect()
    try:
        con.execute(f"attach '{incremental}' as inkr (read_only)")
        con.execute(f"attach '{full}' as penuh (read_only)")
        con.execute("use penuh")
        tables = _mart_tables(con)
        assert {"mart_capaian_agregat", "mart_capaian_periode_agregat", "mart_taksiran", "mart_kelengkapan",
                "mart_riwayat_nilai", "mart_banjir_bulanan", "mart_konsistensi", "mart_ketepatan"} <= set(tables)  # fmt: skip
        out = {}
        for t in tables:
            only_inkr = con.execute(f"select count(*) from (from inkr.{t} except all from penuh.{t})").fetchone()[0]
            only_full = con.execute(f"select count(*) from (from penuh.{t} except all from inkr.{t})").fetchone()[0]
            if only_inkr or only_full:
                out[t] = (only_inkr, only_full)
        return out
    finally:
        con.close()


@pytest.fixture
def spy(monkeypatch):
    """Counts the incremental rebuilds that ran (and were not a fallback to the full build)."""
    calls = []
    original = warehouse.build_marts_incremental

    def counted(con):
        done = original(con)
        calls.append(done)
        return done

    monkeypatch.setattr(warehouse, "build_marts_incremental", counted)
    return calls


def _import_and_compare(base: Path, tmp_path: Path, batches: list[dict[str, str]], spy: list) -> Path:
    """Import each batch of files (one import per file) into a copy of ``base``; after every batch the marts must
    equal a full rebuild. Returns the warehouse."""
    db = tmp_path / "inkremental.duckdb"
    shutil.copyfile(base, db)
    for i, batch in enumerate(batches):
        before = len(spy)
        paths = write_files(tmp_path / f"batch{i}", batch)
        reports = import_files(paths, db, user="uji")
        assert all(r.loaded for r in reports), [m for r in reports for m in r.messages()]
        assert spy[before:] == [True] * len(paths)  # every file took the incremental path
        full = _full_rebuild_copy(db, tmp_path / f"penuh{i}.duckdb")
        assert _differences(db, full) == {}, f"batch {i}"
    return db


def _value(db: Path, query: str, params: list | None = None):
    con = warehouse.connect_readonly(db)
    try:
        return con.execute(query, params or []).fetchall()
    finally:
        con.close()


CSV = "periode,kode_wilayah,kode_indikator,sasaran,terlayani\n"
PERSEN = "periode,kode_wilayah,kode_indikator,capaian_persen\n"


def test_new_periods_desa_and_kabkota_rows(fixture_db, tmp_path, spy):
    desa = CSV + "".join(
        f"2026-{m:02d},{d},kes_skdn_d_per_s,100,{60 + m}\n2026-{m:02d},{d},pu_kk_air_layak,300,{200 + m}\n"
        for m in (4, 5, 6) for d in ("63.03.01.2001", "63.03.01.2002", "63.03.02.1001")
    )  # fmt: skip
    kab = CSV + "2026-06,63.03,kes_ibu_hamil,10000,5000\n2026-06,63.11,kes_balita,10000,4000\n"
    db = _import_and_compare(fixture_db, tmp_path, [{"desa.csv": desa, "kab.csv": kab}], spy)
    # the new quarter shows at the kab/kota: D/S of the three Banjar desa in June = (66 * 3) / 300
    got = _value(db, "select terlayani, sasaran from mart_capaian_agregat where periode = '2026-06-01' "
                     "and kode_wilayah = '63.03' and kode_indikator = 'kes_skdn_d_per_s'")  # fmt: skip
    assert got == [(198, 300)]


def test_replacing_existing_rows(fixture_db, tmp_path, spy):
    desa = CSV + "2026-03,63.03.01.2001,kes_skdn_d_per_s,100,10\n2025-11,63.71.01.1001,kes_skdn_d_per_s,120,1\n"
    kab = CSV + "2025-12,63.03,kes_ibu_hamil,10000,1000\n2026-03,63.71,pu_air_minum,660000,1000\n"
    db = _import_and_compare(fixture_db, tmp_path, [{"desa.csv": desa}, {"kab.csv": kab}], spy)
    got = _value(db, "select terlayani from mart_capaian_agregat where periode = '2026-03-01' "
                     "and kode_wilayah = '63.03.01' and kode_indikator = 'kes_skdn_d_per_s'")  # fmt: skip
    assert got == [(10 + 42,)]


def test_import_touching_two_kabkota_and_a_replaced_row_becoming_percent_only(fixture_db, tmp_path, spy):
    two = CSV + "".join(
        f"2026-02,{d},kes_skdn_d_per_s,50,25\n" for d in ("63.03.02.1001", "63.71.01.1001", "63.11.01.2001")
    )
    persen = PERSEN + "2026-01,63.11.01.2001,kes_skdn_d_per_s,50\n2025-12,63.71,kes_balita,95\n"
    _import_and_compare(fixture_db, tmp_path, [{"two.csv": two}, {"persen.csv": persen}], spy)


def test_percent_only_rows_that_change_estimates(cakupan_db, tmp_path, spy):
    # Banjarbaru's 70 % of 2026-03 gets a denominator (from 2026-06); Banjarmasin's 90 % gets a nearer one (2026-01)
    batches = [
        {"baru.csv": CSV + "2026-06,63.72,kes_ibu_hamil,1000,700\n2026-01,63.71,kes_ibu_hamil,3000,2000\n"},
        {"persen.csv": PERSEN + "2026-06,63.71,kes_ibu_hamil,50\n2025-09,63.72,kes_ibu_hamil,40\n"},
        {"desa.csv": PERSEN + "2026-03,63.03.01.2002,kes_skdn_d_per_s,80\n"},
        {"hapus_sumber.csv": PERSEN + "2026-01,63.71,kes_ibu_hamil,60\n"},  # a source of an estimate turns percent-only
    ]
    db = _import_and_compare(cakupan_db, tmp_path, batches, spy)
    got = _value(db, "select sasaran_taksiran, periode_sumber from mart_taksiran where periode = '2026-03-01' "
                     "and kode_wilayah = '63.72' and kode_indikator = 'kes_ibu_hamil'")  # fmt: skip
    assert [(s, str(p)) for s, p in got] == [(1000, "2026-06-01")]


def test_honest_numbers_warehouse(jujur_db, tmp_path, spy):
    batches = [{"a.csv": CSV + "2026-03,63.11,pu_air_minum,100000,60000\n2026-06,63.72,pu_air_minum,1000,900\n"
                              "2026-03,63.72.04.1001,kes_skdn_d_per_s,10,7\n"}]  # fmt: skip
    _import_and_compare(jujur_db, tmp_path, batches, spy)


def test_flood_windows(flood_db, tmp_path, spy):
    # monthly flood-sensitive desa rows inside the events' windows: affected desa and the comparison group change
    rows = CSV + "".join(
        f"2026-{m:02d},{d},kes_posyandu_buka,10,{v}\n"
        for m, v in ((4, 3), (7, 8)) for d in (banjir.A1, banjir.U1, banjir.P1)
    ) + f"2026-04,{banjir.U2},kes_skdn_2t,20,9\n"  # fmt: skip
    db = _import_and_compare(flood_db, tmp_path, [{"banjir.csv": rows}], spy)
    got = _value(db, "select count(*) from mart_banjir_bulanan where periode = '2026-07-01'")
    assert got[0][0] > 0


def test_write_in_between_validation_and_copy_checks_the_file_again(fixture_db, tmp_path, spy, monkeypatch):
    """The staged rows of the validation are reused only when the copied warehouse is the version validated; when
    another write came in between (the identity differs), the file is read and checked again against the copy."""
    from dashboard.impor import core

    checked = []
    original_check = core.check
    monkeypatch.setattr(core, "check", lambda *a, **k: checked.append(1) or original_check(*a, **k))
    versions = iter(range(1000))
    monkeypatch.setattr(core.warehouse, "identity", lambda path: f"versi-{next(versions)}")
    rows = {"a.csv": CSV + "2026-04,63.03.01.2001,kes_skdn_d_per_s,100,70\n"}
    db = _import_and_compare(fixture_db, tmp_path, [rows], spy)
    assert len(checked) == 2
    assert _value(db, "select terlayani from fakta_capaian where periode = '2026-04-01'") == [(70,)]


def test_unchanged_warehouse_checks_the_file_once(fixture_db, tmp_path, spy, monkeypatch):
    from dashboard.impor import core

    checked = []
    original_check = core.check
    monkeypatch.setattr(core, "check", lambda *a, **k: checked.append(1) or original_check(*a, **k))
    rows = {
        "a.csv": CSV + "2026-04,63.03.01.2001,kes_skdn_d_per_s,100,70\n2026-04,63.71.01.1001,kes_skdn_d_per_s,5,4\n"
    }
    db = _import_and_compare(fixture_db, tmp_path, [rows], spy)
    assert len(checked) == 1
    got = _value(db, "select kode_wilayah, sasaran, terlayani, id_impor > 0 from fakta_capaian "
                     "where periode = '2026-04-01' order by 1")  # fmt: skip
    assert got == [("63.03.01.2001", 100, 70, True), ("63.71.01.1001", 5, 4, True)]


def test_marts_of_an_older_version_fall_back_to_the_full_build(fixture_db, tmp_path, spy):
    db = tmp_path / "lama.duckdb"
    shutil.copyfile(fixture_db, db)
    con = duckdb.connect(str(db))
    con.execute("update meta set nilai = 'versi-lama' where kunci = 'versi_mart'")
    con.execute("delete from mart_capaian_agregat")  # an older build's rows: the fallback must rebuild them all
    con.close()
    (path,) = write_files(tmp_path / "f", {"a.csv": CSV + "2026-04,63.03.01.2001,kes_skdn_d_per_s,100,70\n"})
    (report,) = import_files([path], db, user="uji")
    assert report.loaded and spy == [False]
    assert warehouse.is_current(db)
    assert _differences(db, _full_rebuild_copy(db, tmp_path / "penuh.duckdb")) == {}
    assert _value(db, "select count(*) > 0 from mart_capaian_agregat where periode = '2025-10-01'") == [(True,)]
