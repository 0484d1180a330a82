"""The cost of closing each gap (penghitungan kebutuhan, the second step of applying SPM, Permendagri 59/2021).

For each kab/kota service, kab/kota and year::

    belum        = max(sasaran − terlayani, 0)         people still unserved (annual view of the year; NA without counts:
                                                        a percent-only row or no report gives no need, never 0)
    biaya_satuan = the kab/kota's own unit cost of the service and year if imported, else the province-wide one
                   (NA when neither exists: no need)
    kebutuhan    = belum × biaya_satuan                 rupiah needed to reach 100 %

Per (kab/kota, field), beside the field's budget (``anggaran``)::

    kebutuhan       = Σ kebutuhan over the field's services that have one
    layanan_dihitung / layanan_ada                      the services the sum stands on, of the field's kab/kota services;
                                                        below [agregat] ambang_kelengkapan_persen the sum is partial ◐
                                                        (``kebutuhan_sebagian``)
    selisih         = kebutuhan − pagu                  > 0: the allocation falls short of the need
    persen_tertutup = 100 × pagu / kebutuhan            share of the need the allocation covers (NA when the need is
                                                        NA or 0)

Totals per field (over kab/kota) and per kab/kota (over fields) sum the same way and count their (kab/kota, service)
units. What-if (:func:`what_if`): moving part of one group's allocation to another; the people a budget serves are
min(pagu, kebutuhan) / mean unit cost of the group (kebutuhan / unserved people with a cost), i.e. the allocation is
taken as money towards the need, never beyond the people still unserved.

Pure functions take DataFrames; the data functions at the end call :func:`store.run`. No Streamlit.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core import store
from dashboard.spm import coverage

KUNCI_BIDANG = ["kode_wilayah", "bidang"]


def _num(s: pd.Series) -> pd.Series:
    return pd.to_numeric(s, errors="coerce").astype(float)


def applicable_costs(biaya: pd.DataFrame, provinsi: str) -> pd.DataFrame:
    """One row per (kab/kota or province, service) cost as stored, with ``asal_biaya`` 'kabkota' (an override) or
    'provinsi' (province-wide). ``biaya``: rows of ``biaya_satuan_tahun``."""
    out = biaya[["kode_indikator", "kode_wilayah", "biaya_satuan", "sumber"]].copy()
    out["asal_biaya"] = np.where(out["kode_wilayah"] == provinsi, "provinsi", "kabkota")
    return out


def service_need(nilai: pd.DataFrame, biaya: pd.DataFrame, provinsi: str) -> pd.DataFrame:
    """One row per (kab/kota, kab/kota service): ``belum``, the applicable ``biaya_satuan`` (the kab/kota override
    wins over the province-wide cost), its ``sumber`` and ``asal_biaya``, and ``kebutuhan`` = belum × biaya_satuan
    (NA when either is NA).

    ``nilai``: ``peringkat_nilai`` rows of the official family (annual view); ``biaya``: ``biaya_satuan_tahun`` rows."""
    rows = nilai[(nilai["tingkat"] == "kabkota") & (nilai["level"] == "kab_kota")].copy()
    keep = ["kode_wilayah", "nama", "nama_lengkap", "kode_indikator", "bidang", "urutan", "nama_id", "nama_en",
            "sasaran", "terlayani", "lebih_tinggi_lebih_baik"]  # fmt: skip
    rows = rows[[c for c in keep if c in rows.columns]].reset_index(drop=True)
    s, t = _num(rows["sasaran"]), _num(rows["terlayani"])
    higher = rows["lebih_tinggi_lebih_baik"].fillna(True).astype(bool) if "lebih_tinggi_lebih_baik" in rows else True
    rows["belum"] = (s - t).clip(lower=0).where(higher, t)  # NA when a count is missing
    costs = applicable_costs(biaya, provinsi)
    own = costs[costs["asal_biaya"] == "kabkota"].drop(columns="asal_biaya")
    wide = costs[costs["asal_biaya"] == "provinsi"].drop(columns=["asal_biaya", "kode_wilayah"])
    rows = rows.merge(own.rename(columns={"biaya_satuan": "_biaya_kab", "sumber": "_sumber_kab"}),
                      on=["kode_wilayah", "kode_indikator"], how="left")  # fmt: skip
    rows = rows.merge(wide.rename(columns={"biaya_satuan": "_biaya_prov", "sumber": "_sumber_prov"}),
                      on="kode_indikator", how="left")  # fmt: skip
    kab_cost, prov_cost = _num(rows["_biaya_kab"]), _num(rows["_biaya_prov"])
    rows["biaya_satuan"] = kab_cost.where(kab_cost.notna(), prov_cost)
    rows["sumber"] = rows["_sumber_kab"].where(kab_cost.notna(), rows["_sumber_prov"])
    rows["asal_biaya"] = np.where(kab_cost.notna(), "kabkota", np.where(prov_cost.notna(), "provinsi", None))
    rows["kebutuhan"] = rows["belum"] * rows["biaya_satuan"]
    return rows.drop(columns=["_biaya_kab", "_sumber_kab", "_biaya_prov", "_sumber_prov"])


def _sum(s: pd.Series) -> float:
    return s.sum(min_count=1)


def _aggregate(services: pd.DataFrame, by: list[str], ambang: float | None) -> pd.DataFrame:
    """Σ kebutuhan and the unserved people it stands on, with the units counted (``layanan_dihitung`` of
    ``layanan_ada``), ``kebutuhan_kelengkapan`` (percent) and ``kebutuhan_sebagian`` (partial)."""
    s = services.copy()
    s["_ada"] = s["kebutuhan"].notna()
    s["belum_berbiaya"] = s["belum"].where(s["_ada"])
    out = (
        s.groupby(by, dropna=False)
        .agg(kebutuhan=("kebutuhan", _sum), belum_berbiaya=("belum_berbiaya", _sum),
             layanan_dihitung=("_ada", "sum"), layanan_ada=("kode_indikator", "size"))
        .reset_index()
    )  # fmt: skip
    out["layanan_dihitung"] = out["layanan_dihitung"].astype(int)
    out["kebutuhan_kelengkapan"] = 100.0 * out["layanan_dihitung"] / out["layanan_ada"].where(out["layanan_ada"] > 0)
    out["kebutuhan_sebagian"] = coverage.partial(out["kebutuhan_kelengkapan"], ambang) & (out["layanan_dihitung"] > 0)
    return out


def gap(rows: pd.DataFrame) -> pd.DataFrame:
    """Add ``selisih`` (kebutuhan − pagu) and ``persen_tertutup`` (100 × pagu / kebutuhan) to rows with both."""
    out = rows.copy()
    need, pagu = _num(out["kebutuhan"]), _num(out["pagu"])
    out["selisih"] = need - pagu
    out["persen_tertutup"] = (100.0 * pagu / need).where(need > 0)
    return out


def field_need(services: pd.DataFrame, anggaran: pd.DataFrame, ambang: float | None = None) -> pd.DataFrame:
    """One row per budget row (kab/kota, field) of ``anggaran`` with the field's need, its units, gap and share
    covered. ``services``: :func:`service_need`; ``anggaran``: rows with kode_wilayah, bidang, pagu (and realisasi)."""
    need = _aggregate(services, KUNCI_BIDANG, ambang)
    return gap(anggaran.merge(need, on=KUNCI_BIDANG, how="left"))


def totals(rows: pd.DataFrame, services: pd.DataFrame, by: str, ambang: float | None = None) -> pd.DataFrame:
    """Totals per ``by`` ('bidang' or 'kode_wilayah') over the budget rows ``rows`` (:func:`field_need`): Σ pagu,
    Σ realisasi, Σ kebutuhan of the services under those rows, units (kab/kota × service) counted, gap and share."""
    keys = rows[KUNCI_BIDANG].drop_duplicates()
    under = services.merge(keys, on=KUNCI_BIDANG, how="inner")
    need = _aggregate(under, [by], ambang)
    money = rows.groupby(by).agg(pagu=("pagu", _sum), realisasi=("realisasi", _sum)).reset_index()
    return gap(money.merge(need, on=by, how="left"))


# --- what if --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pindah:
    """The result of moving ``dipindah`` rupiah from group ``dari`` to group ``ke``: people each group's allocation
    serves before and after (at its mean unit cost, never more than its unserved people) and the net change."""

    dari: str
    ke: str
    dipindah: float
    orang_dari_sebelum: float
    orang_dari_sesudah: float
    orang_ke_sebelum: float
    orang_ke_sesudah: float

    @property
    def hilang_dari(self) -> float:
        return self.orang_dari_sebelum - self.orang_dari_sesudah

    @property
    def tambah_ke(self) -> float:
        return self.orang_ke_sesudah - self.orang_ke_sebelum

    @property
    def bersih(self) -> float:
        return self.tambah_ke - self.hilang_dari


def served(pagu: float, kebutuhan: float, belum: float) -> float:
    """People an allocation serves towards the need: min(pagu, kebutuhan) / (kebutuhan / belum)."""
    if belum <= 0 or kebutuhan <= 0:
        return 0.0
    return min(max(pagu, 0.0), kebutuhan) / (kebutuhan / belum)


def what_if_groups(rows: pd.DataFrame, by: str) -> pd.DataFrame:
    """The groups a what-if can move money between: Σ pagu, Σ kebutuhan and Σ unserved people with a cost per ``by``
    over :func:`field_need` rows, only groups with a need above 0 (a mean unit cost)."""
    g = rows.groupby(by).agg(pagu=("pagu", _sum), kebutuhan=("kebutuhan", _sum),
                             belum_berbiaya=("belum_berbiaya", _sum)).reset_index()  # fmt: skip
    g = g[(g["kebutuhan"] > 0) & (g["belum_berbiaya"] > 0) & g["pagu"].notna()]
    return g.set_index(by)


def what_if(groups: pd.DataFrame, dari: str, ke: str, bagian_persen: float) -> Pindah:
    """Move ``bagian_persen`` % of group ``dari``'s allocation to group ``ke`` (:func:`what_if_groups` rows)."""
    a, b = groups.loc[dari], groups.loc[ke]
    moved = float(a["pagu"]) * float(bagian_persen) / 100.0
    return Pindah(
        dari=dari, ke=ke, dipindah=moved,
        orang_dari_sebelum=served(float(a["pagu"]), float(a["kebutuhan"]), float(a["belum_berbiaya"])),
        orang_dari_sesudah=served(float(a["pagu"]) - moved, float(a["kebutuhan"]), float(a["belum_berbiaya"])),
        orang_ke_sebelum=served(float(b["pagu"]), float(b["kebutuhan"]), float(b["belum_berbiaya"])),
        orang_ke_sesudah=served(float(b["pagu"]) + moved, float(b["kebutuhan"]), float(b["belum_berbiaya"])),
    )  # fmt: skip


def people(x: float) -> int:
    """Whole people (rounded down: a budget serves no fraction of a person)."""
    return int(math.floor(x + 1e-9))


# --- data access (cached per warehouse version) ---------------------------------------------------------------


def unit_cost_rows(tahun: int) -> pd.DataFrame:
    return store.run("biaya_satuan_tahun", tahun=int(tahun), kode_provinsi=store.provinsi_kode())


@store.cached(max_entries=32)
def services(tahun: int) -> pd.DataFrame:
    """:func:`service_need` of every kab/kota of the province for ``tahun`` (annual view, latest quarter reported)."""
    from dashboard.spm import league

    nilai = league.values("spm_resmi", "tahun", dt.date(int(tahun), 12, 1))
    return service_need(nilai, unit_cost_rows(tahun), store.provinsi_kode())


def has_costs(tahun: int) -> bool:
    return not unit_cost_rows(tahun).empty


def area_fields(services_rows: pd.DataFrame, anggaran: pd.DataFrame, areas: Sequence[str],
                ambang: float | None = None) -> pd.DataFrame:  # fmt: skip
    """Per field of ``areas`` (kab/kota codes; several: summed), need beside allocation, with units, gap and share."""
    s = services_rows[services_rows["kode_wilayah"].isin(list(areas))]
    a = anggaran[anggaran["kode_wilayah"].isin(list(areas))]
    need = _aggregate(s, ["bidang"], ambang)
    money = a.groupby("bidang").agg(pagu=("pagu", _sum), realisasi=("realisasi", _sum)).reset_index()
    return gap(need.merge(money, on="bidang", how="left"))


def planning_rows(services_rows: pd.DataFrame, anggaran: pd.DataFrame, areas: Sequence[str],
                  ambang: float | None = None) -> pd.DataFrame:  # fmt: skip
    """The planning sheet's rows for ``areas`` (kab/kota codes; several are summed): per field, one row per kab/kota
    service (``jenis`` 'layanan': unserved, unit cost, need; with several kab/kota the unit cost is the need-weighted
    mean, need / unserved) then the field's total row (``jenis`` 'jumlah': Σ need, allocation, gap, share covered,
    units). Fields in field order; services without a need keep their row with NA (no data or no cost)."""
    s = services_rows[services_rows["kode_wilayah"].isin(list(areas))].copy()
    s["belum_berbiaya"] = s["belum"].where(s["kebutuhan"].notna())
    per_service = (
        s.groupby(["bidang", "urutan", "kode_indikator", "nama_id", "nama_en"], dropna=False)
        .agg(belum=("belum_berbiaya", _sum), kebutuhan=("kebutuhan", _sum))
        .reset_index()
    )
    per_service["biaya_satuan"] = (per_service["kebutuhan"] / per_service["belum"]).where(per_service["belum"] > 0)
    if len(areas) == 1:  # one kab/kota: its applicable unit cost as stored (also where nobody is unserved)
        cost = s.set_index("kode_indikator")["biaya_satuan"]
        per_service["biaya_satuan"] = per_service["kode_indikator"].map(cost)
    per_service["jenis"] = "layanan"
    fields = area_fields(services_rows, anggaran, areas, ambang)
    fields = fields.merge(s[["bidang", "urutan"]].drop_duplicates(), on="bidang", how="left")
    fields["jenis"] = "jumlah"
    out = pd.concat([per_service, fields], ignore_index=True)
    out["_k"] = (out["jenis"] == "jumlah").astype(int)
    out = out.sort_values(["urutan", "_k", "kode_indikator"], kind="stable").drop(columns="_k")
    return out.reset_index(drop=True)
