"""Leftovers and the audit trail (issue 14, finding 7): temporary copies of killed imports are removed by the next
writer, a rejected file costs no copy of the warehouse, an interrupted swap does not block the undo of the last real
import, and an undone import's id is never given to a later import."""

from __future__ import annotations

import os
import time
from pathlib import Path

from dashboard.akses import auth
from dashboard.core import warehouse
from dashboard.impor.core import import_files
from dashboard.unggah import upload
from tests.helpers import read

HEADER = "periode,kode_wilayah,kode_indikator,sasaran,terlayani"
ADMIN = auth.User("admin", "admin")


def good(tmp_path: Path, name: str = "baru.csv", terlayani: int = 77) -> Path:
    path = tmp_path / name
    path.write_text(f"{HEADER}\n2026-04,63.03,kes_balita,100,{terlayani}\n", encoding="utf-8")
    return path


def bad(tmp_path: Path) -> Path:
    path = tmp_path / "buruk.csv"
    path.write_text(f"{HEADER}\n2026-13,63.03,kes_balita,100,77\n", encoding="utf-8")
    return path


def test_stale_temporary_copies_are_removed_by_the_next_writer(writable_db, tmp_path):
    folder = writable_db.parent
    stale = [folder / f".{writable_db.name}.999999.tmp", folder / f".{writable_db.name}.999999.tmp.wal",
             folder / f".{writable_db.name}.4242.restore"]  # fmt: skip
    for path in stale:
        path.write_bytes(b"x" * 1000)
        old = time.time() - 3600
        os.utime(path, (old, old))
    fresh = folder / f".{writable_db.name}.777777.tmp"  # too young to be judged: left alone
    fresh.write_bytes(b"y")
    other = folder / ".andere.duckdb.1.tmp"  # another warehouse's file: never touched
    other.write_bytes(b"z")
    os.utime(other, (time.time() - 3600,) * 2)
    assert import_files([good(tmp_path)], writable_db)[0].loaded
    assert [p.exists() for p in stale] == [False, False, False]
    assert fresh.exists() and other.exists()


def test_a_rejected_file_costs_no_copy_of_the_warehouse(writable_db, tmp_path, monkeypatch):
    copies = []
    real_copy = warehouse.shutil.copyfile
    monkeypatch.setattr(warehouse.shutil, "copyfile", lambda a, b: copies.append(b) or real_copy(a, b))
    version = warehouse.identity(writable_db)
    (report,) = import_files([bad(tmp_path)], writable_db)
    assert not report.loaded and report.total_problems == 1
    assert copies == [] and warehouse.identity(writable_db) == version
    assert import_files([good(tmp_path)], writable_db)[0].loaded and len(copies) == 1


def test_undo_works_after_a_swap_interrupted_between_backup_and_replace(writable_db, tmp_path):
    assert import_files([good(tmp_path)], writable_db, user="admin")[0].loaded
    # a later import killed after linking its backup but before the swap: the extra backup is the live file itself
    warehouse._keep_backup(writable_db)
    plan = upload.undo_plan(writable_db, ADMIN)
    assert plan.possible, plan.reason
    upload.undo(writable_db, plan, ADMIN)
    assert read(writable_db, "select count(*) n from fakta_capaian where periode = '2026-04-01'")["n"].tolist() == [0]


def test_a_stale_backup_of_the_live_file_is_dropped_by_the_next_writer(writable_db, tmp_path):
    assert import_files([good(tmp_path)], writable_db)[0].loaded
    warehouse._keep_backup(writable_db)  # the interrupted swap's extra backup
    count = len(warehouse.backups(writable_db))
    assert import_files([good(tmp_path, "lagi.csv", 78)], writable_db)[0].loaded
    kept = warehouse.backups(writable_db)
    assert len(kept) == count  # the extra one went, this import's backup came
    assert not any(os.path.samefile(b, writable_db) for b in kept)


def test_an_undone_import_id_is_never_reused(writable_db, tmp_path):
    last = int(read(writable_db, "select max(id_impor) m from impor")["m"].iloc[0])
    assert import_files([good(tmp_path)], writable_db, user="admin")[0].loaded
    upload.undo(writable_db, upload.undo_plan(writable_db, ADMIN), ADMIN)
    assert int(read(writable_db, "select max(id_impor) m from impor")["m"].iloc[0]) == last
    assert import_files([good(tmp_path, "lagi.csv", 78)], writable_db, user="admin")[0].loaded
    ids = read(writable_db, "select id_impor, nama_file from impor order by id_impor desc limit 1")
    assert (int(ids["id_impor"].iloc[0]), ids["nama_file"].iloc[0]) == (last + 2, "lagi.csv")
    assert upload.undo_history(writable_db)["id_impor"].tolist() == [last + 1]


def test_upload_copies_left_by_a_killed_server_are_removed_unless_in_use(tmp_path, monkeypatch):
    import fcntl

    monkeypatch.setattr(upload.tempfile, "tempdir", str(tmp_path))
    old = time.time() - 3600
    left = tmp_path / "spm_unggah_mati"
    left.mkdir()
    (left / "unggahan.xlsx").write_bytes(b"x" * 100)
    in_use = tmp_path / "spm_unggah_hidup"
    in_use.mkdir()
    young = tmp_path / "spm_unggah_baru"
    young.mkdir()
    for folder in (left, in_use):
        os.utime(folder, (old, old))
    with open(in_use / upload.TEMP_LOCK, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with upload._temp_copy(b"a,b\n1,2\n", "x.csv") as path:
            assert path.read_bytes() == b"a,b\n1,2\n"
            own = path.parent
        assert (left.exists(), in_use.exists(), young.exists(), own.exists()) == (False, True, True, False)


def test_a_writer_has_bounded_memory(writable_db):
    with warehouse.writer(writable_db) as con:
        limit = con.execute("select current_setting('memory_limit')").fetchall()[0][0]
    assert limit == "1.9 GiB"  # [impor] batas_memori_mb = 2048 (DuckDB counts 1000-byte units)
