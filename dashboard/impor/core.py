"""Validate and load data files. One implementation used by the CLI and the upload page.

A file is staged in SQL (queries/staging/stg_<kind>.sql) into a temp table with the problems of every row.
If any row has a problem the whole file is rejected; otherwise it is loaded inside :func:`warehouse.writer`,
which swaps the new warehouse in atomically, so a rejected or failed import never changes the data.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.core import reference, warehouse
from dashboard.core.i18n import t
from dashboard.core.warehouse import connect_memory, connect_readonly, execute, fetch_value, meta, query_df, sql, writer
from dashboard.impor import konvensi, pemetaan, penjaga
from dashboard.impor.kinds import KINDS, Kind
from dashboard.impor.names import NameMatcher
from dashboard.impor.reader import FileProblem, RawTable, head_rows, read_table

MAX_PROBLEMS_KEPT = 10_000
HIDDEN_ROWS_NAMED = 20


@dataclass
class Problem:
    row: int | None
    column: str | None
    value: str | None
    reason: str  # i18n code, optionally 'code:arg:arg'
    info: dict = field(default_factory=dict)

    def message(self, file: str, lang: str = "id") -> str:
        code, *args = self.reason.split(":")
        info = dict(self.info)
        if code == "tingkat_tidak_sesuai" and len(args) == 2:
            info.update(tingkat=args[0], level=args[1])
        elif code in ("duplikat", "duplikat_kunci") and args:
            info["baris"] = args[0]
        elif code == "nilai_tidak_dikenal" and args:
            info["pilihan"] = ", ".join(args)
        elif code == "melebihi" and args:
            info["batas"] = args[0]
        if self.row is None:
            reason = t("impor.berkas." + code, lang, **info)
            if info.get("resep"):  # a mapping from a saved recipe that no longer fits the file
                reason = t("impor.resep_tidak_cocok", lang, resep=info["resep"], reason=reason)
            return t("impor.pesan_berkas", lang, file=file, reason=reason)
        reason = t("impor.alasan." + code, lang, **info)
        if self.value is None:
            return t("impor.pesan", lang, file=file, row=self.row, column=self.column, reason=reason)
        return t("impor.pesan_nilai", lang, file=file, row=self.row, column=self.column, value=self.value, reason=reason)


@dataclass
class Report:
    file: str
    kind: str | None
    sha256: str | None = None
    rows: int = 0
    bad_rows: int = 0
    total_problems: int = 0
    flagged: int = 0
    new: int = 0
    replaced: int = 0
    problems: list[Problem] = field(default_factory=list)
    unknown_columns: list[str] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)  # data rows hidden in Excel: loaded, and said so
    loaded: bool = False
    # conventions read without a mapping (rows skipped, '-' cells, bare years) and, after a successful validation of a
    # coverage file, the expected areas of each period and indicator (dashboard/impor/konvensi.py)
    notes: list = field(default_factory=list)
    completeness: list = field(default_factory=list)
    # the header as read: its row number as the user sees it and each column's header text (also when the header was
    # not recognised: the row taken as header), for a mapping step
    header_row: int | None = None
    header_cells: list[str] = field(default_factory=list)
    mapped: pemetaan.Mapped | None = None  # the file was read through a mapping (impor/pemetaan.py)
    saran: list[tuple[str, dict]] = field(default_factory=list)  # hints (i18n key, values), e.g. a separating column

    def hints(self, lang: str = "id") -> list[str]:
        return [t(key, lang, file=self.file, **info) for key, info in self.saran]

    def hidden_row_notes(self, lang: str = "id") -> list[str]:
        """What the user must know about an accepted file beyond its problems (rows hidden in Excel)."""
        if not self.hidden_rows:
            return []
        shown = ", ".join(str(r) for r in self.hidden_rows[:HIDDEN_ROWS_NAMED])
        if len(self.hidden_rows) > HIDDEN_ROWS_NAMED:
            shown += ", …"
        return [t("impor.baris_tersembunyi", lang, file=self.file, n=len(self.hidden_rows), baris=shown)]

    @property
    def ok(self) -> bool:
        return self.total_problems == 0

    def messages(self, lang: str = "id") -> list[str]:
        out = [p.message(self.file, lang) for p in self.problems]
        if self.total_problems > len(self.problems):
            out.append(t("impor.kesalahan_lain", lang, n=self.total_problems - len(self.problems)))
        return out

    def note_messages(self, lang: str = "id") -> list[str]:
        return [n.message(self.file, lang) for n in self.notes]

    def completeness_messages(self, lang: str = "id", limit: int | None = None) -> list[str]:
        """One line per incomplete (period, indicator), or one line saying every one is complete."""
        from dashboard.impor.konvensi import COMPLETENESS_SHOWN

        if not self.completeness:
            return []
        incomplete = [c for c in self.completeness if not c.complete or c.combined]
        if not incomplete:
            return [t("impor.lengkap.semua", lang, file=self.file, n=len(self.completeness))]
        limit = COMPLETENESS_SHOWN if limit is None else limit
        out = [c.message(self.file, lang) for c in incomplete[:limit]]
        if len(incomplete) > limit:
            out.append(t("impor.lengkap.lainnya", lang, n=len(incomplete) - limit))
        return out

    def summary(self, lang: str = "id") -> str:
        if not self.ok and self.bad_rows == 0 and all(p.row is None for p in self.problems):
            return t("impor.ringkasan_tolak_berkas", lang, file=self.file)
        if not self.ok:
            return t("impor.ringkasan_tolak", lang, file=self.file, errors=self.total_problems, bad_rows=self.bad_rows)
        if self.loaded:
            return t(
                "impor.ringkasan_ok", lang, file=self.file, rows=self.rows, new=self.new, replaced=self.replaced,
                flagged=self.flagged,
            )  # fmt: skip
        return t("impor.ringkasan_valid", lang, file=self.file, rows=self.rows, flagged=self.flagged)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def detect_kind(path: Path, sheet: str | None = None) -> Kind | None:
    """The kind the file's header gives strong evidence for (see :func:`detect`); reads only the top rows."""
    return detect(path, sheet).kind


_AREA_COLUMNS = frozenset({"kode_wilayah", "nama_wilayah"})
_IDENTIFYING = frozenset({"kode_indikator", "kode_bidang", "kode_bencana"})


@dataclass
class KindGuess:
    """The kind recognised from a file's header, or why none was: each kind considered with the contract columns the
    header names (``present``) and those it lacks (``missing``); the header row and its cells as read."""

    kind: Kind | None
    considered: list[tuple[str, list[str], list[str]]] = field(default_factory=list)
    header_row: int | None = None
    header_cells: list[str] = field(default_factory=list)


def _kind_evidence(kind: Kind, present: set[str]) -> tuple[int, list[str], bool]:
    """(score, missing columns, strong): strong when the header names every required column (and one of each group),
    or lacks only one of them while naming at least three of the kind's own columns, or two when the one lacking is not
    the column that tells the kind apart (``kode_indikator``, ``kode_bidang``, ``kode_bencana``). The area columns,
    shared by several kinds, do not count as the kind's own."""
    score = sum(2 if c.required else 1 for c in kind.columns if c.name in present)
    missing = [c.name for c in kind.columns if c.required and c.name not in present]
    missing += [" | ".join(g) for g in kind.one_of if not present.intersection(g)]
    own = len(present - _AREA_COLUMNS)
    strong = not missing or (len(missing) == 1 and (own >= 3 or (own >= 2 and missing[0] not in _IDENTIFYING)))
    return score, missing, strong


def detect(path: Path, sheet: str | None = None) -> KindGuess:
    """The kind whose columns the file's header names, when the evidence is strong (see :func:`_kind_evidence`); of two
    strong kinds the one naming more columns (required ones weigh more) wins; a tie or no strong kind gives no kind,
    with what was considered. Reads only the top rows."""
    from dashboard.impor.reader import _canonical_columns, find_header, guess_header_row

    try:
        rows = head_rows(path, sheet)
    except FileProblem:
        return KindGuess(None)
    guess = KindGuess(None)
    ranked = []
    for kind in KINDS.values():
        found = find_header(rows, kind.aliases())
        present = set() if found is None else {n for n in _canonical_columns(found.cells, kind.aliases())[0] if n}
        if not present:
            continue
        score, missing, strong = _kind_evidence(kind, present)
        ranked.append((strong, score, kind, found))
        guess.considered.append((kind.key, sorted(present, key=kind.column_names.index), missing))
    ranked.sort(key=lambda r: (r[0], r[1]), reverse=True)
    guess.considered.sort(key=lambda c: [r[2].key for r in ranked].index(c[0]))
    if ranked:
        found = ranked[0][3]
        guess.header_row, guess.header_cells = found.index + 1, list(found.cells)
    else:
        idx, cells = guess_header_row(rows)
        guess.header_row, guess.header_cells = (idx + 1 if idx >= 0 else None), cells
    strong = [r for r in ranked if r[0]]
    if strong and (len(strong) == 1 or strong[0][1] > strong[1][1]):
        guess.kind = strong[0][2]
    return guess


def _unsure(guess: KindGuess, lang: str) -> FileProblem:
    """The file-level problem of a file whose kind is not clear: the header read, the kinds considered, how to choose."""
    judul = " | ".join(c for c in guess.header_cells if c)[:300]
    if guess.considered:
        parts = []
        for key, present, missing in guess.considered:
            text = t("impor.jenis_ada", lang, jenis=key, ada=", ".join(present))
            text += t("impor.jenis_kurang", lang, kurang=", ".join(missing)) if missing else ")"
            parts.append(text)
        problem = FileProblem("jenis_tidak_pasti", baris=guess.header_row or 1, judul=judul,
                              pertimbangan="; ".join(parts), pilihan="|".join(KINDS))  # fmt: skip
    else:
        problem = FileProblem("header_tidak_dikenali", baris=guess.header_row or 1, judul=judul)
    problem.header_row, problem.header_cells = guess.header_row, list(guess.header_cells)
    return problem


def _one_period_column(kind: Kind, raw: RawTable) -> None:
    """A coverage file with two columns that both read as ``periode`` (``Tahun`` and ``Bulan``) is refused: taking the
    first would read a monthly table as annual values."""
    from dashboard.impor.reader import normalise_name

    aliases = kind.aliases()
    cells = [c for c in raw.header_cells if c and aliases.get(normalise_name(c)) == "periode"]
    if len(cells) > 1:
        raise FileProblem("periode_ganda", kolom=", ".join(cells))


def _missing_columns(kind: Kind, raw: RawTable, lang: str) -> list[str]:
    present = set(raw.frame.columns)
    missing = [c.name for c in kind.columns if c.required and c.name not in present]
    for group in kind.one_of:
        if not present.intersection(group):
            missing.append(f" {t('impor.atau', lang)} ".join(group))
    for col, trigger in kind.required_with.items():
        if trigger in present and col not in present:
            missing.append(col)
    return missing


def _name_map(con: duckdb.DuckDBPyConnection, raw: RawTable) -> pd.DataFrame:
    names = raw.frame["nama_wilayah"].dropna().map(str.strip).unique() if "nama_wilayah" in raw.frame else []
    rows = []
    if len(names):
        matcher = NameMatcher(query_df(con, "kabkota_names"))
        for name in names:
            m = matcher.match(name)
            rows.append((name, m.kode, m.status, "; ".join(m.kandidat)))
    return pd.DataFrame(rows, columns=["nama_wilayah", "kode", "status", "kandidat"], dtype="object")


def stage(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable) -> None:
    """Create temp table `tahap`: the typed rows of the file with their problems."""
    frame = raw.frame.copy()
    for col in kind.column_names:
        if col not in frame:
            frame[col] = pd.Series([None] * len(frame), dtype="object")
    frame = frame[["_baris", *kind.column_names]]
    # an all-empty object column would be typed as INTEGER by DuckDB: make every cell text
    frame[kind.column_names] = frame[kind.column_names].astype("string")
    con.register("mentah", frame)
    con.register("peta_nama", _name_map(con, raw))
    try:
        execute(con, "macros_impor")
        execute(con, "drop_tahap")
        execute(con, kind.stage_query)  # creates temp table `tahap`
    finally:
        con.unregister("mentah")
        con.unregister("peta_nama")


def check(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind | None = None, sheet: str | None = None,
          lang: str = "id", display_name: str | None = None, keep: int = MAX_PROBLEMS_KEPT,
          mapping: pemetaan.Mapping | None = None) -> Report:  # fmt: skip
    """Read and stage one file on ``con``; the report counts every problem and keeps the first ``keep``.
    Leaves temp table `tahap`.

    With a ``mapping`` the file is first reshaped into the contract's long rows (impor/pemetaan.py); the messages
    still point to the row and column of the original file."""
    path = Path(path)
    name = display_name or path.name
    report = Report(file=name, kind=kind.key if kind else None)
    if mapping is not None and not mapping.is_empty():
        return _check_mapped(con, path, kind, sheet, lang, report, mapping, keep)
    try:
        report.sha256 = sha256_of(path) if path.is_file() else None
        if kind is None:
            guess = detect(path, sheet)
            if guess.kind is None:
                try:
                    read_table(path, {}, sheet)  # raises the file-level problem if there is one (unreadable, empty)
                except FileProblem as problem:
                    if problem.code not in ("header_tidak_dikenali", "header_tidak_ditemukan"):
                        raise
                raise _unsure(guess, lang)
            kind = guess.kind
            report.kind = kind.key
        raw = read_table(path, kind.aliases(), sheet)
        report.unknown_columns = raw.unknown_columns
        if len(raw.frame):
            loaded_rows = set(raw.frame["_baris"].tolist())
            report.hidden_rows = [r for r in penjaga.hidden_rows(path, sheet) if r in loaded_rows]
        report.header_row, report.header_cells = raw.header_row, raw.header_cells
        _one_period_column(kind, raw)
        missing = _missing_columns(kind, raw, lang)
        if missing:
            judul = " | ".join(c for c in raw.header_cells if c)[:300]
            raise FileProblem("kolom_wajib_hilang_judul", kolom=", ".join(missing), baris=raw.header_row, judul=judul)
        if raw.frame.empty:
            raise FileProblem("berkas_kosong")
        applied = read_conventions(con, kind, raw, report)
    except FileProblem as problem:
        if problem.header_row is not None:
            report.header_row, report.header_cells = problem.header_row, problem.header_cells
        problem = _data_elsewhere(path, sheet, problem)
        report.problems.append(Problem(None, None, None, problem.code, problem.info))
        report.total_problems = 1
        return report
    report = _stage_and_report(con, kind, raw, report, keep, applied)
    _hint_separating_column(path, sheet, kind, raw, report)
    return report


def _hint_separating_column(path: Path, sheet: str | None, kind: Kind, raw: RawTable, report: Report) -> None:
    """Duplicate keys in a file with a column the contract does not use whose values tell the duplicates apart
    (several indicators in one file): name that column and how to map it."""
    pairs = []
    for p in report.problems:
        code, *args = p.reason.split(":")
        if code in ("duplikat", "duplikat_kunci") and args and args[0].isdigit() and p.row is not None:
            pairs.append((p.row, int(args[0])))
    if not pairs or not raw.unknown_columns:
        return
    try:
        columns = pemetaan.separating_columns(path, sheet, raw.header_row, kind, pairs[:200])
    except FileProblem:
        return
    if columns:
        target = "kode_indikator" if "kode_indikator" in kind.column_names else kind.column_names[0]
        report.saran.append(("impor.saran_kolom_pemisah", {"kolom": ", ".join(columns), "contoh": columns[0],
                                                           "tujuan": target}))  # fmt: skip


def _check_mapped(con: duckdb.DuckDBPyConnection, path: Path, kind: Kind | None, sheet: str | None, lang: str,
                  report: Report, mapping: pemetaan.Mapping, keep: int = MAX_PROBLEMS_KEPT) -> Report:  # fmt: skip
    """:func:`check` of a file read through ``mapping``: the reader's guard, reshape, the conventions of published
    tables (their notes name the original rows), then the same staging, messages and completeness."""
    try:
        report.sha256 = sha256_of(path) if path.exists() else None
        penjaga.check(path, sheet)  # the same limits as the plain reader, before anything is read
        mapped = pemetaan.apply(mapping, path, kind, sheet)
        report.kind, report.mapped = mapped.kind.key, mapped
        raw = mapped.raw
        report.unknown_columns = raw.unknown_columns
        missing = _missing_columns(mapped.kind, raw, lang)
        if missing:
            raise FileProblem("kolom_wajib_hilang", kolom=", ".join(missing))
        if raw.frame.empty:
            raise FileProblem("berkas_kosong")
        applied = read_conventions(con, mapped.kind, raw, report)
        for note in report.notes:  # long rows -> the original file's rows
            note.rows = sorted({mapped.original_row(r) for r in note.rows})
    except FileProblem as problem:
        info = dict(problem.info)
        if mapping.nama and problem.code.startswith("pemetaan_"):
            info["resep"] = mapping.nama
        if problem.code == "kolom_wajib_hilang" and "periode" in str(info.get("kolom", "")).split(", "):
            report.saran.append(("impor.saran_periode", {}))  # a recipe keeps no period: it changes every time
        report.problems.append(Problem(None, None, None, problem.code, info))
        report.total_problems = 1
        return report
    report = _stage_and_report(con, mapped.kind, raw, report, keep, applied)
    for p in report.problems:  # long rows -> the original file's rows and columns
        if p.row is None:
            continue
        code, *args = p.reason.split(":")
        if code in ("duplikat", "duplikat_kunci") and args and args[0].isdigit():
            p.reason = ":".join([code, str(mapped.original_row(int(args[0]))), *args[1:]])
        p.column = mapped.original_column(p.row, p.column)
        p.row = mapped.original_row(p.row)
    if report.problems and report.total_problems == len(report.problems):
        # a cell that feeds several long rows (D of D/S and N/D) is one problem of the file
        unique = list({(p.row, p.column, p.value, p.reason): p for p in report.problems}.values())
        report.problems, report.total_problems = unique, len(unique)
        report.bad_rows = len({p.row for p in report.problems if p.row is not None})
    return report


def _stage_and_report(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, report: Report,
                      keep: int = MAX_PROBLEMS_KEPT, applied: konvensi.Applied | None = None) -> Report:  # fmt: skip
    """Stage ``raw`` and fill ``report`` with the counts and the first ``keep`` problems; after a validation without
    problems, the completeness of a coverage file (``applied``: the conventions read)."""
    try:
        stage(con, kind, raw)
    except duckdb.Error as exc:  # a cell the staging SQL could not handle: reject the file, never crash
        report.problems.append(Problem(None, None, None, "galat_internal", {"detail": str(exc).splitlines()[0][:200]}))
        report.total_problems = 1
        return report
    rows, bad_rows, n_problems, flagged = con.execute(sql("staged_summary")).fetchall()[0]
    report.rows, report.bad_rows, report.total_problems, report.flagged = rows, bad_rows, n_problems, flagged
    if n_problems:
        errs = query_df(con, "staged_errors", {"batas": keep})
        kandidat = {}
        if "nama_wilayah" in raw.frame:
            kandidat = dict(_name_map(con, raw)[["nama_wilayah", "kandidat"]].itertuples(index=False))
        for baris, kolom, nilai, alasan in errs.itertuples(index=False, name=None):
            info = {"kandidat": kandidat.get(nilai, "")} if alasan == "nama_ambigu" else {}
            value = None if nilai is None or pd.isna(nilai) else str(nilai)
            report.problems.append(Problem(int(baris), kolom, value, alasan, info))
    elif applied is not None:
        add_completeness(con, kind, report, applied)
    return report


def _data_elsewhere(path: Path, sheet: str | None, problem: FileProblem) -> FileProblem:
    """When the first sheet of a workbook holds no data table but other sheets do, say which (and how to pick one)."""
    if sheet is not None or problem.code not in ("header_tidak_ditemukan", "header_tidak_dikenali", "berkas_kosong",
                                                 "jenis_tidak_dikenali", "jenis_tidak_pasti"):
        return problem
    if path.suffix.lower() not in (".xlsx", ".xlsm", ".xls", ".ods"):
        return problem
    try:
        from python_calamine import CalamineWorkbook

        names = CalamineWorkbook.from_path(str(path)).sheet_names
    except Exception:  # unreadable: the original problem says so
        return problem
    found = [name for name in names[1:] if detect_kind(path, name) is not None]
    if not found:
        return problem
    return FileProblem("data_di_lembar_lain", lembar=names[0], lembar_lain=", ".join(f"'{n}'" for n in found))


def read_conventions(con: duckdb.DuckDBPyConnection, kind: Kind, raw: RawTable, report: Report) -> konvensi.Applied:
    """Read the conventions of published tables in ``raw`` before staging (impor/konvensi.py): rows skipped and cells
    read as no data become notes of ``report``. Raises :class:`FileProblem` when no data row is left."""
    applied = konvensi.apply(con, kind, raw)
    report.notes = applied.notes
    if raw.frame.empty:
        raise FileProblem("berkas_kosong_setelah_catatan")
    return applied


def add_completeness(con: duckdb.DuckDBPyConnection, kind: Kind, report: Report, applied: konvensi.Applied) -> None:
    """After a validation without problems (temp table `tahap` staged): the expected areas each period and indicator
    of a coverage file lacks."""
    if report.ok and kind.key == "capaian":
        report.completeness = konvensi.completeness(con, applied.combined)


def _validation_connection(db: Path | None) -> duckdb.DuckDBPyConnection:
    if db is not None and Path(db).exists():
        return connect_readonly(Path(db))
    con = connect_memory()
    reference.load_kalsel(con)
    return con


def validate_files(paths: Sequence[Path], db: Path | None = None, kind: Kind | None = None,
                   sheet: str | None = None, lang: str = "id",
                   display_names: Sequence[str] | None = None, keep: int = MAX_PROBLEMS_KEPT,
                   mapping: pemetaan.Mapping | None = None) -> list[Report]:  # fmt: skip
    """Check files without loading anything (against the warehouse's reference data when it exists)."""
    con = _validation_connection(db)
    try:
        return [
            check(con, p, kind, sheet, lang, display_names[i] if display_names else None, keep, mapping)
            for i, p in enumerate(paths)
        ]
    finally:
        con.close()


def current_user() -> str:
    try:
        return os.environ.get("SPM_USER") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "tidak_diketahui"


class SampleRefused(Exception):
    """The warehouse holds the synthetic sample: real rows would mix with invented ones. Nothing was loaded."""

    def __init__(self, db: Path) -> None:
        super().__init__(str(db))
        self.db = Path(db)

    def message(self, lang: str = "id") -> str:
        return t("impor.sampel_ditolak", lang, db=self.db)


def holds_sample(db: Path) -> bool:
    """True when the warehouse file exists and holds the synthetic sample (meta ``sampel`` = 'ya')."""
    if not Path(db).exists():
        return False
    con = connect_readonly(Path(db))
    try:
        return meta(con).get("sampel") == "ya"
    finally:
        con.close()


def import_files(paths: Sequence[Path], db: Path, kind: Kind | None = None, sheet: str | None = None,
                 user: str | None = None, lang: str = "id",
                 display_names: Sequence[str] | None = None, mix_sample: bool = False,
                 keep: int = MAX_PROBLEMS_KEPT, mapping: pemetaan.Mapping | None = None) -> list[Report]:  # fmt: skip
    """Validate every file; load those without problems, each in its own atomic swap.

    A rejected file loads nothing; files before it that were accepted stay loaded (each file is one import,
    with its own entry in the import log). Into a warehouse that holds the synthetic sample nothing is loaded
    (:class:`SampleRefused`) unless ``mix_sample``; then the warehouse is marked mixed (meta ``campuran`` = 'ya').
    """
    user = user or current_user()
    if not mix_sample and holds_sample(Path(db)):
        raise SampleRefused(Path(db))
    reports: list[Report] = []
    for i, path in enumerate(paths):
        name = display_names[i] if display_names else Path(path).name
        seen = warehouse.identity(Path(db)) if Path(db).exists() else None  # before the validation reads it
        vcon = _validation_connection(Path(db))
        try:
            first = check(vcon, Path(path), kind, sheet, lang, name, keep, mapping)
            if not first.ok:  # a rejected file costs no copy of the warehouse
                reports.append(first)
                continue
            with writer(Path(db)) as con:
                sample = meta(con).get("sampel") == "ya"
                if sample and not mix_sample:  # the sample was built in between: the copy is thrown away
                    raise SampleRefused(Path(db))
                had_reference = _has_reference(con)
                if not had_reference:
                    reference.load_kalsel(con)
                if had_reference and seen is not None and warehouse.identity(Path(db)) == seen:
                    # validated against this very version (the writer lock holds it): reuse the staged rows
                    report = first
                    con.register("tahap_tervalidasi", query_arrow(vcon, "ambil_tahap"))
                    execute(con, "salin_tahap")
                    con.unregister("tahap_tervalidasi")
                else:  # another write came in between: check the file again against what is copied
                    report = check(con, Path(path), kind, sheet, lang, name, keep, mapping)
                reports.append(report)
                if not report.ok:
                    raise _Rejected
                _load(con, KINDS[report.kind], report, user, warehouse.highest_undone_import(Path(db)) + 1)
                if had_reference and KINDS[report.kind].table == "fakta_capaian":
                    warehouse.mark_facts_changed(con)  # only the marts of the loaded keys are rebuilt
                if sample:
                    execute(con, "set_meta", {"kunci": "campuran", "nilai": "ya"})
        except _Rejected:
            continue
        finally:
            vcon.close()
    return reports


def query_arrow(con: duckdb.DuckDBPyConnection, name: str):
    """Run a named query and return its rows as an Arrow table (types kept exactly, no pandas round trip)."""
    return con.sql(sql(name)).to_arrow_table()


class _Rejected(Exception):
    pass


def _has_reference(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(fetch_value(con, "count_wilayah"))


def _load(con: duckdb.DuckDBPyConnection, kind: Kind, report: Report, user: str, lowest_id: int = 1) -> None:
    """Load the staged rows as one import; its id is the next in the log and at least ``lowest_id`` (above every
    undone import, so an id is never given twice)."""
    execute(con, "siap_from_tahap")
    replaced = fetch_value(con, kind.count_existing_query)
    import_id = max(int(fetch_value(con, "next_import_id")), lowest_id)
    for name in kind.load_queries:
        params = {"id_impor": import_id} if "$id_impor" in sql(name) else {}
        execute(con, name, params)
    report.replaced = int(replaced)
    report.new = report.rows - report.replaced
    execute(
        con,
        "log_import",
        {
            "id_impor": import_id, "jenis": kind.key, "nama_file": report.file, "sha256": report.sha256,
            "baris": report.rows, "baris_baru": report.new, "baris_diganti": report.replaced,
            "baris_ditandai": report.flagged, "pengguna": user, "sumber": "impor",
        },
    )  # fmt: skip
    report.loaded = True
