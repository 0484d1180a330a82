"""Pure chart builders of the snapshot's HTML file (Snapshot in, Plotly figure out; no Streamlit calls)."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from dashboard.core.i18n import t
from dashboard.snapshot.data import ABU, Snapshot
from dashboard.spm import palette
from dashboard.spm.charts import base_layout


def _label(text: str, width: int = 38) -> str:
    """A long name on at most two lines above its bar, so a 390 px phone keeps the whole width for the bars."""
    lines = textwrap.wrap(text, width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder=" …")]
    return "<br>".join(lines) or text


ROW = 84  # px per row: the name above, the bar below


def bars(s: Snapshot) -> go.Figure:
    """One horizontal bar per field (category colours; partial: the partial colour, outlined; no data: no bar, '–') or
    per flood-sensitive service (now; the baseline and the lowest value as markers), first row at the top. Names sit
    above their bars and values in a column on the right, so nothing overlaps at 390 px."""
    n = len(s.baris)
    ys = list(range(n))[::-1]  # the first row at the top
    fig = go.Figure()
    fig.add_bar(
        x=[b.nilai if b.nilai is not None else 0 for b in s.baris], y=ys, orientation="h", width=0.34,
        marker=dict(color=[b.warna or ABU for b in s.baris], line=dict(color=palette.SNAP_BAR_EDGE, width=1)),
        name=t("snapshot.seri_kini" if s.jenis == "banjir" else "snapshot.seri_indeks", s.lang),
        hovertext=[f"{b.label}: {b.teks}<br>{b.catatan}" for b in s.baris], hoverinfo="text",
    )  # fmt: skip
    if s.jenis == "banjir":
        for attr, key, symbol, color in (("penanda", "snapshot.seri_baseline", "line-ns", palette.SNAP_TEXT),
                                         ("terendah", "snapshot.seri_terendah", "x-thin", palette.TERBURUK)):  # fmt: skip
            points = [(getattr(b, attr), y) for b, y in zip(s.baris, ys, strict=True) if getattr(b, attr) is not None]
            if points:
                fig.add_scatter(
                    x=[p[0] for p in points], y=[p[1] for p in points], mode="markers", name=t(key, s.lang),
                    marker=dict(symbol=symbol, size=14, color=color, line=dict(color=color, width=3)),
                    hovertemplate="%{x:.1f}%<extra>" + t(key, s.lang) + "</extra>",
                )  # fmt: skip
    for b, y in zip(s.baris, ys, strict=True):
        fig.add_annotation(x=0, y=y + 0.26, text=_label(b.label), showarrow=False, xanchor="left", yanchor="bottom",
                           align="left", font=dict(size=15, color=palette.SNAP_TEXT))  # fmt: skip
        fig.add_annotation(x=101, y=y, text=f"<b>{b.teks}</b>", showarrow=False, xanchor="left", font=dict(size=15),
                           xref="x", yref="y")  # fmt: skip
    # the values stand in the right column; the grid marks 50 % and the 100 % target without tick labels
    fig.update_xaxes(range=[0, 128], gridcolor=palette.SNAP_BORDER, tickvals=[50, 100], showticklabels=False, fixedrange=True)
    fig.update_yaxes(showticklabels=False, range=[-0.6, n - 0.05], fixedrange=True, showgrid=False, zeroline=False)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.04, x=0), showlegend=s.jenis == "banjir",
                      dragmode=False)  # fmt: skip
    fig = base_layout(fig, s.lang, height=70 + ROW * n + (40 if s.jenis == "banjir" else 0))
    fig.update_layout(margin=dict(l=4, r=4, t=6, b=10), font=dict(size=15))
    return fig
