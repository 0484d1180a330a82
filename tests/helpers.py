"""Small helpers shared by tests: read a warehouse, fingerprint its contents, run the CLI."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import duckdb
import pandas as pd

from dashboard.cli import main

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")  # the Streamlit router, for AppTest
FACT_TABLES = ("fakta_capaian", "bencana", "dampak_bencana", "pemulihan", "anggaran", "biaya_satuan", "impor")


def read(db: Path, sql: str, params: dict | None = None) -> pd.DataFrame:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or {}).df()
    finally:
        con.close()


def fingerprint(db: Path) -> dict[str, tuple]:
    """Row count and an order-independent hash of every stored table: equal means the data are unchanged."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        for table in FACT_TABLES:
            out[table] = con.execute(
                "select count(*), coalesce(sum(hash(columns(*))), 0) from query_table($t)", {"t": table}
            ).fetchall()[0]
        return out
    finally:
        con.close()


def cli(*argv: str) -> tuple[int, str]:
    """Run `python -m dashboard ...` in-process; returns (exit code, stdout+stderr)."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    return code, buf.getvalue()


def open_page(page: str | None = None, **query):
    """The app in AppTest with ``query`` in the URL, first run done on ``page`` (a page file relative to dashboard/,
    e.g. "perencanaan/profil.py", or the slug of a page that is its feature's only one, e.g. "banjir"; the first run is that page, so it reads its URL keys from the query), else the overview."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in query.items():
        at.query_params[key] = value
    if page:
        at.switch_page(page if "/" in page else f"{page}/{page}.py")  # a slug: dashboard/<slug>/<slug>.py
    return at.run()


def run_app(**query):
    """The app in AppTest, first run done on the overview, with ``query`` in the URL."""
    return open_page(None, **query)


def ok(at):
    """``at`` after asserting that no exception was shown."""
    assert not at.exception, [e.value for e in at.exception]
    return at


def open_ok(page: str, **query):
    """:func:`open_page` of ``page``, asserting that it shows no exception."""
    return ok(open_page(page, **query))


def query_value(at, key: str) -> str | None:
    """The URL value of ``key`` after a run."""
    value = at.query_params.get(key)
    return value[0] if isinstance(value, list) else value
