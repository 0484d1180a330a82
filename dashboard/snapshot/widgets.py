"""The "share a snapshot" buttons that the area profile and the flood page call (one line each): a 1080×1350 PNG for
messaging apps and one self-contained offline HTML file. The files are made only when a button is clicked."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from dashboard.core import ui
from dashboard.snapshot import data as snapshot_data
from dashboard.snapshot.data import Snapshot


def _buttons(make: Callable[[], Snapshot], name: str, key: str) -> None:
    from dashboard.snapshot import document, image

    st.caption(ui.t("snapshot.tombol_bantuan"))
    c1, c2 = st.columns(2)
    c1.download_button(ui.t("snapshot.tombol_png"), data=lambda: image.png(make()), file_name=f"{name}.png",
                       mime="image/png", key=f"{key}_png", icon=":material/image:", on_click="ignore", width="stretch")  # fmt: skip
    c2.download_button(ui.t("snapshot.tombol_html"), data=lambda: document.html_bytes(make()), file_name=f"{name}.html",
                       mime="text/html", key=f"{key}_html", icon=":material/language:", on_click="ignore", width="stretch")  # fmt: skip


def share_profile(kab: str, periode: str | None) -> None:
    """Snapshot buttons of a kab/kota (or the province) for the month ``periode`` ('YYYY-MM' or a date)."""
    lang = ui.lang()
    month = str(periode)[:7] if periode else None
    with st.expander(ui.t("snapshot.bagikan"), icon=":material/share:"):
        _buttons(lambda: snapshot_data.profil(kab, month, lang), f"snapshot_profil_{kab.replace('.', '')}", "snapshot_profil")


def share_flood(kode: str, kab: str | None) -> None:
    """Snapshot buttons of flood event ``kode`` (the whole event, or one affected kab/kota)."""
    lang = ui.lang()
    name = f"snapshot_banjir_{kode}" + (f"_{kab.replace('.', '')}" if kab else "")
    with st.expander(ui.t("snapshot.bagikan"), icon=":material/share:"):
        _buttons(lambda: snapshot_data.banjir(kode, kab, lang), name, "snapshot_banjir")
