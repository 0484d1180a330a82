"""The briefing deck as a PowerPoint file (python-pptx): native, editable charts, real tables, a tile map drawn with
native shapes and speaker notes holding the numbers behind every slide. No browser or image export needed.

Slides: title, one per screen of :func:`dashboard.rakor.content.bahan`, closing (sources, completeness, caveats).
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from dashboard.core.i18n import t
from dashboard.rakor.content import Bahan, Grafik, Layar, Tabel, Ubin

W, H = Inches(13.333), Inches(7.5)
MARGIN = Inches(0.45)
DARK = RGBColor(0x1F, 0x2A, 0x37)
MUTED = RGBColor(0x5F, 0x6B, 0x7A)
ACCENT = RGBColor(0x0B, 0x5C, 0xAD)
WARN = RGBColor(0xB2, 0x3A, 0x00)
HEAD_FILL = RGBColor(0x0B, 0x5C, 0xAD)
ROW_ALT = RGBColor(0xF1, 0xF4, 0xF8)
SOROT = RGBColor(0xFF, 0xF3, 0xC4)


def _rgb(hex_color: str | None, default: RGBColor = ACCENT) -> RGBColor:
    if not hex_color or not isinstance(hex_color, str) or len(hex_color.lstrip("#")) != 6:
        return default
    return RGBColor.from_string(hex_color.lstrip("#").upper())


def _text(slide, x, y, w, h, text: str, size: int, *, bold: bool = False, color: RGBColor = DARK,
          align=PP_ALIGN.LEFT, anchor=MSO_ANCHOR.TOP, name: str | None = None):  # fmt: skip
    box = slide.shapes.add_textbox(x, y, w, h)
    if name:
        box.name = name
    tf = box.text_frame
    tf.word_wrap = True
    tf.vertical_anchor = anchor
    tf.margin_left = tf.margin_right = Inches(0.05)
    p = tf.paragraphs[0]
    p.alignment = align
    run = p.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.color.rgb = color
    return box


def _bullets(slide, x, y, w, h, lines: list[str], size: int) -> None:
    box = slide.shapes.add_textbox(x, y, w, h)
    box.name = "Narasi"
    tf = box.text_frame
    tf.word_wrap = True
    for i, line in enumerate(lines):
        p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
        p.space_after = Pt(4)
        run = p.add_run()
        run.text = "• " + line
        run.font.size = Pt(size)
        run.font.color.rgb = DARK


def _corner(slide, bahan: Bahan) -> None:
    _text(slide, W - Inches(5.2) - MARGIN, Inches(0.12), Inches(5.2), Inches(0.3), bahan.konteks, 11, color=MUTED,
          align=PP_ALIGN.RIGHT, name="Konteks")  # fmt: skip
    if bahan.sampel:
        _text(slide, W - Inches(5.2) - MARGIN, Inches(0.38), Inches(5.2), Inches(0.3), bahan.sudut_sampel, 10,
              bold=True, color=WARN, align=PP_ALIGN.RIGHT, name="Sampel")  # fmt: skip


def _notes(slide, lines: list[str]) -> None:
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)


def _chart(slide, g: Grafik, x, y, w, h, lang: str) -> None:
    data = CategoryChartData(number_format="0.0")
    data.categories = g.kategori
    for name, values in g.seri:
        data.add_series(name, values)
    kind = XL_CHART_TYPE.BAR_STACKED if g.tumpuk else XL_CHART_TYPE.BAR_CLUSTERED
    frame = slide.shapes.add_chart(kind, x, y, w, h, data)
    frame.name = "Grafik"
    chart = frame.chart
    chart.has_title = True
    chart.chart_title.text_frame.text = g.judul
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(13)
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    cat_axis = chart.category_axis
    cat_axis.reverse_order = True  # first category on top
    cat_axis.tick_labels.font.size = Pt(11 if len(g.kategori) <= 8 else 9)
    val_axis = chart.value_axis
    val_axis.minimum_scale = 0
    if g.maks is not None:
        val_axis.maximum_scale = g.maks
    val_axis.has_major_gridlines = True
    val_axis.tick_labels.font.size = Pt(9)
    val_axis.tick_labels.number_format = "0"
    val_axis.tick_labels.number_format_is_linked = False
    plot = chart.plots[0]
    plot.gap_width = 60
    if not g.tumpuk:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.number_format = "0.0"
        labels.number_format_is_linked = False
        labels.font.size = Pt(10)
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
    chart.has_legend = len(g.seri) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(10)
    for i, series in enumerate(plot.series):
        if g.warna_seri and i < len(g.warna_seri):
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(g.warna_seri[i])
        elif g.warna and len(g.seri) == 1:
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = ACCENT
            for j, color in enumerate(g.warna):
                if color:
                    point = series.points[j]
                    point.format.fill.solid()
                    point.format.fill.fore_color.rgb = _rgb(color)


def _table(slide, tab: Tabel, x, y, w, h, size: int = 11) -> None:
    rows, cols = len(tab.baris) + 1, len(tab.kolom)
    row_h = min(Inches(0.36), Emu(int(h / rows)))
    if row_h < Inches(0.3):
        size = min(size, 9)
    frame = slide.shapes.add_table(rows, cols, x, y, w, Emu(int(row_h * rows)))
    frame.name = "Tabel"
    table = frame.table
    widths = [max(len(c), *(len(r[i]) for r in tab.baris)) if tab.baris else len(c) for i, c in enumerate(tab.kolom)]
    widths = [min(max(v, 9), 30) for v in widths]
    total = sum(widths)
    for i, v in enumerate(widths):
        table.columns[i].width = Emu(int(w * v / total))
    for r in range(rows):
        table.rows[r].height = row_h
    for c, head in enumerate(tab.kolom):
        cell = table.cell(0, c)
        cell.text = head
        para = cell.text_frame.paragraphs[0]
        para.runs[0].font.size = Pt(size)
        para.runs[0].font.bold = True
        para.runs[0].font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        cell.fill.solid()
        cell.fill.fore_color.rgb = HEAD_FILL
    for r, values in enumerate(tab.baris, start=1):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            cell.margin_top = cell.margin_bottom = Inches(0.01)
            cell.margin_left = cell.margin_right = Inches(0.05)
            run = cell.text_frame.paragraphs[0].runs[0] if cell.text_frame.paragraphs[0].runs else None
            if run is not None:
                run.font.size = Pt(size)
                run.font.color.rgb = DARK
                run.font.bold = (r - 1) in tab.sorot
            cell.fill.solid()
            cell.fill.fore_color.rgb = (
                SOROT if (r - 1) in tab.sorot else (ROW_ALT if r % 2 == 0 else RGBColor(0xFF, 0xFF, 0xFF))
            )


def _tiles(slide, tiles: list[Ubin], x, y, w, h, title: str) -> None:
    if not tiles:
        return
    _text(slide, x, y, w, Inches(0.3), title, 11, bold=True, color=MUTED)
    y = y + Inches(0.35)
    h = h - Inches(0.35)
    rows = max(u.baris for u in tiles) + 1
    cols = max(u.kolom for u in tiles) + 1
    size = min(int(w / cols), int(h / rows))
    gap = Inches(0.04)
    for u in tiles:
        shape = slide.shapes.add_shape(
            MSO_SHAPE.RECTANGLE, x + u.kolom * size, y + u.baris * size, size - gap, size - gap
        )
        shape.name = f"Ubin {u.label}"
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(u.warna, RGBColor(0xE0, 0xE0, 0xE0))
        shape.line.fill.background()
        tf = shape.text_frame
        tf.margin_left = tf.margin_right = Inches(0.02)
        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        p = tf.paragraphs[0]
        p.alignment = PP_ALIGN.CENTER
        run = p.add_run()
        run.text = u.label
        run.font.size = Pt(11)
        run.font.bold = True
        dark = _dark_text(u.warna)
        run.font.color.rgb = DARK if dark else RGBColor(0xFF, 0xFF, 0xFF)
        p2 = tf.add_paragraph()
        p2.alignment = PP_ALIGN.CENTER
        r2 = p2.add_run()
        r2.text = u.nilai
        r2.font.size = Pt(10)
        r2.font.color.rgb = DARK if dark else RGBColor(0xFF, 0xFF, 0xFF)


def _dark_text(hex_color: str | None) -> bool:
    c = _rgb(hex_color, RGBColor(0xE0, 0xE0, 0xE0))
    r, g, b = c[0], c[1], c[2]
    return 0.299 * r + 0.587 * g + 0.114 * b > 150


def _text_height(lines: list[str], size: int, width_in: float) -> float:
    """Inches a bullet list needs at ``size`` points in a box ``width_in`` wide (estimate for the layout)."""
    per_line = max(int(width_in * 72 / (size * 0.5)), 20)
    rows = sum(-(-(len(line) + 2) // per_line) for line in lines)
    return min(rows * size * 1.22 / 72 + len(lines) * 4 / 72 + 0.15, 3.2)


def _title_slide(prs, bahan: Bahan) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    band = slide.shapes.add_shape(MSO_SHAPE.RECTANGLE, 0, 0, W, Inches(0.25))
    band.fill.solid()
    band.fill.fore_color.rgb = ACCENT
    band.line.fill.background()
    _text(slide, MARGIN, Inches(1.5), W - 2 * MARGIN, Inches(1.5), bahan.judul, 38, bold=True, name="Judul",
          anchor=MSO_ANCHOR.BOTTOM)  # fmt: skip
    _text(slide, MARGIN, Inches(3.35), W - 2 * MARGIN, Inches(0.6), bahan.wilayah, 28, color=ACCENT, name="Wilayah")
    _text(slide, MARGIN, Inches(4.0), W - 2 * MARGIN, Inches(0.5), bahan.periode_label, 24, color=DARK, name="Periode")
    _text(slide, MARGIN, Inches(4.75), W - 2 * MARGIN, Inches(0.4), t("rakor.disiapkan", bahan.lang, tanggal=bahan.tanggal), 16,
          color=MUTED, name="Tanggal")  # fmt: skip
    if bahan.sampel:
        _text(slide, MARGIN, Inches(5.45), W - 2 * MARGIN, Inches(0.5), bahan.teks_sampel, 16, bold=True,
              color=WARN, name="Sampel")  # fmt: skip
    _notes(
        slide,
        [t("rakor.catatan_judul", bahan.lang, wilayah=bahan.wilayah, periode=bahan.periode_label, bahasa=bahan.lang)],
    )


def _screen_slide(prs, bahan: Bahan, layar: Layar, number: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    _text(
        slide,
        MARGIN,
        Inches(0.12),
        Inches(7.0),
        Inches(0.4),
        layar.judul.upper(),
        13,
        bold=True,
        color=ACCENT,
        name="Judul",
    )
    _corner(slide, bahan)
    head_size = 24 if len(layar.pesan) <= 95 else (20 if len(layar.pesan) <= 140 else 18)
    _text(slide, MARGIN, Inches(0.55), W - 2 * MARGIN, Inches(1.05), layar.pesan, head_size, bold=True, name="Pesan")
    full = W - 2 * MARGIN
    has_visual = layar.grafik is not None or layar.tabel is not None or bool(layar.ubin)
    chars = sum(len(line) for line in layar.kalimat)
    sizes = ((300, 14), (600, 12), (10**9, 11)) if has_visual else ((700, 16), (10**9, 13))
    size = next(pt for limit, pt in sizes if chars <= limit)
    text_h = Inches(_text_height(layar.kalimat, size, full / 914400)) if has_visual else Inches(5.4)
    top = Inches(1.65)
    if layar.kalimat:
        _bullets(slide, MARGIN, top, full, text_h, layar.kalimat, size)
    vis_y = top + text_h + Inches(0.1) if layar.kalimat else top
    vis_h = H - vis_y - Inches(0.45)
    if layar.ubin and layar.tabel is not None:
        left_w = Inches(3.4)
        _tiles(slide, layar.ubin, MARGIN, vis_y, left_w, vis_h, t("rakor.peta_judul", bahan.lang))
        _table(slide, layar.tabel, MARGIN + left_w + Inches(0.2), vis_y, full - left_w - Inches(0.2), vis_h, 10)
    elif layar.grafik is not None and layar.tabel is not None:
        half = int(full / 2) - Inches(0.1)
        _chart(slide, layar.grafik, MARGIN, vis_y, half, vis_h, bahan.lang)
        _table(slide, layar.tabel, MARGIN + half + Inches(0.2), vis_y, half, vis_h, 10)
    elif layar.grafik is not None:
        _chart(slide, layar.grafik, MARGIN, vis_y, full, vis_h, bahan.lang)
    elif layar.tabel is not None:
        _table(slide, layar.tabel, MARGIN, vis_y, full, vis_h, 11)
    _text(slide, W - Inches(1.2) - MARGIN, H - Inches(0.4), Inches(1.2), Inches(0.3), str(number), 10, color=MUTED,
          align=PP_ALIGN.RIGHT, name="Nomor")  # fmt: skip
    _notes(slide, [layar.pesan, *layar.catatan])


def build(bahan: Bahan) -> bytes:
    """The deck as PPTX bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    prs.core_properties.title = f"{bahan.judul} – {bahan.wilayah} – {bahan.periode_label}"
    prs.core_properties.author = "SPM Posyandu Kalsel"
    _title_slide(prs, bahan)
    for i, layar in enumerate(bahan.semua, start=2):
        _screen_slide(prs, bahan, layar, i)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
