"""Imported or user-supplied text is shown as plain text (issue 14, finding 5): no links, auto-links, images, HTML or
directives, on the flood page and in the upload page's captions."""

from __future__ import annotations

import shutil

import pytest

from dashboard.core.markdown import escape
from dashboard.impor.core import import_files
from tests import helpers


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("[klik](http://evil.example/x)", r"\[klik\]\(http\://evil.example/x\)"),
        ("![i](http://e/x.png)", r"\!\[i\]\(http\://e/x.png\)"),
        ("lihat http://evil.example dan www.evil.example", r"lihat http\://evil.example dan www\.evil.example"),
        ("surel a@b.example", r"surel a\@b.example"),
        ("<img src=x onerror=alert(1)>", r"\<img src=x onerror=alert\(1\)\>"),
        (":red[merah] :material/home: **tebal**", r"\:red\[merah\] \:material/home\: \*\*tebal\*\*"),
        ("# judul\n- butir", r"\# judul - butir"),
        ("1. satu", r"1\. satu"),
        ("Banjir 1.500 KK, 87,5% (desa/kelurahan)", r"Banjir 1.500 KK, 87,5% \(desa/kelurahan\)"),
    ],
)
def test_escape(raw, shown):
    assert escape(raw) == shown


HOSTILE_EVENT = (
    "kode_bencana,nama,jenis,tanggal_mulai,tanggal_selesai,status,keterangan\n"
    'TST-2025-12,"[klik](http://evil.example) Banjir",banjir,2025-12-20,10/01/2026,pemulihan,"lihat www.evil.example ![x](http://e/p.png)"\n'
)


def test_flood_event_name_and_note_are_plain_text(flood_db, tmp_path, monkeypatch):
    from dashboard.core.settings import settings

    db = tmp_path / "spm.duckdb"
    shutil.copyfile(flood_db, db)
    path = tmp_path / "kejadian.csv"
    path.write_text(HOSTILE_EVENT, encoding="utf-8")
    assert import_files([path], db)[0].loaded
    monkeypatch.setenv("SPM_DB", str(db))
    settings.cache_clear()
    try:
        at = helpers.open_page("banjir/banjir.py", bencana="TST-2025-12")
    finally:
        settings.cache_clear()
    assert not at.exception
    shown = "\n".join([c.value for c in at.caption] + [i.value for i in at.info] + [m.value for m in at.markdown])
    assert r"\[klik\]\(http\://evil.example\) Banjir" in shown
    assert r"lihat www\.evil.example \!\[x\]\(http\://e/p.png\)" in shown
    assert "[klik](" not in shown and "](http" not in shown.replace(r"\](", "") and "www.evil" not in shown
