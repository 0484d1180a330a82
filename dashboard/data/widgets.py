"""Streamlit pieces of the data-management pages: the ready-to-fill templates as download buttons (the Data page,
the upload page and the empty-warehouse page offer the same files)."""

from __future__ import annotations

import streamlit as st

from dashboard.core import ui
from dashboard.data import summary
from dashboard.impor.kinds import KINDS

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def template_buttons(prefix: str, per_row: int | None = None) -> None:
    """One download button per import kind (key ``<prefix>_<kind>``), ``per_row`` to a row (all in one by default)."""
    cols = st.columns(per_row or len(KINDS))
    lang = ui.lang()
    for i, (key, kind) in enumerate(KINDS.items()):
        cols[i % len(cols)].download_button(
            kind.title_en if lang == "en" else kind.title_id, data=summary.template(key), file_name=f"templat_{key}.xlsx",
            mime=XLSX, key=f"{prefix}_{key}", icon=":material/download:", width="stretch" if per_row else "content",
        )  # fmt: skip
