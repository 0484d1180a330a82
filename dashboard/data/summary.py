"""Data for the Data page: what is loaded, the import log, reference data and templates."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core import store
from dashboard.impor.kinds import KINDS
from dashboard.impor.templates import template_bytes


def loaded() -> pd.DataFrame:
    return store.run("data_ringkasan")


def import_log() -> pd.DataFrame:
    return store.run("log_impor")


def wilayah_counts() -> pd.DataFrame:
    return store.run("wilayah_jumlah")


def catalog() -> pd.DataFrame:
    return store.run("katalog_indikator")


@st.cache_data(show_spinner=False, max_entries=20)
def template(kind: str) -> bytes:
    return template_bytes(KINDS[kind])


def kinds() -> list[str]:
    return list(KINDS)
