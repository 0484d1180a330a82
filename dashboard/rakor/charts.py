"""Charts of the projector view (pure: a screen's material in, Plotly figure out; no Streamlit)."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.core import fmt
from dashboard.rakor.content import Grafik, Ubin
from dashboard.spm import palette
from dashboard.spm.charts import _text_color, number_format

# Room-readable type (issue 15): chart text at least 18 px, dark on light.
FONT = 20
TEXT = palette.TEXT


def bar_figure(g: Grafik, lang: str) -> go.Figure:
    """A screen's bar chart for the projector: large labels, values at the bars, category colours."""
    fig = go.Figure()
    for i, (name, values) in enumerate(g.seri):
        colors = None
        if g.warna and len(g.seri) == 1:
            colors = [palette.fill(c) for c in g.warna]
        elif g.warna_seri and i < len(g.warna_seri):
            colors = g.warna_seri[i]
        fig.add_bar(
            y=g.kategori, x=values, name=name, orientation="h", marker_color=colors,
            text=None if g.tumpuk else [fmt.angka(v, 1, lang) if v is not None else fmt.NA for v in values],
            textposition="outside", textfont=dict(size=FONT, color=TEXT), cliponaxis=False,
        )  # fmt: skip
    legend = len(g.seri) > 1
    # 40 px a bar (20 px labels): a screen of 13 kab/kota fits a 1080 px projector under its headline
    per_bar = 40 if g.tumpuk or len(g.seri) == 1 else 32 * len(g.seri)  # grouped bars: one row per series
    height = max(300, per_bar * len(g.kategori) + 130) + (70 if legend else 0)
    fig.update_layout(
        title=dict(text=g.judul, font=dict(size=FONT + 4, color=TEXT)), barmode="stack" if g.tumpuk else "group",
        height=height, margin=dict(l=10, r=70, t=56, b=110 if legend else 10),
        separators=fmt.plotly_separators(lang), font=dict(size=FONT, color=TEXT),
        # at the foot of the figure, below the axis labels (never over them)
        legend=dict(orientation="h", yref="container", yanchor="bottom", y=0, xref="container", x=0, traceorder="normal",
                    font=dict(size=FONT, color=TEXT)),
        showlegend=legend,
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=FONT, color=TEXT))
    fig.update_xaxes(tickfont=dict(size=FONT, color=TEXT))
    number_format(fig, lang)  # Indonesian separators, no "150k"
    if g.maks is not None:
        fig.update_xaxes(range=[0, g.maks * 1.08])
    return fig


def tile_figure(tiles: list[Ubin]) -> go.Figure:
    """The kab/kota tile map of a screen (one coloured square per district, its value inside)."""
    fig = go.Figure()
    for u in tiles:
        fig.add_shape(type="rect", x0=u.kolom, x1=u.kolom + 0.95, y0=-u.baris, y1=-u.baris - 0.95, fillcolor=u.warna,
                      line_width=0)  # fmt: skip
        fig.add_annotation(x=u.kolom + 0.475, y=-u.baris - 0.475, text=f"<b>{u.label}</b><br>{u.nilai}", showarrow=False,
                           font=dict(size=FONT - 2, color=_text_color(u.warna)))  # fmt: skip
    rows = max(u.baris for u in tiles) + 1
    cols = max(u.kolom for u in tiles) + 1
    fig.update_xaxes(visible=False, range=[-0.05, cols])
    fig.update_yaxes(visible=False, range=[-rows - 0.05, 0.05], scaleanchor="x")
    fig.update_layout(height=max(340, 100 * rows), margin=dict(l=0, r=0, t=10, b=0), plot_bgcolor="white")
    return fig
