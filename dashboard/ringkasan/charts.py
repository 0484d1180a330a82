"""Chart of the overview page. Pure chart builders: DataFrame in, Plotly figure out (no Streamlit calls), so tests can inspect fig.data."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from dashboard.core import fmt
from dashboard.spm import palette
from dashboard.spm.categories import CategoryScheme
from dashboard.spm.charts import base_layout


def field_index_bar(df: pd.DataFrame, label_col: str, lang: str, scheme: CategoryScheme, title: str = "") -> go.Figure:
    """Horizontal bars of field indices (0-100) coloured by achievement category; legend names the scheme."""
    fig = go.Figure()
    data = df.iloc[::-1]  # first field at the top
    for cat in scheme.categories:
        part = data[data["kategori"] == cat.label]
        fig.add_bar(
            x=part["indeks"], y=part[label_col], orientation="h", name=cat.label, marker_color=cat.color,
            text=[fmt.persen(v, 1, lang) for v in part["indeks"]], textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f}%<extra>" + cat.label + "</extra>",
        )  # fmt: skip
    partial = data[data["kategori"].isna() & data["indeks"].notna()]  # a partial index (◐): its value, no category
    if len(partial):
        fig.add_bar(
            x=partial["indeks"], y=partial[label_col], orientation="h", name="◐", marker_color=palette.PARTIAL,
            text=[fmt.persen(v, 1, lang) + " ◐" for v in partial["indeks"]], textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{x:.1f}%<extra>◐</extra>",
        )  # fmt: skip
    missing = data[data["kategori"].isna() & data["indeks"].isna()]
    if len(missing):
        fig.add_bar(x=[0] * len(missing), y=missing[label_col], orientation="h", name=fmt.NA, marker_color=palette.NA)
    fig.update_xaxes(range=[0, 112], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_yaxes(categoryorder="array", categoryarray=list(data[label_col]))
    # the legend under the bars (not beside them): on a phone the bars and their value labels keep the width
    fig.update_layout(legend_title_text=scheme.name(lang), barmode="overlay", title=title or None,
                      legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, font=dict(size=12)))  # fmt: skip
    fig.update_yaxes(automargin=True)
    base_layout(fig, lang, height=130 + 42 * len(df))
    fig.update_layout(margin=dict(l=10, r=48, t=30, b=10))  # room for the value label of a bar near 100 %
    return fig
