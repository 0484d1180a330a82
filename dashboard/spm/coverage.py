"""Coverage of an aggregate: how many units its value stands on, and when it is only partial.

Every aggregated value (province, kab/kota, kecamatan; one indicator, a field, the index) says how many units of the
indicator's unit level reported out of how many exist (the marts' ``unit_ada``, ``unit_hitung``, ``unit_taksiran``,
``unit_persen``: kab/kota for a kab/kota service at the province, desa for a Posyandu indicator). Units in the value
are those with counts, reported or estimated from a known denominator (``unit_dasar = unit_hitung +
unit_taksiran``); a unit that reported only a percentage without a known denominator is not in the value. Below
``[agregat] ambang_kelengkapan_persen`` (default 80 %) of its units the value is partial (``sebagian``): shown, marked
and explained, but never ranked, categorised or counted as tuntas. A field index's completeness is the mean of its
services' (a service without data counts 0); the overall index's the mean of its fields'.

Pure functions: DataFrames in, DataFrames out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from dashboard.core import fmt
from dashboard.core.i18n import t
from dashboard.core.settings import settings

UNIT_COLUMNS = ("unit_ada", "unit_hitung", "unit_taksiran", "unit_persen")


def threshold() -> float:
    """The completeness (percent of units) below which an aggregate is partial."""
    return float(settings().agregat.ambang_kelengkapan_persen)


def unit_coverage(rows: pd.DataFrame, ambang: float | None = None) -> pd.DataFrame:
    """Add ``unit_dasar`` (units in the value), ``kelengkapan_unit`` (percent of the units that exist; NA without
    coverage columns or without a row) and ``sebagian`` (a value standing on less than ``ambang`` percent of its
    units) to rows of a mart (one indicator per row)."""
    ambang = threshold() if ambang is None else ambang
    out = rows.copy()
    for col in UNIT_COLUMNS:
        if col not in out.columns:
            out[col] = np.nan
        out[col] = pd.to_numeric(out[col], errors="coerce").astype(float)
    out["unit_dasar"] = out["unit_hitung"] + out["unit_taksiran"]
    ada = out["unit_ada"].where(out["unit_ada"] > 0)
    value = pd.to_numeric(out.get("capaian_persen"), errors="coerce") if "capaian_persen" in out else None
    has_value = value.notna() if value is not None else pd.Series(True, index=out.index)
    # a single unit's own value (a kab/kota's published percentage too) is whole: partial is for aggregates
    single = (out["unit_ada"] <= 1) & has_value
    out["kelengkapan_unit"] = (100.0 * out["unit_dasar"] / ada).clip(upper=100.0).mask(single, 100.0)
    out["sebagian"] = (has_value & (out["kelengkapan_unit"] < ambang)).fillna(False).astype(bool)
    return out


def service_share(services: pd.DataFrame) -> pd.Series:
    """Per service row, the share (0-1) of its units in its value, for a composite's completeness: the row's
    ``kelengkapan_unit``; a value without coverage columns counts whole; a service without a value counts 0."""
    has = services["indeks"].notna()
    share = services["kelengkapan_unit"] / 100.0 if "kelengkapan_unit" in services else pd.Series(np.nan, services.index)
    return share.where(share.notna(), has.astype(float)).where(has, 0.0)


def partial(kelengkapan: pd.Series, ambang: float | None = None) -> pd.Series:
    """True where a composite's completeness (percent) is below the threshold (NA completeness: not partial)."""
    ambang = threshold() if ambang is None else ambang
    return (pd.to_numeric(kelengkapan, errors="coerce") < ambang).fillna(False).astype(bool)


def rankable(values: pd.Series, rows: pd.DataFrame) -> pd.Series:
    """``values`` with the partial rows (``sebagian``) blanked: what a rank, a category or a tuntas count may use."""
    if "sebagian" not in rows.columns:
        return values
    return values.where(~rows["sebagian"].fillna(False).astype(bool))


UNIT_LABEL = {"posyandu_desa": "spm.unit_desa", "kab_kota": "spm.unit_kabkota", "provinsi": "spm.unit_provinsi"}


def describe_units(row: pd.Series | dict, level: str | None, lang: str = "id") -> str:
    """"12 dari 13 kab/kota dalam nilai; 2 ditaksir …; 1 hanya persen …" for one indicator's aggregate row; "" when
    the row has no coverage columns or is a single unit (unit_ada 1)."""
    ada = row.get("unit_ada")
    if ada is None or fmt.is_na(ada) or float(ada) <= 1:
        return ""
    dasar = int((row.get("unit_hitung") or 0) + (row.get("unit_taksiran") or 0))
    unit = t(UNIT_LABEL.get(str(level), "spm.unit_kabkota"), lang)
    parts = [t("spm.unit_dalam_nilai", lang, dasar=fmt.angka(dasar, lang=lang), ada=fmt.angka(int(ada), lang=lang),
               unit=unit)]  # fmt: skip
    if int(row.get("unit_taksiran") or 0):
        parts.append(t("spm.unit_taksiran", lang, n=fmt.angka(int(row["unit_taksiran"]), lang=lang)))
    if int(row.get("unit_persen") or 0):
        parts.append(t("spm.unit_persen_saja", lang, n=fmt.angka(int(row["unit_persen"]), lang=lang)))
    return "; ".join(parts)


def format_completeness(kelengkapan: object, lang: str = "id") -> str:
    """A completeness in percent for a caption: whole percents, one decimal below 10 % (so that 1 of 2.016 desa reads
    "0,0%" and 1 of 14 services "7,1%", not "0%" and "7%"); "–" without a figure."""
    if fmt.is_na(kelengkapan):
        return fmt.NA
    value = float(kelengkapan)
    return fmt.persen(value, 1 if value < 10 else 0, lang=lang)


def describe_completeness(kelengkapan: object, lang: str = "id") -> str:
    """"kelengkapan data 92%" beside a composite value."""
    return t("spm.kelengkapan_komposit", lang, persen=format_completeness(kelengkapan, lang))


def explain_partial(kelengkapan: float, lang: str = "id") -> str:
    """The sentence beside a partial value: what it stands on and what that means."""
    return t("spm.sebagian_penjelasan", lang, persen=format_completeness(kelengkapan, lang),
             ambang=fmt.persen(threshold(), 0, lang=lang))  # fmt: skip
