"""Data for the per-field page (bidang/bidang.py): every indicator of one SPM field (or the Posyandu transformation
panel) for an area and period, with coverage, gap, changes, a short trend and its confidence interval."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd

from dashboard.core import store
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import categories, coverage, league, periods, stats
from dashboard.spm.categories import CategoryScheme

TREND_POINTS = 12


def indicators_of(catalog: pd.DataFrame, bidang: str, area_is_province: bool) -> pd.DataFrame:
    """The field's indicators in catalog order; province-level services only for the province."""
    rows = catalog[catalog["kode_bidang"] == bidang]
    if not area_is_province:
        rows = rows[rows["level"] != "provinsi"]
    order = {"spm_resmi": 0, "posyandu": 1, "transformasi": 2}
    rows = rows.assign(_o=rows["keluarga"].map(order), _l=(rows["level"] == "provinsi").astype(int))
    return (
        rows.sort_values(["_o", "_l", "kode_indikator"], kind="stable")
        .drop(columns=["_o", "_l"])
        .reset_index(drop=True)
    )


def period_keys(families: list[str], gran: str, month: object) -> dict[str, dt.date | None]:
    """The period key of each family for the page's grain and month (the latest with data, see periods.resolve)."""
    return {k: periods.resolve_family(k, gran, month, league.available_periods(k, gran)) for k in families}


def indicator_table(
    indicators: pd.DataFrame,
    rows: pd.DataFrame,
    keys: dict[str, dt.date | None],
    gran: str,
    scheme: CategoryScheme,
) -> pd.DataFrame:
    """One row per indicator: value at its family's period key, previous period and same period a year before.

    ``rows``: ``tren_capaian_seri`` rows for one area (both the monthly and the quarterly grain as needed).
    Columns: capaian_persen (raw), capaian_tampil (capped at 100), lebih_100, sasaran, terlayani, gap
    (max(sasaran - terlayani, 0)), ci_lo/ci_hi (Wilson 95 %), indeks (0-100, higher is better), kategori, warna,
    delta_lalu and delta_tahun_lalu (percentage points on the shown, capped coverage; NA when either is missing),
    tren (list of the shown coverage over the last periods), periode (key), periode_data.
    """
    data = rows.copy()
    if len(data):
        data["periode"] = pd.to_datetime(data["periode"]).dt.date
    out = []
    for ind in indicators.itertuples(index=False):
        grain = periods.data_grain(ind.keluarga, gran)
        key = keys.get(ind.keluarga)
        mine = (
            data[(data["kode_indikator"] == ind.kode_indikator) & (data["granularitas"] == grain)]
            if len(data)
            else data
        )
        by_key = mine.set_index("periode") if len(mine) else pd.DataFrame()

        def at(k: dt.date | None, by_key: pd.DataFrame = by_key) -> pd.Series | None:
            if k is None or by_key.empty or k not in by_key.index:
                return None
            return by_key.loc[k]

        now = at(key)
        how = periods.periodicity(ind.keluarga, getattr(ind, "periode_laporan", None))
        # a year-to-date value is not comparable with the previous quarter's (Q3 Jan-Sep vs Q2 Jan-Jun): no delta
        ytd = how == "triwulanan_kumulatif" and grain == "triwulan"
        prev = at(periods.shift(grain, key, -1)) if key and not ytd else None
        year_ago = at(periods.shift("bulan", key, -12)) if key else None
        history = mine[mine["periode"] <= key] if key and len(mine) else mine.iloc[0:0]
        if ytd and len(history):
            # year-to-date values: the same quarter of each year (Q3 2023, Q3 2024, ...), never a Q1-Q4 sawtooth
            history = history[[p.month == key.month for p in history["periode"]]]
        history = history.sort_values("periode").tail(TREND_POINTS)
        shown = (
            pd.to_numeric(history["capaian_persen"], errors="coerce").clip(upper=100.0)
            if len(history)
            else pd.Series(dtype=float)
        )
        out.append(
            {
                "kode_indikator": ind.kode_indikator, "nama_id": ind.nama_id, "nama_en": ind.nama_en,
                "keluarga": ind.keluarga, "level": ind.level, "lebih_tinggi_lebih_baik": bool(ind.lebih_tinggi_lebih_baik),
                "periode": key if now is not None else None,
                "periode_data": now["periode_data"] if now is not None else None,
                "sasaran": now["sasaran"] if now is not None else pd.NA,
                "terlayani": now["terlayani"] if now is not None else pd.NA,
                "capaian_persen": now["capaian_persen"] if now is not None else np.nan,
                "capaian_lalu": prev["capaian_persen"] if prev is not None else np.nan,
                "capaian_tahun_lalu": year_ago["capaian_persen"] if year_ago is not None else np.nan,
                **{c: (now[c] if now is not None and c in now.index else np.nan) for c in coverage.UNIT_COLUMNS},
                "tren": [None if pd.isna(v) else round(float(v), 2) for v in shown],
            }
        )  # fmt: skip
    table = pd.DataFrame(out)
    if table.empty:
        return table
    for col in ("capaian_persen", "capaian_lalu", "capaian_tahun_lalu"):
        table[col] = pd.to_numeric(table[col], errors="coerce").astype(float)
    table["sasaran"] = pd.to_numeric(table["sasaran"], errors="coerce").astype("Int64")
    table["terlayani"] = pd.to_numeric(table["terlayani"], errors="coerce").astype("Int64")
    table["capaian_tampil"] = table["capaian_persen"].clip(lower=0.0, upper=100.0)
    table["lebih_100"] = (table["capaian_persen"] > 100).fillna(False).astype(bool)
    table["gap"] = (table["sasaran"] - table["terlayani"]).clip(lower=0)
    lo, hi = stats.wilson(table["terlayani"], table["sasaran"])
    table["ci_lo"], table["ci_hi"] = lo, hi
    higher = table["lebih_tinggi_lebih_baik"]
    table["indeks"] = table["capaian_tampil"].where(higher, 100.0 - table["capaian_tampil"])
    table["delta_lalu"] = table["capaian_tampil"] - table["capaian_lalu"].clip(upper=100.0)
    table["delta_tahun_lalu"] = table["capaian_tampil"] - table["capaian_tahun_lalu"].clip(upper=100.0)
    table = coverage.unit_coverage(table)  # kelengkapan_unit, sebagian: a partial value earns no category
    return categories.add_category(table, "indeks", scheme)


def field_score(table: pd.DataFrame, keluarga: str) -> dict:
    """The field score of one family in the table, as :func:`dashboard.spm.scoring.field_scores` forms it: ``skor``
    (mean of ``indeks``; official: the services of the SPM index, :func:`dashboard.spm.scoring.official_services`,
    the table holds province-level services only for the province, see :func:`indicators_of`), ``ada`` (services
    with data), ``total`` (services), ``kelengkapan`` (mean share of units in the values, a service without data 0)
    and ``sebagian`` (partial: no category)."""
    rows = table[table["keluarga"] == keluarga]
    if keluarga == "spm_resmi":
        rows = rows[rows["level"].isin(["kab_kota", "provinsi"])]
    have = rows["indeks"].dropna()
    kelengkapan = float(coverage.service_share(rows).mean() * 100.0) if len(rows) else None
    skor = float(have.mean()) if len(have) else None
    sebagian = skor is not None and kelengkapan is not None and kelengkapan < coverage.threshold()
    return {"skor": skor, "ada": len(have), "total": len(rows), "kelengkapan": kelengkapan, "sebagian": sebagian}


def load(
    area: str, bidang: str, gran: str, month: object, scheme: CategoryScheme, area_is_province: bool
) -> tuple[pd.DataFrame, dict]:
    """The indicator table of ``bidang`` for ``area`` and the period keys used per family (cached per warehouse
    version: every caller gets its own copy)."""
    return _load(area, bidang, gran, str(month), scheme, bool(area_is_province))


@store.cached()
def _load(area: str, bidang: str, gran: str, month: str, scheme: CategoryScheme, area_is_province: bool,
          ) -> tuple[pd.DataFrame, dict]:  # fmt: skip
    inds = indicators_of(spm_catalog.catalog(), bidang, area_is_province)
    families = list(dict.fromkeys(inds["keluarga"]))
    keys = period_keys(families, gran, month)
    grains = sorted({periods.data_grain(k, gran) for k in families}) or [gran]
    rows = store.run(
        "tren_capaian_seri", kode_wilayah=[area], kode_indikator=inds["kode_indikator"].tolist(), granularitas=grains
    )
    return indicator_table(inds, rows, keys, gran, scheme), keys
