"""Backtest of the early warning's year-end projection: `python bench/peringatan.py [--db data/spm.duckdb]`.

For every complete year of the warehouse (one with December values) and every as-of quarter end (March, June,
September), the projection is run with only the years before it (exactly as the page does for the current year) and
compared with the December value actually reached. Reports, as Markdown on stdout (paste into bench/RESULTS.md):
the median absolute error in points and how often the plausible range held the outcome, overall, per family, per
method, per as-of month and per year, and the same for a straight pace everywhere (the fallback alone) as the
baseline the shape has to beat. Computes figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def table(summary, label_col: str, labels: dict | None = None) -> list[str]:
    lines = [f"| {label_col} | projections | median abs. error (points) | range held the outcome |", "|---|---:|---:|---:|"]
    for r in summary.to_dict("records"):
        name = labels.get(r[label_col], r[label_col]) if labels else r[label_col]
        lines.append(f"| {name} | {int(r['n']):,} | {r['galat_median']:.2f} | {r['dalam_rentang_persen']:.0f} % |")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", default=str(ROOT / "data" / "spm.duckdb"))
    ap.add_argument("--min-tahun", type=int, default=None, help="years a shape needs (default: the settings)")
    args = ap.parse_args(argv)
    os.environ["SPM_DB"] = str(Path(args.db).resolve())

    from dashboard.core import store
    from dashboard.core.settings import settings
    from dashboard.peringatan import data as peringatan_data
    from dashboard.spm import catalog

    min_tahun = settings().peringatan.min_tahun_pola if args.min_tahun is None else args.min_tahun
    periods = store.periods()
    rows = peringatan_data.history(periods[0] + "-01")
    kat, prov = catalog.catalog(), store.provinsi_kode()
    start = time.perf_counter()
    floods = peringatan_data.flood_years()
    bt = peringatan_data.backtest_rows(rows, kat, prov, min_tahun, banjir_tahun=floods)
    took = time.perf_counter() - start
    straight = peringatan_data.backtest_rows(rows, kat, prov, 10_000, banjir_tahun=floods)  # never enough years: straight pace everywhere
    s = peringatan_data.backtest_summary
    years = sorted(bt["tahun"].unique()) if len(bt) else []
    out = [
        f"Warehouse `{Path(args.db).name}` ({'sample, synthetic' if store.is_sample() else 'real or mixed'}), data "
        f"{periods[-1]} – {periods[0]}; complete years tested: {', '.join(str(y) for y in years)}; as of March, June "
        f"and September; a shape needs {min_tahun} earlier years. {len(bt):,} projections in {took:.1f} s.",
        "",
        *table(s(bt).assign(semua="all"), "semua"),
        "",
        *table(s(bt, ["keluarga"]), "keluarga"),
        "",
        *table(s(bt, ["metode"]), "metode"),
        "",
        *table(s(bt, ["bulan"]), "bulan", {3: "as of March (Q1)", 6: "as of June (Q2)", 9: "as of September (Q3)"}),
        "",
        *table(s(bt, ["tahun"]), "tahun"),
        "",
        "Baseline: a straight pace everywhere (no shape), same projections:",
        "",
        *table(s(straight).assign(semua="straight pace"), "semua"),
        "",
        *table(s(straight, ["keluarga"]), "keluarga"),
    ]
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
