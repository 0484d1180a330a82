"""Read a messy government CSV/XLSX into a frame of raw text cells, keeping the row numbers the user sees.

Nothing is interpreted here beyond text: typing and validation happen in SQL (queries/staging/stg_*.sql).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

HEADER_SCAN_ROWS = 30
ROW_COLUMN = "_baris"


class FileProblem(Exception):
    """A problem with the file as a whole (unreadable, empty, missing column). ``code`` is an i18n key."""

    def __init__(self, code: str, **info: object) -> None:
        super().__init__(code)
        self.code = code
        self.info = info
        # the row taken as header (1-based, as the user sees it) and its cells, when the problem is about the header
        self.header_row: int | None = None
        self.header_cells: list[str] = []


def normalise_name(name: object) -> str:
    """Column-name matching: case-insensitive, spaces, hyphens and underscores alike."""
    text = str(name or "").replace("\ufeff", "").strip().casefold()
    text = re.sub(r"\(.*?\)", "", text)  # "sasaran (jiwa)" -> "sasaran"
    return re.sub(r"[\s_\-./]+", "_", text).strip("_")


@dataclass
class RawTable:
    """The cells of the file as text; ``frame`` has the canonical column names plus ``_baris``."""

    frame: pd.DataFrame
    header_row: int  # row number of the header as the user sees it (1-based)
    sheet: str | None = None
    unknown_columns: list[str] = field(default_factory=list)
    header_cells: list[str] = field(default_factory=list)  # each column's header text as read (for mapping)


def _cell_text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        text = value.strip()
        return text or None
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return None
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.timedelta):
        return str(value)
    return str(value).strip() or None


def _find_header(rows: list[list[object]], aliases: dict[str, str]) -> int:
    """Index of the header row: the first of the top rows whose cells name the most known columns."""
    best, best_hits = -1, 0
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        hits = _hits(row, aliases)
        if hits > best_hits:
            best, best_hits = i, hits
    return best


def column_letter(index: int) -> str:
    """0 -> 'A', 26 -> 'AA' (the column as Excel names it; CSV columns are named the same way)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _hits(row: list[object], aliases: dict[str, str]) -> int:
    return len({aliases[n] for n in (normalise_name(c) for c in row) if n in aliases})


@dataclass
class Header:
    """The header as read: the row it ends on (index into the rows), its 1-based row number before any offset, and
    the text of each column's header (a two-row header with merged group cells is read as one row)."""

    index: int
    cells: list[str]
    group_row: int | None = None  # index of a group header row above (merged cells such as "Capaian")


def find_header(rows: list[list[object]], aliases: dict[str, str]) -> Header | None:
    """The header of ``rows``: the best row of the top rows (see :func:`_find_header`), read together with the row
    below it when that row names columns under the merged (empty) cells of a group header, so that a group cell
    such as "Capaian" over "Sasaran | Terlayani" is never taken for a contract column. None when no row names any
    contract column."""
    idx = _find_header(rows, aliases)
    if idx < 0:
        return None
    top_rows = rows[:HEADER_SCAN_ROWS]
    if idx + 1 < len(top_rows) and _group_pair(top_rows[idx], top_rows[idx + 1], aliases):
        return Header(index=idx + 1, cells=_merge_pair(top_rows[idx], top_rows[idx + 1]), group_row=idx)
    if idx > 0 and _group_pair(top_rows[idx - 1], top_rows[idx], aliases):
        return Header(index=idx, cells=_merge_pair(top_rows[idx - 1], top_rows[idx]), group_row=idx - 1)
    return Header(index=idx, cells=[_cell_text(c) or "" for c in rows[idx]])


def _group_pair(upper: list[object], lower: list[object], aliases: dict[str, str]) -> bool:
    """Whether ``upper`` and ``lower`` are one header with merged cells: ``lower`` names columns under empty cells of
    ``upper`` (a group cell such as "Capaian" spanning them), ``upper`` names columns over empty cells of ``lower``
    (headings merged down), and both name at least one contract column."""
    top, below = [_cell_text(c) for c in upper], [_cell_text(c) for c in lower]
    width = max(len(top), len(below))
    top += [None] * (width - len(top))
    below += [None] * (width - len(below))
    under_gap = any(b and not a for a, b in zip(top, below, strict=True))
    over_gap = any(a and not b for a, b in zip(top, below, strict=True))
    return under_gap and over_gap and _hits(upper, aliases) >= 1 and _hits(lower, aliases) >= 1


def _merge_pair(upper: list[object], lower: list[object]) -> list[str]:
    """One header from two rows: each column's lower cell, else its upper cell (a vertically merged heading).

    A group cell ("Capaian") over named cells below never names a column itself."""
    top, below = [_cell_text(c) for c in upper], [_cell_text(c) for c in lower]
    width = max(len(top), len(below))
    return [
        (below[j] if j < len(below) and below[j] else None) or (top[j] if j < len(top) and top[j] else None) or ""
        for j in range(width)
    ]


def _merged_ranges(ws: object) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    try:
        return list(getattr(ws, "merged_cell_ranges", None) or [])
    except Exception:  # an older calamine without merged ranges: the two-row reading of find_header still applies
        return []


def split_merged_group(rows: list[list[object]], found: Header, merges: list, offset: int = 0) -> Header:
    """A header row holding a cell merged across several columns over a row that fills two or more of them (a group
    heading such as "Capaian" over "L | P"): the group cell names no column; the header is read with the row below
    (its cells name the columns, even when the contract knows none of them). ``merges`` are the sheet's merged ranges
    ((first row, first column), (last row, last column)), 0-based sheet coordinates; rows[i] is sheet row i + offset."""
    if found.group_row is not None or found.index + 1 >= len(rows):
        return found
    sheet_row = found.index + offset
    below = [_cell_text(c) for c in rows[found.index + 1]]
    for (r0, c0), (_r1, c1) in merges:
        if r0 == sheet_row and c1 > c0:
            filled = sum(1 for j in range(c0, c1 + 1) if j < len(below) and below[j])
            if filled >= 2:
                top = list(rows[found.index])
                if c0 < len(top):
                    top[c0] = None  # the group heading
                return Header(index=found.index + 1, cells=_merge_pair(top, rows[found.index + 1]),
                              group_row=found.index)  # fmt: skip
    return found


def guess_header_row(rows: list[list[object]]) -> tuple[int, list[str]]:
    """When no row names a contract column: the row a reader would take as header (the first with at least two
    filled cells, else the first filled one), as (index, cell texts); (-1, []) for no filled row."""
    first = -1
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        cells = [_cell_text(c) for c in row]
        filled = [c for c in cells if c]
        if len(filled) >= 2:
            return i, [c or "" for c in cells]
        if filled and first < 0:
            first = i
    if first >= 0:
        return first, [_cell_text(c) or "" for c in rows[first]]
    return -1, []


def header_not_recognised(rows: list[list[object]], offset: int = 0) -> FileProblem:
    """The file-level problem of a header naming no contract column: says which row was taken and what it holds."""
    idx, cells = guess_header_row(rows)
    shown = [c for c in cells if c][:12]
    if idx < 0:
        return FileProblem("header_tidak_ditemukan")
    problem = FileProblem("header_tidak_dikenali", baris=idx + 1 + offset, judul=" | ".join(shown))
    problem.header_row, problem.header_cells = idx + 1 + offset, [c for c in cells]
    return problem


def _canonical_columns(header: list[object], aliases: dict[str, str]) -> tuple[list[str | None], list[str]]:
    names: list[str | None] = []
    unknown: list[str] = []
    seen: dict[str, int] = {}
    for position, cell in enumerate(header):
        norm = normalise_name(cell)
        canon = aliases.get(norm)
        if canon and canon in seen:  # the same column twice: which one holds the data is not ours to guess
            first = seen[canon]
            if canon == "periode":  # e.g. Tahun and Bulan: say how to make one period column
                raise FileProblem("periode_ganda", kolom=f"{str(header[first]).strip()}, {str(cell).strip()}")
            raise FileProblem("kolom_ganda", kolom=canon, judul1=str(header[first]).strip(), posisi1=column_letter(first),
                              judul2=str(cell).strip(), posisi2=column_letter(position))  # fmt: skip
        if canon:
            names.append(canon)
            seen[canon] = position
        else:
            names.append(None)
            if norm and not canon:
                unknown.append(str(cell).strip())
    return names, unknown


def _frame(rows: list[list[object]], header_idx: int, row_offset: int, aliases: dict[str, str],
           header: list[object] | None = None) -> RawTable:  # fmt: skip
    header = rows[header_idx] if header is None else header
    names, unknown = _canonical_columns(header, aliases)
    data: dict[str, list[str | None]] = {n: [] for n in names if n}
    baris: list[int] = []
    for i, row in enumerate(rows[header_idx + 1 :], start=header_idx + 1):
        cells = [_cell_text(c) for c in row]
        if not any(cells):
            continue  # empty rows are normal in spreadsheets
        baris.append(i + 1 + row_offset)
        for j, name in enumerate(names):
            if name:
                data[name].append(cells[j] if j < len(cells) else None)
    frame = pd.DataFrame(data, dtype="object")
    frame.insert(0, ROW_COLUMN, pd.array(baris, dtype="int64"))
    return RawTable(frame=frame, header_row=header_idx + 1 + row_offset, unknown_columns=unknown,
                    header_cells=[_cell_text(c) or "" for c in header])  # fmt: skip


def read_xlsx(path: Path, aliases: dict[str, str], sheet: str | None = None) -> RawTable:
    from python_calamine import CalamineError, CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
    except (CalamineError, zipfile.BadZipFile, OSError, ValueError) as exc:
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    except Exception as exc:  # calamine raises several binding-specific errors for corrupt files
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    try:
        if sheet is not None:
            if sheet not in wb.sheet_names:
                raise FileProblem("sheet_tidak_ada", sheet=sheet, sheets=", ".join(wb.sheet_names))
            ws = wb.get_sheet_by_name(sheet)
        else:
            if not wb.sheet_names:
                raise FileProblem("berkas_kosong")
            ws = wb.get_sheet_by_index(0)
        rows = ws.to_python(skip_empty_area=False)
        start_row = ws.start[0] if ws.start else 0
    except FileProblem:
        raise
    except Exception as exc:
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    if start_row and len(rows) and len(rows) == (ws.end[0] - start_row + 1 if ws.end else len(rows)):
        offset = start_row  # calamine dropped leading empty rows: keep Excel's numbering
    else:
        offset = 0
    if not rows or not any(_cell_text(c) for r in rows for c in r):
        raise FileProblem("berkas_kosong")
    found = find_header(rows, aliases)
    if found is None:
        raise header_not_recognised(rows, offset)
    found = split_merged_group(rows, found, _merged_ranges(ws), offset)
    table = _frame(rows, found.index, offset, aliases, found.cells)
    table.sheet = ws.name
    return table


def _decode(raw: bytes) -> str:
    if b"\x00" in raw[:4096]:
        raise FileProblem("bukan_teks")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileProblem("bukan_utf8", posisi=exc.start) from None


def read_csv(path: Path, aliases: dict[str, str]) -> RawTable:
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    text = _decode(raw)
    if not text.strip():
        raise FileProblem("berkas_kosong")
    head_lines = text.splitlines()[:HEADER_SCAN_ROWS]
    sample = "\n".join(head_lines)
    delim = ";" if sample.count(";") > sample.count(",") else ","
    head_rows = list(csv.reader(io.StringIO(sample), delimiter=delim))
    found = find_header(head_rows, aliases)
    if found is None:
        raise header_not_recognised(head_rows)
    header_idx = found.index
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=delim,
            header=None,
            skiprows=header_idx + 1,
            dtype=str,
            keep_default_na=False,
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame()
    except (pd.errors.ParserError, ValueError) as exc:
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    names, unknown = _canonical_columns(found.cells, aliases)
    frame = frame.iloc[:, : len(names)]
    frame.columns = [n if n else f"_abaikan_{i}" for i, n in enumerate(names[: frame.shape[1]])]
    frame = frame[[c for c in frame.columns if not c.startswith("_abaikan_")]]
    frame = frame.apply(lambda s: s.str.strip()).replace("", None) if len(frame.columns) else frame
    frame.insert(0, ROW_COLUMN, pd.RangeIndex(len(frame)) + header_idx + 2)
    data_cols = [c for c in frame.columns if c != ROW_COLUMN]
    if data_cols:
        frame = frame[frame[data_cols].notna().any(axis=1)]
    frame = frame.astype({c: "object" for c in data_cols}).reset_index(drop=True)
    for missing in [n for n in names if n and n not in frame.columns]:
        frame[missing] = None
    return RawTable(frame=frame, header_row=header_idx + 1, unknown_columns=unknown, header_cells=list(found.cells))


def _guard(path: Path, sheet: str | None) -> None:
    """The limits and format checks of :mod:`dashboard.impor.penjaga`, before anything is read."""
    from dashboard.impor import penjaga

    penjaga.check(path, sheet)


def head_rows(path: Path, sheet: str | None = None) -> list[list[object]]:
    """The top rows of a file (enough to find and name the header), without reading the rest.

    Raises :class:`FileProblem` like :func:`read_table` for files that cannot be read at all.
    """
    path = Path(path)
    _guard(path, sheet)
    if not path.exists():
        raise FileProblem("berkas_tidak_ada")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        from python_calamine import CalamineWorkbook

        try:
            wb = CalamineWorkbook.from_path(str(path))
            if sheet is not None and sheet not in wb.sheet_names:
                raise FileProblem("sheet_tidak_ada", sheet=sheet, sheets=", ".join(wb.sheet_names))
            ws = wb.get_sheet_by_name(sheet) if sheet is not None else wb.get_sheet_by_index(0)
            return ws.to_python(skip_empty_area=False, nrows=HEADER_SCAN_ROWS)
        except FileProblem:
            raise
        except Exception as exc:  # calamine raises several binding-specific errors for corrupt files
            raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    if suffix in (".csv", ".txt", ""):
        with open(path, "rb") as fh:
            raw = fh.read(256 * 1024)
        text = _decode(raw[: raw.rfind(b"\n") + 1] if b"\n" in raw else raw)
        sample = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
        delim = ";" if sample.count(";") > sample.count(",") else ","
        return list(csv.reader(io.StringIO(sample), delimiter=delim))
    raise FileProblem("format_tidak_didukung", ekstensi=suffix)


def header_columns(rows: list[list[object]], aliases: dict[str, str]) -> set[str]:
    """The canonical columns named by the header row found in ``rows`` (empty when none is found)."""
    found = find_header(rows, aliases)
    if found is None:
        return set()
    try:
        return {n for n in _canonical_columns(found.cells, aliases)[0] if n}
    except FileProblem:  # a column twice still names it (reading the file refuses it)
        return {aliases[n] for n in (normalise_name(c) for c in found.cells) if n in aliases}


def read_table(path: Path, aliases: dict[str, str], sheet: str | None = None) -> RawTable:
    path = Path(path)
    _guard(path, sheet)
    if not path.exists():
        raise FileProblem("berkas_tidak_ada")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return read_xlsx(path, aliases, sheet)
    if suffix in (".csv", ".txt", ""):
        return read_csv(path, aliases)
    raise FileProblem("format_tidak_didukung", ekstensi=suffix)
