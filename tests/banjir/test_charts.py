"""Chart builders of the recovery page: pure functions, checked on fig.data (no Streamlit)."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from dashboard.banjir import charts as banjir_charts
from dashboard.banjir import data as banjir_data
from tests.fixtures.banjir import CFG

KODE = "TST-2025-12"
KOMPONEN = {k: banjir_data.label_komponen(k, "id") for k in banjir_data.KOMPONEN}


@pytest.fixture(scope="module")
def layanan(flood_run):
    return banjir_data.layanan(KODE, "2025-12-01", CFG, run=flood_run)


def test_tile_map_colours_the_share_of_affected_desa(flood_run):
    peta = banjir_data.peta(KODE, "kabkota", run=flood_run)
    fig = banjir_charts.peta_wilayah(
        peta, "id", "Desa terdampak", {"desa": "{n} dari {total} desa", "jiwa": "{n} jiwa"}
    )
    tiles = [tr for tr in fig.data if tr.type == "scatter"]
    assert sum(len(tr.x) for tr in tiles) == 13
    main = next(tr for tr in tiles if tr.name == "Desa terdampak")
    values = dict(zip(main.customdata[:, 0], main.marker.color, strict=True))
    assert values["63.06"] == pytest.approx(100.0) and values["63.71"] == 0
    assert any("HSS" in t and "100,0%" in t for t in main.text)
    hover = dict(zip(main.customdata[:, 0], main.customdata[:, 3], strict=True))
    assert hover["63.05"] == "12 dari 135 desa · 1.000 jiwa"


def test_choropleth_when_boundaries_are_configured(flood_run, tmp_path):
    peta = banjir_data.peta(KODE, "kecamatan", run=flood_run)
    feats = [
        {"type": "Feature", "properties": {"kode": k},
         "geometry": {"type": "Polygon", "coordinates": [[[115.0 + i * 0.1, -3.0], [115.1 + i * 0.1, -3.0], [115.1 + i * 0.1, -2.9], [115.0 + i * 0.1, -3.0]]]}}
        for i, k in enumerate(peta["kode_wilayah"])
    ]  # fmt: skip
    geo = {
        "type": "FeatureCollection",
        "features": feats + [{"type": "Feature", "properties": {"kode": "99.99"}, "geometry": None}],
    }
    fig = banjir_charts.peta_wilayah(peta, "en", "Desa affected", {"desa": "{n} of {total}", "jiwa": "{n} people"}, geo)
    assert fig.data[0].type == "choroplethmap"
    assert set(fig.data[0].locations) == set(peta["kode_wilayah"])
    assert len(fig.data[0].geojson["features"]) == len(peta)  # other areas' shapes are left out
    assert 4 <= fig.layout.map.zoom <= 11
    json.dumps(fig.to_plotly_json(), default=str)


def test_heat_map_inverts_lower_is_better(flood_run, layanan):
    prov = layanan[layanan["tingkat"] == "provinsi"]
    indeks = banjir_data.indeks_deret(banjir_data.deret(KODE, "63", run=flood_run), prov, "id")
    indeks = indeks.assign(bulan=indeks["periode"].dt.strftime("%Y-%m"))
    two_t = indeks[indeks["kode_indikator"] == "kes_skdn_2t"].set_index("bulan")
    assert two_t.loc["2026-01", "indeks"] == pytest.approx(100 * 10 / 35)  # baseline / value when lower is better
    buka = indeks[indeks["kode_indikator"] == "kes_posyandu_buka"].set_index("bulan")
    assert buka.loc["2026-01", "indeks"] == pytest.approx(100 * 52.5 / 90)
    fig = banjir_charts.peta_panas_indeks(indeks.drop(columns="bulan"), "id", ambang=0.95, bulan_mulai="2025-12-01",
                                          labels={"mulai": "banjir", "skala": "Sebelum banjir = 100"})  # fmt: skip
    hm = fig.data[0]
    assert hm.type == "heatmap" and len(hm.y) == 2 and hm.zmin == 50 and hm.zmax == 120
    positions = [p for p, _ in hm.colorscale]
    assert positions == sorted(positions) and positions[0] == 0 and positions[-1] == 1
    assert np.nanmax(np.array(hm.z, dtype=float)) <= 120


def test_indicator_chart_shows_baseline_threshold_worst_point_and_projection(flood_run, layanan):
    row = layanan[(layanan["tingkat"] == "provinsi") & (layanan["kode_indikator"] == "kes_posyandu_buka")].iloc[0]
    deret = banjir_data.deret(KODE, "63", run=flood_run)
    deret = deret[deret["kode_indikator"] == "kes_posyandu_buka"]
    labels = dict(
        terdampak="T", pembanding="P", baseline="B", ambang="A", terburuk="W", proyeksi="J", mulai="M", sumbu_y="Y"
    )
    fig = banjir_charts.grafik_indikator(deret, row.to_dict(), "id", bulan_mulai="2025-12-01", labels=labels)
    names = [tr.name for tr in fig.data]
    assert names == ["T", "P", "W", "J"]
    proj = fig.data[3]
    assert str(pd.Timestamp(proj.x[1]).date()) == "2026-08-01" and proj.y[1] == pytest.approx(85.5)
    assert fig.data[2].y[0] == pytest.approx(52.5)
    hlines = [s.y0 for s in fig.layout.shapes if s.type == "line" and s.y0 == s.y1]
    assert pytest.approx(90.0) in hlines and pytest.approx(85.5) in hlines


def test_progress_bars_and_burn_down(flood_run):
    now = banjir_data.fisik_terkini(KODE, run=flood_run)
    prov = now[now["kode_wilayah"] == "63"]
    fig = banjir_charts.progres_fisik(prov, "id", labels={"pulih": "Pulih", "sisa": "Sisa"}, komponen_labels=KOMPONEN)
    done, left = fig.data[0], fig.data[1]
    assert len(done.y) == 7 and all(a + b == pytest.approx(100) for a, b in zip(done.x, left.x, strict=True))
    kk = next(i for i, y in enumerate(done.y) if y.startswith("KK menerima"))
    assert done.x[kk] == pytest.approx(80.0) and "360 / 450" in done.y[kk]
    seri = banjir_data.fisik_deret(KODE, "63.05", run=flood_run)
    fig = banjir_charts.burndown(seri, "id", labels={"mulai": "banjir", "sumbu_y": "Sisa"}, komponen_labels=KOMPONEN,
                                 tanggal_mulai="2025-12-20")  # fmt: skip
    rb = next(tr for tr in fig.data if tr.name == "Rumah rusak berat")
    assert list(rb.y) == pytest.approx([100.0, 100.0, 90.0, 70.0]) and rb.customdata[-1][0] == 7


def test_difference_chart_and_disaster_service_chart(flood_run):
    did = banjir_data.selisih(KODE, CFG, run=flood_run)
    part = did[(did["kode_wilayah"] == "63.05") & (did["kode_indikator"] == "kes_posyandu_buka")]
    fig = banjir_charts.selisih_pembanding(
        part, "en", labels={"selisih": "D", "terdampak": "A", "pembanding": "C", "sumbu_y": "pp"}
    )
    bars = fig.data[0]
    assert bars.type == "bar" and bars.y[1] == pytest.approx(-80 / 3)
    lb = banjir_data.layanan_bencana(KODE, run=flood_run)
    part = lb[lb["kode_indikator"] == "sos_kk_banjir_bantuan"]
    fig = banjir_charts.layanan_bencana(part, "id", bulan_mulai="2025-12-01",
                                        labels={"terlayani": "S", "kesenjangan": "G", "mulai": "M", "sumbu_y": "N"})  # fmt: skip
    assert list(fig.data[0].y) == [20, 30, 45] and list(fig.data[1].y) == [30, 20, 5]
    assert fig.layout.barmode == "stack"


def test_short_row_labels_stay_distinct_and_keep_the_full_name_in_the_hover():
    names = ["KK di kawasan rawan banjir yang menerima informasi", "KK di kawasan rawan banjir yang menerima bantuan",
             "KK dengan jamban sehat"]  # fmt: skip
    short = banjir_charts.label_pendek(names, 24)
    assert short[2] == "KK dengan jamban sehat"  # short enough: unchanged
    assert short[0] == "KK di kawasan rawan ban…" and len(short[0]) == 24
    assert short[1] != short[0] and short[1].rstrip("\u200b") == short[0]  # same beginning: still two rows
    df = pd.DataFrame({"kode_indikator": ["a", "a", "b", "b"], "label": [names[0], names[0], names[1], names[1]],
                       "periode": pd.to_datetime(["2025-11-01", "2025-12-01"] * 2), "indeks": [100.0, 80.0, 95.0, 60.0]})  # fmt: skip
    fig = banjir_charts.peta_panas_indeks(df, "id", ambang=0.95, bulan_mulai="2025-12-01",
                                          labels={"mulai": "banjir", "skala": "Sebelum banjir = 100"})  # fmt: skip
    hm = fig.data[0]
    assert list(hm.y) == short[:2] and [row[0] for row in hm.text] == names[:2]
    assert hm.colorbar.orientation == "h" and fig.layout.xaxis.nticks == 5
