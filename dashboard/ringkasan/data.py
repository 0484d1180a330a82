"""Overview figures: SPM field indices and district top/bottom for a period (data for pages/ringkasan.py)."""

from __future__ import annotations

import pandas as pd

from dashboard.core import store
from dashboard.spm.categories import add_category


def field_summary(area: str, periode: str) -> pd.DataFrame:
    """One row per field: index (official services), category, Posyandu operational mean coverage."""
    df = store.run("ringkasan_bidang", kode_wilayah=area, periode=pd.Timestamp(periode).date())
    return add_category(df, "indeks")


def overall_index(fields: pd.DataFrame) -> float | None:
    """Regional SPM index: unweighted mean of the six field indices (NA skipped); transformation excluded."""
    values = fields.loc[fields["termasuk_indeks"].astype(bool), "indeks"].dropna()
    return float(values.mean()) if len(values) else None


def district_summary(periode: str) -> pd.DataFrame:
    """One row per kab/kota with its overall SPM index and category, best first."""
    df = store.run("ringkasan_kabkota", kode_provinsi=store.provinsi_kode(), periode=pd.Timestamp(periode).date())
    out = add_category(df, "indeks")
    out["peringkat"] = out["indeks"].rank(method="dense", ascending=False).astype("Int64")  # SPM.md §10: dense rank
    return out
