"""Benchmarks: `python bench/run.py [--scale provinsi|nasional] [--out bench/RESULTS.md]`.

Reports (never asserts) wall-clock figures:
* sample build time and peak memory;
* every page's script run (AppTest) with caches cleared (cold) and warm (median of repeated reruns), and the
  time of each named query the page runs;
* the same page data computed "the typical Streamlit way" (raw facts held in pandas, filtered and grouped on
  every rerun), as a ratio;
* import throughput for a 1,000,000-row CSV and a 100,000-row XLSX, against a plain pandas + openpyxl loader;
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
        [sys.executable, "-m", "dashboard", "build-sample", "--db", str(db), "--scale", scale],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    if proc.returncode:
        raise RuntimeError(proc.stdout + proc.stderr)
    return {"seconds": seconds, "peak_rss_mb": child_peak_rss_mb(), "size_mb": db.stat().st_size / 2**20}


# --- pages ---------------------------------------------------------------------------------------------


def bench_pages(db: Path) -> tuple[list[dict], dict[str, list[float]]]:
    os.environ["SPM_DB"] = str(db)
    from streamlit.testing.v1 import AppTest

    from dashboard import store, warehouse
    from dashboard.views import PAGES

    timings: dict[str, list[float]] = defaultdict(list)
    original = warehouse.query_df

    def timed_query_df(con, name, params=None):
        start = time.perf_counter()
        try:
            return original(con, name, params)
        finally:
            timings[name].append(time.perf_counter() - start)

    store.query_df = timed_query_df  # the store's own reference
    rows = []
    app = str(ROOT / "dashboard" / "app.py")
    for spec in PAGES:
        store.clear_caches()
        at = AppTest.from_file(app, default_timeout=300)
        start = time.perf_counter()
        at.run()
        if not spec.default:
            at.switch_page(f"views/{spec.file}")
            store.clear_caches()
            start = time.perf_counter()
            at.run()
        cold = time.perf_counter() - start
        warm = []
        for _ in range(WARM_RUNS):
            start = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - start)
        rows.append({"page": spec.url_path, "cold_s": cold, "warm_median_s": statistics.median(warm), "errors": len(at.exception)})
    store.query_df = original
    return rows, timings


# --- the typical Streamlit way: raw facts in pandas, filtered and grouped on every rerun ------------------


def pandas_way(db: Path) -> list[dict]:
    """The overview's figures (field indices and the district index) computed from raw facts held in pandas."""
    from dashboard import warehouse
    from dashboard.overview import overall_index

    con = warehouse.connect_readonly(db)
    load_start = time.perf_counter()
    facts = warehouse.query_df(con, "bench_fakta_mentah")  # what a typical app caches: the whole fact table
    wilayah = warehouse.query_df(con, "bench_wilayah_mentah")
    indikator = warehouse.query_df(con, "katalog_indikator")
    load_s = time.perf_counter() - load_start
    periode = facts["periode"].max()

    def rerun():
        f = facts.merge(indikator[["kode_indikator", "kode_bidang", "level"]], on="kode_indikator")
        f = f.merge(wilayah[["kode", "tingkat", "kode_kabkota", "kode_provinsi"]], left_on="kode_wilayah", right_on="kode")
        spm = f[(f["level"] == "kab_kota") & (f["tingkat"] == "kabkota")]
        last_q = spm.loc[spm["periode"] <= periode, "periode"].max()
        spm = spm[spm["periode"] == last_q]
        prov = spm.groupby(["kode_indikator", "kode_bidang"])[["terlayani", "sasaran"]].sum().reset_index()
        prov["cap"] = (prov["terlayani"] / prov["sasaran"] * 100).clip(upper=100)
        fields = prov.groupby("kode_bidang")["cap"].mean().rename("indeks").reset_index()
        fields["termasuk_indeks"] = fields["kode_bidang"] != "transformasi_posyandu"
        spm = spm.assign(cap=(spm["terlayani"] / spm["sasaran"] * 100).clip(upper=100))
        district = spm.groupby(["kode_wilayah", "kode_bidang"])["cap"].mean().groupby("kode_wilayah").mean()
        monthly = f[(f["level"] == "posyandu_desa") & (f["periode"] == periode)]
        monthly.groupby("kode_kabkota")[["terlayani", "sasaran"]].sum()
        return overall_index(fields), district.sort_values()

    times = []
    for _ in range(3):
        start = time.perf_counter()
        rerun()
        times.append(time.perf_counter() - start)

    sql_times = []
    kode = warehouse.query_df(con, "daftar_provinsi")["kode"].iloc[0]
    for _ in range(3):
        cur = warehouse.cursor(con)
        start = time.perf_counter()
        warehouse.query_df(cur, "ringkasan_bidang", {"kode_wilayah": kode, "periode": periode})
        warehouse.query_df(cur, "ringkasan_kabkota", {"kode_provinsi": kode, "periode": periode})
        sql_times.append(time.perf_counter() - start)
        cur.close()
    con.close()
    return [
        {
            "page": "ringkasan",
            "pandas_load_s": load_s,
            "pandas_rerun_s": statistics.median(times),
            "sql_uncached_s": statistics.median(sql_times),
            "rows_in_pandas": len(facts),
        }
    ]


# --- imports -------------------------------------------------------------------------------------------


def make_import_csv(db: Path, rows: int, path: Path) -> None:
    from dashboard import warehouse

    con = warehouse.connect_readonly(db)
    desa = warehouse.query_df(con, "bench_desa")["kode"].to_numpy()
    con.close()
    inds = np.array(["kes_skdn_d_per_s", "pu_kk_air_layak", "pu_kk_jamban_sehat", "pr_rtlh_tertangani", "tp_kader_terlatih"])
    n_months = -(-rows // (len(desa) * len(inds)))
    months = pd.date_range("2030-01-01", periods=n_months, freq="MS").strftime("%Y-%m").to_numpy()
    grid = np.array(np.meshgrid(np.arange(len(months)), np.arange(len(desa)), np.arange(len(inds)), indexing="ij")).reshape(3, -1)[:, :rows]
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
    from dashboard import warehouse

    start = time.perf_counter()
    df = pd.read_excel(path, engine="openpyxl", dtype=str) if path.suffix == ".xlsx" else pd.read_csv(path, dtype=str)
    con = warehouse.connect_readonly(db)
    known_w = set(warehouse.query_df(con, "bench_desa")["kode"]) | set(warehouse.query_df(con, "daftar_kabkota")["kode"])
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
        proc = subprocess.run([sys.executable, "-m", "dashboard", "import", str(path), "--db", str(target)], cwd=ROOT,
                              capture_output=True, text=True)  # fmt: skip
        ours = time.perf_counter() - start
        if proc.returncode:
            raise RuntimeError(proc.stdout[-2000:] + proc.stderr[-2000:])
        baseline = pandas_openpyxl_loader(path, db)
        results.append({"file": path.name, "rows": rows, "ours_s": ours, "rows_per_s": rows / ours, "pandas_openpyxl_s": baseline})
        target.unlink()
    return results


# --- app process memory ----------------------------------------------------------------------------------


def bench_app_rss(db: Path) -> dict:
    sys.path.insert(0, str(ROOT))
    from dashboard.views import PAGES
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


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", choices=("provinsi", "nasional"), default="provinsi")
    ap.add_argument("--out", default=str(ROOT / "bench" / "RESULTS.md"))
    ap.add_argument("--skip-imports", action="store_true")
    ap.add_argument("--skip-browser", action="store_true")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="spm_bench_"))
    db = work / "spm.duckdb"
    lines = [f"## Scale: {args.scale}", "", f"Machine: {machine()}", ""]
    build = bench_build(db, args.scale)
    lines += [f"Sample build: **{build['seconds']:.1f} s**, peak RSS {build['peak_rss_mb']:.0f} MB, file {build['size_mb']:.0f} MB.", ""]
    print(lines[-2], flush=True)
    pages, queries = bench_pages(db)
    lines += ["### Pages (AppTest script run)", "", table(pages, [("page", "page", ""), ("cold_s", "cold (s)", ".3f"), ("warm_median_s", f"warm median of {WARM_RUNS} (s)", ".3f"), ("errors", "exceptions", "")])]
    qrows = [{"query": k, "runs": len(v), "median_s": statistics.median(v), "max_s": max(v)} for k, v in sorted(queries.items())]
    lines += ["### Named queries run by the pages (uncached executions)", "", table(qrows, [("query", "query", ""), ("runs", "runs", ""), ("median_s", "median (s)", ".4f"), ("max_s", "max (s)", ".4f")])]
    print(table(pages, [("page", "page", ""), ("cold_s", "cold", ".3f"), ("warm_median_s", "warm", ".3f")]), flush=True)
    pw = pandas_way(db)
    for r in pw:
        r["ratio"] = r["pandas_rerun_s"] / r["sql_uncached_s"]
    lines += ["### Against the typical Streamlit way (raw facts in pandas, filtered and grouped per rerun)", "",
              table(pw, [("page", "page", ""), ("rows_in_pandas", "fact rows held in pandas", ","), ("pandas_load_s", "pandas load (s)", ".2f"), ("pandas_rerun_s", "pandas per rerun (s)", ".3f"), ("sql_uncached_s", "our queries, uncached (s)", ".4f"), ("ratio", "ratio", ".0f")])]  # fmt: skip
    if not args.skip_imports:
        imports = bench_imports(db, work)
        for r in imports:
            r["ratio"] = r["pandas_openpyxl_s"] / r["ours_s"]
        lines += ["### Import throughput (whole command: read, validate, load, rebuild marts, atomic swap)", "",
                  table(imports, [("file", "file", ""), ("rows", "rows", ","), ("ours_s", "ours (s)", ".1f"), ("rows_per_s", "rows/s", ",.0f"), ("pandas_openpyxl_s", "pandas+openpyxl loader (s)", ".1f"), ("ratio", "ratio", ".1f")])]  # fmt: skip
    if not args.skip_browser:
        rss = bench_app_rss(db)
        lines += ["### App process", "", f"Peak RSS of the `streamlit run` process after visiting every page in both languages: {rss}", ""]
    text = "\n".join(lines) + "\n"
    print(text)
    Path(args.out + ".part-" + args.scale).write_text(text, encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
