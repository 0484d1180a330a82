"""Planner workflow (issue #6): area profile, priority problems and budget vs achievement.

Pure functions take DataFrames and are tested without Streamlit; the small data functions at the end call
:func:`store.run`. Field indices, kab/kota ranks and score series reuse :mod:`dashboard.ranking` /
:mod:`dashboard.tren` (the same numbers as the ranking, field and trend pages).

Periods. Official SPM services (``spm_resmi``) are year-to-date, so a value is the latest quarter-end report at or
before the chosen month; Posyandu/desa indicators are monthly, so a value is the chosen month (or the latest month
before it with data). The trend compares with the same period one year earlier (year-to-date figures are only
comparable with the same quarter of another year; for monthly figures it also removes the season).

Priority score (shown on the page, every component a column)::

    x_target   = 100 − indeks                       (points from the SPM target; indeks = capped coverage,
                                                     100 − coverage for lower-is-better indicators such as 2T)
    x_provinsi = max(indeks_provinsi − indeks, 0)   (points behind the province)
    x_belum    = people still unserved              (max(sasaran − terlayani, 0); lower-is-better: terlayani)
    x_tren     = max(−(indeks − indeks_tahun_lalu), 0)   (points lost against the same period a year earlier)
    x_banjir   = 1 when the area was flood-affected and the indicator is flood-sensitive, else 0
    K_c        = x_c / max(x_c over the list)       (0-1; 0 when the largest is 0; no data counts as 0)
    skor       = 100 × Σ w_c K_c / Σ w_c            (weights from data/pengaturan.toml [perencanaan], changeable)

Ordered by score (highest first), then people unserved, then lower index, then indicator code.

Budget vs achievement (per kab/kota, SPM field and year): realisation rate = 100 × realisasi / pagu; field coverage
= the field index of the official kab/kota services in the annual view (``scoring.scores``); gap = 100 − index
and people unserved = Σ max(sasaran − terlayani, 0) over those services; rupiah per person served = realisasi /
Σ terlayani; flag = realisation rate < ``ambang_realisasi_persen`` and field index < ``ambang_capaian_persen``.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core import store
from dashboard.core.settings import BobotPerencanaan as Bobot  # [perencanaan.bobot]: priority weights (0-10)
from dashboard.core.settings import Perencanaan as Pengaturan  # [perencanaan] of data/pengaturan.toml
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import league, periods, scoring, stats
from dashboard.spm import series as spm_series
from dashboard.spm.scoring import SEMUA

KELUARGA = ("spm_resmi", "posyandu", "transformasi")
KOMPONEN = ("target", "provinsi", "belum", "tren", "banjir")
BOBOT_MAKS = 10
TINGKAT_ANAK = {"provinsi": "kabkota", "kabkota": "kecamatan", "kecamatan": "desa"}


# --- periods -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Periode:
    """The period keys of one view: official (quarter-end, year-to-date) and monthly, now and a year earlier."""

    resmi: dt.date | None
    bulan: dt.date | None

    @property
    def resmi_lalu(self) -> dt.date | None:
        return periods.shift("bulan", self.resmi, -12) if self.resmi else None

    @property
    def bulan_lalu(self) -> dt.date | None:
        return periods.shift("bulan", self.bulan, -12) if self.bulan else None

    def key(self, keluarga: str, lalu: bool = False) -> dt.date | None:
        if keluarga == "spm_resmi":
            return self.resmi_lalu if lalu else self.resmi
        return self.bulan_lalu if lalu else self.bulan


def resolve_periode(month: object, resmi_available: Sequence[object], bulan_available: Sequence[object]) -> Periode:
    """Official: the latest quarter-end report at or before ``month``; monthly: the latest month at or before it."""
    return Periode(
        resmi=periods.resolve_family("spm_resmi", "bulan", month, list(resmi_available)),
        bulan=periods.resolve("bulan", month, list(bulan_available)),
    )


def mark_period(rows: pd.DataFrame, per: Periode) -> pd.DataFrame:
    """Add ``kunci`` ('sekarang' | 'lalu' | None) to rows of ``profil_nilai`` by their family's period keys."""
    out = rows.copy()
    if out.empty:
        out["kunci"] = pd.Series(dtype=object)
        return out
    periode = pd.to_datetime(out["periode"]).dt.date
    official = out["keluarga"] == "spm_resmi"
    now = np.where(official, periode == per.resmi, periode == per.bulan)
    before = np.where(official, periode == per.resmi_lalu, periode == per.bulan_lalu)
    out["kunci"] = np.where(now, "sekarang", np.where(before, "lalu", None))
    return out


# --- shared pieces -----------------------------------------------------------------------------------


def unserved(sasaran: pd.Series, terlayani: pd.Series, higher_is_better: pd.Series) -> pd.Series:
    """People still unserved: max(sasaran − terlayani, 0); for lower-is-better indicators (2T) the people with the
    bad outcome (terlayani). NA when a count is missing (a row reported as a percentage only)."""
    s = pd.to_numeric(sasaran, errors="coerce").astype("Float64")
    t = pd.to_numeric(terlayani, errors="coerce").astype("Float64")
    higher = higher_is_better.fillna(True).astype(bool)
    return (s - t).clip(lower=0).where(higher, t)


def trend_direction(delta: object, threshold: float) -> str | None:
    """'membaik' (the index rose by at least ``threshold`` points), 'memburuk', 'stabil' or None (no data)."""
    if delta is None or pd.isna(delta):
        return None
    if delta >= threshold:
        return "membaik"
    if delta <= -threshold:
        return "memburuk"
    return "stabil"


def _scaled(x: pd.Series) -> pd.Series:
    x = pd.to_numeric(x, errors="coerce").astype(float).fillna(0.0).clip(lower=0.0)
    top = float(x.max()) if len(x) else 0.0
    return x / top if top > 0 else x * 0.0


# --- priority problems -------------------------------------------------------------------------------


def priority_table(
    rows: pd.DataFrame,
    area: str,
    provinsi: str,
    bobot: Bobot,
    flooded: bool = False,
    keluarga: str = SEMUA,
    ambang_tren: float = 1.0,
) -> pd.DataFrame:
    """The ranked problem list of ``area`` from ``profil_nilai`` rows marked by :func:`mark_period`.

    One row per indicator with data for the area in the current period (``keluarga`` limits the family; the
    province-level official services only for the province itself). Columns: peringkat, skor, the raw components
    ``x_<komponen>``, the scaled components ``k_<komponen>`` (0-1), their weighted contributions ``c_<komponen>``
    (points of the score; they add up to ``skor``), and the figures they come from.
    """
    data = rows[(rows["kode_wilayah"] == area) & (rows["kunci"] == "sekarang")]
    if keluarga != SEMUA:
        data = data[data["keluarga"] == keluarga]
    if area != provinsi:
        data = data[data["level"] != "provinsi"]
    now = scoring.service_index(data)
    now = now[now["indeks"].notna()].copy()

    def indexed(where: pd.Series, suffix: str) -> pd.DataFrame:
        part = scoring.service_index(rows[where])
        return part[["kode_indikator", "indeks", "capaian_tampil"]].rename(
            columns={"indeks": f"indeks_{suffix}", "capaian_tampil": f"capaian_{suffix}"}
        )

    prov = indexed((rows["kode_wilayah"] == provinsi) & (rows["kunci"] == "sekarang"), "provinsi")
    before = indexed((rows["kode_wilayah"] == area) & (rows["kunci"] == "lalu"), "lalu")
    out = now.merge(prov, on="kode_indikator", how="left").merge(before, on="kode_indikator", how="left")
    higher = out["lebih_tinggi_lebih_baik"].fillna(True).astype(bool)
    out["belum"] = unserved(out["sasaran"], out["terlayani"], higher)
    out["selisih_provinsi"] = out["capaian_tampil"] - out["capaian_provinsi"]
    out["jarak_target"] = 100.0 - out["indeks"]
    out["perubahan"] = out["capaian_tampil"] - out["capaian_lalu"]
    delta_index = out["indeks"] - out["indeks_lalu"]
    out["arah"] = [trend_direction(d, ambang_tren) for d in delta_index]
    out["terdampak_banjir"] = bool(flooded)
    out["peka_banjir"] = out["peka_banjir"].fillna(False).astype(bool)
    out["x_target"] = out["jarak_target"]
    out["x_provinsi"] = (out["indeks_provinsi"] - out["indeks"]).clip(lower=0.0)
    out["x_belum"] = out["belum"].astype(float)
    out["x_tren"] = (-delta_index).clip(lower=0.0)
    out["x_banjir"] = (out["peka_banjir"] & bool(flooded)).astype(float)
    weights = bobot.as_dict()
    total = bobot.total
    out["skor"] = 0.0
    for comp in KOMPONEN:
        out[f"k_{comp}"] = _scaled(out[f"x_{comp}"])
        out[f"c_{comp}"] = 100.0 * weights[comp] * out[f"k_{comp}"] / total if total > 0 else 0.0
        out["skor"] = out["skor"] + out[f"c_{comp}"]
    out["_belum"] = out["belum"].astype(float).fillna(-1.0)
    out = out.sort_values(
        ["skor", "_belum", "indeks", "kode_indikator"], ascending=[False, False, True, True], kind="stable"
    )
    out = out.drop(columns=["_belum"]).reset_index(drop=True)
    out.insert(0, "peringkat", np.arange(1, len(out) + 1))
    return out


def breakdown(rows: pd.DataFrame, indikator: str) -> pd.DataFrame:
    """Which child areas hold the unserved people of one indicator (current period), most first.

    ``rows``: ``profil_nilai`` rows (marked) of the child areas. Columns: kode_wilayah, sasaran, terlayani,
    capaian_persen, belum, porsi (percent of the children's total unserved), porsi_kumulatif.
    """
    data = rows[(rows["kode_indikator"] == indikator) & (rows["kunci"] == "sekarang")].copy()
    cols = ["kode_wilayah", "sasaran", "terlayani", "capaian_persen", "belum", "porsi", "porsi_kumulatif"]
    if data.empty:
        return pd.DataFrame(columns=cols)
    data["belum"] = unserved(data["sasaran"], data["terlayani"], data["lebih_tinggi_lebih_baik"])
    data["_b"] = data["belum"].astype(float).fillna(-1.0)
    data = data.sort_values(["_b", "kode_wilayah"], ascending=[False, True], kind="stable").reset_index(drop=True)
    total = float(data["belum"].astype(float).sum())
    data["porsi"] = 100.0 * data["belum"].astype(float) / total if total > 0 else np.nan
    data["porsi_kumulatif"] = data["porsi"].fillna(0.0).cumsum().where(data["porsi"].notna())
    return data[cols]


def breakdown_options(table: pd.DataFrame, child_rows: pd.DataFrame) -> list[str]:
    """Indicators of the priority list (in its order) that the child areas report (monthly Posyandu/desa ones)."""
    have = set(child_rows.loc[child_rows["kunci"] == "sekarang", "kode_indikator"]) if len(child_rows) else set()
    return [k for k in table["kode_indikator"] if k in have]


def weighted_formula(bobot: Bobot) -> str:
    """The score formula with the current weights, e.g. '100 × (3·K_target + ...) / 10'."""
    w = bobot.as_dict()
    terms = " + ".join(f"{_num(w[c])}·K_{c}" for c in KOMPONEN)
    return f"100 × ({terms}) / {_num(bobot.total)}"


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


# --- area profile ------------------------------------------------------------------------------------


def field_indices(rows: pd.DataFrame, keluarga: str, cfg: scoring.Pengaturan | None = None, *,
                  lingkup: pd.DataFrame | None = None,
                  layanan_provinsi: bool = True) -> pd.DataFrame:  # fmt: skip
    """One row per (kode_wilayah, bidang) with the field index, plus the overall index (``bidang`` = 'semua'; not for
    the transformation family), in one pass with :func:`scoring.field_scores` / :func:`scoring.overall_scores`:
    the same services and numbers as :func:`scoring.scores` (official: :func:`scoring.official_services`, a
    province's own services too unless ``layanan_provinsi`` is False; fields outside the SPM index only in the
    transformation family). Columns: kode_wilayah, bidang, indeks, n_layanan, kelengkapan_unit, sebagian (partial:
    completeness over the services in scope, ``lingkup`` when given, below ``[agregat]``; never ranked)."""
    cfg = cfg or scoring.pengaturan()
    cols = ["kode_wilayah", "bidang", "indeks", "n_layanan", "kelengkapan_unit", "sebagian"]
    if lingkup is not None and len(rows):
        rows = scoring.in_scope(rows, ["kode_wilayah"], lingkup[lingkup["keluarga"] == keluarga])
    data = rows[rows["keluarga"] == keluarga]
    if keluarga == "spm_resmi":
        data = scoring.official_services(data, layanan_provinsi)
    if keluarga != "transformasi":
        data = data[data["termasuk_indeks"].fillna(True).astype(bool)]
    if data.empty:
        return pd.DataFrame(columns=cols)
    services = scoring.service_index(data, cfg.indeks.w_penerima, cfg.indeks.w_mutu)
    fields_ = scoring.field_scores(services, ["kode_wilayah"])
    parts = [fields_[cols]]
    if keluarga != "transformasi":
        parts.append(scoring.overall_scores(fields_, ["kode_wilayah"]).assign(bidang=SEMUA)[cols])
    return pd.concat(parts, ignore_index=True)


def field_profile(
    rows: pd.DataFrame,
    area: str,
    provinsi: str,
    peers: Sequence[str],
    keluarga: str,
    ambang_tren: float = 1.0,
    cfg: scoring.Pengaturan | None = None,
    lingkup: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per field of ``keluarga`` (in field order) plus the overall index (``bidang`` = 'semua', last):
    the area's index, the province's, the difference, the distance to the 100 % target, the dense rank among
    ``peers`` (which include the area; ties share a rank), the index a year earlier and the trend direction. The
    change (``perubahan``) compares like with like: this period's index over the services that had data a year
    earlier (``indeks_sebanding``) minus the index a year earlier. Indices as on the ranking page."""
    fam = rows[rows["keluarga"] == keluarga]
    now = fam[fam["kunci"] == "sekarang"]
    before = fam[(fam["kunci"] == "lalu") & (fam["kode_wilayah"] == area)]
    had_data = set(before.loc[pd.to_numeric(before["capaian_persen"], errors="coerce").notna(), "kode_indikator"])
    matched = now[(now["kode_wilayah"] == area) & now["kode_indikator"].isin(had_data)]
    # the province's own services count in its own profile; as a kab/kota's benchmark it is like for like
    idx_now = field_indices(now, keluarga, cfg, layanan_provinsi=area == provinsi, lingkup=lingkup)

    def of(frame: pd.DataFrame, kode: str, name: str) -> pd.DataFrame:
        part = frame[frame["kode_wilayah"] == kode][["bidang", "indeks"]]
        return part.rename(columns={"indeks": name})

    mine = idx_now[idx_now["kode_wilayah"] == area][["bidang", "indeks", "n_layanan", "kelengkapan_unit", "sebagian"]]
    if mine.empty:
        return pd.DataFrame()
    order = now.drop_duplicates("bidang")[["bidang", "urutan", "bidang_id", "bidang_en", "opd_id", "opd_en"]]
    order = order.rename(columns={"bidang_id": "nama_id", "bidang_en": "nama_en"})
    # the rows show the fields with data somewhere (as before); the fields without any still count, as 0, in the
    # overall index's completeness
    mine = mine[mine["bidang"].isin(order["bidang"]) | (mine["bidang"] == SEMUA)]
    table = mine.merge(order, on="bidang", how="left")
    table = table.merge(of(idx_now, provinsi, "indeks_provinsi"), on="bidang", how="left")
    prov_partial = idx_now[idx_now["kode_wilayah"] == provinsi][["bidang", "sebagian"]]  # a partial benchmark says so
    table = table.merge(prov_partial.rename(columns={"sebagian": "sebagian_provinsi"}), on="bidang", how="left")
    table = table.merge(of(field_indices(before, keluarga, cfg), area, "indeks_lalu"), on="bidang", how="left")
    table = table.merge(of(field_indices(matched, keluarga, cfg), area, "indeks_sebanding"), on="bidang", how="left")
    # a partial index is shown but never ranked among the peers
    peer_rows = idx_now[idx_now["kode_wilayah"].isin(set(peers)) & idx_now["indeks"].notna() & ~idx_now["sebagian"]].copy()
    if len(peer_rows) and area in set(peer_rows["kode_wilayah"]):
        peer_rows["peringkat"] = peer_rows.groupby("bidang")["indeks"].transform(stats.dense_rank)
        counts = peer_rows.groupby("bidang").size().rename("jumlah_pembanding").reset_index()
        ranks = peer_rows[peer_rows["kode_wilayah"] == area][["bidang", "peringkat"]].merge(counts, on="bidang")
        table = table.merge(ranks, on="bidang", how="left")
    else:
        table["peringkat"], table["jumlah_pembanding"] = pd.NA, 0
    table["peringkat"] = table["peringkat"].astype("Int64")
    table["jumlah_pembanding"] = table["jumlah_pembanding"].fillna(0).astype(int)
    table["urutan"] = table["urutan"].where(table["bidang"] != SEMUA, 999)
    table = table.sort_values("urutan", kind="stable").drop(columns=["urutan"]).reset_index(drop=True)
    for col in ("indeks", "indeks_provinsi", "indeks_lalu", "indeks_sebanding"):
        table[col] = pd.to_numeric(table[col], errors="coerce").astype(float)
    table["selisih_provinsi"] = table["indeks"] - table["indeks_provinsi"]
    table["jarak_target"] = 100.0 - table["indeks"]
    table["perubahan"] = table["indeks_sebanding"] - table["indeks_lalu"]
    table["arah"] = [trend_direction(d, ambang_tren) for d in table["perubahan"]]
    return table


# --- budget vs achievement ---------------------------------------------------------------------------


def budget_table(anggaran: pd.DataFrame, nilai: pd.DataFrame, cfg: Pengaturan) -> pd.DataFrame:
    """One row per (kab/kota, field) of one budget year: allocation, realisation and rate next to the field's
    coverage (index), gap, people unserved and served, rupiah per person served and the attention flag.

    ``anggaran``: rows of ``anggaran_per_bidang`` for one year; ``nilai``: ``peringkat_nilai`` rows of the official
    family in the annual view of that year (kab/kota and province).
    """
    out = anggaran.copy()
    services = nilai[(nilai["keluarga"] == "spm_resmi") & (nilai["level"] == "kab_kota")].copy()
    services = scoring.service_index(services)
    services = services[services["indeks"].notna()]
    services["belum"] = unserved(services["sasaran"], services["terlayani"], services["lebih_tinggi_lebih_baik"])
    scores = field_indices(nilai, "spm_resmi")
    scores = scores[scores["bidang"] != SEMUA]
    sums = (
        services.groupby(["kode_wilayah", "bidang"])
        .agg(terlayani_total=("terlayani", lambda s: s.sum(min_count=1)), belum=("belum", lambda s: s.sum(min_count=1)))
        .reset_index()
    )
    prov = scores.merge(nilai[["kode_wilayah", "tingkat"]].drop_duplicates(), on="kode_wilayah")
    prov = prov[prov["tingkat"] == "provinsi"][["bidang", "indeks"]].rename(columns={"indeks": "indeks_provinsi"})
    out = out.merge(scores, on=["kode_wilayah", "bidang"], how="left")
    out = out.merge(sums, on=["kode_wilayah", "bidang"], how="left").merge(prov, on="bidang", how="left")
    pagu = pd.to_numeric(out["pagu"], errors="coerce").astype(float)
    real = pd.to_numeric(out["realisasi"], errors="coerce").astype(float)
    out["realisasi_persen"] = (100.0 * real / pagu).where(pagu > 0)
    out["jarak_target"] = 100.0 - out["indeks"]
    served = pd.to_numeric(out["terlayani_total"], errors="coerce").astype(float)
    out["rupiah_per_terlayani"] = (real / served).where(served > 0)
    out["perhatian"] = (
        ((out["realisasi_persen"] < cfg.ambang_realisasi_persen) & (out["indeks"] < cfg.ambang_capaian_persen))
        .fillna(False)
        .astype(bool)
    )
    return out.sort_values(["kode_wilayah", "urutan"], kind="stable").reset_index(drop=True)


# --- planning-document Excel -------------------------------------------------------------------------


@dataclass(frozen=True)
class ExtraSheet:
    """A further sheet of the planning workbook (the cost of the gap): its name, table and header block."""

    name: str
    view: pd.DataFrame
    title: str
    context: Sequence[str] = ()
    percent: Sequence[str] = ()
    decimals: dict[str, int] | None = None


def planning_excel(view: pd.DataFrame, title: str, context: Sequence[str], notes: Sequence[str] = (),
                   percent: Sequence[str] = (), decimals: dict[str, int] | None = None,
                   wrap: Sequence[str] = (), extra: Sequence[ExtraSheet] = ()) -> bytes:  # fmt: skip
    """The priority list as a sheet ready for a planning document (RKPD/Renja annex): :func:`tables.excel_bytes`
    (header block, number formats, formula injection neutralised) plus the score formula and weights under the
    header, borders, wrapped text columns, an autofilter, landscape A4 fitted to the page width and the header row
    repeated on every printed page."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.properties import PageSetupProperties

    from dashboard.ekspor import tables

    data = tables.excel_bytes(view, title, [*context, *notes], percent, decimals)
    wb = load_workbook(io.BytesIO(data))
    ws = wb["Data"]
    ws.title = "Prioritas"
    header_row = len(context) + len(notes) + 3
    for r in range(len(context) + 2, header_row - 1):
        ws.cell(row=r, column=1).font = Font(italic=True)
    thin = Side(style="thin", color="9E9E9E")
    last_row, last_col = ws.max_row, ws.max_column
    wrap_idx = {j for j, col in enumerate(view.columns, start=1) if col in set(wrap)}
    for row in ws.iter_rows(min_row=header_row, max_row=last_row, max_col=last_col):
        for cell in row:
            cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
            if cell.row > header_row and cell.column in wrap_idx:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    for j in wrap_idx:
        ws.column_dimensions[ws.cell(row=header_row, column=j).column_letter].width = 40
    if len(view):
        ws.auto_filter.ref = f"A{header_row}:{ws.cell(row=last_row, column=last_col).coordinate}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.print_title_rows = f"{header_row}:{header_row}"
    for sheet in extra:  # e.g. the cost of the gap: one row per service with need, allocation and gap
        more = wb.create_sheet()
        tables.write_sheet(more, sheet.view, sheet.title, sheet.context, sheet.percent, sheet.decimals, name=sheet.name)
        more.page_setup.orientation = "landscape"
        more.page_setup.paperSize = more.PAPERSIZE_A4
        more.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        more.page_setup.fitToWidth = 1
        more.page_setup.fitToHeight = 0
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# --- data access (cached through store.run) ----------------------------------------------------------


def periode_for(month: object) -> Periode:
    return resolve_periode(
        month, league.available_periods("spm_resmi", "triwulan"), league.available_periods("posyandu", "bulan")
    )


def values(areas: Sequence[str], per: Periode) -> pd.DataFrame:
    """``profil_nilai`` rows of ``areas`` for the view's period keys and a year earlier, marked by :func:`mark_period`."""
    none = dt.date(1900, 1, 1)
    resmi = [d for d in (per.resmi, per.resmi_lalu) if d] or [none]
    bulan = [d for d in (per.bulan, per.bulan_lalu) if d] or [none]
    rows = store.run("profil_nilai", kode_wilayah=sorted(set(areas)), periode_resmi=resmi, periode_bulan=bulan)
    return mark_period(rows, per)


def completeness(areas: Sequence[str], mulai: dt.date, akhir: dt.date) -> pd.DataFrame:
    return store.run("profil_kelengkapan", kode_wilayah=sorted(set(areas)), mulai=mulai, akhir=akhir)


def floods(areas: Sequence[str], akhir: dt.date | None, months: int) -> pd.DataFrame:
    """Flood events touching ``areas`` (themselves, a parent or a child) in the ``months`` months up to ``akhir``."""
    end = akhir or dt.date.today().replace(day=1)
    start = periods.shift("bulan", end, -(months - 1))
    last_day = (pd.Timestamp(end) + pd.offsets.MonthEnd(0)).date()
    return store.run("prioritas_banjir", kode_wilayah=sorted(set(areas)), mulai=start, akhir=last_day)


def budget_rows() -> pd.DataFrame:
    return store.run("anggaran_per_bidang", kode_provinsi=store.provinsi_kode())


@store.cached(max_entries=64)
def budget(tahun: int, cfg: Pengaturan) -> pd.DataFrame:
    """:func:`budget_table` of ``tahun`` (coverage: the year's annual official view, the latest quarter reported);
    cached per warehouse version (the history table needs every year)."""
    rows = budget_rows()
    nilai = league.values("spm_resmi", "tahun", dt.date(int(tahun), 12, 1))
    return budget_table(rows[rows["tahun"] == int(tahun)], nilai, cfg)


# --- page pieces, cached per warehouse version (store.cached: every caller gets its own copy) ------------------------


def priority(area: str, provinsi: str, per: Periode, bobot: Bobot, flooded: bool = False, keluarga: str = SEMUA,
             ambang_tren: float = 1.0) -> pd.DataFrame:  # fmt: skip
    """:func:`priority_table` of ``area`` from the warehouse (the area's and the province's rows of ``per``)."""
    return _priority(area, provinsi, per, bobot, bool(flooded), keluarga, float(ambang_tren))


@store.cached()
def _priority(area: str, provinsi: str, per: Periode, bobot: Bobot, flooded: bool, keluarga: str, ambang_tren: float,
              ) -> pd.DataFrame:  # fmt: skip
    rows = values([area, provinsi], per)
    return priority_table(rows, area, provinsi, bobot, flooded=flooded, keluarga=keluarga, ambang_tren=ambang_tren)


def child_options(table: pd.DataFrame, areas: Sequence[str], per: Periode) -> list[str]:
    """:func:`breakdown_options` of a priority list for ``areas`` (the area's children), from the warehouse."""
    reported = _child_indicators(tuple(sorted(areas)), per)
    return [k for k in table["kode_indikator"] if k in reported]


@store.cached(max_entries=100)
def _child_indicators(areas: tuple[str, ...], per: Periode) -> frozenset[str]:
    """The indicators that ``areas`` report in the current period of ``per``."""
    if not areas:
        return frozenset()
    rows = values(areas, per)
    return frozenset(rows.loc[rows["kunci"] == "sekarang", "kode_indikator"]) if len(rows) else frozenset()


def child_breakdown(areas: Sequence[str], per: Periode, indikator: str) -> pd.DataFrame:
    """:func:`breakdown` of one indicator over ``areas`` (an area's children) from the warehouse."""
    return _child_breakdown(tuple(sorted(areas)), per, indikator)


@store.cached()
def _child_breakdown(areas: tuple[str, ...], per: Periode, indikator: str) -> pd.DataFrame:
    return breakdown(values(areas, per), indikator)


def profile(area: str, provinsi: str, peers: Sequence[str], per: Periode, keluarga: str,
            ambang_tren: float = 1.0) -> pd.DataFrame:  # fmt: skip
    """:func:`field_profile` of ``area`` from the warehouse (its rows, the province's and its peers' of ``per``)."""
    return _profile(area, provinsi, tuple(peers), per, keluarga, float(ambang_tren), scoring.pengaturan())


@store.cached()
def _profile(area: str, provinsi: str, peers: tuple[str, ...], per: Periode, keluarga: str, ambang_tren: float,
             cfg: scoring.Pengaturan) -> pd.DataFrame:  # fmt: skip
    rows = values([area, provinsi, *peers], per)
    lingkup = spm_series.scope(spm_catalog.catalog(), spm_catalog.catalog()["kode_indikator"].tolist())
    return field_profile(rows, area, provinsi, peers, keluarga, ambang_tren, cfg, lingkup=lingkup)
