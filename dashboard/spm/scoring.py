"""The SPM index: one implementation for every page, the deck and the exports (league tables: spm/league.py).

Index (SPM.md §5-6, §10): service index = capped receiver coverage (``min(terlayani / sasaran * 100, 100)``; when
quality ("mutu") coverage exists: ``(w_penerima * penerima + w_mutu * mutu) / (w_penerima + w_mutu)`` with the
weights from ``data/pengaturan.toml [indeks]``; there are no mutu data yet, so the index is receiver coverage).
Lower-is-better indicators (2T) enter as ``100 - capped coverage``. Field index = unweighted mean of the field's
service indices (NA skipped); overall index = unweighted mean of the field indices that have data. The official
index of a kab/kota uses the kab/kota-level services; a province's index uses the same kab/kota-level services (its
pooled values) plus the province's own services (level ``provinsi``, PP 2/2018: e.g. secondary and special
education), see :func:`official_services`. The Posyandu transformation indicators are never in an SPM index.

Missing is missing: NA never becomes 0 or 100 and never earns a category; every score says over how many services
(``n_layanan``) and fields (``n_bidang``) it was computed. Above 100 % is a data problem: capped at 100 for the index,
flagged (``lebih_100``) whatever the row type (counts or a published percentage). An interval needs a denominator:
a percentage-only row, or a count above its denominator, has no Wilson interval (NA, never a zero-width one), and a
composite score that rests on such a service has no interval either (``tanpa_penyebut``).

Three families are ranked separately: ``spm_resmi`` (official services, kab/kota level, quarterly year-to-date and
annual), ``posyandu`` (Posyandu operational indicators, desa level, monthly, summed up to kab/kota) and
``transformasi`` (Posyandu transformation, same treatment, its own "transformation score").

Pure functions: DataFrames in, DataFrames out (no Streamlit, no warehouse).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core.settings import Indeks, Peringkat, settings
from dashboard.spm import coverage, stats

KELUARGA = ("spm_resmi", "posyandu", "transformasi")
SEMUA = "semua"  # all fields / the field index instead of one indicator


# --- configuration -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pengaturan:
    """What the index and the league tables read: [indeks] and [peringkat] of the settings."""

    indeks: Indeks
    peringkat: Peringkat


def pengaturan() -> Pengaturan:
    cfg = settings()
    return Pengaturan(indeks=cfg.indeks, peringkat=cfg.peringkat)


# --- index --------------------------------------------------------------------------------------------


def service_index(nilai: pd.DataFrame, w_penerima: float | None = None, w_mutu: float | None = None) -> pd.DataFrame:
    """Add per-row service columns: ``capaian_tampil`` (capped at 100), ``lebih_100`` (flag, raw kept in
    ``capaian_persen``), ``indeks`` (0-100, higher is better), ``ci_lo``/``ci_hi`` (Wilson 95 % on coverage,
    percent) and ``se`` (standard error on the index scale), ``tanpa_penyebut`` (a value without a usable
    denominator: percentage-only, or a count above its denominator; its interval and se are NA, not zero-width).
    Optional ``capaian_mutu`` enters with the weights (``[indeks]`` of the settings unless given)."""
    if w_penerima is None or w_mutu is None:
        indeks = settings().indeks
        w_penerima = indeks.w_penerima if w_penerima is None else w_penerima
        w_mutu = indeks.w_mutu if w_mutu is None else w_mutu
    out = nilai.copy()
    raw = pd.to_numeric(out["capaian_persen"], errors="coerce").astype(float)
    capped = raw.clip(lower=0.0, upper=100.0)
    out["capaian_tampil"] = capped
    out["lebih_100"] = (raw > 100).fillna(False).astype(bool)
    higher = out["lebih_tinggi_lebih_baik"].fillna(True).astype(bool)
    penerima = capped.where(higher, 100.0 - capped)
    if "capaian_mutu" in out.columns:
        mutu = pd.to_numeric(out["capaian_mutu"], errors="coerce").astype(float).clip(0.0, 100.0)
        mutu = mutu.where(higher, 100.0 - mutu)
        total = w_penerima + w_mutu
        mixed = (w_penerima * penerima + w_mutu * mutu) / total if total > 0 else penerima
        out["indeks"] = mixed.where(mutu.notna(), penerima)
    else:
        out["indeks"] = penerima
    lo, hi = stats.wilson(out["terlayani"], out["sasaran"])
    exact = ~out["lebih_100"].to_numpy()  # a count above its denominator: the binomial interval does not apply
    out["ci_lo"], out["ci_hi"] = np.where(exact, lo, np.nan), np.where(exact, hi, np.nan)
    out["se"] = stats.se_from_interval(out["ci_lo"], out["ci_hi"])
    out["tanpa_penyebut"] = out["indeks"].notna() & out["se"].isna()
    return coverage.unit_coverage(out)


def field_scores(services: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per (keys..., bidang): field index = mean of service indices (NA skipped), its variance
    (sum of the services' se^2 / n^2; NA when a service has no interval) and the number of services with data."""
    cols = [*keys, "bidang"]
    share = services.assign(_share=coverage.service_share(services))
    completeness = share.groupby(cols, sort=False)["_share"].mean().mul(100.0).rename("kelengkapan_unit").reset_index()
    have = services[services["indeks"].notna()]
    grouped = (
        have.assign(se2=have["se"] ** 2, se_na=have["se"].isna())
        .groupby(cols, sort=False)
        .agg(indeks=("indeks", "mean"), se2=("se2", "sum"), se_na=("se_na", "any"), n_layanan=("indeks", "size"))
        .reset_index()
    )
    grouped["var"] = (grouped["se2"] / grouped["n_layanan"].astype(float) ** 2).where(~grouped["se_na"].astype(bool))
    out = services[cols].drop_duplicates().merge(grouped.drop(columns=["se2", "se_na"]), on=cols, how="left")
    out["n_layanan"] = out["n_layanan"].fillna(0).astype(int)
    out = out.merge(completeness, on=cols, how="left")
    out["kelengkapan_unit"] = out["kelengkapan_unit"].where(out["indeks"].notna())  # no value: no completeness figure
    out["sebagian"] = out["indeks"].notna() & coverage.partial(out["kelengkapan_unit"])
    return out[[*cols, "indeks", "var", "n_layanan", "kelengkapan_unit", "sebagian"]]


def overall_scores(fields: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per keys: overall index = mean of the field indices that have data; variance (NA when a field's is),
    field count, completeness (mean of the fields', a field without data counting 0) and the partial flag."""
    completeness = (
        fields.assign(_k=fields["kelengkapan_unit"].where(fields["indeks"].notna(), 0.0).fillna(100.0))
        .groupby(keys, sort=False)["_k"].mean().rename("kelengkapan_unit").reset_index()
    )
    have = fields[fields["indeks"].notna()]
    grouped = (
        have.assign(var_na=have["var"].isna())
        .groupby(keys, sort=False)
        .agg(indeks=("indeks", "mean"), var=("var", "sum"), var_na=("var_na", "any"), n_bidang=("indeks", "size"),
             n_layanan=("n_layanan", "sum"))  # fmt: skip
        .reset_index()
    )
    grouped["var"] = (grouped["var"] / grouped["n_bidang"].astype(float) ** 2).where(~grouped["var_na"].astype(bool))
    grouped = grouped.drop(columns="var_na")
    out = fields[keys].drop_duplicates().merge(grouped, on=keys, how="left")
    out["n_bidang"] = out["n_bidang"].fillna(0).astype(int)
    out["n_layanan"] = out["n_layanan"].fillna(0).astype(int)
    out = out.merge(completeness, on=keys, how="left")
    out["kelengkapan_unit"] = out["kelengkapan_unit"].where(out["indeks"].notna())  # no value: no completeness figure
    out["sebagian"] = out["indeks"].notna() & coverage.partial(out["kelengkapan_unit"])
    return out[[*keys, "indeks", "var", "n_bidang", "n_layanan", "kelengkapan_unit", "sebagian"]]


def is_province_area(rows: pd.DataFrame) -> pd.Series:
    """Per row: is the area a province? From ``tingkat`` when the rows carry it, else from the code ('63' has no dot)."""
    if "tingkat" in rows.columns:
        return rows["tingkat"].eq("provinsi")
    return ~rows["kode_wilayah"].astype(str).str.contains(".", regex=False)


def official_services(rows: pd.DataFrame, layanan_provinsi: bool = True) -> pd.DataFrame:
    """The rows of official SPM services that enter an area's index: kab/kota-level services for every area, plus the
    province-level services for a province area (``layanan_provinsi=False``: kab/kota-level only, e.g. the province
    as a like-for-like benchmark of the kab/kota league table)."""
    level = rows["level"]
    own = (level == "provinsi") & is_province_area(rows) if layanan_provinsi else False
    return rows[(level == "kab_kota") | own]


@dataclass(frozen=True)
class Pilihan:
    """What is scored: a family, optionally one field, optionally one indicator of it."""

    keluarga: str
    bidang: str = SEMUA
    indikator: str = SEMUA

    @property
    def satu_indikator(self) -> bool:
        return self.indikator != SEMUA


def in_scope(nilai: pd.DataFrame, keys: list[str], lingkup: pd.DataFrame) -> pd.DataFrame:
    """``nilai`` with a row (no value) for every (keys, indicator of ``lingkup``) it lacks, so that a composite's
    completeness counts the services that did not report. ``lingkup``: catalog rows (kode_indikator, bidang,
    keluarga, level, lebih_tinggi_lebih_baik, termasuk_indeks where known) of the indicators in scope."""
    if nilai.empty:
        return nilai
    area_cols = [c for c in ("tingkat",) if c in nilai.columns]
    grid = nilai[[*keys, *area_cols]].drop_duplicates(keys).merge(lingkup, how="cross")
    have = nilai[[*keys, "kode_indikator"]].drop_duplicates()
    missing = grid.merge(have, on=[*keys, "kode_indikator"], how="left", indicator=True)
    missing = missing[missing["_merge"] == "left_only"].drop(columns="_merge")
    if missing.empty:
        return nilai
    return pd.concat([nilai, missing], ignore_index=True)


def scores(nilai: pd.DataFrame, pilihan: Pilihan, keys: list[str], cfg: Pengaturan | None = None,
           layanan_provinsi: bool = True, lingkup: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """One row per keys (e.g. kode_wilayah, or kode_wilayah + periode) with the score of ``pilihan``.

    Official index: the services of :func:`official_services` (a province's own services too, unless
    ``layanan_provinsi`` is False).

    Columns: ``skor`` (shown: coverage for one indicator, else the index), ``indeks`` (0-100 higher-is-better,
    used for rank and category), ``ci_lo``/``ci_hi`` (95 % on ``skor``), ``se`` (on ``indeks``), ``sasaran``,
    ``terlayani``, ``capaian_persen`` (one indicator: raw), ``penyebut_min`` (smallest denominator used),
    ``lebih_100`` (any service > 100 %, capped in the score), ``tanpa_penyebut`` (any service without a usable
    denominator: the score has no interval and no plausible rank range), ``n_layanan``, ``n_bidang``,
    ``kelengkapan_unit`` (percent of units in the value; composites: mean over the services/fields in scope, one
    without data counting 0) and ``sebagian`` (partial: below ``[agregat]``; never ranked or categorised); one
    indicator also ``unit_ada``, ``unit_hitung``, ``unit_taksiran``, ``unit_persen``.

    ``lingkup`` (catalog rows of the indicators in scope): rows for the services an area did not report are added,
    so a composite's completeness counts them (callers whose rows already hold every service need not pass it).
    """
    cfg = cfg or pengaturan()
    if lingkup is not None:
        nilai = in_scope(nilai, keys, lingkup)
    data = nilai[nilai["keluarga"] == pilihan.keluarga]
    if pilihan.keluarga == "spm_resmi" and not pilihan.satu_indikator:
        data = official_services(data, layanan_provinsi)
    if pilihan.keluarga != "transformasi" and "termasuk_indeks" in data.columns:
        data = data[data["termasuk_indeks"].fillna(True).astype(bool)]
    if pilihan.bidang != SEMUA:
        data = data[data["bidang"] == pilihan.bidang]
    if pilihan.satu_indikator:
        data = data[data["kode_indikator"] == pilihan.indikator]
    services = service_index(data, cfg.indeks.w_penerima, cfg.indeks.w_mutu)
    with_data = services[services["indeks"].notna()].copy()
    # each service's weight in the score: 1 for one indicator; 1/n_f in a field index; 1/(F n_f) in the overall index
    n_f = with_data.groupby([*keys, "bidang"], sort=False)["indeks"].transform("size")
    n_fields = with_data.groupby(keys, sort=False)["bidang"].transform("nunique")
    with_data["bobot"] = 1.0 / n_f
    if pilihan.bidang == SEMUA and not pilihan.satu_indikator:
        with_data["bobot"] = with_data["bobot"] / n_fields
    small = pd.to_numeric(with_data["sasaran"], errors="coerce") < cfg.peringkat.ambang_penyebut_kecil
    with_data["bobot_kecil"] = with_data["bobot"].where(small.fillna(False), 0.0)
    extra = (
        with_data.groupby(keys, sort=False)
        .agg(
            sasaran=("sasaran", lambda s: s.sum(min_count=1)),
            terlayani=("terlayani", lambda s: s.sum(min_count=1)),
            penyebut_min=("sasaran", "min"),
            bobot_penyebut_kecil=("bobot_kecil", "sum"),
            lebih_100=("lebih_100", "any"),
            tanpa_penyebut=("tanpa_penyebut", "any"),
        )
        .reset_index()
    )
    base = services[keys].drop_duplicates()
    if pilihan.satu_indikator:
        one = services[[*keys, "capaian_persen", "capaian_tampil", "indeks", "ci_lo", "ci_hi", "se",
                        "kelengkapan_unit", "sebagian", *coverage.UNIT_COLUMNS]].copy()  # fmt: skip
        higher = bool(services["lebih_tinggi_lebih_baik"].fillna(True).iloc[0]) if len(services) else True
        one["skor"] = one["capaian_tampil"] if higher else one["capaian_persen"].clip(lower=0.0)
        one["n_layanan"] = one["indeks"].notna().astype(int)
        one["n_bidang"] = one["n_layanan"]
        out = one.drop(columns=["capaian_tampil"])
    else:
        fields = field_scores(services, keys)
        if pilihan.bidang != SEMUA:
            out = fields.drop(columns=["bidang"])
            out["n_bidang"] = out["indeks"].notna().astype(int)
        else:
            out = overall_scores(fields, keys)
        out["se"] = np.sqrt(out["var"].astype(float))
        out["skor"] = out["indeks"]
        out["ci_lo"] = (out["indeks"] - stats.Z95 * out["se"]).clip(lower=0.0, upper=100.0)
        out["ci_hi"] = (out["indeks"] + stats.Z95 * out["se"]).clip(lower=0.0, upper=100.0)
        out["capaian_persen"] = np.nan
        out = out.drop(columns=["var"])
    out = base.merge(out, on=keys, how="left").merge(extra, on=keys, how="left")
    for flag in ("lebih_100", "tanpa_penyebut", "sebagian"):
        out[flag] = out[flag].astype("boolean").fillna(False).astype(bool)
    return out


