"""SPM Posyandu Kalsel: the Streamlit router. Run with `streamlit run dashboard/app.py`."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import streamlit as st  # noqa: E402

from dashboard.akses import login  # noqa: E402
from dashboard.core import store, ui  # noqa: E402
from dashboard.core.settings import SettingsError, settings  # noqa: E402
from dashboard.pages import PAGES  # noqa: E402

st.set_page_config(page_title="SPM Posyandu Kalsel", page_icon="🩺", layout="wide")


def ensure_warehouse() -> None:
    """On a fresh machine, build the embedded sample warehouse once, with visible progress."""
    path = store.db_path()
    if path.exists():
        from dashboard.core.warehouse import ensure_current

        if not store.marts_current():  # built by an older version of the app: rebuild its marts once
            with st.status(ui.t("ui.memperbarui_mart"), expanded=False) as status:
                ensure_current(path)
                status.update(state="complete")
            store.clear_caches()
        return
    from dashboard.core.warehouse import build_once
    from dashboard.sampel.generator import build_sample

    start = time.perf_counter()
    with st.status(ui.t("ui.membangun_sampel"), expanded=True) as status:
        bar = st.progress(0.0)
        build_once(path, lambda: build_sample(path, progress=lambda f, msg: bar.progress(min(max(f, 0.0), 1.0), text=msg)))
        status.update(label=ui.t("ui.sampel_selesai", detik=ui.angka(time.perf_counter() - start, 1)), state="complete")
    store.clear_caches()


ui.chrome()  # first: Streamlit's own English run-status buttons are hidden before anything slow runs
ui.begin_run()
try:
    settings()  # a settings file with an unknown key or a wrong type: one line on the page instead of a traceback
except SettingsError as err:
    st.error(f"`` {err} ``", icon=":material/settings:")
    st.stop()
ensure_warehouse()
ui.page_css()
ui.language_switch()

sections: dict[str, list[st.Page]] = {}
needs_data: set[str] = set()  # url paths of the pages that have nothing to show without data
for page in PAGES:
    section = sections.setdefault(ui.t(page.section), [])
    section.append(st.Page(page.path, title=ui.t(page.title), icon=page.icon, url_path=page.url_path, default=page.default))
    section += [st.Page(page.path, title=ui.t(page.title), url_path=alias, visibility="hidden") for alias in page.aliases]
    if page.needs_data:
        needs_data.update(("" if page.default else page.url_path, *page.aliases))
navigation = st.navigation(sections, expanded=True)  # every page listed: a collapsed list says "View N more" in English
login.gate()  # access control (issue #3): login status in the sidebar; stops here when viewing requires a login
if navigation.url_path in needs_data and store.is_empty():
    from dashboard.data import kosong

    kosong.show()  # nothing loaded yet: what is loaded and how to load the first file, instead of empty charts
else:
    navigation.run()
ui.sync_url()
