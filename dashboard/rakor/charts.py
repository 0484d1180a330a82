"""Charts of the projector view (pure: a screen's material in, Plotly figure out; no Streamlit)."""

from __future__ import annotations

import plotly.graph_objects as go

from dashboard.core import fmt
from dashboard.rakor.content import Grafik, Ubin
from dashboard.spm import palette
from dashboard.spm.charts import number_format


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
            textposition="outside", textfont_size=16,
        )  # fmt: skip
    fig.update_layout(
        title=dict(text=g.judul, font_size=20), barmode="stack" if g.tumpuk else "group", height=max(320, 46 * len(g.kategori) + 140),
        margin=dict(l=10, r=40, t=50, b=10), separators=fmt.plotly_separators(lang), font_size=16,
        legend=dict(orientation="h", y=-0.12), showlegend=len(g.seri) > 1,
    )  # fmt: skip
    fig.update_yaxes(autorange="reversed")
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
                           font_size=12)  # fmt: skip
    rows = max(u.baris for u in tiles) + 1
    cols = max(u.kolom for u in tiles) + 1
    fig.update_xaxes(visible=False, range=[-0.05, cols])
    fig.update_yaxes(visible=False, range=[-rows - 0.05, 0.05], scaleanchor="x")
    fig.update_layout(height=300, margin=dict(l=0, r=0, t=10, b=0), plot_bgcolor="white")
    return fig
