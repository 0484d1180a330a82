"""Month, quarter and date labels in the UI language: the one place that turns a period into text.

Pure functions (no Streamlit): a period is 'YYYY-MM', 'YYYY-MM-DD', a date or a Timestamp; a missing value gives
:data:`dashboard.core.fmt.NA`. Month names come from the translations (``ui.bulan_1`` … ``ui.bulan_12``).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.core import fmt
from dashboard.core.i18n import t

ROMAN = ("I", "II", "III", "IV")


def month_start(value: object) -> pd.Timestamp | None:
    """The first day of the month of ``value`` ('2026-03' or any date); None for a missing value."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, str) and len(value) == 7:
        value = value + "-01"
    ts = pd.Timestamp(value)  # type: ignore[arg-type]
    return None if pd.isna(ts) else ts.replace(day=1)


def month_name(month: int, lang: str) -> str:
    """3 -> 'Maret' / 'March'."""
    return t(f"ui.bulan_{int(month)}", lang)


def month_label(periode: object, lang: str) -> str:
    """'2026-03' -> 'Maret 2026' / 'March 2026'."""
    ts = month_start(periode)
    return fmt.NA if ts is None else f"{month_name(ts.month, lang)} {ts.year}"


def month_short(periode: object, lang: str, short_year: bool = False) -> str:
    """'2026-10' -> 'Okt 2026' / 'Oct 2026' ('Okt 26' with ``short_year``)."""
    ts = month_start(periode)
    if ts is None:
        return fmt.NA
    return f"{month_name(ts.month, lang)[:3]} {str(ts.year)[-2:] if short_year else ts.year}"


def date_label(day: object, lang: str) -> str:
    """'2026-03-31' -> '31 Maret 2026' / '31 March 2026'."""
    if day is None or (not isinstance(day, dt.date | str) and pd.isna(day)):
        return fmt.NA
    ts = pd.Timestamp(day)  # type: ignore[arg-type]
    return fmt.NA if pd.isna(ts) else f"{ts.day} {month_name(ts.month, lang)} {ts.year}"


def quarter(periode: object) -> int:
    """The quarter (1-4) of the month of ``periode``."""
    return (pd.Timestamp(month_start(periode)).month - 1) // 3 + 1


def quarter_number(periode: object, lang: str) -> str:
    """'I'…'IV' in Indonesian, '1'…'4' in English."""
    q = quarter(periode)
    return str(q) if lang == "en" else ROMAN[q - 1]


def quarter_label(periode: object, lang: str) -> str:
    """A quarter-end month of a year-to-date report -> 'Triwulan I 2026 (kumulatif)' / 'Q1 2026 (year to date)'."""
    ts = month_start(periode)
    if ts is None:
        return fmt.NA
    return t("ui.triwulan", lang, q=quarter_number(ts, lang), tahun=ts.year)


def period_short(periode: object, gran: str, lang: str) -> str:
    """Short label for chart axes and hovers: 'Okt 2026' (month), 'TW III 2026' / 'Q3 2026' (quarter), '2026'."""
    ts = pd.Timestamp(month_start(periode))
    if gran == "tahun":
        return str(ts.year)
    if gran == "triwulan":
        q = quarter(ts)
        return f"Q{q} {ts.year}" if lang == "en" else f"TW {ROMAN[q - 1]} {ts.year}"
    return month_short(ts, lang)
