"""One palette (issue 15): a category, a partial value, "no data" and a priority-score component have the same colour
in a page's chart spec, the PPTX deck and the PDF brief, and no module outside dashboard/spm/palette.py defines a
colour of its own."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from dashboard.spm import palette

pytestmark = pytest.mark.usefixtures("ambang_nol")

ROOT = Path(__file__).resolve().parents[2]
DAY = dt.date(2026, 4, 15)


@pytest.fixture(scope="module")
def bahan(base_env):
    from dashboard.rakor import content as rakor_content

    return rakor_content.bahan("2026-03", "63.03", "id", today=DAY)


def page_field_colours(area: str) -> dict[str, str]:
    """Field name -> bar colour in the overview page's chart spec for ``area``."""
    from dashboard.ringkasan import charts as ringkasan_charts
    from dashboard.ringkasan import data as ringkasan_data
    from dashboard.spm.categories import category_scheme

    fields = ringkasan_data.field_summary(area, "2026-03-01")
    spm = fields[fields["termasuk_indeks"].astype(bool)]
    fig = ringkasan_charts.field_index_bar(spm, "nama_id", "id", category_scheme())
    return {y: trace.marker.color for trace in fig.data for y in trace.y}


def test_category_colours_come_from_the_palette(base_env):
    from dashboard.spm.categories import category_scheme

    scheme = category_scheme()
    assert palette.categories(scheme) == {c.label: c.color for c in scheme.categories}
    best = scheme.categories[0]
    assert palette.category(best.label) == best.color
    assert palette.category(best.label, partial=True) == palette.PARTIAL  # a partial value: never a category colour
    assert palette.category(None) == palette.NA and palette.fill(None) == palette.NA
    assert len({palette.NA, palette.PARTIAL, *palette.categories(scheme).values()}) == len(scheme.categories) + 2


def test_same_category_same_colour_on_page_deck_and_brief(bahan):
    from dashboard.rakor import deck_pdf, deck_pptx

    screen = next(s for s in bahan.layar if s.grafik is not None and s.grafik.warna)
    deck_colours = dict(zip(screen.grafik.kategori, screen.grafik.warna, strict=True))
    page = page_field_colours("63.03")  # the deck was made for Kabupaten Banjar
    # the page's bar of a field and the deck's bar of the same field: the same colour (category, ◐ or no data)
    shared = [name for name in deck_colours if name in page]
    assert shared
    for name in shared:
        assert page[name].lower() == deck_colours[name].lower(), name
    used = {c.lower() for c in deck_colours.values()}
    assert used & {c.lower() for c in palette.categories().values()}  # at least one real category is drawn

    # PPTX: the native chart's points carry exactly those colours
    prs = Presentation(io.BytesIO(deck_pptx.build(bahan)))
    pptx_colours: dict[str, str] = {}
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart and list(shape.chart.plots[0].categories) == screen.grafik.kategori:
                series = shape.chart.plots[0].series[0]
                for j, name in enumerate(screen.grafik.kategori):
                    pptx_colours[name] = "#" + str(series.points[j].format.fill.fore_color.rgb).lower()
    assert pptx_colours == {k: v.lower() for k, v in deck_colours.items()}

    # PDF: every colour of that chart is a fill colour of the brief
    reader = PdfReader(io.BytesIO(deck_pdf.build(bahan)))
    fills = set()
    for pdf_page in reader.pages:
        data = pdf_page.get_contents().get_data().decode("latin-1")
        for r, g, b in re.findall(r"([\d.]+) ([\d.]+) ([\d.]+) rg", data):
            fills.add(tuple(round(float(v) * 255) for v in (r, g, b)))
    for colour in used:
        assert palette.rgb(colour) in fills, colour


def test_score_components_same_colours_on_page_and_deck(bahan):
    from dashboard.perencanaan import charts as perencanaan_charts
    from dashboard.perencanaan.data import KOMPONEN

    assert perencanaan_charts.KOMPONEN_WARNA == palette.KOMPONEN
    screen = next((s for s in bahan.layar if s.grafik is not None and s.grafik.tumpuk), None)
    assert screen is not None, "the priority screen (stacked components) is in the deck"
    assert screen.grafik.warna_seri == [palette.KOMPONEN[c] for c in KOMPONEN]


def test_no_colour_defined_outside_the_palette():
    """Hex colours and python-pptx RGBColor literals live in dashboard/spm/palette.py only (category colours are
    configuration: data/pengaturan.toml). The projector page's CSS is the one known exception left to the rakor work."""
    pattern = re.compile(r"#[0-9a-fA-F]{6}\b|RGBColor\(0x")
    allowed = {ROOT / "dashboard" / "spm" / "palette.py", ROOT / "dashboard" / "rakor" / "rakor.py"}
    offenders = []
    for path in (ROOT / "dashboard").rglob("*.py"):
        if path in allowed:
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if pattern.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{n}: {line.strip()}")
    assert not offenders, "\n".join(offenders)
