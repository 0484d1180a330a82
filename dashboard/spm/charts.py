"""Pure chart builders for the field, ranking and trend pages: DataFrame in, Plotly figure out (no Streamlit).

Every figure follows the app's base layout (dashboard/charts.py), uses the language's number separators, names the
category scheme in its legend when it colours by category, and stays offline (no map tiles, no CDN topojson).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from dashboard.core import dates, fmt
from dashboard.core.i18n import data_text
from dashboard.spm import palette
from dashboard.spm import periods as spm_periods
from dashboard.spm.categories import CategoryScheme
from dashboard.spm.stats import Z95, Z998, funnel_limits

FONT = "Source Sans Pro, Arial, sans-serif"


def base_layout(fig: go.Figure, lang: str, height: int = 360) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=10, r=10, t=30, b=10),
        separators=fmt.plotly_separators(lang),
        font=dict(family=FONT, size=14),
        plot_bgcolor="white",
        paper_bgcolor="white",
    )
    return number_format(fig, lang)


def number_format(fig: go.Figure, lang: str) -> go.Figure:
    """Numbers on axes and colour bars in the language's own format: full numbers with its separators ("150.000" in
    Indonesian), never Plotly's SI suffixes ("150k", "1.5M"), which are English abbreviations."""
    fig.update_layout(separators=fmt.plotly_separators(lang))
    fig.update_xaxes(exponentformat="none", separatethousands=True)
    fig.update_yaxes(exponentformat="none", separatethousands=True)
    fig.update_coloraxes(colorbar_exponentformat="none", colorbar_separatethousands=True)
    fig.for_each_trace(lambda tr: tr.update(colorbar=dict(exponentformat="none", separatethousands=True))
                       if "colorbar" in tr and tr.colorbar is not None and "showscale" in tr and tr.showscale is not False
                       else None)  # fmt: skip
    _month_ticks(fig, lang)
    return fig


def _month_ticks(fig: go.Figure, lang: str, max_ticks: int = 8) -> None:
    """A date x axis without ticks of its own gets month ticks named in the language ('Mei 2026', 'Agu 2026'):
    Plotly names months in English whatever the page's language."""
    import datetime as dt

    for axis_name in [k for k in fig.layout.to_plotly_json() if k.startswith("xaxis")] or ["xaxis"]:
        axis = fig.layout[axis_name]
        if axis.tickvals is not None or axis.type == "category":
            continue
        ref = "x" + axis_name[5:]
        months: set[pd.Timestamp] = set()
        for tr in fig.data:
            if (getattr(tr, "xaxis", None) or "x") != ref or getattr(tr, "x", None) is None:
                continue
            values = list(tr.x)
            if not values or not all(isinstance(v, (dt.date, np.datetime64, pd.Timestamp)) for v in values):
                continue
            months |= {pd.Timestamp(v).to_period("M").to_timestamp() for v in values if not pd.isna(v)}
        if len(months) < 2:
            continue
        span = pd.period_range(min(months), max(months), freq="M").to_timestamp()
        most = axis.nticks or max_ticks  # a chart that asked for fewer ticks (a phone-width heat map) keeps its number
        step = next((k for k in (1, 2, 3, 4, 6, 12, 24, 48) if len(span) / k <= most), 48)
        chosen = [m for m in span if (m.month - 1) % step == 0] if 12 % step == 0 else list(span[::step])
        chosen = chosen or list(span[::step])
        text = [dates.month_short(m, lang) for m in chosen]
        if axis.tickformat and "<br>" in axis.tickformat:  # the chart asked for month over year
            text = [two_lines(x) for x in text]
        axis.update(tickvals=chosen, ticktext=text)


# every colour comes from the one palette (dashboard/spm/palette.py); the names below are kept for the callers
NA_COLOR = palette.NA
PARTIAL_COLOR = palette.PARTIAL  # a partial value (too few units): shown, never in a category colour
SELECT_COLOR = palette.SELECT
NEIGHBOUR_COLOR = palette.NEIGHBOUR
FLOOD_COLOR = palette.FLOOD_FILL
FLOOD_LINE = palette.FLOOD_LINE
SERIES_COLORS = palette.SERIES
CONTINUOUS_SCALE = "RdYlGn"
TILE_SIZE = 62
YOY_COLORS = palette.YOY  # latest year, the year before, two years before; older = grey


def _text_color(hex_color: str | None) -> str:
    """Black or white text, whichever reads better on ``hex_color``."""
    return palette.text_on(hex_color)


def _color_range(values: pd.Series) -> tuple[float, float]:
    """Colour scale limits for 'value' colouring: the observed range (so small differences stay visible)."""
    vals = pd.to_numeric(values, errors="coerce").dropna()
    if vals.empty:
        return 0.0, 100.0
    lo, hi = float(vals.min()), float(vals.max())
    return (lo - 1.0, hi + 1.0) if hi - lo < 1e-9 else (lo, hi)


def _value_text(values: Sequence[object], lang: str, percent: bool = True) -> list[str]:
    return [fmt.persen(v, 1, lang) if percent else fmt.angka(v, 1, lang) for v in values]


# --- tile map --------------------------------------------------------------------------------------


def tile_map(
    df: pd.DataFrame,
    lang: str,
    scheme: CategoryScheme,
    *,
    mode: str = "kategori",
    selected: str | None = None,
    neighbours: Sequence[str] = (),
    value_col: str = "skor",
    metric_label: str = "",
    reverse_scale: bool = False,
    na_label: str = fmt.NA,
    partial_label: str = "◐",
    scale_title: str | None = None,
) -> go.Figure:
    """Equal square tiles of the kab/kota at (tile_baris, tile_kolom), coloured by category or by value, labelled
    with ``singkatan`` and the value (followed by ⚠ when ``lebih_100``: a value capped from above 100 %); every tile
    carries its ``kode_wilayah`` in customdata (click to select)."""
    data = df.dropna(subset=["tile_baris", "tile_kolom"]).copy()
    data["x"] = data["tile_kolom"].astype(float)
    data["y"] = data["tile_baris"].astype(float)
    over = data["lebih_100"].fillna(False).astype(bool) if "lebih_100" in data else pd.Series(False, index=data.index)
    part_of = (data["sebagian"].fillna(False).astype(bool) & data[value_col].notna()) if "sebagian" in data \
        else pd.Series(False, index=data.index)  # fmt: skip
    data["label"] = [
        f"<b>{s}</b><br>{fmt.persen(v, 1, lang) if pd.notna(v) else fmt.NA}{' ⚠' if o else ''}{' ◐' if p else ''}"
        for s, v, o, p in zip(data["singkatan"], data[value_col], over, part_of, strict=True)
    ]
    hover = (
        "<b>%{customdata[1]}</b><br>" + (metric_label or "") + " %{customdata[2]}<br>%{customdata[3]}<extra></extra>"
    )

    def custom(part: pd.DataFrame) -> np.ndarray:
        cats = [c if isinstance(c, str) else (partial_label if part_of[i] else na_label)
                for i, c in zip(part.index, part.get("kategori", pd.Series([None] * len(part), index=part.index)),
                                strict=True)]  # fmt: skip
        return np.column_stack(
            [part["kode_wilayah"], part["nama_lengkap"],
             [fmt.persen(v, 1, lang) + (" ⚠ >100%" if o else "") for v, o in zip(part[value_col], over[part.index], strict=True)],
             cats]  # fmt: skip
        )

    def outline(part: pd.DataFrame) -> dict:
        return dict(width=1, color=palette.WHITE)

    fig = go.Figure()
    if mode == "kategori":
        for cat in scheme.categories:
            part = data[data["kategori"] == cat.label]
            if part.empty:
                continue
            fig.add_scatter(
                x=part["x"], y=part["y"], mode="markers+text", name=cat.label, text=part["label"],
                textfont=dict(color=_text_color(cat.color), size=12), textposition="middle center",
                marker=dict(symbol="square", size=TILE_SIZE, color=cat.color, line=outline(part)),
                customdata=custom(part), hovertemplate=hover, legendgroup="kategori",
                legendgrouptitle_text=scheme.name(lang),
            )  # fmt: skip
        partial = data[data["kategori"].isna() & part_of]
        if len(partial):  # a value standing on too few units: shown, but with no category colour
            fig.add_scatter(
                x=partial["x"], y=partial["y"], mode="markers+text", name=partial_label, text=partial["label"],
                textfont=dict(color=palette.REFERENCE, size=12), textposition="middle center",
                marker=dict(symbol="square", size=TILE_SIZE, color=PARTIAL_COLOR, line=outline(partial)),
                customdata=custom(partial), hovertemplate=hover,
            )  # fmt: skip
        missing = data[data["kategori"].isna() & ~part_of]
    else:
        have = data[data[value_col].notna()]
        if len(have):
            fig.add_scatter(
                x=have["x"], y=have["y"], mode="markers+text", name=metric_label or value_col, text=have["label"],
                textfont=dict(size=12, color=palette.TEXT), textposition="middle center",
                marker=dict(
                    symbol="square", size=TILE_SIZE, color=have[value_col].astype(float),
                    cmin=_color_range(have[value_col])[0], cmax=_color_range(have[value_col])[1],
                    colorscale=CONTINUOUS_SCALE, reversescale=reverse_scale, line=outline(have),
                    colorbar=dict(title=dict(text=scale_title or metric_label, side="right"), ticksuffix="%", thickness=12, len=0.8),
                ),
                customdata=custom(have), hovertemplate=hover, showlegend=False,
            )  # fmt: skip
        missing = data[data[value_col].isna()]
    if len(missing):
        fig.add_scatter(
            x=missing["x"], y=missing["y"], mode="markers+text", name=na_label, text=missing["label"],
            textfont=dict(color=palette.REFERENCE, size=12), textposition="middle center",
            marker=dict(symbol="square", size=TILE_SIZE, color=NA_COLOR, line=outline(missing)),
            customdata=custom(missing), hovertemplate=hover, showlegend=mode == "kategori",
        )  # fmt: skip
    for codes, width, color in (
        ([c for c in neighbours if c != selected], 3, NEIGHBOUR_COLOR),
        ([selected], 4.5, SELECT_COLOR),
    ):
        ring = data[data["kode_wilayah"].isin([c for c in codes if c])]
        if len(ring):  # highlight as an open square on top, so the legend keeps plain category swatches
            fig.add_scatter(
                x=ring["x"], y=ring["y"], mode="markers", showlegend=False, hovertemplate=hover, customdata=custom(ring),
                marker=dict(symbol="square-open", size=TILE_SIZE + 1, color=color, line=dict(width=width, color=color)),
                name="sorot",
            )  # fmt: skip
    cols = int(data["x"].max()) if len(data) else 3
    rows = int(data["y"].max()) if len(data) else 4
    fig.update_xaxes(range=[-0.6, cols + 0.6], visible=False, fixedrange=True)
    fig.update_yaxes(range=[rows + 0.6, -0.6], visible=False, fixedrange=True, scaleanchor="x", scaleratio=1)
    fig.update_layout(
        legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, font=dict(size=12)),
        dragmode=False, clickmode="event+select",
    )  # fmt: skip
    base_layout(fig, lang, height=470 if mode == "kategori" else 430)
    fig.update_layout(margin=dict(l=4, r=4, t=8, b=4))
    return fig


def choropleth(
    df: pd.DataFrame,
    geojson: dict,
    lang: str,
    scheme: CategoryScheme,
    *,
    mode: str = "kategori",
    selected: str | None = None,
    value_col: str = "skor",
    metric_label: str = "",
    reverse_scale: bool = False,
    na_label: str = fmt.NA,
    partial_label: str = "◐",
    scale_title: str | None = None,
) -> go.Figure:
    """A real choropleth of the kab/kota boundaries (``properties.kode``) on a blank 'white-bg' map (renders offline)."""
    data = df.copy()
    data["nilai_teks"] = [fmt.persen(v, 1, lang) for v in data[value_col]]
    partial = (data["sebagian"].fillna(False).astype(bool) & data[value_col].notna()) if "sebagian" in data \
        else pd.Series(False, index=data.index)  # fmt: skip
    data["kategori_teks"] = [c if isinstance(c, str) else (partial_label if p else na_label)
                             for c, p in zip(data["kategori"], partial, strict=True)]  # fmt: skip
    props = [f["properties"] for f in geojson.get("features", [])]
    lats = [p["center_lat"] for p in props if "center_lat" in p]
    lons = [p["center_lon"] for p in props if "center_lon" in p]
    center = dict(lat=float(np.mean(lats)), lon=float(np.mean(lons))) if lats else dict(lat=-2.9, lon=115.3)
    common = dict(
        geojson=geojson, locations="kode_wilayah", featureidkey="properties.kode", map_style="white-bg",
        center=center, zoom=6.2, opacity=0.9, custom_data=["kode_wilayah", "nama_lengkap", "nilai_teks", "kategori_teks"],
    )  # fmt: skip
    if mode == "kategori":
        colors = {c.label: c.color for c in scheme.categories} | {partial_label: PARTIAL_COLOR, na_label: NA_COLOR}
        order = [c.label for c in scheme.categories] + [partial_label, na_label]
        fig = px.choropleth_map(
            data, color="kategori_teks", color_discrete_map=colors, category_orders={"kategori_teks": order}, **common
        )
        fig.update_layout(legend_title_text=scheme.name(lang))
    else:
        fig = px.choropleth_map(
            data, color=value_col, range_color=_color_range(data[value_col]),
            color_continuous_scale=CONTINUOUS_SCALE + ("_r" if reverse_scale else ""), **common,
        )  # fmt: skip
        fig.update_layout(coloraxis_colorbar=dict(title=dict(text=scale_title or metric_label), ticksuffix="%"))
    hover = (
        "<b>%{customdata[1]}</b><br>" + (metric_label or "") + " %{customdata[2]}<br>%{customdata[3]}<extra></extra>"
    )
    fig.update_traces(hovertemplate=hover, marker_line_width=0.8, marker_line_color=palette.WHITE)
    if selected:
        sel = data[data["kode_wilayah"] == selected]
        if len(sel):
            fig.add_choroplethmap(
                geojson=geojson, locations=sel["kode_wilayah"], featureidkey="properties.kode", z=[1],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]], showscale=False,
                marker_line_width=3.5, marker_line_color=SELECT_COLOR, hoverinfo="skip", name="",
            )  # fmt: skip
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.02, x=0, font=dict(size=12)))
    base_layout(fig, lang, height=470)
    fig.update_layout(margin=dict(l=4, r=4, t=8, b=4))
    return fig


def selected_area(event: object) -> str | None:
    """The kab/kota code of the first clicked tile/polygon in a ``st.plotly_chart`` selection event (or None)."""
    if not event:
        return None
    try:
        points = event["selection"]["points"]  # type: ignore[index]
    except (KeyError, TypeError):
        return None
    for point in points or []:
        custom = point.get("customdata")
        if isinstance(custom, (list, tuple)) and custom:
            return str(custom[0])
        if isinstance(custom, str):
            return custom
        if point.get("location"):
            return str(point["location"])
    return None


# --- league charts ---------------------------------------------------------------------------------


def ci_chart(
    table: pd.DataFrame,
    lang: str,
    scheme: CategoryScheme,
    *,
    province_value: float | None = None,
    province_label: str = "",
    selected: str | None = None,
    neighbours: Sequence[str] = (),
    metric_label: str = "",
) -> go.Figure:
    """Score with its 95 % confidence interval for each ranked kab/kota (best at the top), coloured by category,
    with the province value as a vertical line (a 'caterpillar' plot)."""
    data = table[table["skor"].notna()].copy()
    data = data.iloc[::-1]
    fig = go.Figure()
    for cat in scheme.categories:
        part = data[data["kategori"] == cat.label]
        if part.empty:
            continue
        fig.add_scatter(
            x=part["skor"], y=part["nama_lengkap"], mode="markers", name=cat.label,
            marker=dict(color=cat.color, size=11, line=dict(width=0.5, color=palette.WHITE)),
            error_x=dict(type="data", symmetric=False, array=(part["ci_hi"] - part["skor"]).clip(lower=0),
                         arrayminus=(part["skor"] - part["ci_lo"]).clip(lower=0), color=palette.REFERENCE, thickness=1.5, width=4),
            customdata=np.column_stack([_value_text(part["ci_lo"], lang), _value_text(part["ci_hi"], lang),
                                        part["peringkat"].astype("string").fillna(fmt.NA)]),
            hovertemplate="<b>%{y}</b><br>" + metric_label + " %{x:.1f}%<br>IK/CI 95%: %{customdata[0]} – %{customdata[1]}"
                          "<br>#%{customdata[2]}<extra>" + cat.label + "</extra>",
            legendgroup="kategori", legendgrouptitle_text=scheme.name(lang),
        )  # fmt: skip
    for codes, size, width, color in (
        ([c for c in neighbours if c != selected], 14, 2, NEIGHBOUR_COLOR),
        ([selected], 17, 3, SELECT_COLOR),
    ):
        ring = data[data["kode_wilayah"].isin([c for c in codes if c])]
        if len(ring):
            fig.add_scatter(
                x=ring["skor"], y=ring["nama_lengkap"], mode="markers", showlegend=False, hoverinfo="skip", name="sorot",
                marker=dict(symbol="circle-open", size=size, color=color, line=dict(width=width, color=color)),
            )  # fmt: skip
    if province_value is not None and pd.notna(province_value):
        fig.add_vline(x=float(province_value), line_dash="dash", line_color=palette.REFERENCE)
        fig.add_scatter(
            x=[None], y=[None], mode="lines", line=dict(color=palette.REFERENCE, dash="dash"),
            name=f"{province_label} {fmt.persen(province_value, 1, lang)}",
        )  # fmt: skip
    labels = list(data["nama_lengkap"])
    fig.update_yaxes(categoryorder="array", categoryarray=labels, tickfont=dict(size=12), automargin=True,
                     ticklabelstandoff=8)  # the names clear of the lowest whisker
    if selected in set(data["kode_wilayah"]):
        name = data.loc[data["kode_wilayah"] == selected, "nama_lengkap"].iloc[0]
        fig.update_yaxes(ticktext=[f"<b>{n}</b>" if n == name else n for n in labels], tickvals=labels)
    fig.update_xaxes(range=value_range([*data["ci_lo"], *data["ci_hi"], province_value]), ticksuffix="%",
                     gridcolor=palette.GRID)  # fmt: skip
    fig.update_layout(legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=12)))
    base_layout(fig, lang, height=150 + 30 * max(len(data), 1))
    fig.update_layout(margin=dict(l=10, r=20, t=70, b=10))
    return fig


FUNNEL_COLORS = palette.FUNNEL


def funnel_chart(
    points: pd.DataFrame,
    p0: float | None,
    lang: str,
    *,
    labels: dict[str, str],
    selected: str | None = None,
    lower_is_better: bool = False,
    phi: float = 1.0,
    title: str = "",
) -> go.Figure:
    """Coverage against sasaran (log x) with the province value and its 95 % and 99.8 % control limits (widened by
    sqrt(phi) when an overdispersion factor ``phi`` > 1 is given).

    ``labels``: texts for 'provinsi', 'batas_95', 'batas_998', the five positions ('atas_998' ... 'bawah_998'),
    'sumbu_x' and 'sumbu_y'. For a lower-is-better indicator 'above' means worse; the colours say so.
    """
    fig = go.Figure()
    if p0 is not None and len(points):
        n_min = max(1.0, float(points["sasaran"].min()) / 2.0)
        n_max = float(points["sasaran"].max()) * 2.0
        n = np.logspace(np.log10(n_min), np.log10(n_max), 160)
        for z, key, dash in ((Z998, "batas_998", "dot"), (Z95, "batas_95", "dash")):
            lo, hi = funnel_limits(p0, n, z, phi)
            fig.add_scatter(x=n, y=hi, mode="lines", name=labels[key], line=dict(color=palette.GUIDE, dash=dash, width=1.5),
                            legendgroup=key, hoverinfo="skip")  # fmt: skip
            fig.add_scatter(x=n, y=lo, mode="lines", name=labels[key], line=dict(color=palette.GUIDE, dash=dash, width=1.5),
                            legendgroup=key, showlegend=False, hoverinfo="skip")  # fmt: skip
        fig.add_scatter(x=[n_min, n_max], y=[p0, p0], mode="lines", name=f"{labels['provinsi']} {fmt.persen(p0, 1, lang)}",
                        line=dict(color=palette.REFERENCE, width=2), hoverinfo="skip")  # fmt: skip
    order = ["atas_998", "atas_95", "dalam", "bawah_95", "bawah_998"]
    swap = {
        "atas_998": "bawah_998",
        "atas_95": "bawah_95",
        "bawah_95": "atas_95",
        "bawah_998": "atas_998",
        "dalam": "dalam",
    }
    for pos in order:
        part = points[points["posisi_funnel"] == pos]
        if part.empty:
            continue
        color = FUNNEL_COLORS[swap[pos] if lower_is_better else pos]
        fig.add_scatter(
            # names only where they tell something (outside the 95 % limits, or the selected area): inside the funnel
            # they would sit on the limit lines and on each other; every point keeps its name in the hover
            x=part["sasaran"], y=part["capaian"], mode="markers+text", name=labels[pos],
            text=[a if (pos != "dalam" or k == selected) else "" for a, k in zip(part["singkatan"], part["kode_wilayah"], strict=True)],
            textposition="top center", textfont=dict(size=12, color=palette.SNAP_TEXT, shadow="1px 1px 2px " + palette.WHITE),
            cliponaxis=False,
            marker=dict(color=color, size=[15 if k == selected else 10 for k in part["kode_wilayah"]],
                        line=dict(width=[3 if k == selected else 0.5 for k in part["kode_wilayah"]], color=SELECT_COLOR)),
            customdata=np.column_stack([part["kode_wilayah"], part["nama_lengkap"], [fmt.angka(v, 0, lang) for v in part["sasaran"]],
                                        [fmt.angka(v, 0, lang) for v in part["terlayani"]]]),
            hovertemplate="<b>%{customdata[1]}</b><br>%{y:.1f}% (%{customdata[3]} / %{customdata[2]})<extra>" + labels[pos] + "</extra>",
        )  # fmt: skip
    ticks = _log_ticks(points["sasaran"].min() / 2.0, points["sasaran"].max() * 2.0) if len(points) else []
    fig.update_xaxes(type="log", title=labels.get("sumbu_x"), gridcolor=palette.GRID, tickvals=ticks,
                     ticktext=[fmt.angka(v, 0, lang) for v in ticks])  # fmt: skip
    shown = list(points["capaian"]) + ([p0] if p0 is not None else [])
    if p0 is not None and len(points):
        lo998, hi998 = funnel_limits(p0, [float(points["sasaran"].min())], Z998, phi)
        shown += [float(lo998[0]), float(hi998[0])]
    fig.update_yaxes(
        range=value_range(shown, upper=None), ticksuffix="%", title=labels.get("sumbu_y"), gridcolor=palette.GRID
    )
    fig.update_layout(
        title=title or None, legend=dict(orientation="h", yanchor="top", y=-0.22, x=0, font=dict(size=12))
    )
    base_layout(fig, lang, height=480)
    fig.update_layout(margin=dict(l=10, r=10, t=40 if title else 30, b=10))
    return fig


def value_range(values: Sequence[object], upper: float | None = 104.0) -> list[float]:
    """An axis range (percent) that fits ``values`` with a margin, never below 0 (nor above ``upper`` if given)."""
    vals = [float(v) for v in values if v is not None and not pd.isna(v)]
    if not vals:
        return [0.0, upper or 104.0]
    lo, hi = min(vals), max(vals)
    pad = max(1.0, 0.08 * (hi - lo))
    top = hi + pad if upper is None else min(upper, hi + pad)
    return [max(0.0, lo - pad), max(top, lo + 2 * pad)]


def _log_ticks(lo: float, hi: float) -> list[float]:
    """1-2-5 ticks between lo and hi for a log axis."""
    out = []
    if not (lo > 0 and hi > lo):
        return out
    for e in range(int(np.floor(np.log10(lo))), int(np.ceil(np.log10(hi))) + 1):
        for m in (1, 2, 5):
            v = m * 10.0**e
            if lo <= v <= hi:
                out.append(v)
    return out


# --- field page ------------------------------------------------------------------------------------


def indicator_bars(
    df: pd.DataFrame,
    lang: str,
    scheme: CategoryScheme,
    *,
    label_col: str,
    flag_text: str,
    title: str = "",
    na_label: str = fmt.NA,
) -> go.Figure:
    """Horizontal bars of each indicator's coverage (capped at 100 %), coloured by category, with the 95 % CI and a
    warning marker where the raw coverage is above 100 %. Rows: capaian_tampil, capaian_persen, ci_lo, ci_hi,
    kategori, lebih_100 and ``label_col`` (first row at the top)."""
    data = df.iloc[::-1].copy()
    fig = go.Figure()
    for cat in scheme.categories:
        part = data[data["kategori"] == cat.label]
        if part.empty:
            continue
        fig.add_bar(
            x=part["capaian_tampil"], y=part[label_col], orientation="h", name=cat.label, marker_color=cat.color,
            error_x=dict(type="data", symmetric=False, array=(part["ci_hi"].clip(upper=100) - part["capaian_tampil"]).clip(lower=0).fillna(0),
                         arrayminus=(part["capaian_tampil"] - part["ci_lo"]).clip(lower=0).fillna(0), color=palette.REFERENCE, thickness=1.2, width=3),
            # the value inside the bar, at its start: outside it would sit on the interval's whisker
            text=_value_text(part["capaian_tampil"], lang), textposition="inside", insidetextanchor="start",
            textfont=dict(color=_text_color(cat.color)), cliponaxis=False,
            customdata=np.column_stack([_value_text(part["capaian_persen"], lang)]),
            hovertemplate="%{y}<br>%{x:.1f}% (%{customdata[0]})<extra>" + cat.label + "</extra>",
            legendgroup="kategori", legendgrouptitle_text=scheme.name(lang),
        )  # fmt: skip
    missing = data[data["kategori"].isna()]
    if len(missing):
        fig.add_bar(x=[0] * len(missing), y=missing[label_col], orientation="h", name=na_label, marker_color=NA_COLOR,
                    text=[fmt.NA] * len(missing), textposition="outside", hoverinfo="skip")  # fmt: skip
    over = data[data["lebih_100"].astype(bool)]
    if len(over):
        fig.add_scatter(
            x=[112] * len(over), y=over[label_col], mode="text", text=["⚠"] * len(over), name=flag_text,
            textfont=dict(size=16, color=palette.WARN), customdata=np.column_stack([_value_text(over["capaian_persen"], lang)]),
            hovertemplate=flag_text + ": %{customdata[0]}<extra></extra>",
        )  # fmt: skip
    fig.update_xaxes(range=[0, 118], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_yaxes(
        categoryorder="array", categoryarray=list(data[label_col]), tickfont=dict(size=12), automargin=True
    )
    fig.update_layout(barmode="overlay", title=title or None, uniformtext=dict(minsize=11, mode="show"),
                      legend=dict(orientation="h", yanchor="bottom", y=1.0, x=0, font=dict(size=12)))  # fmt: skip
    base_layout(fig, lang, height=130 + 34 * max(len(data), 1))
    fig.update_layout(margin=dict(l=10, r=10, t=60 if not title else 80, b=10))
    return fig


# --- time axes -------------------------------------------------------------------------------------


def add_flood_bands(
    fig: go.Figure, floods: pd.DataFrame | None, label: str, *, until: object = None, gran: str | None = None,
    lang: str = "id",
) -> go.Figure:
    """Shade each flood event (tanggal_mulai..tanggal_selesai; open events run to ``until``) on the time axis, with a
    legend entry ``label`` and the event name on hover of the band's top marker. With ``gran`` (the axis grain, whose
    points sit in the middle of their period) a band covers the whole months, quarters or years the event touched, so
    it lines up with the points of those periods (a January 2021 flood covers the 2021 point on a yearly axis)."""
    if floods is None or floods.empty:
        return fig
    shown = False
    for ev in floods.itertuples(index=False):
        start = pd.Timestamp(ev.tanggal_mulai)
        end = (
            pd.Timestamp(ev.tanggal_selesai)
            if pd.notna(ev.tanggal_selesai)
            else pd.Timestamp(until or pd.Timestamp.today())
        )
        if end <= start:
            end = start + pd.Timedelta(days=1)
        x0, x1 = (spm_periods.slot(gran, start)[0], spm_periods.slot(gran, end)[1]) if gran else (start, end)
        fig.add_vrect(x0=x0, x1=x1, fillcolor=FLOOD_COLOR, line_width=1, line_color=FLOOD_LINE, layer="below")
        fig.add_scatter(
            x=[x0 + (x1 - x0) / 2], y=[1.0], yaxis="y2", mode="markers", name=label, showlegend=not shown,
            legendgroup="banjir", marker=dict(symbol="triangle-down", size=10, color=FLOOD_LINE),
            hovertemplate=f"<b>{data_text(ev.nama, lang)}</b><br>{start:%Y-%m-%d} – {end:%Y-%m-%d}<extra></extra>",
        )  # fmt: skip
        shown = True
    fig.update_layout(yaxis2=dict(overlaying="y", range=[0, 1.04], visible=False, fixedrange=True))
    return fig


def time_ticks(
    periods: Sequence[object], gran: str, lang: str, max_ticks: int = 10, axis: str | None = None
) -> tuple[list, list[str]]:
    """Tick positions (every k-th period, aligned to January where possible; each at the point's position, the middle
    of its period on an ``axis`` grain, by default ``gran``) and their labels (by ``gran``)."""
    values = sorted({pd.Timestamp(p) for p in periods})
    if not values:
        return [], []
    label_gran, gran = gran, axis or gran
    steps = {"bulan": (1, 2, 3, 4, 6, 12, 24, 48), "triwulan": (1, 2, 4, 8, 16), "tahun": (1, 2, 5, 10, 20)}[gran]
    step = next((s for s in steps if len(values) / s <= max_ticks), steps[-1])
    if gran == "bulan" and 12 % step == 0:
        chosen = [v for v in values if (v.month - 1) % step == 0]  # January and every step-th month
    elif gran == "triwulan" and step <= 4:
        chosen = [v for v in values if (v.month // 3 - 1) % step == 0]  # Q1 and every step-th quarter
    elif gran == "triwulan":
        chosen = [v for v in values if v.month == 3 and v.year % (step // 4) == 0]
    else:
        chosen = [v for v in values if v.year % step == 0] if gran == "tahun" else values[::step]
    chosen = chosen or values[::step]
    return [spm_periods.x_position(gran, v) for v in chosen], [dates.period_short(v, label_gran, lang) for v in chosen]


def two_lines(label: str) -> str:
    """A period label with its year on a second line ('TW III 2024' -> 'TW III<br>2024'); a year alone as it is."""
    head, _, year = label.rpartition(" ")
    return f"{head}<br>{year}" if head else label


def _partial(rows: pd.DataFrame) -> list[bool]:
    """Per row: is the value partial (``sebagian``; False when the rows do not say)."""
    if "sebagian" not in rows.columns:
        return [False] * len(rows)
    return [bool(b) for b in rows["sebagian"].fillna(False)]


def trend_chart(
    series: pd.DataFrame,
    lang: str,
    *,
    gran: str,
    floods: pd.DataFrame | None = None,
    flood_label: str = "",
    y_title: str = "",
    target: float | None = 100.0,
    percent: bool = True,
    band: bool = False,
    height: int = 420,
    axis: str | None = None,
) -> go.Figure:
    """One line per ``seri`` of ``nilai`` over ``periode`` (period keys), province dashed black, flood events shaded.
    With ``band`` and columns ci_lo/ci_hi the 95 % interval is drawn around each line. Each point sits in the middle of
    its period on the ``axis`` grain (default ``gran``; 'tahun' for one quarter of every year): a yearly point at its
    own year, not on its key (1 December); flood bands cover the whole periods they touch."""
    axis = axis or gran
    fig = go.Figure()
    names = list(dict.fromkeys(series["seri"])) if len(series) else []
    is_prov_of = {
        n: bool(series.loc[series["seri"] == n].get("provinsi", pd.Series([False])).fillna(False).astype(bool).any())
        for n in names
    }
    names = [n for n in names if not is_prov_of[n]] + [n for n in names if is_prov_of[n]]  # province drawn on top
    for i, name in enumerate(names):
        part = series[series["seri"] == name].sort_values("periode")
        xs = [spm_periods.x_position(axis, p) for p in part["periode"]]
        is_prov = is_prov_of[name]
        color = palette.PROVINCE if is_prov else SERIES_COLORS[i % len(SERIES_COLORS)]
        if band and {"ci_lo", "ci_hi"} <= set(part.columns) and part["ci_lo"].notna().any():
            fig.add_scatter(
                x=xs + xs[::-1], y=list(part["ci_hi"]) + list(part["ci_lo"][::-1]),
                mode="lines", fill="toself", fillcolor="rgba(120,120,120,0.15)", line=dict(width=0), hoverinfo="skip",
                showlegend=False, legendgroup=name,
            )  # fmt: skip
        fig.add_scatter(
            x=xs, y=part["nilai"], mode="lines+markers", name=name, legendgroup=name,
            line=dict(color=color, width=2.5 if is_prov else 2, dash="dash" if is_prov else "solid"),
            # a partial point (◐: too few of its units reported) is drawn hollow and says so on hover
            marker=dict(size=6, symbol=["circle-open" if b else "circle" for b in _partial(part)]), connectgaps=False,
            customdata=[dates.period_short(p, gran, lang) + (" ◐" if b else "")
                        for p, b in zip(part["periode"], _partial(part), strict=True)],
            hovertemplate="%{customdata}: %{y:.1f}" + ("%" if percent else "") + "<extra>" + str(name) + "</extra>",
        )  # fmt: skip
    if target is not None and len(series):
        fig.add_hline(y=target, line_dash="dot", line_color=palette.GUIDE)
    until = series["periode"].max() if len(series) else None
    add_flood_bands(fig, floods, flood_label, until=until, gran=axis, lang=lang)
    tickvals, ticktext = time_ticks(series["periode"] if len(series) else [], gran, lang, axis=axis)
    ticktext = [two_lines(text) for text in ticktext]  # 'Okt<br>2025': half as wide, readable on a phone
    fig.update_xaxes(gridcolor=palette.GRID, tickvals=tickvals, ticktext=ticktext)
    if len(series):
        lo, hi = spm_periods.slot(axis, series["periode"].min())[0], spm_periods.slot(axis, series["periode"].max())[1]
        fig.update_xaxes(range=[lo, hi])
    fig.update_yaxes(ticksuffix="%" if percent else "", title=y_title or None, gridcolor=palette.GRID, rangemode="tozero")
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.17, x=0, font=dict(size=12)), hovermode="closest")
    return base_layout(fig, lang, height=height)  # the legend below the two-line dates


def yoy_chart(
    series: pd.DataFrame,
    lang: str,
    *,
    gran: str,
    tick_labels: Callable[[int], str],
    y_title: str = "",
    percent: bool = True,
) -> go.Figure:
    """Year-on-year: x = month (1-12) or quarter (1-4) of the year, one line per year (latest year darkest)."""
    fig = go.Figure()
    data = series.copy()
    data["periode"] = pd.to_datetime(data["periode"])
    data["tahun"] = data["periode"].dt.year
    data["posisi"] = data["periode"].dt.month if gran == "bulan" else (data["periode"].dt.month - 1) // 3 + 1
    years = sorted(data["tahun"].unique())
    for i, year in enumerate(years):
        part = data[data["tahun"] == year].sort_values("posisi")
        age = len(years) - 1 - i  # 0 = latest year
        color = YOY_COLORS[age] if age < len(YOY_COLORS) else f"rgba(120, 120, 120, {max(0.25, 0.7 - 0.08 * age):.2f})"
        fig.add_scatter(
            x=part["posisi"], y=part["nilai"], mode="lines+markers", name=str(year),
            line=dict(color=color, width=3 if age == 0 else (2.2 if age == 1 else 1.5)),
            hovertemplate=str(year) + " %{x}: %{y:.1f}" + ("%" if percent else "") + "<extra></extra>",
        )  # fmt: skip
    n = 12 if gran == "bulan" else 4
    fig.update_xaxes(tickvals=list(range(1, n + 1)), ticktext=[tick_labels(i) for i in range(1, n + 1)], range=[0.5, n + 0.5],
                     gridcolor=palette.GRID)  # fmt: skip
    fig.update_yaxes(ticksuffix="%" if percent else "", title=y_title or None, gridcolor=palette.GRID, rangemode="tozero")
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0))
    return base_layout(fig, lang, height=400)
