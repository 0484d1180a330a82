"""The upload page's section on what the importer read by convention and on the completeness of a checked file:
the notes (rows skipped, '-' and '…' read as no data, bare years read as annual values) and, after a successful
validation, the expected areas each period and indicator lacks. Lays out only; the work is in
:mod:`dashboard.impor.konvensi`."""

from __future__ import annotations

import streamlit as st

from dashboard.core import ui
from dashboard.impor.core import Report
from dashboard.unggah.upload import md_escape


def show(report: Report | None, lang: str) -> None:
    """Notes of a checked file (also when it was rejected), then its completeness (only when it is valid)."""
    if report is None:
        return
    notes = report.note_messages(lang)
    if notes:
        st.info("\n".join("- " + md_escape(n) for n in notes), icon=":material/info:")
    lines = report.completeness_messages(lang)
    if report.ok and lines:
        incomplete = any(not c.complete or c.combined for c in report.completeness)
        with st.expander(ui.t("unggah.kelengkapan_judul"), expanded=incomplete, icon=":material/checklist:"):
            st.markdown("\n".join("- " + md_escape(line) for line in lines))
            st.caption(ui.t("unggah.kelengkapan_ket"))
