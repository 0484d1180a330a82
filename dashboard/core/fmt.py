"""Number formatting: Indonesian by default (1.234,5), English when the UI is in English (1,234.5)."""

from __future__ import annotations

import math

import pandas as pd

NA = "–"


def is_na(x: object) -> bool:
    """True for a missing value: None, pandas NA/NaT or a NaN number (a text is never missing)."""
    if x is None or x is pd.NA or x is pd.NaT:
        return True
    if isinstance(x, str):
        return False
    try:
        return bool(math.isnan(float(x)))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return False


def separators(lang: str = "id") -> tuple[str, str]:
    """(decimal, thousands) separators for the language."""
    return (".", ",") if lang == "en" else (",", ".")


def angka(x: object, desimal: int = 0, lang: str = "id") -> str:
    """1234.5 -> '1.234,5' (id) or '1,234.5' (en); NA -> '–'."""
    if is_na(x):
        return NA
    dec, thou = separators(lang)
    text = f"{float(x):,.{desimal}f}"  # type: ignore[arg-type]
    return text.replace(",", "\0").replace(".", dec).replace("\0", thou)


def persen(x: object, desimal: int = 1, lang: str = "id") -> str:
    """87.54 -> '87,5%' (id) / '87.5%' (en)."""
    return NA if is_na(x) else angka(x, desimal, lang) + "%"


def selisih(x: object, desimal: int = 1, lang: str = "id", satuan: str = " poin") -> str:
    """A signed change: +2,3 poin / −1,0 poin."""
    if is_na(x):
        return NA
    sign = "+" if float(x) > 0 else ("−" if float(x) < 0 else "±")  # type: ignore[arg-type]
    return sign + angka(abs(float(x)), desimal, lang) + satuan  # type: ignore[arg-type]


def plotly_separators(lang: str = "id") -> str:
    """Plotly's `separators` layout string (decimal then thousands)."""
    dec, thou = separators(lang)
    return dec + thou
