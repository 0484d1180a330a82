"""Data quality: completeness, timeliness, outliers, consistency, and a data-quality score per kab/kota.

Data functions read the marts through :func:`dashboard.core.store.run` (cached per warehouse version); the rules that
depend on today's date or on the settings ([kualitas] in data/pengaturan.toml) are small pure functions, and the
chart builders are pure too (DataFrame in, Plotly figure out, no Streamlit calls).

Data-quality score (0-100) of a kab/kota for a month ``periode`` (:func:`quality_scores`), over the window of
``bulan_jendela`` months ending at ``periode``:

* kelengkapan (completeness): mean over the months of the share of the kab/kota's desa/kelurahan that sent any
  monthly Posyandu report (mart_kelengkapan, indicator '*'), in percent;
* ketepatan (timeliness): the kab/kota SPM rows of the last quarter ending at or before ``periode``: 100 delivered by
  the e-SPM deadline (the 20th of the month after the quarter), 50 delivered late, 0 nothing delivered after the
  deadline; no value while the deadline has not passed or when the rows are sample data (no real delivery time);
* konsistensi (consistency): 100 × (1 − rows with a consistency finding / reported rows) in the window, all levels;
* pencilan (outliers): 100 × (1 − rows with |robust z| > ambang_z / reported rows) in the window;

skor = Σ bobot_k × komponen_k / Σ bobot_k over the components that have a value (weights [kualitas.bobot]).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import asdict, replace

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import dates, fmt, store
from dashboard.core.settings import Kualitas, settings
from dashboard.spm import coverage, palette

ALL_PERIODS = ("1900-01-01", "9999-12-01")  # awal, akhir that cover every month
COMPONENTS = ("kelengkapan", "ketepatan", "konsistensi", "pencilan")
TIMELINESS_POINTS = {"tepat_waktu": 100.0, "terlambat": 50.0, "tidak_dikirim": 0.0}
STATUS_COLORS = palette.LAPOR


# mart_riwayat_nilai keeps only the candidate rows beyond these floors (so it stays small); lower settings act as them
Z_FLOOR, JUMP_FLOOR = 2.0, 0.2


def config() -> Kualitas:
    """The [kualitas] settings, the thresholds raised to their floors."""
    cfg = settings().kualitas
    return replace(
        cfg, ambang_z=max(cfg.ambang_z, Z_FLOOR), ambang_lompatan_sasaran=max(cfg.ambang_lompatan_sasaran, JUMP_FLOOR)
    )


def month_start(periode: object) -> pd.Timestamp:
    """'2026-03', '2026-03-01', a date or Timestamp -> Timestamp('2026-03-01')."""
    ts = pd.Timestamp(str(periode)[:7] + "-01") if isinstance(periode, str) else pd.Timestamp(periode)
    return ts.to_period("M").to_timestamp()


def window(periode: object, months: int | None = None) -> tuple[str, str]:
    """First and last month ('YYYY-MM-DD') of the ``months`` months ending at ``periode``."""
    months = months or config().bulan_jendela
    end = month_start(periode)
    start = end - pd.DateOffset(months=months - 1)
    return start.date().isoformat(), end.date().isoformat()


def quarter_end(periode: object) -> pd.Timestamp:
    """The last quarter-end month at or before ``periode`` (2026-02 -> 2025-12, 2026-03 -> 2026-03)."""
    ts = month_start(periode)
    return ts - pd.DateOffset(months=ts.month % 3)


# --- completeness ------------------------------------------------------------------------------------------------


def monthly_indicators() -> pd.DataFrame:
    return store.run("kualitas_indikator_bulanan")


def completeness(tingkat: str, induk: str, indikator: str = "*") -> pd.DataFrame:
    """Completeness per month of the areas at ``tingkat`` directly below ``induk`` (the heat map's data)."""
    return store.run("kualitas_kelengkapan", tingkat=tingkat, induk=induk, indikator=indikator)


def missing_desa(periode: object, kode_wilayah: str, indikator: str = "*") -> pd.DataFrame:
    """The desa/kelurahan under ``kode_wilayah`` without a report of ``indikator`` in month ``periode``."""
    return store.run(
        "kualitas_desa_belum_lapor", periode=month_start(periode).date().isoformat(), kode_wilayah=kode_wilayah,
        indikator=indikator,
    )  # fmt: skip


# --- timeliness ----------------------------------------------------------------------------------------------------


def timeliness_status(frame: pd.DataFrame, today: dt.date | None = None) -> pd.DataFrame:
    """Add ``status_akhir``: a quarter without rows is 'tidak_dikirim' once its deadline has passed, else
    'belum_jatuh_tempo'; and ``poin`` (100 on time, 50 late, 0 not delivered, NA otherwise)."""
    today = today or dt.date.today()
    out = frame.copy()
    deadline = pd.to_datetime(out["tenggat"]).dt.date
    out["status_akhir"] = out["status"].where(
        out["status"] != "belum_ada", ["tidak_dikirim" if d < today else "belum_jatuh_tempo" for d in deadline]
    )
    out["poin"] = out["status_akhir"].map(TIMELINESS_POINTS).astype("float64")
    return out


def timeliness(kabkota: str | None = None, today: dt.date | None = None) -> pd.DataFrame:
    """Delivery of kab/kota SPM data per (kab/kota, quarter) against the e-SPM deadline, newest quarter first
    (cached per warehouse version and day)."""
    return _timeliness(kabkota, today or dt.date.today())


@store.cached(max_entries=100)
def _timeliness(kabkota: str | None, today: dt.date) -> pd.DataFrame:
    return timeliness_status(store.run("kualitas_ketepatan", kabkota=kabkota, kode_provinsi=store.provinsi_kode()), today)


# --- outliers and consistency ------------------------------------------------------------------------------------


def outliers(awal: str, akhir: str, kabkota: str | None = None) -> pd.DataFrame:
    cfg = config()
    return store.run(
        "kualitas_pencilan", ambang_z=cfg.ambang_z, min_riwayat=cfg.min_riwayat, awal=awal,
        akhir=akhir, kabkota=kabkota, kode_provinsi=store.provinsi_kode(),
    )  # fmt: skip


def consistency(awal: str, akhir: str, kabkota: str | None = None) -> pd.DataFrame:
    cfg = config()
    return store.run(
        "kualitas_konsistensi", awal=awal, akhir=akhir, kabkota=kabkota, kode_provinsi=store.provinsi_kode(),
        ambang_lompatan=cfg.ambang_lompatan_sasaran, min_selisih=cfg.min_selisih_sasaran,
    )  # fmt: skip


# --- the score -----------------------------------------------------------------------------------------------------


def score_frame(components: pd.DataFrame, timely: pd.DataFrame, weights: dict[str, float]) -> pd.DataFrame:
    """Pure: the score table from the per-kab/kota inputs (kualitas_skor_komponen) and the timeliness points of
    the quarter that counts (one row per kab/kota with ``kode_kabkota``, ``poin``, ``status_akhir``)."""
    out = components.copy()
    rows = out["baris"].astype("float64")
    has_rows = rows > 0
    out["kelengkapan"] = out["kelengkapan"].astype("float64").where(out["bulan_kelengkapan"] > 0)
    out["konsistensi"] = (100.0 * (1 - out["baris_temuan"].clip(upper=out["baris"]) / rows)).where(has_rows)
    out["pencilan"] = (100.0 * (1 - out["baris_pencilan"] / rows)).where(has_rows)
    points = timely.set_index("kode_kabkota") if len(timely) else pd.DataFrame(columns=["poin", "status_akhir"])
    out["ketepatan"] = out["kode"].map(points["poin"]).astype("float64")
    out["status_ketepatan"] = out["kode"].map(points["status_akhir"])
    values = out[list(COMPONENTS)].astype("float64")
    w = pd.Series(weights, dtype="float64")[list(COMPONENTS)]
    weight_sum = values.notna().mul(w, axis=1).sum(axis=1)
    out["skor"] = (values.fillna(0).mul(w, axis=1).sum(axis=1) / weight_sum).where(weight_sum > 0)
    out["komponen"] = values.notna().sum(axis=1)
    return out[["kode", "nama_lengkap", "skor", *COMPONENTS, "komponen", "status_ketepatan", "baris", "baris_temuan",
                "baris_pencilan"]]  # fmt: skip


def quality_scores(periode: object, today: dt.date | None = None) -> pd.DataFrame:
    """Data-quality score per kab/kota for the month ``periode`` (see the module docstring for the formula).

    Columns: kode, nama_lengkap, skor (0-100, NA without any component), kelengkapan, ketepatan, konsistensi,
    pencilan (each 0-100 or NA), komponen (how many components counted), status_ketepatan, baris, baris_temuan,
    baris_pencilan. One row per kab/kota, in code order.
    """
    cfg = config()
    return _quality_scores(month_start(periode).date().isoformat(), today or dt.date.today(), cfg)


@store.cached(max_entries=100)
def _quality_scores(periode: str, today: dt.date, cfg: Kualitas) -> pd.DataFrame:
    awal, akhir = window(periode, cfg.bulan_jendela)
    components = store.run(
        "kualitas_skor_komponen", awal=awal, akhir=akhir, kode_provinsi=store.provinsi_kode(), ambang_z=cfg.ambang_z,
        min_riwayat=cfg.min_riwayat, ambang_lompatan=cfg.ambang_lompatan_sasaran, min_selisih=cfg.min_selisih_sasaran,
    )  # fmt: skip
    timely = timeliness(None, today)
    quarter = quarter_end(periode)
    timely = timely[pd.to_datetime(timely["periode_triwulan"]) == quarter]
    return score_frame(components, timely, asdict(cfg.bobot))


# --- charts (pure) -------------------------------------------------------------------------------------------------


def heatmap(tingkat: str, induk: str, indikator: str, first: str, last: str, label_col: str, lang: str,
            title: str = "", hover_reported: str = "", hover_active: str = "") -> go.Figure:  # fmt: skip
    """:func:`completeness_heatmap` of the areas at ``tingkat`` under ``induk`` for the months ``first``..``last``,
    months labelled by :func:`dashboard.core.dates.month_short`; built once per warehouse version and kept (callers
    must not change the figure)."""
    return _heatmap(tingkat, induk, indikator, first, last, label_col, lang, title, hover_reported, hover_active)  # fmt: skip


@store.cached(max_entries=100, keep_object=True)
def _heatmap(tingkat: str, induk: str, indikator: str, first: str, last: str, label_col: str, lang: str, title: str,
             hover_reported: str, hover_active: str) -> go.Figure:  # fmt: skip
    grid = completeness(tingkat, induk, indikator)
    grid = grid[(grid["periode"] >= pd.Timestamp(first)) & (grid["periode"] <= pd.Timestamp(last))]
    label = functools.partial(dates.month_short, lang=lang, short_year=True)
    return completeness_heatmap(grid, label_col, lang, label, title, hover_reported, hover_active)


def completeness_heatmap(df: pd.DataFrame, label_col: str, lang: str, month_label, title: str = "",
                         hover_reported: str = "", hover_active: str = "") -> go.Figure:  # fmt: skip
    """Heat map of completeness (%): one row per area (in the order given), one column per month.

    ``month_label`` turns a month into its axis label; the cell text is the percentage.
    """
    from dashboard.spm import charts as spm_charts

    data = df.copy()
    data["bulan"] = [month_label(p) for p in data["periode"]]
    months = list(dict.fromkeys(data.sort_values("periode")["bulan"]))
    areas = list(dict.fromkeys(data[label_col]))
    pivot = data.pivot_table(index=label_col, columns="bulan", values="kelengkapan_persen", aggfunc="first")
    pivot = pivot.reindex(index=areas, columns=months)
    reported = data.pivot_table(index=label_col, columns="bulan", values="desa_melapor", aggfunc="first")
    active = data.pivot_table(index=label_col, columns="bulan", values="desa_aktif", aggfunc="first")
    reported = reported.reindex(index=areas, columns=months)
    active = active.reindex(index=areas, columns=months)
    text = [[fmt.persen(v, 0, lang) if pd.notna(v) else fmt.NA for v in row] for row in pivot.to_numpy()]
    custom = [
        [[r, a] for r, a in zip(rr, aa, strict=True)]
        for rr, aa in zip(reported.to_numpy(), active.to_numpy(), strict=True)
    ]
    fig = go.Figure(
        go.Heatmap(
            z=pivot.to_numpy(dtype="float64"), x=months, y=areas, text=text, texttemplate="%{text}",
            customdata=custom, zmin=0, zmax=100, colorscale="RdYlGn", xgap=2, ygap=2,
            colorbar=dict(ticksuffix="%", title=None),
            hovertemplate="%{y}<br>%{x}: %{text}<br>" + hover_reported + ": %{customdata[0]} / %{customdata[1]} "
            + hover_active + "<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", type="category")
    fig.update_xaxes(type="category")
    fig.update_layout(title=title or None)
    return spm_charts.base_layout(fig, lang, height=90 + 34 * max(len(areas), 1))


def score_bar(scores: pd.DataFrame, lang: str, title: str = "") -> go.Figure:
    """Horizontal bars of the data-quality score per kab/kota, best at the top."""
    from dashboard.spm import charts as spm_charts

    data = scores.sort_values("skor", ascending=True, na_position="first")
    colors = [
        palette.NA if pd.isna(v) else palette.MUTU["baik"] if v >= 80 else palette.MUTU["sedang"] if v >= 60 else palette.MUTU["buruk"]
        for v in data["skor"]
    ]
    fig = go.Figure(
        go.Bar(
            x=data["skor"].astype("float64").fillna(0), y=data["nama_lengkap"], orientation="h", marker_color=colors,
            text=[fmt.angka(v, 1, lang) if pd.notna(v) else fmt.NA for v in data["skor"]], textposition="outside",
            cliponaxis=False, hovertemplate="%{y}: %{text}<extra></extra>",
        )
    )  # fmt: skip
    fig.update_xaxes(range=[0, 108], gridcolor=palette.GRID)
    fig.update_layout(title=title or None, showlegend=False)
    return spm_charts.base_layout(fig, lang, height=60 + 30 * len(data))


# --- coverage of aggregates ------------------------------------------------------------------------------------------


def aggregate_coverage(periode: object, kabkota: str | None = None) -> pd.DataFrame:
    """One row per aggregate value (the province's and the kab/kota's) of the month ``periode`` (official services:
    its quarter-end key) with its coverage (``unit_*``), ``kelengkapan_unit`` and ``sebagian``, the partial ones
    first, then by completeness: the same rule as every page (:mod:`dashboard.spm.coverage`)."""
    rows = store.run("kualitas_cakupan_agregat", kode_provinsi=store.provinsi_kode(), kabkota=kabkota,
                     periode_triwulan=quarter_end(periode).date(), periode_bulan=month_start(periode).date())  # fmt: skip
    if rows.empty:
        return rows.assign(kelengkapan_unit=pd.Series(dtype=float), sebagian=pd.Series(dtype=bool))
    out = coverage.unit_coverage(rows)
    return out.sort_values(["sebagian", "kelengkapan_unit", "kode_wilayah", "kode_indikator"],
                           ascending=[False, True, True, True], kind="stable").reset_index(drop=True)  # fmt: skip
