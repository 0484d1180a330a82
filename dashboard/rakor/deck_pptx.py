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
from dashboard.rakor import ukur
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
# minimum type sizes for the back of the room (issue 15): body text, tables, chart labels
BODY_PT, TABLE_PT, CHART_PT = 20, 14, 14


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
        p.space_after = Pt(6)
        run = p.add_run()
        run.text = "• " + line
        run.font.size = Pt(size)
        run.font.color.rgb = DARK


def _corner(slide, bahan: Bahan) -> None:
    _text(slide, W - Inches(5.2) - MARGIN, Inches(0.08), Inches(5.2), Inches(0.3), bahan.konteks, 14, color=MUTED,
          align=PP_ALIGN.RIGHT, name="Konteks")  # fmt: skip
    if bahan.sampel:
        _text(slide, W - Inches(5.2) - MARGIN, Inches(0.36), Inches(5.2), Inches(0.3), bahan.sudut_sampel, 14,
              bold=True, color=WARN, align=PP_ALIGN.RIGHT, name="Sampel")  # fmt: skip


def _notes(slide, lines: list[str]) -> None:
    slide.notes_slide.notes_text_frame.text = "\n".join(lines)


def _label_text(v: float | None, g: Grafik, lang: str) -> str:
    from dashboard.core import fmt

    return fmt.NA if v is None else fmt.angka(v, 1, lang)


def _chart(slide, g: Grafik, x, y, w, h, lang: str) -> None:
    # Number formats. In OOXML a format code is stored in the invariant (en-US) syntax: "0.0" means "one decimal",
    # and the viewer renders the separator from ITS OWN locale (PowerPoint from Windows' regional settings,
    # LibreOffice from its locale setting), so an Indonesian deck opened on an English machine shows "77.8"; a code
    # such as "#.##0,0" is not an Indonesian format either, it is read as invariant syntax and misrenders. The only
    # rendering that reads as Indonesian on a machine in any locale is literal text: every data label carries its
    # formatted value (fmt.angka, "77,8") as the label's own rich text, while the series keep their numbers (the
    # chart stays editable; a label edited by hand keeps its text). Axis ticks use "0" (whole percentages, no
    # decimal or thousands separator), which reads the same in every locale.
    data = CategoryChartData(number_format="0.0")
    data.categories = g.kategori
    for name, values in g.seri:
        data.add_series(name, values)
    kind = XL_CHART_TYPE.BAR_STACKED if g.tumpuk else XL_CHART_TYPE.BAR_CLUSTERED
    frame = slide.shapes.add_chart(kind, x, y, w, h, data)
    frame.name = "Grafik"
    chart = frame.chart
    chart.font.size = Pt(CHART_PT)
    chart.has_title = True
    chart.chart_title.text_frame.text = g.judul
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.size = Pt(CHART_PT + 2)
    chart.chart_title.text_frame.paragraphs[0].runs[0].font.bold = True
    cat_axis = chart.category_axis
    cat_axis.reverse_order = True  # first category on top
    cat_axis.tick_labels.font.size = Pt(CHART_PT)
    val_axis = chart.value_axis
    val_axis.minimum_scale = 0
    if g.maks is not None:
        val_axis.maximum_scale = g.maks
    val_axis.has_major_gridlines = True
    val_axis.tick_labels.font.size = Pt(CHART_PT)
    val_axis.tick_labels.number_format = "0"
    val_axis.tick_labels.number_format_is_linked = False
    plot = chart.plots[0]
    plot.gap_width = 50
    if not g.tumpuk:
        plot.has_data_labels = True
        labels = plot.data_labels
        labels.font.size = Pt(CHART_PT)
        labels.position = XL_LABEL_POSITION.OUTSIDE_END
        for series, (_, values) in zip(plot.series, g.seri, strict=True):
            for j, v in enumerate(values):
                if v is None:
                    continue
                tf = series.points[j].data_label.text_frame
                tf.text = _label_text(v, g, lang)
                for run in tf.paragraphs[0].runs:
                    run.font.size = Pt(CHART_PT)
    chart.has_legend = len(g.seri) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
        chart.legend.font.size = Pt(CHART_PT)
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


def _chart_need(g: Grafik) -> int:
    """EMU a chart needs so its 14 pt category labels and data labels do not collide."""
    per = max(0.29, (1 if g.tumpuk else len(g.seri)) * 0.24)
    return Inches(1.0 + (0.4 if len(g.seri) > 1 else 0) + per * len(g.kategori))


CELL_PAD_PT = 2 * 0.08 * 72 + 4  # left + right cell margins and a little air


def table_layout(tab: Tabel, width_emu: int, size: int = TABLE_PT) -> tuple[list[float], list[int]]:
    """(column widths in points, row heights in EMU: header first) for ``tab`` in ``width_emu``: columns sized from
    their content so no word or number is broken (see :mod:`dashboard.rakor.ukur`)."""
    widths = ukur.column_widths(tab.kolom, tab.baris, width_emu / 12700, size, CELL_PAD_PT, set(tab.sorot))
    line = size * 1.2
    heights = []
    for r, values in enumerate([tab.kolom, *tab.baris]):
        bold = r == 0 or (r - 1) in tab.sorot
        n = max(ukur.lines_needed(v, wd - CELL_PAD_PT, size, bold) for v, wd in zip(values, widths, strict=False))
        heights.append(int((n * line + 0.1 * 72) * 12700))
    return widths, heights


def table_fits(tab: Tabel, width_emu: int, size: int = TABLE_PT) -> bool:
    """Whether every column's widest word fits ``width_emu`` at ``size``."""
    need = sum(
        max([ukur.longest_word_pt(tab.kolom[c], size, True)]
            + [ukur.longest_word_pt(r[c], size, i in tab.sorot) for i, r in enumerate(tab.baris)])
        + CELL_PAD_PT
        for c in range(len(tab.kolom))
    )
    return need <= width_emu / 12700


def table_chunks(tab: Tabel, width_emu: int, first_h: int, next_h: int) -> list[Tabel]:
    """``tab`` split into parts whose rows fit ``first_h`` (the first slide) and ``next_h`` (continued slides), the
    header repeated on each; highlighted rows keep their highlight."""
    _, heights = table_layout(tab, width_emu)
    head, rows = heights[0], heights[1:]
    parts: list[Tabel] = []
    start, used, room = 0, head, first_h
    for i, rh in enumerate(rows):
        if used + rh > room and i > start:
            parts.append(Tabel(tab.kolom, tab.baris[start:i], [s - start for s in tab.sorot if start <= s < i]))
            start, used, room = i, head, next_h
        used += rh
    parts.append(Tabel(tab.kolom, tab.baris[start:], [s - start for s in tab.sorot if s >= start]))
    return parts


def _table(slide, tab: Tabel, x, y, w, h=None, size: int = TABLE_PT) -> None:
    rows, cols = len(tab.baris) + 1, len(tab.kolom)
    widths, heights = table_layout(tab, w, size)
    frame = slide.shapes.add_table(rows, cols, x, y, w, Emu(sum(heights)))
    frame.name = "Tabel"
    table = frame.table
    used = 0
    for i, v in enumerate(widths):
        emu = int(v * 12700) if i < cols - 1 else int(w) - used
        table.columns[i].width = Emu(emu)
        used += emu
    for r in range(rows):
        table.rows[r].height = Emu(heights[r])
    for c, head in enumerate(tab.kolom):
        cell = table.cell(0, c)
        cell.text = head
        cell.margin_left = cell.margin_right = Inches(0.08)
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
            cell.margin_top = cell.margin_bottom = Inches(0.03)
            cell.margin_left = cell.margin_right = Inches(0.08)
            cell.text_frame.word_wrap = True
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
    _text(slide, x, y, w, Inches(0.4), title, 16, bold=True, color=MUTED)
    y = y + Inches(0.45)
    h = h - Inches(0.45)
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
        tf.word_wrap = True
        tf.margin_left = tf.margin_right = Inches(0.02)
        tf.vertical_anchor = MSO_ANCHOR.MIDDLE
        p = tf.paragraphs[0]
        p.alignment = PP_ALIGN.CENTER
        run = p.add_run()
        run.text = u.label
        run.font.size = Pt(CHART_PT)
        run.font.bold = True
        dark = _dark_text(u.warna)
        run.font.color.rgb = DARK if dark else RGBColor(0xFF, 0xFF, 0xFF)
        p2 = tf.add_paragraph()
        p2.alignment = PP_ALIGN.CENTER
        r2 = p2.add_run()
        r2.text = u.nilai
        r2.font.size = Pt(CHART_PT)
        r2.font.color.rgb = DARK if dark else RGBColor(0xFF, 0xFF, 0xFF)


def _dark_text(hex_color: str | None) -> bool:
    c = _rgb(hex_color, RGBColor(0xE0, 0xE0, 0xE0))
    r, g, b = c[0], c[1], c[2]
    return 0.299 * r + 0.587 * g + 0.114 * b > 150


def _text_height(lines: list[str], size: int, width_emu: int, bullet: bool = True, bold: bool = False) -> int:
    """EMU a paragraph list needs at ``size`` points in a box ``width_emu`` wide (wrapped between words)."""
    width = width_emu / 12700 - 0.1 * 72 - 4
    rows = sum(ukur.lines_needed(("• " if bullet else "") + line, width, size, bold) for line in lines)
    return int((rows * size * 1.2 + len(lines) * 6 + 0.12 * 72) * 12700)


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
    _text(slide, MARGIN, Inches(4.75), W - 2 * MARGIN, Inches(0.4), t("rakor.disiapkan", bahan.lang, tanggal=bahan.tanggal), 20,
          color=MUTED, name="Tanggal")  # fmt: skip
    if bahan.sampel:
        _text(slide, MARGIN, Inches(5.45), W - 2 * MARGIN, Inches(0.9), bahan.teks_sampel, 20, bold=True,
              color=WARN, name="Sampel")  # fmt: skip
    _notes(
        slide,
        [t("rakor.catatan_judul", bahan.lang, wilayah=bahan.wilayah, periode=bahan.periode_label, bahasa=bahan.lang)],
    )


def _head(prs, bahan: Bahan, layar: Layar, number: int, continued: bool):
    """A new slide with the screen's label, the corner, its page number and its message; returns (slide, top)."""
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    label = layar.judul.upper() + (f" ({t('rakor.lanjutan', bahan.lang)})" if continued else "")
    _text(slide, MARGIN, Inches(0.12), Inches(7.4), Inches(0.4), label, 16, bold=True, color=ACCENT, name="Judul")
    _corner(slide, bahan)
    full = W - 2 * MARGIN
    head_size = 28 if len(layar.pesan) <= 95 else 24
    head_h = _text_height([layar.pesan], head_size, full, bullet=False, bold=True)
    _text(slide, MARGIN, Inches(0.7), full, head_h, layar.pesan, head_size, bold=True, name="Pesan")
    _text(slide, W - Inches(1.2) - MARGIN, H - Inches(0.42), Inches(1.2), Inches(0.32), str(number), 14, color=MUTED,
          align=PP_ALIGN.RIGHT, name="Nomor")  # fmt: skip
    _notes(slide, [layar.pesan, *layar.catatan])
    return slide, Inches(0.7) + head_h + Inches(0.1)


def _screen_slides(prs, bahan: Bahan, layar: Layar, number: int) -> int:
    """The slides of one screen: its message and text, then its chart, tile map and table, moved to continued
    slides when they do not fit and a long table split across slides (never shrunk below the minimum sizes).
    Returns the number of slides added."""
    full = W - 2 * MARGIN
    bottom = H - Inches(0.5)
    slide, top = _head(prs, bahan, layar, number, False)
    added = 1
    if layar.kalimat:
        text_h = _text_height(layar.kalimat, BODY_PT, full)
        _bullets(slide, MARGIN, top, full, text_h, layar.kalimat, BODY_PT)
        top = top + text_h + Inches(0.1)

    def next_slide():
        nonlocal slide, top, added
        slide, top = _head(prs, bahan, layar, number + added, True)
        added += 1

    g, tab = layar.grafik, layar.tabel
    gap = Inches(0.25)
    half = int((full - gap) / 2)
    side_by_side = (
        g is not None
        and tab is not None
        and table_fits(tab, half)
        and sum(table_layout(tab, half)[1]) <= bottom - top
        and _chart_need(g) <= bottom - top
    )
    if side_by_side:
        _chart(slide, g, MARGIN, top, half, bottom - top, bahan.lang)
        _table(slide, tab, MARGIN + half + gap, top, half)
        return added
    if g is not None:
        below = sum(table_layout(tab, full)[1]) + gap if tab is not None and not layar.ubin else None
        together = _chart_need(g) + (below or 0)
        if together > bottom - top and top > Inches(2.2) and together <= bottom - Inches(2.2):
            next_slide()  # the chart and its short table together on the next slide
        elif _chart_need(g) > bottom - top and top > Inches(2.2):
            next_slide()
        if below is not None and _chart_need(g) + below <= bottom - top:
            # a short table fits under the chart: keep them on one slide
            _chart(slide, g, MARGIN, top, full, bottom - top - below, bahan.lang)
            _table(slide, tab, MARGIN, bottom - below + gap, full)
            return added
        _chart(slide, g, MARGIN, top, full, bottom - top, bahan.lang)
        if tab is not None or layar.ubin:
            next_slide()
    tab_x, tab_w = MARGIN, full
    if layar.ubin:
        map_w = Inches(3.6)
        rows = max(u.baris for u in layar.ubin) + 1
        cols = max(u.kolom for u in layar.ubin) + 1
        if Inches(0.35) + int(map_w / cols) * rows > bottom - top and top > Inches(2.2):
            next_slide()
        _tiles(slide, layar.ubin, MARGIN, top, map_w, bottom - top, t("rakor.peta_judul", bahan.lang))
        tab_x, tab_w = MARGIN + map_w + gap, full - map_w - gap
    if tab is not None:
        first_room = bottom - top
        next_room = bottom - Inches(1.8)
        parts = table_chunks(tab, tab_w, first_room, next_room)
        if len(parts) > 1 and len(parts[0].baris) < 3 and top > Inches(2.2):
            next_slide()
            parts = table_chunks(tab, tab_w, bottom - top, next_room)
        for i, part in enumerate(parts):
            if i:
                next_slide()
                if layar.ubin:
                    tab_x, tab_w = MARGIN, full
            _table(slide, part, tab_x, top, tab_w)
    return added


def build(bahan: Bahan) -> bytes:
    """The deck as PPTX bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = W, H
    prs.core_properties.title = f"{bahan.judul} – {bahan.wilayah} – {bahan.periode_label}"
    prs.core_properties.author = "SPM Posyandu Kalsel"
    _title_slide(prs, bahan)
    number = 2
    for layar in bahan.semua:
        number += _screen_slides(prs, bahan, layar, number)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()
