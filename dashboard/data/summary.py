"""Data for the Data page: what is loaded, the import log, reference data and templates."""

from __future__ import annotations

import pandas as pd

from dashboard.core import store
from dashboard.impor.kinds import KINDS
from dashboard.impor.templates import template_bytes


def loaded() -> pd.DataFrame:
    return store.run("data_ringkasan")


def import_log() -> pd.DataFrame:
    return store.run("log_impor")


def wilayah_counts() -> pd.DataFrame:
    return store.run("wilayah_jumlah")


@store.cached(max_entries=20)
def template(kind: str) -> bytes:
    return template_bytes(KINDS[kind])


def kinds() -> list[str]:
    return list(KINDS)
