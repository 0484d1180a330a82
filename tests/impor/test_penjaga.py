"""The reader's guard (issue 14, findings 1, 2, 9): hostile or mislabelled files are refused before they are read,
with a message that says what to do; the process survives; the warehouse is not copied for a rejected file."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.core.settings import settings
from dashboard.impor import penjaga
from dashboard.impor.reader import FileProblem
from tests.fixtures import jahat
from tests.helpers import cli, fingerprint

ROOT = Path(__file__).resolve().parents[2]
GUARD_MEMORY_MB = 300  # address-space cap for the subprocess that validates a hostile file (documented in README)


def run_capped(*args: str) -> subprocess.CompletedProcess:
    """``python -m dashboard ARGS`` in a child whose memory is capped: a reader that allocates for a hostile file
    dies there instead of in the test process."""
    code = (
        "import resource, sys\n"
        "from dashboard.cli import main\n"
        "resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[1]) * 2**20, int(sys.argv[1]) * 2**20))\n"
        "sys.exit(main(sys.argv[2:]))\n"
    )
    limit = str(GUARD_MEMORY_MB + 900)  # python + duckdb + pandas + calamine loaded take ~900 MB of address space
    return subprocess.run([sys.executable, "-c", code, limit, *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def refusal(path: Path, sheet: str | None = None) -> FileProblem:
    with pytest.raises(FileProblem) as info:
        penjaga.check(path, sheet)
    return info.value


@pytest.mark.parametrize("builder", [jahat.far_corner_xlsx, jahat.far_corner_undeclared_xlsx])
def test_a_tiny_xlsx_reaching_the_far_corner_is_refused_not_fatal(fixture_db, tmp_path, builder):
    path = builder(tmp_path / "sudut.xlsx")
    assert path.stat().st_size < 2000
    before = fingerprint(fixture_db)
    done = run_capped("validate", path, "--db", fixture_db)
    assert done.returncode == 1, (done.returncode, done.stderr[-500:])
    assert "1048576" in done.stdout and "batas 500000 ([impor] batas_baris); berkas ini tidak dibaca" in done.stdout
    assert "Traceback" not in done.stdout + done.stderr
    assert fingerprint(fixture_db) == before


def test_declared_dimension_names_the_area(tmp_path):
    problem = refusal(jahat.declared_only_xlsx(tmp_path / "dim.xlsx"))
    assert (problem.code, problem.info) == ("dimensi_baris", {"nilai": 1048576, "batas": 500000, "dimensi": "A1:XFD1048576"})


def test_zip_bomb_is_refused_from_its_directory(tmp_path):
    path = jahat.zip_bomb_xlsx(tmp_path / "bom.xlsx", unpacked_mb=301)
    assert path.stat().st_size < 1024 * 1024
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    problem = refusal(path)
    assert problem.code == "melebihi_terurai" and problem.info == {"terurai": "301.0", "batas": 300}
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert grown_mb < 50  # nothing was unpacked


def test_zip_bomb_through_the_cli_in_a_capped_process(fixture_db, tmp_path):
    path = jahat.zip_bomb_xlsx(tmp_path / "bom.xlsx", unpacked_mb=301)
    done = run_capped("import", path, "--db", fixture_db)
    assert done.returncode == 1, done.stderr[-500:]
    assert "isi berkas setelah diurai 301.0 MB melebihi batas 300 MB" in done.stdout


def test_compression_ratio_and_parts(tmp_path, monkeypatch):
    problem = refusal(jahat.zip_bomb_xlsx(tmp_path / "rasio.xlsx", unpacked_mb=20))
    assert problem.code == "melebihi_rasio" and problem.info["batas"] == 500 and problem.info["nilai"] > 500
    problem = refusal(jahat.many_parts_xlsx(tmp_path / "bagian.xlsx", 2001))
    assert (problem.code, problem.info) == ("melebihi_bagian", {"nilai": 2006, "batas": 2000})


def test_csv_limits_rows_and_columns(tmp_path, monkeypatch):
    from dashboard.core.settings import Impor

    small = Impor(**{**settings().impor.__dict__, "batas_baris": 10, "batas_kolom": 4, "batas_sel": 30})
    monkeypatch.setattr(penjaga, "limits", lambda: small)
    path = tmp_path / "panjang.csv"
    path.write_text("a,b\n" + "1,2\n" * 11)
    assert refusal(path).code == "melebihi_baris"
    path = tmp_path / "lebar.csv"
    path.write_text("a,b,c,d,e\n1,2,3,4,5\n")
    assert (refusal(path).code, refusal(path).info) == ("melebihi_kolom", {"nilai": 5, "batas": 4})
    path = tmp_path / "sel.csv"
    path.write_text("a,b,c,d\n" + "1,2,3,4\n" * 8)
    assert (refusal(path).code, refusal(path).info) == ("melebihi_sel", {"nilai": 36, "batas": 30})
    path = tmp_path / "ok.csv"
    path.write_text("a,b\n1,2\n")
    penjaga.check(path)


def test_file_size_limit(tmp_path, monkeypatch):
    from dashboard.core.settings import Impor

    small = Impor(**{**settings().impor.__dict__, "batas_berkas_mb": 1})
    monkeypatch.setattr(penjaga, "limits", lambda: small)
    path = tmp_path / "besar.csv"
    path.write_bytes(b"a,b\n" + b"1,2\n" * 300_000)
    assert (refusal(path).code, refusal(path).info) == ("melebihi_ukuran", {"ukuran": "1.1", "batas": 1})


@pytest.mark.parametrize(
    "builder, name, expected",
    [
        (jahat.html_as_xls, "portal.xls", "sebenarnya halaman web (HTML/XML), bukan buku kerja Excel: buka di Excel lalu Simpan Sebagai"),
        (jahat.csv_as_xlsx, "data.xlsx", "sebenarnya teks (CSV), bukan buku kerja Excel: ganti ekstensinya menjadi .csv"),
        (jahat.utf16_csv, "data.csv", "teks UTF-16 (Unicode Text dari Excel): simpan ulang dari Excel sebagai 'CSV UTF-8"),
    ],
)
def test_mislabelled_files_say_what_to_do(fixture_db, tmp_path, builder, name, expected):
    path = builder(tmp_path / name)
    code, out = cli("validate", path, "--db", fixture_db)
    assert code == 1 and expected in out, out
    assert "Traceback" not in out and "CalamineError" not in out and "bukan teks CSV" not in out


def test_formulas_without_saved_values(fixture_db, tmp_path):
    rows = [["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"],
            ["2026-03", "63.03", "kes_balita", 10, "=D2/2"], ["2026-03", "63.04", "kes_balita", 10, "=D3/2"]]  # fmt: skip
    path = jahat.formulas_without_values_xlsx(tmp_path / "rumus.xlsx", rows)
    code, out = cli("validate", path, "--db", fixture_db)
    assert code == 1
    assert ("rumus.xlsx: berkas berisi 2 sel rumus tanpa nilai tersimpan (dibuat oleh program, belum pernah dibuka di "
            "Excel), yang akan terbaca kosong: buka dan simpan berkas di Excel, atau salin lalu Tempel Nilai") in out


def test_a_folder_given_as_file(fixture_db, tmp_path):
    from dashboard.impor.core import validate_files

    (report,) = validate_files([tmp_path], fixture_db)
    assert report.messages() == [f"{tmp_path.name}: ini folder, bukan berkas; sebutkan berkas di dalamnya (mis. folder/data.xlsx)"]


def test_ordinary_templates_pass_the_guard(tmp_path):
    from dashboard.impor.kinds import KINDS
    from dashboard.impor.templates import template_bytes

    for key, kind in KINDS.items():
        path = tmp_path / f"{key}.xlsx"
        path.write_bytes(template_bytes(kind))
        penjaga.check(path)


def test_data_on_another_sheet_names_the_sheets_and_the_option(fixture_db, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title = "Petunjuk"
    wb.active.append(["Isi lembar Data, lalu kirim"])
    data = wb.create_sheet("Data Maret")
    data.append(["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"])
    data.append(["2026-03", "63.03", "kes_balita", 10, 5])
    path = tmp_path / "lembar.xlsx"
    wb.save(path)
    code, out = cli("validate", path, "--db", fixture_db)
    assert code == 1
    assert ("lembar.xlsx: lembar pertama 'Petunjuk' tidak berisi tabel data; data mungkin ada di lembar: 'Data Maret'. "
            "Pilih lembarnya (CLI: --lembar NAMA) atau pindahkan lembar data ke depan") in out
    assert cli("validate", path, "--db", fixture_db, "--lembar", "Data Maret")[0] == 0


def test_hidden_rows_are_loaded_with_a_note(writable_db, tmp_path):
    rows = [["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"],
            ["2026-04", "63.03", "kes_balita", 10, 5], ["2026-04", "63.04", "kes_balita", 10, 6],
            ["2026-04", "63.05", "kes_balita", 10, 7]]  # fmt: skip
    path = jahat.hidden_rows_xlsx(tmp_path / "sembunyi.xlsx", rows, hidden=[3, 4])
    code, out = cli("import", path, "--db", writable_db)
    assert code == 0
    assert ("sembunyi.xlsx: 2 baris yang disembunyikan di Excel ikut diperiksa dan dimuat (baris 3, 4); bila baris itu "
            "tidak dimaksudkan, hapus lalu unggah ulang") in out
    assert "3 baris diterima" in out


def test_the_same_column_twice_is_refused_naming_both(fixture_db, tmp_path):
    path = tmp_path / "ganda.csv"
    path.write_text("periode,kode_wilayah,kode_indikator,sasaran,terlayani,Sasaran (jiwa)\n"
                    "2026-03,63.03,kes_balita,10,5,12\n", encoding="utf-8")  # fmt: skip
    code, out = cli("validate", path, "--db", fixture_db)
    assert code == 1
    assert ("ganda.csv: kolom sasaran ada dua kali: 'sasaran' (kolom D) dan 'Sasaran (jiwa)' (kolom F); hapus atau "
            "ganti nama salah satunya") in out


def test_empty_formatted_rows_do_not_count_as_extent(tmp_path):
    assert penjaga.check(jahat.formatted_empty_rows_xlsx(tmp_path / "format.xlsx", 600_000)) == ()
