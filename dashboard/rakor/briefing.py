"""`python -m dashboard briefing`: the coordination-meeting deck (PPTX) and brief (PDF) from the command line, for
scheduled generation before a meeting. Runs without Streamlit running.

    python -m dashboard briefing --keluaran FILE.pptx [--pdf FILE.pdf] [--kab KODE] [--periode YYYY-MM] [--bahasa id|en] [--db PATH]

Exit codes: 0 written, 1 nothing to brief from (no warehouse), 2 usage error (bad period, code or file name).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def generate(periode: str | None, kab: str | None, lang: str, today=None):
    """(Bahan, pptx bytes, a function returning the pdf bytes) for the filters."""
    from dashboard.rakor import content as rakor_content
    from dashboard.rakor import deck_pdf, deck_pptx

    bahan = rakor_content.bahan(periode, kab, lang, today=today)
    return bahan, deck_pptx.build(bahan), lambda: deck_pdf.build(bahan)


def _slides(pptx_bytes: bytes) -> int:
    """Slides in the deck (a long table or a chart that does not fit adds continued slides)."""
    import io

    from pptx import Presentation

    return len(Presentation(io.BytesIO(pptx_bytes)).slides)


def _quiet_streamlit() -> None:
    """Outside a Streamlit session the cached readers warn once per cache; a scheduled job does not need that."""
    for name in ("streamlit", "streamlit.runtime.caching.cache_data_api", "streamlit.runtime.scriptrunner_utils"):
        logging.getLogger(name).setLevel(logging.ERROR)


def use_warehouse(db_arg: str, lang: str) -> int | None:
    """For a command that reads the warehouse through the app's cached readers (``briefing``, ``snapshot``): an
    existing ``--db`` becomes $SPM_DB and the readers stay quiet; None, or the exit code after a one-line error."""
    from dashboard.core.i18n import t

    db = Path(db_arg)
    if not db.exists():
        print(t("rakor.cli_db_tidak_ada", lang, db=db), file=sys.stderr)
        return EXIT_REJECTED
    os.environ["SPM_DB"] = str(db)
    _quiet_streamlit()
    return None


def cmd_briefing(args) -> int:
    from dashboard.core.i18n import t

    lang = args.lang
    out = Path(args.out)
    if out.suffix.lower() != ".pptx":
        print(t("rakor.cli_ekstensi", lang, ext=".pptx", berkas=out), file=sys.stderr)
        return EXIT_USAGE
    if args.pdf and Path(args.pdf).suffix.lower() != ".pdf":
        print(t("rakor.cli_ekstensi", lang, ext=".pdf", berkas=args.pdf), file=sys.stderr)
        return EXIT_USAGE
    if (code := use_warehouse(args.db, lang)) is not None:
        return code
    from dashboard.core import store

    periods = store.periods()
    if not periods:
        print(t("rakor.tidak_ada_data", lang), file=sys.stderr)
        return EXIT_REJECTED
    if args.periode and args.periode not in periods:
        shown = ", ".join(periods[:6]) + (" …" if len(periods) > 6 else "")
        print(t("rakor.cli_periode_salah", lang, periode=args.periode, pilihan=shown), file=sys.stderr)
        return EXIT_USAGE
    if args.kab and args.kab not in set(store.kabkota()["kode"]):
        print(t("rakor.cli_kab_salah", lang, kab=args.kab), file=sys.stderr)
        return EXIT_USAGE
    bahan, pptx_bytes, pdf_bytes = generate(args.periode, args.kab, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pptx_bytes)
    print(t("rakor.cli_selesai", lang, berkas=out, n=_slides(pptx_bytes)))
    if args.pdf:
        pdf = Path(args.pdf)
        pdf.parent.mkdir(parents=True, exist_ok=True)
        pdf.write_bytes(pdf_bytes())
        print(t("rakor.cli_pdf_selesai", lang, berkas=pdf))
    return EXIT_OK


def add_command(sub, db_arg, lang_arg) -> None:
    p = sub.add_parser("briefing", help="write the coordination-meeting deck (PPTX) and brief (PDF)")
    p.add_argument(
        "--keluaran", "--out", dest="out", required=True, metavar="FILE.pptx", help="the PowerPoint deck to write"
    )
    p.add_argument("--pdf", metavar="FILE.pdf", help="also write the PDF brief")
    p.add_argument("--kab", metavar="KODE", help="kab/kota code, e.g. 63.03 (default: the whole province)")
    p.add_argument("--periode", metavar="YYYY-MM", help="month (default: the latest with data)")
    db_arg(p)
    lang_arg(p)
    p.set_defaults(func=cmd_briefing)
