"""Uploads from the browser: check a file, load it, and undo the last import (no Streamlit calls).

One implementation with the CLI: the bytes are written to a temporary file and go through
:func:`dashboard.impor.core.check` (to show every problem before anything is loaded) and
:func:`dashboard.impor.core.import_files` (which validates again inside the atomic writer). On top of the import
contract this module adds what only the browser needs: the size limit, the role checks (an operator's rows must lie
in their own kab/kota) and the undo of the last import, which swaps back the backup kept by
:func:`dashboard.core.warehouse.writer` after checking that it really is the state just before that import.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.akses.auth import User, can_import_kind, can_undo, can_upload, is_admin
from dashboard.core import markdown, warehouse
from dashboard.core.i18n import t
from dashboard.core.settings import settings
from dashboard.impor import core, pemetaan
from dashboard.impor.kinds import KINDS

PREVIEW_ROWS = 200
SUFFIXES = ("csv", "xlsx", "xlsm", "xls", "ods", "txt")
UNDO_LOG_SUFFIX = warehouse.UNDO_LOG_SUFFIX

Progress = Callable[[float, str], None]


def _no_progress(fraction: float, message: str) -> None:
    pass


def size_limit_mb() -> int:
    return settings().unggah.batas_mb


def size_limit_bytes() -> int:
    return size_limit_mb() * 1024 * 1024


def safe_name(name: str) -> str:
    """The uploaded file name as shown in messages and the import log: plain characters only, at most 120."""
    base = Path(str(name or "")).name
    clean = re.sub(r"[^\w.\- ()]+", "_", base, flags=re.UNICODE).strip(" ._") or "berkas"
    return clean[:120]


def fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


md_escape = markdown.escape  # the one escaping helper (dashboard/core/markdown.py), under its earlier name here


TEMP_PREFIX = "spm_unggah_"
TEMP_LOCK = ".kunci"
TEMP_STALE_SECONDS = 600


def remove_stale_uploads(folder: Path | None = None) -> list[Path]:
    """Remove upload copies left by a killed server: folders ``spm_unggah_*`` older than :data:`TEMP_STALE_SECONDS`
    whose lock no process holds (a live upload holds its folder's lock for as long as it reads the file)."""
    removed = []
    now = time.time()
    for old in Path(folder or tempfile.gettempdir()).glob(TEMP_PREFIX + "*"):
        try:
            if not old.is_dir() or now - old.stat().st_mtime < TEMP_STALE_SECONDS:
                continue
            with open(old / TEMP_LOCK, "a") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # held by a live upload: BlockingIOError, kept
            shutil.rmtree(old)
            removed.append(old)
        except OSError:
            continue
    return removed


@contextlib.contextmanager
def _temp_copy(data: bytes, name: str) -> Iterator[Path]:
    """The bytes as a file the importer can read; its suffix (the format) is the uploaded one, never its name.
    The copy is removed on every exit; copies left by a killed process are removed by the next upload."""
    remove_stale_uploads()
    suffix = re.sub(r"[^a-z]", "", Path(str(name or "")).suffix.lower())
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as folder, open(Path(folder) / TEMP_LOCK, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        path = Path(folder) / ("unggahan." + (suffix or "csv"))
        path.write_bytes(data)
        yield path


@dataclass
class Checked:
    """The result of checking one uploaded file; nothing has been loaded."""

    name: str
    size: int
    sha256: str
    kind: str | None = None
    report: core.Report | None = None
    preview: pd.DataFrame = field(default_factory=pd.DataFrame)
    outside: pd.DataFrame = field(default_factory=pd.DataFrame)  # operator: rows outside their kab/kota
    refusal: str | None = None  # i18n key when the file is refused as a whole (size, role)
    refusal_info: dict = field(default_factory=dict)
    user: str | None = None
    mapping: pemetaan.Mapping | None = None  # the file was read through this mapping (loaded with it too)

    @property
    def ok(self) -> bool:
        return self.refusal is None and self.report is not None and self.report.ok and self.outside.empty

    def summary(self, lang: str) -> str:
        if self.refusal:
            return t(self.refusal, lang, **self.refusal_info)
        assert self.report is not None
        if self.outside.empty:
            return self.report.summary(lang)
        if self.report.ok:
            return t("unggah.ringkasan_luar_wilayah", lang, file=self.name, n=len(self.outside), **self.refusal_info)
        also = t("unggah.juga_luar_wilayah", lang, n=len(self.outside), **self.refusal_info)
        return self.report.summary(lang) + " " + also

    def problems(self, lang: str) -> pd.DataFrame:
        """Every problem: row as seen in Excel, column, value, and the message the CLI prints."""
        rows = []
        if self.report is not None:
            for p in self.report.problems:
                rows.append((p.row, p.column, p.value, p.message(self.name, lang)))
            extra = self.report.total_problems - len(self.report.problems)
            if extra > 0:
                rows.append((None, None, None, t("impor.kesalahan_lain", lang, n=extra)))
        if len(self.outside):
            reason = t("unggah.alasan_luar_wilayah", lang, **self.refusal_info)
            for baris, kode in self.outside[["_baris", "kode_wilayah"]].itertuples(index=False):
                info = {"file": self.name, "row": int(baris), "column": "kode_wilayah", "value": kode, "reason": reason}
                rows.append((int(baris), "kode_wilayah", kode, t("impor.pesan_nilai", lang, **info)))
        frame = pd.DataFrame(rows, columns=["baris", "kolom", "nilai", "pesan"])
        frame["baris"] = frame["baris"].astype("Int64")
        return frame.sort_values("baris", kind="stable", na_position="first").reset_index(drop=True)


def problems_csv(checked: Checked, lang: str) -> bytes:
    """The problem list as the upload page's CSV download: the one export path of every table download
    (:func:`dashboard.ekspor.tables.csv_bytes`: formulas neutralised, UTF-8 with BOM, the language's separator)."""
    from dashboard.ekspor import tables

    return tables.csv_bytes(checked.problems(lang), lang)


def check_upload(data: bytes, name: str, kind_key: str | None, user: User | None, db: Path, lang: str = "id",
                 progress: Progress = _no_progress, mapping: pemetaan.Mapping | None = None) -> Checked:  # fmt: skip
    """Check an uploaded file for ``user`` against the warehouse ``db`` (read-only): nothing is loaded.

    With a ``mapping`` (the mapping step) the file is reshaped first; the preview's ``_baris`` is then the row of the
    original file."""
    shown = safe_name(name)
    if mapping is not None and mapping.jenis in KINDS:  # the kind chosen in the mapping step
        kind_key = mapping.jenis
    checked = Checked(name=shown, size=len(data), sha256=fingerprint(data), kind=kind_key, mapping=mapping)
    checked.user = user.login if user else None
    allowed, reason = can_upload(user)
    if not allowed:
        checked.refusal = reason
        return checked
    if len(data) > size_limit_bytes():
        checked.refusal = "unggah.terlalu_besar"
        checked.refusal_info = {"file": shown, "ukuran": f"{len(data) / 1024 / 1024:.1f}", "batas": size_limit_mb()}
        return checked
    kind = KINDS.get(kind_key) if kind_key else None
    progress(0.1, t("unggah.langkah_baca", lang))
    with _temp_copy(data, name) as path:
        con = warehouse.connect_snapshot(Path(db))
        try:
            report = core.check(con, path, kind, lang=lang, display_name=shown, mapping=mapping)
            checked.report, checked.kind = report, report.kind
            progress(0.7, t("unggah.langkah_periksa", lang))
            if report.rows:
                checked.preview = warehouse.query_df(con, "unggah_pratinjau", {"batas": PREVIEW_ROWS})
                if report.mapped is not None:  # long rows -> the rows of the file the user has
                    checked.preview["_baris"] = [report.mapped.original_row(int(b)) for b in checked.preview["_baris"]]
            if report.kind and user.role == "operator":
                has_area = "kode_wilayah" in KINDS[report.kind].column_names
                allowed, reason = can_import_kind(user, has_area)
                if not allowed:
                    checked.refusal = reason
                    checked.refusal_info = {"jenis": _kind_title(report.kind, lang)}
                elif report.rows:
                    checked.outside = warehouse.query_df(con, "unggah_luar_wilayah", {"kabkota": user.kabkota})
                    if report.mapped is not None and len(checked.outside):
                        checked.outside["_baris"] = [report.mapped.original_row(int(b)) for b in checked.outside["_baris"]]
                    checked.refusal_info = {"kabkota": _area_name(con, user.kabkota)}
        finally:
            con.close()
    progress(1.0, t("unggah.langkah_selesai_periksa", lang))
    return checked


def _kind_title(key: str, lang: str) -> str:
    kind = KINDS[key]
    return kind.title_en if lang == "en" else kind.title_id


def _area_name(con, kode: str | None) -> str:
    info = warehouse.query_df(con, "wilayah_info", {"kode": kode})
    return str(info["nama_lengkap"].iloc[0]) if len(info) else str(kode)


@dataclass
class Loaded:
    report: core.Report | None
    import_id: int | None = None
    refusal: str | None = None


def load_upload(data: bytes, checked: Checked, user: User | None, db: Path, lang: str = "id",
                progress: Progress = _no_progress, mix_sample: bool = False) -> Loaded:  # fmt: skip
    """Load a file that :func:`check_upload` accepted for this same user and these same bytes.

    Into a warehouse that holds the synthetic sample only with ``mix_sample`` and an admin (then marked mixed)."""
    if user is None or checked.user != user.login or fingerprint(data) != checked.sha256:
        return Loaded(None, refusal="unggah.periksa_ulang")
    if not checked.ok:
        return Loaded(None, refusal="unggah.tidak_bisa_dimuat")
    progress(0.1, t("unggah.langkah_muat", lang))
    try:
        with _temp_copy(data, checked.name) as path:
            reports = core.import_files(
                [path], Path(db), KINDS[checked.kind], user=user.login, lang=lang, display_names=[checked.name],
                mix_sample=mix_sample and is_admin(user), mapping=checked.mapping,
            )  # fmt: skip
    except core.SampleRefused:
        return Loaded(None, refusal="unggah.sampel_ditolak")
    report = reports[0]
    progress(1.0, t("unggah.langkah_selesai_muat", lang))
    if not report.loaded:
        return Loaded(report, refusal="unggah.tidak_bisa_dimuat")
    return Loaded(report, import_id=last_import(Path(db)).get("id_impor"))


# --- import history and undo ----------------------------------------------------------------------------------------


def import_log(db: Path) -> pd.DataFrame:
    """The import log of the warehouse file, newest first (read fresh, not cached)."""
    con = warehouse.connect_snapshot(Path(db))
    try:
        return warehouse.query_df(con, "log_impor")
    finally:
        con.close()


def last_import(db: Path) -> dict:
    log = import_log(db)
    return log.iloc[0].to_dict() if len(log) else {}


@dataclass
class UndoPlan:
    entry: dict  # the log row of the import to undo ({} when there is none)
    backup: Path | None = None
    version: str | None = None  # warehouse.identity() of the live file when the plan was made
    reason: str | None = None  # i18n key when the undo is not possible or not allowed
    info: dict = field(default_factory=dict)

    @property
    def possible(self) -> bool:
        return self.reason is None


_LOG_KEY = ["id_impor", "sha256", "waktu", "baris"]


def _same_log(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    left = a[_LOG_KEY].sort_values("id_impor").reset_index(drop=True)
    right = b[_LOG_KEY].sort_values("id_impor").reset_index(drop=True)
    return left.astype(str).equals(right.astype(str))


def undo_plan(db: Path, user: User | None) -> UndoPlan:
    """Whether ``user`` may undo the last import now, and with which backup.

    The newest backup must be the state just before that import: its import log equals the live log without
    the last entry (a backup made by any later change would still contain it, and is refused).
    """
    db = Path(db)
    version = warehouse.identity(db)
    log = import_log(db)
    if log.empty:
        return UndoPlan({}, version=version, reason="unggah.batal_tidak_ada")
    entry = log.iloc[0].to_dict()
    plan = UndoPlan(entry, version=version, info={"id": int(entry["id_impor"]), "file": entry.get("nama_file") or ""})
    if entry.get("sumber") != "impor":
        plan.reason = "unggah.batal_bukan_impor"
        return plan
    allowed, reason = can_undo(user, entry.get("pengguna"))
    if not allowed:
        plan.reason = reason
        plan.info["pengguna"] = entry.get("pengguna") or "?"
        return plan
    # a backup that is the live file itself was left by a swap interrupted after its backup link: not a state before
    kept = [b for b in warehouse.backups(db) if not _same_file(b, db)]
    if not kept:
        plan.reason = "unggah.batal_tanpa_cadangan"
        return plan
    con = warehouse.connect_snapshot(kept[0])
    try:
        before = warehouse.query_df(con, "log_impor")
    finally:
        con.close()
    if not _same_log(before, log.iloc[1:]):
        plan.reason = "unggah.batal_cadangan_tidak_cocok"
        return plan
    plan.backup = kept[0]
    return plan


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class UndoRefused(Exception):
    def __init__(self, reason: str, info: dict | None = None) -> None:
        super().__init__(reason)
        self.reason, self.info = reason, info or {}


def undo(db: Path, plan: UndoPlan, user: User) -> None:
    """Swap the checked backup back in (only while the warehouse is still the version the plan saw)."""
    if not plan.possible or plan.backup is None:
        raise UndoRefused(plan.reason or "unggah.batal_tidak_ada", plan.info)
    try:
        warehouse.restore_backup(Path(db), plan.backup, expect_identity=plan.version)
    except warehouse.WarehouseChanged:
        raise UndoRefused("unggah.batal_berubah") from None
    _record_undo(Path(db), plan.entry, user)


def _undo_log_path(db: Path) -> Path:
    return warehouse.undo_log_path(db)


def _record_undo(db: Path, entry: dict, user: User) -> None:
    """Undone imports leave the warehouse (it is restored exactly), so they are noted beside the backups."""
    path = _undo_log_path(db)
    path.parent.mkdir(parents=True, exist_ok=True)
    row = {
        "dibatalkan": dt.datetime.now().isoformat(timespec="seconds"),
        "oleh": user.login,
        "id_impor": int(entry["id_impor"]),
        "jenis": entry.get("jenis"),
        "nama_file": entry.get("nama_file"),
        "sha256": entry.get("sha256"),
        "waktu_impor": str(entry.get("waktu")),
        "pengguna_impor": entry.get("pengguna"),
    }
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def undo_history(db: Path) -> pd.DataFrame:
    """The undone imports, newest first."""
    path = _undo_log_path(Path(db))
    columns = ["dibatalkan", "oleh", "id_impor", "jenis", "nama_file", "sha256", "waktu_impor", "pengguna_impor"]
    if not path.exists():
        return pd.DataFrame(columns=columns)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return pd.DataFrame(rows, columns=columns).iloc[::-1].reset_index(drop=True)


_BACKUP_TIME = re.compile(r"-(\d{8}T\d{6})-\d+\.duckdb$")


def backup_overview(db: Path) -> pd.DataFrame:
    """The kept backups of the warehouse, newest first: file name, when it was taken (from its name), size in bytes."""
    rows = []
    for path in warehouse.backups(Path(db)):
        found = _BACKUP_TIME.search(path.name)
        taken = dt.datetime.strptime(found.group(1), "%Y%m%dT%H%M%S").strftime("%Y-%m-%d %H:%M:%S") if found else ""
        rows.append((path.name, taken, path.stat().st_size))
    return pd.DataFrame(rows, columns=["berkas", "waktu", "ukuran"])


# --- the mapping step (a file in its own layout) --------------------------------------------------------------------


def grid_of(data: bytes, name: str, sheet: str | None = None) -> pemetaan.Grid:
    """The cells of an uploaded file as text, for the mapping step (raises FileProblem for an unreadable file)."""
    with _temp_copy(data, name) as path:
        return pemetaan.read_grid(path, sheet)



SHAPE_PROBLEMS = ("header_tidak_ditemukan", "header_tidak_dikenali", "kolom_wajib_hilang", "kolom_wajib_hilang_judul",
                  "jenis_tidak_dikenali", "jenis_tidak_pasti", "periode_ganda")


def needs_mapping(checked: Checked) -> bool:
    """The file was rejected for its shape (header, columns, kind), not for its values: open the mapping step."""
    report = checked.report
    if checked.refusal is not None or report is None or report.ok or not report.problems:
        return False
    first = report.problems[0]
    return first.row is None and first.reason.split(":")[0] in SHAPE_PROBLEMS
