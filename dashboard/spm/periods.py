"""Periods of the SPM data: month, quarter (official services: year-to-date) and year keys, shifts, and labels."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from dashboard.core import dates
from dashboard.core.i18n import t
from dashboard.core.reference import PERIODE_LAPORAN

GRANULARITAS = ("bulan", "triwulan", "tahun")


def as_date(value: object) -> dt.date:
    """'2026-03', '2026-03-01', a date or a Timestamp -> the first of that month."""
    if isinstance(value, str) and len(value) == 7:
        value = value + "-01"
    ts = pd.Timestamp(value)
    return dt.date(ts.year, ts.month, 1)


def grains(keluarga: str) -> tuple[str, ...]:
    """Grains a family can be shown at: official SPM rows are quarterly year-to-date (no monthly value)."""
    return ("triwulan", "tahun") if keluarga == "spm_resmi" else GRANULARITAS


def data_grain(keluarga: str, gran: str) -> str:
    """The grain whose rows hold a family's value when the page asks for ``gran`` (official: month -> quarter)."""
    return "triwulan" if keluarga == "spm_resmi" and gran == "bulan" else gran


def period_key(gran: str, month: object) -> dt.date:
    """The key of the period containing ``month``: the month, the quarter's last month, or December."""
    d = as_date(month)
    if gran == "bulan":
        return d
    if gran == "triwulan":
        return dt.date(d.year, ((d.month - 1) // 3 + 1) * 3, 1)
    if gran == "tahun":
        return dt.date(d.year, 12, 1)
    raise ValueError(gran)


def periodicity(keluarga: str, periode_laporan: str | None = None) -> str:
    """How a value is reported: the catalog's ``periode_laporan`` when given, else by family (official SPM services
    quarterly year-to-date, Posyandu monthly)."""
    if periode_laporan in PERIODE_LAPORAN:
        return str(periode_laporan)
    return "triwulanan_kumulatif" if keluarga == "spm_resmi" else "bulanan"


def x_position(gran: str, key: object) -> pd.Timestamp:
    """Where a period's point sits on a time axis: the middle of the period it is the key of (a month on its 15th,
    a quarter on the 15th of its middle month, a year on 1 July), so a yearly point sits at its own year."""
    d = period_key(gran, key)
    if gran == "bulan":
        return pd.Timestamp(d.year, d.month, 15)
    if gran == "triwulan":
        return pd.Timestamp(d.year, d.month - 1, 15)
    return pd.Timestamp(d.year, 7, 1)


def slot(gran: str, day: object) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The calendar span [start, end) of the month, quarter or year containing ``day`` (its slot on a time axis)."""
    ts = pd.Timestamp(day)  # type: ignore[arg-type]
    end = period_key(gran, ts)
    start = shift("bulan", end, -{"bulan": 0, "triwulan": 2, "tahun": 11}[gran])
    return pd.Timestamp(start), pd.Timestamp(shift("bulan", end, 1))


def same_quarter(series: pd.DataFrame, key: object) -> pd.DataFrame:
    """The rows of a quarterly series (column ``periode``) in the same quarter as ``key``, every year: a
    year-to-date value compared only with the same quarter of earlier years."""
    if series.empty:
        return series
    month = as_date(period_key("triwulan", key)).month
    return series[pd.to_datetime(series["periode"]).dt.month == month]


def shift(gran: str, key: object, n: int) -> dt.date:
    """The period key ``n`` periods after ``key`` (negative = earlier)."""
    step = {"bulan": 1, "triwulan": 3, "tahun": 12}[gran]
    d = as_date(key)
    months = d.year * 12 + (d.month - 1) + n * step
    return dt.date(months // 12, months % 12 + 1, 1)


def resolve(gran: str, month: object, available: list[object]) -> dt.date | None:
    """The latest available key at or before the period containing ``month`` (None when there is none)."""
    target = period_key(gran, month)
    keys = [as_date(k) for k in available]
    earlier = [k for k in keys if k <= target]
    return max(earlier) if earlier else None


def resolve_family(keluarga: str, gran: str, month: object, available: list[object]) -> dt.date | None:
    """Like :func:`resolve`, but an official family asked for a month gets the latest quarter-end at or before
    that month (its latest year-to-date report), not the quarter that contains it."""
    if data_grain(keluarga, gran) != gran:
        target = as_date(month)
        earlier = [k for k in (as_date(a) for a in available) if k <= target]
        return max(earlier) if earlier else None
    return resolve(gran, month, available)


def months_covered(keluarga: str, gran: str, key: object) -> tuple[dt.date, dt.date]:
    """First and last month a value covers (official rows are year-to-date, so they start in January)."""
    end = as_date(key)
    if keluarga == "spm_resmi" and gran != "bulan":
        return dt.date(end.year, 1, 1), end
    span = {"bulan": 0, "triwulan": 2, "tahun": 11}[gran]
    return shift("bulan", end, -span), end


def series_caption(keluarga: str, gran: str, lang: str, periode_laporan: str | None = None, key: object = None) -> str:
    """What each point of a series is, by periodicity: a month; a quarter year to date ('kumulatif sejak Januari');
    a year (an annual value is never captioned as cumulative). With ``key`` (an official quarter): only that quarter
    of every year is shown."""
    how = periodicity(keluarga, periode_laporan)
    if how == "tahunan":
        return t("spm.keterangan_tahunan", lang)
    if key is not None and how == "triwulanan_kumulatif":
        d = as_date(period_key("triwulan", key))
        q = dates.quarter_number(d, lang)
        return t("spm.keterangan_sama_triwulan", lang, q=q, bulan=dates.month_name(d.month, lang))
    gran = data_grain(keluarga, gran)
    if how == "triwulanan_kumulatif":
        return t(f"spm.keterangan_{'triwulan_kumulatif' if gran == 'triwulan' else 'tahun_kumulatif'}", lang)
    return t(f"spm.keterangan_{gran}", lang)


def period_label(gran: str, key: object, lang: str, keluarga: str | None = None, data_until: object = None,
                 periode_laporan: str | None = None) -> str:  # fmt: skip
    """'Maret 2026', 'Triwulan I 2026 (kumulatif)', 'Tahun 2026 (s.d. Triwulan I)', 'Triwulan IV 2026 (s.d.
    Oktober)' and their English forms (``data_until``: the last month of data behind the value)."""
    d = as_date(key)
    if gran == "bulan":
        return t("spm.label_bulan", lang, bulan=dates.month_name(d.month, lang), tahun=d.year)
    q = (d.month - 1) // 3 + 1
    roman = dates.ROMAN[q - 1] if lang != "en" else str(q)
    if periode_laporan == "tahunan":
        return t("spm.label_tahunan", lang, tahun=d.year)
    if gran == "triwulan":
        key_ = "spm.label_triwulan_kumulatif" if keluarga == "spm_resmi" else "spm.label_triwulan"
        label = t(key_, lang, q=roman, tahun=d.year)
    else:
        label = t("spm.label_tahun", lang, tahun=d.year)
    if data_until is not None and not pd.isna(data_until) and as_date(data_until) < d:
        until = as_date(data_until)
        uq = (until.month - 1) // 3 + 1
        part = (
            t("spm.label_sd_triwulan", lang, q=dates.ROMAN[uq - 1] if lang != "en" else uq)
            if keluarga == "spm_resmi"
            else t("spm.label_sd_bulan", lang, bulan=dates.month_name(until.month, lang))
        )
        label += f" ({part})"
    return label


