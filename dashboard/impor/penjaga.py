"""The reader's guard: look at a file before it is read and refuse what would exhaust memory or cannot be data.

Called at the entrance of :mod:`dashboard.impor.reader` (``read_table``, ``head_rows``). Nothing here loads the
file into memory: a spreadsheet's zip directory is read, then only the worksheet that will be read is streamed in
chunks (its cell positions and formulas counted), CSV files are streamed to count lines. Limits are
``[impor]`` in data/pengaturan.toml (see :class:`dashboard.core.settings.Impor`):

* any file: size on disk (``batas_berkas_mb``);
* .xlsx/.xlsm/.ods (zip): unpacked size of all parts (``batas_terurai_mb``), number of parts (``batas_bagian``),
  compression ratio of a part above 1 MB (``batas_rasio``);
* .xlsx/.xlsm sheet: the declared dimension (``<dimension ref>``) and the real extent of its cells, in rows
  (``batas_baris``), columns (``batas_kolom``) and cells (``batas_sel``, rows x columns: what the reader allocates);
  formula cells without a saved value (a file written by a program, never opened in Excel) are refused too, since
  they would read as empty cells;
* CSV: lines (``batas_baris``), header fields (``batas_kolom``), lines x fields (``batas_sel``); UTF-16 text is
  named as such.

Files that are not what their name says (an HTML page or CSV text saved as .xls/.xlsx, an old .xls renamed .xlsx)
are refused with what to do instead. Every refusal is a :class:`dashboard.impor.reader.FileProblem` whose message
(``impor.berkas.<code>``) says the next step.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from functools import lru_cache
from pathlib import Path, PurePosixPath

from dashboard.core.settings import Impor, settings
from dashboard.impor.reader import FileProblem

ZIP_SUFFIXES = (".xlsx", ".xlsm", ".ods")
SHEET_SUFFIXES = (".xlsx", ".xlsm")
CHUNK = 1 << 20
MB = 1024 * 1024
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"

_ROW_REF = re.compile(rb'<(?:\w+:)?row\b[^>]*?\sr="(\d{1,9})"')
_CELL = re.compile(rb"<(?:\w+:)?c[\s>/]")
_CELL_REF = re.compile(rb'<(?:\w+:)?c\b[^>]*?\sr="([A-Z]{1,4})(\d{1,9})"')
# a formula cell whose saved value is absent or empty (Excel saves an empty text result with t="str")
_FORMULA_NO_VALUE = re.compile(
    rb"<(?:\w+:)?c\b([^>]*)>\s*<(?:\w+:)?f\b[^>]*(?:/>|>[^<]*</(?:\w+:)?f>)\s*"
    rb"(?:<(?:\w+:)?v\s*/>|<(?:\w+:)?v>\s*</(?:\w+:)?v>)?\s*</(?:\w+:)?c>"
)
_HIDDEN_ROW = re.compile(rb'<(?:\w+:)?row\b(?=[^>]*\shidden="(?:1|true)")[^>]*?\sr="(\d{1,9})"')
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*?\sref="([A-Z]{1,4})?(\d{1,9})?(?::([A-Z]{1,4})(\d{1,9}))?"')


def limits() -> Impor:
    return settings().impor


def check(path: Path, sheet: str | None = None) -> tuple[int, ...]:
    """Raise :class:`FileProblem` when ``path`` is over a limit or is not what its name says; else return the
    rows hidden in Excel of the sheet that will be read (row numbers as Excel shows them; empty for other formats)."""
    path = Path(path)
    if path.is_dir():
        raise FileProblem("berkas_folder")
    if not path.exists():
        return ()  # the reader says "not found"
    st = path.stat()
    return _check_cached(str(path), st.st_mtime_ns, st.st_size, sheet)


def hidden_rows(path: Path, sheet: str | None = None) -> tuple[int, ...]:
    """The rows hidden in Excel on the sheet read (see :func:`check`); () when the file cannot be checked."""
    try:
        return check(path, sheet)
    except FileProblem:
        return ()


@lru_cache(maxsize=32)
def _check_cached(name: str, mtime_ns: int, size: int, sheet: str | None) -> tuple[int, ...]:
    """Once per file version (the reader looks at a file twice: its top rows, then all of it)."""
    path, lim = Path(name), limits()
    if size > lim.batas_berkas_mb * MB:
        raise FileProblem("melebihi_ukuran", ukuran=f"{size / MB:.1f}", batas=lim.batas_berkas_mb)
    suffix = path.suffix.lower()
    with open(path, "rb") as fh:
        head = fh.read(4096)
    if suffix in (".xlsx", ".xlsm", ".xls", ".ods"):
        _check_format(head, suffix)
    if suffix in ZIP_SUFFIXES:
        return _check_zip(path, sheet, lim)
    if suffix in (".csv", ".txt", ""):
        _check_csv(path, head, lim)
    return ()


def _looks_like_html(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in text[:1024]


def _check_format(head: bytes, suffix: str) -> None:
    if head.startswith(_ZIP) and suffix != ".xls":
        return
    if head.startswith(_OLE2) and suffix == ".xls":
        return
    if head.startswith(_OLE2):
        raise FileProblem("xls_lama_bernama_xlsx", ekstensi=suffix)
    if head.startswith(_ZIP):  # an .xlsx named .xls: the spreadsheet reader goes by the name
        raise FileProblem("xlsx_bernama_xls")
    if _looks_like_html(head):
        raise FileProblem("html_bukan_excel", ekstensi=suffix)
    if head and b"\x00" not in head[:512]:
        raise FileProblem("teks_bukan_excel", ekstensi=suffix)
    raise FileProblem("bukan_excel", ekstensi=suffix)


def _too_big(what: str, nilai: object, batas: object) -> FileProblem:
    """``what``: baris, kolom, sel, bagian or rasio (message ``impor.berkas.melebihi_<what>``)."""
    return FileProblem("melebihi_" + what, nilai=nilai, batas=batas)


def _check_zip(path: Path, sheet: str | None, lim: Impor) -> tuple[int, ...]:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
            if len(infos) > lim.batas_bagian:
                raise _too_big("bagian", len(infos), lim.batas_bagian)
            unpacked = sum(i.file_size for i in infos)
            if unpacked > lim.batas_terurai_mb * MB:
                raise FileProblem("melebihi_terurai", terurai=f"{unpacked / MB:.1f}", batas=lim.batas_terurai_mb)
            for info in infos:
                if info.file_size > MB and info.file_size > lim.batas_rasio * max(info.compress_size, 1):
                    ratio = info.file_size // max(info.compress_size, 1)
                    raise _too_big("rasio", ratio, lim.batas_rasio)
            if path.suffix.lower() in SHEET_SUFFIXES:
                part = _sheet_part(z, sheet)
                if part is not None:
                    return _check_sheet(z, part, lim)
            return ()
    except FileProblem:
        raise
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, ET.ParseError, EOFError, RuntimeError) as exc:
        raise FileProblem("berkas_tidak_terbaca", detail=str(exc)[:200]) from None


def _sheet_part(z: zipfile.ZipFile, sheet: str | None) -> str | None:
    """The zip member of the worksheet the reader will read (the named sheet, else the first)."""
    try:
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
    except KeyError:
        return None
    targets = {r.get("Id"): r.get("Target") for r in rels if r.get("Id")}
    for node in book.iter():
        if not node.tag.endswith("}sheet") and node.tag != "sheet":
            continue
        rid = next((v for k, v in node.attrib.items() if k.endswith("}id")), None)
        if sheet is not None and node.get("name") != sheet:
            continue
        target = targets.get(rid)
        if not target:
            return None
        full = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
        return str(PurePosixPath(full))
    return None


def _col_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _check_sheet(z: zipfile.ZipFile, part: str, lim: Impor) -> tuple[int, ...]:
    """Stream the worksheet XML: its declared dimension, the extent of its cells, formulas without saved values.
    Returns the hidden rows."""
    try:
        info = z.getinfo(part)
    except KeyError:
        return ()
    hidden: list[int] = []
    max_row = max_cell_row = max_col = rows_seen = cells = cells_with_ref = formulas_without_value = 0
    widest_unnamed = 0
    declared_checked = False
    carry = b""
    with z.open(info) as fh:
        while True:
            block = fh.read(CHUNK)
            data = carry + block
            if block:
                cut = data.rfind(b"<c")
                if cut <= 0 and len(data) < 4 * CHUNK:
                    carry = data
                    continue
                if cut <= 0:
                    cut = len(data)
                data, carry = data[:cut], data[cut:]
            else:
                carry = b""
            if not declared_checked:
                found = _DIMENSION.search(data)
                if found or b"<sheetData" in data:
                    declared_checked = True
                if found and found.group(3):
                    rows = int(found.group(4)) - int(found.group(2) or 1) + 1
                    cols = _col_number(found.group(3)) - _col_number(found.group(1) or b"A") + 1
                    declared = (found.group(1) or b"A") + (found.group(2) or b"1") + b":" + found.group(3) + found.group(4)
                    _check_extent(rows, cols, lim, declared=declared.decode("ascii"))
            row_refs = _ROW_REF.findall(data)
            if row_refs:
                max_row = max(max_row, max(int(r) for r in row_refs))
            rows_seen += data.count(b"<row") + data.count(b":row ")
            n_cells = len(_CELL.findall(data))
            cells += n_cells
            refs = _CELL_REF.findall(data)
            cells_with_ref += len(refs)
            if refs:
                letters = {c for c, _ in refs}
                max_col = max(max_col, max(_col_number(c) for c in letters))
                max_cell_row = max(max_cell_row, max(int(r) for r in {r for _, r in refs}))
            if n_cells > len(refs):  # cells without a position: they follow each other in their row
                widest_unnamed = max(widest_unnamed, max(len(_CELL.findall(p)) for p in data.split(b"<row")))
            hidden += [int(r) for r in _HIDDEN_ROW.findall(data)]
            formulas_without_value += sum(1 for attrs in _FORMULA_NO_VALUE.findall(data) if b't="str"' not in attrs)
            if cells > lim.batas_sel:
                raise _too_big("sel", f"> {lim.batas_sel}", lim.batas_sel)
            if not block:
                break
    # the reader allocates the area its cells span: where every cell names its position, empty (formatted) rows do
    # not count; cells without a position sit in the row their <row> names, or the next one
    rows = max_cell_row if cells == cells_with_ref else max(max_cell_row, max_row, rows_seen)
    _check_extent(rows, max(max_col, widest_unnamed), lim)
    if formulas_without_value:
        raise FileProblem("rumus_tanpa_nilai", n=formulas_without_value)
    return tuple(hidden)


def _check_extent(rows: int, cols: int, lim: Impor, declared: str | None = None) -> None:
    prefix = "dimensi_" if declared else "melebihi_"
    extra = {"dimensi": declared} if declared else {}
    if rows > lim.batas_baris:
        raise FileProblem(prefix + "baris", nilai=rows, batas=lim.batas_baris, **extra)
    if cols > lim.batas_kolom:
        raise FileProblem(prefix + "kolom", nilai=cols, batas=lim.batas_kolom, **extra)
    if rows * cols > lim.batas_sel:
        raise FileProblem(prefix + "sel", nilai=rows * cols, batas=lim.batas_sel, **extra)


def _is_utf16(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = head[:512]
    return len(sample) >= 8 and (sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4)


def _check_csv(path: Path, head: bytes, lim: Impor) -> None:
    if _is_utf16(head):
        raise FileProblem("utf16")
    if _looks_like_html(head) and b"<html" in head.lower():
        raise FileProblem("html_bukan_excel", ekstensi=path.suffix.lower() or "csv")
    first = head.split(b"\n", 1)[0]
    fields = max(first.count(b","), first.count(b";")) + 1
    lines = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            lines += block.count(b"\n")
            if lines > lim.batas_baris:
                raise _too_big("baris", f"> {lim.batas_baris}", lim.batas_baris)
    if fields > lim.batas_kolom:
        raise _too_big("kolom", fields, lim.batas_kolom)
    if lines * fields > lim.batas_sel:
        raise _too_big("sel", lines * fields, lim.batas_sel)


def other_sheets_with_data(path: Path, skip: str | None) -> list[str]:
    """Names of the worksheets other than ``skip`` that hold any cell (to say where the data may be)."""
    from python_calamine import CalamineWorkbook

    out = []
    try:
        wb = CalamineWorkbook.from_path(str(path))
        for name in wb.sheet_names:
            if name == skip:
                continue
            check(path, name)
            rows = wb.get_sheet_by_name(name).to_python(skip_empty_area=True, nrows=30)
            if any(c not in (None, "") for r in rows for c in r):
                out.append(name)
    except Exception:  # a sheet that cannot be read is simply not suggested
        return out
    return out
