"""Pure chart builders of the field, ranking and trend pages, tested on their figure data."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from dashboard.core import dates, fmt
from dashboard.spm import charts as cp
from dashboard.spm import league as spm_league
from dashboard.spm import stats
from dashboard.spm.categories import category_scheme
from dashboard.spm.scoring import Pilihan
from tests.fixtures.peringkat import CFG, Q1_2026, Q4_2025, league, nilai

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

GEOJSON = Path("/work/shared/reference/kalsel_kabkota.geojson")
SCHEME = category_scheme("A")
LABELS = {k: k for k in ("provinsi", "batas_95", "batas_998", "atas_998", "atas_95", "dalam", "bawah_95", "bawah_998", "sumbu_x", "sumbu_y")}  # fmt: skip


@pytest.fixture(scope="module")
def q1(fixture_db, ambang_nol):
    return league(fixture_db, Pilihan("spm_resmi"), Q1_2026, Q4_2025)


def test_tile_map_by_category(q1):
    table, _ = q1
    fig = cp.tile_map(table, "id", SCHEME, selected="63.03", neighbours=["63.71", "63.11"], na_label="Tanpa data")
    names = [tr.name for tr in fig.data]
    assert names == ["Tuntas Pratama", "Tuntas Muda", "Belum Tuntas", "Tanpa data", "sorot", "sorot"]
    assert fig.data[0].legendgrouptitle.text == SCHEME.name("id")  # scheme named in the legend
    tiles = {c[0]: (tr, i) for tr in fig.data[:4] for i, c in enumerate(tr.customdata)}
    assert len(tiles) == 13  # all kab/kota, each clickable by its code
    tr, i = tiles["63.03"]
    assert tr.marker.color == "#fb8c00" and tr.marker.symbol == "square"
    assert (tr.x[i], tr.y[i]) == (2.0, 3.0)  # BJR at tile_kolom 2, tile_baris 3
    near, chosen = fig.data[4], fig.data[5]
    assert [c[0] for c in chosen.customdata] == ["63.03"] and chosen.marker.line.width == 4.5
    assert chosen.marker.color == cp.SELECT_COLOR and not chosen.showlegend
    assert sorted(c[0] for c in near.customdata) == ["63.11", "63.71"]  # rank neighbours
    tr, i = tiles["63.71"]
    assert "BJM" in tr.text[i] and "74,1%" in tr.text[i]
    tr, i = tiles["63.01"]
    assert tr.name == "Tanpa data" and tr.marker.color == cp.NA_COLOR and "–" in tr.text[i]
    assert fig.layout.yaxis.scaleanchor == "x" and fig.layout.yaxis.range[0] > fig.layout.yaxis.range[1]


def test_tile_map_by_value(q1):
    table, _ = q1
    fig = cp.tile_map(table, "en", SCHEME, mode="nilai", metric_label="SPM index", reverse_scale=True)
    main = fig.data[0]
    assert list(main.marker.color) == pytest.approx(table.dropna(subset=["skor"])["skor"].tolist())
    scores = table["skor"].dropna()
    assert main.marker.cmin == scores.min() and main.marker.cmax == scores.max() and main.marker.reversescale
    assert main.marker.colorbar.title.text == "SPM index"
    assert "74.1%" in " ".join(main.text)  # English separators


@pytest.mark.skipif(not GEOJSON.exists(), reason="boundary GeoJSON not available on this machine")
def test_choropleth_map_renders_offline(q1):
    table, _ = q1
    geo = json.loads(GEOJSON.read_text(encoding="utf-8"))
    fig = cp.choropleth(table, geo, "id", SCHEME, selected="63.03", na_label="Tanpa data")
    kinds = {tr.type for tr in fig.data}
    assert kinds == {"choroplethmap"}
    assert fig.layout.map.style == "white-bg"  # no tiles from the internet
    assert fig.data[0].featureidkey == "properties.kode"
    located = {loc for tr in fig.data[:-1] for loc in tr.locations}
    assert located == set(table["kode_wilayah"])
    assert fig.layout.legend.title.text == SCHEME.name("id")
    assert list(fig.data[-1].locations) == ["63.03"] and fig.data[-1].marker.line.width == 3.5  # selected outline
    value = cp.choropleth(table, geo, "en", SCHEME, mode="nilai")
    scores = table["skor"].dropna()
    assert value.layout.coloraxis.cmin == scores.min() and value.layout.coloraxis.cmax == scores.max()


def test_choropleth_with_a_small_synthetic_boundary(q1):
    table, _ = q1
    square = lambda x, y: [[[x, y], [x + 0.1, y], [x + 0.1, y + 0.1], [x, y + 0.1], [x, y]]]  # noqa: E731
    geo = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"kode": k, "center_lat": -3.0, "center_lon": 115.0},
         "geometry": {"type": "Polygon", "coordinates": square(115 + i * 0.1, -3.0)}}
        for i, k in enumerate(table["kode_wilayah"])
    ]}  # fmt: skip
    fig = cp.choropleth(table, geo, "id", SCHEME)
    assert fig.layout.map.center.lat == -3.0 and fig.layout.map.style == "white-bg"


def test_selected_area_from_plotly_events():
    assert cp.selected_area({"selection": {"points": [{"customdata": ["63.03", "Kab. Banjar"]}]}}) == "63.03"
    assert cp.selected_area({"selection": {"points": [{"location": "63.71"}]}}) == "63.71"
    assert cp.selected_area({"selection": {"points": []}}) is None
    assert cp.selected_area(None) is None and cp.selected_area({"x": 1}) is None


def test_ci_chart(q1):
    table, prov = q1
    fig = cp.ci_chart(table, "id", SCHEME, province_value=prov["skor"], province_label="Provinsi", selected="63.11")
    ranked = table.dropna(subset=["skor"])
    points = [tr for tr in fig.data if tr.mode == "markers" and tr.name != "sorot"]
    assert [tr.y for tr in fig.data if tr.name == "sorot"] == [("Kabupaten Balangan",)]
    assert sum(len(tr.x) for tr in points) == len(ranked) == 3
    assert fig.data[-1].name == "Provinsi " + fmt.persen(prov["skor"], 1, "id")  # legend entry of the province line
    for tr in points:
        for x, y, plus, minus in zip(tr.x, tr.y, tr.error_x.array, tr.error_x.arrayminus, strict=True):
            row = ranked[ranked["nama_lengkap"] == y].iloc[0]
            assert (
                x == pytest.approx(row["skor"])
                and x + plus == pytest.approx(row["ci_hi"])
                and x - minus == pytest.approx(row["ci_lo"])
            )
    assert fig.layout.shapes[0].x0 == pytest.approx(prov["skor"])  # province line
    assert list(fig.layout.yaxis.categoryarray)[-1] == "Kota Banjarmasin"  # best at the top
    assert "<b>Kabupaten Balangan</b>" in fig.layout.yaxis.ticktext


def test_funnel_chart_limits(peringkat_db):
    now = nilai(peringkat_db, "spm_resmi", "triwulan", Q1_2026)
    points, p0, phi = spm_league.funnel_points(now, "kes_ibu_hamil")
    fig = cp.funnel_chart(points, p0, "id", labels=LABELS, selected="63.72")
    lines = [tr for tr in fig.data if tr.mode == "lines"]
    upper95 = next(tr for tr in lines if tr.name == "batas_95")
    lo, hi = stats.funnel_limits(p0, np.asarray(upper95.x), stats.Z95)
    assert list(upper95.y) == pytest.approx(list(hi))
    province = next(tr for tr in lines if tr.name.startswith("provinsi"))
    assert list(province.y) == pytest.approx([p0, p0])
    dots = {tr.name: list(tr.customdata[:, 0]) for tr in fig.data if tr.mode == "markers+text"}
    assert dots == {"atas_998": ["63.71"], "atas_95": ["63.72"], "dalam": ["63.03"], "bawah_998": ["63.11"]}
    assert fig.layout.xaxis.type == "log"
    wide = cp.funnel_chart(points, p0, "id", labels=LABELS, phi=4.0)
    w95 = next(tr for tr in wide.data if tr.name == "batas_95")
    assert list(w95.y) == pytest.approx(list(stats.funnel_limits(p0, np.asarray(w95.x), stats.Z95, 4.0)[1]))
    lt = cp.funnel_chart(points, p0, "id", labels=LABELS, lower_is_better=True)
    above = next(tr for tr in lt.data if tr.name == "atas_998")
    assert above.marker.color == cp.FUNNEL_COLORS["bawah_998"]  # above is worse when lower is better


def test_indicator_bars_cap_and_flag():
    df = pd.DataFrame(
        {"label": ["A", "B", "C"], "capaian_tampil": [100.0, 55.0, np.nan], "capaian_persen": [116.7, 55.0, np.nan],
         "ci_lo": [90.0, 50.0, np.nan], "ci_hi": [100.0, 60.0, np.nan], "kategori": ["Tuntas Paripurna", "Belum Tuntas", None],
         "lebih_100": [True, False, False]}
    )  # fmt: skip
    fig = cp.indicator_bars(df, "id", SCHEME, label_col="label", flag_text=">100%")
    bars = {tr.name: tr for tr in fig.data if tr.type == "bar"}
    assert list(bars["Tuntas Paripurna"].x) == [100.0] and bars["Tuntas Paripurna"].marker.color == "#1a7f37"
    assert bars["Tuntas Paripurna"].customdata[0][0] == "116,7%"  # raw kept in the hover
    assert list(bars["–"].y) == ["C"]
    flag = next(tr for tr in fig.data if tr.type == "scatter")
    assert list(flag.y) == ["A"] and flag.text[0] == "⚠"
    assert fig.layout.legend.title.text is None and bars["Tuntas Paripurna"].legendgrouptitle.text == SCHEME.name("id")


def test_trend_chart_with_flood_bands():
    periods = pd.date_range("2025-10-01", "2026-03-01", freq="MS")
    series = pd.DataFrame(
        {"periode": list(periods) * 2, "nilai": [80, 81, 84, 63, 79, 89, 77, 78, 83, 51, 67, 85],
         "seri": ["Provinsi"] * 6 + ["Banjar"] * 6, "provinsi": [True] * 6 + [False] * 6}
    )  # fmt: skip
    floods = pd.DataFrame({"kode_bencana": ["B1", "B2"], "nama": ["Banjir A", "Banjir B"],
                           "tanggal_mulai": [dt.date(2025, 12, 29), dt.date(2026, 2, 10)],
                           "tanggal_selesai": [dt.date(2026, 1, 27), None]})  # fmt: skip
    fig = cp.trend_chart(series, "id", gran="bulan", floods=floods, flood_label="Banjir")
    bands = [s for s in fig.layout.shapes if s.type == "rect"]
    assert len(bands) == 2
    # a band covers the whole months it touches (29 Dec - 27 Jan: December and January), as the points sit mid-month
    assert pd.Timestamp(bands[0].x0) == pd.Timestamp("2025-12-01") and pd.Timestamp(bands[0].x1) == pd.Timestamp(
        "2026-02-01"
    )
    assert pd.Timestamp(bands[1].x1) == pd.Timestamp("2026-04-01")  # still open: runs to the end of the axis (March)
    lines = [tr for tr in fig.data if tr.mode == "lines+markers"]
    assert [tr.name for tr in lines] == ["Banjar", "Provinsi"]  # province drawn last, on top
    assert lines[1].line.dash == "dash" and list(lines[0].y) == [77, 78, 83, 51, 67, 85]
    markers = [tr for tr in fig.data if tr.name == "Banjir"]
    assert len(markers) == 2 and markers[0].showlegend and not markers[1].showlegend
    # the year on a second line: half as wide, so the dates do not run into each other on a phone
    assert list(fig.layout.xaxis.ticktext) == ["Okt<br>2025", "Nov<br>2025", "Des<br>2025", "Jan<br>2026", "Feb<br>2026",
                                               "Mar<br>2026"]  # fmt: skip
    assert fig.layout.separators == ",."


def test_time_ticks_and_labels():
    q = pd.date_range("2020-03-01", "2026-09-01", freq="3MS")
    assert cp.time_ticks(q, "triwulan", "id")[1] == [f"TW I {y}" for y in range(2020, 2027)]
    assert dates.period_short(pd.Timestamp("2026-09-01"), "triwulan", "en") == "Q3 2026"
    assert dates.period_short(pd.Timestamp("2026-12-01"), "tahun", "id") == "2026"


def test_yoy_chart():
    series = pd.DataFrame(
        {"periode": pd.to_datetime(["2025-03-01", "2025-10-01", "2026-03-01"]), "nilai": [75.0, 80.0, 89.4]}
    )
    fig = cp.yoy_chart(series, "id", gran="bulan", tick_labels=lambda i: str(i))
    assert [tr.name for tr in fig.data] == ["2025", "2026"]
    assert list(fig.data[0].x) == [3, 10] and list(fig.data[1].y) == [89.4]
    assert fig.data[1].line.width == 3 and list(fig.layout.xaxis.tickvals) == list(range(1, 13))
    quarterly = cp.yoy_chart(series, "id", gran="triwulan", tick_labels=lambda i: f"TW {i}")
    assert list(quarterly.data[0].x) == [1, 4]


def test_league_display_texts(peringkat_db):
    from dashboard.spm import widgets as pw

    table, _ = league(peringkat_db, Pilihan("spm_resmi", "kesehatan", "kes_ibu_hamil"), Q1_2026, Q4_2025)
    shown = pw.league_display(table, Pilihan("spm_resmi", "kesehatan", "kes_ibu_hamil"), CFG, "id")
    first = shown.iloc[0]
    assert first["nama"] == "Kota Banjarbaru" and first["layan"] == "30 / 80"
    assert first["ik"] == "27,7–48,5"
    assert "sasaran kecil" in first["catatan"]
