"""CLI edge cases (issue 14, findings 8 and 9): folders, corrupt and missing warehouses are one-line usage errors
(exit 2); --semua prints every problem and the count of unshown problems is right."""

from __future__ import annotations

from tests.helpers import cli

HEADER = "periode,kode_wilayah,kode_indikator,sasaran,terlayani"


def one_line(out: str) -> str:
    assert out.count("\n") == 1 and "Traceback" not in out, out
    return out.strip()


def test_a_folder_given_as_file(fixture_db, tmp_path):
    for command in ("validate", "import"):
        code, out = cli(command, tmp_path, "--db", fixture_db)
        assert code == 2
        assert one_line(out) == f"{tmp_path} adalah folder, bukan berkas: sebutkan berkas di dalamnya (mis. {tmp_path}/data.xlsx)."


def test_a_corrupt_warehouse(tmp_path):
    db = tmp_path / "rusak.duckdb"
    db.write_bytes(b"bukan duckdb" * 1000)
    f = tmp_path / "a.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    for command in ("validate", "import"):
        code, out = cli(command, f, "--db", db)
        assert code == 2
        assert one_line(out).startswith(f"{db} tidak dapat dibuka sebagai gudang data DuckDB (")
    assert db.read_bytes() == b"bukan duckdb" * 1000


def test_a_missing_warehouse_is_an_error_except_for_commands_that_create_one(tmp_path):
    db = tmp_path / "salah_ketik.duckdb"
    f = tmp_path / "a.csv"
    f.write_text(HEADER + "\n2026-04,63.03,kes_balita,100,77\n", encoding="utf-8")
    code, out = cli("import", f, "--db", db)
    assert code == 2 and not db.exists()
    assert one_line(out) == (f"Gudang data {db} tidak ada (periksa --db atau SPM_DB). Untuk gudang baru: "
                             f"python -m dashboard init --db {db}")  # fmt: skip
    assert cli("import", f, "--db", db, "--bahasa", "en")[1].startswith(f"The warehouse {db} does not exist")
    assert cli("init", "--db", db)[0] == 0
    assert cli("import", f, "--db", db)[0] == 0
    code, out = cli("import", f, "--db", tmp_path)
    assert code == 2 and one_line(out).startswith(f"--db {tmp_path} adalah folder")


def test_all_problems_with_semua_and_the_right_count_without(fixture_db, tmp_path):
    f = tmp_path / "banyak.csv"
    f.write_text(HEADER + "\n" + "2026-13,63.03,kes_balita,100,77\n" * 10_050, encoding="utf-8")
    code, out = cli("validate", f, "--db", fixture_db)
    lines = out.splitlines()
    assert code == 1 and len(lines) == 202
    assert lines[200] == "... (+9850; --semua)"
    code, out = cli("validate", f, "--db", fixture_db, "--semua")
    lines = out.splitlines()
    assert code == 1 and len(lines) == 10_051
    assert lines[-2].startswith("banyak.csv: baris 10051, kolom periode") and "--semua" not in out
