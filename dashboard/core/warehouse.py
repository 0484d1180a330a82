"""The one module that owns DuckDB.

* Named queries: every SQL statement lives in ``queries/`` (one file each); :func:`sql` loads one by name,
  :func:`query_df` / :func:`execute` run it with bound parameters.
* Readers open the warehouse read-only (:func:`connect_readonly`); :func:`identity` changes whenever the
  file is replaced, so caches keyed on it show new data without a restart.
* Writers never touch the live file: :func:`writer` copies it to a temporary file, writes there, rebuilds
  the marts (only the rows of the changed facts after an import of facts: :func:`build_marts_incremental`), then
  swaps the new file in with one atomic ``os.replace``. A failed or killed write leaves the
  previous file intact; readers that still hold the old file keep reading a consistent snapshot.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dashboard import QUERIES_DIR, REFERENSI_DIR

SCHEMA_VERSION = "1"
BACKUP_DIRNAME = ".cadangan"
BACKUPS_KEPT = 5


class QueryNotFound(KeyError):
    pass


@cache
def _query_index() -> dict[str, Path]:
    index: dict[str, Path] = {}
    for path in sorted(QUERIES_DIR.rglob("*.sql")):
        if path.stem in index:
            raise RuntimeError(f"duplicate query name {path.stem}: {index[path.stem]} and {path}")
        index[path.stem] = path
    return index


def query_names(folder: str | None = None) -> list[str]:
    """All query names, or those in one folder of queries/ (sorted by file name)."""
    items = _query_index().items()
    if folder is None:
        return [name for name, _ in items]
    base = QUERIES_DIR / folder
    return sorted((n for n, p in items if p.parent == base), key=lambda n: _query_index()[n].name)


@cache
def sql(name: str) -> str:
    """The text of the named query (file ``queries/**/<name>.sql``)."""
    try:
        return _query_index()[name].read_text(encoding="utf-8")
    except KeyError:
        raise QueryNotFound(name) from None


def query_df(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> pd.DataFrame:
    """Run a named query with bound parameters and return its (small) result."""
    return con.execute(sql(name), dict(params or {})).df()


def execute(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> None:
    con.execute(sql(name), dict(params or {}))


def fetch_value(con: duckdb.DuckDBPyConnection, name: str, params: Mapping[str, Any] | None = None) -> Any:
    rows = con.execute(sql(name), dict(params or {})).fetchall()  # fetch all: DuckDB 2 refuses unfinished results
    return rows[0][0] if rows else None


# --- reading ---------------------------------------------------------------------------------------


def identity(path: Path) -> str:
    """Changes whenever the warehouse file is replaced (inode, mtime, size)."""
    st = os.stat(path)
    return f"{st.st_ino}:{st.st_mtime_ns}:{st.st_size}"


def connect_readonly(path: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection on what the file holds *now* (a snapshot that survives later swaps).

    ``duckdb.connect(path)`` would hand back the database instance this process already has open for that path,
    so while any older connection lives it would still read the version from before the last swap. Attaching the
    file to a fresh in-memory database does not share that instance. Cursors of this connection must call
    :func:`cursor` (a plain ``con.cursor()`` does not inherit the ``use``).
    """
    con = duckdb.connect()
    execute(con, "attach_gudang", {"path": str(path)})
    execute(con, "use_gudang")
    return con


connect_snapshot = connect_readonly  # the name the upload module uses


def cursor(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """A cursor (own connection for this thread) on a :func:`connect_readonly` connection's warehouse."""
    cur = con.cursor()
    execute(cur, "use_gudang")
    return cur


def connect_memory() -> duckdb.DuckDBPyConnection:
    """An in-memory database with the warehouse schema (for validating files when no warehouse exists)."""
    con = duckdb.connect()
    create_schema(con)
    return con


# --- writing ---------------------------------------------------------------------------------------


def create_schema(con: duckdb.DuckDBPyConnection) -> None:
    for name in query_names("schema"):
        execute(con, name)


LEGACY_MART_TABLES = {  # marts an older version stored as tables -> the named query that drops them
    "mart_capaian": "lepas_tabel_mart_capaian",
    "mart_capaian_periode": "lepas_tabel_mart_capaian_periode",
    "mart_laporan_desa": "lepas_tabel_mart_laporan_desa",
}


def marts_fingerprint() -> str:
    """A hash of the schema and mart SQL and the bundled catalog: stored in `meta` at every write, so a warehouse
    built by an older version (or with an older catalog) is detected."""
    import hashlib

    h = hashlib.sha256()
    names = query_names("schema") + query_names("marts") + ["isi_mart_riwayat_nilai", *LEGACY_MART_TABLES.values()]
    names += query_names("marts/inkremental")  # the incremental path must be the one that built the rows in place
    for name in names:
        h.update(name.encode() + b"\0" + sql(name).encode())
    for path in CATALOG_FILES.values():  # a new catalog (an added indicator) reaches existing warehouses too
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


CATALOG_FILES = {"load_bidang": REFERENSI_DIR / "bidang.csv", "load_indikator": REFERENSI_DIR / "spm_indicators.csv"}


def refresh_catalog(con: duckdb.DuckDBPyConnection) -> None:
    """Load the bundled fields and indicator catalog (rows of this version replace older ones; new rows are added)."""
    for name, path in CATALOG_FILES.items():
        execute(con, name, {"path": str(path)})


def build_marts(con: duckdb.DuckDBPyConnection) -> None:
    """Rebuild every mart (queries/marts/*.sql, in file-name order) from the facts."""
    for nama in query_df(con, "mart_tabel_lama", {"nama": list(LEGACY_MART_TABLES)})["nama"]:
        execute(con, LEGACY_MART_TABLES[nama])
    execute(con, "buat_lingkup_mart")  # empty: the mart macros called with semua = true read no key
    for name in query_names("marts"):
        execute(con, name)
    for kode in query_df(con, "daftar_provinsi")["kode"]:  # per province: bounded memory at national scale
        execute(con, "isi_mart_riwayat_nilai", {"kode_provinsi": kode})
    execute(con, "set_meta", {"kunci": "versi_mart", "nilai": marts_fingerprint()})


# The marts an import of facts (fakta_capaian only) changes, rebuilt for the affected keys only: (delete query, insert
# query) per mart, run in this order after mart_taksiran is rebuilt in full. Each insert calls the same table macro as
# the full build (queries/marts/*_macro_*.sql) with semua = false, so each mart's logic has one definition.
INCREMENTAL_MARTS = (
    ("hapus_capaian_agregat", "isi_capaian_agregat"),
    ("hapus_capaian_periode_agregat", "isi_capaian_periode_agregat"),
    ("hapus_kelengkapan", "isi_kelengkapan"),
    ("hapus_banjir_bulanan", "isi_banjir_bulanan"),
)
# Marts that read the facts (or the import log) and are cheap enough to rebuild in full after an import of facts.
REBUILT_AFTER_FACTS = ("41_mart_ketepatan", "43_mart_konsistensi", "44_mart_baris_kabkota")
# Every other mart reads only the reference, the catalog or the flood tables, which an import of facts leaves alone.


def mark_facts_changed(con: duckdb.DuckDBPyConnection) -> None:
    """Record the keys of the staged rows ``siap`` (just loaded into fakta_capaian) as changed: at the end of the
    :func:`writer` block only the mart rows of those keys are rebuilt (:func:`build_marts_incremental`). Call it only
    when the block changes nothing but fakta_capaian and the import log."""
    execute(con, "buat_fakta_berubah")
    execute(con, "catat_fakta_berubah")


def build_marts_incremental(con: duckdb.DuckDBPyConnection) -> bool:
    """Rebuild the mart rows of the facts recorded by :func:`mark_facts_changed`; the result equals :func:`build_marts`
    (tests/core/test_inkremental.py). Falls back to the full build (returns False) when the marts were not built by
    this version's SQL."""
    if meta(con).get("versi_mart") != marts_fingerprint():
        build_marts(con)
        return False
    execute(con, "buat_lingkup_mart")
    execute(con, "simpan_taksiran_lama")
    execute(con, "06_mart_taksiran")  # small: rebuilt in full; the estimates it changed widen the scope
    for name in ("lingkup_capaian", "lingkup_tahun", "lingkup_periode", "lingkup_seri", "lingkup_banjir"):
        execute(con, name)
    for delete, insert in INCREMENTAL_MARTS:
        execute(con, delete)
        execute(con, insert)
    execute(con, "hapus_riwayat_nilai")
    for kode in query_df(con, "daftar_provinsi")["kode"]:
        execute(con, "isi_riwayat_nilai", {"kode_provinsi": kode})
    for name in REBUILT_AFTER_FACTS:
        execute(con, name)
    execute(con, "lepas_tabel_inkremental")
    execute(con, "buat_lingkup_mart")
    return True


def _rebuild_marts(con: duckdb.DuckDBPyConnection) -> None:
    """The end of every write: incremental when the block recorded changed facts (:func:`mark_facts_changed`)."""
    if fetch_value(con, "ada_fakta_berubah"):
        build_marts_incremental(con)
    else:
        build_marts(con)


def is_current(path: Path) -> bool:
    """True when the warehouse's marts were built by this version's SQL."""
    con = connect_readonly(Path(path))
    try:
        return meta(con).get("versi_mart") == marts_fingerprint()
    finally:
        con.close()


def ensure_current(path: Path) -> bool:
    """Rebuild the marts of a warehouse built by an older version (atomically, like an import). True if rebuilt."""
    path = Path(path)
    if not path.exists() or is_current(path):
        return False
    with _lock(path.with_name(path.name + ".init")):
        if is_current(path):
            return False
        with writer(path) as con:
            refresh_catalog(con)  # this version's catalog; the writer then rebuilds every mart before the swap
    return True


@contextlib.contextmanager
def _lock(path: Path) -> Iterator[None]:
    lock_path = path.with_name(path.name + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def backup_dir(path: Path) -> Path:
    return path.parent / BACKUP_DIRNAME


def backups(path: Path) -> list[Path]:
    """Previous versions of the warehouse, newest first."""
    d = backup_dir(path)
    if not d.exists():
        return []
    return sorted(d.glob(path.stem + "-*.duckdb"), reverse=True)


def _keep_backup(path: Path) -> None:
    d = backup_dir(path)
    d.mkdir(exist_ok=True)
    target = d / f"{path.stem}-{time.strftime('%Y%m%dT%H%M%S')}-{time.time_ns() % 10**9:09d}.duckdb"
    os.link(path, target)  # the old inode lives on under this name; costs no copy
    for old in backups(path)[BACKUPS_KEPT:]:
        old.unlink(missing_ok=True)


def _fsync_dir(d: Path) -> None:
    fd = os.open(d, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _writer_memory_mb() -> int:
    from dashboard.core.settings import settings

    return settings().impor.batas_memori_mb


STALE_SECONDS = 60  # a temporary file of this warehouse older than this, seen under the writer lock, is a leftover


def remove_leftovers(path: Path) -> list[Path]:
    """Remove what killed or crashed writers left (call under the writer lock): temporary copies of this warehouse
    (``.<name>.*.tmp``, ``.tmp.wal``, ``.restore``) older than :data:`STALE_SECONDS` - no writer can be using them while
    the lock is held, whatever process made them - and kept backups that are the live file itself (a kill between
    the backup link and the swap). Returns the removed paths."""
    path = Path(path)
    removed: list[Path] = []
    now = time.time()
    for pattern in (f".{path.name}.*.tmp", f".{path.name}.*.tmp.wal", f".{path.name}.*.restore"):
        for leftover in path.parent.glob(pattern):
            with contextlib.suppress(OSError):
                if now - leftover.stat().st_mtime > STALE_SECONDS:
                    leftover.unlink()
                    removed.append(leftover)
    if path.exists():
        for kept in backups(path):
            with contextlib.suppress(OSError):
                if os.path.samefile(kept, path):
                    kept.unlink()
                    removed.append(kept)
    return removed


@contextlib.contextmanager
def writer(path: Path, *, fresh: bool = False, keep_backup: bool = True) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection on a copy of the warehouse; swapped in atomically when the block succeeds.

    ``fresh=True`` starts from an empty warehouse instead of a copy. The marts are rebuilt before the swap: in full,
    or only for the changed facts when the block called :func:`mark_facts_changed`.
    Only one writer runs at a time (a lock file next to the warehouse); it first removes what killed writers left
    (:func:`remove_leftovers`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with _lock(path):
        remove_leftovers(path)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        for leftover in (tmp, tmp.with_name(tmp.name + ".wal")):
            leftover.unlink(missing_ok=True)
        if path.exists() and not fresh:
            shutil.copyfile(path, tmp)
        con = duckdb.connect(str(tmp))
        try:
            execute(con, "writer_settings")
            execute(con, "writer_memory", {"batas": f"{_writer_memory_mb()}MB"})
            create_schema(con)
            yield con
            _rebuild_marts(con)
            execute(con, "checkpoint")
            con.close()
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            if path.exists() and keep_backup:
                _keep_backup(path)
            os.replace(tmp, path)
            _fsync_dir(path.parent)
        except BaseException:
            with contextlib.suppress(Exception):
                con.close()
            tmp.unlink(missing_ok=True)
            tmp.with_name(tmp.name + ".wal").unlink(missing_ok=True)
            raise


def build_once(path: Path, build: Callable[[], object]) -> None:
    """Run ``build`` (which creates the warehouse) unless the file exists; concurrent callers wait, then skip."""
    path = Path(path)
    with _lock(path.with_name(path.name + ".init")):
        if not path.exists():
            build()


class WarehouseChanged(RuntimeError):
    """The live warehouse is no longer the version the caller expected (another write came first)."""


def restore_backup(path: Path, backup: Path, expect_identity: str | None = None) -> None:
    """Swap a kept backup back in as the live warehouse.

    ``expect_identity``: restore only while the live file is still that :func:`identity` (checked under the writer
    lock, so an import that lands in between is never silently thrown away); else :class:`WarehouseChanged`.
    """
    path = Path(path)
    with _lock(path):
        if expect_identity is not None and identity(path) != expect_identity:
            raise WarehouseChanged(str(path))
        tmp = path.with_name(f".{path.name}.{os.getpid()}.restore")
        try:
            shutil.copyfile(backup, tmp)
            os.replace(tmp, path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        backup.unlink()
        _fsync_dir(path.parent)


UNDO_LOG_SUFFIX = "-batal.jsonl"


def undo_log_path(path: Path) -> Path:
    """The log of undone imports, beside the backups (an undo restores the warehouse exactly, so it is kept outside)."""
    path = Path(path)
    return backup_dir(path) / (path.stem + UNDO_LOG_SUFFIX)


def highest_undone_import(path: Path) -> int:
    """The highest import id in the undo log (0 when none): ids up to it are never given again."""
    import json

    log = undo_log_path(path)
    if not log.exists():
        return 0
    ids = []
    for line in log.read_text(encoding="utf-8").splitlines():
        with contextlib.suppress(ValueError, TypeError, KeyError, AttributeError):
            ids.append(int(json.loads(line)["id_impor"]))
    return max(ids, default=0)


def meta(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return dict(con.execute(sql("meta_all")).fetchall())
