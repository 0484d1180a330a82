"""The snapshot as a portrait image for messaging apps: 1080×1350 PNG, drawn natively with Pillow (no browser, no
network), large type for a phone screen (body ≥ 30 px on a 1080 px image, the headline figure 132 px).

Fonts: DejaVu Sans (as the PDF brief, :func:`dashboard.rakor.deck_pdf.find_font`), else Pillow's built-in font."""

from __future__ import annotations

import io
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

from dashboard.core.i18n import t
from dashboard.snapshot.data import ABU, Snapshot
from dashboard.spm import palette

W, H = 1080, 1350
M = 56  # side margin
DARK, GREY, LIGHT = palette.SNAP_TEXT, palette.SNAP_GREY, palette.SNAP_LINE
HEAD_BG, HEAD_SUB = palette.SNAP_HEAD_BG, palette.SNAP_HEAD_SUB
WARN_BG, WARN_FG = palette.SNAP_WARN_BG, palette.SNAP_WARN_FG
MAX_BARIS = 6  # rows drawn; the rest are named in one line (the HTML file has them all)


@lru_cache(maxsize=32)
def font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    from dashboard.rakor.deck_pdf import find_font

    found = find_font()
    if found:
        return ImageFont.truetype(str(found[1] if bold else found[0]), size)
    return ImageFont.load_default(size)


def _width(text: str, f) -> float:
    return f.getlength(text)


def wrap(text: str, f, width: float, max_lines: int | None = None) -> list[str]:
    """Lines of ``text`` no wider than ``width`` (words never broken unless a single word is too wide; the last line
    ends with '…' when ``max_lines`` cuts the text)."""
    words, lines, line = [w for w in text.split(" ") if w], [], ""  # a no-break space keeps '2 items' together
    for word in words:
        cand = f"{line} {word}".strip()
        if _width(cand, f) <= width or not line:
            line = cand
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if max_lines and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and _width(last + " …", f) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + " …"
    return lines


def _text_color(bg: str) -> str:
    """Black or white, whichever reads better on ``bg`` (relative luminance)."""
    r, g, b = (int(bg.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4))
    lum = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return palette.BLACK if lum > 0.45 else palette.WHITE


class _Canvas:
    def __init__(self) -> None:
        self.img = Image.new("RGB", (W, H), "white")
        self.d = ImageDraw.Draw(self.img)
        self.y = 0

    def lines(self, lines: list[str], f, color=DARK, x: float = M, gap: int = 8) -> None:
        for line in lines:
            self.d.text((x, self.y), line, font=f, fill=color)
            self.y += f.size + gap


def _header(c: _Canvas, s: Snapshot) -> None:
    f_kind, f_area, f_per = font(30, True), font(50, True), font(30)
    area = wrap(s.wilayah, f_area, W - 2 * M, 2)
    per = wrap(s.periode, f_per, W - 2 * M, 2)
    height = 40 + f_kind.size + 14 + len(area) * (f_area.size + 8) + 6 + len(per) * (f_per.size + 8) + 28
    c.d.rectangle((0, 0, W, height), fill=HEAD_BG)
    c.y = 40
    c.lines([s.judul], f_kind, HEAD_SUB, gap=14)
    c.lines(area, f_area, "white")
    c.y += 6
    c.lines(per, f_per, HEAD_SUB)
    c.y = height


def _sample_band(c: _Canvas, s: Snapshot) -> None:
    if not s.sampel:
        return
    f = font(30, True)
    lines = wrap(s.teks_sampel, f, W - 2 * M, 3)
    h = 16 + len(lines) * (f.size + 8) + 8
    c.d.rectangle((0, c.y, W, c.y + h), fill=WARN_BG)
    c.d.rectangle((0, c.y, 14, c.y + h), fill=palette.SNAP_WARN_EDGE)
    c.y += 16
    c.lines(lines, f, WARN_FG)
    c.y += 8


def _fit(text: str, size: int, width: float, bold: bool = True, smallest: int = 60):
    """The largest font (down from ``size``) in which ``text`` fits ``width``."""
    while size > smallest and _width(text, font(size, bold)) > width:
        size -= 4
    return font(size, bold)


def _headline(c: _Canvas, s: Snapshot) -> None:
    """The headline figure (and its category) on the left, the small figures on the right, the coverage notes across
    the whole width below them."""
    top = c.y + 24
    left_w = 560 if s.sorotan else W - M
    f_label, f_cat, f_note = font(32, True), font(34, True), font(26)
    f_big = _fit(s.utama, 116, left_w - M - 16)
    c.y = top
    c.lines(wrap(s.utama_label, f_label, left_w - M - 10, 2), f_label, GREY, gap=4)
    c.d.text((M - 4, c.y), s.utama, font=f_big, fill=DARK)
    c.y += f_big.size + 16
    if s.kategori and s.kategori_warna:
        w = _width(s.kategori, f_cat) + 44
        c.d.rounded_rectangle((M, c.y, M + w, c.y + 54), radius=27, fill=s.kategori_warna)
        c.d.text((M + 22, c.y + 27), s.kategori, font=f_cat, fill=_text_color(s.kategori_warna), anchor="lm")
        c.y += 68
    left_end = c.y
    # right column: rank and movement, or the flood's affected people and backlog
    x = left_w + 20
    y = top
    f_l, f_v = font(28), font(42, True)
    for label, value in s.sorotan:
        for line in wrap(label, f_l, W - M - x, 2):
            c.d.text((x, y), line, font=f_l, fill=GREY)
            y += f_l.size + 4
        for line in wrap(value, f_v, W - M - x, 2):
            c.d.text((x, y), line, font=f_v, fill=DARK)
            y += f_v.size + 6
        y += 16
    if s.sorotan:
        c.d.line((left_w, top, left_w, max(y, left_end) - 16), fill=LIGHT, width=3)
    c.y = max(left_end, y)
    for note in s.utama_catatan[:3]:
        c.lines(wrap(note, f_note, W - 2 * M, 3), f_note, GREY, gap=4)
    c.y += 8
    c.d.line((M, c.y, W - M, c.y), fill=LIGHT, width=3)
    c.y += 20


def _rows(c: _Canvas, s: Snapshot, bottom: float) -> None:
    """One line per field/service: its name (left, up to two lines), a bar (category colour; flood: green recovered,
    red not yet, the baseline as a dark tick) and the value (right)."""
    f_title, f_label, f_val = font(36, True), font(30), font(32, True)
    c.lines([s.baris_judul], f_title, DARK, gap=14)
    label_w, val_w = 400, 150
    bar_x0, bar_x1 = M + label_w + 16, W - M - val_w - 12
    bar_w = bar_x1 - bar_x0
    # below the rows: the legend (as wrapped), the '… and n more' line and the divider, so the list keeps its room
    legend_h = len(wrap(s.legenda, font(26), W - 2 * M, 2)) * (font(26).size + 4) if s.legenda else 0
    below = legend_h + font(26).size + 4 + 30
    shown = []
    label_lines = 3 if len(s.baris) <= 4 else 2  # few rows: room for whole names
    for b in s.baris[:MAX_BARIS]:
        label = wrap(b.label, f_label, label_w, label_lines)
        h = max(len(label) * (f_label.size + 4), 40)
        if c.y + h + 12 + below > bottom:  # what does not fit is named in one line; the HTML file has it all
            break
        shown.append(b)
        mid = c.y + h / 2
        y = c.y
        for line in label:
            c.d.text((M, y), line, font=f_label, fill=DARK)
            y += f_label.size + 4
        c.d.rounded_rectangle((bar_x0, mid - 11, bar_x1, mid + 11), radius=11, fill=palette.SNAP_TRACK)
        if b.nilai is not None:
            length = max(0.0, min(b.nilai, 100.0)) / 100.0 * bar_w
            if length > 0:
                partial = (b.warna or ABU) == ABU  # outlined: the partial colour is pale by design
                c.d.rounded_rectangle((bar_x0, mid - 11, bar_x0 + max(length, 22), mid + 11), radius=11, fill=b.warna or ABU,
                                      outline=palette.SNAP_PARTIAL_EDGE if partial else None, width=2)  # fmt: skip
        if b.penanda is not None:  # the flood baseline: a dark tick
            x = bar_x0 + max(0.0, min(b.penanda, 100.0)) / 100.0 * bar_w
            c.d.rectangle((x - 3, mid - 20, x + 3, mid + 20), fill=DARK)
        c.d.text((W - M, mid), b.teks, font=f_val, fill=DARK if b.nilai is not None else GREY, anchor="rm")
        c.y += h + 12
    rest = len(s.baris) - len(shown)
    if s.legenda:
        c.lines(wrap(s.legenda, font(26), W - 2 * M, 2), font(26), GREY, gap=4)
    if rest > 0:
        c.lines([t("snapshot.lainnya", s.lang, n=rest)], font(26), GREY, gap=4)
    c.y += 8
    c.d.line((M, c.y, W - M, c.y), fill=LIGHT, width=3)
    c.y += 22


def _list(c: _Canvas, s: Snapshot, bottom: int) -> None:
    f_title, f_item = font(36, True), font(30)
    c.lines([s.daftar_judul], f_title, DARK, gap=14)
    for i, item in enumerate(s.daftar):
        lines = wrap(item, f_item, W - 2 * M - 40, 3)
        need = len(lines) * (f_item.size + 6) + 10
        if c.y + need > bottom:  # what does not fit stays in the HTML file
            c.lines([t("snapshot.lainnya", s.lang, n=len(s.daftar) - i)], font(26), GREY)
            break
        c.d.ellipse((M + 4, c.y + 10, M + 20, c.y + 26), fill=HEAD_BG)
        y0 = c.y
        for line in lines:
            c.d.text((M + 40, c.y), line, font=f_item, fill=DARK)
            c.y += f_item.size + 6
        c.y = max(c.y, y0 + f_item.size) + 10


def _footer(c: _Canvas, s: Snapshot) -> int:
    f = font(24)
    lines = wrap(f"{s.sumber} · {s.tanggal}", f, W - 2 * M, 3)
    h = 16 + len(lines) * (f.size + 6) + 14
    top = H - h
    c.d.rectangle((0, top, W, H), fill=palette.SNAP_FOOT_BG)
    y = top + 16
    for line in lines:
        c.d.text((M, y), line, font=f, fill=GREY)
        y += f.size + 6
    return top


def png(s: Snapshot) -> bytes:
    """The snapshot as a 1080×1350 PNG."""
    c = _Canvas()
    _header(c, s)
    _sample_band(c, s)
    _headline(c, s)
    bottom = _footer(c, s)
    f_item = font(30)
    items = [len(wrap(item, f_item, W - 2 * M - 40, 3)) * (f_item.size + 6) + 10 for item in s.daftar[:3]]
    # the profile's six fields always show, the list gets what is left (at least one item); a flood event keeps room
    # for two lagging areas and shows as many services as fit above them
    list_room = 36 + 14 + sum(items[:1] if s.jenis == "profil" else items[:2])
    _rows(c, s, bottom - 16 - list_room)
    _list(c, s, bottom - 12)
    buf = io.BytesIO()
    c.img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()
