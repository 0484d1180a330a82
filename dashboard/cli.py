"""Command line: python -m dashboard {init, import, validate, template, build-sample, export-parquet, ...}.

Flags are Indonesian (``--bahasa``, ``--lembar``, ``--keluaran``, ...; ``--db`` and ``--pdf`` name a format). The
English flags of earlier versions (``--lang``, ``--sheet``, ``--out``, ...) are still accepted: each is a second long
spelling of the same option, which help and usage do not show.

Exit codes: 0 success, 1 data rejected (nothing from that file loaded), 2 usage error (also: an unknown key
or a value of the wrong type in data/pengaturan.toml or the $SPM_CONFIG file; ``init`` onto an existing file; an
import into the synthetic sample without ``--campur-sampel``).
"""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path

from dashboard.core.i18n import LANGS
from dashboard.core.settings import SettingsError, default_db_path, settings

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def _kind(name: str | None):
    from dashboard.impor.kinds import KINDS

    if name is None:
        return None
    if name not in KINDS:
        raise SystemExit(f"jenis tidak dikenal: {name} (pilihan: {', '.join(KINDS)})")
    return KINDS[name]


SHOWN_PROBLEMS = 200  # problems printed per file without --semua


def _keep(show_all: bool) -> int:
    """How many problems per file the importer keeps: all of them for --semua."""
    return 2**62 if show_all else SHOWN_PROBLEMS


def _print_reports(reports, lang: str, show_all: bool) -> int:
    code = EXIT_OK
    for rep in reports:
        if rep.unknown_columns:
            from dashboard.core.i18n import t

            print(t("impor.kolom_diabaikan", lang, file=rep.file, kolom=", ".join(rep.unknown_columns)))
        for note in rep.hidden_row_notes(lang):
            print(note)
        problems = rep.problems if show_all else rep.problems[:SHOWN_PROBLEMS]
        for problem in problems:
            print(problem.message(rep.file, lang))
        if rep.total_problems > len(problems):
            print(f"... (+{rep.total_problems - len(problems)}; --semua)")
        _print_conventions(rep, lang)
        print(rep.summary(lang))
        if rep.ok:
            for line in rep.completeness_messages(lang):
                print(line)
        if not rep.ok:
            code = EXIT_REJECTED
    return code


def _print_conventions(rep, lang: str) -> None:
    """The notes on what the importer read by convention (rows skipped, '-' cells, bare years): never errors."""
    for line in rep.note_messages(lang):
        print(line)


def cmd_import(args) -> int:
    from dashboard.impor.core import SampleRefused, import_files

    mapping = _mapping(args)
    if isinstance(mapping, int):
        return mapping
    try:
        reports = import_files(
            [Path(f) for f in args.files], Path(args.db), _kind(args.jenis), args.sheet, args.user, args.lang,
            mix_sample=args.campur_sampel, keep=_keep(args.semua), mapping=mapping,
        )  # fmt: skip
    except SampleRefused as refused:
        print(refused.message(args.lang), file=sys.stderr)
        return EXIT_USAGE
    _print_mapping_notes(reports, args.lang)
    code = _print_reports(reports, args.lang, args.semua)
    return _save_recipe(args, mapping, reports, code)


# --- mapping options (impor/pemetaan.py, impor/resep.py) ------------------------------------------------------------


def _pairs(values: list[str] | None, option: str, lang: str) -> list[tuple[str, str]]:
    from dashboard.core.i18n import t

    out = []
    for text in values or []:
        if "=" not in text:
            raise _OptionError(t("impor.pemetaan.opsi_salah", lang, opsi=option, nilai=text, bentuk="KOLOM=NILAI"))
        left, right = text.rsplit("=", 1)
        out.append((left.strip(), right.strip()))
    return out


class _OptionError(Exception):
    pass


def _row_numbers(text: str) -> list[int] | None:
    from dashboard.impor.pemetaan import row_numbers

    return row_numbers(text)


def mapping_from_args(args):
    """The mapping the options describe, on top of ``--resep`` when given; None when no option is used."""
    from dashboard.core.i18n import t
    from dashboard.impor import resep
    from dashboard.impor.kinds import KINDS
    from dashboard.impor.pemetaan import Mapping

    lang = args.lang
    base = resep.load(args.resep) if getattr(args, "resep", None) else None
    m = Mapping(jenis=args.jenis, lembar=args.sheet)
    if args.baris_judul:
        rows = _row_numbers(args.baris_judul)
        if not rows:
            raise _OptionError(t("impor.pemetaan.opsi_salah", lang, opsi="--baris-judul", nilai=args.baris_judul, bentuk="3 / 3,4"))
        m.baris_judul = rows
    if args.periode:
        m.tetap["periode"] = args.periode
    if args.indikator:
        m.tetap["kode_indikator"] = args.indikator
    fields = {c for kind in KINDS.values() for c in kind.column_names}
    for source, target in _pairs(args.kolom, "--kolom", lang):
        if args.lebar and target not in fields:
            m.lebar[source] = target
        else:
            m.kolom[source] = target
    for column, value in _pairs(args.saring, "--saring", lang):
        m.saring.setdefault(column, []).append(value)
    for text in args.lewati or []:
        rows = _row_numbers(text)
        if rows is not None:
            m.lewati_baris += rows
            continue
        ((column, value),) = _pairs([text], "--lewati", lang)
        m.lewati.setdefault(column, []).append(value)
    for label, meaning in _pairs(args.blok, "--blok", lang):
        m.blok[label] = meaning
    m.blok_kolom = args.blok_kolom
    for text, new in _pairs(args.ganti, "--ganti", lang):
        if ":" not in text:
            raise _OptionError(t("impor.pemetaan.opsi_salah", lang, opsi="--ganti", nilai=text + "=" + new, bentuk="KOLOM:NILAI=BARU"))
        column, old = text.rsplit(":", 1)
        m.ganti.setdefault(column.strip(), {})[old.strip()] = new
    if base is not None:
        return base.merged(m)
    if m.is_empty():
        return None
    return m


def _mapping(args):
    """The mapping of the options, or an exit code after printing why the options or the recipe are wrong."""
    from dashboard.core.i18n import t
    from dashboard.impor.resep import RecipeProblem

    try:
        mapping = mapping_from_args(args)
    except _OptionError as err:
        print(err, file=sys.stderr)
        return EXIT_USAGE
    except RecipeProblem as problem:
        print(t("impor.resep." + problem.code, args.lang, **problem.info), file=sys.stderr)
        return EXIT_USAGE
    if getattr(args, "simpan_resep", None) and mapping is None:
        from dashboard.impor.pemetaan import Mapping

        mapping = Mapping(jenis=args.jenis, lembar=args.sheet)
    return mapping


def _print_mapping_notes(reports, lang: str) -> None:
    """Per file read through a mapping: what it did with the rows; per file: hints (a separating column, --periode)."""
    from dashboard.core.i18n import t

    for rep in reports:
        m = getattr(rep, "mapped", None)
        if m is not None:
            print(t("impor.pemetaan_catatan", lang, file=rep.file, baca=m.read_rows, lewat=m.dropped_rows,
                    kosong=m.empty_cells, panjang=len(m.rows)))  # fmt: skip
        for hint in rep.hints(lang):
            print(hint)


def _save_recipe(args, mapping, reports, code: int) -> int:
    """``--simpan-resep NAME``: keep the mapping once every file was accepted with it."""
    from dashboard.core.i18n import t
    from dashboard.impor import resep

    name = getattr(args, "simpan_resep", None)
    if not name or code != EXIT_OK or mapping is None:
        return code
    mapping.jenis = mapping.jenis or (reports[0].kind if reports else None)
    try:
        path = resep.save(name, mapping)
    except resep.RecipeProblem as problem:
        print(t("impor.resep." + problem.code, args.lang, **problem.info), file=sys.stderr)
        return EXIT_USAGE
    print(t("impor.resep_disimpan", args.lang, nama=name, path=path))
    return code


def cmd_init(args) -> int:
    from dashboard.core.i18n import t
    from dashboard.core.reference import init_warehouse

    path = Path(args.db)
    if not init_warehouse(path):
        print(t("ui.init_sudah_ada", args.lang, db=path), file=sys.stderr)
        return EXIT_USAGE
    print(t("ui.init_selesai", args.lang, db=path))
    return EXIT_OK


def cmd_validate(args) -> int:
    from dashboard.impor.core import validate_files

    mapping = _mapping(args)
    if isinstance(mapping, int):
        return mapping
    reports = validate_files([Path(f) for f in args.files], Path(args.db), _kind(args.jenis), args.sheet, args.lang,
                             keep=_keep(args.semua), mapping=mapping)  # fmt: skip
    _print_mapping_notes(reports, args.lang)
    code = _print_reports(reports, args.lang, args.semua)
    return _save_recipe(args, mapping, reports, code)


def cmd_template(args) -> int:
    from dashboard.impor.templates import write_template

    out = write_template(_kind(args.kind), Path(args.output))
    print(out)
    return EXIT_OK


def cmd_build_sample(args) -> int:
    from dashboard.sampel.generator import build_sample

    start = time.perf_counter()

    def progress(frac: float, msg: str) -> None:
        print(f"[{frac * 100:5.1f}%] {msg}", flush=True)

    info = build_sample(Path(args.db), seed=args.seed, scale=args.scale, progress=progress)
    print(f"selesai dalam {time.perf_counter() - start:.1f} dtk: {args.db}")
    for key, value in info.items():
        print(f"  {key}: {value}")
    return EXIT_OK


class HelpFormatter(argparse.HelpFormatter):
    """Names each option by its first long spelling (the Indonesian flag); later long spellings are old English
    flags, still parsed but left out of help and usage."""

    def _format_action_invocation(self, action: argparse.Action) -> str:
        longs = [s for s in action.option_strings if s.startswith("--")]
        if len(longs) > 1:
            action = copy.copy(action)
            action.option_strings = [s for s in action.option_strings if not s.startswith("--") or s == longs[0]]
        return super()._format_action_invocation(action)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose subcommand parsers (made as this class) use :class:`HelpFormatter` too."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    from dashboard.impor.kinds import KINDS

    parser = Parser(prog="python -m dashboard", description="SPM Posyandu Kalsel")
    sub = parser.add_subparsers(dest="command", required=True)

    def db_arg(p):
        p.add_argument("--db", default=str(default_db_path()), help="warehouse file (default: $SPM_DB or data/spm.duckdb)")

    def lang_arg(p):
        p.add_argument(
            "--bahasa", "--lang", dest="lang", choices=LANGS, default="id", help="language of messages (id|en)"
        )

    for name, func, text in (("import", cmd_import, "load data files"), ("validate", cmd_validate, "check files only")):
        p = sub.add_parser(name, help=text)
        p.add_argument("files", nargs="+", metavar="FILE")
        db_arg(p)
        lang_arg(p)
        p.add_argument("--jenis", choices=list(KINDS), help="data kind (default: recognised from the headers)")
        p.add_argument(
            "--lembar", "--sheet", dest="sheet", metavar="LEMBAR", help="worksheet name (default: the first)"
        )
        p.add_argument("--semua", action="store_true", help="print every problem, not only the first 200")
        _mapping_args(p)
        if name == "import":
            p.add_argument("--pengguna", "--user", dest="user", metavar="PENGGUNA",
                           help="user name for the import log (default: $SPM_USER or login name)")  # fmt: skip
            p.add_argument("--campur-sampel", action="store_true",
                           help="load into a warehouse that holds the synthetic sample (demonstrations only; "
                                "every page then says the data are mixed)")  # fmt: skip
        p.set_defaults(func=func)

    p = sub.add_parser("init", help="create a warehouse with the reference data only, for one's own data")
    db_arg(p)
    lang_arg(p)
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("template", help="write a ready-to-fill .xlsx template")
    p.add_argument("kind", choices=list(KINDS))
    p.add_argument("-o", "--keluaran", "--output", dest="output", metavar="KELUARAN", required=True)
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("build-sample", help="build the synthetic sample warehouse")
    db_arg(p)
    p.add_argument("--benih", "--seed", dest="seed", metavar="BENIH", type=int, default=2026)
    p.add_argument("--skala", "--scale", dest="scale", choices=("provinsi", "nasional"), default="provinsi")
    p.set_defaults(func=cmd_build_sample)

    for extra in _extra_commands():
        extra(sub, db_arg, lang_arg)
    return parser


def _mapping_args(p) -> None:
    """Options that map a file of another layout onto the contract (README: Files as they come)."""
    g = p.add_argument_group("pemetaan (mapping a file of another layout)")
    g.add_argument("--periode", metavar="YYYY-MM", help="period of every row (the file has no period column)")
    g.add_argument("--indikator", metavar="KODE", help="indicator code of every row (the file is one indicator)")
    g.add_argument("--kolom", action="append", metavar="SUMBER=TUJUAN",
                   help="source column (header text or letter) -> contract column; with --lebar: value column -> "
                        "its meaning (indicator code, period, value column, 'abaikan'), e.g. 'K4=kes_ibu_hamil/terlayani'")  # fmt: skip
    g.add_argument("--lebar", action="store_true", help="wide layout: --kolom targets that are not contract columns "
                                                         "describe value columns")  # fmt: skip
    g.add_argument("--saring", action="append", metavar="KOLOM=NILAI", help="keep only rows with this value (repeatable)")
    g.add_argument("--lewati", action="append", metavar="BARIS|KOLOM=NILAI",
                   help="skip rows by number (5, 7-9) or by a column's value, e.g. 'Wilayah=JUMLAH' (repeatable)")  # fmt: skip
    g.add_argument("--blok", action="append", metavar="LABEL=ARTI",
                   help="blocks of rows: a row labelled LABEL gives the rows below it this meaning, e.g. 'SD/MI=pend_dikdas_7_15'")  # fmt: skip
    g.add_argument("--blok-kolom", metavar="KOLOM", help="the column holding the block labels (default: the area column)")
    g.add_argument("--ganti", action="append", metavar="KOLOM:NILAI=BARU", help="recode a column's value (repeatable)")
    g.add_argument("--baris-judul", metavar="N", help="header row as numbered in the spreadsheet (two rows: 3,4)")
    g.add_argument("--resep", metavar="NAMA", help="apply a saved recipe (data/resep/NAMA.toml, or a .toml path)")
    g.add_argument("--simpan-resep", metavar="NAMA", help="save this mapping as recipe NAMA once the files are accepted")


def _extra_commands():
    """Commands contributed by feature modules: each exposes ``add_command(sub, db_arg, lang_arg)``."""
    import importlib

    out = []
    for module in ("dashboard.akses.auth", "dashboard.akses.throttle", "dashboard.rakor.briefing", "dashboard.ekspor.parquet",
                   "dashboard.snapshot.command"):
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        if hasattr(mod, "add_command"):
            out.append(mod.add_command)
    return out


CREATES_WAREHOUSE = ("init", "build-sample")  # the only commands for which a missing --db path is not an error
NO_WAREHOUSE = ("hash-password", "template", "buka-kunci")  # commands that do not open the warehouse


def _usage_problem(args) -> str | None:
    """One line for what makes the command impossible before it starts: a folder given as FILE, a missing,
    folder or corrupt --db (the warehouse is opened read-only to check it)."""
    import duckdb

    from dashboard.core.i18n import t

    lang = getattr(args, "lang", "id")
    for name in getattr(args, "files", None) or []:
        if Path(name).is_dir():
            return t("ui.cli_folder", lang, path=name)
    db = getattr(args, "db", None)
    if not db or args.command in NO_WAREHOUSE:
        return None
    path = Path(db)
    if path.is_dir():
        return t("ui.cli_gudang_folder", lang, db=path)
    if args.command in CREATES_WAREHOUSE:
        return None
    if not path.exists():
        return t("ui.cli_gudang_tidak_ada", lang, db=path)
    from dashboard.core.warehouse import connect_readonly, meta

    try:
        con = connect_readonly(path)
        try:
            meta(con)
        finally:
            con.close()
    except duckdb.Error as err:
        return t("ui.cli_gudang_rusak", lang, db=path, detail=str(err).splitlines()[0][:160])
    return None


def main(argv: list[str] | None = None) -> int:
    import duckdb

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings()  # a settings file with an unknown key or a wrong type: one line, before anything is done
        problem = _usage_problem(args)
        if problem:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
        if args.command not in (*CREATES_WAREHOUSE, *NO_WAREHOUSE) and getattr(args, "db", None):
            from dashboard.core.warehouse import ensure_current

            ensure_current(Path(args.db))  # a warehouse built by an older version gets this version's marts
        return args.func(args)
    except SettingsError as err:
        print(err, file=sys.stderr)
        return EXIT_USAGE
    except duckdb.Error as err:  # a warehouse that cannot be opened or written: one line, never a traceback
        from dashboard.core.i18n import t

        print(t("ui.cli_gudang_rusak", getattr(args, "lang", "id"), db=getattr(args, "db", "?"),
                detail=str(err).splitlines()[0][:160]), file=sys.stderr)  # fmt: skip
        return EXIT_USAGE


if __name__ == "__main__":
    sys.exit(main())
