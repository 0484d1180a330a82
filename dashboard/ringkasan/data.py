"""Overview figures: SPM field indices, the SPM index and the districts' ranks for a period (data for the overview
page and the rakor deck).

Every index is computed by :mod:`dashboard.spm.scoring` (the same implementation as the ranking, field and profile
pages): the queries only select the official services' rows. The pure functions take those rows (testable without
Streamlit); the data functions run the named queries.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import store
from dashboard.spm import coverage, scoring, stats
from dashboard.spm.categories import add_category


def field_table(fields: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """One row per field of ``fields`` (query ``ringkasan_bidang``) with its index from the service rows of one area
    (query ``ringkasan_layanan``): ``indeks``, ``var``, ``layanan_ada`` (services with data), ``layanan_lebih_100``
    (services above 100 %, capped in the index), ``kelengkapan_unit`` and ``sebagian`` (completeness over the
    field's services; a partial field earns no category), ``periode_spm`` (the quarter-end report used), category,
    colour.
    The services are those of :func:`dashboard.spm.scoring.official_services` (a province's own services too)."""
    scored = scoring.service_index(scoring.official_services(services).assign(_wilayah=0))
    per_field = scoring.field_scores(scored, ["_wilayah"]).drop(columns="_wilayah")
    over = scored.groupby("bidang", sort=False)["lebih_100"].sum().rename("layanan_lebih_100").reset_index()
    out = fields.merge(per_field, left_on="kode_bidang", right_on="bidang", how="left").drop(columns="bidang")
    out = out.merge(over, left_on="kode_bidang", right_on="bidang", how="left").drop(columns="bidang")
    out["layanan_ada"] = out["n_layanan"].fillna(0).astype(int)
    out["layanan_lebih_100"] = out["layanan_lebih_100"].fillna(0).astype(int)
    out["periode_spm"] = services["periode"].max() if len(services) else pd.NaT
    return add_category(out.drop(columns="n_layanan"), "indeks")


def overall_index(fields: pd.DataFrame) -> float | None:
    """The area's SPM index from :func:`field_table` (:func:`dashboard.spm.scoring.overall_scores` over the fields
    in the index; the Posyandu transformation panel is not)."""
    row = overall_row(fields)
    return None if row is None or pd.isna(row["indeks"]) else float(row["indeks"])


def overall_row(fields: pd.DataFrame) -> pd.Series | None:
    """The area's SPM index row (``indeks``, ``n_bidang``, ``kelengkapan_unit``, ``sebagian``) from
    :func:`field_table`; None when no field is in the index."""
    in_index = fields[fields["termasuk_indeks"].astype(bool)].assign(n_layanan=fields["layanan_ada"], _wilayah=0)
    if in_index.empty:
        return None
    return scoring.overall_scores(in_index, ["_wilayah"]).iloc[0]


def index_coverage(fields: pd.DataFrame) -> tuple[int, int]:
    """(fields with data, fields in the index) behind :func:`overall_index`: the index says over how many fields it
    was computed ("rata-rata 2 dari 6 bidang berdata"); a field without data is skipped, never 0 or 100."""
    in_index = fields[fields["termasuk_indeks"].astype(bool)].assign(n_layanan=fields["layanan_ada"], _wilayah=0)
    if in_index.empty:
        return 0, 0
    return int(scoring.overall_scores(in_index, ["_wilayah"])["n_bidang"].iloc[0]), len(in_index)


def posyandu_summary(spm_fields: pd.DataFrame) -> tuple[float | None, float | None, bool]:
    """(mean Posyandu operational coverage over the fields with data, its completeness (mean of the fields'
    ``posyandu_kelengkapan``), partial?) for the overview's headline; (None, None, False) without data."""
    have = spm_fields[spm_fields["posyandu_rata"].notna()]
    if have.empty:
        return None, None, False
    kelengkapan = float(have["posyandu_kelengkapan"].mean())
    return float(have["posyandu_rata"].mean()), kelengkapan, kelengkapan < coverage.threshold()


def district_table(districts: pd.DataFrame, services: pd.DataFrame) -> pd.DataFrame:
    """One row per kab/kota of ``districts`` (query ``daftar_kabkota``) with its SPM index (the official family's
    overall score, :func:`dashboard.spm.scoring.scores`, from the service rows of ``services``, query
    ``ringkasan_layanan``), category and dense rank, best first; NA for a kab/kota without data. ``bidang_ada``: the
    fields the index was computed over; ``lebih_100``: it rests on a value capped from above 100 %; ``tidak_pasti``:
    the rank is not a confident one (a capped >100 % value, or a value without a denominator)."""
    scored = scoring.scores(services, scoring.Pilihan("spm_resmi"), ["kode_wilayah"])
    scored = scored[["kode_wilayah", "indeks", "n_bidang", "lebih_100", "tanpa_penyebut", "kelengkapan_unit",
                     "sebagian"]].rename(  # fmt: skip
        columns={"kode_wilayah": "kode", "n_bidang": "bidang_ada"}
    )
    out = districts[["kode", "nama", "nama_lengkap", "singkatan"]].merge(scored, on="kode", how="left")
    out["bidang_ada"] = out["bidang_ada"].fillna(0).astype(int)
    for flag in ("lebih_100", "tanpa_penyebut", "sebagian"):
        out[flag] = out[flag].astype("boolean").fillna(False).astype(bool)
    out["tidak_pasti"] = out["indeks"].notna() & (out["lebih_100"] | out["tanpa_penyebut"])
    # a partial index (too few of its services reported) is shown, but never ranked: it sorts after the ranked ones
    out["_urut"] = coverage.rankable(out["indeks"], out)
    out = out.sort_values(["_urut", "indeks", "kode"], ascending=[False, False, True], na_position="last",
                          kind="stable").drop(columns="_urut")  # fmt: skip
    out = add_category(out.reset_index(drop=True), "indeks")
    out["peringkat"] = stats.dense_rank(coverage.rankable(out["indeks"], out))  # SPM.md §10: dense rank
    return out


def field_summary(area: str, periode: str) -> pd.DataFrame:
    """One row per field: index (official services), category, Posyandu operational mean coverage."""
    day = pd.Timestamp(periode).date()
    fields = store.run("ringkasan_bidang", kode_wilayah=area, periode=day)
    return field_table(fields, store.run("ringkasan_layanan", kode_wilayah=[area], periode=day))


def district_summary(periode: str) -> pd.DataFrame:
    """One row per kab/kota with its overall SPM index and category, best first."""
    districts = store.kabkota()
    services = store.run("ringkasan_layanan", kode_wilayah=districts["kode"].tolist(), periode=pd.Timestamp(periode).date())
    return district_table(districts, services)
