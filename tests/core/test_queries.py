"""Drift checks on queries/: every statement has a header naming it, is used, and SQL stays out of Python."""

from __future__ import annotations

import re
from pathlib import Path

from dashboard.core.warehouse import _query_index

ROOT = Path(__file__).resolve().parents[2]
PY_SOURCES = [p for folder in ("dashboard", "tests", "bench") for p in (ROOT / folder).rglob("*.py")]
FOLDERS_RUN_BY_PATTERN = {"schema", "marts"}  # run in file order, not by name


CREATED = re.compile(r"create (?:or replace )?(?:temp )?(?:table|view|macro)(?: if not exists)? (\w+)", re.IGNORECASE)


def test_every_query_has_a_header_naming_it():
    for name, path in _query_index().items():
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0]
        if path.parent.name in FOLDERS_RUN_BY_PATTERN:
            name = CREATED.search(text).group(1)  # schema and marts are named for the object they create
        assert re.match(rf"-- {name}( \(.*?\))?: \S", first), f"{path}: first line must be '-- {name}: ...'"


def test_every_named_query_is_used():
    code = "\n".join(p.read_text(encoding="utf-8") for p in PY_SOURCES)
    kinds = (ROOT / "dashboard" / "impor" / "kinds.py").read_text(encoding="utf-8")
    unused = [
        name
        for name, path in _query_index().items()
        if path.parent.name not in FOLDERS_RUN_BY_PATTERN and f'"{name}"' not in code and f'"{name}"' not in kinds
    ]
    assert not unused, unused


def test_no_sql_built_in_python():
    pattern = re.compile(r"""f["'](select|with|insert|delete|update|create)\b""", re.IGNORECASE)
    offenders = [str(p) for p in (ROOT / "dashboard").rglob("*.py") if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders


def test_only_the_warehouse_module_connects():
    offenders = [
        str(p)
        for p in (ROOT / "dashboard").rglob("*.py")
        if "duckdb.connect(" in p.read_text(encoding="utf-8") and p.name != "warehouse.py"
    ]
    assert not offenders, offenders
