"""Text measuring for the deck and the brief: how wide a word is at a type size, so table columns are sized from
their content and cells wrap only between words (never "Distric t" or "1,146, / 143").

Widths come from DejaVu Sans via Pillow when the font is installed (Debian: fonts-dejavu-core, which CI installs);
otherwise from a conservative per-character estimate. DejaVu Sans is wider than Calibri/Arial, so a column sized
with it also holds the word in the font PowerPoint or LibreOffice substitutes.
"""

from __future__ import annotations

import functools
from pathlib import Path

FONT_FILES = {
    False: (Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"), Path("/usr/share/fonts/dejavu/DejaVuSans.ttf")),
    True: (
        Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
        Path("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"),
    ),
}
EM_ESTIMATE = 0.62  # average advance of DejaVu Sans per point, a little generous (bold digits are 0.70)


@functools.lru_cache(maxsize=8)
def _font(bold: bool):
    try:
        from PIL import ImageFont
    except ImportError:  # pragma: no cover - Pillow comes with Streamlit and fpdf2
        return None
    for path in FONT_FILES[bold]:
        if path.exists():
            return ImageFont.truetype(str(path), 100)
    return None


@functools.lru_cache(maxsize=4096)
def width_pt(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in points at ``size`` points."""
    font = _font(bold)
    if font is None:
        return len(text) * size * (EM_ESTIMATE + (0.08 if bold else 0.0))
    return font.getlength(text) * size / 100


def longest_word_pt(text: str, size: float, bold: bool = False) -> float:
    """Width of the widest word (space-separated) of ``text``: the narrowest a column may be without breaking it."""
    words = text.split()
    return max((width_pt(w, size, bold) for w in words), default=0.0)


def lines_needed(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped between words in ``width`` points (at least 1)."""
    lines, current = 1, 0.0
    space = width_pt(" ", size, bold)
    for word in text.split():
        w = width_pt(word, size, bold)
        if current and current + space + w > width:
            lines += 1
            current = w
        else:
            current = current + (space if current else 0.0) + w
    return lines


def column_widths(kolom: list[str], baris: list[list[str]], total: float, size: float, pad: float,
                  bold_rows: set[int] | None = None) -> list[float]:  # fmt: skip
    """Column widths (points) summing to ``total``: each at least its widest word (bold header, regular cells) plus
    ``pad``; the room left is shared in proportion to each column's full single-line width, so long names wrap
    between words and short numbers keep one line. If even the minimums do not fit, they are returned scaled
    (the caller then uses a smaller table or splits it)."""
    n = len(kolom)
    bold_rows = bold_rows or set()
    minimum, natural = [], []
    for c in range(n):
        cells = [(r[c], i in bold_rows) for i, r in enumerate(baris) if c < len(r)]
        need = max([longest_word_pt(kolom[c], size, True)] + [longest_word_pt(v, size, b) for v, b in cells]) + pad
        full = max([width_pt(kolom[c], size, True)] + [width_pt(v, size, b) for v, b in cells]) + pad
        minimum.append(need)
        natural.append(max(full, need))
    base = sum(minimum)
    if base >= total:
        return [m * total / base for m in minimum]
    extra = total - base
    want = [nat - m for nat, m in zip(natural, minimum, strict=True)]
    if sum(want) <= extra:
        # everything fits on one line: share the rest by natural width
        share = [nat / sum(natural) * (total - sum(natural)) for nat in natural]
        return [nat + s for nat, s in zip(natural, share, strict=True)]
    return [m + extra * wnt / sum(want) for m, wnt in zip(minimum, want, strict=True)]
