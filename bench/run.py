"""Benchmarks: `python bench/run.py [--scale provinsi|nasional] [--db EXISTING.duckdb] [--out bench/RESULTS.md]`.

With ``--db`` an existing warehouse is benchmarked as it is (no sample build; e.g. the national warehouse, which
takes minutes to build); its marts are rebuilt first, timed, when they were built by older mart SQL.

Reports (never asserts) wall-clock figures:
* sample build time and peak memory;
* every page's script run (AppTest) with caches cleared (cold) and warm (median of repeated reruns), without and
  with the kab/kota filter, the time of each named query the pages run, and the AppTest process's peak RSS;
* every analytic page's main figures computed "the typical Streamlit way" (raw tables held in pandas, filtered and
  grouped on every rerun) against the page's own named queries run uncached, as a ratio, with one figure per page
  checked for agreement (skipped, with a memory estimate, when the fact table has more than 20 M rows);
* import throughput for a 1,000,000-row CSV and a 100,000-row XLSX, against a plain pandas + openpyxl loader;
* a quarterly import of one kab/kota (and of the whole province) from "load" to visible, against the floor (DuckDB
  reading the same CSV into a copy of the warehouse), also alone with ``--quarterly-import-only``;
* peak RSS of the app process serving every page (a real `streamlit run` driven by headless Chromium).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

WARM_RUNS = 5


def machine() -> str:
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    cpu = platform.processor() or platform.machine()
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        model = next(line.split(":", 1)[1].strip() for line in lines if line.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    load = os.getloadavg()
    return f"{os.cpu_count()} cores ({model}), {mem:.0f} GiB RAM, Python {platform.python_version()}, load average at start {load[0]:.1f}"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


# --- sample build --------------------------------------------------------------------------------------


def bench_build(db: Path, scale: str) -> dict:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "dashboard", "build-sample", "--db", str(db), "--skala", scale],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(proc.stdout + proc.stderr)
    return {"seconds": seconds, "peak_rss_mb": child_peak_rss_mb(), "size_mb": db.stat().st_size / 2**20}


# --- pages ---------------------------------------------------------------------------------------------

NOT_ANALYTIC = {
    "data": "data management (what is loaded, import log, templates)",
    "unggah": "upload and validation of files",
    "rakor": "re-presents the overview, ranking and quality figures for a projector (and builds the deck)",
}
SEMUA = "semua"  # the page variant without the kab/kota filter


def clear_all_caches() -> None:
    """Every Streamlit cache of the process (the store's queries and connection, and the page-level caches)."""
    import streamlit as st

    from dashboard.core import store

    store.clear_caches()
    st.cache_data.clear()
    st.cache_resource.clear()


def bench_pages(db: Path, kab: str) -> tuple[list[dict], dict[str, list[float]], dict[tuple[str, str], list[tuple]]]:
    """Every page's script run with AppTest, without and with the kab/kota filter ``kab``: cold (every cache cleared)
    and warm (median of repeated reruns). Also records each named query executed (uncached) and, per page and
    filter, the (name, params) of the queries its cold run executed."""
    os.environ["SPM_DB"] = str(db)
    from streamlit.testing.v1 import AppTest

    from dashboard.core import store, warehouse
    from dashboard.pages import PAGES

    timings: dict[str, list[float]] = defaultdict(list)
    calls: dict[tuple[str, str], list[tuple]] = defaultdict(list)
    current: dict[str, tuple | None] = {"key": None}
    original = warehouse.query_df

    def timed_query_df(con, name, params=None):
        start = time.perf_counter()
        try:
            return original(con, name, params)
        finally:
            seconds = time.perf_counter() - start
            timings[name].append(seconds)
            if current["key"] is not None:
                calls[current["key"]].append((name, dict(params or {}), seconds))

    store.query_df = timed_query_df  # the store's own reference
    warehouse.query_df = timed_query_df  # modules that call warehouse.query_df (data page)
    by_page: dict[str, dict] = {spec.url_path: {"page": spec.url_path} for spec in PAGES}
    app = str(ROOT / "dashboard" / "app.py")
    try:
        for variant in (SEMUA, kab):
            for spec in PAGES:
                row = by_page[spec.url_path]
                clear_all_caches()
                at = AppTest.from_file(app, default_timeout=1800)
                if variant != SEMUA:
                    at.query_params["kab"] = variant
                key = (spec.url_path, variant)
                if not spec.default:
                    # open the page's own URL (with the filter in it), as a shared link does: after a switch from
                    # another page AppTest would start the page without the filter
                    at.switch_page(spec.file)
                current["key"] = key
                start = time.perf_counter()
                at.run()
                cold = time.perf_counter() - start
                current["key"] = (spec.url_path, variant, "warm")
                warm = []
                for _ in range(WARM_RUNS):
                    start = time.perf_counter()
                    at.run()
                    warm.append(time.perf_counter() - start)
                current["key"] = None
                tag = "semua" if variant == SEMUA else "kab"
                row[f"cold_{tag}"] = cold
                row[f"warm_{tag}"] = statistics.median(warm)
                row[f"q_{tag}"] = len(calls[key])
                row[f"qs_{tag}"] = sum(c[2] for c in calls[key])
                row[f"qwarm_{tag}"] = len(calls.pop((spec.url_path, variant, "warm"), []))
                row["errors"] = row.get("errors", 0) + len(at.exception)
                for exc in at.exception:
                    print(f"  ! {spec.url_path} ({tag}): {str(exc.value)[:300]}", flush=True)
                print(f"  {spec.url_path:10s} {tag:6s} cold {cold:7.3f} s  warm {row[f'warm_{tag}']:7.3f} s  "
                      f"{row[f'q_{tag}']} queries ({row[f'qs_{tag}']:.3f} s)", flush=True)  # fmt: skip
    finally:
        store.query_df = original
        warehouse.query_df = original
    return list(by_page.values()), timings, calls


def choose_kab(db: Path) -> tuple[str, str]:
    """The province the app shows by default and its kab/kota with the most desa (the heaviest filter)."""
    from dashboard.core import warehouse

    con = warehouse.connect_readonly(db)
    try:
        prov = warehouse.query_df(con, "daftar_provinsi")["kode"].iloc[0]
        desa = warehouse.query_df(con, "bench_desa")["kode"]
    finally:
        con.close()
    desa = desa[desa.str.startswith(prov + ".")]
    return prov, desa.str.slice(0, 5).value_counts().sort_index().idxmax()


# --- the typical Streamlit way: raw facts in pandas, filtered and grouped on every rerun ------------------
#
# What a typical Streamlit app does: load the raw tables once (st.cache_data), joined with the area and indicator
# reference, and compute each page's figures from them with pandas on every rerun. Each function below computes the
# main figures of one page the way such an app would, from the raw tables only (no marts), and returns one figure
# that is checked against the same figure computed from our page's own query results.

PANDAS_MAX_ROWS = 20_000_000
# the disaster services whose target population the flood creates (not compared with a pre-flood baseline); a
# typical app hard-codes this list (ours: queries/marts/50_mart_banjir_indikator.sql)
LAYANAN_BENCANA = {
    "tr_evakuasi_bencana", "pr_rumah_korban_bencana", "sos_korban_bencana", "pr_prov_rumah_korban_bencana",
    "kes_prov_krisis_bencana", "sos_kk_banjir_bantuan", "pr_rumah_banjir_pulih", "pu_sarana_air_pulih",
}  # fmt: skip
IMPACT_COLUMNS = ["kk_terdampak", "jiwa_terdampak", "jiwa_mengungsi", "rumah_terendam", "rumah_rusak_berat",
                  "rumah_rusak_sedang", "rumah_rusak_ringan", "sekolah_terdampak", "sarana_air_rusak"]  # fmt: skip


@dataclass
class Raw:
    F: pd.DataFrame  # the fact table joined with area and indicator attributes
    wil: pd.DataFrame
    ind: pd.DataFrame
    bid: pd.DataFrame
    bencana: pd.DataFrame
    dampak: pd.DataFrame
    pemulihan: pd.DataFrame
    anggaran: pd.DataFrame


@dataclass(frozen=True)
class Ctx:
    periode: pd.Timestamp  # the sidebar's month (the newest, as the pages default to)
    prov: str
    kab: str | None


def load_raw(con, facts: pd.DataFrame | None = None) -> Raw:
    from dashboard.core import warehouse

    facts = warehouse.query_df(con, "bench_fakta_mentah") if facts is None else facts
    wil = warehouse.query_df(con, "bench_wilayah_mentah")
    ind = warehouse.query_df(con, "katalog_indikator")
    bid = warehouse.query_df(con, "bidang_daftar")
    F = facts.merge(
        wil[["kode", "tingkat", "kode_kecamatan", "kode_kabkota", "kode_provinsi"]], left_on="kode_wilayah",
        right_on="kode", how="left",
    ).drop(columns="kode")  # fmt: skip
    F = F.merge(ind[["kode_indikator", "kode_bidang", "level", "keluarga", "lebih_tinggi_lebih_baik", "peka_banjir",
                     "periode_laporan"]], on="kode_indikator", how="left")  # fmt: skip
    F = F.merge(bid[["kode_bidang", "termasuk_indeks"]], on="kode_bidang", how="left")
    F["periode"] = pd.to_datetime(F["periode"])
    F["lebih_tinggi_lebih_baik"] = F["lebih_tinggi_lebih_baik"].astype(bool)
    F["termasuk_indeks"] = F["termasuk_indeks"].astype(bool)
    return Raw(
        F=F, wil=wil, ind=ind, bid=bid,
        bencana=warehouse.query_df(con, "bench_bencana_mentah"),
        dampak=warehouse.query_df(con, "bench_dampak_mentah"),
        pemulihan=warehouse.query_df(con, "bench_pemulihan_mentah"),
        anggaran=warehouse.query_df(con, "bench_anggaran_mentah"),
    )  # fmt: skip


def _months(ts: pd.Timestamp, n: int) -> pd.Timestamp:
    return ts + pd.DateOffset(months=n)


def _pct(df: pd.DataFrame) -> pd.Series:
    s = df["sasaran"].astype(float)
    return (100.0 * df["terlayani"].astype(float) / s).where(s > 0)


def _idx(df: pd.DataFrame, higher: pd.Series | None = None) -> pd.Series:
    """Service index: coverage capped at 100 %, lower-is-better indicators as 100 - coverage."""
    capped = _pct(df).clip(lower=0.0, upper=100.0)
    higher = df["lebih_tinggi_lebih_baik"] if higher is None else higher
    return capped.where(higher.astype(bool), 100.0 - capped)


def _sum(df: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    have = df[df["sasaran"].notna() & df["terlayani"].notna()]
    return have.groupby(keys, as_index=False)[["terlayani", "sasaran"]].sum()


def _with_direction(D: Raw, df: pd.DataFrame) -> pd.DataFrame:
    lt = dict(zip(D.ind["kode_indikator"], D.ind["lebih_tinggi_lebih_baik"].astype(bool), strict=True))
    return df.assign(lebih_tinggi_lebih_baik=df["kode_indikator"].map(lt))


def _overall(rows: pd.DataFrame, area: str = "kode_wilayah") -> tuple[pd.Series, pd.Series]:
    """(field index per (area, field), overall index per area) from service rows."""
    rows = rows.assign(idx=_idx(rows))
    fields = rows.groupby([area, "kode_bidang"])["idx"].mean()
    return fields, fields.groupby(level=0).mean()


def _sidebar(D: Raw) -> None:
    """What the sidebar needs on every rerun: the months with data and the kab/kota list."""
    np.sort(D.F["periode"].unique())[::-1]
    D.wil[D.wil["tingkat"] == "kabkota"].sort_values("kode")


def _official(D: Raw, prov: str) -> pd.DataFrame:
    F = D.F
    return F[(F["keluarga"] == "spm_resmi") & (F["level"] == "kab_kota") & (F["tingkat"] == "kabkota")
             & (F["kode_provinsi"] == prov) & F["termasuk_indeks"]]  # fmt: skip


def _monthly_desa(D: Raw, prov: str) -> pd.DataFrame:
    F = D.F
    return F[(F["periode_laporan"] == "bulanan") & (F["tingkat"] == "desa") & (F["kode_provinsi"] == prov)]


def _desa_count(D: Raw, col: str) -> pd.Series:
    return D.wil[D.wil["tingkat"] == "desa"].groupby(col).size()


def _rows(res: list[tuple], name: str, pred=None) -> pd.DataFrame:
    """The result of the page's query ``name`` (the first call whose params satisfy ``pred``)."""
    for n, params, df in res:
        if n == name and (pred is None or pred(params)):
            return df
    raise KeyError(name)


def pw_ringkasan(D: Raw, c: Ctx):
    _sidebar(D)
    p = c.periode
    off = _official(D, c.prov)
    off = off[(off["periode"] <= p) & (off["periode"].dt.year == p.year)]
    off = off[off["periode"] == off["periode"].max()]
    prov = _with_direction(D, _sum(off, ["kode_indikator", "kode_bidang"]))
    fields = prov.assign(cap=_pct(prov).clip(upper=100)).groupby("kode_bidang")["cap"].mean()
    posy = _monthly_desa(D, c.prov)
    posy = posy[(posy["level"] == "posyandu_desa") & (posy["periode"] == p) & posy["lebih_tinggi_lebih_baik"]]
    posy = _sum(posy, ["kode_indikator", "kode_bidang"])
    posy.assign(cap=_pct(posy).clip(upper=100)).groupby("kode_bidang")["cap"].mean()
    district = off.assign(cap=_pct(off).clip(upper=100)).groupby(["kode_wilayah", "kode_bidang"])["cap"].mean()
    district.groupby(level=0).mean().sort_values(ascending=False)
    return "province SPM index", float(fields.mean()), None


def ours_ringkasan(res, key):
    from dashboard.ringkasan.data import field_table, overall_index

    fields = field_table(_rows(res, "ringkasan_bidang"), _rows(res, "ringkasan_layanan"))
    return overall_index(fields)


def pw_bidang(D: Raw, c: Ctx):
    _sidebar(D)
    p = c.periode
    bidang = D.bid["kode_bidang"].iloc[0]  # the page's default field (first in order)
    F = D.F
    rows = F[(F["kode_bidang"] == bidang) & (F["kode_provinsi"] == c.prov)]
    monthly = _sum(rows[rows["periode_laporan"] == "bulanan"], ["kode_indikator", "periode"])
    kab = rows[(rows["level"] == "kab_kota") & (rows["tingkat"] == "kabkota") & (rows["periode"].dt.month % 3 == 0)]
    direct = rows[(rows["level"] == "provinsi") & (rows["tingkat"] == "provinsi")]
    official = pd.concat(
        [_sum(kab, ["kode_indikator", "periode"]), direct[["kode_indikator", "periode", "terlayani", "sasaran"]]]
    )
    figure = None
    for frame, grain, step in ((monthly, "bulan", 1), (official, "triwulan", 3)):
        if frame.empty:
            continue
        frame = frame.assign(capaian=_pct(frame))
        key = frame.loc[frame["periode"] <= p, "periode"].max()
        now = frame[frame["periode"] == key].set_index("kode_indikator")["capaian"]
        prev = frame[frame["periode"] == _months(key, -step)].set_index("kode_indikator")["capaian"]
        year = frame[frame["periode"] == _months(key, -12)].set_index("kode_indikator")["capaian"]
        trend = frame[frame["periode"] <= key].sort_values("periode").groupby("kode_indikator").tail(12)
        table = pd.DataFrame({"capaian": now, "delta_lalu": now.clip(upper=100) - prev.clip(upper=100),
                              "delta_tahun_lalu": now.clip(upper=100) - year.clip(upper=100)})  # fmt: skip
        trend.groupby("kode_indikator")["capaian"].apply(list)
        if figure is None and table["capaian"].notna().any():
            code = table["capaian"].dropna().sort_index().index[0]
            figure = (
                f"province coverage of {code} ({grain} {key:%Y-%m})",
                float(table.loc[code, "capaian"]),
                (code, grain, key),
            )
    return figure


def ours_bidang(res, key):
    code, grain, periode = key
    df = _rows(res, "tren_capaian_seri")
    row = df[
        (df["kode_indikator"] == code) & (df["granularitas"] == grain) & (pd.to_datetime(df["periode"]) == periode)
    ]
    return float(row["capaian_persen"].iloc[0])


def _league(off: pd.DataFrame, key: pd.Timestamp) -> pd.Series:
    return _overall(off[off["periode"] == key])[1]


def pw_peringkat(D: Raw, c: Ctx):
    _sidebar(D)
    off = _official(D, c.prov)
    off = off[off["periode"].dt.month % 3 == 0]
    quarter_end = _months(c.periode, (3 - c.periode.month % 3) % 3)
    key = off.loc[off["periode"] <= quarter_end, "periode"].max()
    now = _league(off, key)
    before = _league(off, _months(key, -3))
    rank = now.rank(method="dense", ascending=False)
    moved = before.rank(method="dense", ascending=False).reindex(rank.index) - rank
    prov = _with_direction(D, _sum(off[off["periode"] == key], ["kode_indikator", "kode_bidang"]))
    _overall(prov.assign(kode_wilayah=c.prov))
    months = _monthly_desa(D, c.prov)
    months = months[(months["periode"] >= pd.Timestamp(key.year, 1, 1)) & (months["periode"] <= key)]
    reported = months[["kode_kabkota", "periode", "kode_wilayah"]].drop_duplicates().groupby("kode_kabkota").size()
    completeness = 100.0 * reported / (_desa_count(D, "kode_kabkota") * months["periode"].nunique())
    pd.DataFrame({"indeks": now, "peringkat": rank, "gerak": moved, "kelengkapan": completeness})
    top = now.idxmax()
    return f"official SPM index of {top} ({key:%Y-%m})", float(now[top]), (top, key)


def ours_peringkat(res, key):
    from dashboard.spm import scoring

    top, periode = key
    nilai = _rows(res, "peringkat_nilai", lambda p: pd.Timestamp(p["periode"]) == periode)
    scores = scoring.scores(nilai, scoring.Pilihan("spm_resmi"), ["kode_wilayah"])
    return float(scores.loc[scores["kode_wilayah"] == top, "indeks"].iloc[0])


def pw_tren(D: Raw, c: Ctx):
    _sidebar(D)
    off = _official(D, c.prov)
    off = off[(off["periode"].dt.month % 3 == 0) & (off["kode_bidang"] != "transformasi_posyandu")]
    prov = _with_direction(D, _sum(off, ["periode", "kode_indikator", "kode_bidang"]))
    series = _overall(prov, area="periode")[1].sort_index()
    D.bencana.sort_values("tanggal_mulai")
    last = series.index[-1]
    return f"province official SPM index, latest quarter ({last:%Y-%m})", float(series.iloc[-1]), last


def ours_tren(res, key):
    from dashboard.spm import scoring
    from dashboard.spm import series as spm_series

    series = spm_series.score_series(_rows(res, "tren_capaian_seri"), scoring.Pilihan("spm_resmi"))
    return float(series.loc[series["periode"] == key, "nilai"].iloc[0])


def pw_pemulihan(D: Raw, c: Ctx):
    from dashboard.banjir import data as banjir_data

    cfg = banjir_data.pengaturan()
    event = D.bencana.sort_values(["tanggal_mulai", "kode_bencana"], ascending=[False, True]).iloc[0]
    onset = pd.Timestamp(event["tanggal_mulai"]).to_period("M").to_timestamp()
    dampak = D.dampak[D.dampak["kode_bencana"] == event["kode_bencana"]]
    codes = set(dampak["kode_wilayah"])
    ancestors = {k.rsplit(".", i)[0] for k in codes for i in range(1, k.count(".") + 1)}
    finest = codes - ancestors  # impact rows with no finer row of the event below them
    desa = D.wil[D.wil["tingkat"] == "desa"]
    affected = desa[desa["kode"].isin(finest) | desa["kode_kecamatan"].isin(finest) | desa["kode_kabkota"].isin(finest)
                    | desa["kode_provinsi"].isin(finest)]  # fmt: skip
    ind = D.ind
    inds = ind[ind["peka_banjir"].astype(bool) & (ind["periode_laporan"] == "bulanan")
               & ~ind["kode_indikator"].isin(LAYANAN_BENCANA)]["kode_indikator"]  # fmt: skip
    F = D.F
    window = F[(F["tingkat"] == "desa") & F["kode_indikator"].isin(inds)
               & (F["periode"] >= _months(onset, -cfg.bulan_baseline)) & (F["periode"] <= _months(onset, 36))
               & F["kode_provinsi"].isin(set(affected["kode_provinsi"]))]  # fmt: skip
    window = window.assign(
        bulan_ke=(window["periode"].dt.year - onset.year) * 12 + window["periode"].dt.month - onset.month
    )
    hit = window["kode_wilayah"].isin(set(affected["kode"]))
    aff = window[hit]
    frames = []
    for level, col in (("desa", "kode_wilayah"), ("kecamatan", "kode_kecamatan"), ("kabkota", "kode_kabkota"),
                       ("provinsi", "kode_provinsi")):  # fmt: skip
        part = _sum(aff, [col, "kode_indikator", "bulan_ke"]).rename(columns={col: "kode_wilayah"})
        frames.append(part.assign(tingkat=level))
    s = _with_direction(D, pd.concat(frames, ignore_index=True))
    s = s.assign(cap=_pct(s)).dropna(subset=["cap"])
    keys = ["tingkat", "kode_wilayah", "kode_indikator"]
    base = s[s["bulan_ke"] < 0].groupby(keys)["cap"].mean().rename("baseline").reset_index()
    post = s[s["bulan_ke"] >= 0].merge(base, on=keys, how="left").sort_values([*keys, "bulan_ke"])
    post["skor"] = post["cap"].where(post["lebih_tinggi_lebih_baik"], -post["cap"])
    worst = post.loc[post.groupby(keys)["skor"].idxmin(), [*keys, "cap", "bulan_ke"]]
    latest = post.groupby(keys).tail(1)
    summary = latest.merge(worst.rename(columns={"cap": "terburuk", "bulan_ke": "bulan_terburuk"}), on=keys)
    higher = summary["lebih_tinggi_lebih_baik"]
    summary["pulih"] = np.where(higher, summary["cap"] >= cfg.ambang_pulih * summary["baseline"],
                                summary["cap"] * cfg.ambang_pulih <= summary["baseline"])  # fmt: skip
    summary["persen_pulih"] = (
        100.0 * (summary["cap"] - summary["terburuk"]) / (summary["baseline"] - summary["terburuk"])
    )
    # affected vs comparable unaffected desa of the same kab/kota: change from each group's own baseline
    other = window[~hit & window["kode_kabkota"].isin(set(affected["kode_kabkota"]))]
    comparison = _sum(other, ["kode_kabkota", "kode_indikator", "bulan_ke"])
    comparison = comparison.assign(cap=_pct(comparison))
    comp_base = comparison[comparison["bulan_ke"] < 0].groupby(["kode_kabkota", "kode_indikator"])["cap"].mean()
    comparison["perubahan"] = comparison["cap"] - comparison.set_index(["kode_kabkota", "kode_indikator"]).index.map(
        comp_base
    )
    mine = s[s["tingkat"] == "kabkota"].merge(base, on=keys, how="left")
    mine = mine.assign(perubahan=mine["cap"] - mine["baseline"]).rename(columns={"kode_wilayah": "kode_kabkota"})
    mine.merge(comparison, on=["kode_kabkota", "kode_indikator", "bulan_ke"], suffixes=("", "_pembanding"))
    # impacts per kab/kota and the physical recovery backlog (latest cumulative progress against the damage)
    dampak.assign(kab=dampak["kode_wilayah"].str.slice(0, 5)).groupby("kab")[IMPACT_COLUMNS].sum()
    progress = D.pemulihan[D.pemulihan["kode_bencana"] == event["kode_bencana"]].sort_values("tanggal")
    progress = progress.groupby("kode_wilayah").tail(1)
    progress.assign(kab=progress["kode_wilayah"].str.slice(0, 5)).groupby("kab").sum(numeric_only=True)
    event_rows = summary[(summary["tingkat"] == "provinsi") & summary["baseline"].notna()].sort_values("kode_indikator")
    code = event_rows["kode_indikator"].iloc[0]
    return (f"{event['kode_bencana']}: pre-flood baseline of {code}, all affected desa", float(event_rows["baseline"].iloc[0]),
            code)  # fmt: skip


def ours_pemulihan(res, key):
    df = _rows(res, "banjir_pemulihan_layanan")
    return float(df.loc[(df["tingkat"] == "provinsi") & (df["kode_indikator"] == key), "baseline"].iloc[0])


def _keys(c: Ctx, off: pd.DataFrame, monthly: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    """The period keys of the planner pages: the latest quarter-end report and the latest month at or before the
    sidebar's month."""
    resmi = off.loc[(off["periode"] <= c.periode) & (off["periode"].dt.month % 3 == 0), "periode"].max()
    return resmi, monthly.loc[monthly["periode"] <= c.periode, "periode"].max()


def pw_profil(D: Raw, c: Ctx):
    _sidebar(D)
    kab, prov = c.kab, c.prov
    off, monthly = _official(D, prov), _monthly_desa(D, prov)
    resmi, bulan = _keys(c, off, monthly)
    fields_now, overall_now = _overall(off[off["periode"] == resmi])
    prov_rows = _with_direction(D, _sum(off[off["periode"] == resmi], ["kode_indikator", "kode_bidang"]))
    _overall(prov_rows.assign(kode_wilayah=prov))
    fields_now.groupby(level="kode_bidang").rank(method="dense", ascending=False)
    overall_now.rank(method="dense", ascending=False)
    _overall(off[(off["periode"] == _months(resmi, -12)) & (off["kode_wilayah"] == kab)])
    last12 = monthly[
        (monthly["kode_kabkota"] == kab) & (monthly["periode"] > _months(bulan, -12)) & (monthly["periode"] <= bulan)
    ]
    last12.groupby("periode")["kode_wilayah"].nunique() / _desa_count(D, "kode_kabkota")[kab]
    # yearly trend of the overall index (latest quarter-end report of each year) for the kab/kota and the province
    yearly = off[off["periode"].dt.month % 3 == 0]
    yearly = yearly[yearly["periode"] == yearly.groupby(yearly["periode"].dt.year)["periode"].transform("max")]
    _overall(yearly[yearly["kode_wilayah"] == kab], area="periode")
    _overall(_with_direction(D, _sum(yearly, ["periode", "kode_indikator", "kode_bidang"])), area="periode")
    return f"official SPM index of {kab} ({resmi:%Y-%m})", float(overall_now[kab]), (kab, resmi)


def ours_profil(res, key):
    from dashboard.perencanaan import data as perencanaan_data

    kab, resmi = key
    rows = _rows(res, "profil_nilai", lambda p: kab in p["kode_wilayah"])
    rows = rows[(rows["kode_wilayah"] == kab) & (pd.to_datetime(rows["periode"]) == resmi)]
    idx = perencanaan_data.field_indices(rows, "spm_resmi")
    return float(idx.loc[idx["bidang"] == "semua", "indeks"].iloc[0])


def _area_values(D: Raw, off: pd.DataFrame, monthly: pd.DataFrame, area_col: str, area: str, resmi: pd.Timestamp,
                 bulan: pd.Timestamp) -> pd.DataFrame:  # fmt: skip
    """One row per indicator of ``area`` (summed from below): official at ``resmi``, monthly at ``bulan``."""
    off = _sum(off[(off["periode"] == resmi) & (off[area_col] == area)], ["kode_indikator", "kode_bidang"])
    monthly = _sum(
        monthly[(monthly["periode"] == bulan) & (monthly[area_col] == area)], ["kode_indikator", "kode_bidang"]
    )
    return _with_direction(D, pd.concat([off, monthly], ignore_index=True))


def pw_prioritas(D: Raw, c: Ctx):
    from dashboard.core.settings import settings
    from dashboard.perencanaan import data as perencanaan_data

    _sidebar(D)
    cfg = settings().perencanaan
    kab, prov = c.kab, c.prov
    off, monthly = _official(D, prov), _monthly_desa(D, prov)
    resmi, bulan = _keys(c, off, monthly)
    now = _area_values(D, off, monthly, "kode_kabkota", kab, resmi, bulan)
    prov_now = _area_values(D, off, monthly, "kode_provinsi", prov, resmi, bulan)
    before = _area_values(D, off, monthly, "kode_kabkota", kab, _months(resmi, -12), _months(bulan, -12))
    now["indeks"] = _idx(now)
    now["capaian"] = _pct(now).clip(upper=100)
    now["belum"] = perencanaan_data.unserved(now["sasaran"], now["terlayani"], now["lebih_tinggi_lebih_baik"])
    now = now.merge(
        prov_now.assign(indeks_provinsi=_idx(prov_now))[["kode_indikator", "indeks_provinsi"]],
        on="kode_indikator",
        how="left",
    )
    now = now.merge(
        before.assign(indeks_lalu=_idx(before))[["kode_indikator", "indeks_lalu"]], on="kode_indikator", how="left"
    )
    events = D.bencana[(pd.to_datetime(D.bencana["tanggal_mulai"]) <= bulan + pd.offsets.MonthEnd(0))
                       & (pd.to_datetime(D.bencana["tanggal_selesai"]).fillna(bulan) >= _months(bulan, -(cfg.bulan_banjir - 1)))]  # fmt: skip
    dampak = D.dampak[D.dampak["kode_bencana"].isin(set(events["kode_bencana"]))]
    flooded = bool(
        (
            dampak["kode_wilayah"].str.startswith(kab) | dampak["kode_wilayah"].map(lambda k: kab.startswith(k + "."))
        ).any()
    )
    x = pd.DataFrame({
        "target": 100.0 - now["indeks"], "provinsi": (now["indeks_provinsi"] - now["indeks"]).clip(lower=0),
        "belum": now["belum"].astype(float), "tren": (now["indeks_lalu"] - now["indeks"]).clip(lower=0),
        "banjir": (now["kode_indikator"].map(dict(zip(D.ind["kode_indikator"], D.ind["peka_banjir"], strict=True))).astype(bool) & flooded).astype(float),
    })  # fmt: skip
    weights = cfg.bobot.as_dict()
    scaled = x.fillna(0).clip(lower=0) / x.fillna(0).clip(lower=0).max().replace(0, 1)
    now["skor"] = 100.0 * (scaled * pd.Series(weights)).sum(axis=1) / cfg.bobot.total
    now = now.sort_values(["skor", "belum"], ascending=False)
    # breakdown of the top monthly indicator to the kecamatan
    monthly_codes = set(D.ind.loc[D.ind["periode_laporan"] == "bulanan", "kode_indikator"])
    top = next((k for k in now["kode_indikator"] if k in monthly_codes), None)
    if top is not None:
        m = monthly
        parts = _with_direction(D, _sum(m[(m["periode"] == bulan) & (m["kode_kabkota"] == kab) & (m["kode_indikator"] == top)],
                                        ["kode_kecamatan", "kode_indikator"]))  # fmt: skip
        parts["belum"] = perencanaan_data.unserved(parts["sasaran"], parts["terlayani"], parts["lebih_tinggi_lebih_baik"])
        parts.sort_values("belum", ascending=False).assign(porsi=lambda d: 100 * d["belum"] / d["belum"].sum())
    monthly_rows = now[now["kode_indikator"].isin(monthly_codes)]
    return (
        f"people unserved in {kab}, all monthly indicators ({bulan:%Y-%m})",
        float(monthly_rows["belum"].sum()),
        (kab, bulan),
    )


def ours_prioritas(res, key):
    from dashboard.perencanaan import data as perencanaan_data

    kab, bulan = key
    rows = _rows(res, "profil_nilai", lambda p: kab in p["kode_wilayah"])
    rows = rows[
        (rows["kode_wilayah"] == kab) & (rows["keluarga"] != "spm_resmi") & (pd.to_datetime(rows["periode"]) == bulan)
    ]
    return float(perencanaan_data.unserved(rows["sasaran"], rows["terlayani"], rows["lebih_tinggi_lebih_baik"]).sum())


def pw_anggaran(D: Raw, c: Ctx):
    from dashboard.core.settings import settings
    from dashboard.perencanaan import data as perencanaan_data

    _sidebar(D)
    cfg = settings().perencanaan
    years = sorted(set(D.anggaran["tahun"].astype(int)), reverse=True)
    year = c.periode.year if c.periode.month == 12 else c.periode.year - 1
    year = year if year in years else years[0]
    kab = D.wil[(D.wil["tingkat"] == "kabkota") & (D.wil["kode_provinsi"] == c.prov)][["kode", "nama_lengkap"]]
    budget = D.anggaran[D.anggaran["tahun"] == year].merge(kab, left_on="kode_wilayah", right_on="kode")
    budget = budget.merge(D.bid[["kode_bidang", "urutan", "nama_id", "opd_id"]], on="kode_bidang")
    off = _official(D, c.prov)
    off = off[(off["periode"].dt.year == year) & (off["periode"].dt.month % 3 == 0)]
    latest = off.sort_values("periode").groupby(["kode_wilayah", "kode_indikator"]).tail(1)
    latest = latest.assign(
        idx=_idx(latest),
        belum=perencanaan_data.unserved(latest["sasaran"], latest["terlayani"], latest["lebih_tinggi_lebih_baik"]),
    )
    per_field = latest.groupby(["kode_wilayah", "kode_bidang"], as_index=False).agg(
        indeks=("idx", "mean"), terlayani=("terlayani", "sum"), belum=("belum", "sum")
    )
    prov = _with_direction(D, _sum(latest, ["kode_indikator", "kode_bidang"]))
    prov_fields = prov.assign(idx=_idx(prov)).groupby("kode_bidang")["idx"].mean().rename("indeks_provinsi")
    out = budget.merge(per_field, on=["kode_wilayah", "kode_bidang"], how="left").merge(
        prov_fields, on="kode_bidang", how="left"
    )
    out["realisasi_persen"] = (100.0 * out["realisasi"] / out["pagu"]).where(out["pagu"] > 0)
    out["rupiah_per_terlayani"] = (out["realisasi"] / out["terlayani"]).where(out["terlayani"] > 0)
    out["perhatian"] = (out["realisasi_persen"] < cfg.ambang_realisasi_persen) & (
        out["indeks"] < cfg.ambang_capaian_persen
    )
    first = out.dropna(subset=["indeks"]).sort_values(["kode_wilayah", "urutan"]).iloc[0]
    return (f"{year}: field index of {first['kode_bidang']} in {first['kode_wilayah']}", float(first["indeks"]),
            (first["kode_wilayah"], first["kode_bidang"], year))  # fmt: skip


def ours_anggaran(res, key):
    from dashboard.perencanaan import data as perencanaan_data

    kab, bidang, year = key
    nilai = _rows(
        res, "peringkat_nilai", lambda p: p["granularitas"] == "tahun" and pd.Timestamp(p["periode"]).year == year
    )
    idx = perencanaan_data.field_indices(nilai, "spm_resmi")
    return float(idx.loc[(idx["kode_wilayah"] == kab) & (idx["bidang"] == bidang), "indeks"].iloc[0])


def pw_kualitas(D: Raw, c: Ctx):
    from dashboard.kualitas import data as kualitas_data

    _sidebar(D)
    cfg = kualitas_data.config()
    p = c.periode
    awal, akhir = (pd.Timestamp(x) for x in kualitas_data.window(p))
    monthly = _monthly_desa(D, c.prov)
    n_desa = _desa_count(D, "kode_kabkota")
    # completeness heat map: the 12 months up to the chosen one, per kab/kota
    year = monthly[(monthly["periode"] > _months(p, -12)) & (monthly["periode"] <= p)]
    reported = (
        year[["kode_kabkota", "periode", "kode_wilayah"]].drop_duplicates().groupby(["kode_kabkota", "periode"]).size()
    )
    heat = (100.0 * reported / reported.index.get_level_values(0).map(n_desa)).rename("kelengkapan").reset_index()
    # score components in the window: rows, consistency (served > target, target jumps), outliers (robust z)
    F = D.F
    window = F[(F["kode_provinsi"] == c.prov) & (F["periode"] >= awal) & (F["periode"] <= akhir)]
    rows = window.groupby("kode_kabkota").size()
    found = window[window["terlayani"] > window["sasaran"]].groupby("kode_kabkota").size()
    series = monthly.sort_values(["kode_wilayah", "kode_indikator", "periode"])
    previous = series.groupby(["kode_wilayah", "kode_indikator"])["sasaran"].shift()
    big, small = np.maximum(series["sasaran"], previous), np.minimum(series["sasaran"], previous)
    jump = (big / small.where(small > 0) - 1 > cfg.ambang_lompatan_sasaran) & (
        big - small >= cfg.min_selisih_sasaran
    )
    in_window = (series["periode"] >= awal) & (series["periode"] <= akhir)
    found = found.add(series[jump & in_window].groupby("kode_kabkota").size(), fill_value=0)
    cap = _pct(series)
    groups = [series["kode_wilayah"], series["kode_indikator"]]
    median = cap.groupby(groups).transform("median")
    mad = (cap - median).abs().groupby(groups).transform("median")
    n = cap.groupby(groups).transform("count")
    z = 0.6745 * (cap - median) / mad.where(mad > 0)
    outliers = (
        series[in_window & (n >= cfg.min_riwayat) & (z.abs() > cfg.ambang_z)].groupby("kode_kabkota").size()
    )
    completeness = (
        heat[(heat["periode"] >= awal) & (heat["periode"] <= akhir)].groupby("kode_kabkota")["kelengkapan"].mean()
    )
    score = pd.DataFrame({"kelengkapan": completeness, "konsistensi": 100 * (1 - found.reindex(rows.index, fill_value=0) / rows),
                          "pencilan": 100 * (1 - outliers.reindex(rows.index, fill_value=0) / rows)})  # fmt: skip
    w = asdict(cfg.bobot)
    (score * pd.Series({k: w[k] for k in score.columns})).sum(axis=1) / sum(w[k] for k in score.columns)
    first = heat[heat["periode"] == p].sort_values("kode_kabkota").iloc[0]
    return (
        f"reporting completeness of {first['kode_kabkota']} ({p:%Y-%m})",
        float(first["kelengkapan"]),
        (first["kode_kabkota"], p),
    )


def ours_kualitas(res, key):
    kab, p = key
    df = _rows(res, "kualitas_kelengkapan", lambda q: q["tingkat"] == "kabkota")
    return float(
        df.loc[(df["kode_wilayah"] == kab) & (pd.to_datetime(df["periode"]) == p), "kelengkapan_persen"].iloc[0]
    )


# page -> (pandas computation, our figure from the page's query results, which filter variant is compared)
PANDAS_PAGES = {
    "ringkasan": (pw_ringkasan, ours_ringkasan, SEMUA),
    "bidang": (pw_bidang, ours_bidang, SEMUA),
    "peringkat": (pw_peringkat, ours_peringkat, SEMUA),
    "tren": (pw_tren, ours_tren, SEMUA),
    "pemulihan": (pw_pemulihan, ours_pemulihan, SEMUA),
    "profil": (pw_profil, ours_profil, "kab"),
    "prioritas": (pw_prioritas, ours_prioritas, "kab"),
    "anggaran": (pw_anggaran, ours_anggaran, SEMUA),
    "kualitas": (pw_kualitas, ours_kualitas, SEMUA),
}


LOOKUPS = {
    "meta_all",
    "periode_tersedia",
    "daftar_kabkota",
    "daftar_provinsi",
    "wilayah_info",
    "katalog_indikator",
    "bidang_daftar",
    "daftar_wilayah_anak",
}  # sidebar, banner and reference look-ups shared by the pages


def run_page_queries(con, calls: list[tuple], reps: int = 3) -> tuple[float, float, int, list[tuple]]:
    """Run the queries a page ran (same names and parameters) on a fresh cursor, uncached: median time of ``reps``
    (all of them, and the sidebar/reference look-ups among them), the number of queries and the last results."""
    from dashboard.core import warehouse

    unique, seen = [], set()
    for name, params, _ in calls:
        ident = (name, repr(sorted(params.items())))
        if ident not in seen:
            seen.add(ident)
            unique.append((name, params))
    times, lookups, results = [], [], []
    for _ in range(reps):
        cur = warehouse.cursor(con)
        results, lookup = [], 0.0
        start = time.perf_counter()
        for name, params in unique:
            one = time.perf_counter()
            results.append((name, params, warehouse.query_df(cur, name, params)))
            if name in LOOKUPS:
                lookup += time.perf_counter() - one
        times.append(time.perf_counter() - start)
        lookups.append(lookup)
        cur.close()
    return statistics.median(times), statistics.median(lookups), len(unique), results


def _agrees(a: float, b: float) -> bool:
    return abs(a - b) <= max(0.5, 0.01 * abs(b))


def pandas_way(db: Path, calls: dict[tuple[str, str], list[tuple]], prov: str, kab: str, max_rows: int) -> dict:
    """Each analytic page's main figures computed from raw tables held in pandas, against our page's own queries."""
    from dashboard.core import warehouse

    con = warehouse.connect_readonly(db)
    try:
        n_facts = int(warehouse.query_df(con, "bench_fakta_jumlah")["baris"].iloc[0])
        periode = pd.Timestamp(warehouse.query_df(con, "periode_tersedia")["periode"].iloc[0] + "-01")
        if n_facts > max_rows:
            sample = warehouse.query_df(con, "bench_fakta_contoh", {"batas": 1_000_000})
            part = load_raw(con, sample)
            per_row = part.F.memory_usage(deep=True).sum() / len(part.F)
            return {
                "skipped": True,
                "facts": n_facts,
                "bytes_per_row": per_row,
                "estimate_gb": per_row * n_facts / 2**30,
            }
        rss_before = peak_rss_mb()
        start = time.perf_counter()
        D = load_raw(con)
        load_s = time.perf_counter() - start
        held_mb = sum(df.memory_usage(deep=True).sum() for df in (D.F, D.wil, D.ind, D.dampak, D.pemulihan)) / 2**20
        rows = []
        for page, (compute, ours, variant) in PANDAS_PAGES.items():
            ctx = Ctx(periode=periode, prov=prov, kab=kab if variant == "kab" else None)
            times, figure = [], None
            for _ in range(3):
                start = time.perf_counter()
                figure = compute(D, ctx)
                times.append(time.perf_counter() - start)
            key = (page, SEMUA if variant == SEMUA else kab)
            sql_s, lookup_s, n_queries, results = run_page_queries(con, calls.get(key, []))
            label, value, fkey = figure
            try:
                mine = ours(results, fkey)
            except (KeyError, IndexError) as exc:
                mine = float("nan")
                print(f"  ! {page}: our figure not found ({exc!r})", flush=True)
            ok = _agrees(value, mine)
            if not ok:
                print(
                    f"  WARNING {page}: pandas and our figure disagree: {label}: pandas {value:.3f}, ours {mine:.3f}",
                    flush=True,
                )
            rows.append({
                "page": page, "filter": "none" if variant == SEMUA else kab, "rows_in_pandas": len(D.F), "pandas_load_s": load_s,
                "pandas_rerun_s": statistics.median(times), "sql_uncached_s": sql_s, "lookup_s": lookup_s, "queries": n_queries,
                "ratio": statistics.median(times) / sql_s if sql_s else float("nan"),
                "check": f"{label}: {value:.2f} / {mine:.2f} {'ok' if ok else 'MISMATCH'}",
            })  # fmt: skip
            print(f"  {page:10s} pandas {rows[-1]['pandas_rerun_s']:.3f} s  ours {sql_s:.4f} s ({n_queries} queries)  "
                  f"x{rows[-1]['ratio']:.0f}  {rows[-1]['check']}", flush=True)  # fmt: skip
        return {"skipped": False, "facts": n_facts, "rows": rows, "load_s": load_s, "held_mb": held_mb,
                "rss_growth_mb": peak_rss_mb() - rss_before}  # fmt: skip
    finally:
        con.close()


# --- imports -------------------------------------------------------------------------------------------


def make_import_csv(db: Path, rows: int, path: Path) -> None:
    from dashboard.core import warehouse

    con = warehouse.connect_readonly(db)
    desa = warehouse.query_df(con, "bench_desa")["kode"].to_numpy()
    con.close()
    inds = np.array(
        ["kes_skdn_d_per_s", "pu_kk_air_layak", "pu_kk_jamban_sehat", "pr_rtlh_tertangani", "tp_kader_terlatih"]
    )
    n_months = -(-rows // (len(desa) * len(inds)))
    months = pd.date_range("2030-01-01", periods=n_months, freq="MS").strftime("%Y-%m").to_numpy()
    grid = np.array(
        np.meshgrid(np.arange(len(months)), np.arange(len(desa)), np.arange(len(inds)), indexing="ij")
    ).reshape(3, -1)[:, :rows]
    rng = np.random.default_rng(1)
    sasaran = rng.integers(50, 2000, rows)
    df = pd.DataFrame(
        {
            "periode": months[grid[0]],
            "kode_wilayah": desa[grid[1]],
            "kode_indikator": inds[grid[2]],
            "sasaran": sasaran,
            "terlayani": (sasaran * rng.uniform(0.5, 1.0, rows)).astype(int),
        }
    )
    df.to_csv(path, index=False)


def pandas_openpyxl_loader(path: Path, db: Path) -> float:
    """A plain loader as often written: read with pandas (openpyxl for .xlsx), validate row by row, insert."""
    from dashboard.core import warehouse

    start = time.perf_counter()
    df = pd.read_excel(path, engine="openpyxl", dtype=str) if path.suffix == ".xlsx" else pd.read_csv(path, dtype=str)
    con = warehouse.connect_readonly(db)
    known_w = set(warehouse.query_df(con, "bench_desa")["kode"]) | set(
        warehouse.query_df(con, "daftar_kabkota", {"kode_provinsi": "63"})["kode"]
    )
    known_i = set(warehouse.query_df(con, "katalog_indikator")["kode_indikator"])
    con.close()
    errors, clean = [], []
    for i, row in enumerate(df.itertuples(index=False), start=2):
        try:
            periode = pd.Timestamp(row.periode + "-01")
            s, t = int(row.sasaran), int(row.terlayani)
            if s < 0 or t < 0 or row.kode_wilayah not in known_w or row.kode_indikator not in known_i:
                errors.append(i)
            clean.append((periode, row.kode_wilayah, row.kode_indikator, s, t))
        except (ValueError, TypeError):
            errors.append(i)
    out = pd.DataFrame(clean, columns=["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"])
    out.to_parquet(Path(tempfile.mkdtemp()) / "out.parquet")  # the write a typical loader ends with
    return time.perf_counter() - start


def bench_imports(db: Path, work: Path) -> list[dict]:
    results = []
    csv_path = work / "impor_1juta.csv"
    make_import_csv(db, 1_000_000, csv_path)
    small_csv = work / "impor_100rb.csv"
    make_import_csv(db, 100_000, small_csv)
    xlsx_path = work / "impor_100rb.xlsx"
    pd.read_csv(small_csv, dtype=str).to_excel(xlsx_path, index=False)
    for path, rows in ((csv_path, 1_000_000), (xlsx_path, 100_000)):
        target = work / f"impor_{path.suffix[1:]}.duckdb"
        shutil.copyfile(db, target)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "dashboard", "import", str(path), "--db", str(target),
                               "--campur-sampel"],  # the benchmark's sample warehouse: real-format rows on top
                              cwd=ROOT, capture_output=True, text=True)  # fmt: skip
        ours = time.perf_counter() - start
        if proc.returncode:
            raise RuntimeError(proc.stdout[-2000:] + proc.stderr[-2000:])
        baseline = pandas_openpyxl_loader(path, db)
        results.append(
            {"file": path.name, "rows": rows, "ours_s": ours, "rows_per_s": rows / ours, "pandas_openpyxl_s": baseline}
        )
        target.unlink()
    return results


# --- a quarterly import of one kab/kota (issue 16: "imports that show in seconds") ---------------------------------


def make_quarterly_csv(db: Path, path: Path, kabkota: str | None) -> tuple[int, str, str]:
    """A quarterly file as a kab/kota sends it: every desa of ``kabkota`` (of the province when None) x every monthly
    Posyandu indicator x the three months of the quarter holding the warehouse's latest month, plus the kab/kota's
    official services at the quarter's end. Returns (rows, quarter-end month 'YYYY-MM', a desa indicator)."""
    from dashboard.core import warehouse

    con = warehouse.connect_readonly(db)
    try:
        desa = warehouse.query_df(con, "bench_triwulan_desa", {"kode_kabkota": kabkota})["kode"].to_numpy()
        kabs = warehouse.query_df(con, "bench_triwulan_kabkota", {"kode_kabkota": kabkota})["kode"].to_numpy()
        ind_desa = warehouse.query_df(con, "bench_triwulan_indikator", {"level": "posyandu_desa"})["kode_indikator"]
        ind_kab = warehouse.query_df(con, "bench_triwulan_indikator", {"level": "kab_kota"})["kode_indikator"]
        last = pd.Timestamp(warehouse.fetch_value(con, "bench_bulan_terakhir"))
    finally:
        con.close()
    start = last.to_period("Q").start_time
    months = np.array([(start + pd.DateOffset(months=i)).strftime("%Y-%m") for i in range(3)])
    rng = np.random.default_rng(16)
    grid = np.meshgrid(np.arange(3), np.arange(len(desa)), np.arange(len(ind_desa)), indexing="ij")
    g = np.array(grid).reshape(3, -1)
    s = rng.integers(50, 2000, g.shape[1])
    rows = pd.DataFrame({"periode": months[g[0]], "kode_wilayah": desa[g[1]], "kode_indikator": ind_desa.to_numpy()[g[2]],
                         "sasaran": s, "terlayani": (s * rng.uniform(0.5, 1.0, len(s))).astype(int)})  # fmt: skip
    g2 = np.array(np.meshgrid(np.arange(len(kabs)), np.arange(len(ind_kab)), indexing="ij")).reshape(2, -1)
    s2 = rng.integers(1000, 50000, g2.shape[1])
    official = pd.DataFrame({"periode": months[2], "kode_wilayah": kabs[g2[0]], "kode_indikator": ind_kab.to_numpy()[g2[1]],
                             "sasaran": s2, "terlayani": (s2 * rng.uniform(0.5, 1.0, len(s2))).astype(int)})  # fmt: skip
    out = pd.concat([rows, official])
    out.to_csv(path, index=False)
    return len(out), months[2], str(ind_desa.iloc[0])


def _floor_import(db: Path, csv: Path, target: Path) -> float:
    """The floor: copy the warehouse, DuckDB reads the CSV and replaces the rows of its keys, checkpoint (no check,
    no mart, no swap)."""
    import duckdb

    from dashboard.core import warehouse

    start = time.perf_counter()
    shutil.copyfile(db, target)
    con = duckdb.connect(str(target))
    warehouse.execute(con, "bench_lantai_hapus", {"path": str(csv)})
    warehouse.execute(con, "bench_lantai_isi", {"path": str(csv)})
    warehouse.execute(con, "checkpoint")
    con.close()
    return time.perf_counter() - start


def bench_quarterly_imports(db: Path, work: Path, kab: str) -> list[dict]:
    """Per file (one kab/kota's quarter; the whole province's quarter, ~115,000 rows): the import in this process from
    "load" to the swapped-in warehouse (incremental marts), the same with every mart rebuilt (the path before issue 16),
    the time until a reader sees the new quarter, and the floor, each on a fresh copy of the warehouse."""
    from dashboard.core import warehouse
    from dashboard.impor import core

    results = []
    for label, kabkota in ((f"kab/kota {kab}", kab), ("province (13 kab/kota)", None)):
        csv = work / f"triwulan_{kabkota or 'provinsi'}.csv"
        rows, quarter_end, indicator = make_quarterly_csv(db, csv, kabkota)
        area = kabkota or "63"
        times: dict[str, list[float]] = defaultdict(list)
        for _ in range(3):
            for mode in ("incremental", "full"):
                target = work / f"triwulan_{mode}.duckdb"
                shutil.copyfile(db, target)
                original = warehouse.mark_facts_changed
                if mode == "full":  # what every import did before: rebuild every mart
                    warehouse.mark_facts_changed = lambda con: None
                try:
                    start = time.perf_counter()
                    (report,) = core.import_files([csv], target, user="bench", mix_sample=True)
                    swapped = time.perf_counter() - start
                finally:
                    warehouse.mark_facts_changed = original
                if not report.loaded:
                    raise RuntimeError(report.summary())
                con = warehouse.connect_readonly(target)
                shown = warehouse.query_df(con, "bench_triwulan_tampil", {"kode_wilayah": area, "kode_indikator": indicator,
                                                                         "periode": pd.Timestamp(quarter_end + "-01").date()})  # fmt: skip
                con.close()
                visible = time.perf_counter() - start
                if shown.empty or pd.isna(shown["terlayani"].iloc[0]):
                    raise RuntimeError(f"the imported quarter {quarter_end} does not show at {area}")
                times[mode].append(swapped)
                times[mode + "_visible"].append(visible)
                backups_dir = warehouse.backup_dir(target)
                shutil.rmtree(backups_dir, ignore_errors=True)
                target.unlink()
            times["floor"].append(_floor_import(db, csv, work / "triwulan_lantai.duckdb"))
            (work / "triwulan_lantai.duckdb").unlink()
        copy = []
        for _ in range(3):
            start = time.perf_counter()
            shutil.copyfile(db, work / "salinan.duckdb")
            copy.append(time.perf_counter() - start)
        (work / "salinan.duckdb").unlink()
        med = {k: statistics.median(v) for k, v in times.items()}
        results.append({"file": label, "rows": rows, "quarter": quarter_end, "ours_s": med["incremental"],
                        "visible_s": med["incremental_visible"], "full_s": med["full"], "floor_s": med["floor"],
                        "ratio": med["incremental"] / med["floor"], "copy_s": statistics.median(copy)})  # fmt: skip
    return results


def bench_pages_after_import(db: Path, work: Path, csv: Path) -> dict:
    """Every page open in AppTest on a copy of the warehouse (run once: the process and the old file's caches are
    warm), then the import, then each page's next rerun (what a user sees on the next click): the time of the import
    plus the slowest page's rerun = the new data on every page."""
    from streamlit.testing.v1 import AppTest

    from dashboard.core import warehouse
    from dashboard.impor import core
    from dashboard.pages import PAGES

    target = work / "triwulan_halaman.duckdb"
    shutil.copyfile(db, target)
    os.environ["SPM_DB"] = str(target)
    clear_all_caches()
    apps = []
    for spec in PAGES:
        at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=600)
        if not spec.default:
            at.switch_page(spec.file)
        at.run()
        apps.append((spec.url_path, at))
    start = time.perf_counter()
    (report,) = core.import_files([csv], target, user="bench", mix_sample=True)
    imported = time.perf_counter() - start
    if not report.loaded:
        raise RuntimeError(report.summary())
    reruns, errors = {}, 0
    for name, at in apps:
        start = time.perf_counter()
        at.run()
        reruns[name] = time.perf_counter() - start
        errors += len(at.exception)
    slowest = max(reruns, key=reruns.get)
    shutil.rmtree(warehouse.backup_dir(target), ignore_errors=True)
    target.unlink()
    return {"import_s": imported, "slowest_page": slowest, "slowest_s": reruns[slowest],
            "every_page_s": imported + reruns[slowest], "sum_s": sum(reruns.values()), "errors": errors,
            "pages": len(reruns)}  # fmt: skip


def quarterly_lines(db: Path, results: list[dict], pages: dict | None = None) -> list[str]:
    page_lines = []
    if pages:
        page_lines = [f"Pages (AppTest, every page opened on the old file first, then the import of the first file, then "
                      f"each page's next rerun): import {pages['import_s']:.2f} s + slowest page's rerun "
                      f"({pages['slowest_page']}) {pages['slowest_s']:.2f} s = **{pages['every_page_s']:.2f} s until "
                      f"every page shows the new quarter** (all {pages['pages']} reruns together {pages['sum_s']:.2f} s; "
                      f"{pages['errors']} exceptions).", ""]  # fmt: skip
    return ["### A quarterly import, from \"load\" to visible (issue 16)", "",
            f"Warehouse {db.stat().st_size / 2**20:,.0f} MB. In-process `import_files` (read, validate once, copy, load, "
            "marts, checkpoint, fsync, backup link, atomic swap), median of 3 on fresh copies; *visible* adds opening the "
            "swapped-in file read-only and reading the new quarter at the kab/kota (or province) from "
            "`mart_capaian_periode` as the ranking page does; *all marts* = the same import rebuilding every mart (the path "
            "before issue 16); *floor* = copy the warehouse, DuckDB reads the CSV and replaces the rows of its keys, "
            "checkpoint; *copy* = the warehouse file copy alone.", "",
            table(results, [("file", "file", ""), ("rows", "rows", ","), ("quarter", "quarter end", ""),
                            ("ours_s", "ours (s)", ".2f"), ("visible_s", "visible (s)", ".2f"),
                            ("full_s", "all marts (s)", ".2f"), ("floor_s", "floor (s)", ".2f"),
                            ("ratio", "ours / floor", ".1f"), ("copy_s", "copy (s)", ".3f")]), ""] + page_lines  # fmt: skip


# --- app process memory ----------------------------------------------------------------------------------


def bench_app_rss(db: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from dashboard.pages import PAGES
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS, settle, start_app

    if not CHROMIUM.exists():
        return {"note": "chromium not installed"}
    log = Path(tempfile.mkdtemp()) / "st.log"
    proc, url = start_app(db, log)
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            start = time.perf_counter()
            for spec in PAGES:
                for lang in ("id", "en"):
                    page.goto(url + ("/" if spec.default else f"/{spec.url_path}") + f"?lang={lang}")
                    settle(page, timeout=300)
            visit_s = time.perf_counter() - start
            browser.close()
        status = Path(f"/proc/{proc.pid}/status").read_text()
        hwm = int(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
        return {"peak_rss_mb": hwm / 1024, "pages_visited": 2 * len(PAGES), "visit_s": visit_s}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


# --- report ----------------------------------------------------------------------------------------------


def table(rows: list[dict], columns: list[tuple[str, str, str]]) -> str:
    head = "| " + " | ".join(c[1] for c in columns) + " |\n|" + "---|" * len(columns) + "\n"
    body = ""
    for r in rows:
        body += "| " + " | ".join(format(r[c[0]], c[2]) if c[2] else str(r[c[0]]) for c in columns) + " |\n"
    return head + body


def source_state() -> str:
    """The commit measured, and the files of the tree that differ from it (other work in progress is measured too)."""

    def git(*args: str) -> str:
        proc = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)
        return proc.stdout.rstrip("\n") if proc.returncode == 0 else "?"  # keep the leading space of status lines

    dirty = [line[3:] for line in git("status", "--porcelain", "--untracked-files=no").splitlines()]
    return f"commit {git('rev-parse', '--short', 'HEAD')}" + (
        f" plus uncommitted changes in {', '.join(dirty)}" if dirty else ""
    )


def reuse_warehouse(db: Path) -> list[str]:
    """Lines describing a reused warehouse; its marts are rebuilt first (timed) when built by older mart SQL, as the
    app would do on its first start (that rebuild must not land in the first page's cold time)."""
    from dashboard.core import warehouse

    con = warehouse.connect_readonly(db)
    try:
        meta = warehouse.meta(con)
        n_facts = int(warehouse.query_df(con, "bench_fakta_jumlah")["baris"].iloc[0])
    finally:
        con.close()
    lines = [f"Warehouse: reused `{db}` ({db.stat().st_size / 2**20:,.0f} MB, {n_facts:,} fact rows, sample scale "
             f"{meta.get('sampel_skala', 'not a sample')}, built {meta.get('dibangun', '?')}); not built in this run."]  # fmt: skip
    if not warehouse.is_current(db):
        print("Marts were built by older SQL: rebuilding them first ...", flush=True)
        start = time.perf_counter()
        warehouse.ensure_current(db)
        lines.append(
            f"Its marts were built by older mart SQL and were rebuilt first: **{time.perf_counter() - start:.1f} s**."
        )
    return lines


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=("provinsi", "nasional"), default="provinsi")
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"), help="writes OUT.part-<scale>")
    ap.add_argument("--db", help="benchmark this existing warehouse file instead of building the sample")
    ap.add_argument("--kab", help="kab/kota code for the filtered page runs (default: the default province's kab/kota "
                                  "with the most desa)")  # fmt: skip
    ap.add_argument("--pandas-max-rows", type=int, default=PANDAS_MAX_ROWS,
                    help="skip the pandas way above this many fact rows (default %(default)s)")  # fmt: skip
    ap.add_argument("--skip-imports", action="store_true")
    ap.add_argument("--skip-browser", action="store_true")
    ap.add_argument("--quarterly-import-only", action="store_true",
                    help="only the quarterly import of one kab/kota against the floor (issue 16)")  # fmt: skip
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="spm_bench_"))
    lines = [f"## Scale: {args.scale}", "", f"Machine: {machine()}", "", f"Source: {source_state()}", ""]
    if args.db:
        db = Path(args.db).resolve()
        if not db.exists():
            sys.exit(f"--db {db}: no such file")
        lines += [*reuse_warehouse(db), ""]
    else:
        db = work / "spm.duckdb"
        build = bench_build(db, args.scale)
        lines += [
            f"Sample build: **{build['seconds']:.1f} s**, peak RSS {build['peak_rss_mb']:.0f} MB, file {build['size_mb']:.0f} MB.",
            "",
        ]
    print("\n".join(lines), flush=True)

    prov, kab = choose_kab(db)
    kab = args.kab or kab
    if args.quarterly_import_only:
        results = bench_quarterly_imports(db, work, kab)
        pages = bench_pages_after_import(db, work, work / f"triwulan_{kab}.csv")
        lines += quarterly_lines(db, results, pages)
        lines.append(f"Load average at the end: {os.getloadavg()[0]:.1f}.")
        text = "\n".join(lines) + "\n"
        print(text)
        Path(args.out + ".part-" + args.scale + "-triwulan").write_text(text, encoding="utf-8")
        shutil.rmtree(work, ignore_errors=True)
        return
    print(f"Pages (AppTest), without a filter and with kab/kota {kab}:", flush=True)
    rss_before_pages = peak_rss_mb()
    pages, queries, calls = bench_pages(db, kab)
    apptest_rss = peak_rss_mb()
    lines += ["### Pages (AppTest script run)", "",
              f"Cold = every Streamlit cache cleared, warm = median of {WARM_RUNS} reruns; without a filter and with the "
              f"kab/kota filter `{kab}` (the kab/kota of province `{prov}` with the most desa). Queries = named queries "
              "executed by the cold run (their total time in brackets); a warm rerun executed none unless noted.", "",
              table([{**r, "qc_semua": f"{r['q_semua']} ({r['qs_semua']:.2f} s)", "qc_kab": f"{r['q_kab']} ({r['qs_kab']:.2f} s)"}
                     for r in pages],
                    [("page", "page", ""), ("cold_semua", "cold (s)", ".3f"), ("warm_semua", "warm (s)", ".3f"),
                     ("qc_semua", "queries", ""), ("cold_kab", f"cold, {kab} (s)", ".3f"), ("warm_kab", f"warm, {kab} (s)", ".3f"),
                     ("qc_kab", f"queries, {kab}", ""), ("errors", "exceptions", "")])]  # fmt: skip
    warm_misses = [
        f"{r['page']} ({r['qwarm_semua']} / {r['qwarm_kab']})" for r in pages if r["qwarm_semua"] or r["qwarm_kab"]
    ]
    if warm_misses:
        lines += [
            f"Warm reruns that still executed queries (without / with the filter, over {WARM_RUNS} reruns): {', '.join(warm_misses)}.",
            "",
        ]
    lines += [f"Peak RSS of the AppTest process (every page run in it, both variants): **{apptest_rss:.0f} MB** "
              f"({rss_before_pages:.0f} MB before the first page).", ""]  # fmt: skip
    qrows = [{"query": k, "runs": len(v), "median_s": statistics.median(v), "max_s": max(v),
              "ok": "yes" if max(v) <= 1.5 else "**no**"} for k, v in sorted(queries.items())]  # fmt: skip
    slow = [q["query"] for q in qrows if q["ok"] != "yes"]
    lines += ["### Named queries run by the pages (uncached executions)", "",
              table(qrows, [("query", "query", ""), ("runs", "runs", ""), ("median_s", "median (s)", ".4f"), ("max_s", "max (s)", ".4f"), ("ok", "≤ 1.5 s?", "")]),
              f"{len(qrows) - len(slow)} of {len(qrows)} queries ≤ 1.5 s at their slowest" + (f"; slower: {', '.join(slow)}." if slow else "."), ""]  # fmt: skip
    print("\n".join(lines[-4:]), flush=True)

    print("Against the typical Streamlit way (pandas):", flush=True)
    pw = pandas_way(db, calls, prov, kab, args.pandas_max_rows)
    lines += ["### Against the typical Streamlit way (raw facts in pandas, filtered and grouped per rerun)", ""]
    if pw["skipped"]:
        lines += [f"**Not run: the fact table has {pw['facts']:,} rows (> {args.pandas_max_rows:,}).** Holding it the typical "
                  f"way (raw facts joined with their area and indicator attributes in one DataFrame) takes "
                  f"{pw['bytes_per_row']:.0f} bytes per row (measured on the first 1,000,000 rows), i.e. about "
                  f"**{pw['estimate_gb']:.1f} GB** for the whole table, before any per-rerun copy: the pandas way cannot "
                  "hold the national facts on this machine's budget, so there is no pandas figure to compare with.", ""]  # fmt: skip
    else:
        lines += [f"The pandas app loads the raw tables once (fact table joined with area and indicator attributes, plus "
                  f"the flood, recovery and budget tables): {pw['facts']:,} fact rows, **{pw['load_s']:.1f} s**, "
                  f"{pw['held_mb']:,.0f} MB held (the process's peak RSS rose {pw['rss_growth_mb']:,.0f} MB while loading "
                  "and computing). Per rerun it computes each page's main figures (and the sidebar's month list) from "
                  "them with pandas, median of 3. *Ours* = every named query the page's cold AppTest run executed, same "
                  "names and parameters, run again through `dashboard.warehouse` on a fresh cursor of a read-only "
                  "connection without any Streamlit cache, median of 3; *look-ups* = the sidebar, banner and reference "
                  f"queries among them ({', '.join(sorted(LOOKUPS))}), which the pandas app answers from memory. "
                  "Python work both would share (rank simulation, projections, charts) is in neither. The last column "
                  "checks one figure per page: pandas / ours (ours computed from our page's own query results).", "",
                  table(pw["rows"], [("page", "page", ""), ("filter", "filter", ""), ("rows_in_pandas", "fact rows in pandas", ","),
                                     ("pandas_load_s", "pandas load (s)", ".2f"), ("pandas_rerun_s", "pandas per rerun (s)", ".3f"),
                                     ("sql_uncached_s", "ours uncached (s)", ".4f"), ("queries", "queries", ""),
                                     ("lookup_s", "of which look-ups (s)", ".4f"),
                                     ("ratio", "ratio", ".1f"), ("check", "figure checked: pandas / ours", "")])]  # fmt: skip
    lines += [
        "Not compared (not analytic pages): " + "; ".join(f"`{k}` – {v}" for k, v in NOT_ANALYTIC.items()) + ".",
        "",
    ]
    print("\n".join(lines[-6:]), flush=True)

    if not args.skip_imports:
        imports = bench_imports(db, work)
        for r in imports:
            r["ratio"] = r["pandas_openpyxl_s"] / r["ours_s"]
        lines += ["### Import throughput (whole command: read, validate, load, rebuild marts, atomic swap)", "",
                  table(imports, [("file", "file", ""), ("rows", "rows", ","), ("ours_s", "ours (s)", ".1f"), ("rows_per_s", "rows/s", ",.0f"), ("pandas_openpyxl_s", "pandas+openpyxl loader (s)", ".1f"), ("ratio", "ratio", ".1f")])]  # fmt: skip
        lines += quarterly_lines(db, bench_quarterly_imports(db, work, kab))
    if not args.skip_browser:
        rss = bench_app_rss(db)
        if "peak_rss_mb" in rss:
            text = (f"Peak RSS of the `streamlit run` process after headless Chromium visited every page in both "
                    f"languages ({rss['pages_visited']} page loads, {rss['visit_s']:.0f} s): **{rss['peak_rss_mb']:.0f} MB**.")  # fmt: skip
        else:
            text = f"Peak RSS of the `streamlit run` process: not measured ({rss.get('note')})."
        lines += ["### App process", "", text, ""]
    lines += [
        f"Load average at the end: {os.getloadavg()[0]:.1f} (other work on the machine makes the figures noisy).",
        "",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out + ".part-" + args.scale).write_text(text, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
