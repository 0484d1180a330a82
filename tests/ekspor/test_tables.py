"""Exported files reopen with the same values and headers, and cannot run formulas."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd

from dashboard.ekspor import tables


def frame():
    return pd.DataFrame(
        {
            "Kab/kota": ['=HYPERLINK("http://x")', "+62 811", "-1+1", "@SUM(A1)", "Banjar"],
            "Capaian": [87.5, 100.0, None, 12.25, 0.0],
            "Sasaran": pd.array([1234, 5, 0, 7, 1000000], dtype="Int64"),
        }
    )


def test_excel_reopens_with_header_block_values_and_formats():
    data = tables.excel_bytes(frame(), "Judul tabel", ["Periode: Maret 2026", "Sumber: gudang"], percent=["Capaian"])
    ws = openpyxl.load_workbook(io.BytesIO(data))["Data"]
    assert ws["A1"].value == "Judul tabel"
    assert ws["A2"].value == "Periode: Maret 2026" and ws["A3"].value == "Sumber: gudang"
    assert [c.value for c in ws[5]] == ["Kab/kota", "Capaian", "Sasaran"]
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=6)]
    assert [r[1] for r in rows] == [87.5, 100.0, None, 12.25, 0.0]
    assert [r[2] for r in rows] == [1234, 5, 0, 7, 1000000]
    assert ws["B6"].number_format == '#,##0.0"%"' and ws["C6"].number_format == "#,##0"


def test_formula_injection_is_neutralised_in_excel_and_csv():
    data = tables.excel_bytes(frame(), "=cmd|' /C calc'!A0", ["@bad"])
    ws = openpyxl.load_workbook(io.BytesIO(data))["Data"]
    texts = [ws["A1"].value, ws["A2"].value] + [ws.cell(row=r, column=1).value for r in range(5, 10)]
    assert all(not str(v).startswith(tables.DANGEROUS_PREFIXES) for v in texts), texts
    assert ws["A5"].value == '\'=HYPERLINK("http://x")'
    assert ws["A5"].data_type == "s"
    csv = tables.csv_bytes(frame()).decode("utf-8-sig")
    import csv as csvlib

    rows = list(csvlib.reader(io.StringIO(csv), delimiter=";"))
    assert rows[0] == ["Kab/kota", "Capaian", "Sasaran"]
    assert [r[0] for r in rows[1:]] == ['\'=HYPERLINK("http://x")', "'+62 811", "'-1+1", "'@SUM(A1)", "Banjar"]
    assert rows[1][1:] == ["87,5", "1234"]


def test_english_csv_uses_comma_and_point():
    csv = tables.csv_bytes(frame(), "en").decode("utf-8-sig")
    assert csv.splitlines()[0] == "Kab/kota,Capaian,Sasaran"
    assert csv.splitlines()[1].endswith(",87.5,1234")
