"""The one palette of the app: every colour a page chart, a table cell, the rakor projector view, the PPTX deck, the
PDF brief and a shared snapshot use comes from here, so a category, a partial value, "no data", a family or a score
component has the same colour everywhere.

The SPM category colours themselves are configuration (``[kategori.<skema>] warna`` in ``data/pengaturan.toml``, read
by :mod:`dashboard.spm.categories`); :func:`category` is the one way to turn a category (or its absence) into a colour.
No Streamlit, no Plotly: plain strings ``#rrggbb`` (and two ``rgba()`` fills for shaded flood periods).
"""

from __future__ import annotations

from dashboard.spm.categories import CategoryScheme, category_scheme

# --- values without a category ---------------------------------------------------------------------------------------
NA = "#bdbdbd"  # no data: never a category colour, never a number
PARTIAL = "#e6e0d4"  # a partial value (◐, too few units): shown, never in a category colour

# --- families (the three kinds of score) -----------------------------------------------------------------------------
FAMILY = {"spm_resmi": "#0b5cad", "posyandu": "#00838f", "transformasi": "#6a1b9a"}

# --- components of the priority score (planner page, deck, brief) ----------------------------------------------------
KOMPONEN = {"target": "#1f4e79", "provinsi": "#5b9bd5", "belum": "#c55a11", "tren": "#bf9000", "banjir": "#2e7d32"}

# --- position against the province (funnel plot) ---------------------------------------------------------------------
FUNNEL = {
    "atas_998": "#1a7f37",
    "atas_95": "#66bb6a",
    "dalam": "#757575",
    "bawah_95": "#fb8c00",
    "bawah_998": "#d32f2f",
}

# --- recovery after a flood ------------------------------------------------------------------------------------------
PULIH = {"pulih": "#2e7d32", "tidak_turun": "#81c784", "belum_pulih": "#ef6c00", "tanpa_baseline": NA}
SISA = "#e0e0e0"  # what is still to repair (the rest of a progress bar)
LAYANAN_PULIH = "#1565c0"  # flood-sensitive services back (deck series)
RUMAH_PULIH = "#ef6c00"  # damaged houses repaired (deck series)
FLOOD_FILL = "rgba(30, 136, 229, 0.13)"  # a flood period shaded on a time axis
FLOOD_LINE = "rgba(30, 136, 229, 0.55)"
FLOOD_MARK = "#1e88e5"  # the onset line
TERDAMPAK = "#1565c0"  # affected desa
PEMBANDING = "#757575"  # comparable unaffected desa
SELISIH = "#e65100"  # the difference between them
AMBANG = PULIH["pulih"]  # the recovery threshold line
PROYEKSI = "#6a1b9a"  # a projected recovery
TERBURUK = "#c62828"  # the lowest point after the flood
KESENJANGAN = "#ffb74d"  # people not yet served (disaster services)
KOMPONEN_FISIK = {
    "rumah_rusak_berat": "#b71c1c", "rumah_rusak_sedang": "#e53935", "rumah_rusak_ringan": "#ef9a9a",
    "sekolah": "#1565c0", "sarana_air": "#00838f", "sarana_sanitasi": "#6d4c41", "kk_bantuan": "#6a1b9a",
}  # fmt: skip
SKALA_TERDAMPAK = ((0.0, "#f7fbff"), (0.25, "#c6dbef"), (0.6, "#6baed6"), (1.0, "#3f8fcf"))  # share of desa affected
# recovery index heat map: far below the baseline, at 80 %, just under the threshold, at it, above 100 %, the top
SKALA_PULIH = {"terburuk": "#b71c1c", "turun": "#f57c00", "hampir": "#ffe082", "ambang": "#e8f5e9", "lebih": "#c8e6c9",
               "puncak": PULIH["pulih"]}  # fmt: skip

# --- a quality level (reporting completeness, data-quality score): good, fair, poor -----------------------------------
MUTU = {"baik": "#1a7f37", "sedang": "#f9a825", "buruk": "#d32f2f"}
# --- e-SPM report timeliness ---------------------------------------------------------------------------------------
LAPOR = {"tepat_waktu": MUTU["baik"], "terlambat": "#fb8c00", "tidak_dikirim": MUTU["buruk"], "belum_jatuh_tempo": "#90a4ae",
         "sampel": NA}  # fmt: skip

# --- series of several areas or years --------------------------------------------------------------------------------
SERIES = ("#1565c0", "#e65100", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#ad1457", "#4e342e", "#558b2f", "#283593")
YOY = ("#1565c0", "#e65100", "#2e7d32")  # latest year, the year before, two years before; older: grey
PROVINCE = "#212121"  # the province's own line or mark

# --- the year-end projection (early warning page, its deck screen) --------------------------------------------------
SEKARANG = "#1f4e79"  # the value so far this year
PROYEKSI_AKHIR = "#c62828"  # the projected December value
RENTANG_PROYEKSI = "rgba(198, 40, 40, 0.35)"  # its plausible range
TARGET = "#2e7d32"  # the target line
TAHUN_LALU = NA  # earlier years, for shape

# --- a shared snapshot (PNG and HTML) ------------------------------------------------------------------------------
SNAP_HEAD_BG = "#1f4e79"
SNAP_HEAD_SUB = "#d6e4f2"
SNAP_WARN_BG = "#fff3cd"  # the synthetic-sample band
SNAP_WARN_FG = "#6d4c00"
SNAP_WARN_EDGE = "#f9a825"
SNAP_TEXT = "#212121"
SNAP_GREY = "#555555"
SNAP_LINE = "#e6e6e6"
SNAP_TRACK = "#f3f3f3"  # the empty part of a bar
SNAP_FOOT_BG = "#f5f5f5"
SNAP_PAGE_BG = "#fafafa"
SNAP_BORDER = "#e0e0e0"
SNAP_BAR_EDGE = "#616161"
SNAP_PARTIAL_EDGE = "#8d6e63"
BLACK = "#000000"

# --- chrome ----------------------------------------------------------------------------------------------------------
TEXT = "#111111"
TEXT_ON_DARK = "#ffffff"
TEXT_MUTED = "#424242"
GRID = "#eeeeee"
GRID_LIGHT = "#f5f5f5"  # vertical grid of a time axis
GUIDE = "#9e9e9e"  # target and threshold lines
REFERENCE = "#424242"  # the province's value as a reference line, error bars
SELECT = "#111111"  # outline of the selected district
NEIGHBOUR = "#5c6bc0"  # outline of its rank neighbours
SELECT_BG = "#c5cae9"  # table row of the selected district
NEIGHBOUR_BG = "#e8eaf6"
HIGHLIGHT_BG = "#fff3c4"  # a highlighted table row on the deck and the projector view
ACCENT = "#0b5cad"  # titles and table heads of the deck
DARK = "#1f2a37"
MUTED = "#5f6b7a"
WARN = "#b23a00"
ROW_ALT = "#f1f4f8"
WHITE = "#ffffff"


def categories(scheme: CategoryScheme | None = None) -> dict[str, str]:
    """Category label -> colour of the configured scheme (best first)."""
    scheme = scheme or category_scheme()
    return {c.label: c.color for c in scheme.categories}


def category(label: object, partial: bool = False, scheme: CategoryScheme | None = None) -> str:
    """The colour of a value's category: its category colour, :data:`PARTIAL` for a partial value (which has no
    category), :data:`NA` for no data or an unknown label."""
    if partial:
        return PARTIAL
    if not isinstance(label, str):
        return NA
    return categories(scheme).get(label, NA)


def fill(color: object, partial: bool = False) -> str:
    """A colour from a frame's ``warna`` column (None/NA where the value has no category) as drawn: the category
    colour, else :data:`PARTIAL` or :data:`NA`."""
    if partial:
        return PARTIAL
    return color if isinstance(color, str) and color else NA


def text_on(color: str | None) -> str:
    """Black (:data:`TEXT`) or white text, whichever has the higher WCAG contrast ratio on ``color`` (``#rrggbb``); a
    luma cut-off gave white on green #4caf50 at 2.8:1 against black's 7.5:1."""
    if not color or not str(color).startswith("#") or len(color) != 7:
        return TEXT
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in rgb(color))]
    lum = 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    dark = 0.0056  # relative luminance of TEXT (#111111); white's is 1
    return TEXT if (lum + 0.05) / (dark + 0.05) >= 1.05 / (lum + 0.05) else TEXT_ON_DARK


def rgb(color: str) -> tuple[int, int, int]:
    """``#rrggbb`` -> (r, g, b)."""
    h = color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def streamlit_name(color: str | None) -> str:
    """The Streamlit Markdown colour name (``:green-badge[...]``) nearest to ``color``: Markdown badges take only
    names, so a category badge is named after its palette colour's hue rather than set by hand."""
    if not color or not str(color).startswith("#") or len(color) != 7:
        return "gray"
    r, g, b = (v / 255 for v in rgb(color))
    hi, lo = max(r, g, b), min(r, g, b)
    if hi - lo < 0.12:
        return "gray"
    if hi == r:
        hue = (60 * (g - b) / (hi - lo)) % 360
    elif hi == g:
        hue = 60 * (b - r) / (hi - lo) + 120
    else:
        hue = 60 * (r - g) / (hi - lo) + 240
    for limit, name in ((20, "red"), (45, "orange"), (70, "yellow"), (170, "green"), (260, "blue"), (340, "violet")):
        if hue < limit:
            return name
    return "red"
