"""Downloads of on-screen tables: Excel (header block, formatted numbers) and CSV, safe against formula injection."""

from __future__ import annotations

import io
from collections.abc import Sequence

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

DANGEROUS_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Text that a spreadsheet would run as a formula gets a leading apostrophe; numbers are left alone."""
    if isinstance(value, str) and value.startswith(DANGEROUS_PREFIXES):
        return "'" + value
    return value


def safe_frame(df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.columns = [str(neutralise(str(c))) for c in out.columns]
    for col in out.columns:
        if not pd.api.types.is_numeric_dtype(out[col]) or pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].map(lambda v: neutralise(v) if isinstance(v, str) else v)
    return out


def excel_bytes(df: pd.DataFrame, title: str, context: Sequence[str] = (), percent: Sequence[str] = (),
                decimals: dict[str, int] | None = None) -> bytes:  # fmt: skip
    """One sheet: a header block (title, filters, period, source), a blank row, then the table.

    Numbers stay numbers with an Excel number format (Excel shows them with the user's separators);
    ``percent`` columns hold percentages (0-100) shown with a % suffix.
    """
    wb = Workbook()
    write_sheet(wb.active, df, title, context, percent, decimals)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _plain(v: object) -> object:
    if isinstance(v, pd.Timestamp):
        return v.to_pydatetime()
    if hasattr(v, "item") and not isinstance(v, str):
        try:
            return v.item()
        except (ValueError, AttributeError):
            return v
    return v


def csv_bytes(df: pd.DataFrame, lang: str = "id") -> bytes:
    """CSV that opens correctly in Excel: UTF-8 with BOM; ';' and decimal comma for Indonesian, ',' and '.' for English."""
    safe = safe_frame(df)
    sep, dec = (";", ",") if lang == "id" else (",", ".")
    return safe.to_csv(index=False, sep=sep, decimal=dec).encode("utf-8-sig")


def write_sheet(ws, df: pd.DataFrame, title: str, context: Sequence[str] = (), percent: Sequence[str] = (),
                decimals: dict[str, int] | None = None, name: str = "Data") -> None:  # fmt: skip
    """Fill the openpyxl sheet ``ws`` as :func:`excel_bytes` does (also for a further sheet of a workbook)."""
    decimals = decimals or {}
    safe = safe_frame(df)
    ws.title = name
    ws.append([neutralise(title)])
    ws["A1"].font = Font(bold=True, size=13)
    for line in context:
        ws.append([neutralise(line)])
    ws.append([])
    header_row = ws.max_row + 1
    ws.append(list(safe.columns))
    for cell in ws[header_row]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for row in safe.itertuples(index=False, name=None):
        ws.append([None if (not isinstance(v, str) and pd.isna(v)) else _plain(v) for v in row])
    for j, col in enumerate(df.columns, start=1):
        letter = get_column_letter(j)
        series = df[col]
        width = max([len(str(safe.columns[j - 1]))] + [len(str(v)) for v in series.head(200)]) + 2
        ws.column_dimensions[letter].width = min(max(width, 10), 60)
        if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
            digits = decimals.get(col, 1 if col in percent else (0 if pd.api.types.is_integer_dtype(series) else 1))
            fmt = "#,##0" + ("." + "0" * digits if digits else "") + ('"%"' if col in percent else "")
            for r in range(header_row + 1, header_row + 1 + len(df)):
                ws[f"{letter}{r}"].number_format = fmt
    ws.freeze_panes = ws[f"A{header_row + 1}"]
