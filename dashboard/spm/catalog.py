"""The SPM catalog as the pages read it: fields (bidang) and indicators, from the warehouse."""

from __future__ import annotations

import pandas as pd

from dashboard.core import store


def fields() -> pd.DataFrame:
    return store.run("bidang_daftar")


def catalog() -> pd.DataFrame:
    return store.run("katalog_indikator")
