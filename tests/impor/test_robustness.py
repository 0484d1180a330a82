"""Robustness: the importer never crashes on hostile input, rejections change nothing, readers never see a
half-loaded warehouse."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.core import warehouse
from dashboard.impor.kinds import KINDS
from dashboard.impor.templates import template_bytes
from tests.helpers import cli, fingerprint

ROOT = Path(__file__).resolve().parents[2]
COLUMNS = ["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani", "capaian_persen", "nama_wilayah"]
TRICKY = [
    "", " ", "0", "-0", "1", "1.234", "1,5", "1e9", "99999999999999999999", "-5", "NaN", "inf", "∞", "٣", "１２",
    "2026-03", "2026-13", "2026-02-30", "0000-00", "63.03", "6303", "63.99", "63.03.01.2001", "63.1",
    "kes_balita", "KES_BALITA", "x" * 300, "=1+1", "+cmd", "@SUM(A1)", "-2+3", "<script>alert(1)</script>",
    "'; drop table fakta_capaian; --", "Banjar Baru", "Kota Baru", "Hulu Sungai", "\u200b", "\x00", "Désa Ünïcødé 🌊",
    "1\n2", '"', "1 234", "87,5 %", "TRUE",
]  # fmt: skip
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def exit_code_is_clean(args) -> tuple[int, str]:
    code, out = cli(*args)
    assert code in (0, 1), out
    assert "Traceback" not in out
    return code, out


@SETTINGS
@given(data=st.binary(min_size=0, max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_random_bytes(fixture_db, tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("acak") / ("acak" + suffix)
    path.write_bytes(data)
    code, out = exit_code_is_clean(["validate", path, "--db", fixture_db])
    assert code == 1 or "valid" in out


@SETTINGS
@given(
    header=st.lists(st.sampled_from(COLUMNS + ["", "kolom aneh", "Sasaran (jiwa)"]), min_size=1, max_size=8),
    rows=st.lists(st.lists(st.sampled_from(TRICKY), min_size=0, max_size=9), min_size=0, max_size=12),
    sep=st.sampled_from([",", ";"]),
    blank_lines=st.booleans(),
)
def test_random_tables_csv(fixture_db, tmp_path_factory, header, rows, sep, blank_lines):
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep)
    w.writerow(header)
    for r in rows:
        w.writerow([c.replace("\x00", "") for c in r])
        if blank_lines:
            w.writerow([])
    path = tmp_path_factory.mktemp("tabel") / "tabel.csv"
    path.write_text(buf.getvalue(), encoding="utf-8")
    exit_code_is_clean(["validate", path, "--db", fixture_db])


@SETTINGS
@given(
    rows=st.lists(st.lists(st.one_of(st.sampled_from(TRICKY), st.integers(-10**20, 10**20), st.floats(allow_nan=True), st.none()), min_size=5, max_size=7), min_size=1, max_size=8),
    title_rows=st.integers(0, 3),
    empty_cols=st.booleans(),
)
def test_random_tables_xlsx(fixture_db, tmp_path_factory, rows, title_rows, empty_cols):
    wb = openpyxl.Workbook()
    ws = wb.active
    for i in range(title_rows):
        ws.append([f"Judul {i}"])
    ws.append((["", ""] if empty_cols else []) + COLUMNS[:5])
    for r in rows:
        cells = [c.replace("\x00", "") if isinstance(c, str) else c for c in r]
        cells = [c[:300] if isinstance(c, str) else c for c in cells]
        try:
            ws.append((["", ""] if empty_cols else []) + cells)
        except (ValueError, openpyxl.utils.exceptions.IllegalCharacterError):
            continue
    path = tmp_path_factory.mktemp("xlsx") / "data.xlsx"
    wb.save(path)
    exit_code_is_clean(["validate", path, "--db", fixture_db])


@pytest.mark.parametrize("cut", [0, 10, 100, 1000, 5000, -200])
def test_truncated_xlsx(fixture_db, tmp_path, cut):
    data = template_bytes(KINDS["capaian"])
    path = tmp_path / "potong.xlsx"
    path.write_bytes(data[:cut] if cut >= 0 else data[:cut])
    code, out = exit_code_is_clean(["validate", path, "--db", fixture_db])
    assert code == 1


def test_wrong_sheet(fixture_db, tmp_path):
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_bytes(KINDS["capaian"]))
    code, out = exit_code_is_clean(["validate", path, "--lembar", "Tidak Ada", "--db", fixture_db])
    assert code == 1 and "sheet 'Tidak Ada' tidak ada" in out


@SETTINGS
@given(rows=st.lists(st.tuples(st.sampled_from(TRICKY), st.sampled_from(TRICKY), st.sampled_from(TRICKY)), min_size=1, max_size=5))
def test_rejected_imports_leave_the_warehouse_unchanged(fixture_db, tmp_path_factory, rows):
    folder = tmp_path_factory.mktemp("ubah")
    db = folder / "spm.duckdb"
    db.write_bytes(fixture_db.read_bytes())
    before = fingerprint(db)
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    lines += [f"2026-04,63.03,kes_balita,{s.replace(',', ';')},{t.replace(',', ';')}" for s, t, _ in rows]
    path = folder / "f.csv"
    path.write_text("\n".join(x.replace("\x00", "") for x in lines) + "\n", encoding="utf-8")
    code, _ = exit_code_is_clean(["import", path, "--db", db])
    if code == 1:
        assert fingerprint(db) == before


def test_twenty_readers_never_see_a_half_loaded_file(writable_db, tmp_path):
    marker = "2030-01"
    n_rows = 0
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    for desa in ("63.03.01.2001", "63.03.01.2002", "63.03.02.1001", "63.71.01.1001", "63.11.01.2001"):
        for ind in ("kes_skdn_d_per_s", "pu_kk_air_layak", "pu_kk_jamban_sehat", "pr_rtlh_tertangani"):
            lines.append(f"{marker},{desa},{ind},100,50")
            n_rows += 1
    path = tmp_path / "tanda.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    errors: list[str] = []
    seen: set[tuple[int, int]] = set()
    stop = threading.Event()

    def reader():
        while not stop.is_set():
            try:
                con = warehouse.connect_readonly(writable_db)
                cur = warehouse.cursor(con)
                facts = cur.execute("select count(*) from fakta_capaian where periode = '2030-01-01'").fetchall()[0][0]
                prov = cur.execute(
                    "select coalesce(sum(sasaran), 0) from mart_capaian where periode = '2030-01-01' and tingkat = 'provinsi'"
                ).fetchall()[0][0]
                seen.add((facts, prov))
                cur.close()
                con.close()
            except Exception as exc:  # any error is a failure
                errors.append(repr(exc))

    threads = [threading.Thread(target=reader) for _ in range(20)]
    for th in threads:
        th.start()
    time.sleep(0.5)
    proc = subprocess.run([sys.executable, "-m", "dashboard", "import", str(path), "--db", str(writable_db)], cwd=ROOT, capture_output=True, text=True)
    time.sleep(0.5)
    stop.set()
    for th in threads:
        th.join()
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert not errors, errors[:3]
    assert seen <= {(0, 0), (n_rows, n_rows * 100)}, seen
    assert (n_rows, n_rows * 100) in seen and (0, 0) in seen
