"""Mapping a real table onto the import contract: its own header, its own column names, its own layout.

A :class:`Mapping` says how the cells of a file become the contract's long rows (one row per period, area and
indicator) before the usual staging and validation (``impor/core.py: check``) run:

- ``baris_judul``: the header row(s) as the user sees them (1-based; two rows for a two-line header whose upper
  cells are merged, e.g. the year above "L / P / L+P");
- ``kolom``: source column -> contract field (``Kabupaten/Kota`` -> ``nama_wilayah``);
- ``tetap``: file-wide values (``periode = 2024-12``, ``kode_indikator = pend_dikdas_7_15``);
- ``saring`` / ``lewati`` / ``lewati_baris``: keep only the rows where a column has one of some values; drop rows
  where a column has one of some values; drop rows by their number;
- ``lebar``: a wide layout, value column -> what its header means (``"kes_ibu_hamil/terlayani"``,
  ``"2023-12"``, ``"abaikan"``), see :func:`parse_meaning`;
- ``blok`` / ``blok_kolom``: blocks of rows, a label row ("SD/MI") gives the meaning of the rows below it;
- ``ganti``: recode values of a column (``Jenjang``: ``SD`` -> ``pend_dikdas_7_15``).

Each long row keeps the row number of the original file and, per field, the original column (name and letter), so
every message of the validation points to a cell of the file the user has, not to the reshaped table.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from dashboard.impor import penjaga
from dashboard.impor.kinds import KINDS, Kind
from dashboard.impor.reader import (
    HEADER_SCAN_ROWS,
    ROW_COLUMN,
    FileProblem,
    RawTable,
    _cell_text,
    _decode,
    normalise_name,
)

DROP = "abaikan"  # a wide column (or block) that holds nothing to load
FIXED = "tetap"  # origin label of a file-wide value
PREVIEW_VALUES = 3

# fields that identify a row; every other column of a kind is a value ("measure") that a wide cell can hold
_KEY_FIELDS = {
    "periode", "kode_wilayah", "nama_wilayah", "kode_indikator", "kode_bencana", "nama", "jenis", "tanggal_mulai",
    "tanggal_selesai", "status", "keterangan", "tanggal", "tahun", "kode_bidang",
}  # fmt: skip
# what a bare header word means for each kind: the default value field, the period field, the category field
_DEFAULT_MEASURE = {"capaian": "capaian_persen", "biaya_satuan": "biaya_satuan"}
_CATEGORY_FIELD = {"capaian": "kode_indikator", "anggaran": "kode_bidang", "biaya_satuan": "kode_indikator"}
_PERIOD = re.compile(r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$")
_LETTERS = re.compile(r"^[A-Z]{1,3}$")


# --- the grid of cells ------------------------------------------------------------------------------------------


@dataclass
class Grid:
    """All cells of one sheet as text (None = empty), with the row numbers the user sees."""

    rows: list[list[str | None]]
    numbers: list[int]
    sheet: str | None = None

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def index_of(self, number: int) -> int | None:
        try:
            return self.numbers.index(number)
        except ValueError:
            return None


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA (as a spreadsheet names its columns)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def read_grid(path: Path, sheet: str | None = None, limit: int | None = None) -> Grid:
    """Every cell of the file (or its first ``limit`` rows) as text, with spreadsheet row numbers."""
    path = Path(path)
    if not path.exists():
        raise FileProblem("berkas_tidak_ada")
    penjaga.check(path, sheet)  # the reader's limits (declared extent, unpacked size...) before any cell is read
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        return _read_xlsx_grid(path, sheet, limit)
    if suffix in (".csv", ".txt", ""):
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
        text = _decode(raw)
        if not text.strip():
            raise FileProblem("berkas_kosong")
        sample = "\n".join(text.splitlines()[:HEADER_SCAN_ROWS])
        delim = ";" if sample.count(";") > sample.count(",") else ","
        rows = []
        for row in csv.reader(io.StringIO(text), delimiter=delim):
            rows.append([_cell_text(c) for c in row])
            if limit and len(rows) >= limit:
                break
        return Grid(rows, list(range(1, len(rows) + 1)))
    raise FileProblem("format_tidak_didukung", ekstensi=suffix)


def _read_xlsx_grid(path: Path, sheet: str | None, limit: int | None) -> Grid:
    from python_calamine import CalamineWorkbook

    try:
        wb = CalamineWorkbook.from_path(str(path))
        if sheet is not None and sheet not in wb.sheet_names:
            raise FileProblem("sheet_tidak_ada", sheet=sheet, sheets=", ".join(wb.sheet_names))
        if not wb.sheet_names:
            raise FileProblem("berkas_kosong")
        ws = wb.get_sheet_by_name(sheet) if sheet is not None else wb.get_sheet_by_index(0)
        cells = ws.to_python(skip_empty_area=False, nrows=limit) if limit else ws.to_python(skip_empty_area=False)
        start_row = ws.start[0] if ws.start else 0
    except FileProblem:
        raise
    except Exception as exc:  # calamine raises several binding-specific errors for corrupt files
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None
    offset = start_row if start_row and len(cells) == (ws.end[0] - start_row + 1 if ws.end else len(cells)) else 0
    rows = [[_cell_text(c) for c in r] for r in cells]
    if not any(c for r in rows for c in r):
        raise FileProblem("berkas_kosong")
    return Grid(rows, [i + 1 + offset for i in range(len(rows))], ws.name)


# --- the mapping ----------------------------------------------------------------------------------------------------


@dataclass
class Mapping:
    """How to read one file's layout into the contract (see the module docstring). Empty = nothing to do."""

    nama: str | None = None  # the recipe's name, when it came from one
    jenis: str | None = None
    lembar: str | None = None
    baris_judul: list[int] = field(default_factory=list)
    kolom: dict[str, str] = field(default_factory=dict)
    tetap: dict[str, str] = field(default_factory=dict)
    saring: dict[str, list[str]] = field(default_factory=dict)
    lewati: dict[str, list[str]] = field(default_factory=dict)
    lewati_baris: list[int] = field(default_factory=list)
    lebar: dict[str, str] = field(default_factory=dict)
    blok: dict[str, str] = field(default_factory=dict)
    blok_kolom: str | None = None
    ganti: dict[str, dict[str, str]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any((self.baris_judul, self.kolom, self.tetap, self.saring, self.lewati, self.lewati_baris,
                        self.lebar, self.blok, self.ganti))  # fmt: skip

    def merged(self, other: Mapping) -> Mapping:
        """This mapping with ``other``'s settings on top (command-line options over a recipe)."""
        out = Mapping(**{k: _copy(v) for k, v in self.__dict__.items()})
        for name in ("jenis", "lembar", "blok_kolom", "nama"):
            if getattr(other, name):
                setattr(out, name, getattr(other, name))
        if other.baris_judul:
            out.baris_judul = list(other.baris_judul)
        for name in ("kolom", "tetap", "saring", "lewati", "lebar", "blok", "ganti"):
            getattr(out, name).update(_copy(getattr(other, name)))
        out.lewati_baris = sorted(set(out.lewati_baris) | set(other.lewati_baris))
        return out


def _copy(value):
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return list(value)
    return value


@dataclass(frozen=True)
class Meaning:
    """What a wide column's header (or a block label) means: field values, and the value field its cells fill."""

    values: tuple[tuple[str, str], ...] = ()
    measure: str | None = None
    drop: bool = False


def measures(kind: Kind) -> list[str]:
    return [c for c in kind.column_names if c not in _KEY_FIELDS]


def _period_field(kind: Kind) -> str | None:
    return next((f for f in ("periode", "tahun", "tanggal") if f in kind.column_names), None)


def parse_meaning(text: str, kind: Kind, wide: bool = True) -> Meaning:
    """``"kes_ibu_hamil/terlayani"``, ``"2023-12"``, ``"periode:2023-12/kode_indikator:pend_dikdas_7_15"``,
    ``"abaikan"``: parts separated by ``/``; ``field:value`` sets a field; a bare word is a value field of the kind
    (sasaran, terlayani, …), a period (2023, 2023-12), ``abaikan`` (drop), or else a category (an indicator code
    for coverage files, a field code for budget files)."""
    values: dict[str, str] = {}
    measure = None
    for part in (p.strip() for p in str(text).split("/")):
        if not part:
            continue
        if part.casefold() == DROP:
            return Meaning(drop=True)
        if ":" in part:
            name, value = (s.strip() for s in part.split(":", 1))
            if name not in kind.column_names:
                raise FileProblem(
                    "pemetaan_bukan_kolom", tujuan=name, jenis=kind.key, pilihan=", ".join(kind.column_names)
                )
            _put(values, name, value, text)
        elif part in measures(kind):
            if measure and measure != part:
                raise FileProblem("pemetaan_ganda", kolom=text, bidang="nilai")
            measure = part
        elif _PERIOD.match(part) and _period_field(kind):
            _put(values, _period_field(kind), part, text)
        elif _CATEGORY_FIELD.get(kind.key):
            _put(values, _CATEGORY_FIELD[kind.key], part, text)
        else:
            raise FileProblem("pemetaan_arti_tidak_dikenal", arti=part, jenis=kind.key)
    if wide and measure is None:
        measure = _DEFAULT_MEASURE.get(kind.key)
        if measure is None:
            raise FileProblem("pemetaan_lebar_tanpa_nilai", kolom=text, pilihan=", ".join(measures(kind)))
    return Meaning(tuple(sorted(values.items())), measure)


def _put(values: dict[str, str], name: str, value: str, text: str) -> None:
    if name in values and values[name] != value:
        raise FileProblem("pemetaan_ganda", kolom=text, bidang=name)
    values[name] = value


# --- applying a mapping ----------------------------------------------------------------------------------------------


@dataclass
class Header:
    """The header of a grid: the row(s) it takes, one label per column, and the first data row's index."""

    numbers: list[int]
    labels: list[str]
    data_start: int

    def find(self, ref: str) -> int | None:
        """The column a mapping names: its header text (exact, then loosely), else its letter (C, AA)."""
        ref = str(ref).strip()
        for i, label in enumerate(self.labels):
            if label == ref:
                return i
        norm = value_key(ref)
        for i, label in enumerate(self.labels):
            if norm and value_key(label) == norm:
                return i
        if _LETTERS.match(ref):
            i = _letter_index(ref)
            if i < len(self.labels):
                return i
        return None

    def origin(self, i: int) -> str:
        label = self.labels[i]
        return f"{label} ({column_letter(i)})" if label else column_letter(i)

    def listing(self) -> str:
        return ", ".join(f"{column_letter(i)}: {label}" for i, label in enumerate(self.labels) if label)


def value_key(value: object) -> str:
    """Cell values compare case-insensitively, with runs of spaces as one."""
    return re.sub(r"\s+", " ", str(value or "")).strip().casefold()


def _letter_index(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


def header(grid: Grid, numbers: list[int]) -> Header:
    """Column labels from the header row(s) ``numbers``; upper rows of a two-line header are filled to the right
    (merged cells keep their text in the first cell only) and joined with the row below: "2023 L+P"."""
    indexes = []
    for number in numbers:
        idx = grid.index_of(number)
        if idx is None:
            raise FileProblem("pemetaan_baris_judul", baris=number, akhir=grid.numbers[-1] if grid.numbers else 0)
        indexes.append(idx)
    width = grid.width
    parts: list[list[str]] = [[] for _ in range(width)]
    for k, idx in enumerate(indexes):
        row = grid.rows[idx] + [None] * (width - len(grid.rows[idx]))
        last = None
        for i, cell in enumerate(row):
            if k < len(indexes) - 1:  # an upper row: a merged cell spans to the right
                last = cell if cell is not None else last
                cell = last
            if cell is not None:
                parts[i].append(str(cell))
    labels = [" ".join(p) for p in parts]
    if not any(labels):
        raise FileProblem("pemetaan_baris_judul_kosong", baris=", ".join(map(str, numbers)))
    return Header(list(numbers), labels, max(indexes) + 1)


def guess_header_row(grid: Grid, names: list[str] | None = None) -> int:
    """The row number of the header: the top row naming most of ``names`` (a recipe's columns) or most contract
    column names of any kind; else the first row with at least two filled cells."""
    wanted = {normalise_name(n) for n in names or []}
    aliases: set[str] = set()
    for kind in KINDS.values():
        aliases |= set(kind.aliases())
    best, best_hits = None, 0
    for idx, row in enumerate(grid.rows[:HEADER_SCAN_ROWS]):
        cells = {normalise_name(c) for c in row if c}
        hits = len(cells & wanted) * 100 + len(cells & aliases) if wanted else len(cells & aliases)
        if hits > best_hits:
            best, best_hits = idx, hits
    if best is None:
        best = next((i for i, r in enumerate(grid.rows[:HEADER_SCAN_ROWS]) if sum(c is not None for c in r) >= 2), 0)
    return grid.numbers[best] if grid.numbers else 1


def guess_header_rows(grid: Grid, names: list[str] | None = None) -> list[int]:
    """The header row, and the row below it when that completes a two-line header: the row below fills columns
    whose upper cell is empty (merged years above L / P / L+P) with text, and leaves the first column empty."""
    number = guess_header_row(grid, names)
    idx = grid.index_of(number)
    if idx is None or idx + 1 >= len(grid.rows):
        return [number]
    upper, lower = grid.rows[idx], grid.rows[idx + 1]
    filled = [i for i, c in enumerate(lower) if c is not None]
    completes = any(i >= len(upper) or upper[i] is None for i in filled)
    textual = all(not re.fullmatch(r"[\d.,%\s-]+", str(lower[i])) for i in filled)
    if filled and completes and textual and (not lower or lower[0] is None):
        return [number, grid.numbers[idx + 1]]
    return [number]


@dataclass
class Mapped:
    """The long rows made from a file: ``raw`` for staging (``_baris`` numbers the long rows 1..n), and where each
    came from: ``rows[i]`` is the original row of long row i+1, ``columns[i]`` its fields' original columns."""

    raw: RawTable
    kind: Kind
    header: Header
    rows: list[int]
    columns: list[dict[str, str]]
    read_rows: int = 0  # data rows in the file
    dropped_rows: int = 0  # rows left out by saring/lewati/lewati_baris or used as block labels
    empty_cells: int = 0  # wide cells with no value: no row is made (no data, never zero)

    def original_row(self, long_row: int | None) -> int | None:
        if long_row is None or not 1 <= long_row <= len(self.rows):
            return long_row
        return self.rows[long_row - 1]

    def original_column(self, long_row: int | None, name: str | None) -> str | None:
        if name is None or long_row is None or not 1 <= long_row <= len(self.columns):
            return name
        return self.columns[long_row - 1].get(name, name)


def resolve_kind(mapping: Mapping, kind: Kind | None) -> Kind | None:
    """The requested kind, the mapping's, or the kind whose fields the mapping names best."""
    if kind is not None:
        return kind
    if mapping.jenis:
        if mapping.jenis not in KINDS:
            raise FileProblem("pemetaan_jenis_tidak_dikenal", jenis=mapping.jenis, pilihan=", ".join(KINDS))
        return KINDS[mapping.jenis]
    named = set(mapping.kolom.values()) | set(mapping.tetap)
    best, best_score = None, 0
    for candidate in KINDS.values():
        score = sum(2 if c.required else 1 for c in candidate.columns if c.name in named)
        if score > best_score:
            best, best_score = candidate, score
    if best is None and (mapping.lebar or mapping.blok):
        return KINDS["capaian"]
    return best


def apply(mapping: Mapping, path: Path, kind: Kind | None = None, sheet: str | None = None) -> Mapped:
    """The long rows of ``path`` under ``mapping``; a :class:`FileProblem` says which expectation the file fails."""
    kind = resolve_kind(mapping, kind)
    if kind is None:
        raise FileProblem("jenis_tidak_dikenali")
    grid = read_grid(path, sheet or mapping.lembar)
    return apply_grid(mapping, grid, kind)


def apply_grid(mapping: Mapping, grid: Grid, kind: Kind) -> Mapped:
    for value in mapping.kolom.values():
        if value not in kind.column_names:
            raise FileProblem(
                "pemetaan_bukan_kolom", tujuan=value, jenis=kind.key, pilihan=", ".join(kind.column_names)
            )
    for name in mapping.tetap:
        if name not in kind.column_names:
            raise FileProblem("pemetaan_bukan_kolom", tujuan=name, jenis=kind.key, pilihan=", ".join(kind.column_names))
    if "periode" in mapping.tetap and not _PERIOD.match(str(mapping.tetap["periode"]).strip()):
        raise FileProblem("pemetaan_periode_tidak_valid", nilai=mapping.tetap["periode"])
    referenced = [*mapping.kolom, *mapping.lebar, *mapping.saring, *mapping.lewati, *mapping.ganti]
    if mapping.blok_kolom:
        referenced.append(mapping.blok_kolom)
    numbers = list(mapping.baris_judul) or [guess_header_row(grid, referenced)]
    head = header(grid, numbers)

    def column(ref: str) -> int:
        i = head.find(ref)
        if i is None:
            raise FileProblem("pemetaan_kolom_tidak_ada", kolom=ref, baris=", ".join(map(str, head.numbers)),
                              ada=head.listing())  # fmt: skip
        return i

    long_cols = {column(src): dst for src, dst in mapping.kolom.items()}
    mentioned = set(long_cols) | {column(c) for c in [*mapping.lebar, *mapping.saring, *mapping.lewati]}
    if mapping.blok_kolom:
        mentioned.add(column(mapping.blok_kolom))
    seen: dict[str, int] = {}
    for i, dst in long_cols.items():
        if dst in seen or dst in mapping.tetap:
            raise FileProblem("pemetaan_ganda", kolom=head.origin(i), bidang=dst)
        seen[dst] = i
    wide = {}
    for src, text in mapping.lebar.items():
        i = column(src)
        if i in long_cols:
            raise FileProblem("pemetaan_ganda", kolom=head.origin(i), bidang=long_cols[i])
        meanings = [parse_meaning(part, kind) for part in str(text).split(";") if part.strip()]
        meanings = [m for m in meanings if not m.drop]
        if meanings:  # one column may feed several rows: D is D/S's numerator and N/D's denominator
            wide[i] = meanings
    blocks = {value_key(label): (label, parse_meaning(text, kind, wide=False)) for label, text in mapping.blok.items()}
    block_col = column(mapping.blok_kolom) if mapping.blok_kolom else (min(long_cols) if long_cols else 0)
    keep = {column(c): {value_key(v): v for v in vs} for c, vs in mapping.saring.items()}
    skip = {column(c): {value_key(v) for v in vs} for c, vs in mapping.lewati.items()}
    recode = {column(c): {value_key(k): v for k, v in m.items()} for c, m in mapping.ganti.items()}
    skip_rows = set(mapping.lewati_baris)

    # columns the mapping does not mention but whose header is a contract name ("Sasaran") keep that meaning
    given = set(long_cols.values()) | set(mapping.tetap)
    given |= {m.measure for ms in wide.values() for m in ms} | {
        n for ms in wide.values() for m in ms for n, _ in m.values
    }
    given |= {n for _, m in blocks.values() for n, _ in m.values}
    aliases = kind.aliases()
    for i, label in enumerate(head.labels):
        name = aliases.get(normalise_name(label))
        if name and i not in mentioned and name not in given:
            long_cols[i] = name
            given.add(name)
    # every field a long row gets from the wide columns or blocks must be one the mapping does not set otherwise
    wide_meanings = [m for ms in wide.values() for m in ms]
    filled_by: dict[tuple, int] = {}
    for i, ms in wide.items():
        for m in ms:
            other = filled_by.setdefault((m.values, m.measure), i)
            if other != i:
                raise FileProblem("pemetaan_ganda", kolom=f"{head.origin(other)}, {head.origin(i)}",
                                  bidang="/".join([*(v for _, v in m.values), m.measure or ""]))  # fmt: skip
    for meaning in [*wide_meanings, *(m for _, m in blocks.values())]:
        for name, _ in meaning.values:
            if name in seen or name in mapping.tetap:
                raise FileProblem("pemetaan_ganda", kolom=name, bidang=name)
        if meaning.measure and meaning.measure in seen:
            raise FileProblem("pemetaan_ganda", kolom=meaning.measure, bidang=meaning.measure)

    fields = kind.column_names
    data: dict[str, list[str | None]] = {f: [] for f in fields}
    rows: list[int] = []
    columns: list[dict[str, str]] = []
    read_rows = dropped = empty = 0
    found_keep = {i: set() for i in keep}
    seen_values = {i: set() for i in keep}
    found_blocks: set[str] = set()
    block: tuple[str, Meaning] | None = None
    width = head.labels and len(head.labels)

    def cell(row: list[str | None], i: int) -> str | None:
        value = row[i] if i < len(row) else None
        if value is not None and i in recode:
            value = recode[i].get(value_key(value), value)
        return value

    for idx in range(head.data_start, len(grid.rows)):
        row = grid.rows[idx][:width] if width else grid.rows[idx]
        if not any(row):
            continue
        number = grid.numbers[idx]
        read_rows += 1
        if blocks:
            label = value_key(cell(row, block_col))
            if label in blocks:
                block = blocks[label]
                found_blocks.add(label)
                dropped += 1
                continue
        if number in skip_rows or any(value_key(cell(row, i)) in vs for i, vs in skip.items()):
            dropped += 1
            continue
        for i in keep:
            seen_values[i].add(cell(row, i) or "")
        if not all(value_key(cell(row, i)) in vs for i, vs in keep.items()):
            dropped += 1
            continue
        for i in keep:
            found_keep[i].add(value_key(cell(row, i)))
        base: dict[str, str | None] = {}
        origin: dict[str, str] = {}
        for i, dst in long_cols.items():
            base[dst] = cell(row, i)
            origin[dst] = head.origin(i)
        for name, value in mapping.tetap.items():
            base[name] = value
            origin[name] = f"{name} ({FIXED})"
        if block is not None:
            label, meaning = block
            if meaning.drop:
                dropped += 1
                continue
            for name, value in meaning.values:
                base[name] = value
                origin[name] = f"{name} ({head.origin(block_col)}: {label})"
        if not wide:
            if long_cols and all(cell(row, i) is None for i in long_cols):
                continue  # nothing in the mapped columns (a note beside the table): as the plain reader does
            _emit(data, rows, columns, fields, number, base, origin)
            continue
        groups: dict[tuple, list[tuple[int, Meaning]]] = {}
        for i, meanings in wide.items():
            for meaning in meanings:
                groups.setdefault(meaning.values, []).append((i, meaning))
        for values, members in groups.items():
            filled = [(i, m) for i, m in members if cell(row, i) is not None]
            if not filled:
                empty += len(members)
                continue
            item, item_origin = dict(base), dict(origin)
            for name, value in values:
                item[name] = value
                item_origin[name] = f"{name} ({head.origin(members[0][0])})"
            for i, m in members:
                item[m.measure] = cell(row, i)
                item_origin[m.measure] = head.origin(i)
            _emit(data, rows, columns, fields, number, item, item_origin)
    for i, wanted in keep.items():
        missing = [text for key, text in wanted.items() if key not in found_keep[i]]
        if missing:
            values = sorted(v for v in seen_values[i] if v)[:20]
            raise FileProblem("pemetaan_saring_tidak_ada", kolom=head.origin(i), nilai=", ".join(missing),
                              ada=", ".join(values) or "–")  # fmt: skip
    missing_blocks = set(blocks) - found_blocks
    if missing_blocks:
        labels = [label for label in mapping.blok if value_key(label) in missing_blocks]
        raise FileProblem("pemetaan_blok_tidak_ada", label=", ".join(labels), kolom=head.origin(block_col))
    frame = pd.DataFrame({f: pd.Series(v, dtype="object") for f, v in data.items()})
    used = set(long_cols.values()) | set(mapping.tetap) | {m.measure for m in wide_meanings}
    for meaning in [*wide_meanings, *(m for _, m in blocks.values())]:
        used |= {name for name, _ in meaning.values}
    frame = frame[[f for f in fields if f in used]]
    frame.insert(0, ROW_COLUMN, pd.array(range(1, len(rows) + 1), dtype="int64"))
    unknown = [head.labels[i] for i in range(len(head.labels))
               if head.labels[i] and i not in long_cols and i not in wide and i not in keep and i not in skip
               and not (blocks and i == block_col) and head.labels[i] not in mapping.lebar]  # fmt: skip
    raw = RawTable(frame=frame, header_row=head.numbers[-1], sheet=grid.sheet, unknown_columns=unknown)
    return Mapped(raw, kind, head, rows, columns, read_rows, dropped, empty)


def _emit(data, rows, columns, fields, number, item, origin) -> None:
    for f in fields:
        data[f].append(item.get(f))
    rows.append(number)
    columns.append(origin)


# --- proposing a mapping (the browser's first guess) ----------------------------------------------------------------

# loose words of real headers -> contract field (only a proposal: the user confirms every one)
_LOOSE = (
    (
        re.compile(r"^(kab|kabkota|kab_kota|kabupaten_kota|kabupatenkota|kota|daerah|wilayah|nama_kab|nama_kota)$"),
        "nama_wilayah",
    ),
    (
        re.compile(r"^(wilayah_id|kode_bps|kode_wil|kd_wil|kode_kab|kd_kab|id_wilayah|kode_wilayah_bps)$"),
        "kode_wilayah",
    ),
    (re.compile(r"^(tahun|thn|bulan_tahun|periode_data)$"), "periode"),
    (re.compile(r"^(nilai|nilai_.*|persen.*|.*_persen|%|apm.*|apk.*|angka.*)$"), "capaian_persen"),
)


_YEAR_TOTAL = re.compile(r"(\d{4})\s+(l\s*\+\s*p|jumlah|total|laki-laki\s*\+\s*perempuan)", re.IGNORECASE)


def propose_field(label: str, kind: Kind) -> str | None:
    norm = normalise_name(label)
    if not norm:
        return None
    aliases = kind.aliases()
    if norm in aliases:
        return aliases[norm]
    for pattern, name in _LOOSE:
        if pattern.match(norm) and name in kind.column_names:
            return name
    return None


def propose(grid: Grid, kind: Kind | None = None, header_rows: list[int] | None = None,
            indicator_codes: set[str] | None = None, matcher=None) -> Mapping:  # fmt: skip
    """A first mapping for a file that does not match the contract: the header row, each column's field by the
    contract's aliases and common words of real headers, else by its first values (area codes; kab/kota names
    recognised by ``matcher``, a :class:`~dashboard.impor.names.NameMatcher`), and a wide layout for headers that
    are years or indicator codes. Nothing is decided: the user sees and changes every part."""
    kind = kind or KINDS["capaian"]
    numbers = header_rows or guess_header_rows(grid)
    head = header(grid, numbers)
    mapping = Mapping(jenis=kind.key, baris_judul=list(numbers))
    used: set[str] = set()
    codes = indicator_codes or set()
    data = [r for r in grid.rows[head.data_start :] if any(r)][:PROPOSAL_ROWS]
    for i, label in enumerate(head.labels):
        if not label:
            continue
        name = propose_field(label, kind) or _field_by_values([r[i] for r in data if i < len(r)], kind, matcher, used)
        text = label.strip()
        if name and name not in used:
            mapping.kolom[label] = name
            used.add(name)
        elif re.fullmatch(r"\d{4}", text) and kind.key == "capaian":
            mapping.lebar[label] = f"{text}-12"
        elif (total := _YEAR_TOTAL.fullmatch(text)) and kind.key == "capaian":
            mapping.lebar[label] = f"{total.group(1)}-12"  # "2023 L+P": the year's total; L and P stay unused
        elif text.casefold() in codes:
            mapping.lebar[label] = text.casefold()
    if mapping.lebar and "capaian_persen" in mapping.kolom.values():
        mapping.kolom = {k: v for k, v in mapping.kolom.items() if v != "capaian_persen"}
    return mapping


PROPOSAL_ROWS = 10
_AREA_CODE = re.compile(r"^63(\.?\d{2}){0,2}(\.?\d{4})?$")


def _field_by_values(values: list[str | None], kind: Kind, matcher, used: set[str]) -> str | None:
    """A column the header does not name, recognised by its values: most are area codes, or kab/kota names."""
    filled = [str(v).strip() for v in values if v is not None]
    if len(filled) < 2:
        return None
    codes = sum(bool(_AREA_CODE.match(v)) for v in filled)
    if "kode_wilayah" in kind.column_names and "kode_wilayah" not in used and codes >= 0.8 * len(filled):
        return "kode_wilayah"
    if matcher is None or "nama_wilayah" not in kind.column_names or "nama_wilayah" in used:
        return None
    names = sum(matcher.match(v).status == "ok" for v in filled)
    return "nama_wilayah" if names >= 0.6 * len(filled) else None


def column_overview(grid: Grid, head: Header, mapping: Mapping | None = None) -> pd.DataFrame:
    """One row per column: letter, header text, the first values below the header, and its role in ``mapping``."""
    rows = []
    data = [r for r in grid.rows[head.data_start :] if any(r)]
    for i, label in enumerate(head.labels):
        first = [r[i] for r in data if i < len(r) and r[i] is not None][:PREVIEW_VALUES]
        role = ""
        if mapping is not None:
            role = mapping.kolom.get(label) or mapping.lebar.get(label) or ""
        rows.append((column_letter(i), label, " | ".join(first), role))
    return pd.DataFrame(rows, columns=["huruf", "judul", "contoh", "peran"])


# --- the browser's choices ------------------------------------------------------------------------------------------

WIDE = "lebar"  # the role of a value column of a wide layout


def row_numbers(text: str) -> list[int] | None:
    """'5' -> [5]; '5-7, 9' -> [5, 6, 7, 9]; '' -> []; anything else -> None."""
    out: list[int] = []
    for part in str(text or "").replace(" ", "").split(","):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        if not lo.isdigit() or (hi and not hi.isdigit()) or int(hi or lo) < int(lo):
            return None
        out += list(range(int(lo), int(hi or lo) + 1))
    return out


def column_values(grid: Grid, head: Header, index: int, limit: int = 100) -> list[str]:
    """The distinct values of one column below the header, in file order (for choosing rows to keep or skip)."""
    out: dict[str, None] = {}
    for row in grid.rows[head.data_start :]:
        value = row[index] if index < len(row) else None
        if value is not None:
            out.setdefault(value)
            if len(out) >= limit:
                break
    return list(out)


def from_choices(kind: str, header_rows: list[int], roles: dict[str, str], meanings: dict[str, str],
                 tetap: dict[str, str], saring: dict[str, list[str]], lewati: dict[str, list[str]],
                 lewati_baris: list[int], base: Mapping | None = None) -> Mapping:  # fmt: skip
    """The mapping the upload page's widgets describe: ``roles`` per column header (a contract field, ``WIDE`` or
    empty), the meaning of each wide column, file-wide values, rows to keep and to skip. Parts the page does not
    edit (blocks, recodes) come from ``base`` (an applied recipe)."""
    mapping = Mapping(jenis=kind, baris_judul=[n for n in header_rows if n])
    for label, role in roles.items():
        if role == WIDE:
            if str(meanings.get(label) or "").strip():
                mapping.lebar[label] = str(meanings[label]).strip()
        elif role:
            mapping.kolom[label] = role
    mapping.tetap = {k: str(v).strip() for k, v in tetap.items() if str(v or "").strip()}
    mapping.saring = {k: list(v) for k, v in saring.items() if k and v}
    mapping.lewati = {k: list(v) for k, v in lewati.items() if k and v}
    mapping.lewati_baris = sorted(set(lewati_baris))
    if base is not None:
        mapping.nama, mapping.lembar = base.nama, base.lembar
        mapping.blok, mapping.blok_kolom, mapping.ganti = dict(base.blok), base.blok_kolom, _copy(base.ganti)
    return mapping


def parse_lines(text: str, recode: bool = False) -> tuple[dict, list[str]]:
    """The page's text areas: one ``LABEL=ARTI`` per line (blocks), or ``KOLOM:NILAI=BARU`` (``recode``).
    Returns what was read and the lines that could not be read."""
    out: dict = {}
    bad: list[str] = []
    for line in (x.strip() for x in str(text or "").splitlines()):
        if not line:
            continue
        left, sep, right = line.rpartition("=")
        if not sep or not left.strip() or not right.strip():
            bad.append(line)
        elif recode:
            column, colon, old = left.rpartition(":")
            if not colon or not column.strip():
                bad.append(line)
            else:
                out.setdefault(column.strip(), {})[old.strip()] = right.strip()
        else:
            out[left.strip()] = right.strip()
    return out, bad


def block_lines(mapping: Mapping) -> str:
    return "\n".join(f"{label}={meaning}" for label, meaning in mapping.blok.items())


def recode_lines(mapping: Mapping) -> str:
    return "\n".join(f"{c}:{old}={new}" for c, m in mapping.ganti.items() for old, new in m.items())


def roles_of(mapping: Mapping, head: Header) -> tuple[dict[str, str], dict[str, str]]:
    """Per column header: its role and (for wide columns) its meaning under ``mapping`` (the widgets' defaults)."""
    roles, meanings = {}, {}
    for i, label in enumerate(head.labels):
        if not label:
            continue
        for ref in (label, column_letter(i)):
            if ref in mapping.kolom:
                roles[label] = mapping.kolom[ref]
            elif ref in mapping.lebar:
                roles[label], meanings[label] = WIDE, mapping.lebar[ref]
    return roles, meanings


# --- hints for a file rejected as it is ------------------------------------------------------------------------------


def separating_columns(path: Path, sheet: str | None, header_row: int, kind: Kind,
                       pairs: list[tuple[int, int]]) -> list[str]:  # fmt: skip
    """Columns the contract does not use whose values differ within every pair of rows reported as duplicates
    (row, first row): the column that tells several indicators (or categories) apart, e.g. 'Jenis Layanan'."""
    if not pairs:
        return []
    grid = read_grid(path, sheet)
    try:
        head = header(grid, [header_row])
    except FileProblem:
        return []
    rows = {n: grid.rows[i] for i, n in enumerate(grid.numbers)}
    aliases = kind.aliases()
    out = []
    for i, label in enumerate(head.labels):
        if not label or normalise_name(label) in aliases:
            continue

        def value(number: int, i: int = i) -> str | None:
            row = rows.get(number) or []
            return row[i] if i < len(row) else None

        if all(value(a) is not None and value(b) is not None and value_key(value(a)) != value_key(value(b))
               for a, b in pairs):  # fmt: skip
            out.append(label)
    return out
