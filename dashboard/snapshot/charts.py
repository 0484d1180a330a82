"""Pure chart builders of the snapshot's HTML file (Snapshot in, Plotly figure out; no Streamlit calls)."""

from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from dashboard.core.i18n import t
from dashboard.snapshot.data import ABU, Snapshot
from dashboard.spm.charts import base_layout


def _label(text: str, width: int = 22) -> str:
    """A long name on two or three short lines, so the bars keep their labels on a 390 px phone."""
    return "<br>".join(textwrap.wrap(text, width)[:3]) or text


def bars(s: Snapshot) -> go.Figure:
    """One horizontal bar per field (category colours; partial: the partial colour; no data: no bar, '–') or per
    flood-sensitive service (now; the baseline and the lowest value as markers), first row at the top."""
    rows = list(reversed(s.baris))
    labels = [_label(b.label) for b in rows]
    fig = go.Figure()
    fig.add_bar(
        x=[b.nilai if b.nilai is not None else 0 for b in rows], y=labels, orientation="h",
        marker=dict(color=[b.warna or ABU for b in rows], line=dict(color="#616161", width=1)),
        text=[b.teks for b in rows], textposition="outside", cliponaxis=False,
        name=t("snapshot.seri_kini" if s.jenis == "banjir" else "snapshot.seri_indeks", s.lang),
        hovertext=[f"{b.label}: {b.teks}<br>{b.catatan}" for b in rows], hoverinfo="text",
    )  # fmt: skip
    if s.jenis == "banjir":
        for attr, key, symbol, color in (("penanda", "snapshot.seri_baseline", "line-ns", "#212121"),
                                         ("terendah", "snapshot.seri_terendah", "x", "#c62828")):  # fmt: skip
            points = [(getattr(b, attr), lab) for b, lab in zip(rows, labels, strict=True) if getattr(b, attr) is not None]
            if points:
                fig.add_scatter(
                    x=[p[0] for p in points], y=[p[1] for p in points], mode="markers", name=t(key, s.lang),
                    marker=dict(symbol=symbol, size=16, color=color, line=dict(color=color, width=3)),
                    hovertemplate="%{y}: %{x:.1f}%<extra>" + t(key, s.lang) + "</extra>",
                )  # fmt: skip
    fig.update_xaxes(range=[0, 125], ticksuffix="%", gridcolor="#eeeeee", tickvals=[0, 25, 50, 75, 100])
    fig.update_yaxes(categoryorder="array", categoryarray=labels, automargin=True, tickfont=dict(size=14))
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.08, x=0), showlegend=s.jenis == "banjir",
                      bargap=0.35)  # fmt: skip
    fig = base_layout(fig, s.lang, height=110 + 58 * len(rows))
    fig.update_layout(margin=dict(l=6, r=6, t=10, b=10), font=dict(size=15))
    return fig
