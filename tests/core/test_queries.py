"""Drift checks on queries/: every statement has a header naming it, is used, and SQL stays out of Python."""

from __future__ import annotations

import ast
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


APP_SOURCES = [p for folder in ("dashboard", "bench") for p in (ROOT / folder).rglob("*.py")]
SQL_TEXT = re.compile(  # a statement (or a clause of one) in a piece of text
    r"\b(select\b[\s\S]*\bfrom|insert\s+(or\s+\w+\s+)?into|delete\s+from|update\s+\w+\s+set"
    r"|create\s+(or\s+replace\s+)?(temp\s+|temporary\s+)?(table|view|macro)|drop\s+(table|view|macro)"
    r"|alter\s+table|copy\s*\(|attach\s+\S+\s+as|where\s+\w+\s*(=|<|>|in\b|is\b|like\b)|group\s+by|order\s+by)\b",
    re.IGNORECASE,
)


def _text_of(node: ast.AST) -> str:
    """The literal text in an expression (the string constants in it, a placeholder for each value)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_text_of(v) if isinstance(v, ast.Constant) else " x " for v in node.values)
    if isinstance(node, ast.BinOp):
        return _text_of(node.left) + " x " + _text_of(node.right)
    if isinstance(node, ast.List | ast.Tuple):
        return " x ".join(_text_of(e) for e in node.elts)
    return " x "


def _is_named_query(node: ast.AST) -> bool:
    """`sql(...)` / `warehouse.sql(...)`: the text of a named query."""
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "sql"


def _built_sql(tree: ast.AST) -> list[int]:
    """Lines where SQL text is assembled in Python: f-string, `+`, `%`, `.format` or `.join` with SQL in it, a
    named query's text pasted into something else, or a statement written out in Python and executed."""
    lines = []
    for node in ast.walk(tree):
        pieces: list[ast.AST] = []
        if isinstance(node, ast.JoinedStr):
            pieces = [node]
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
            pieces = [node.left, node.right]
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join")
        ):
            pieces = [node.func.value, *node.args]
        if any(_is_named_query(p) for p in pieces) or SQL_TEXT.search(" ".join(_text_of(p) for p in pieces)):
            lines.append(node.lineno)
        elif (
            isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("execute", "executemany") and node.args
            and isinstance(node.args[0], ast.Constant | ast.JoinedStr | ast.BinOp)
        ):  # fmt: skip
            lines.append(node.lineno)  # a statement written out in Python and run directly
    return sorted(set(lines))


def test_no_sql_built_in_python():
    pattern = re.compile(r"""f["'](select|with|insert|delete|update|create)\b""", re.IGNORECASE)
    offenders = [str(p) for p in APP_SOURCES if pattern.search(p.read_text(encoding="utf-8"))]
    assert not offenders, offenders
    built = {
        str(p.relative_to(ROOT)): lines
        for p in APP_SOURCES
        if (lines := _built_sql(ast.parse(p.read_text(encoding="utf-8"))))
    }
    assert not built, f"SQL assembled in Python (put it in queries/ and run it by name): {built}"


def test_the_sql_drift_check_catches_assembled_statements():
    caught = [
        'con.execute("create temp table tahap as " + sql(kind.stage_query))',
        'con.execute("select * from " + tabel)',
        'con.execute("delete from %s where id = 1" % tabel)',
        'con.execute("insert into {} values (1)".format(tabel))',
        'con.execute(" ".join(["select a", "from t"]))',
        'con.execute(f"update {tabel} set a = 1")',
        'con.execute(sql("stg_capaian") + " limit 5")',
        'con.execute("select a from t where kode = \'" + kode + "\'")',
        'con.execute("checkpoint")',
    ]
    for code in caught:
        assert _built_sql(ast.parse(code)), code
    for code in (
        'print("selected " + name)',
        'label = ", ".join(names)',
        'msg = "order %s" % n',
        'execute(con, "stg_capaian")',
        'con.execute(sql("meta_all"))',
    ):
        assert not _built_sql(ast.parse(code)), code


def test_only_the_warehouse_module_connects():
    offenders = [
        str(p)
        for p in (ROOT / "dashboard").rglob("*.py")
        if "duckdb.connect(" in p.read_text(encoding="utf-8") and p.name != "warehouse.py"
    ]
    assert not offenders, offenders
