"""Pure chart builders for the early-warning page (DataFrame in, Plotly figure out; no Streamlit calls)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import dates, fmt
from dashboard.spm import palette
from dashboard.spm.charts import base_layout

NOW_COLOR = palette.SEKARANG
PROJ_COLOR = palette.PROYEKSI_AKHIR
RANGE_COLOR = palette.RENTANG_PROYEKSI
TARGET_COLOR = palette.TARGET
PAST_COLOR = palette.TAHUN_LALU


def _cap(v: object) -> float | None:
    return None if fmt.is_na(v) else min(float(v), 100.0)  # type: ignore[arg-type]


def warning_ranges(rows: pd.DataFrame, label_col: str, lang: str, labels: Mapping[str, str]) -> go.Figure:
    """Per warning row (top first): this year's value so far (hollow circle), the projected December value (diamond)
    with its plausible range (bar) and the target (green tick). Values above 100 % are drawn at 100 %.
    ``labels``: 'sekarang', 'proyeksi', 'rentang', 'target'."""
    data = rows.iloc[::-1]
    y = list(data[label_col])
    lo = [_cap(v) for v in data["bawah"]]
    hi = [_cap(v) for v in data["atas"]]
    fig = go.Figure()
    fig.add_bar(
        y=y, x=[(h - lo_) if h is not None and lo_ is not None else None for lo_, h in zip(lo, hi, strict=True)],
        base=lo, orientation="h", marker_color=RANGE_COLOR, name=labels["rentang"], width=0.5,
        customdata=[[fmt.persen(a, 1, lang), fmt.persen(b, 1, lang)] for a, b in zip(data["bawah"], data["atas"], strict=True)],
        hovertemplate="%{y}: %{customdata[0]} – %{customdata[1]}<extra>" + labels["rentang"] + "</extra>",
    )  # fmt: skip
    fig.add_scatter(
        y=y, x=[_cap(v) for v in data["capaian_persen"]], mode="markers", name=labels["sekarang"],
        marker=dict(symbol="circle-open", size=11, color=NOW_COLOR, line=dict(width=2)),
        text=[fmt.persen(v, 1, lang) for v in data["capaian_persen"]],
        hovertemplate="%{y}: %{text}<extra>" + labels["sekarang"] + "</extra>",
    )  # fmt: skip
    fig.add_scatter(
        y=y, x=[_cap(v) for v in data["proyeksi"]], mode="markers", name=labels["proyeksi"],
        marker=dict(symbol="diamond", size=12, color=PROJ_COLOR, line=dict(color="white", width=1)),
        text=[fmt.persen(v, 1, lang) for v in data["proyeksi"]],
        hovertemplate="%{y}: %{text}<extra>" + labels["proyeksi"] + "</extra>",
    )  # fmt: skip
    fig.add_scatter(
        y=y, x=[_cap(v) for v in data["target"]], mode="markers", name=labels["target"],
        marker=dict(symbol="line-ns", size=18, color=TARGET_COLOR, line=dict(width=3, color=TARGET_COLOR)),
        text=[fmt.persen(v, 0, lang) for v in data["target"]],
        hovertemplate="%{y}: %{text}<extra>" + labels["target"] + "</extra>",
    )  # fmt: skip
    fig.update_xaxes(range=[0, 105], ticksuffix="%", gridcolor=palette.GRID)
    # each row's name above its marks, from the left edge: on a 390 px phone names on the axis would leave no room for
    # the marks; here the whole width stays for the 0–100 % scale at every screen size
    fig.update_yaxes(categoryorder="array", categoryarray=y, showticklabels=False)
    for name in y:
        fig.add_annotation(x=0, xref="paper", y=name, yref="y", text=name, showarrow=False, xanchor="left",
                           yanchor="bottom", yshift=9, font=dict(size=13, color=palette.TEXT))  # fmt: skip
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.06, x=0), barmode="overlay")
    return base_layout(fig, lang, height=150 + 50 * len(rows))


def trajectory(series: pd.DataFrame, row: Mapping, lang: str, labels: Mapping[str, str]) -> go.Figure:
    """One service in one area: each earlier year's path through the year (grey), this year's (blue), the projected
    December value with its range (red) and the target (green dotted). ``series``: columns ``tahun``, ``bulan``,
    ``capaian_persen``; ``row``: a projection row. ``labels``: 'tahun_lalu', 'tahun_ini', 'proyeksi', 'target',
    'sumbu'."""
    fig = go.Figure()
    year = int(row["tahun"])
    months = list(range(1, 13))
    ticks = [dates.month_name(m, lang)[:3] for m in months]
    shown_past = False
    for y, g in series[series["tahun"] < year].groupby("tahun"):
        g = g.sort_values("bulan")
        fig.add_scatter(
            x=g["bulan"], y=[_cap(v) for v in g["capaian_persen"]], mode="lines", line=dict(color=PAST_COLOR, width=1.5),
            name=labels["tahun_lalu"], legendgroup="lalu", showlegend=not shown_past,
            hovertemplate=f"{int(y)} · %{{y:.1f}}%<extra></extra>",
        )  # fmt: skip
        shown_past = True
    now = series[series["tahun"] == year].sort_values("bulan")
    fig.add_scatter(
        x=now["bulan"], y=[_cap(v) for v in now["capaian_persen"]], mode="lines+markers", name=labels["tahun_ini"],
        line=dict(color=NOW_COLOR, width=3), hovertemplate=f"{year} · %{{y:.1f}}%<extra></extra>",
    )  # fmt: skip
    if not fmt.is_na(row.get("proyeksi")):
        p, lo, hi = _cap(row["proyeksi"]), _cap(row["bawah"]), _cap(row["atas"])
        fig.add_scatter(
            x=[12], y=[p], mode="markers", name=labels["proyeksi"],
            marker=dict(symbol="diamond", size=14, color=PROJ_COLOR),
            error_y=dict(type="data", symmetric=False, array=[(hi or p) - p], arrayminus=[p - (lo or p)], color=PROJ_COLOR,
                         thickness=2, width=8),
            text=[f"{fmt.persen(row['proyeksi'], 1, lang)} ({fmt.persen(row['bawah'], 1, lang)} – "
                  f"{fmt.persen(row['atas'], 1, lang)})"],
            hovertemplate="%{text}<extra>" + labels["proyeksi"] + "</extra>",
        )  # fmt: skip
        if not now.empty:
            last = now.iloc[-1]
            fig.add_scatter(x=[int(last["bulan"]), 12], y=[_cap(last["capaian_persen"]), p], mode="lines",
                            line=dict(color=PROJ_COLOR, dash="dash", width=2), showlegend=False, hoverinfo="skip")  # fmt: skip
    if not fmt.is_na(row.get("target")):
        fig.add_hline(y=_cap(row["target"]), line_dash="dot", line_color=TARGET_COLOR,
                      annotation_text=labels["target"], annotation_position="top left")  # fmt: skip
    fig.update_xaxes(tickvals=months, ticktext=ticks, range=[0.6, 12.4], gridcolor=palette.GRID)
    fig.update_yaxes(ticksuffix="%", gridcolor=palette.GRID, title=labels["sumbu"], rangemode="tozero")
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0))
    return base_layout(fig, lang, height=380)
