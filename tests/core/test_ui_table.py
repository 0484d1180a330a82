"""ui.table shows the same texts as the plain pandas Styler it replaced, and its downloads are made only on click."""

from __future__ import annotations

import datetime as dt
import io

import numpy as np
import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from pandas.io.formats.style import Styler
from streamlit.elements.lib.pandas_styler_utils import marshall_styler
from streamlit.proto.ArrowData_pb2 import ArrowData

from dashboard.core import fmt, ui


def frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "nama": ["Banjar", None, "Tanah Laut", "=1+1"],
            "teks_obj": pd.Series(["a", np.nan, "c", "d"], dtype=object),
            "kode": ["63.01", "63.02", "63.03", "-1"],
            "kode_obj": pd.Series(["x", "y", "", "z"], dtype=object),
            "besar": [1234567.891, -0.04, -2.5, 0.05],
            "nol": pd.array([None, None, None, None], dtype="Float64"),
            "capaian": [87.54, None, 100.0, 1234.56],
            "sasaran": pd.array([1234, None, 0, 1000000], dtype="Int64"),
            "jumlah": np.array([1, 22, 333, 4444], dtype="int64"),
            "skor_z": [1.23456, -2.5, np.nan, 0.0],
            "flag": [True, False, True, False],
            "periode": pd.to_datetime(["2026-03-01", "2026-04-01", None, "2026-06-01"]),
            "tanggal": [dt.date(2026, 3, 1), None, dt.date(2026, 5, 2), dt.date(2026, 6, 3)],
            "campur": pd.Series([1.5, "x", 3, None], dtype=object),
        }
    )


COLUMNS = {c: c.upper() for c in frame().columns}
PERCENT = ["capaian"]
DECIMALS = {"skor_z": 2}


def reference_styler(df: pd.DataFrame, lang: str):
    """What ui.table handed to st.dataframe before: df.style with a number format per numeric column."""
    view = df[list(COLUMNS)].rename(columns=COLUMNS)
    styler = view.style.format(na_rep=fmt.NA)
    for src, label in COLUMNS.items():
        col = view[label]
        if pd.api.types.is_bool_dtype(col) or not pd.api.types.is_numeric_dtype(col):
            continue
        digits = DECIMALS.get(src, 1 if src in PERCENT else (0 if pd.api.types.is_integer_dtype(col) else 1))
        suffix = "%" if src in PERCENT else ""
        styler = styler.format(
            lambda v, d=digits, s=suffix: fmt.NA if pd.isna(v) else fmt.angka(v, d, lang) + s, subset=[label]
        )
    return styler.hide(axis="index")


def shown_texts(styler) -> pd.DataFrame:
    proto = ArrowData()
    marshall_styler(proto, styler, "uuid")
    assert proto.styler.styles == ""
    return pa.ipc.open_stream(proto.styler.display_values).read_all().to_pandas()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_formatted_styler_shows_what_the_pandas_styler_showed(lang, monkeypatch):
    monkeypatch.setattr(ui, "lang", lambda: lang)
    captured = {}
    monkeypatch.setattr(ui.st, "dataframe", lambda data, **kw: captured.setdefault("styler", data))
    ui.table(frame(), COLUMNS, percent=PERCENT, decimals=DECIMALS)
    fast = captured["styler"]
    assert type(fast) is Styler  # Streamlit recognises a Styler by its exact type
    expected = shown_texts(reference_styler(frame(), lang))
    got = shown_texts(fast)
    pd.testing.assert_frame_equal(got, expected)
    assert got["CAPAIAN"][0] == ("87,5%" if lang == "id" else "87.5%")
    assert got["SASARAN"][3] == ("1.000.000" if lang == "id" else "1,000,000")
    assert got["BESAR"][0] == ("1.234.567,9" if lang == "id" else "1,234,567.9")
    assert got["NAMA"][1] == fmt.NA and got["NOL"][0] == fmt.NA
    pd.testing.assert_frame_equal(fast.data, frame().rename(columns=COLUMNS))  # sorting keeps raw values


def test_downloads_are_made_when_clicked_not_on_every_rerun(monkeypatch):
    monkeypatch.setattr(ui, "lang", lambda: "id")
    buttons = []

    class Row:
        def download_button(self, label, data, **kw):
            buttons.append((kw["file_name"], data))

    monkeypatch.setattr(ui.st, "container", lambda **kw: Row())
    calls = []
    from dashboard.ekspor import tables

    real_excel = tables.excel_bytes
    monkeypatch.setattr(tables, "excel_bytes", lambda *a, **k: calls.append("xlsx") or real_excel(*a, **k))
    view = frame()[["nama", "capaian"]]
    ui.downloads(view, "uji", title="Judul", context=["Periode: Maret 2026"], percent=["capaian"])
    assert [name for name, _ in buttons] == ["uji.xlsx", "uji.csv"]
    assert calls == []  # nothing built while the page runs
    xlsx, csv = (data() for _, data in buttons)
    assert calls == ["xlsx"]
    ws = openpyxl.load_workbook(io.BytesIO(xlsx))["Data"]
    assert [ws["A1"].value, ws["A2"].value] == ["Judul", "Periode: Maret 2026"]
    assert ws["B5"].value == 87.54 and ws["B5"].number_format == '#,##0.0"%"'
    assert csv == tables.csv_bytes(view, "id")
