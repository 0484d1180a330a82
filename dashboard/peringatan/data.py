"""Early warning (issue 17): year-end projection per service and area, the warning list and the backtest.

Pure functions take DataFrames (rows of ``peringatan_riwayat``, the catalog, the fields) and are tested without
Streamlit; the small data functions at the end call :func:`store.run` and are cached per warehouse version.

Rows and values (README "Aturan angka"): official SPM services (``spm_resmi``) are year-to-date at the quarter ends,
so their projected value is people served by December (``terlayani``) over the year's ``sasaran``; Posyandu and
transformation indicators are monthly, so their projected value is December's coverage (percent). The shape of an
earlier year uses only whole values (an aggregate standing on fewer units than ``[agregat] ambang_kelengkapan_persen``
is partial and left out; a year-to-date sum must stand on the same units as its December; a year the area was hit
by a flood is left out of its shape, any kab/kota's flood year out of the province's); this year's value may be partial: it is projected and marked ◐, but never ranked on the
warning list. The formulas are in :mod:`dashboard.peringatan.proyeksi`.

Warning list: a service and area whose projected December value falls short of the target (``[peringatan]
target_spm_persen`` for official services; ``[peringatan.target_posyandu]`` per Posyandu indicator, a maximum for
lower-is-better indicators), ranked by the people who would remain unserved in December::

    belum_desember = sasaran × (target − proyeksi) / 100           (lower is better: proyeksi − target)
    laju_sekarang  = sasaran × (proyeksi − capaian) / 100 / (12 − bulan)   (people per month to December at the
                                                                          pace the usual shape implies)
    laju_perlu     = sasaran × (target − capaian) / 100 / (12 − bulan)     (people per month the target needs)
    laju_tambahan  = laju_perlu − laju_sekarang = belum_desember / (12 − bulan)   (people per month more)

Rows of kab/kota services are ranked per kab/kota; the province row of such a service sums the kab/kota (it would
count the same people twice) and is not ranked; the province's own services are.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core import fmt, store
from dashboard.core.i18n import t
from dashboard.core.settings import Peringatan as Pengaturan  # [peringatan] of data/pengaturan.toml
from dashboard.core.settings import settings
from dashboard.peringatan import proyeksi
from dashboard.spm import catalog as spm_catalog
from dashboard.spm import coverage

BULAN_UJI = (3, 6, 9)  # the as-of months of the backtest (quarter ends: official rows exist only there)


@dataclass(frozen=True)
class Seri:
    """One (area, indicator) series: {year: {month: row}} with the value the shape uses."""

    kode_wilayah: str
    kode_indikator: str
    tahun: dict[int, dict[int, dict]]


def _kumulatif(keluarga: str) -> bool:
    return keluarga == "spm_resmi"


def prepare(rows: pd.DataFrame, ambang: float | None = None) -> pd.DataFrame:
    """Rows of ``peringatan_riwayat`` with coverage (``sebagian``) and ``nilai``: the value a shape divides
    (official: people served year to date, with a positive sasaran; monthly: coverage in percent)."""
    out = coverage.unit_coverage(rows, ambang)
    resmi = out["keluarga"] == "spm_resmi"
    terlayani = pd.to_numeric(out["terlayani"], errors="coerce").astype(float)
    sasaran = pd.to_numeric(out["sasaran"], errors="coerce").astype(float)
    out["nilai"] = np.where(resmi, terlayani.where(sasaran > 0), pd.to_numeric(out["capaian_persen"], errors="coerce"))
    return out


def series(rows: pd.DataFrame) -> dict[tuple[str, str], dict[int, dict[int, dict]]]:
    """{(area, indicator): {year: {month: row dict}}} of prepared rows."""
    out: dict[tuple[str, str], dict[int, dict[int, dict]]] = defaultdict(lambda: defaultdict(dict))
    for r in rows.to_dict("records"):
        out[(r["kode_wilayah"], r["kode_indikator"])][int(r["tahun"])][int(r["bulan"])] = r
    return out


def _whole_values(years: Mapping[int, Mapping[int, dict]], kumulatif: bool) -> dict[int, dict[int, float | None]]:
    """{year: {month: nilai}} for a shape: partial values left out; for a year-to-date sum (official services) also a
    month that stands on other units than December (a kab/kota that reported in December but not in March would
    make the province's March look low)."""
    out: dict[int, dict[int, float | None]] = {}
    for y, months in years.items():
        dec = months.get(12)
        units = _f(dec.get("unit_dasar")) if dec else None
        out[y] = {
            m: None if r.get("sebagian") or (kumulatif and units is not None and _f(r.get("unit_dasar")) != units)
            else _f(r.get("nilai"))
            for m, r in months.items()
        }
    return out


def _f(x: object) -> float | None:
    if x is None:
        return None
    try:
        v = float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if v != v else v


def flood_year_sets(banjir_tahun: pd.DataFrame | None, provinsi: str) -> dict[str, frozenset[int]]:
    """{area: the years a flood hit it} from ``peringatan_banjir_tahun`` rows; the province: any kab/kota's years."""
    if banjir_tahun is None or banjir_tahun.empty:
        return {}
    out: dict[str, set[int]] = defaultdict(set)
    for kode, tahun in zip(banjir_tahun["kode_wilayah"], banjir_tahun["tahun"], strict=True):
        out[str(kode)].add(int(tahun))
        out[provinsi].add(int(tahun))
    return {k: frozenset(v) for k, v in out.items()}


def as_of_month(keluarga: str, month: dt.date) -> int | None:
    """The month of this year whose value is projected: the month itself (monthly), else the latest quarter end at or
    before it (official year-to-date); None before the first quarter end."""
    if _kumulatif(keluarga):
        q = (month.month // 3) * 3
        return q or None
    return month.month


def _percent(keluarga: str, value: float | None, sasaran: float | None) -> float | None:
    if value is None:
        return None
    if _kumulatif(keluarga):
        return 100.0 * value / sasaran if sasaran and sasaran > 0 else None
    return value


def project_one(seri: Mapping[int, Mapping[int, dict]], seri_provinsi: Mapping[int, Mapping[int, dict]], keluarga: str,
                tahun: int, bulan: int, min_tahun: int, tanpa: frozenset[int] = frozenset(),
                tanpa_provinsi: frozenset[int] = frozenset()) -> tuple[proyeksi.Hasil, dict | None]:  # fmt: skip
    """The projection of one series as of ``bulan`` of ``tahun`` (history: the years before, except the flood years
    ``tanpa`` of the area and ``tanpa_provinsi`` of the province) and this year's row."""
    now = seri.get(tahun, {}).get(bulan)
    same = seri_provinsi is seri
    seri = {y: m for y, m in seri.items() if y == tahun or y not in tanpa}
    seri_provinsi = seri if same else {y: m for y, m in seri_provinsi.items() if y not in tanpa_provinsi}
    value = _f(now.get("nilai")) if now else None
    kumulatif = _kumulatif(keluarga)
    own = proyeksi.shares(_whole_values(seri, kumulatif), bulan, tahun)
    prov = own if same else proyeksi.shares(_whole_values(seri_provinsi, kumulatif), bulan, tahun)
    jan = seri.get(tahun, {}).get(1)
    hasil = proyeksi.project(value, bulan, own, prov, min_tahun=min_tahun, kumulatif=_kumulatif(keluarga),
                             nilai_januari=_f(jan.get("nilai")) if jan else None)  # fmt: skip
    return hasil, now


def projection_table(rows: pd.DataFrame, katalog: pd.DataFrame, bidang: pd.DataFrame, month: object, provinsi: str,
                     cfg: Pengaturan, *, banjir: Sequence[str] = (), banjir_tahun: pd.DataFrame | None = None,
                     ambang: float | None = None) -> pd.DataFrame:  # fmt: skip
    """One row per (area, indicator) with a value or a reason: this year's value as of ``month``, the projected
    December value and range (percent), the method, the target, people unserved in December and the paces.
    ``banjir``: the areas hit by a flood this year (marked); ``banjir_tahun``: the years each area was hit (rows of
    ``peringatan_banjir_tahun``), left out of its shape (and any of them out of the province's): a flood year's
    path through the year is not the usual one."""
    month = pd.Timestamp(month).date().replace(day=1)
    year = month.year
    prepared = prepare(rows[rows["tahun"] <= year], ambang)
    by_series = series(prepared)
    cat = katalog.set_index("kode_indikator")
    opd = bidang.set_index("kode_bidang")
    flooded = set(banjir)
    skip = flood_year_sets(banjir_tahun, provinsi)
    out = []
    for (area, ind), seri in by_series.items():
        if ind not in cat.index:
            continue
        c = cat.loc[ind]
        keluarga = str(c["keluarga"])
        bulan = as_of_month(keluarga, month)
        prov_seri = by_series.get((provinsi, ind), {})
        if bulan is None:
            hasil, now = proyeksi.Hasil("tidak", alasan="tanpa_data"), None
        else:
            hasil, now = project_one(seri, prov_seri, keluarga, year, bulan, cfg.min_tahun_pola,
                                     skip.get(area, frozenset()), skip.get(provinsi, frozenset()))  # fmt: skip
        if now is None and year not in seri and not any(y < year for y in seri):
            continue
        sasaran = _f(now.get("sasaran")) if now else None
        terlayani = _f(now.get("terlayani")) if now else None
        higher = bool(c["lebih_tinggi_lebih_baik"])
        target = cfg.target_spm_persen if keluarga == "spm_resmi" else cfg.target_posyandu.get(ind)
        row = {
            "kode_wilayah": area, "tingkat": "provinsi" if area == provinsi else "kabkota", "kode_indikator": ind,
            "nama_id": c["nama_id"], "nama_en": c["nama_en"], "bidang": c["kode_bidang"],
            "bidang_id": c["bidang_id"], "bidang_en": c["bidang_en"], "urutan": int(c["urutan"]),
            "opd_id": opd.loc[c["kode_bidang"], "opd_id"], "opd_en": opd.loc[c["kode_bidang"], "opd_en"],
            "keluarga": keluarga, "level": c["level"], "lebih_tinggi_lebih_baik": higher,
            "peka_banjir": bool(c["peka_banjir"]), "tahun": year, "bulan": bulan,
            "periode": dt.date(year, bulan, 1) if bulan else None,
            "sasaran": sasaran, "terlayani": terlayani,
            "capaian_persen": _f(now.get("capaian_persen")) if now else None,
            "sebagian": bool(now.get("sebagian")) if now else False,
            "kelengkapan_unit": _f(now.get("kelengkapan_unit")) if now else None,
            "unit_ada": _f(now.get("unit_ada")) if now else None, "unit_hitung": _f(now.get("unit_hitung")) if now else None,
            "unit_taksiran": _f(now.get("unit_taksiran")) if now else None,
            "unit_persen": _f(now.get("unit_persen")) if now else None,
            "metode": hasil.metode, "alasan": hasil.alasan, "tahun_pola": len(hasil.tahun),
            "tahun_pola_daftar": ", ".join(str(y) for y in hasil.tahun),
            "proyeksi": _percent(keluarga, hasil.nilai, sasaran), "bawah": _percent(keluarga, hasil.bawah, sasaran),
            "atas": _percent(keluarga, hasil.atas, sasaran), "target": target,
            "banjir": area in flooded or (area == provinsi and bool(flooded)),
        }  # fmt: skip
        if hasil.ada and row["proyeksi"] is None:  # official without a sasaran: no percent to project to
            row.update(metode="tidak", alasan="tanpa_data")
        out.append(_with_gap(row))
    table = pd.DataFrame(out)
    if table.empty:
        return table
    return table.sort_values(["urutan", "kode_indikator", "tingkat", "kode_wilayah"], ignore_index=True)


def _with_gap(row: dict) -> dict:
    """Add the shortfall against the target, people unserved in December, the paces and the warning flag."""
    target, proj, bulan = row["target"], row["proyeksi"], row["bulan"]
    row.update(kurang=None, belum_desember=None, laju_sekarang=None, laju_perlu=None, laju_tambahan=None,
               peringatan=False, risiko=None)  # fmt: skip
    if target is None or proj is None or row["metode"] == "tidak":
        return row
    higher = row["lebih_tinggi_lebih_baik"]
    kurang = (target - proj) if higher else (proj - target)
    row["kurang"] = kurang
    row["peringatan"] = bool(kurang > 0)
    edge = row["atas"] if higher else row["bawah"]
    if row["peringatan"]:
        whole_range_short = (edge is not None) and ((edge < target) if higher else (edge > target))
        row["risiko"] = "tinggi" if whole_range_short else "sedang"
    sasaran, now = row["sasaran"], row["capaian_persen"]
    if sasaran is None or sasaran <= 0:
        return row
    row["belum_desember"] = max(kurang, 0.0) * sasaran / 100.0
    if not higher or now is None or bulan is None or bulan >= 12:
        return row
    sisa = 12 - bulan
    row["laju_sekarang"] = (proj - now) * sasaran / 100.0 / sisa
    row["laju_perlu"] = proyeksi.required_pace(sasaran * target / 100.0, sasaran * now / 100.0, bulan)
    row["laju_tambahan"] = max(row["laju_perlu"] - row["laju_sekarang"], 0.0)
    return row


def warning_list(table: pd.DataFrame, kab: str | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ranked, partial): the rows that fall short of their target, ranked by people unserved in December (then the
    shortfall in points, then indicator and area code), and the partial ones (◐) that fall short but are not ranked.
    Without ``kab``: every kab/kota's rows and the province's own services; with ``kab``: that kab/kota's rows."""
    if table.empty:
        return table.assign(peringkat=pd.Series(dtype=int)), table
    rows = table[table["peringatan"].astype(bool)]
    if kab:
        rows = rows[rows["kode_wilayah"] == kab]
    else:  # a province row of a kab/kota service would count the kab/kota's people twice
        rows = rows[(rows["tingkat"] == "kabkota") | (rows["level"] == "provinsi")]
    partial = rows[rows["sebagian"].astype(bool)]
    ranked = rows[~rows["sebagian"].astype(bool)].copy()
    ranked["_belum"] = pd.to_numeric(ranked["belum_desember"], errors="coerce").fillna(-1.0)
    ranked = ranked.sort_values(["_belum", "kurang", "kode_indikator", "kode_wilayah"],
                                ascending=[False, False, True, True]).drop(columns="_belum")  # fmt: skip
    ranked["peringkat"] = np.arange(1, len(ranked) + 1)
    return ranked.reset_index(drop=True), partial.reset_index(drop=True)


# --- backtest ----------------------------------------------------------------------------------------------------


def backtest_rows(rows: pd.DataFrame, katalog: pd.DataFrame, provinsi: str, min_tahun: int,
                  ambang: float | None = None, months: Sequence[int] = BULAN_UJI,
                  banjir_tahun: pd.DataFrame | None = None) -> pd.DataFrame:  # fmt: skip
    """The projection as of each of ``months`` of every complete earlier year (a year with December values), using
    only the years before it, against the December value actually reached: one row per (area, indicator, year,
    month) that could be projected, with the error in points and whether the range held the outcome. Partial values
    (this year's or December's) are left out."""
    prepared = prepare(rows, ambang)
    by_series = series(prepared)
    fam = dict(zip(katalog["kode_indikator"], katalog["keluarga"], strict=True))
    skip = flood_year_sets(banjir_tahun, provinsi)
    out = []
    for (area, ind), seri in by_series.items():
        keluarga = fam.get(ind)
        if keluarga is None:
            continue
        prov_seri = by_series.get((provinsi, ind), {})
        for year, months_ in seri.items():
            dec = months_.get(12)
            if dec is None or dec.get("sebagian") or not any(y < year for y in seri):
                continue
            actual = _percent(keluarga, _f(dec.get("nilai")), _f(dec.get("sasaran")))
            if actual is None:
                continue
            for bulan in months:
                hasil, now = project_one(seri, prov_seri, keluarga, year, bulan, min_tahun,
                                         skip.get(area, frozenset()), skip.get(provinsi, frozenset()))  # fmt: skip
                if not hasil.ada or now is None or now.get("sebagian"):
                    continue
                sasaran = _f(now.get("sasaran"))
                p, lo, hi = (_percent(keluarga, v, sasaran) for v in (hasil.nilai, hasil.bawah, hasil.atas))
                if p is None:
                    continue
                out.append({"kode_wilayah": area, "kode_indikator": ind, "keluarga": keluarga, "tahun": year,
                            "bulan": bulan, "metode": hasil.metode, "proyeksi": p, "bawah": lo, "atas": hi,
                            "aktual": actual, "galat": abs(p - actual),
                            "dalam_rentang": bool(lo - 1e-9 <= actual <= hi + 1e-9)})  # fmt: skip
    return pd.DataFrame(out)


def backtest_summary(bt: pd.DataFrame, by: Sequence[str] = ()) -> pd.DataFrame:
    """Median absolute error (points), share of outcomes inside the range (percent) and the number of projections,
    overall or per ``by`` columns."""
    cols = ["n", "galat_median", "dalam_rentang_persen"]
    if bt.empty:
        return pd.DataFrame(columns=[*by, *cols])

    def one(g: pd.DataFrame) -> pd.Series:
        return pd.Series({"n": len(g), "galat_median": float(g["galat"].median()),
                          "dalam_rentang_persen": 100.0 * float(g["dalam_rentang"].mean())})  # fmt: skip

    if not by:
        return one(bt).to_frame().T
    return bt.groupby(list(by)).apply(one, include_groups=False).reset_index()


# --- data access (cached through store.run) ----------------------------------------------------------------------


def history(akhir: object) -> pd.DataFrame:
    """``peringatan_riwayat`` up to ``akhir`` (the month asked)."""
    return store.run("peringatan_riwayat", akhir=pd.Timestamp(akhir).date().replace(day=1),
                     kode_provinsi=store.provinsi_kode())  # fmt: skip


def flooded_areas(month: object) -> pd.DataFrame:
    """Kab/kota hit by a flood event that overlaps January to the end of ``month`` of its year."""
    d = pd.Timestamp(month)
    last_day = (d + pd.offsets.MonthEnd(0)).date()
    return store.run("peringatan_banjir", mulai=dt.date(d.year, 1, 1), akhir=last_day)


def flood_years() -> pd.DataFrame:
    """(kab/kota, year) with a flood going on (``peringatan_banjir_tahun``)."""
    return store.run("peringatan_banjir_tahun")


@store.cached(max_entries=32)
def projections(month: str) -> pd.DataFrame:
    """:func:`projection_table` of every kab/kota and the province as of ``month`` ('YYYY-MM'), with area names
    (settings ``[peringatan]``; the cache is keyed by $SPM_CONFIG too)."""
    cfg = settings().peringatan
    prov = store.provinsi_kode()
    floods = flooded_areas(month + "-01")
    table = projection_table(history(month + "-01"), spm_catalog.catalog(), spm_catalog.fields(), month + "-01", prov,
                             cfg, banjir=floods["kode_wilayah"].tolist(), banjir_tahun=flood_years())  # fmt: skip
    if table.empty:
        return table
    names = dict(zip(store.kabkota()["kode"], store.kabkota()["nama"], strict=True))
    names[prov] = str(store.wilayah_info(prov).get("nama") or prov)
    table["nama_wilayah"] = table["kode_wilayah"].map(names).fillna(table["kode_wilayah"])
    return table


@store.cached(max_entries=4)
def flood_events(month: str) -> pd.DataFrame:
    return flooded_areas(month + "-01")


@store.cached(max_entries=4)
def backtest(min_tahun: int | None = None) -> pd.DataFrame:
    """The backtest on the loaded warehouse (every complete year), one summary row per family and overall."""
    min_tahun = settings().peringatan.min_tahun_pola if min_tahun is None else min_tahun
    periods = store.periods()
    if not periods:
        return backtest_summary(pd.DataFrame())
    rows = history(periods[0] + "-01")
    bt = backtest_rows(rows, spm_catalog.catalog(), store.provinsi_kode(), int(min_tahun), banjir_tahun=flood_years())
    per_family = backtest_summary(bt, ["keluarga"])
    overall = backtest_summary(bt).assign(keluarga="semua")
    return pd.concat([overall, per_family], ignore_index=True)


@store.cached(max_entries=64)
def trajectory_series(month: str, kode_wilayah: str, kode_indikator: str) -> pd.DataFrame:
    """Coverage (percent) of one service in one area for every year up to ``month``, per month or quarter end: the
    path the trajectory chart draws (partial values left out, as in the shapes)."""
    rows = history(month + "-01")
    rows = rows[(rows["kode_wilayah"] == kode_wilayah) & (rows["kode_indikator"] == kode_indikator)]
    if rows.empty:
        return pd.DataFrame(columns=["tahun", "bulan", "capaian_persen"])
    rows = coverage.unit_coverage(rows)
    return rows.loc[~rows["sebagian"], ["tahun", "bulan", "capaian_persen"]].reset_index(drop=True)


def accuracy_line(summary: pd.DataFrame) -> dict | None:
    """The overall backtest figures for the page's one line: n, median absolute error, range held (percent)."""
    if summary.empty or not (summary["keluarga"] == "semua").any():
        return None
    row = summary[summary["keluarga"] == "semua"].iloc[0]
    if not row["n"]:
        return None
    return {"n": int(row["n"]), "galat": float(row["galat_median"]), "rentang": float(row["dalam_rentang_persen"])}


# --- texts of a projection (the page, the priority column, the profile and the deck say it the same way) ----------


def _pct(x: object, lang: str) -> str:
    """A percentage for a projection: above 100 % it says only ">100%" (the target is reached; how far beyond is
    not a figure anyone should plan on)."""
    if fmt.is_na(x):
        return fmt.NA
    v = float(x)  # type: ignore[arg-type]
    return ">" + fmt.persen(100.0, 0, lang) if v > 100.0 else fmt.persen(v, 1, lang)


def range_text(row: Mapping, lang: str) -> str:
    """'88,8% (87,2% – 89,6%)' or 'belum dapat diproyeksikan: <reason>'."""
    if row.get("metode") in (None, "tidak") or fmt.is_na(row.get("proyeksi")):
        return t("peringatan.tidak_dapat", lang, alasan=t(f"peringatan.alasan_{row.get('alasan') or 'tanpa_data'}", lang))
    if row.get("metode") == "akhir":
        return _pct(row["proyeksi"], lang)
    return t("peringatan.rentang_teks", lang, nilai=_pct(row["proyeksi"], lang), bawah=_pct(row["bawah"], lang),
             atas=_pct(row["atas"], lang))  # fmt: skip


def method_text(row: Mapping, lang: str) -> str:
    """'pola wilayah (2021, 2022, 2023)' and the like."""
    metode = row.get("metode") or "tidak"
    if metode == "tidak":
        return t(f"peringatan.alasan_{row.get('alasan') or 'tanpa_data'}", lang)
    label = t(f"peringatan.metode_{metode}", lang)
    years = row.get("tahun_pola_daftar")
    return f"{label} ({years})" if years else label


def projection_texts(codes: Sequence[str], kode_wilayah: str, month: str, lang: str) -> list[str]:
    """For the priority page: the December projection (with range, or why there is none) of each indicator in
    ``codes`` in the area (kab/kota or province; other levels have no projection: '–')."""
    table = projections(month)
    if table.empty:
        return [fmt.NA] * len(codes)
    mine = {r["kode_indikator"]: r for r in table[table["kode_wilayah"] == kode_wilayah].to_dict("records")}
    out = []
    for code in codes:
        r = mine.get(code)
        if r is None:
            out.append(fmt.NA)
            continue
        text = range_text(r, lang)
        if r.get("peringatan"):
            text += " · " + t("peringatan.di_bawah_target", lang)
        if r.get("sebagian"):
            text = "◐ " + text
        out.append(text)
    return out
