"""The empty-state page: shown by the router instead of a page that needs data while the warehouse holds nothing but
the reference data (a warehouse made by ``python -m dashboard init``): what is loaded, and how to load the first file.
Layout only."""

from __future__ import annotations

import streamlit as st

from dashboard.core import store, ui
from dashboard.data import widgets as data_widgets
from dashboard.impor.kinds import KINDS


def show() -> None:
    st.title(ui.t("data.kosong_judul"))
    st.info(ui.t("data.kosong_dimuat"), icon=":material/inbox:")
    st.subheader(ui.t("data.kosong_cara"))
    st.markdown(ui.t("data.kosong_langkah_templat"))
    data_widgets.template_buttons("kosong_templat")
    st.markdown(ui.t("data.kosong_langkah_unggah"))
    st.page_link("unggah/unggah.py", label=ui.t("unggah.halaman_unggah"), icon=":material/upload_file:")
    st.markdown(ui.t("data.kosong_langkah_cli"))
    st.code(f"python -m dashboard import BERKAS.xlsx --db {store.db_path()}", language="bash")
    st.caption(ui.t("data.kosong_setelah"))
