"""Post-flood recovery: formulas (plain functions) and the data behind the recovery page.

The heavy lifting is SQL (queries/marts/5*_mart_banjir_*.sql and queries/banjir_*.sql): which desa an event hit,
monthly coverage of the affected and comparable unaffected desa, the pre-flood baseline, the worst point, the
latest value, the month from which an area has stayed recovered, and the physical backlog. The functions here
turn those small results into what the page shows: percent recovered, status, a projected recovery month (or an
honest reason why there is none), the lagging list and a plain-language summary.

Formulas (SPM.md §10, applied to flood-sensitive monthly indicators only; all configurable in [banjir]):

* baseline = mean coverage of the ``bulan_baseline`` months before the onset month (SQL);
* worst point = lowest coverage from the onset month on (highest when lower is better, e.g. 2T) (SQL);
* percent recovered = (current - worst) / (baseline - worst) x 100 (:func:`persen_pulih`);
* recovered when current >= ``ambang_pulih`` x baseline (lower is better: current <= baseline / ``ambang_pulih``);
* months to recover = months from the onset month to the first month from which the area stayed recovered (SQL);
* projection: least-squares line through the last ``bulan_tren`` points from the worst point on; no projection
  when there are too few points, the line does not improve, fits badly (R² < ``r2_min_tren``) or reaches the
  threshold only beyond ``batas_proyeksi_bulan`` months (:func:`proyeksi`).

Page-facing functions take ``run`` (default :func:`dashboard.core.store.run`) so tests can run them on a fixture file.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard import DATA_DIR
from dashboard.core import dates, fmt, store
from dashboard.core.i18n import data_text, lang_column, t
from dashboard.core.settings import Banjir as Pengaturan
from dashboard.core.settings import settings

Runner = Callable[..., pd.DataFrame]

STATUS_KEJADIAN = ("tanggap_darurat", "transisi_darurat", "pemulihan", "selesai")
STATUS_PULIH = ("belum_pulih", "pulih", "tidak_turun", "tanpa_baseline")
ALASAN = ("tanpa_baseline", "data_kurang", "tren_tidak_membaik", "tren_tidak_stabil", "terlalu_jauh")
KOMPONEN = (
    "rumah_rusak_berat", "rumah_rusak_sedang", "rumah_rusak_ringan", "sekolah", "sarana_air", "sarana_sanitasi",
    "kk_bantuan",
)  # fmt: skip
KOMPONEN_RUMAH = ("rumah_rusak_berat", "rumah_rusak_sedang", "rumah_rusak_ringan")
BULAN_SETELAH_MAKS = 36  # the monthly mart follows an event up to 36 months after its onset month
SELISIH_BERARTI = 1.0  # percentage points: a smaller difference from the comparison desa is not called a difference


# --- settings ------------------------------------------------------------------------------------------------------


def pengaturan() -> Pengaturan:
    """The [banjir] settings of data/pengaturan.toml (and $SPM_CONFIG), kept inside sensible bounds."""
    raw = settings().banjir
    return replace(
        raw,
        bulan_baseline=min(max(raw.bulan_baseline, 1), 12),
        ambang_pulih=min(max(raw.ambang_pulih, 0.5), 1.0),
        bulan_tren=min(max(raw.bulan_tren, 2), 12),
        min_titik_tren=min(max(raw.min_titik_tren, 2), 12),
        r2_min_tren=min(max(raw.r2_min_tren, 0.0), 1.0),
        batas_proyeksi_bulan=max(raw.batas_proyeksi_bulan, 1),
    )


# --- formulas ------------------------------------------------------------------------------------------------------


def persen_pulih(baseline: float | None, terburuk: float | None, kini: float | None, naik: bool = True) -> float | None:
    """(current - worst) / (baseline - worst) x 100; None when a value is missing or there was no drop."""
    if fmt.is_na(baseline) or fmt.is_na(terburuk) or fmt.is_na(kini):
        return None
    jarak = float(baseline) - float(terburuk)  # type: ignore[arg-type]
    if (naik and jarak <= 0) or (not naik and jarak >= 0):
        return None
    return (float(kini) - float(terburuk)) / jarak * 100.0  # type: ignore[arg-type]


def target_pulih(baseline: float, ambang: float, naik: bool = True) -> float:
    """The coverage that counts as recovered: ambang x baseline (lower is better: baseline / ambang)."""
    return ambang * baseline if naik else baseline / ambang


def sudah_pulih(nilai: float, baseline: float, ambang: float, naik: bool = True) -> bool:
    return nilai >= ambang * baseline if naik else nilai * ambang <= baseline


def status_pulih(baseline: float | None, tidak_turun: object, pulih: object) -> str:
    """belum_pulih | pulih | tidak_turun (never fell below the threshold) | tanpa_baseline (no pre-flood data)."""
    if fmt.is_na(baseline):
        return "tanpa_baseline"
    if not fmt.is_na(tidak_turun) and bool(tidak_turun):
        return "tidak_turun"
    if not fmt.is_na(pulih) and bool(pulih):
        return "pulih"
    return "belum_pulih"


@dataclass(frozen=True)
class Proyeksi:
    bulan_ke: int | None  # months after the onset month; None when no projection is warranted
    alasan: str | None  # why not (one of ALASAN); None when projected
    kemiringan: float | None = None  # percentage points per month
    r2: float | None = None


def proyeksi(bulan: list[float] | np.ndarray, nilai: list[float] | np.ndarray, baseline: float | None, naik: bool,
             ambang: float, bulan_kini: int, *, min_titik: int = 3, r2_min: float = 0.5,
             batas_bulan: int = 24) -> Proyeksi:  # fmt: skip
    """The month (counted from the onset month) in which a straight line through the recent points reaches the
    recovery threshold, or the reason why no honest projection can be made."""
    if fmt.is_na(baseline):
        return Proyeksi(None, "tanpa_baseline")
    pts = [(float(x), float(y)) for x, y in zip(bulan, nilai, strict=True) if not fmt.is_na(x) and not fmt.is_na(y)]
    xs = np.array([p[0] for p in pts])
    ys = np.array([p[1] for p in pts])
    if len(pts) < max(min_titik, 2) or np.ptp(xs) == 0:
        return Proyeksi(None, "data_kurang")
    kemiringan, potong = np.polyfit(xs, ys, 1)
    sisa = ys - (potong + kemiringan * xs)
    ss_tot = float(((ys - ys.mean()) ** 2).sum())
    r2 = 1.0 - float((sisa**2).sum()) / ss_tot if ss_tot > 0 else 1.0
    membaik = kemiringan > 1e-9 if naik else kemiringan < -1e-9
    if not membaik:
        return Proyeksi(None, "tren_tidak_membaik", float(kemiringan), r2)
    if r2 < r2_min:
        return Proyeksi(None, "tren_tidak_stabil", float(kemiringan), r2)
    x_target = (target_pulih(float(baseline), ambang, naik) - potong) / kemiringan  # type: ignore[arg-type]
    bulan_ke = max(math.ceil(x_target - 1e-9), int(bulan_kini) + 1)
    if bulan_ke - int(bulan_kini) > batas_bulan:
        return Proyeksi(None, "terlalu_jauh", float(kemiringan), r2)
    return Proyeksi(int(bulan_ke), None, float(kemiringan), r2)


def bulan_ke_periode(bulan_mulai: object, bulan_ke: object) -> pd.Timestamp | None:
    """The month ``bulan_ke`` months after the onset month (first day)."""
    if fmt.is_na(bulan_ke):
        return None
    return (pd.Timestamp(bulan_mulai).to_period("M") + int(bulan_ke)).to_timestamp()  # type: ignore[arg-type]


def _periode_vektor(bulan_mulai: object, bulan_ke: pd.Series) -> pd.Series:
    """Vectorised :func:`bulan_ke_periode` (NaT where ``bulan_ke`` is missing)."""
    awal = pd.Timestamp(bulan_mulai)  # type: ignore[arg-type]
    n = pd.to_numeric(bulan_ke, errors="coerce").astype("float64")
    total = awal.year * 12 + (awal.month - 1) + n
    ada = n.notna()
    out = pd.Series(pd.NaT, index=bulan_ke.index, dtype="datetime64[ns]")
    if ada.any():
        unik = {int(v): pd.Timestamp(year=int(v) // 12, month=int(v) % 12 + 1, day=1) for v in total[ada].unique()}
        out[ada] = total[ada].astype(int).map(unik)
    return out


def metrik(df: pd.DataFrame, bulan_mulai: object, cfg: Pengaturan) -> pd.DataFrame:
    """Add status, percent recovered, months to recover and the projection to rows of banjir_pemulihan_layanan
    (vectorised versions of :func:`status_pulih`, :func:`persen_pulih` and :func:`target_pulih`)."""
    out = df.copy()
    if out.empty:
        for col in ("status", "persen_pulih", "waktu_pulih", "proyeksi_bulan_ke", "alasan_proyeksi",
                    "periode_terburuk", "periode_kini", "periode_pulih", "periode_proyeksi", "target", "kemiringan", "r2"):  # fmt: skip
            out[col] = pd.Series(dtype="object")
        return out
    baseline = pd.to_numeric(out["baseline"], errors="coerce").astype("float64")
    terburuk = pd.to_numeric(out["terburuk"], errors="coerce").astype("float64")
    kini = pd.to_numeric(out["kini"], errors="coerce").astype("float64")
    naik = out["naik"].astype(bool)
    tidak_turun = out["tidak_turun"].astype("boolean").fillna(False).astype(bool)
    pulih = out["pulih"].astype("boolean").fillna(False).astype(bool)
    out["status"] = np.select(
        [baseline.isna(), tidak_turun, pulih], ["tanpa_baseline", "tidak_turun", "pulih"], default="belum_pulih"
    )
    jarak = baseline - terburuk
    ada_turun = np.where(naik, jarak > 0, jarak < 0) & (out["status"] != "tidak_turun") & kini.notna()
    out["persen_pulih"] = np.where(ada_turun, (kini - terburuk) / jarak.where(jarak != 0) * 100.0, np.nan)
    out["waktu_pulih"] = pd.to_numeric(out["bulan_pulih"], errors="coerce").where(out["status"] == "pulih").astype("Int64")
    out["target"] = np.where(naik, cfg.ambang_pulih * baseline, baseline / cfg.ambang_pulih)
    bulan_ke = pd.array([pd.NA] * len(out), dtype="Int64")
    alasan: list[str | None] = [None] * len(out)
    kemiringan = np.full(len(out), np.nan)
    r2 = np.full(len(out), np.nan)
    tren_bulan, tren_nilai = out["tren_bulan"].to_numpy(), out["tren_nilai"].to_numpy()
    bulan_kini, naik_arr, base_arr = out["bulan_kini"].to_numpy(), naik.to_numpy(), baseline.to_numpy()
    for i in np.flatnonzero(out["status"].to_numpy() == "belum_pulih"):
        p = proyeksi(
            list(tren_bulan[i]), list(tren_nilai[i]), base_arr[i], bool(naik_arr[i]), cfg.ambang_pulih,
            int(bulan_kini[i]), min_titik=cfg.min_titik_tren, r2_min=cfg.r2_min_tren,
            batas_bulan=cfg.batas_proyeksi_bulan,
        )  # fmt: skip
        if p.bulan_ke is not None:
            bulan_ke[i] = p.bulan_ke
        alasan[i] = p.alasan
        kemiringan[i] = np.nan if p.kemiringan is None else p.kemiringan
        r2[i] = np.nan if p.r2 is None else p.r2
    out["proyeksi_bulan_ke"] = bulan_ke
    out["alasan_proyeksi"] = pd.Series(alasan, index=out.index, dtype="object")
    out["kemiringan"] = kemiringan
    out["r2"] = r2
    for src, dst in (("bulan_terburuk", "periode_terburuk"), ("bulan_kini", "periode_kini"),
                     ("waktu_pulih", "periode_pulih"), ("proyeksi_bulan_ke", "periode_proyeksi")):  # fmt: skip
        out[dst] = _periode_vektor(bulan_mulai, out[src])
    return out


# --- data for the page ---------------------------------------------------------------------------------------------


def kejadian(run: Runner = store.run) -> pd.DataFrame:
    """The event register, newest first."""
    return run("banjir_kejadian")


def layanan(kode: str, bulan_mulai: object, cfg: Pengaturan, run: Runner | None = None) -> pd.DataFrame:
    """Recovery of every monthly flood-sensitive indicator per affected area (tingkat desa .. provinsi).
    Without ``run`` the result is read through the store and cached per warehouse version."""
    if run is None:
        return _layanan_tersimpan(kode, str(pd.Timestamp(bulan_mulai).date()), cfg)  # type: ignore[arg-type]
    df = run(
        "banjir_pemulihan_layanan", kode_bencana=kode, bulan_baseline=cfg.bulan_baseline, ambang=cfg.ambang_pulih,
        bulan_tren=cfg.bulan_tren,
    )  # fmt: skip
    return metrik(df, bulan_mulai, cfg)


@store.cached(max_entries=20)
def _layanan_tersimpan(kode: str, bulan_mulai: str, cfg: Pengaturan) -> pd.DataFrame:
    return layanan(kode, bulan_mulai, cfg, run=store.run)


@store.cached(max_entries=40)
def tertinggal_kejadian(kode: str, bulan_mulai: str, cfg: Pengaturan, lang: str, tingkat: tuple[str, ...]) -> pd.DataFrame:  # fmt: skip
    """:func:`tertinggal` for an event, read through the store and cached per warehouse version."""
    return tertinggal(layanan(kode, bulan_mulai, cfg), fisik_terkini(kode), bidang(), lang, tingkat=tingkat)


def selisih(kode: str, cfg: Pengaturan, run: Runner = store.run) -> pd.DataFrame:
    """Affected vs comparable unaffected desa, per affected kab/kota and for the whole event, per month."""
    return run("banjir_selisih_pembanding", kode_bencana=kode, bulan_baseline=cfg.bulan_baseline)


def ringkas_selisih(df: pd.DataFrame) -> pd.DataFrame:
    """One row per (area, indicator): the difference-in-differences in the affected group's worst month and in the
    latest month (in the indicator's direction: negative = the affected desa did worse)."""
    if df.empty:
        return pd.DataFrame(columns=[*df.columns, "selisih_terburuk", "periode_terburuk", "selisih_kini", "periode_kini"])
    rows = []
    for _, g in df.groupby(["tingkat", "kode_wilayah", "kode_indikator"], sort=False):
        g = g.sort_values("bulan_ke")
        arah = 1.0 if bool(g["naik"].iloc[0]) else -1.0
        worst = g.loc[(g["perubahan_terdampak"] * arah).idxmin()]
        last = g.iloc[-1]
        row = last.to_dict()
        row.update(
            selisih_terburuk=worst["selisih"], periode_terburuk=worst["periode"],
            perubahan_terdampak_terburuk=worst["perubahan_terdampak"],
            perubahan_pembanding_terburuk=worst["perubahan_pembanding"],
            selisih_kini=last["selisih"], periode_kini=last["periode"],
        )  # fmt: skip
        rows.append(row)
    return pd.DataFrame(rows)


def dampak(kode: str, run: Runner = store.run) -> pd.DataFrame:
    """Impact figures per area at or above every reported row."""
    return run("banjir_dampak_wilayah", kode_bencana=kode)


def peta(kode: str, tingkat: str, run: Runner = store.run) -> pd.DataFrame:
    return run("banjir_peta", kode_bencana=kode, tingkat=tingkat)


def fisik_terkini(kode: str, run: Runner = store.run) -> pd.DataFrame:
    return run("banjir_fisik_terkini", kode_bencana=kode)


def fisik_deret(kode: str, kode_wilayah: str, run: Runner = store.run) -> pd.DataFrame:
    return run("banjir_fisik_deret", kode_bencana=kode, kode_wilayah=kode_wilayah)


def deret(kode: str, kode_wilayah: str, run: Runner = store.run) -> pd.DataFrame:
    return run("banjir_deret", kode_bencana=kode, kode_wilayah=kode_wilayah)


def layanan_bencana(kode: str, run: Runner = store.run, bulan_sebelum: int = 3) -> pd.DataFrame:
    return run("banjir_layanan_bencana", kode_bencana=kode, bulan_sebelum=bulan_sebelum)


def bidang(run: Runner = store.run) -> pd.DataFrame:
    return run("banjir_bidang")


# --- lagging list --------------------------------------------------------------------------------------------------


def label_komponen(komponen: str, lang: str) -> str:
    return t("banjir.komponen." + komponen, lang)


def label_alasan(alasan: str | None, lang: str, pendek: bool = False) -> str:
    """Why no projection was made ('belum dapat diproyeksikan: ...'); ``pendek`` for table cells."""
    if not (isinstance(alasan, str) and alasan):
        return ""
    return t(("banjir.alasan_pendek." if pendek else "banjir.alasan.") + alasan, lang)


def label_status(status: str, lang: str) -> str:
    return t("banjir.status_pulih." + status, lang)


def tertinggal(layanan_df: pd.DataFrame, fisik_df: pd.DataFrame, bidang_df: pd.DataFrame, lang: str,
               tingkat: tuple[str, ...] = ("kecamatan", "desa")) -> pd.DataFrame:  # fmt: skip
    """Kecamatan and desa that lag: flood-sensitive services not yet recovered (slowest first) and physical
    recovery with a backlog, with the responsible field and office. One row per (area, item) (``jenis``: 'layanan'
    or 'fisik'), sorted by percent recovered/done (lowest first), then by backlog (largest first)."""
    en = lang == "en"
    opd = bidang_df.set_index("kode_bidang")
    cols = ["tingkat", "kode_wilayah", "wilayah", "kecamatan", "kabkota", "jenis", "butir", "bidang", "opd",
            "persen", "sisa", "keterangan", "kini", "baseline", "perkiraan", "pulih", "rusak"]  # fmt: skip
    rows: list[dict[str, Any]] = []
    if not layanan_df.empty:
        lag = layanan_df[layanan_df["tingkat"].isin(tingkat) & (layanan_df["status"] == "belum_pulih")]
        for r in lag.itertuples(index=False):
            b = opd.loc[r.kode_bidang] if r.kode_bidang in opd.index else None
            if not fmt.is_na(r.proyeksi_bulan_ke):
                note = t("banjir.proyeksi_pada", lang, bulan=dates.month_label(r.periode_proyeksi, lang))
                perkiraan = dates.month_label(r.periode_proyeksi, lang)
            else:
                note = label_alasan(r.alasan_proyeksi, lang)
                perkiraan = label_alasan(r.alasan_proyeksi, lang, pendek=True)
            rows.append(
                dict(
                    tingkat=r.tingkat, kode_wilayah=r.kode_wilayah, wilayah=r.nama_wilayah,
                    kecamatan=r.nama_kecamatan if r.tingkat == "desa" else None, kabkota=r.nama_kabkota,
                    jenis="layanan", butir=r.indikator_en if en else r.indikator_id,
                    bidang=None if b is None else (b["nama_en"] if en else b["nama_id"]),
                    opd=None if b is None else (b["opd_en"] if en else b["opd_id"]),
                    persen=r.persen_pulih, sisa=np.nan,
                    keterangan=t("banjir.ket_layanan", lang, kini=fmt.persen(r.kini, 1, lang),
                                 baseline=fmt.persen(r.baseline, 1, lang)) + "; " + note,
                    kini=r.kini, baseline=r.baseline, perkiraan=perkiraan, pulih=np.nan, rusak=np.nan,
                )  # fmt: skip
            )
    if not fisik_df.empty:
        lag = fisik_df[fisik_df["tingkat"].isin(tingkat) & (fisik_df["sisa"] > 0)]
        for r in lag.itertuples(index=False):
            rows.append(
                dict(
                    tingkat=r.tingkat, kode_wilayah=r.kode_wilayah, wilayah=r.nama_wilayah,
                    kecamatan=r.nama_kecamatan if r.tingkat == "desa" else None, kabkota=r.nama_kabkota,
                    jenis="fisik", butir=label_komponen(r.komponen, lang),
                    bidang=r.bidang_en if en else r.bidang_id, opd=r.opd_en if en else r.opd_id,
                    persen=r.persen_pulih, sisa=float(r.sisa),
                    keterangan=t("banjir.ket_fisik", lang, pulih=fmt.angka(r.pulih, 0, lang),
                                 rusak=fmt.angka(r.rusak, 0, lang), tanggal=dates.date_label(r.tanggal, lang)),
                    kini=np.nan, baseline=np.nan, perkiraan=None, pulih=float(r.pulih), rusak=float(r.rusak),
                )  # fmt: skip
            )
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:
        return out
    out["persen"] = pd.to_numeric(out["persen"], errors="coerce").astype("float64")
    for col in ("sisa", "kini", "baseline", "pulih", "rusak"):
        out[col] = pd.to_numeric(out[col], errors="coerce").astype("float64")
    out["_urut_tingkat"] = out["tingkat"].map({"kecamatan": 0, "desa": 1}).fillna(2)
    out = out.sort_values(["persen", "sisa", "_urut_tingkat", "wilayah"], ascending=[True, False, True, True],
                          na_position="last")  # fmt: skip
    return out.drop(columns="_urut_tingkat").reset_index(drop=True)


# --- plain-language summary ----------------------------------------------------------------------------------------


def _ts(x: object) -> pd.Timestamp | None:
    if x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x)):
        return None
    ts = pd.Timestamp(x)  # type: ignore[arg-type]
    return None if pd.isna(ts) else ts


def ringkasan(info: dict[str, Any], dampak_df: pd.DataFrame, layanan_df: pd.DataFrame, selisih_df: pd.DataFrame,
              fisik_df: pd.DataFrame, cfg: Pengaturan, lang: str) -> list[str]:  # fmt: skip
    """A short plain-language summary of the event's recovery, sentence by sentence, from the numbers only."""
    out: list[str] = []
    a = lambda x: fmt.angka(x, 0, lang)  # noqa: E731
    p = lambda x: fmt.persen(x, 1, lang)  # noqa: E731

    # 1. the event and its reach
    status = t("banjir.status." + info["status"], lang) if info.get("status") in STATUS_KEJADIAN else fmt.NA
    out.append(t("banjir.sum.kejadian", lang, nama=data_text(info["nama"], lang), mulai=dates.date_label(info["tanggal_mulai"], lang), status=status))
    prov = dampak_df[dampak_df["tingkat"] == "provinsi"] if not dampak_df.empty else dampak_df
    jiwa = prov["jiwa_terdampak"].iloc[0] if len(prov) else None
    if int(info.get("desa_terdampak") or 0):
        key = "banjir.sum.cakupan_jiwa" if not fmt.is_na(jiwa) else "banjir.sum.cakupan"
        out.append(t(key, lang, desa=a(info["desa_terdampak"]), kecamatan=a(info["kecamatan_terdampak"]),
                     kabkota=a(info["kabkota_terdampak"]), jiwa=a(jiwa)))  # fmt: skip

    # 2. services
    ev = layanan_df[(layanan_df["tingkat"] == "provinsi") & (layanan_df["status"] != "tanpa_baseline")] if not layanan_df.empty else layanan_df  # fmt: skip
    if ev.empty:
        out.append(t("banjir.sum.layanan_kosong", lang))
    else:
        n_pulih = int(ev["status"].isin(["pulih", "tidak_turun"]).sum())
        kini = dates.month_label(ev["periode_kini"].max(), lang)
        kunci = "banjir.sum.layanan" if n_pulih < len(ev) else "banjir.sum.layanan_semua"
        out.append(t(kunci, lang, n=len(ev), pulih=n_pulih, belum=len(ev) - n_pulih,
                     ambang=fmt.persen(cfg.ambang_pulih * 100, 0, lang), bulan=kini))  # fmt: skip
        belum = ev[ev["status"] == "belum_pulih"].sort_values("persen_pulih", na_position="first")
        if len(belum):
            r = belum.iloc[0]
            nama = r["indikator_en"] if lang == "en" else r["indikator_id"]
            out.append(t("banjir.sum.tertinggal", lang, indikator=nama, kini=p(r["kini"]), baseline=p(r["baseline"]),
                         persen=p(r["persen_pulih"])))  # fmt: skip
            if not fmt.is_na(r["proyeksi_bulan_ke"]):
                out.append(t("banjir.sum.proyeksi", lang, bulan=dates.month_label(r["periode_proyeksi"], lang), k=cfg.bulan_tren))
            else:
                out.append(t("banjir.sum.tanpa_proyeksi", lang, alasan=label_alasan(r["alasan_proyeksi"], lang)))
        pulih = ev[ev["status"] == "pulih"]
        if len(pulih):
            out.append(t("banjir.sum.waktu_pulih", lang, n=len(pulih), median=fmt.angka(pulih["waktu_pulih"].astype(float).median(), 0, lang)))  # fmt: skip

    # 3. affected vs comparable unaffected desa (whole event)
    sel = ringkas_selisih(selisih_df[selisih_df["tingkat"] == "provinsi"]) if not selisih_df.empty else selisih_df
    if not sel.empty:
        arah = np.where(sel["naik"].astype(bool), 1.0, -1.0)
        skor = sel["selisih_terburuk"].to_numpy(dtype=float) * arah
        r = sel.iloc[int(np.nanargmin(skor))] if np.isfinite(skor).any() else None
    if not sel.empty and (r is None or float(r["selisih_terburuk"]) * (1.0 if bool(r["naik"]) else -1.0) >= -SELISIH_BERARTI):
        out.append(t("banjir.sum.selisih_kecil", lang, batas=fmt.angka(SELISIH_BERARTI, 0, lang)))
    elif not sel.empty:
        nama = r["indikator_en"] if lang == "en" else r["indikator_id"]
        out.append(t("banjir.sum.selisih", lang, indikator=nama, bulan=dates.month_label(r["periode_terburuk"], lang),
                     terdampak=fmt.selisih(r["perubahan_terdampak_terburuk"], 1, lang, _satuan(lang)),
                     pembanding=fmt.selisih(r["perubahan_pembanding_terburuk"], 1, lang, _satuan(lang)),
                     selisih=fmt.selisih(r["selisih_terburuk"], 1, lang, _satuan(lang)),
                     kini=dates.month_label(r["periode_kini"], lang), selisih_kini=fmt.selisih(r["selisih_kini"], 1, lang, _satuan(lang))))  # fmt: skip

    # 4. physical recovery
    fis = fisik_df[fisik_df["tingkat"] == "provinsi"] if not fisik_df.empty else fisik_df
    fis = fis[fis["rusak"].notna() & (fis["rusak"] > 0)] if not fis.empty else fis
    if fis.empty:
        out.append(t("banjir.sum.fisik_kosong", lang))
    else:
        tanggal = dates.date_label(fis["tanggal"].max(), lang)
        dilaporkan = _ts(fis["tanggal"].max()) != _ts(info["tanggal_mulai"])
        bagian = []
        rumah = fis[fis["komponen"].isin(KOMPONEN_RUMAH)]
        if len(rumah):
            bagian.append(t("banjir.sum.bagian.rumah", lang, pulih=a(rumah["pulih"].sum()), rusak=a(rumah["rusak"].sum()),
                            persen=p(100.0 * min(rumah["pulih"].sum(), rumah["rusak"].sum()) / rumah["rusak"].sum())))  # fmt: skip
        for komp in ("sekolah", "sarana_air", "sarana_sanitasi", "kk_bantuan"):
            r = fis[fis["komponen"] == komp]
            if len(r):
                r = r.iloc[0]
                bagian.append(t("banjir.sum.bagian." + komp, lang, pulih=a(r["pulih"]), rusak=a(r["rusak"])))
        if not dilaporkan:
            out.append(t("banjir.sum.fisik_belum", lang))
        else:
            out.append(t("banjir.sum.fisik", lang, tanggal=tanggal, rincian="; ".join(bagian)))
            lambat = fis.sort_values(["persen_pulih", "urutan"]).iloc[0]
            if float(lambat["persen_pulih"]) < 100:
                out.append(t("banjir.sum.paling_lambat", lang, komponen=label_komponen(lambat["komponen"], lang),
                             persen=p(lambat["persen_pulih"]), opd=lambat["opd_en"] if lang == "en" else lambat["opd_id"]))  # fmt: skip
        kec = fisik_df[(fisik_df["tingkat"] == "kecamatan") & fisik_df["komponen"].isin(KOMPONEN_RUMAH)]
        kec = kec.groupby(["kode_wilayah", "nama_wilayah"], as_index=False)[["sisa", "rusak"]].sum()
        kec = kec[kec["sisa"] > 0]
        if len(kec) > 1:
            r = kec.sort_values(["sisa", "nama_wilayah"], ascending=[False, True]).iloc[0]
            out.append(t("banjir.sum.sisa_rumah_terbesar", lang, kecamatan=r["nama_wilayah"], sisa=a(r["sisa"]),
                         rusak=a(r["rusak"])))  # fmt: skip
    return out


def _satuan(lang: str) -> str:
    return " " + t("banjir.poin", lang)


def indeks_deret(deret_df: pd.DataFrame, metrik_df: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Monthly coverage of the affected desa relative to each indicator's baseline (100 = baseline; for
    lower-is-better indicators baseline / value x 100, so higher is always better), for indicators with a
    positive baseline. Columns: kode_indikator, label, periode, indeks."""
    kolom = ["kode_indikator", "label", "periode", "indeks"]
    if deret_df.empty or metrik_df.empty:
        return pd.DataFrame(columns=kolom)
    m = metrik_df[metrik_df["baseline"].notna() & (metrik_df["baseline"] > 0)]
    m = m[["kode_indikator", "baseline", "naik", "indikator_id", "indikator_en"]].drop_duplicates("kode_indikator")
    d = deret_df[(deret_df["kelompok"] == "terdampak") & deret_df["capaian_persen"].notna()].merge(m, on="kode_indikator")
    if d.empty:
        return pd.DataFrame(columns=kolom)
    cap = d["capaian_persen"].astype(float)
    base = d["baseline"].astype(float)
    naik = d["naik"].astype(bool)
    d["indeks"] = np.where(naik, 100.0 * cap / base, np.where(cap > 0, 100.0 * base / cap.where(cap > 0), np.nan))
    d["label"] = d["indikator_en"] if lang == "en" else d["indikator_id"]
    return d[kolom].reset_index(drop=True)


def fisik_per_wilayah(fisik_df: pd.DataFrame, lang: str = "id") -> pd.DataFrame:
    """One row per kab/kota and kecamatan (kab/kota first, its kecamatan below it) with the percent done of each
    kind of damage at the latest date (``persen_<komponen>``), the same as text 'percent · repaired/damaged'
    (``teks_<komponen>``, '–' where no damage of that kind was recorded) and the remaining house backlog."""
    part = fisik_df[fisik_df["tingkat"].isin(["kabkota", "kecamatan"])] if not fisik_df.empty else fisik_df
    if part.empty:
        return pd.DataFrame(columns=["kode_wilayah", "wilayah", "tingkat", "kabkota", "sisa_rumah"])
    wide = part.pivot_table(index="kode_wilayah", columns="komponen", values="persen_pulih", aggfunc="first")
    wide = wide.reindex(columns=[k for k in KOMPONEN if k in wide.columns])
    teks = part.assign(
        teks=[
            fmt.NA if fmt.is_na(p) else f"{fmt.persen(p, 0, lang)} · {fmt.angka(d, 0, lang)}/{fmt.angka(r, 0, lang)}"
            for p, d, r in zip(part["persen_pulih"], part["pulih"], part["rusak"], strict=True)
        ]
    ).pivot_table(index="kode_wilayah", columns="komponen", values="teks", aggfunc="first")
    teks = teks.reindex(columns=list(wide.columns)).fillna(fmt.NA)
    wide.columns = [f"persen_{c}" for c in wide.columns]
    teks.columns = [f"teks_{c}" for c in teks.columns]
    rumah = part[part["komponen"].isin(KOMPONEN_RUMAH)].groupby("kode_wilayah")["sisa"].sum(min_count=1)
    info = part.drop_duplicates("kode_wilayah").set_index("kode_wilayah")[["nama_wilayah", "tingkat", "nama_kabkota"]]
    out = info.join(wide).join(teks).join(rumah.rename("sisa_rumah")).reset_index()
    out = out.rename(columns={"nama_wilayah": "wilayah", "nama_kabkota": "kabkota"})
    out["sisa_rumah"] = out["sisa_rumah"].fillna(0).astype("int64")
    return out.sort_values("kode_wilayah").reset_index(drop=True)


def uraian_indikator(row: Mapping[str, Any], cfg: Pengaturan, lang: str) -> str:
    """Markdown bullets describing one indicator's recovery in an area (a row of :func:`metrik`)."""
    p = lambda x: fmt.persen(x, 1, lang)  # noqa: E731
    lines = []
    if fmt.is_na(row.get("baseline")):
        lines.append(t("banjir.uraian.tanpa_baseline", lang))
    else:
        lines.append(t("banjir.uraian.baseline", lang, n=cfg.bulan_baseline, nilai=p(row["baseline"])))
    lines.append(t("banjir.uraian.terburuk", lang, nilai=p(row["terburuk"]), bulan=dates.month_label(row["periode_terburuk"], lang)))
    lines.append(t("banjir.uraian.kini", lang, nilai=p(row["kini"]), bulan=dates.month_label(row["periode_kini"], lang)))
    if row["status"] == "tidak_turun":
        lines.append(t("banjir.uraian.tidak_turun", lang, ambang=fmt.persen(cfg.ambang_pulih * 100, 0, lang)))
    elif row["status"] == "pulih":
        lines.append(t("banjir.uraian.pulih", lang, persen=p(row["persen_pulih"]), bulan=dates.month_label(row["periode_pulih"], lang),
                       n=fmt.angka(row["waktu_pulih"], 0, lang)))  # fmt: skip
    elif row["status"] == "belum_pulih":
        lines.append(t("banjir.uraian.belum_pulih", lang, persen=p(row["persen_pulih"]), target=p(row["target"])))
        if not fmt.is_na(row.get("proyeksi_bulan_ke")):
            lines.append(t("banjir.uraian.proyeksi", lang, bulan=dates.month_label(row["periode_proyeksi"], lang), k=cfg.bulan_tren,
                           laju=fmt.selisih(row["kemiringan"], 1, lang, " " + t("banjir.poin_per_bulan", lang))))  # fmt: skip
        else:
            lines.append(t("banjir.uraian.tanpa_proyeksi", lang, alasan=label_alasan(row.get("alasan_proyeksi"), lang)))
    return "\n".join("- " + x for x in lines)


# --- page pieces, cached per warehouse version ---------------------------------------------------------------------
# Frames and texts are copies for every caller (store.cached). Figures are kept as objects (keep_object): a Plotly figure
# restored from a pickle re-validates every property, which costs as much as building it, while st.plotly_chart only
# reads the figure it is given (it serialises a copy); callers must not change a cached figure.

FIGUR_CACHE = dict(max_entries=120, keep_object=True)


def _tanggal(bulan_mulai: object) -> str:
    return str(pd.Timestamp(bulan_mulai).date())  # type: ignore[arg-type]


def layanan_wilayah(kode: str, bulan_mulai: object, cfg: Pengaturan) -> pd.DataFrame:
    """:func:`layanan` of the event's areas above desa level (what the page lists), without the projection inputs."""
    return _layanan_wilayah(kode, _tanggal(bulan_mulai), cfg)


@store.cached(max_entries=20)
def _layanan_wilayah(kode: str, bulan_mulai: str, cfg: Pengaturan) -> pd.DataFrame:
    df = layanan(kode, bulan_mulai, cfg)
    df = df[df["tingkat"] != "desa"].drop(columns=["tren_bulan", "tren_nilai"], errors="ignore")
    return df.reset_index(drop=True)


def ringkasan_kejadian(kode: str, cfg: Pengaturan, lang: str) -> list[str]:
    """:func:`ringkasan` of an event from the warehouse."""
    return _ringkasan_kejadian(kode, cfg, lang)


@store.cached(max_entries=20)
def _ringkasan_kejadian(kode: str, cfg: Pengaturan, lang: str) -> list[str]:
    events = kejadian()
    info = events[events["kode_bencana"] == kode].iloc[0].to_dict()
    return ringkasan(info, dampak(kode), layanan(kode, info["bulan_mulai"], cfg), selisih(kode, cfg),
                     fisik_terkini(kode), cfg, lang)  # fmt: skip


def fisik_per_wilayah_kejadian(kode: str, lang: str) -> pd.DataFrame:
    """:func:`fisik_per_wilayah` of an event from the warehouse."""
    return _fisik_per_wilayah_kejadian(kode, lang)


@store.cached(max_entries=20)
def _fisik_per_wilayah_kejadian(kode: str, lang: str) -> pd.DataFrame:
    return fisik_per_wilayah(fisik_terkini(kode), lang)


def ringkas_selisih_wilayah(kode: str, kode_wilayah: str, cfg: Pengaturan) -> pd.DataFrame:
    """:func:`ringkas_selisih` of one area (the event's kab/kota or the province) from the warehouse."""
    return _ringkas_selisih_wilayah(kode, kode_wilayah, cfg)


@store.cached(max_entries=40)
def _ringkas_selisih_wilayah(kode: str, kode_wilayah: str, cfg: Pengaturan) -> pd.DataFrame:
    df = selisih(kode, cfg)
    return ringkas_selisih(df[df["kode_wilayah"] == kode_wilayah])


def _geojson_kecamatan(cfg: Pengaturan) -> Path | None:
    if not cfg.geojson_kecamatan:
        return None
    path = Path(cfg.geojson_kecamatan)
    path = path if path.is_absolute() else DATA_DIR.parent / path
    return path if path.exists() else None


def figur_peta(kode: str, ada_kecamatan: bool, cfg: Pengaturan, lang: str, judul: str,
               hover: Mapping[str, str]) -> go.Figure:  # fmt: skip
    """The map of the share of desa affected: per kecamatan when their boundaries are configured and the event has
    affected kecamatan, else per kab/kota (boundaries when configured, else the tile map)."""
    from dashboard.core.settings import boundary_geojson

    path = _geojson_kecamatan(cfg) if ada_kecamatan else None
    tingkat = "kecamatan" if path is not None else "kabkota"
    path = path if path is not None else boundary_geojson()
    stamp = path.stat().st_mtime_ns if path is not None else None
    return _figur_peta(kode, tingkat, None if path is None else str(path), stamp, lang, judul, dict(hover))


@store.cached(**FIGUR_CACHE)
def _figur_peta(kode: str, tingkat: str, geojson: str | None, stamp: int | None, lang: str, judul: str,
                hover: dict[str, str]) -> go.Figure:  # fmt: skip
    from dashboard.banjir import charts as banjir_charts

    geo = json.loads(Path(geojson).read_text("utf-8")) if geojson else None
    return banjir_charts.peta_wilayah(peta(kode, tingkat), lang, judul, hover, geo)


def figur_indeks(kode: str, kode_wilayah: str, bulan_mulai: object, cfg: Pengaturan, lang: str,
                 labels: Mapping[str, str], bulan_sebelum: int) -> go.Figure | None:  # fmt: skip
    """The heat map of every indicator's coverage against its baseline in an area, from ``bulan_sebelum`` months
    before the onset, indicators in the order of :func:`urut_status` (None when no indicator has a baseline)."""
    return _figur_indeks(kode, kode_wilayah, _tanggal(bulan_mulai), cfg, lang, dict(labels), bulan_sebelum)


@store.cached(**FIGUR_CACHE)
def _figur_indeks(kode: str, kode_wilayah: str, bulan_mulai: str, cfg: Pengaturan, lang: str, labels: dict[str, str],
                  bulan_sebelum: int) -> go.Figure | None:  # fmt: skip
    from dashboard.banjir import charts as banjir_charts

    rows = layanan_wilayah(kode, bulan_mulai, cfg)
    rows = rows[rows["kode_wilayah"] == kode_wilayah]
    indeks = indeks_deret(deret(kode, kode_wilayah), rows, lang)
    if indeks.empty:
        return None
    nama_urut = urut_status(rows)[lang_column("indikator", lang)].tolist()
    indeks = indeks[indeks["periode"] >= pd.Timestamp(bulan_mulai) - pd.DateOffset(months=bulan_sebelum)]
    indeks = indeks.set_index("label").loc[[n for n in nama_urut if n in set(indeks["label"])]].reset_index()
    return banjir_charts.peta_panas_indeks(indeks, lang, ambang=cfg.ambang_pulih, bulan_mulai=bulan_mulai,
                                           labels=labels)  # fmt: skip


URUT_STATUS = {"belum_pulih": 0, "pulih": 1, "tidak_turun": 2, "tanpa_baseline": 3}


def urut_status(rows: pd.DataFrame) -> pd.DataFrame:
    """Rows of :func:`metrik` in the page's order: not yet recovered first (least recovered first), then recovered,
    never dropped, without baseline."""
    keys = pd.DataFrame({"_u": rows["status"].map(URUT_STATUS).to_numpy(), "persen_pulih": rows["persen_pulih"].to_numpy()})
    return rows.iloc[keys.sort_values(["_u", "persen_pulih"]).index]


def figur_indikator(kode: str, kode_wilayah: str, indikator: str, bulan_mulai: object, cfg: Pengaturan, lang: str,
                    labels: Mapping[str, str]) -> go.Figure:  # fmt: skip
    """:func:`banjir_charts.grafik_indikator` of one indicator in an area."""
    return _figur_indikator(kode, kode_wilayah, indikator, _tanggal(bulan_mulai), cfg, lang, dict(labels))


@store.cached(**FIGUR_CACHE)
def _figur_indikator(kode: str, kode_wilayah: str, indikator: str, bulan_mulai: str, cfg: Pengaturan, lang: str,
                     labels: dict[str, str]) -> go.Figure:  # fmt: skip
    from dashboard.banjir import charts as banjir_charts

    rows = layanan_wilayah(kode, bulan_mulai, cfg)
    row = rows[(rows["kode_wilayah"] == kode_wilayah) & (rows["kode_indikator"] == indikator)].iloc[0].to_dict()
    seri = deret(kode, kode_wilayah)
    seri = seri[seri["kode_indikator"] == indikator]
    return banjir_charts.grafik_indikator(seri, row, lang, bulan_mulai=bulan_mulai, labels=labels)


def figur_layanan_bencana(kode: str, indikator: str, bulan_mulai: object, lang: str,
                          labels: Mapping[str, str]) -> go.Figure:  # fmt: skip
    """:func:`banjir_charts.layanan_bencana` of one disaster-service indicator of the event."""
    return _figur_layanan_bencana(kode, indikator, _tanggal(bulan_mulai), lang, dict(labels))


@store.cached(**FIGUR_CACHE)
def _figur_layanan_bencana(kode: str, indikator: str, bulan_mulai: str, lang: str, labels: dict[str, str]) -> go.Figure:  # fmt: skip
    from dashboard.banjir import charts as banjir_charts

    df = layanan_bencana(kode)
    return banjir_charts.layanan_bencana(df[df["kode_indikator"] == indikator], lang, bulan_mulai=bulan_mulai,
                                         labels=labels)  # fmt: skip


def figur_progres(kode: str, kode_wilayah: str, lang: str, labels: Mapping[str, str]) -> go.Figure | None:
    """:func:`banjir_charts.progres_fisik` of an area at the latest report (None when it recorded no damage)."""
    return _figur_progres(kode, kode_wilayah, lang, dict(labels))


@store.cached(**FIGUR_CACHE)
def _figur_progres(kode: str, kode_wilayah: str, lang: str, labels: dict[str, str]) -> go.Figure | None:
    from dashboard.banjir import charts as banjir_charts

    df = fisik_terkini(kode)
    df = df[df["kode_wilayah"] == kode_wilayah]
    if not df["rusak"].fillna(0).gt(0).any():
        return None
    komponen_labels = {k: label_komponen(k, lang) for k in KOMPONEN}
    return banjir_charts.progres_fisik(df, lang, labels=labels, komponen_labels=komponen_labels)


def figur_burndown(kode: str, kode_wilayah: str, tanggal_mulai: object, lang: str,
                   labels: Mapping[str, str]) -> go.Figure | None:  # fmt: skip
    """:func:`banjir_charts.burndown` of an area (None when it recorded no damage)."""
    return _figur_burndown(kode, kode_wilayah, tanggal_mulai, lang, dict(labels))


@store.cached(**FIGUR_CACHE)
def _figur_burndown(kode: str, kode_wilayah: str, tanggal_mulai: object, lang: str, labels: dict[str, str]) -> go.Figure | None:  # fmt: skip
    from dashboard.banjir import charts as banjir_charts

    seri = fisik_deret(kode, kode_wilayah)
    if not seri["rusak"].fillna(0).gt(0).any():
        return None
    komponen_labels = {k: label_komponen(k, lang) for k in KOMPONEN}
    return banjir_charts.burndown(seri, lang, komponen_labels=komponen_labels, labels=labels,
                                  tanggal_mulai=tanggal_mulai)  # fmt: skip


def figur_selisih(kode: str, kode_wilayah: str, indikator: str, cfg: Pengaturan, lang: str,
                  labels: Mapping[str, str]) -> go.Figure:  # fmt: skip
    """:func:`banjir_charts.selisih_pembanding` of one indicator in an area."""
    return _figur_selisih(kode, kode_wilayah, indikator, cfg, lang, dict(labels))


@store.cached(**FIGUR_CACHE)
def _figur_selisih(kode: str, kode_wilayah: str, indikator: str, cfg: Pengaturan, lang: str, labels: dict[str, str]) -> go.Figure:  # fmt: skip
    from dashboard.banjir import charts as banjir_charts

    df = selisih(kode, cfg)
    part = df[(df["kode_wilayah"] == kode_wilayah) & (df["kode_indikator"] == indikator)]
    return banjir_charts.selisih_pembanding(part, lang, labels=labels)


# --- the selected kab/kota (the sidebar filter that follows the user from page to page) --------------------------------


def kejadian_wilayah(kode_wilayah: str, codes: Sequence[str]) -> list[str]:
    """The events among ``codes`` (in their order, newest first) that affected ``kode_wilayah`` or an area in it."""
    return [k for k in codes if _kena(k, kode_wilayah)]


@store.cached(max_entries=400)
def _kena(kode: str, kode_wilayah: str) -> bool:
    d = dampak(kode)
    return bool((d["kode_wilayah"] == kode_wilayah).any())


def bagian_wilayah(df: pd.DataFrame, kode_wilayah: str, kolom: str = "kode_wilayah") -> pd.DataFrame:
    """The rows of ``df`` about ``kode_wilayah`` and the areas inside it (codes below it start with its code and a dot)."""
    if df.empty:
        return df
    kode = df[kolom].astype(str)
    return df[(kode == kode_wilayah) | kode.str.startswith(kode_wilayah + ".")]


def ringkasan_wilayah(kode_wilayah: str, nama: str, dampak_df: pd.DataFrame, layanan_df: pd.DataFrame,
                      fisik_df: pd.DataFrame, cfg: Pengaturan, lang: str) -> list[str]:  # fmt: skip
    """The sentences about one affected area that open the summary when a kab/kota is selected: its affected desa and
    people, its flood-sensitive services back to the threshold, its repaired houses. Only figures that exist are
    said (no count is invented for an area without a report)."""
    out: list[str] = []
    a = lambda x: fmt.angka(x, 0, lang)  # noqa: E731
    row = dampak_df[dampak_df["kode_wilayah"] == kode_wilayah] if not dampak_df.empty else dampak_df
    if row.empty:
        return out
    r = row.iloc[0]
    desa = r.get("desa_terdampak")
    jiwa = r.get("jiwa_terdampak")
    if not fmt.is_na(desa) and int(desa):
        key = "banjir.sum.wilayah_jiwa" if not fmt.is_na(jiwa) else "banjir.sum.wilayah"
        out.append(t(key, lang, nama=nama, desa=a(desa), jiwa=a(jiwa)))
    elif not fmt.is_na(jiwa):
        out.append(t("banjir.sum.wilayah_hanya_jiwa", lang, nama=nama, jiwa=a(jiwa)))
    else:
        out.append(t("banjir.sum.wilayah_tanpa_angka", lang, nama=nama))
    ev = layanan_df[(layanan_df["kode_wilayah"] == kode_wilayah) & (layanan_df["status"] != "tanpa_baseline")] if not layanan_df.empty else layanan_df  # fmt: skip
    if len(ev):
        n_pulih = int(ev["status"].isin(["pulih", "tidak_turun"]).sum())
        out.append(t("banjir.sum.wilayah_layanan", lang, nama=nama, n=len(ev), pulih=n_pulih,
                     ambang=fmt.persen(cfg.ambang_pulih * 100, 0, lang)))  # fmt: skip
    fis = fisik_df[(fisik_df["kode_wilayah"] == kode_wilayah) & fisik_df["komponen"].isin(KOMPONEN_RUMAH)] if not fisik_df.empty else fisik_df  # fmt: skip
    fis = fis[fis["rusak"].notna() & (fis["rusak"] > 0)] if not fis.empty else fis
    if len(fis):
        rusak, pulih = fis["rusak"].sum(), min(fis["pulih"].sum(), fis["rusak"].sum())
        out.append(t("banjir.sum.wilayah_rumah", lang, nama=nama, pulih=a(pulih), rusak=a(rusak),
                     persen=fmt.persen(100.0 * pulih / rusak, 1, lang)))  # fmt: skip
    return out
