"""`python -m dashboard snapshot`: the shareable snapshot of an area profile or a flood event from the command line.

    python -m dashboard snapshot --kab KODE [--periode YYYY-MM] [--bahasa id|en] --png FILE --html FILE [--db PATH]
    python -m dashboard snapshot --banjir KODE [--kab KODE] [--bahasa id|en] --png FILE --html FILE

Exit codes: 0 written, 1 no warehouse or no data, 2 usage error (no output, bad code, period or file name).
"""

from __future__ import annotations

import sys
from pathlib import Path

from dashboard.rakor.briefing import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, use_warehouse


def cmd_snapshot(args) -> int:
    from dashboard.core.i18n import t

    lang = args.lang
    if not args.png and not args.html:
        print(t("snapshot.cli_perlu_keluaran", lang), file=sys.stderr)
        return EXIT_USAGE
    if not args.kab and not args.banjir:
        print(t("snapshot.cli_perlu_wilayah", lang), file=sys.stderr)
        return EXIT_USAGE
    for path, ext in ((args.png, ".png"), (args.html, ".html")):
        if path and Path(path).suffix.lower() not in (ext, ".htm" if ext == ".html" else ext):
            print(t("rakor.cli_ekstensi", lang, ext=ext, berkas=path), file=sys.stderr)
            return EXIT_USAGE
    if (code := use_warehouse(args.db, lang)) is not None:
        return code
    from dashboard.core import store
    from dashboard.snapshot import data as snapshot_data

    kab_codes = {store.provinsi_kode(), *store.kabkota()["kode"]}
    if args.kab and args.kab not in kab_codes:
        print(t("rakor.cli_kab_salah", lang, kab=args.kab), file=sys.stderr)
        return EXIT_USAGE
    if args.banjir:
        events = snapshot_data.events()
        if args.banjir not in set(events["kode_bencana"]):
            print(t("snapshot.cli_banjir_salah", lang, kode=args.banjir), file=sys.stderr)
            return EXIT_USAGE
        snap = snapshot_data.banjir(args.banjir, args.kab, lang)
    else:
        periods = store.periods()
        if not periods:
            print(t("rakor.tidak_ada_data", lang), file=sys.stderr)
            return EXIT_REJECTED
        if args.periode and args.periode not in periods:
            shown = ", ".join(periods[:6]) + (" …" if len(periods) > 6 else "")
            print(t("rakor.cli_periode_salah", lang, periode=args.periode, pilihan=shown), file=sys.stderr)
            return EXIT_USAGE
        snap = snapshot_data.profil(args.kab, args.periode, lang)
    if args.png:
        from dashboard.snapshot import image

        _write(Path(args.png), image.png(snap))
        print(t("snapshot.cli_selesai", lang, berkas=args.png))
    if args.html:
        from dashboard.snapshot import document

        _write(Path(args.html), document.html_bytes(snap))
        print(t("snapshot.cli_selesai", lang, berkas=args.html))
    return EXIT_OK


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def add_command(sub, db_arg, lang_arg) -> None:
    p = sub.add_parser("snapshot", help="write a shareable snapshot of an area profile or a flood event (PNG, HTML)")
    p.add_argument("--kab", metavar="KODE", help="kab/kota code, e.g. 63.03 (63: the province)")
    p.add_argument("--periode", metavar="YYYY-MM", help="month of the profile (default: the latest with data)")
    p.add_argument("--banjir", metavar="KODE", help="a flood event code: the event's recovery (with --kab: that kab/kota)")
    p.add_argument("--png", metavar="FILE.png", help="the 1080x1350 image to write")
    p.add_argument("--html", metavar="FILE.html", help="the self-contained offline HTML file to write")
    db_arg(p)
    lang_arg(p)
    p.set_defaults(func=cmd_snapshot)
