"""Pure chart builders for the planner pages (DataFrame in, Plotly figure out; no Streamlit calls)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import dates, fmt
from dashboard.perencanaan.data import KOMPONEN
from dashboard.spm import palette
from dashboard.spm.charts import base_layout

KOMPONEN_WARNA = palette.KOMPONEN  # the score components: the same colours on the deck and the brief
AREA_COLOR = palette.ACCENT
PROV_COLOR = palette.PROVINCE
FLAG_COLOR = palette.MUTU["buruk"]


def field_position(profile: pd.DataFrame, label_col: str, lang: str, labels: Mapping[str, str]) -> go.Figure:
    """Per field: the area's index (bar), the province's (black diamond) and the 100 % target (dotted line).
    ``labels``: 'wilayah', 'provinsi', 'target'."""
    data = profile.iloc[::-1]
    fig = go.Figure()
    fig.add_bar(
        x=data["indeks"].fillna(0), y=data[label_col], orientation="h", name=labels["wilayah"], marker_color=AREA_COLOR,
        text=[fmt.persen(v, 1, lang) for v in data["indeks"]], textposition="inside", insidetextanchor="start",
        textfont=dict(color="white"), hovertemplate="%{y}: %{text}<extra>" + labels["wilayah"] + "</extra>",
    )  # fmt: skip
    fig.add_scatter(
        x=data["indeks_provinsi"], y=data[label_col], mode="markers", name=labels["provinsi"],
        marker=dict(symbol="diamond", size=13, color=PROV_COLOR, line=dict(color="white", width=1)),
        hovertemplate="%{y}: %{x:.1f}%<extra>" + labels["provinsi"] + "</extra>",
    )  # fmt: skip
    fig.add_vline(
        x=100, line_dash="dot", line_color=palette.GUIDE, annotation_text=labels["target"], annotation_position="top left"
    )  # left of the line: the label is not cut at the chart's right edge on a phone
    fig.update_xaxes(range=[0, 115], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_yaxes(categoryorder="array", categoryarray=list(data[label_col]))
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0), barmode="overlay")
    return base_layout(fig, lang, height=110 + 46 * len(profile))


def completeness_bars(series: pd.DataFrame, lang: str, y_title: str) -> go.Figure:
    """Monthly reporting completeness (percent of desa that reported) as bars, oldest first."""
    data = series.sort_values("periode")
    x = [dates.month_short(p, lang) for p in data["periode"]]
    colors = [
        palette.MUTU["baik"] if v >= 80 else (palette.MUTU["sedang"] if v >= 50 else FLAG_COLOR)
        for v in data["kelengkapan_persen"].fillna(0)
    ]
    fig = go.Figure(
        go.Bar(
            x=x, y=data["kelengkapan_persen"], marker_color=colors,
            customdata=list(zip(data["desa_melapor"], data["desa_aktif"], strict=True)),
            hovertemplate="%{x}: %{y:.1f}% (%{customdata[0]}/%{customdata[1]})<extra></extra>",
        )
    )  # fmt: skip
    fig.update_yaxes(range=[0, 105], ticksuffix="%", title=y_title, gridcolor=palette.GRID)
    return base_layout(fig, lang, height=260)


def priority_components(
    table: pd.DataFrame, label_col: str, lang: str, labels: Mapping[str, str], top: int = 15
) -> go.Figure:
    """The score of the first ``top`` problems split into the weighted contribution of each component (stacked bars,
    highest score at the top). ``labels``: one per component plus 'skor'."""
    data = table.head(top).iloc[::-1]
    names = [f"{int(r)}. {n}" for r, n in zip(data["peringkat"], data[label_col], strict=True)]
    fig = go.Figure()
    for comp in KOMPONEN:
        fig.add_bar(
            x=data[f"c_{comp}"], y=names, orientation="h", name=labels[comp], marker_color=KOMPONEN_WARNA[comp],
            hovertemplate="%{y}<br>" + labels[comp] + ": %{x:.1f}<extra></extra>",
        )  # fmt: skip
    fig.add_scatter(
        x=data["skor"], y=names, mode="text", text=[fmt.angka(v, 1, lang) for v in data["skor"]],
        textposition="middle right", showlegend=False, hoverinfo="skip",
    )  # fmt: skip
    fig.update_layout(barmode="stack", legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, traceorder="normal"))
    fig.update_xaxes(range=[0, 110], title=labels["skor"], gridcolor=palette.GRID)
    fig.update_yaxes(categoryorder="array", categoryarray=names, automargin=True)
    return base_layout(fig, lang, height=130 + 30 * len(data))


def pareto(parts: pd.DataFrame, name_col: str, lang: str, labels: Mapping[str, str], top: int = 20) -> go.Figure:
    """Unserved people per child area (bars, most first) and the cumulative share (line, right axis).
    ``labels``: 'belum', 'kumulatif'."""
    data = parts.head(top)
    fig = go.Figure()
    fig.add_bar(x=data[name_col], y=data["belum"], name=labels["belum"], marker_color=palette.KOMPONEN["belum"],
                hovertemplate="%{x}: %{y:,.0f}<extra></extra>")  # fmt: skip
    fig.add_scatter(
        x=data[name_col], y=data["porsi_kumulatif"], name=labels["kumulatif"], yaxis="y2", mode="lines+markers",
        line=dict(color=PROV_COLOR), hovertemplate="%{x}: %{y:.1f}%<extra></extra>",
    )  # fmt: skip
    fig.update_layout(
        yaxis=dict(title=labels["belum"], gridcolor=palette.GRID, rangemode="tozero"),
        yaxis2=dict(overlaying="y", side="right", range=[0, 105], tickvals=[0, 25, 50, 75, 100], ticksuffix="%",
                    showgrid=False),
        legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0),
    )  # fmt: skip
    fig.update_xaxes(tickangle=-45, automargin=True)
    return base_layout(fig, lang, height=400)


def budget_scatter(df: pd.DataFrame, lang: str, labels: Mapping[str, str], ambang_realisasi: float,
                   ambang_capaian: float) -> go.Figure:  # fmt: skip
    """Realisation rate (x) against field coverage (y) per kab/kota and field; flagged points red, the two
    thresholds as dotted lines. ``df`` needs 'label', 'realisasi_persen', 'indeks', 'perhatian'.
    ``labels``: 'x', 'y', 'perhatian', 'lain', 'ambang'."""
    fig = go.Figure()
    for flag, name, color in ((False, labels["lain"], AREA_COLOR), (True, labels["perhatian"], FLAG_COLOR)):
        part = df[df["perhatian"] == flag]
        fig.add_scatter(
            x=part["realisasi_persen"], y=part["indeks"], mode="markers", name=name, text=part["label"],
            marker=dict(size=11, color=color, opacity=0.8, line=dict(color="white", width=1)),
            hovertemplate="%{text}<br>" + labels["x"] + ": %{x:.1f}%<br>" + labels["y"] + ": %{y:.1f}%<extra></extra>",
        )  # fmt: skip
    fig.add_vline(x=ambang_realisasi, line_dash="dot", line_color=palette.GUIDE)
    fig.add_hline(y=ambang_capaian, line_dash="dot", line_color=palette.GUIDE)
    fig.add_annotation(x=ambang_realisasi, y=0, text=labels["ambang"], showarrow=False, xanchor="right", yanchor="bottom",
                       font=dict(size=11, color=palette.TEXT_MUTED))  # fmt: skip
    fig.update_xaxes(title=labels["x"], ticksuffix="%", gridcolor=palette.GRID, range=[0, 105])
    fig.update_yaxes(title=labels["y"], ticksuffix="%", gridcolor=palette.GRID, range=[0, 105])
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.18, x=0))
    return base_layout(fig, lang, height=420)
