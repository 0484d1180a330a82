"""Concurrency and safety of the warehouse: readers keep working during imports, failures change nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from dashboard.core import warehouse
from dashboard.impor.core import import_files
from tests.helpers import cli, fingerprint, read

ROOT = Path(__file__).resolve().parents[2]
HEADER = "periode,kode_wilayah,kode_indikator,sasaran,terlayani"


def test_import_while_a_reader_holds_the_file(writable_db, tmp_path):
    reader = warehouse.connect_readonly(writable_db)
    old_version = warehouse.identity(writable_db)
    f = tmp_path / "baru.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    code, out = cli("import", f, "--db", writable_db)
    assert code == 0, out
    # the open reader keeps its consistent snapshot ...
    assert reader.execute("select count(*) from fakta_capaian where periode = '2026-04-01'").fetchall() == [(0,)]
    reader.close()
    # ... and the next reader (what the dashboard opens when the version changes) sees the new data
    assert warehouse.identity(writable_db) != old_version
    assert read(writable_db, "select terlayani from fakta_capaian where periode = '2026-04-01'").terlayani.tolist() == [
        77
    ]


def test_failed_write_leaves_previous_data_and_no_temp_files(writable_db):
    before = fingerprint(writable_db)
    with pytest.raises(RuntimeError), warehouse.writer(writable_db) as con:
        con.execute("delete from fakta_capaian")
        raise RuntimeError("boom")
    assert fingerprint(writable_db) == before
    assert not [p for p in writable_db.parent.iterdir() if p.name.endswith(".tmp")]


def test_each_successful_write_keeps_a_backup(writable_db, tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    before = fingerprint(writable_db)
    assert cli("import", f, "--db", writable_db)[0] == 0
    backups = warehouse.backups(writable_db)
    assert len(backups) == 1
    assert fingerprint(backups[0]) == before


DESA_63_03_01 = (2001, 2002, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2019, 2022, 2024, 2026, 2027, 2028,
                 2030, 2031)  # fmt: skip


def test_killed_import_leaves_previous_data_readable(writable_db, tmp_path):
    big = tmp_path / "besar.csv"  # a valid file (a rejected one is refused before any copy is made)
    with open(big, "w", encoding="utf-8") as fh:
        fh.write(HEADER + "\n")
        for month in range(1, 13):
            for desa in DESA_63_03_01:
                for ind in ("kes_skdn_d_per_s", "pu_kk_air_layak", "pu_kk_jamban_sehat"):
                    for rep in range(80):
                        fh.write(f"20{10 + rep:02d}-{month:02d},63.03.01.{desa},{ind},100,50\n")
    before = fingerprint(writable_db)
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashboard", "import", str(big), "--db", str(writable_db)],
        cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    tmp = writable_db.with_name(f".{writable_db.name}.{proc.pid}.tmp")
    deadline = time.monotonic() + 60
    while not tmp.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert tmp.exists(), "the import never started writing"
    time.sleep(0.2)
    assert proc.poll() is None, "the import finished before it could be killed: make the file bigger"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert fingerprint(writable_db) == before
    con = duckdb.connect(str(writable_db), read_only=True)
    assert con.execute("select count(*) from capaian").fetchall()[0][0] > 0
    con.close()


def test_validation_without_a_warehouse_uses_the_bundled_reference(tmp_path):
    from dashboard.impor.core import validate_files

    f = tmp_path / "a.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    assert validate_files([f], tmp_path / "tidak_ada.duckdb")[0].ok  # the Python API; the CLI refuses a missing --db
    code, out = cli("validate", f, "--db", tmp_path / "tidak_ada.duckdb")
    assert code == 2 and out.count("\n") == 1 and "tidak ada (periksa --db atau SPM_DB)" in out, out
    assert not (tmp_path / "tidak_ada.duckdb").exists()


def test_import_into_a_new_warehouse_loads_the_reference(tmp_path):
    f = tmp_path / "a.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    db = tmp_path / "baru.duckdb"
    assert import_files([f], db)[0].loaded  # the Python API creates it; the CLI wants `init` first
    counts = read(db, "select tingkat, count(*) n from wilayah group by all order by tingkat")
    assert dict(zip(counts.tingkat, counts.n, strict=True)) == {
        "desa": 2016,
        "kabkota": 13,
        "kecamatan": 156,
        "provinsi": 1,
    }
    assert read(db, "select count(*) n from indikator").n[0] == 62  # issue 13: all 14 province services


def test_db_option_and_env_var(tmp_path, monkeypatch):
    f = tmp_path / "a.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    monkeypatch.setenv("SPM_DB", str(tmp_path / "env.duckdb"))
    assert cli("import", f)[0] == 2  # a mistyped SPM_DB never creates an empty warehouse
    assert not (tmp_path / "env.duckdb").exists()
    assert cli("init")[0] == 0
    assert cli("import", f)[0] == 0
    assert (tmp_path / "env.duckdb").exists()


def test_a_new_reader_sees_the_swapped_file_while_an_old_one_lives(writable_db, tmp_path):
    """DuckDB shares one database instance per path in a process; the dashboard must not read through it."""
    old = warehouse.connect_readonly(writable_db)
    f = tmp_path / "baru.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    assert cli("import", f, "--db", writable_db)[0] == 0
    new = warehouse.connect_readonly(writable_db)
    cur = warehouse.cursor(new)
    assert cur.execute("select count(*) from fakta_capaian where periode = '2026-04-01'").fetchall() == [(1,)]
    assert old.execute("select count(*) from fakta_capaian where periode = '2026-04-01'").fetchall() == [(0,)]
    cur.close()
    new.close()
    old.close()


def test_store_shows_new_data_without_restart(writable_db, tmp_path, monkeypatch):
    monkeypatch.setenv("SPM_DB", str(writable_db))
    from dashboard.core import store

    store.clear_caches()
    before = store.run("data_ringkasan")
    f = tmp_path / "baru.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    assert cli("import", f, "--db", writable_db)[0] == 0
    after = store.run("data_ringkasan")
    assert int(after.baris[0]) == int(before.baris[0]) + 1
    store.clear_caches()


def test_a_warehouse_from_an_older_version_gets_this_versions_marts(writable_db):
    assert warehouse.is_current(writable_db)
    with warehouse.writer(writable_db) as con:  # simulate an older app: a stale mart and an old fingerprint
        con.execute("drop view capaian")
    con = duckdb.connect(str(writable_db))
    con.execute("update meta set nilai = 'lama' where kunci = 'versi_mart'")
    con.execute("drop view capaian")
    con.close()
    assert not warehouse.is_current(writable_db)
    assert warehouse.ensure_current(writable_db) is True
    assert warehouse.is_current(writable_db)
    assert read(writable_db, "select count(*) n from capaian").n[0] > 0
    assert warehouse.ensure_current(writable_db) is False


def test_marts_an_older_version_stored_as_tables_become_this_versions_views(writable_db):
    expected = read(writable_db, "select count(*) n, sum(sasaran) s from mart_capaian_periode where tingkat = 'desa'")
    con = duckdb.connect(str(writable_db))  # an older version stored these marts as tables
    for name in ("mart_capaian_periode", "mart_capaian"):
        con.execute(f"create or replace table {name}_lama as select * from {name}")
        con.execute(f"drop view {name}")
        con.execute(f"alter table {name}_lama rename to {name}")
    con.execute("create table mart_laporan_desa as select 1 as x")
    con.execute("update meta set nilai = 'lama' where kunci = 'versi_mart'")
    con.close()
    assert warehouse.ensure_current(writable_db) is True
    kinds = read(writable_db, "select table_name, table_type from information_schema.tables order by all")
    kinds = dict(zip(kinds.table_name, kinds.table_type, strict=True))
    assert kinds["mart_capaian"] == kinds["mart_capaian_periode"] == "VIEW"
    assert "mart_laporan_desa" not in kinds
    after = read(writable_db, "select count(*) n, sum(sasaran) s from mart_capaian_periode where tingkat = 'desa'")
    assert after.n[0] == expected.n[0] > 0 and after.s[0] == expected.s[0]


def test_a_warehouse_from_before_the_catalog_regulations_gets_the_new_catalog(writable_db):
    catalog = read(writable_db, "select count(*) n from indikator").n[0]
    con = duckdb.connect(str(writable_db))  # an older version: no regulation columns, no province-only services
    con.execute("delete from indikator where kode_indikator = 'kes_prov_klb'")
    con.execute("alter table indikator drop column regulasi_teknis")
    con.execute("alter table indikator drop column regulasi_terverifikasi")
    con.execute("update meta set nilai = 'lama' where kunci = 'versi_mart'")
    con.close()
    assert warehouse.ensure_current(writable_db) is True
    after = read(writable_db, "select count(*) n, count(regulasi_teknis) r from indikator")
    assert after.n[0] == catalog and after.r[0] > 0
    row = read(writable_db, "select regulasi_teknis, regulasi_terverifikasi from indikator where kode_indikator = 'tr_trantibum'")
    assert row.regulasi_teknis[0] == "Permendagri 121/2018" and not row.regulasi_terverifikasi[0]
