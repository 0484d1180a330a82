"""Shared page chrome: language, URL-backed filters, the synthetic-data banner and formatted tables.

Every filter lives in ``st.session_state`` under its URL key; :func:`from_url` seeds it from ``st.query_params``
(validated against the allowed values, so nothing from the URL reaches a query or the page unchecked) and
:func:`sync_url`, called by the router after the page ran, writes the current view back into the URL.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
import streamlit as st

from dashboard import fmt, store
from dashboard.i18n import DEFAULT_LANG, LANGS
from dashboard.i18n import t as _t

SEMUA = "semua"
_URL_KEYS = "_url_keys"


def lang() -> str:
    value = st.session_state.get("lang")
    return value if value in LANGS else DEFAULT_LANG


def t(key: str, **values: object) -> str:
    return _t(key, lang(), **values)


def begin_run() -> None:
    """Called by the router before anything else: forget the URL keys of the previous page."""
    st.session_state[_URL_KEYS] = []
    from_url("lang", DEFAULT_LANG, LANGS)


def from_url(key: str, default: Any, allowed: Sequence[Any] | Callable[[Any], bool]) -> Any:
    """Register ``key`` as URL state; seed session_state from the URL (if valid) on first use."""
    keys = st.session_state.setdefault(_URL_KEYS, [])
    if key not in keys:
        keys.append(key)
    ok = allowed if callable(allowed) else (lambda v: v in allowed)
    if key not in st.session_state or not ok(st.session_state[key]):
        raw = st.query_params.get(key)
        st.session_state[key] = raw if raw is not None and ok(raw) else default
    return st.session_state[key]


def sync_url() -> None:
    """Write the registered state of this run into the URL (a copied URL restores the view)."""
    wanted = {k: str(st.session_state[k]) for k in st.session_state.get(_URL_KEYS, []) if st.session_state.get(k) is not None}
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


def language_switch() -> None:
    st.sidebar.selectbox(
        t("ui.bahasa"), LANGS, key="lang", format_func=lambda v: {"id": "Bahasa Indonesia", "en": "English"}[v]
    )


def sidebar_filters() -> Filters:
    """Period and kab/kota filters in the sidebar, kept in the URL."""
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
    st.sidebar.selectbox(t("ui.periode"), periods, key="periode", format_func=lambda p: bulan(p, language))
    st.sidebar.selectbox(t("ui.kabkota"), kab_codes, key="kab", format_func=lambda k: all_label if k == SEMUA else names[k])
    kab_value = st.session_state["kab"]
    return Filters(periode=st.session_state["periode"], kab=None if kab_value == SEMUA else kab_value)


BULAN_ID = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]  # fmt: skip
BULAN_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]  # fmt: skip


def bulan(periode: str | pd.Timestamp, language: str | None = None) -> str:
    """'2026-03' -> 'Maret 2026' / 'March 2026'."""
    ts = pd.Timestamp(periode if not isinstance(periode, str) or len(periode) > 7 else periode + "-01")
    names = BULAN_EN if (language or lang()) == "en" else BULAN_ID
    return f"{names[ts.month - 1]} {ts.year}"


def triwulan(periode: str | pd.Timestamp, language: str | None = None) -> str:
    """A quarter-end month -> 'Triwulan I 2026 (kumulatif)' / 'Q1 2026 (year to date)'."""
    ts = pd.Timestamp(periode)
    q = (ts.month - 1) // 3 + 1
    language = language or lang()
    return _t("ui.triwulan", language, q=["I", "II", "III", "IV"][q - 1] if language == "id" else q, tahun=ts.year)


def banner() -> None:
    """The synthetic-data warning, on every page while sample data are loaded."""
    if store.is_sample():
        st.warning(t("ui.banner_sampel"), icon=":material/science:")


def angka(x: object, desimal: int = 0) -> str:
    return fmt.angka(x, desimal, lang())


def persen(x: object, desimal: int = 1) -> str:
    return fmt.persen(x, desimal, lang())


def table(df: pd.DataFrame, columns: dict[str, str], *, percent: Sequence[str] = (), decimals: dict[str, int] | None = None,
          key: str | None = None, height: int | str = "auto", download: str | None = None,
          title: str | None = None, context: Sequence[str] | None = None, **kwargs: Any):  # fmt: skip
    """Show ``df[columns]`` with translated headers and Indonesian/English number formatting (sorting keeps raw values).

    With ``download`` (a file base name), Excel and CSV buttons offer exactly the shown table, with a header
    block naming ``title``, the filters in the URL (or ``context``), the period and the data source.
    """
    view = df[list(columns)].rename(columns=columns)
    decimals = decimals or {}
    dec, thou = fmt.separators(lang())
    styler = view.style.format(na_rep=fmt.NA)
    for src, label in columns.items():
        col = view[label]
        if pd.api.types.is_bool_dtype(col) or not pd.api.types.is_numeric_dtype(col):
            continue
        digits = decimals.get(src, 1 if src in percent else (0 if pd.api.types.is_integer_dtype(col) else 1))
        suffix = "%" if src in percent else ""
        styler = styler.format(
            lambda v, d=digits, s=suffix: fmt.NA if pd.isna(v) else fmt.angka(v, d, lang()) + s, subset=[label]
        )
    styler = styler.hide(axis="index")
    kwargs.setdefault("placeholder", fmt.NA)  # missing values as '–', not 'None'
    shown = st.dataframe(styler, key=key, height=height, hide_index=True, **kwargs)
    if download:
        downloads(view, download, title=title, context=context, percent=[columns[c] for c in percent if c in columns],
                  decimals={columns[c]: d for c, d in (decimals or {}).items() if c in columns}, key=key)
    return shown


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
    if store.is_sample():
        lines.append(t("ui.banner_sampel"))
    return lines


def downloads(view: pd.DataFrame, name: str, *, title: str | None = None, context: Sequence[str] | None = None,
              percent: Sequence[str] = (), decimals: dict[str, int] | None = None, key: str | None = None) -> None:  # fmt: skip
    """Excel and CSV download buttons for a table exactly as shown (headers already translated)."""
    from dashboard import export

    lines = list(context) if context is not None else export_context()
    base = key or name
    row = st.container(horizontal=True, gap="small")
    row.download_button(
        t("ui.unduh_excel"), data=export.excel_bytes(view, title or name, lines, percent, decimals),
        file_name=f"{name}.xlsx", mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key=f"xlsx_{base}", icon=":material/table_view:", type="tertiary", width="content",
    )  # fmt: skip
    row.download_button(
        t("ui.unduh_csv"), data=export.csv_bytes(view, lang()), file_name=f"{name}.csv", mime="text/csv",
        key=f"csv_{base}", icon=":material/download:", type="tertiary", width="content",
    )  # fmt: skip


BADGE_COLORS = ("green", "green", "blue", "yellow", "orange", "red")


def category_badge(label: object) -> str:
    """Markdown for a coloured category badge (labels come from configuration, not user input)."""
    if label is None or pd.isna(label):
        return fmt.NA
    from dashboard.config import category_scheme

    labels = [c.label for c in category_scheme().categories]
    color = BADGE_COLORS[labels.index(label)] if label in labels else "gray"
    return f":{color}-badge[{label}]"
