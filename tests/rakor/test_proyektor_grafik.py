"""The projector's charts for a room (issue 15): every label at least 18 px and dark, tile labels black or white by
the luminance of their fill so each reads at WCAG contrast 4.5 or more (they were grey on orange)."""

from __future__ import annotations

import pytest

from dashboard.rakor import charts as rakor_charts
from dashboard.rakor.content import Grafik, Ubin
from dashboard.spm.categories import category_scheme


def luminance(color: str) -> float:
    c = color.lstrip("#")
    parts = [int(c[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4 for v in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_helper_by_hand():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


# every category colour of the active scheme, the "no data" grey, and the orange the tiles were seen with
FILLS = [c.color for c in category_scheme().categories] + ["#e0e0e0", "#fb8c00", "#d32f2f", "#1f77b4", "#8e24aa"]


@pytest.mark.parametrize("fill", FILLS)
def test_tile_labels_read_on_their_fill(fill):
    fig = rakor_charts.tile_figure([Ubin(0, 0, "BJM", "71,3%", fill), Ubin(1, 2, "HSS", "–", fill)])
    assert [s.fillcolor for s in fig.layout.shapes] == [fill, fill]
    for a in fig.layout.annotations:
        assert a.font.size >= 18
        assert a.font.color in ("#111111", "#ffffff")
        assert contrast(a.font.color, fill) >= 4.5, (fill, a.font.color)


def test_bar_chart_labels_are_room_sized_and_dark():
    g = Grafik("Indeks per bidang (%)", ["Pendidikan", "Kesehatan", "Sosial"], [("Indeks", [73.9, None, 51.9])],
               warna=["#fdd835", None, "#d32f2f"])  # fmt: skip
    fig = rakor_charts.bar_figure(g, "id")
    bar = fig.data[0]
    assert list(bar.text) == ["73,9", "–", "51,9"]  # Indonesian decimals; missing is a dash, never 0
    assert bar.textfont.size >= 18 and bar.textposition == "outside"
    assert fig.layout.font.size >= 18 and fig.layout.title.font.size >= 18
    assert fig.layout.yaxis.tickfont.size >= 18 and fig.layout.xaxis.tickfont.size >= 18  # district / field names
    for color in (fig.layout.font.color, fig.layout.yaxis.tickfont.color, fig.layout.xaxis.tickfont.color, bar.textfont.color):
        assert contrast(color, "#ffffff") >= 7
    assert not fig.layout.showlegend  # one series: no legend


def test_grouped_bars_have_a_legend_below_the_axis_and_fit_the_bars():
    g = Grafik("Pemulihan (%)", ["Banjar", "Tapin"], [("Layanan pulih", [100.0, 50.0]), ("Rumah diperbaiki", [74.5, None])],
               warna_seri=["#1f77b4", "#fb8c00"])  # fmt: skip
    fig = rakor_charts.bar_figure(g, "en")
    assert list(fig.data[1].text) == ["74.5", "–"]
    assert fig.layout.showlegend and fig.layout.legend.font.size >= 18
    # the legend sits at the foot of the whole figure, inside the bottom margin kept for it
    assert fig.layout.legend.yref == "container" and fig.layout.legend.y == 0 and fig.layout.margin.b >= 100
    assert fig.layout.legend.traceorder == "normal"
    # 2 districts x 2 series x 32 px + 130 px of title and axis = 258, raised to the 300 px floor, + 70 for the legend
    assert fig.layout.height == 300 + 70
    g.kategori, g.seri = [f"K{i}" for i in range(6)], [(name, [50.0] * 6) for name, _ in g.seri]
    assert rakor_charts.bar_figure(g, "en").layout.height == 6 * 2 * 32 + 130 + 70
