"""`python -m dashboard export-parquet`: the warehouse as Parquet files for an existing engine (DuckDB, Trino, Spark).

    python -m dashboard export-parquet --keluaran DIR [--ganti] [--db PATH] [--bahasa id|en]

Every table goes to its own folder ``DIR/<table>/``. Facts and marts that have a ``periode`` are hive-partitioned by
year (``DIR/<table>/tahun=YYYY/*.parquet``); the small tables are one file each. ``DIR/manifest.json`` lists the
tables, their columns and row counts, the export time and the warehouse version. The export reads one read-only
snapshot of the warehouse (an import running meanwhile is not seen), writes to a temporary folder next to ``DIR``
and renames it into place when every table is written.

Exit codes: 0 written, 2 usage error (no warehouse; ``DIR`` is a file, or a non-empty folder and not replaced:
``--ganti`` replaces only an earlier export, a folder with a manifest.json).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

EXIT_OK, EXIT_USAGE = 0, 2
MANIFEST = "manifest.json"
PARTITION = "tahun"

PER_YEAR = ("fakta_capaian", "mart_capaian", "mart_capaian_periode", "mart_kelengkapan", "mart_banjir_bulanan")
WHOLE = (
    "wilayah", "bidang", "indikator", "anggaran", "biaya_satuan", "bencana", "dampak_bencana", "pemulihan",
    "mart_banjir_dampak", "mart_banjir_fisik",
)  # fmt: skip


def _snapshot(db: Path):
    """(read-only connection, identity of the file it reads): retried if an import swaps the file in between."""
    from dashboard.core import warehouse

    for _ in range(5):
        before = warehouse.identity(db)
        con = warehouse.connect_readonly(db)
        if warehouse.identity(db) == before:
            return con, before
        con.close()
    return con, warehouse.identity(db)  # still a consistent snapshot; the identity may name a newer file


def export(db: Path, out: Path) -> dict:
    """Write every table of the warehouse ``db`` under the new folder ``out``; returns the manifest."""
    from dashboard.core import warehouse

    con, identity = _snapshot(db)
    try:
        tables = []
        for name in PER_YEAR + WHOLE:
            folder = out / name
            folder.mkdir()
            if name in PER_YEAR:
                rows = warehouse.fetch_value(con, "ekspor_parquet_per_tahun", {"tabel": name, "path": str(folder)})
            else:
                path = folder / "data_0.parquet"
                rows = warehouse.fetch_value(con, "ekspor_parquet_tabel", {"tabel": name, "path": str(path)})
            columns = warehouse.query_df(con, "ekspor_parquet_kolom", {"tabel": name})
            tables.append(
                {
                    "name": name,
                    "location": name,
                    "files": f"{name}/{PARTITION}=*/*.parquet" if name in PER_YEAR else f"{name}/data_0.parquet",
                    "partitioned_by": [PARTITION] if name in PER_YEAR else [],
                    "rows": int(rows or 0),
                    "columns": [{"name": c, "type": t} for c, t in columns.itertuples(index=False)],
                }
            )
        meta = warehouse.meta(con)
        real_imports = len(warehouse.query_df(con, "status_data"))
    finally:
        con.close()
    manifest = {
        "format": "parquet",
        "layout": f"hive partitions {PARTITION}=YYYY (year of periode) for the tables with partitioned_by",
        "exported_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "warehouse": {"path": str(db.resolve()), "identity": identity, "schema_version": meta.get("versi_skema"),
                      "marts_version": meta.get("versi_mart"), "sample_data": meta.get("sampel") == "ya",
                      "real_imports": real_imports,  # imports of real files; with sample_data: the data are mixed
                      "mixed_data": meta.get("sampel") == "ya" and (meta.get("campuran") == "ya" or real_imports > 0)},
        "tables": tables,
    }  # fmt: skip
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return manifest


def export_into(db: Path, out: Path, replace: bool = False) -> dict:
    """:func:`export` into a temporary folder next to ``out``, then rename it to ``out`` (replacing it if asked)."""
    out = out.resolve()
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    old = None
    try:
        manifest = export(db, tmp)
        if out.exists() and replace:
            old = out.with_name(f".{out.name}.{os.getpid()}.old")
            os.replace(out, old)
        os.replace(tmp, out)  # onto a missing or empty folder only (else OSError: nothing is lost)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old is not None and old.exists() and not out.exists():
            os.replace(old, out)  # put the earlier export back
        raise
    return manifest


def cmd_export_parquet(args) -> int:
    from dashboard.core import fmt
    from dashboard.core.i18n import t

    lang = args.lang
    db = Path(args.db)
    out = Path(args.out)
    if not db.is_file():
        print(t("ekspor.cli_db_tidak_ada", lang, db=db), file=sys.stderr)
        return EXIT_USAGE
    if out.exists() and not out.is_dir():
        print(t("ekspor.cli_bukan_folder", lang, out=out), file=sys.stderr)
        return EXIT_USAGE
    if out.is_dir() and any(out.iterdir()):
        if not args.replace:
            print(t("ekspor.cli_folder_terisi", lang, out=out), file=sys.stderr)
            return EXIT_USAGE
        if not (out / MANIFEST).is_file():  # --ganti never deletes a folder that is not an earlier export
            print(t("ekspor.cli_bukan_ekspor", lang, out=out), file=sys.stderr)
            return EXIT_USAGE
    manifest = export_into(db, out, replace=args.replace)
    for table in manifest["tables"]:
        print(t("ekspor.cli_tabel", lang, tabel=table["name"], baris=fmt.angka(table["rows"], 0, lang)))
    print(t("ekspor.cli_selesai", lang, n=len(manifest["tables"]), out=out))
    return EXIT_OK


def add_command(sub, db_arg, lang_arg) -> None:
    p = sub.add_parser("export-parquet", help="export the warehouse as Parquet (facts and marts partitioned by year)")
    p.add_argument(
        "--keluaran", "--out", dest="out", required=True, metavar="DIR", help="folder to write (must be new or empty)"
    )
    p.add_argument(
        "--ganti", "--replace", dest="replace", action="store_true",
        help="replace DIR if it holds an earlier export (has manifest.json)",
    )  # fmt: skip
    db_arg(p)
    lang_arg(p)
    p.set_defaults(func=cmd_export_parquet)
