"""The deck and the brief for the back of the room (issue 15): type sizes read back from the PPTX (body ≥ 20 pt,
tables ≥ 14 pt, chart labels ≥ 14 pt), long tables continued on further slides instead of shrunk, no table cell
broken inside a word or number (English deck), Indonesian data labels as literal text, and no PDF page holding
fewer than three lines."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from lxml import etree
from pptx import Presentation
from pptx.util import Pt
from pypdf import PdfReader

from dashboard.rakor import content as rakor_content
from dashboard.rakor import deck_pdf, deck_pptx, ukur
from dashboard.rakor.content import Grafik, Layar, Tabel

pytestmark = pytest.mark.usefixtures("ambang_nol")

DAY = dt.date(2026, 4, 15)
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
PEND = 227000 / 235000 * 100


def long_table(lang: str) -> Layar:
    """A 40-row English-style league with wide numbers and long names: must split, never shrink or break."""
    rows = [[str(i + 1), f"Kabupaten Hulu Sungai Selatan Nomor {i + 1}", "1,146,143", "Coverage 77.8%",
             "Tuntas Pratama"] for i in range(40)]  # fmt: skip
    kolom = ["#", "District", "Population served", "Coverage", "Category"]
    return Layar("panjang", "Long table", "Forty districts", ["One line of text."], None, Tabel(kolom, rows, [7]),
                 ["note"])  # fmt: skip


@pytest.fixture(scope="module")
def bahan_en(base_env):
    b = rakor_content.bahan("2026-03", "63.03", "en", today=DAY)
    return dataclasses.replace(b, layar=[*b.layar, long_table("en")])


@pytest.fixture(scope="module")
def bahan_id(base_env):
    b = rakor_content.bahan("2026-03", None, "id", today=DAY)
    chart = Layar("grafik", "Grafik panjang", "Tiga belas kab/kota", ["Satu baris."],
                  Grafik("Indeks", [f"Kab {i}" for i in range(13)], [("2025", [70.0 + i for i in range(13)]),
                                                                     ("2026", [77.8] * 13)]))  # fmt: skip
    return dataclasses.replace(b, layar=[*b.layar, chart, long_table("id")])


def run_sizes(text_frame) -> list[float]:
    return [r.font.size.pt for p in text_frame.paragraphs for r in p.runs if r.text.strip()]


@pytest.mark.parametrize("which", ["bahan_id", "bahan_en"])
def test_pptx_type_sizes(which, request):
    prs = Presentation(io.BytesIO(deck_pptx.build(request.getfixturevalue(which))))
    seen = {"body": 0, "table": 0, "chart": 0, "label": 0}
    for slide in list(prs.slides)[1:]:
        for shape in slide.shapes:
            if shape.name in ("Pesan", "Narasi"):
                sizes = run_sizes(shape.text_frame)
                assert sizes and min(sizes) >= 20, (shape.name, sizes)
                seen["body"] += len(sizes)
            elif shape.has_table:
                for row in shape.table.rows:
                    for cell in row.cells:
                        sizes = run_sizes(cell.text_frame)
                        assert all(s >= 14 for s in sizes), sizes
                        seen["table"] += len(sizes)
            elif shape.has_chart:
                chart = shape.chart
                assert chart.font.size >= Pt(14)
                assert chart.category_axis.tick_labels.font.size >= Pt(14)
                assert chart.value_axis.tick_labels.font.size >= Pt(14)
                if chart.has_legend:
                    assert chart.legend.font.size >= Pt(14)
                # every size written anywhere in the chart part (text properties, data label runs) is ≥ 14 pt
                xml = etree.fromstring(chart.part.blob)
                sizes = [int(e.get("sz")) for e in xml.iter(f"{A}defRPr", f"{A}rPr") if e.get("sz")]
                assert sizes and min(sizes) >= 1400, sizes
                seen["chart"] += 1
                for plot in chart.plots:
                    for series in plot.series:
                        for point in range(len(list(series.values))):
                            dl = series.points[point].data_label
                            if dl.has_text_frame:
                                assert min(run_sizes(dl.text_frame)) >= 14
                                seen["label"] += 1
    assert all(seen.values()), seen


def test_long_table_continues_on_further_slides(bahan_en):
    prs = Presentation(io.BytesIO(deck_pptx.build(bahan_en)))
    slides = [s for s in prs.slides if any(sh.name == "Judul" and sh.text_frame.text.startswith("LONG TABLE")
                                           for sh in s.shapes)]  # fmt: skip
    assert len(slides) >= 3
    heads = [next(sh.text_frame.text for sh in s.shapes if sh.name == "Judul") for s in slides]
    assert heads[0] == "LONG TABLE" and all(h == "LONG TABLE (continued)" for h in heads[1:])
    rows = []
    for slide in slides:
        table = next(sh for sh in slide.shapes if sh.has_table).table
        assert [c.text for c in table.rows[0].cells] == ["#", "District", "Population served", "Coverage", "Category"]
        rows += [table.cell(r, 0).text for r in range(1, len(table.rows))]
        assert (
            next(sh for sh in slide.shapes if sh.has_table).top + sum(r.height for r in table.rows) <= prs.slide_height
        )
    assert rows == [str(i + 1) for i in range(40)]
    # the slide numbers count the continued slides
    numbers = [int(next(sh.text_frame.text for sh in s.shapes if sh.name == "Nomor")) for s in list(prs.slides)[1:]]
    assert numbers == list(range(2, len(prs.slides) + 1))


def test_english_table_cells_never_break_inside_a_word(bahan_en):
    prs = Presentation(io.BytesIO(deck_pptx.build(bahan_en)))
    checked = 0
    for slide in prs.slides:
        for shape in slide.shapes:
            if not shape.has_table:
                continue
            table = shape.table
            for c, column in enumerate(table.columns):
                inner = column.width / 12700 - 2 * 0.08 * 72  # the column minus the cell's left/right margins
                for row in table.rows:
                    for para in row.cells[c].text_frame.paragraphs:
                        for run in para.runs:
                            for word in run.text.split():
                                assert ukur.width_pt(word, run.font.size.pt, bool(run.font.bold)) <= inner, word
                                checked += 1
    assert checked > 200
    # the same measuring rule for the PDF's columns
    tab = long_table("en").tabel
    widths = deck_pdf._col_widths(tab, 269, deck_pdf.TABLE_PT)
    for c, w in enumerate(widths):
        inner = w / deck_pdf.PT - 2 * deck_pdf.PAD_X / deck_pdf.PT
        for text, bold in [(tab.kolom[c], True)] + [(r[c], i in tab.sorot) for i, r in enumerate(tab.baris)]:
            for word in text.split():
                assert ukur.width_pt(word, deck_pdf.TABLE_PT, bold) <= inner, word


def test_indonesian_data_labels_are_literal_text(bahan_id):
    """Format codes are stored in invariant syntax and rendered with the viewer's locale; the labels therefore
    carry their Indonesian text ("96,6", "77,8") so any machine shows a decimal comma."""
    prs = Presentation(io.BytesIO(deck_pptx.build(bahan_id)))
    chart = next(sh for s in prs.slides for sh in s.shapes if sh.has_chart).chart
    series = chart.plots[0].series[0]
    assert series.points[0].data_label.text_frame.text == f"{PEND:.1f}".replace(".", ",")
    assert chart.value_axis.tick_labels.number_format == "0"
    long = [sh.chart for s in prs.slides for sh in s.shapes if sh.has_chart][-1]
    labels = [long.plots[0].series[1].points[i].data_label.text_frame.text for i in range(13)]
    assert labels == ["77,8"] * 13
    assert long.plots[0].series[0].points[0].data_label.text_frame.text == "70,0"


def content_lines(page, bahan) -> list[str]:
    lines = [ln.strip() for ln in page.extract_text().splitlines() if ln.strip()]
    drop = {bahan.konteks, bahan.sudut_sampel}
    return [ln for ln in lines if ln not in drop and not re.fullmatch(r"(Halaman|Page) \d+", ln)
            and not (ln.endswith(bahan.konteks) and ln.startswith(bahan.sudut_sampel))]  # fmt: skip


@pytest.mark.parametrize("which", ["bahan_id", "bahan_en"])
def test_pdf_no_orphan_pages(which, request):
    bahan = request.getfixturevalue(which)
    reader = PdfReader(io.BytesIO(deck_pdf.build(bahan)))
    counts = [len(content_lines(p, bahan)) for p in reader.pages]
    assert len(counts) > len(bahan.semua) + 1  # the long table and notes went onto continued pages
    assert min(counts) >= 3, counts
    text = "\n".join(p.extract_text() for p in reader.pages)
    for i in range(40):
        assert f"Kabupaten Hulu Sungai Selatan Nomor {i + 1}" in text.replace("\n", " ")


@pytest.mark.parametrize("which", ["bahan_id", "bahan_en"])
def test_pdf_type_sizes(which, request):
    """Nothing in the brief is printed below 10 pt (the numbers behind each screen, corner and page number); the
    narrative is at least 20 pt and table cells and chart labels at least 14 pt."""
    bahan = request.getfixturevalue(which)
    reader = PdfReader(io.BytesIO(deck_pdf.build(bahan)))
    sizes: dict[str, float] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            scale = (tm[0] ** 2 + tm[1] ** 2) ** 0.5 if tm else 1.0
            sizes[text.strip()] = min(size * (scale or 1.0), sizes.get(text.strip(), 1e9))

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    assert sizes and min(sizes.values()) >= 10, sorted(sizes.items(), key=lambda kv: kv[1])[:5]
    narrative = bahan.layar[0].kalimat[0]
    assert min(v for k, v in sizes.items() if k in ("• " + narrative) and len(k) > 8) >= 20
    assert sizes["Kabupaten Hulu Sungai Selatan Nomor 1"] >= 14
    if which == "bahan_id":
        assert min(v for k, v in sizes.items() if k.startswith("Kab ")) >= 14
