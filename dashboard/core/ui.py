"""Shared page chrome: language, URL-backed filters, the synthetic-data banner and formatted tables.

Every filter lives in ``st.session_state`` under its URL key; :func:`from_url` seeds it from ``st.query_params``
(validated against the allowed values, so nothing from the URL reaches a query or the page unchecked) and
:func:`sync_url`, called by the router after the page ran, writes the current view back into the URL.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from dashboard.core import dates, fmt, store
from dashboard.core.i18n import DEFAULT_LANG, LANGS
from dashboard.core.i18n import t as _t

SEMUA = "semua"
_URL_KEYS = "_url_keys"
MAX_URL_VALUE = 2000  # characters: a longer URL value is ignored before it is checked
FOLLOWING_FILTERS = ("periode", "kab")  # the sidebar filters that follow the user to every page (in the URL too)


def lang() -> str:
    value = st.session_state.get("lang")
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    return _t(key, lang(), **values)


def begin_run() -> None:
    """Called by the router before anything else: forget the URL keys of the previous page."""
    st.session_state[_URL_KEYS] = []
    from_url("lang", DEFAULT_LANG, LANGS)


def _shadow(key: str) -> str:
    return "_url_state_" + key


def from_url(key: str, default: Any, allowed: Sequence[Any] | Callable[[Any], bool]) -> Any:
    """Register ``key`` as URL state and give it its value for this run: the session's value (kept across pages,
    which Streamlit would otherwise drop with the previous page's widget), else a valid URL value, else ``default``."""
    keys = st.session_state.setdefault(_URL_KEYS, [])
    if key not in keys:
        keys.append(key)
    ok = allowed if callable(allowed) else (lambda v: v in allowed)
    if key in st.session_state and ok(st.session_state[key]):
        value = st.session_state[key]
    elif _shadow(key) in st.session_state and ok(st.session_state[_shadow(key)]):
        value = st.session_state[_shadow(key)]
    else:
        raw = st.query_params.get(key)
        value = raw if raw is not None and len(str(raw)) <= MAX_URL_VALUE and ok(raw) else default
    st.session_state[key] = value  # (re)assigned before the widget exists: the widget takes it on any page
    st.session_state[_shadow(key)] = value
    return value


def sync_url() -> None:
    """Write the registered state of this run into the URL (a copied URL restores the view)."""
    wanted = {}
    keys = st.session_state.get(_URL_KEYS, [])
    for k in keys:
        if st.session_state.get(k) is not None:
            st.session_state[_shadow(k)] = st.session_state[k]
            wanted[k] = str(st.session_state[k])
    for k in FOLLOWING_FILTERS:  # a page without these filters (data, upload) still carries them to the next page
        if k not in keys and st.session_state.get(_shadow(k)) is not None:
            wanted[k] = str(st.session_state[_shadow(k)])
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


@dataclass(frozen=True)
class Filters:
    periode: str  # 'YYYY-MM'
    kab: str | None  # kab/kota code or None for the whole province

    @property
    def periode_date(self) -> str:
        return self.periode + "-01"

    @property
    def area(self) -> str:
        return self.kab or store.provinsi_kode()


# Page CSS for the screens the app is seen on (Streamlit does not tell the server the viewport width, so the
# phone layout is media queries): on a 1366x768 laptop the sidebar's filters come before the page list, so the
# kab/kota filter is visible without scrolling the sidebar; on a phone (<= 640 px) narrower gutters, smaller headings
# and metrics, and tables and charts that never widen the page.
PAGE_CSS = """
<style>
[data-testid="stSidebarContent"] { display: flex; flex-direction: column; }
[data-testid="stSidebarHeader"] { order: 0; }
[data-testid="stSidebarUserContent"] { order: 1; padding-top: 0; padding-bottom: 0.25rem; }
[data-testid="stSidebarNav"] { order: 2; border-top: 1px solid rgba(49, 51, 63, 0.15); padding-top: 0.5rem; }
[data-testid="stSidebarNavSeparator"] { display: none; }
[data-testid="stSidebarUserContent"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stMain"] { overflow-x: hidden; }
[data-testid="stMetricLabel"] p, [data-testid="stMetricLabel"] div { white-space: normal; overflow: visible; }
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible; text-overflow: clip; max-width: 100%; height: auto; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-left: 0.75rem; padding-right: 0.75rem; padding-top: 3.5rem; }
  [data-testid="stMain"] h1 { font-size: 1.75rem; line-height: 1.2; }
  [data-testid="stMain"] h2 { font-size: 1.35rem; }
  [data-testid="stMain"] h3 { font-size: 1.15rem; }
  [data-testid="stMetricValue"] { font-size: 1.75rem; }
  [data-testid="stPlotlyChart"], [data-testid="stDataFrame"], [data-testid="stElementContainer"] { max-width: 100%; }
  [data-testid="stTabs"] [role="tablist"] { overflow-x: auto; }
  /* a row of key figures: two cards a row instead of one tall stack */
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) {
    flex-flow: row wrap; gap: 0.5rem; }
  [data-testid="stHorizontalBlock"]:has(> [data-testid="stColumn"] [data-testid="stMetric"]) > [data-testid="stColumn"] {
    flex: 1 1 calc(50% - 0.5rem) !important; min-width: calc(50% - 0.5rem) !important; width: calc(50% - 0.5rem) !important; }
  [data-testid="stMetric"] { padding: 0.5rem 0.6rem; }
  [data-testid="stMetricLabel"] p { font-size: 0.8rem; }
}
</style>
"""


def page_css() -> None:
    """Inject :data:`PAGE_CSS` (called by the router on every run; a style-only ``st.html`` takes no space)."""
    st.html(PAGE_CSS)


CHROME_CSS = """<style>
[data-testid="stStatusWidget"] button {display: none;}
</style>"""


def chrome() -> None:
    """Page chrome in the chosen language, on every page: Streamlit's own run-status buttons ("Stop", "Rerun") are
    English text the app cannot translate, so they are hidden (the running icon stays); spinners pass their text
    from texts.json (``ui.sedang_memproses``)."""
    st.html(CHROME_CSS)


def language_switch() -> None:
    st.sidebar.selectbox(
        t("ui.bahasa"), LANGS, key="lang", format_func=lambda v: {"id": "Bahasa Indonesia", "en": "English"}[v]
    )


def sidebar_filters(period: bool = True) -> Filters:
    """Period and kab/kota filters in the sidebar, kept in the URL. A page without a period of its own (the flood page
    follows its event) passes ``period=False``: the period is not shown there but still travels in the URL, so it is
    the same on the next page."""
    periods = store.periods()
    kab = store.kabkota()
    kab_codes = [SEMUA, *kab["kode"].tolist()]
    names = dict(zip(kab["kode"], kab["nama_lengkap"], strict=True))
    if not periods:
        st.sidebar.info(t("ui.belum_ada_data"))
        return Filters(periode=pd.Timestamp.today().strftime("%Y-%m"), kab=None)
    from_url("periode", periods[0], periods)
    from_url("kab", SEMUA, kab_codes)
    language = lang()  # bound now: format functions may be called outside the script run
    all_label = t("ui.semua_kabkota")
    if period:
        st.sidebar.selectbox(t("ui.periode"), periods, key="periode", format_func=lambda p: bulan(p, language))
    st.sidebar.selectbox(t("ui.kabkota"), kab_codes, key="kab", format_func=lambda k: all_label if k == SEMUA else names[k])
    kab_value = st.session_state["kab"]
    return Filters(periode=st.session_state["periode"], kab=None if kab_value == SEMUA else kab_value)


def bulan(periode: str | pd.Timestamp, language: str | None = None) -> str:
    """'2026-03' -> 'Maret 2026' / 'March 2026' (:func:`dashboard.core.dates.month_label` in the UI language)."""
    return dates.month_label(periode, language or lang())


def triwulan(periode: str | pd.Timestamp, language: str | None = None) -> str:
    """A quarter-end month -> 'Triwulan I 2026 (kumulatif)' / 'Q1 2026 (year to date)'."""
    return dates.quarter_label(periode, language or lang())


def data_status(language: str | None = None, escape: Callable[[str], str] = str) -> tuple[str, str]:
    """What is loaded (:func:`dashboard.core.store.data_state`: 'kosong', 'sampel', 'nyata', 'campuran') and the one
    sentence that says so, as the banner, the exports and the rakor deck show it."""
    language = language or lang()
    state, real = store.data_state()
    if state == "sampel":
        return state, _t("ui.banner_sampel", language)
    if state == "kosong":
        return state, _t("ui.banner_kosong", language)
    last = dates.date_label(real["waktu"].max(), language)
    if state == "nyata":
        return state, _t("ui.banner_nyata", language, n=len(real), tanggal=last)
    shown = [f"#{row.id_impor} {escape(str(row.nama_file))}" for row in real.head(3).itertuples(index=False)]
    if len(real) > 3:
        shown.append(_t("ui.banner_campuran_lainnya", language, n=len(real) - 3))
    return state, _t("ui.banner_campuran", language, n=len(real), daftar=", ".join(shown), tanggal=last)


def banner() -> None:
    """What is loaded, on every page: the synthetic-data warning, the mixed-data warning naming the real imports,
    or a small caption for real data (or for a warehouse that holds nothing yet)."""
    from dashboard.core import markdown

    state, text = data_status(escape=markdown.escape)  # file names from uploads: plain text in the Markdown banner
    if state == "sampel":
        st.warning(text, icon=":material/science:")
    elif state == "campuran":
        st.warning(text, icon=":material/merge_type:")
    else:
        st.caption(text)


def angka(x: object, desimal: int = 0) -> str:
    return fmt.angka(x, desimal, lang())


def persen(x: object, desimal: int = 1) -> str:
    return fmt.persen(x, desimal, lang())


def table(df: pd.DataFrame, columns: dict[str, str], *, percent: Sequence[str] = (), decimals: dict[str, int] | None = None,
          key: str | None = None, height: int | str = "auto", download: str | None = None,
          title: str | None = None, context: Sequence[str] | None = None, widths: dict[str, int | str] | None = None,
          **kwargs: Any):  # fmt: skip
    """Show ``df[columns]`` with translated headers and Indonesian/English number formatting (sorting keeps raw values).

    ``widths`` gives columns (by source name) a fixed width in pixels or "small"/"medium"/"large", so a long name
    column does not push the key figures beside it out of a phone's view.

    With ``download`` (a file base name), Excel and CSV buttons offer exactly the shown table, with a header
    block naming ``title``, the filters in the URL (or ``context``), the period and the data source.
    """
    view = df[list(columns)].rename(columns=columns)
    decimals = decimals or {}
    dec, thou = fmt.separators(lang())
    swap = str.maketrans({",": thou, ".": dec})  # fmt.angka's separators in one pass
    texts: list[list[object] | None] = []
    for j, src in enumerate(columns):
        col = view.iloc[:, j]
        if pd.api.types.is_bool_dtype(col) or not pd.api.types.is_numeric_dtype(col):
            values = col.tolist()
            all_text = all(isinstance(v, str) for v in values)
            texts.append(None if all_text else [_default_text(v) for v in values])  # None: every cell is its text
            continue
        digits = decimals.get(src, 1 if src in percent else (0 if pd.api.types.is_integer_dtype(col) else 1))
        suffix = "%" if src in percent else ""
        numbers = col.to_numpy(dtype="float64", na_value=np.nan)  # fmt.angka formats float(x) too
        texts.append([fmt.NA if v != v else f"{v:,.{digits}f}".translate(swap) + suffix for v in numbers])
    kwargs.setdefault("placeholder", fmt.NA)  # missing values as '–', not 'None'
    if widths:
        config = dict(kwargs.get("column_config") or {})
        config.update({columns[c]: st.column_config.Column(width=w) for c, w in widths.items() if c in columns})
        kwargs["column_config"] = config
    shown = st.dataframe(formatted_styler(view, texts), key=key, height=height, hide_index=True, **kwargs)
    if download:
        downloads(view, download, title=title, context=context, percent=[columns[c] for c in percent if c in columns],
                  decimals={columns[c]: d for c, d in (decimals or {}).items() if c in columns}, key=key)
    return shown


def _default_text(v: object) -> object:
    """What ``DataFrame.style.format(na_rep='–')`` shows for a cell of a column without a number format."""
    if pd.api.types.is_scalar(v) and pd.isna(v):
        return fmt.NA
    if pd.api.types.is_float(v) or pd.api.types.is_complex(v):
        return f"{v:.{pd.get_option('styler.format.precision')}f}"
    if pd.api.types.is_integer(v):
        return str(v)
    return v


def formatted_styler(data: pd.DataFrame, texts: Sequence[Sequence[object] | None]) -> Styler:
    """A pandas Styler of ``data`` that shows ``texts`` (one sequence of cell texts per column; None for a column of
    strings shown as they are).

    ``st.dataframe`` reads a Styler's display texts through ``Styler._translate``, which builds pandas' whole HTML
    table model first (about 60 ms for 1,000 rows x 10 columns, on every rerun). This Styler's ``_translate`` hands
    over the precomputed texts of only the cells whose text differs from ``str(value)`` (Streamlit starts from
    ``str`` of every cell), so the table looks and sorts exactly as with ``df.style.format(...)``
    (tests/test_ui_table.py compares the two) at a fraction of the cost. Streamlit recognises a Styler by its exact
    type, hence a plain Styler with the method replaced rather than a subclass.
    """
    styler = Styler(data)
    styler._translate = functools.partial(_translate_texts, styler, texts)  # type: ignore[method-assign]
    return styler


def _translate_texts(styler: Styler, texts: Sequence[Sequence[object] | None], *args: Any, **kwargs: Any) -> dict[str, Any]:
    data = styler.data
    body: list[list[dict[str, Any]]] = [[] for _ in range(len(data))]
    for c, column_texts in enumerate(texts):
        if column_texts is None:
            continue
        for r, (text, value) in enumerate(zip(column_texts, data.iloc[:, c], strict=True)):
            if isinstance(value, str) and text == value:
                continue  # a string shown as itself: Streamlit's str() of the cell already is the text
            body[r].append({"id": f"row{r}_col{c}", "display_value": text})
    return {"body": body, "table_styles": [], "cellstyle": [], "uuid": styler.uuid}


@st.cache_resource(ttl=3600, max_entries=400, show_spinner=False)
def _figure(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], _builder: Callable[..., Any]) -> Any:
    return _builder(*args, **kwargs)  # keyed by the builder's name and the arguments (``_builder`` is not hashed)


def figure(builder: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """``builder(*args, **kwargs)``, a pure chart builder, built once for the same arguments and kept.

    The arguments are the cache key: data frames by content (Streamlit hashes their values, index and column names),
    texts and numbers by value, so the figure follows whatever changed, new data after an import included. A figure is
    kept as the object (``st.cache_resource``) because one restored from a pickle re-validates every property, which
    costs as much as building it; ``st.plotly_chart`` only reads it (it serialises a copy). Callers must not change a
    figure they get from here. Functions are refused as arguments: Streamlit would hash them by name only.
    """
    if any(callable(a) for a in (*args, *kwargs.values())):
        raise TypeError(f"figure({builder.__qualname__}): pass data, not functions")
    return _figure(f"{builder.__module__}.{builder.__qualname__}", args, kwargs, builder)


def export_context() -> list[str]:
    """Lines describing the current view for exported files: filters from the URL, data source, time."""
    labels = {"periode": t("ui.periode"), "kab": t("ui.kabkota")}
    lines = []
    for key in st.session_state.get(_URL_KEYS, []):
        if key == "lang" or st.session_state.get(key) in (None, ""):
            continue
        value = st.session_state[key]
        if key == "periode":
            value = bulan(value)
        elif key == "kab":
            value = t("ui.semua_kabkota") if value == SEMUA else store.wilayah_info(value).get("nama_lengkap", value)
        lines.append(f"{labels.get(key, key)}: {value}")
    lines.append(t("ui.sumber_ekspor", waktu=pd.Timestamp.now().strftime("%Y-%m-%d %H:%M")))
    lines.append(data_status()[1])
    return lines


def downloads(view: pd.DataFrame, name: str, *, title: str | None = None, context: Sequence[str] | None = None,
              percent: Sequence[str] = (), decimals: dict[str, int] | None = None, key: str | None = None) -> None:  # fmt: skip
    """Excel and CSV download buttons for a table exactly as shown (headers already translated)."""
    from dashboard.ekspor import tables

    lines = list(context) if context is not None else export_context()
    base = key or name
    excel = functools.partial(tables.excel_bytes, view, title or name, lines, list(percent), dict(decimals or {}))
    csv = functools.partial(tables.csv_bytes, view, lang())
    row = st.container(horizontal=True, gap="small")
    # the files are made when a button is clicked (Streamlit calls ``data`` then), not on every rerun of the page
    row.download_button(
        t("ui.unduh_excel"), data=excel, file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{base}", icon=":material/table_view:", type="tertiary", width="content",
    )  # fmt: skip
    row.download_button(
        t("ui.unduh_csv"), data=csv, file_name=f"{name}.csv", mime="text/csv",
        key=f"csv_{base}", icon=":material/download:", type="tertiary", width="content",
    )  # fmt: skip


def category_badge(label: object) -> str:
    """Markdown for a coloured category badge (labels come from configuration, not user input), in the Streamlit
    colour nearest to the category's palette colour (the one the charts, the deck and the brief use)."""
    if label is None or pd.isna(label):
        return fmt.NA
    from dashboard.spm import palette

    return f":{palette.streamlit_name(palette.category(label))}-badge[{label}]"
