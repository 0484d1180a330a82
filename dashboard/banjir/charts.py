"""Pure chart builders for the post-flood recovery page: DataFrame in, Plotly figure out (no Streamlit calls).

Texts (titles, legend names) come in as arguments so the builders stay language-neutral; numbers use the
language's separators (dashboard/charts.py base layout). Maps reuse the ranking page's tile map and choropleth
(dashboard/spm/charts.py), which render offline.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.core import fmt
from dashboard.spm import charts as spm_charts
from dashboard.spm import palette
from dashboard.spm.categories import category_scheme
from dashboard.spm.charts import base_layout

# every colour from the one palette (dashboard/spm/palette.py)
WARNA_TERDAMPAK = palette.TERDAMPAK
WARNA_PEMBANDING = palette.PEMBANDING
WARNA_SELISIH = palette.SELISIH
WARNA_AMBANG = palette.AMBANG
WARNA_PROYEKSI = palette.PROYEKSI
WARNA_STATUS = palette.PULIH
WARNA_PULIH, WARNA_SISA = palette.PULIH["pulih"], palette.SISA
WARNA_KOMPONEN = palette.KOMPONEN_FISIK
SERI = spm_charts.SERIES_COLORS
SKALA_PETA = [list(p) for p in palette.SKALA_TERDAMPAK]
# recovery index: red far below the baseline, amber just under the threshold, light green from it, green above
INDEKS_MIN, INDEKS_MAKS = 50.0, 120.0
LEBAR_PETA, TINGGI_PETA = 330, 380  # the map's plotting area in its page column, in pixels


def _onset(fig: go.Figure, bulan_mulai: object, label: str) -> None:
    x = pd.Timestamp(bulan_mulai)
    fig.add_vline(x=x, line=dict(color=palette.FLOOD_MARK, width=1.5, dash="dot"))
    fig.add_annotation(x=x, y=1.0, yref="paper", text=label, showarrow=False, xanchor="left", yanchor="bottom",
                       font=dict(size=12, color=palette.FLOOD_MARK))  # fmt: skip


# --- maps ----------------------------------------------------------------------------------------------------------


def peta_wilayah(df: pd.DataFrame, lang: str, metric_label: str, hover_label: Mapping[str, str],
                 geojson: dict | None = None) -> go.Figure:  # fmt: skip
    """Share of desa/kelurahan affected per area (rows of banjir_peta): the kab/kota tile map, or a choropleth when
    boundaries are configured (kab/kota or kecamatan GeoJSON with ``properties.kode``). Unaffected areas show 0 %."""
    data = df.copy()
    data["skor"] = data["persen_desa"].astype(float)
    data["kategori"] = [
        hover_label["desa"].format(n=fmt.angka(n, 0, lang), total=fmt.angka(tot, 0, lang))
        + ("" if pd.isna(j) else " · " + hover_label["jiwa"].format(n=fmt.angka(j, 0, lang)))
        for n, tot, j in zip(data["desa_terdampak"], data["desa_total"], data["jiwa_terdampak"], strict=True)
    ]
    scheme = category_scheme()
    if geojson is None:
        fig = spm_charts.tile_map(data, lang, scheme, mode="nilai", value_col="skor", metric_label=metric_label)
        fig.update_traces(marker_colorscale=SKALA_PETA, marker_reversescale=False, selector=dict(name=metric_label))
        return fig
    kode = set(data["kode_wilayah"])
    fitur = [f for f in geojson.get("features", []) if f.get("properties", {}).get("kode") in kode]
    gj = {"type": "FeatureCollection", "features": fitur}
    fig = spm_charts.choropleth(data, gj, lang, scheme, mode="nilai", value_col="skor", metric_label=metric_label)
    fig.update_layout(coloraxis_colorscale=SKALA_PETA,
                      coloraxis_colorbar=dict(orientation="h", y=-0.02, yanchor="top", thickness=10, len=0.9,
                                              title=dict(text=metric_label, side="top"), ticksuffix="%"))  # fmt: skip
    lons, lats = _koordinat(fitur)
    if lons:
        # fit the shapes into a map about LEBAR_PETA x TINGGI_PETA pixels (web-mercator: 256 px per 360° at zoom 0)
        span_lon = max(max(lons) - min(lons), 0.02)
        span_lat = max(max(lats) - min(lats), 0.02)
        zoom = min(
            math.log2(LEBAR_PETA * 360 / (256 * span_lon)), math.log2(TINGGI_PETA * 360 / (256 * span_lat * 1.25))
        )
        fig.update_layout(map_center=dict(lon=(max(lons) + min(lons)) / 2, lat=(max(lats) + min(lats)) / 2),
                          map_zoom=max(min(zoom - 0.4, 11.0), 4.0))  # fmt: skip
    return fig


def _koordinat(fitur: list[dict]) -> tuple[list[float], list[float]]:
    lons: list[float] = []
    lats: list[float] = []

    def walk(c: object) -> None:
        if isinstance(c, (list, tuple)) and len(c) == 2 and all(isinstance(v, (int, float)) for v in c):
            lons.append(float(c[0]))
            lats.append(float(c[1]))
        elif isinstance(c, (list, tuple)):
            for item in c:
                walk(item)

    for f in fitur:
        walk(f.get("geometry", {}).get("coordinates", []))
    return lons, lats


# --- service recovery ----------------------------------------------------------------------------------------------


def indeks_pemulihan(df: pd.DataFrame, lang: str, *, ambang: float, bulan_mulai: object, labels: Mapping[str, str],
                     height: int = 420) -> go.Figure:  # fmt: skip
    """One line per indicator: coverage as a share of its pre-flood baseline (100 = baseline; for lower-is-better
    indicators baseline / value, so up is always better), with the recovery threshold and the onset month.
    Columns: kode_indikator, label, periode, indeks."""
    fig = go.Figure()
    for i, (kode, g) in enumerate(df.groupby("kode_indikator", sort=False)):
        g = g.sort_values("periode")
        fig.add_scatter(
            x=g["periode"], y=g["indeks"], mode="lines+markers", name=g["label"].iloc[0], legendgroup=kode,
            line=dict(color=SERI[i % len(SERI)], width=2), marker=dict(size=5),
            hovertemplate="%{x|%b %Y}: %{y:.1f}<extra>" + g["label"].iloc[0] + "</extra>",
        )  # fmt: skip
    fig.add_hline(y=100, line=dict(color=palette.GUIDE, width=1))
    fig.add_hline(y=ambang * 100, line=dict(color=WARNA_AMBANG, width=1.5, dash="dash"),
                  annotation_text=labels["ambang"], annotation_position="bottom right",
                  annotation_font=dict(color=WARNA_AMBANG, size=12))  # fmt: skip
    _onset(fig, bulan_mulai, labels["mulai"])
    fig.update_yaxes(title=labels["sumbu_y"], gridcolor=palette.GRID, rangemode="tozero")
    fig.update_xaxes(gridcolor=palette.GRID_LIGHT)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, font=dict(size=12)),
                      hovermode="x unified")  # fmt: skip
    return base_layout(fig, lang, height=height)


def peta_panas_indeks(df: pd.DataFrame, lang: str, *, ambang: float, bulan_mulai: object,
                      labels: Mapping[str, str]) -> go.Figure:  # fmt: skip
    """Indicators x months: coverage as a share of the pre-flood baseline (100 = baseline; inverted for
    lower-is-better indicators), red below and green from the recovery threshold on, with the onset month marked.
    Columns: kode_indikator, label, periode, indeks (rows in the order given)."""
    urutan = list(dict.fromkeys(df["label"]))
    tabel = df.pivot_table(index="label", columns="periode", values="indeks", aggfunc="first").reindex(urutan)
    z = tabel.to_numpy(dtype=float)
    lebar = INDEKS_MAKS - INDEKS_MIN
    pos = lambda v: (v - INDEKS_MIN) / lebar  # noqa: E731
    titik = sorted([
        (0.0, palette.SKALA_PULIH["terburuk"]), (pos(80), palette.SKALA_PULIH["turun"]),
        (pos(ambang * 100) - 0.001, palette.SKALA_PULIH["hampir"]), (pos(ambang * 100), palette.SKALA_PULIH["ambang"]),
        (pos(100) + 0.001, palette.SKALA_PULIH["lebih"]), (1.0, palette.SKALA_PULIH["puncak"]),
    ], key=lambda p: p[0])  # fmt: skip
    skala = []
    for posisi, warna in titik:
        posisi = min(max(posisi, skala[-1][0] if skala else 0.0), 1.0)
        skala.append([posisi, warna])
    skala[0][0], skala[-1][0] = 0.0, 1.0
    teks = [[fmt.angka(v, 0, lang) if not np.isnan(v) else "" for v in baris] for baris in z]
    # short row names keep the rows labelled on a phone (the full name is in the hover); the colour bar sits above
    # the plot so the rows get the width
    baris_pendek = label_pendek(urutan, 24)
    nama_penuh = [[nama] * len(tabel.columns) for nama in urutan]
    fig = go.Figure(
        go.Heatmap(
            z=np.clip(z, INDEKS_MIN, INDEKS_MAKS), x=list(tabel.columns), y=baris_pendek, customdata=teks,
            text=nama_penuh, colorscale=skala, zmin=INDEKS_MIN, zmax=INDEKS_MAKS, xgap=1, ygap=1,
            colorbar=dict(title=dict(text=labels["skala"], side="top", font=dict(size=12)), thickness=10, len=170,
                          lenmode="pixels", orientation="h", x=1.0, xanchor="right", y=1.02, yanchor="bottom",
                          tickfont=dict(size=11), tickvals=[50, 80, 100, 120], tickangle=0),
            hovertemplate="%{text}<br>%{x|%b %Y}: %{customdata}<extra></extra>",
        )
    )  # fmt: skip
    x0 = pd.Timestamp(bulan_mulai)
    fig.add_vline(x=x0 - pd.Timedelta(days=15), line=dict(color=palette.FLOOD_MARK, width=2, dash="dot"))
    fig.add_annotation(x=x0 - pd.Timedelta(days=15), y=1.0, yref="paper", text=labels["mulai"], showarrow=False,
                       xanchor="left", yanchor="bottom", font=dict(size=12, color=palette.FLOOD_MARK))  # fmt: skip
    fig.update_yaxes(autorange="reversed", automargin=True, tickfont=dict(size=12))
    # month over year on two lines, at most five dates: they do not run into each other at 390 px
    fig.update_xaxes(tickformat="%b<br>%Y", nticks=5, tickangle=0, automargin=True)
    base_layout(fig, lang, height=max(280, 140 + 22 * len(urutan)))
    fig.update_layout(margin=dict(l=10, r=10, t=80, b=10))
    return fig


def label_pendek(names: list[str], maks: int = 30) -> list[str]:
    """Names cut to ``maks`` characters with '…' (kept distinct, so no two rows of a chart merge)."""
    out: list[str] = []
    for name in names:
        short = name if len(name) <= maks else name[: maks - 1].rstrip() + "…"
        while short in out:  # two names with the same beginning: keep them apart
            short += "\u200b"
        out.append(short)
    return out


def grafik_indikator(deret: pd.DataFrame, baris: Mapping[str, object], lang: str, *, bulan_mulai: object,
                     labels: Mapping[str, str], height: int = 400) -> go.Figure:  # fmt: skip
    """Coverage of the affected desa (and the comparison desa when given) for one indicator, with the baseline,
    the recovery threshold, the worst point and, when warranted, the projection to the threshold.
    ``deret``: kelompok, periode, capaian_persen; ``baris``: a row of recovery.metrik."""
    fig = go.Figure()
    for kelompok, warna, dash, name in (("terdampak", WARNA_TERDAMPAK, "solid", labels["terdampak"]),
                                        ("pembanding", WARNA_PEMBANDING, "dot", labels["pembanding"])):  # fmt: skip
        g = deret[deret["kelompok"] == kelompok].sort_values("periode")
        if g.empty:
            continue
        fig.add_scatter(
            x=g["periode"], y=g["capaian_persen"], mode="lines+markers", name=name,
            line=dict(color=warna, width=2.5 if kelompok == "terdampak" else 1.8, dash=dash), marker=dict(size=5),
            hovertemplate="%{x|%b %Y}: %{y:.1f}%<extra>" + name + "</extra>",
        )  # fmt: skip
    baseline = baris.get("baseline")
    if baseline is not None and not pd.isna(baseline):
        fig.add_hline(y=float(baseline), line=dict(color=palette.REFERENCE, width=1),  # type: ignore[arg-type]
                      annotation_text=labels["baseline"], annotation_position="top left",
                      annotation_font=dict(size=12, color=palette.REFERENCE))  # fmt: skip
        fig.add_hline(y=float(baris["target"]), line=dict(color=WARNA_AMBANG, width=1.5, dash="dash"),  # type: ignore[arg-type]
                      annotation_text=labels["ambang"], annotation_position="bottom left",
                      annotation_font=dict(size=12, color=WARNA_AMBANG))  # fmt: skip
    if baris.get("periode_terburuk") is not None and not pd.isna(baris.get("terburuk")):
        fig.add_scatter(
            x=[baris["periode_terburuk"]], y=[baris["terburuk"]], mode="markers", name=labels["terburuk"],
            marker=dict(symbol="x", size=11, color=palette.TERBURUK),
            hovertemplate="%{x|%b %Y}: %{y:.1f}%<extra>" + labels["terburuk"] + "</extra>",
        )  # fmt: skip
    proj = baris.get("periode_proyeksi")
    if proj is not None and not pd.isna(proj):
        fig.add_scatter(
            x=[baris["periode_kini"], proj], y=[baris["kini"], baris["target"]], mode="lines+markers",
            name=labels["proyeksi"], line=dict(color=WARNA_PROYEKSI, width=2, dash="dash"),
            marker=dict(size=[0, 9], color=WARNA_PROYEKSI),
            hovertemplate="%{x|%b %Y}: %{y:.1f}%<extra>" + labels["proyeksi"] + "</extra>",
        )  # fmt: skip
    _onset(fig, bulan_mulai, labels["mulai"])
    fig.update_yaxes(title=labels["sumbu_y"], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_xaxes(gridcolor=palette.GRID_LIGHT)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, font=dict(size=12)))
    return base_layout(fig, lang, height=height)


def batang_persen_pulih(df: pd.DataFrame, lang: str, *, label_col: str, status_labels: Mapping[str, str],
                        title: str = "") -> go.Figure:  # fmt: skip
    """Horizontal bars of percent recovered per indicator (capped at 0-100 for the bar, the text shows the value),
    coloured by status; indicators without a baseline or without a dip get a labelled empty bar."""
    data = df.iloc[::-1]
    fig = go.Figure()
    for status, warna in WARNA_STATUS.items():
        part = data[data["status"] == status]
        if part.empty:
            continue
        nilai = part["persen_pulih"].astype(float)
        x = nilai.clip(0, 100).fillna(100 if status == "tidak_turun" else 0)
        text = [fmt.persen(v, 0, lang) if pd.notna(v) else status_labels[status] for v in nilai]
        fig.add_bar(
            x=x, y=part[label_col], orientation="h", name=status_labels[status], marker_color=warna, text=text,
            textposition="outside", cliponaxis=False,
            hovertemplate="%{y}: %{text}<extra>" + status_labels[status] + "</extra>",
        )  # fmt: skip
    fig.update_xaxes(range=[0, 125], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_yaxes(categoryorder="array", categoryarray=list(data[label_col]))
    fig.update_layout(barmode="overlay", title=title or None,
                      legend=dict(orientation="h", yanchor="top", y=-0.08, x=0, font=dict(size=12)))  # fmt: skip
    return base_layout(fig, lang, height=110 + 34 * len(df))


def layanan_bencana(df: pd.DataFrame, lang: str, *, labels: Mapping[str, str], bulan_mulai: object,
                    height: int = 340) -> go.Figure:  # fmt: skip
    """Absolute counts for one disaster-service indicator: served and still unserved (gap) per period, stacked,
    so a denominator that grows during the flood is visible. Columns: periode, terlayani, kesenjangan."""
    data = df.sort_values("periode")
    fig = go.Figure()
    fig.add_bar(x=data["periode"], y=data["terlayani"], name=labels["terlayani"], marker_color=WARNA_PULIH,
                hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["terlayani"] + "</extra>")  # fmt: skip
    fig.add_bar(x=data["periode"], y=data["kesenjangan"], name=labels["kesenjangan"], marker_color=palette.KESENJANGAN,
                hovertemplate="%{x|%b %Y}: %{y:,.0f}<extra>" + labels["kesenjangan"] + "</extra>")  # fmt: skip
    _onset(fig, bulan_mulai, labels["mulai"])
    fig.update_yaxes(title=labels["sumbu_y"], gridcolor=palette.GRID, tickformat=",d")
    fig.update_layout(barmode="stack", legend=dict(orientation="h", yanchor="top", y=-0.12, x=0))
    return base_layout(fig, lang, height=height)


# --- physical recovery ---------------------------------------------------------------------------------------------


def progres_fisik(df: pd.DataFrame, lang: str, *, labels: Mapping[str, str], komponen_labels: Mapping[str, str]) -> go.Figure:  # fmt: skip
    """Progress bars: per kind of damage, the share repaired/restored (green, with the percentage) and the backlog
    (grey); the axis label carries 'repaired / damaged'. Columns: komponen, urutan, rusak, pulih, persen_pulih."""
    data = df[df["rusak"].notna() & (df["rusak"] > 0)].sort_values("urutan", ascending=False)
    y = [f"{komponen_labels[k]}  <span style='color:{palette.REFERENCE}'>{fmt.angka(p, 0, lang)} / {fmt.angka(r, 0, lang)}</span>"
         for k, p, r in zip(data["komponen"], data["pulih"], data["rusak"], strict=True)]  # fmt: skip
    done = data["persen_pulih"].astype(float).fillna(0)
    fig = go.Figure()
    fig.add_bar(x=done, y=y, orientation="h", name=labels["pulih"], marker_color=WARNA_PULIH,
                text=[fmt.persen(v, 0, lang) for v in done], textposition="inside", insidetextanchor="end",
                textfont=dict(color=palette.WHITE, size=12), hovertemplate="%{y}: %{x:.1f}%<extra>" + labels["pulih"] + "</extra>")  # fmt: skip
    fig.add_bar(x=100 - done, y=y, orientation="h", name=labels["sisa"], marker_color=WARNA_SISA,
                hovertemplate="%{y}: %{x:.1f}%<extra>" + labels["sisa"] + "</extra>")  # fmt: skip
    fig.update_xaxes(range=[0, 100], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_yaxes(tickfont=dict(size=12))
    fig.update_layout(barmode="stack", bargap=0.35, uniformtext=dict(minsize=10, mode="hide"),
                      legend=dict(orientation="h", yanchor="top", y=-0.1, x=0))  # fmt: skip
    return base_layout(fig, lang, height=110 + 40 * max(len(data), 1))


def burndown(df: pd.DataFrame, lang: str, *, labels: Mapping[str, str], komponen_labels: Mapping[str, str],
             tanggal_mulai: object = None) -> go.Figure:  # fmt: skip
    """Backlog over time per kind of damage, as a share of the damage (100 % at the start, 0 % when done), so
    houses, schools and households fit one axis; the hover shows the absolute backlog.
    Columns: komponen, urutan, tanggal, rusak, sisa."""
    data = df[df["rusak"].notna() & (df["rusak"] > 0)].sort_values(["urutan", "tanggal"])
    fig = go.Figure()
    for komponen, g in data.groupby("komponen", sort=False):
        persen = 100.0 * g["sisa"].astype(float) / g["rusak"].astype(float)
        fig.add_scatter(
            x=g["tanggal"], y=persen, mode="lines+markers", name=komponen_labels[komponen],
            line=dict(color=WARNA_KOMPONEN.get(komponen, palette.REFERENCE), width=2, shape="hv"), marker=dict(size=6),
            customdata=np.column_stack([g["sisa"], g["rusak"]]),
            hovertemplate="%{x|%d %b %Y}: %{customdata[0]:,.0f} / %{customdata[1]:,.0f} (%{y:.0f}%)<extra>"
            + komponen_labels[komponen] + "</extra>",
        )  # fmt: skip
    if tanggal_mulai is not None:
        _onset(fig, tanggal_mulai, labels["mulai"])
    fig.update_yaxes(title=labels["sumbu_y"], range=[0, 105], ticksuffix="%", gridcolor=palette.GRID)
    fig.update_xaxes(gridcolor=palette.GRID_LIGHT)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0, font=dict(size=12)))
    return base_layout(fig, lang, height=380)


# --- affected vs unaffected ----------------------------------------------------------------------------------------


def selisih_pembanding(df: pd.DataFrame, lang: str, *, labels: Mapping[str, str], height: int = 380) -> go.Figure:
    """Change from baseline (percentage points) of the affected desa and of the comparison desa, and their
    difference (bars), per month from the onset month. Columns: periode, perubahan_terdampak,
    perubahan_pembanding, selisih."""
    data = df.sort_values("periode")
    fig = go.Figure()
    fig.add_bar(x=data["periode"], y=data["selisih"], name=labels["selisih"], marker_color=WARNA_SELISIH, opacity=0.75,
                hovertemplate="%{x|%b %Y}: %{y:+.1f}<extra>" + labels["selisih"] + "</extra>")  # fmt: skip
    fig.add_scatter(x=data["periode"], y=data["perubahan_terdampak"], mode="lines+markers", name=labels["terdampak"],
                    line=dict(color=WARNA_TERDAMPAK, width=2.5),
                    hovertemplate="%{x|%b %Y}: %{y:+.1f}<extra>" + labels["terdampak"] + "</extra>")  # fmt: skip
    fig.add_scatter(x=data["periode"], y=data["perubahan_pembanding"], mode="lines+markers", name=labels["pembanding"],
                    line=dict(color=WARNA_PEMBANDING, width=2, dash="dot"),
                    hovertemplate="%{x|%b %Y}: %{y:+.1f}<extra>" + labels["pembanding"] + "</extra>")  # fmt: skip
    fig.add_hline(y=0, line=dict(color=palette.REFERENCE, width=1))
    fig.update_yaxes(title=labels["sumbu_y"], gridcolor=palette.GRID, zeroline=False)
    fig.update_layout(legend=dict(orientation="h", yanchor="top", y=-0.12, x=0), hovermode="x unified")
    return base_layout(fig, lang, height=height)
