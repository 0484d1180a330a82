"""`python -m dashboard`: flags are Indonesian; the English flags of earlier versions still work but are not shown."""

from __future__ import annotations

import pytest

from dashboard.cli import build_parser
from tests.helpers import cli

# (command, the same arguments with the Indonesian flags, with the old English flags)
SAME = [
    ("import", ["f.csv", "--bahasa", "en", "--lembar", "Data", "--pengguna", "op"],
     ["f.csv", "--lang", "en", "--sheet", "Data", "--user", "op"]),
    ("validate", ["f.csv", "--bahasa", "en", "--lembar", "Data"], ["f.csv", "--lang", "en", "--sheet", "Data"]),
    ("init", ["--bahasa", "en"], ["--lang", "en"]),
    ("template", ["capaian", "--keluaran", "t.xlsx"], ["capaian", "--output", "t.xlsx"]),
    ("build-sample", ["--benih", "7", "--skala", "nasional"], ["--seed", "7", "--scale", "nasional"]),
    ("briefing", ["--keluaran", "r.pptx", "--bahasa", "en"], ["--out", "r.pptx", "--lang", "en"]),
    ("hash-password", ["--bahasa", "en"], ["--lang", "en"]),
    ("export-parquet", ["--keluaran", "dir", "--ganti", "--bahasa", "en"], ["--out", "dir", "--replace", "--lang", "en"]),
    ("snapshot", ["--kab", "63.03", "--png", "s.png", "--bahasa", "en"], ["--kab", "63.03", "--png", "s.png", "--lang", "en"]),
]  # fmt: skip
OLD = ("--lang", "--sheet", "--user", "--output", "--seed", "--scale", "--out", "--replace")
NEW = {
    "import": ("--bahasa", "--lembar", "--pengguna", "--jenis", "--semua", "--campur-sampel", "--db"),
    "init": ("--bahasa", "--db"),
    "validate": ("--bahasa", "--lembar", "--jenis", "--semua", "--db"),
    "template": ("-o KELUARAN, --keluaran KELUARAN",),
    "build-sample": ("--benih", "--skala", "--db"),
    "briefing": ("--keluaran", "--pdf", "--kab", "--periode", "--bahasa", "--db"),
    "hash-password": ("--bahasa", "--pengguna", "--peran", "--kabkota", "--nama"),
    "export-parquet": ("--keluaran", "--ganti", "--bahasa", "--db"),
    "snapshot": ("--kab", "--periode", "--banjir", "--png", "--html", "--bahasa", "--db"),
}


@pytest.mark.parametrize(("command", "new", "old"), SAME, ids=[c for c, _, _ in SAME])
def test_old_english_flags_parse_as_the_indonesian_ones(command, new, old):
    parser = build_parser()
    assert vars(parser.parse_args([command, *old])) == vars(parser.parse_args([command, *new]))


@pytest.mark.parametrize("command", list(NEW))
def test_help_shows_only_the_indonesian_flags(command):
    code, text = cli(command, "--help")
    assert code == 0
    for flag in NEW[command]:
        assert flag in text, (command, flag)
    assert not [flag for flag in OLD if flag in text], text


def test_an_old_flag_still_runs_the_command(tmp_path):
    out = tmp_path / "templat.xlsx"
    code, text = cli("template", "capaian", "--output", out)
    assert code == 0, text
    assert out.exists()
