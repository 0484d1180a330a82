"""The briefing as a printable PDF (fpdf2): the same title, screens and closing page as the deck, one A4 landscape
page each, with bar charts and tables drawn natively and the numbers behind each page in small print.

Text uses DejaVu Sans when the font is installed (Debian: fonts-dejavu-core), so Indonesian and the arrows print as
they are; without it the core Helvetica font is used and the text is transliterated to Latin-1.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

from dashboard.core.i18n import t
from dashboard.rakor import ukur
from dashboard.rakor.content import Bahan, Grafik, Layar, Tabel, Ubin

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"), Path("/usr/local/share/fonts"))
DARK = (31, 42, 55)
MUTED = (95, 107, 122)
ACCENT = (11, 92, 173)
WARN = (178, 58, 0)
SERIES = ((31, 119, 180), (251, 140, 0), (211, 47, 47), (142, 36, 170), (0, 137, 123))
SOROT = (255, 243, 196)
ASCII = {"–": "-", "—": "-", "−": "-", "▲": "^", "▼": "v", "≥": ">=", "≤": "<=", "·": "-", "…": "...", "→": "->",
         "•": "-", "’": "'", "‘": "'", "“": '"', "”": '"', "×": "x", "²": "2", "±": "+/-"}  # fmt: skip


def find_font() -> tuple[Path, Path] | None:
    """(regular, bold) DejaVu Sans TTF files, or None ($SPM_PDF_FONT_DIR first; 'none' forces the fallback)."""
    extra = os.environ.get("SPM_PDF_FONT_DIR")
    if extra == "none":
        return None
    for folder in ((Path(extra),) if extra else ()) + FONT_DIRS:
        regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
        if regular.exists():
            return regular, bold if bold.exists() else regular
    return None


def transliterate(text: str) -> str:
    """Latin-1 text for the core fonts: known symbols spelled out, accents dropped, the rest replaced by '?'."""
    out = "".join(ASCII.get(ch, ch) for ch in text)
    out = unicodedata.normalize("NFKD", out)
    return "".join(ch for ch in out if not unicodedata.combining(ch)).encode("latin-1", "replace").decode("latin-1")


def _rgb(hex_color: str | None, default=(200, 200, 200)) -> tuple[int, int, int]:
    if not hex_color or not isinstance(hex_color, str) or len(hex_color.lstrip("#")) != 6:
        return default
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class Brief(FPDF):
    def __init__(self, bahan: Bahan):
        super().__init__(orientation="L", unit="mm", format="A4")
        self.bahan = bahan
        font = find_font()
        self.unicode = font is not None
        if font:
            self.add_font("Teks", "", str(font[0]))
            self.add_font("Teks", "B", str(font[1]))
            self.family = "Teks"
        else:
            self.family = "Helvetica"
        self.set_auto_page_break(True, margin=12)
        self.set_margins(14, 12, 14)
        self.set_title(transliterate(f"{bahan.judul} - {bahan.wilayah} - {bahan.periode_label}"))
        self.set_author("SPM Posyandu Kalsel")

    def s(self, text: str) -> str:
        return text if self.unicode else transliterate(text)

    def font(self, size: float, bold: bool = False, color=DARK) -> None:
        self.set_font(self.family, "B" if bold else "", size)
        self.set_text_color(*color)

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.font(10, color=MUTED)
        self.set_xy(self.l_margin, 5)
        self.cell(self.epw, 5, self.s(self.bahan.konteks), align="R")
        if self.bahan.sampel:
            self.font(10, bold=True, color=WARN)
            self.set_xy(self.l_margin, 5)
            self.cell(self.epw / 2, 5, self.s(self.bahan.sudut_sampel))
        self.set_xy(self.l_margin, 12)

    def footer(self) -> None:
        self.set_y(-9)
        self.font(10, color=MUTED)
        self.cell(self.epw, 5, self.s(t("rakor.halaman_pdf", self.bahan.lang, i=self.page_no())), align="R")


PT = 0.3528  # mm per point
BODY_PT, TABLE_PT, CHART_PT, NOTES_PT = 20, 14, 14, 10  # minimum type sizes (issue 15)


def bars_height(g: Grafik) -> float:
    """mm a chart needs so its 14 pt labels do not collide."""
    return 9 + (8 if len(g.seri) > 1 else 0) + _band(g) * len(g.kategori)


def _band(g: Grafik) -> float:
    """mm per category: room for the 14 pt category label and, per bar, its 14 pt value label."""
    per = 1 if g.tumpuk else len(g.seri)
    return max(CHART_PT * PT * 1.45, per * CHART_PT * PT * 1.05 / 0.85)


def _bars(pdf: Brief, g: Grafik, x: float, y: float, w: float, h: float) -> None:
    """A horizontal bar chart (clustered or stacked) with value labels, drawn with rectangles."""
    pdf.set_auto_page_break(False)
    try:
        _draw_bars(pdf, g, x, y, w, h)
    finally:
        pdf.set_auto_page_break(True, margin=12)


def _draw_bars(pdf: Brief, g: Grafik, x: float, y: float, w: float, h: float) -> None:
    pdf.font(CHART_PT + 1, bold=True)
    pdf.set_xy(x, y)
    pdf.cell(w, 7, pdf.s(g.judul))
    y += 9
    h -= 9
    if len(g.seri) > 1:
        lx = x
        pdf.font(CHART_PT)
        for i, (name, _) in enumerate(g.seri):
            pdf.set_fill_color(
                *_rgb(g.warna_seri[i] if g.warna_seri and i < len(g.warna_seri) else None, SERIES[i % 5])
            )
            pdf.rect(lx, y + 1.2, 4, 4, style="F")
            pdf.set_xy(lx + 5, y)
            label = pdf.s(name)
            pdf.cell(pdf.get_string_width(label) + 2, 6.5, label)
            lx += pdf.get_string_width(label) + 11
        y += 8
        h -= 8
    n = len(g.kategori)
    if n == 0:
        return
    pdf.font(CHART_PT)
    label_w = min(w * 0.38, max(pdf.get_string_width(pdf.s(c)) for c in g.kategori) + 3)
    value_w = pdf.get_string_width("100,0") + 3
    plot_x, plot_w = x + label_w, w - label_w - value_w
    maks = g.maks or max((sum(v[i] or 0 for _, v in g.seri) if g.tumpuk else max((v[i] or 0) for _, v in g.seri))
                         for i in range(n)) or 1.0  # fmt: skip
    per = 1 if g.tumpuk else len(g.seri)
    # the band the labels need, a little more when there is room, squeezed (never below the page) when there is not
    band = min(max(h / n, _band(g)), max(14.0, _band(g)), (pdf.h - pdf.b_margin - y) / n)
    bar_h = band * 0.85 / per
    pdf.set_draw_color(220, 220, 220)
    for tick in (0, 25, 50, 75, 100) if maks == 100 else ():
        tx = plot_x + plot_w * tick / maks
        pdf.line(tx, y, tx, y + band * n)
    for i, cat in enumerate(g.kategori):
        cy = y + i * band
        pdf.font(CHART_PT)
        pdf.set_xy(x, cy)
        pdf.cell(label_w - 1, band, _fit(pdf, pdf.s(cat), label_w - 2), align="R")
        offset = 0.0
        for j, (_, values) in enumerate(g.seri):
            v = values[i]
            if v is None:
                continue
            if g.warna and len(g.seri) == 1 and g.warna[i]:
                color = _rgb(g.warna[i])
            else:
                color = _rgb(g.warna_seri[j] if g.warna_seri and j < len(g.warna_seri) else None, SERIES[j % 5])
            pdf.set_fill_color(*color)
            bw = plot_w * max(float(v), 0.0) / maks
            by = cy + band * 0.075 + (0 if g.tumpuk else j * bar_h)
            pdf.rect(plot_x + offset, by, bw, bar_h, style="F")
            if g.tumpuk:
                offset += bw
            else:
                pdf.font(CHART_PT)
                pdf.set_xy(plot_x + bw + 0.5, by)
                pdf.cell(value_w, bar_h, pdf.s(_fmt(v, pdf.bahan.lang)))
        if g.tumpuk:
            pdf.font(CHART_PT)
            pdf.set_xy(plot_x + offset + 0.5, cy + band * 0.075)
            pdf.cell(value_w, bar_h, pdf.s(_fmt(sum(vv[i] or 0 for _, vv in g.seri), pdf.bahan.lang)))


def _fit(pdf: Brief, text: str, width: float) -> str:
    """``text`` shortened with an ellipsis until it fits ``width`` in the current font."""
    if pdf.get_string_width(text) <= width:
        return text
    dots = "…" if pdf.unicode else "..."
    while text and pdf.get_string_width(text + dots) > width:
        text = text[:-1]
    return text.rstrip() + dots


def _fmt(v: float, lang: str) -> str:
    from dashboard.core import fmt

    return fmt.angka(v, 1, lang)


PAD_X, PAD_Y = 1.6, 0.8  # table cell padding, mm


def _col_widths(tab: Tabel, w: float, size: float) -> list[float]:
    """Column widths in mm from the content: no column narrower than its widest word (see dashboard.rakor.ukur)."""
    widths = ukur.column_widths(tab.kolom, tab.baris, w / PT, size, 2 * PAD_X / PT + 3, set(tab.sorot))
    return [v * PT for v in widths]


def table_fits(tab: Tabel, w: float, size: float = TABLE_PT) -> bool:
    need = sum(
        max([ukur.longest_word_pt(tab.kolom[c], size, True)] + [ukur.longest_word_pt(r[c], size, True) for r in tab.baris])
        + 2 * PAD_X / PT + 3
        for c in range(len(tab.kolom))
    )
    return need * PT <= w


def table_height(tab: Tabel, w: float, size: float = TABLE_PT) -> float:
    """mm the table takes (rows wrapped between words)."""
    widths = _col_widths(tab, w, size)
    line = size * 0.5
    total = 0.0
    for r, values in enumerate([tab.kolom, *tab.baris]):
        n = max(ukur.lines_needed(v, wd / PT - 2 * PAD_X / PT, size, r == 0) for v, wd in zip(values, widths, strict=False))
        total += n * line + 2 * PAD_Y
    return total


def _table(pdf: Brief, tab: Tabel, x: float, y: float, w: float, size: float = TABLE_PT) -> None:
    pdf.set_xy(x, y)
    pdf.font(size)
    pdf.set_draw_color(200, 200, 200)
    pdf.set_fill_color(241, 244, 248)
    col_w = tuple(_col_widths(tab, w, size))
    pdf.set_left_margin(x)
    heading = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=ACCENT)
    with pdf.table(width=w, col_widths=col_w, text_align="LEFT", line_height=size * 0.5, align="LEFT",
                   headings_style=heading, first_row_as_headings=True, borders_layout="HORIZONTAL_LINES",
                   cell_fill_color=(241, 244, 248), cell_fill_mode="ROWS", padding=(PAD_Y, PAD_X)) as table:  # fmt: skip
        head = table.row()
        for c in tab.kolom:
            head.cell(pdf.s(c))
        for i, values in enumerate(tab.baris):
            style = FontFace(emphasis="BOLD", fill_color=SOROT) if i in tab.sorot else None
            row = table.row()
            for v in values:
                row.cell(pdf.s(v), style=style)
    pdf.set_left_margin(14)


def _tiles(pdf: Brief, tiles: list[Ubin], x: float, y: float, w: float, title: str) -> float:
    pdf.font(12, bold=True, color=MUTED)
    pdf.set_xy(x, y)
    pdf.cell(w, 6, pdf.s(title))
    y += 7
    rows = max(u.baris for u in tiles) + 1
    cols = max(u.kolom for u in tiles) + 1
    size = w / cols
    for u in tiles:
        color = _rgb(u.warna)
        pdf.set_fill_color(*color)
        tx, ty = x + u.kolom * size, y + u.baris * size
        pdf.rect(tx, ty, size - 1, size - 1, style="F")
        dark = 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2] > 150
        pdf.font(CHART_PT, bold=True, color=DARK if dark else (255, 255, 255))
        pdf.set_xy(tx, ty + size / 2 - 6)
        pdf.cell(size - 1, 6, _fit(pdf, pdf.s(u.label), size - 2), align="C")
        pdf.font(CHART_PT, color=DARK if dark else (255, 255, 255))
        pdf.set_xy(tx, ty + size / 2)
        pdf.cell(size - 1, 6, _fit(pdf, pdf.s(u.nilai), size - 2), align="C")
    return y + rows * size


def _title_page(pdf: Brief, bahan: Bahan) -> None:
    pdf.add_page()
    pdf.set_fill_color(*ACCENT)
    pdf.rect(0, 0, pdf.w, 6, style="F")
    pdf.set_y(60)
    pdf.font(26, bold=True)
    pdf.multi_cell(pdf.epw, 12, pdf.s(bahan.judul), align="L")
    pdf.ln(4)
    pdf.font(18, color=ACCENT)
    pdf.cell(pdf.epw, 10, pdf.s(bahan.wilayah), new_x="LMARGIN", new_y="NEXT")
    pdf.font(16)
    pdf.cell(pdf.epw, 9, pdf.s(bahan.periode_label), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.font(11, color=MUTED)
    pdf.cell(pdf.epw, 7, pdf.s(t("rakor.disiapkan", bahan.lang, tanggal=bahan.tanggal)), new_x="LMARGIN", new_y="NEXT")
    if bahan.sampel:
        pdf.ln(4)
        pdf.font(12, bold=True, color=WARN)
        pdf.multi_cell(pdf.epw, 7, pdf.s(bahan.teks_sampel), align="L")


def _room(pdf: Brief) -> float:
    return pdf.h - pdf.b_margin - pdf.get_y()


def _label(pdf: Brief, layar: Layar, continued: bool) -> None:
    pdf.font(12, bold=True, color=ACCENT)
    text = layar.judul.upper() + (f" ({t('rakor.lanjutan', pdf.bahan.lang)})" if continued else "")
    pdf.cell(pdf.epw, 6, pdf.s(text), new_x="LMARGIN", new_y="NEXT")


def _need(pdf: Brief, layar: Layar, height: float) -> None:
    """A continued page when ``height`` mm does not fit what is left of this one (so a block is never split and no
    page holds a stray line or two)."""
    if height > _room(pdf) and pdf.get_y() > 25:  # (a fresh continued page takes what it gets)
        pdf.add_page()
        _label(pdf, layar, True)


def _para(pdf: Brief, layar: Layar, text: str, size: float, line_h: float, bold: bool = False, color=DARK) -> None:
    pdf.font(size, bold=bold, color=color)
    lines = pdf.multi_cell(pdf.epw, line_h, pdf.s(text), dry_run=True, output="LINES")
    _need(pdf, layar, len(lines) * line_h)
    pdf.font(size, bold=bold, color=color)
    pdf.multi_cell(pdf.epw, line_h, pdf.s(text), new_x="LMARGIN", new_y="NEXT", align="L")


def _screen_page(pdf: Brief, bahan: Bahan, layar: Layar) -> None:
    pdf.add_page()
    _label(pdf, layar, False)
    _para(pdf, layar, layar.pesan, 24, 10.5, bold=True)
    pdf.ln(2)
    for line in layar.kalimat:
        _para(pdf, layar, "• " + line, BODY_PT, 8.6)
        pdf.ln(1)
    pdf.ln(2)
    g, tab = layar.grafik, layar.tabel
    half = pdf.epw / 2 - 3
    if layar.ubin and tab is not None and table_fits(tab, pdf.epw - 90):
        rows = max(u.baris for u in layar.ubin) + 1
        cols = max(u.kolom for u in layar.ubin) + 1
        map_h = 7 + rows * 84 / cols
        _need(pdf, layar, max(map_h, min(table_height(tab, pdf.epw - 90), pdf.h - 40)))
        y = pdf.get_y()
        bottom = _tiles(pdf, layar.ubin, pdf.l_margin, y, 84, t("rakor.peta_judul", bahan.lang))
        _table(pdf, tab, pdf.l_margin + 90, y, pdf.epw - 90)
        pdf.set_y(max(pdf.get_y(), bottom) + 2)
    elif g is not None and tab is not None and table_fits(tab, half):
        need = max(bars_height(g), table_height(tab, half))
        _need(pdf, layar, min(need, pdf.h - 40))
        y = pdf.get_y()
        _bars(pdf, g, pdf.l_margin, y, half, bars_height(g))
        _table(pdf, tab, pdf.l_margin + half + 6, y, half)
        pdf.set_y(min(max(pdf.get_y(), y + bars_height(g)) + 2, pdf.h - pdf.b_margin))
    else:
        if layar.ubin:
            rows = max(u.baris for u in layar.ubin) + 1
            cols = max(u.kolom for u in layar.ubin) + 1
            _need(pdf, layar, 7 + rows * 120 / cols)
            pdf.set_y(_tiles(pdf, layar.ubin, pdf.l_margin, pdf.get_y(), 120, t("rakor.peta_judul", bahan.lang)) + 3)
        if g is not None:
            _need(pdf, layar, bars_height(g))
            y = pdf.get_y()
            _bars(pdf, g, pdf.l_margin, y, pdf.epw, bars_height(g))
            pdf.set_y(min(y + bars_height(g) + 2, pdf.h - pdf.b_margin))
        if tab is not None:
            full_h = table_height(tab, pdf.epw)
            # a table that fits a page is kept whole; a longer one starts here (at least its head and 3 rows)
            _need(pdf, layar, full_h if full_h <= pdf.h - 40 else 45)
            _table(pdf, tab, pdf.l_margin, pdf.get_y(), pdf.epw)
            pdf.ln(2)
    if layar.catatan and layar.kunci != "penutup":
        pdf.ln(1)
        pdf.font(NOTES_PT, color=MUTED)
        text = pdf.s(" · ".join(layar.catatan))
        lines = pdf.multi_cell(pdf.epw, 4.6, text, dry_run=True, output="LINES")
        # the block goes whole onto this page, or onto a continued page; split only when longer than a page, and
        # then never leaving fewer than three lines on either side
        if 6 + len(lines) * 4.6 > _room(pdf) and (_room(pdf) < 6 + 3 * 4.6 or len(lines) * 4.6 < pdf.h - 60):
            pdf.add_page()
            _label(pdf, layar, True)
        pdf.font(NOTES_PT, bold=True, color=MUTED)
        pdf.cell(pdf.epw, 6, pdf.s(t("rakor.catatan_pembicara", bahan.lang)), new_x="LMARGIN", new_y="NEXT")
        pdf.font(NOTES_PT, color=MUTED)
        for i, line in enumerate(lines):
            left = len(lines) - i
            if _room(pdf) < 4.6 or (left < 3 and left * 4.6 > _room(pdf)):
                pdf.add_page()
                _label(pdf, layar, True)
                pdf.font(NOTES_PT, color=MUTED)
            pdf.cell(pdf.epw, 4.6, line, new_x="LMARGIN", new_y="NEXT")


def build(bahan: Bahan) -> bytes:
    """The brief as PDF bytes."""
    pdf = Brief(bahan)
    _title_page(pdf, bahan)
    for layar in bahan.semua:
        _screen_page(pdf, bahan, layar)
    return bytes(pdf.output())
