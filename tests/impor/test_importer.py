"""The import contract: every accepted variant loads, every rejection exits 1 with row-level messages and
leaves the warehouse unchanged."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pandas as pd
import pytest

from dashboard.impor.kinds import KINDS
from dashboard.impor.templates import write_template
from tests.helpers import cli, fingerprint, read

HEADER = "periode,kode_wilayah,kode_indikator,sasaran,terlayani"


def write(tmp_path, name, text, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def value(db, periode, wilayah, indikator):
    df = read(
        db,
        "select sasaran, terlayani, capaian_dilaporkan from fakta_capaian where periode = $p and kode_wilayah = $w and kode_indikator = $i",
        {"p": periode, "w": wilayah, "i": indikator},
    )
    assert len(df) == 1, df
    return tuple(df.iloc[0])


# --- accepted variants ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name,text,encoding",
    [
        ("koma.csv", HEADER + "\n2026-04,63.03,kes_balita,40000,12000\n", "utf-8"),
        ("titikkoma.csv", HEADER.replace(",", ";") + "\n2026-04;63.03;kes_balita;40.000;12.000\n", "utf-8"),
        ("bom.csv", HEADER + "\r\n2026-04,63.03,kes_balita,40000,12000\r\n", "utf-8-sig"),
        (
            "judul.csv",
            "Laporan Dinkes;;;;\nTriwulan II;;;;\n\n"
            + HEADER.replace(",", ";")
            + "\n2026-04;63.03;kes_balita;40000;12000\n",
            "utf-8",
        ),
        (
            "header_bebas.csv",
            "Periode,Kode Wilayah,KODE_INDIKATOR, Sasaran ,terlayani\n2026-04-01,6303,Kes_Balita,40000,12000\n",
            "utf-8",
        ),
        (
            "nama.csv",
            'periode,nama_wilayah,kode_indikator,sasaran,terlayani\n2026-04,Kab. Banjar,kes_balita,"40.000","12.000"\n',
            "utf-8",
        ),
    ],
)
def test_csv_variants_load(writable_db, tmp_path, name, text, encoding):
    code, out = cli("import", write(tmp_path, name, text, encoding), "--db", writable_db)
    assert code == 0, out
    assert value(writable_db, "2026-04-01", "63.03", "kes_balita")[:2] == (40000, 12000)


@pytest.mark.parametrize(
    "written,kode",
    [
        ("Banjar Baru", "63.72"),
        ("Kota Baru", "63.02"),
        ("KOTA BANJARBARU", "63.72"),
        ("Kab. Hulu Sungai Tengah", "63.07"),
        ("HSU", "63.08"),
        ("Tanah Bumbuh", "63.10"),
    ],
)
def test_name_variants(writable_db, tmp_path, written, kode):
    f = write(
        tmp_path,
        "n.csv",
        f"periode,nama_wilayah,kode_indikator,sasaran,terlayani\n2026-04,{written},kes_balita,100,50\n",
    )
    code, out = cli("import", f, "--db", writable_db)
    assert code == 0, out
    assert value(writable_db, "2026-04-01", kode, "kes_balita")[:2] == (100, 50)


def test_dotless_desa_code_and_percentage_with_decimal_comma(writable_db, tmp_path):
    f = write(
        tmp_path,
        "p.csv",
        "periode;kode_wilayah;kode_indikator;sasaran;capaian_persen\n2026-04;6303012001;kes_skdn_d_per_s;200;87,5\n2026-04;63.05;pu_air_minum;;91,25 %\n",
    )
    code, out = cli("import", f, "--db", writable_db)
    assert code == 0, out
    assert value(writable_db, "2026-04-01", "63.03.01.2001", "kes_skdn_d_per_s") == (200, 175, 87.5)
    s, t, pct = value(writable_db, "2026-04-01", "63.05", "pu_air_minum")
    assert pct == 91.25 and pd.isna(s) and pd.isna(t)


def test_xlsx_title_rows_date_cells_and_float_numbers(writable_db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["REKAP CAPAIAN SPM KESEHATAN"])
    ws.append(["Kabupaten Banjar"])
    ws.append([])
    ws.append(["Periode", "Kode Wilayah", "Kode Indikator", "Sasaran", "Terlayani"])
    ws.append([dt.date(2026, 4, 1), "63.03", "kes_balita", 40000, 12000.0])
    ws.append([None, None, None, None, None])
    ws.append([dt.datetime(2026, 4, 1), "63.71", "kes_balita", "50.000", "45.500"])
    path = tmp_path / "rekap.xlsx"
    wb.save(path)
    code, out = cli("import", path, "--db", writable_db)
    assert code == 0, out
    assert value(writable_db, "2026-04-01", "63.03", "kes_balita")[:2] == (40000, 12000)
    assert value(writable_db, "2026-04-01", "63.71", "kes_balita")[:2] == (50000, 45500)


def test_xlsx_sheet_option_and_excel_row_numbers(writable_db, tmp_path):
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["lembar ini bukan data"])
    ws = wb.create_sheet("Data Q2")
    ws.append(["Judul laporan"])
    ws.append(["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"])
    ws.append(["2026-04", "63.03", "kes_balita", 100, 50])
    ws.append(["2026-04", "63.03", "kes_balita", 100, -1])
    path = tmp_path / "dua.xlsx"
    wb.save(path)
    code, out = cli("validate", path, "--db", writable_db)
    assert code == 1 and "judul kolom tidak dikenali: baris 1 dibaca sebagai judul kolom (lembar ini bukan data)" in out
    code, out = cli("validate", path, "--lembar", "Data Q2", "--db", writable_db)
    assert code == 1
    assert "dua.xlsx: baris 4, kolom terlayani: nilai '-1' tidak boleh negatif" in out
    assert "baris 4, kolom kode_indikator" in out and "di baris 3" in out  # duplicate key of Excel row 3


def test_existing_key_is_replaced_and_logged(writable_db, tmp_path):
    before = value(writable_db, "2025-12-01", "63.03", "kes_ibu_hamil")
    assert before[:2] == (10000, 9000)
    f = write(
        tmp_path,
        "koreksi.csv",
        HEADER + "\n2025-12,63.03,kes_ibu_hamil,10000,9500\n2025-12,63.01,kes_ibu_hamil,8000,7000\n",
    )
    code, out = cli("import", f, "--db", writable_db, "--pengguna", "operator_banjar")
    assert code == 0, out
    assert "2 baris diterima (1 baru, 1 mengganti data lama" in out
    assert value(writable_db, "2025-12-01", "63.03", "kes_ibu_hamil")[:2] == (10000, 9500)
    log = read(writable_db, "select * from impor order by id_impor desc limit 1").iloc[0]
    assert (log.nama_file, log.baris, log.baris_baru, log.baris_diganti, log.pengguna) == (
        "koreksi.csv",
        2,
        1,
        1,
        "operator_banjar",
    )
    import hashlib

    assert log.sha256 == hashlib.sha256(f.read_bytes()).hexdigest()


def test_served_above_target_is_loaded_and_flagged(writable_db, tmp_path):
    f = write(tmp_path, "lebih.csv", HEADER + "\n2026-04,63.03,kes_balita,100,130\n")
    code, out = cli("import", f, "--db", writable_db)
    assert code == 0 and "1 ditandai" in out
    assert value(writable_db, "2026-04-01", "63.03", "kes_balita")[:2] == (100, 130)


# --- rejections ------------------------------------------------------------------------------------------


REJECTIONS = [
    ("kosong.csv", "", "berkas kosong"),
    ("hanya_header.csv", HEADER + "\n", "berkas kosong"),
    (
        "tanpa_kolom.csv",
        "periode,kode_wilayah,sasaran,terlayani\n2026-04,63.03,1,1\n",
        "kolom wajib tidak ada: kode_indikator",
    ),
    (
        "tanpa_terlayani.csv",
        "periode,kode_wilayah,kode_indikator,sasaran\n2026-04,63.03,kes_balita,1\n",
        "terlayani atau capaian_persen",
    ),
    (
        "wilayah.csv",
        HEADER + "\n2026-04,63.99,kes_balita,1,1\n",
        "baris 2, kolom kode_wilayah: nilai '63.99' tidak ada dalam daftar wilayah",
    ),
    (
        "kode.csv",
        HEADER + "\n2026-04,Banjar,kes_balita,1,1\n",
        "baris 2, kolom kode_wilayah: nilai 'Banjar' bukan kode Kemendagri",
    ),
    (
        "indikator.csv",
        HEADER + "\n2026-04,63.03,kes_xyz,1,1\n",
        "baris 2, kolom kode_indikator: nilai 'kes_xyz' tidak ada dalam katalog indikator",
    ),
    (
        "negatif.csv",
        HEADER + "\n2026-04,63.03,kes_balita,-5,1\n",
        "baris 2, kolom sasaran: nilai '-5' tidak boleh negatif",
    ),
    (
        "teks.csv",
        HEADER + "\n2026-04,63.03,kes_balita,100,sepuluh\n",
        "baris 2, kolom terlayani: nilai 'sepuluh' bukan bilangan bulat",
    ),
    (
        "pecahan.csv",
        HEADER + '\n2026-04,63.03,kes_balita,100,"10,5"\n',
        "baris 2, kolom terlayani: nilai '10,5' bukan bilangan bulat",
    ),
    (
        "periode.csv",
        HEADER + "\n2026-13,63.03,kes_balita,1,1\n",
        "baris 2, kolom periode: nilai '2026-13' bukan periode yang sah",
    ),
    (
        "periode_teks.csv",
        HEADER + "\nApril,63.03,kes_balita,1,1\n",
        "baris 2, kolom periode: nilai 'April' bukan periode yang sah",
    ),
    (
        "ganda.csv",
        HEADER + "\n2026-04,63.03,kes_balita,1,1\n2026-04,6303,kes_balita,2,2\n",
        "baris 3, kolom kode_indikator: nilai 'kes_balita' baris ganda: periode, wilayah dan indikator yang sama sudah ada di baris 2",
    ),
    (
        "ambigu.csv",
        "periode,nama_wilayah,kode_indikator,sasaran,terlayani\n2026-04,Hulu Sungai,kes_balita,1,1\n",
        "ambigu: cocok dengan lebih dari satu kab/kota",
    ),
    (
        "nama.csv",
        "periode,nama_wilayah,kode_indikator,sasaran,terlayani\n2026-04,Kabupaten Bogor,kes_balita,1,1\n",
        "nilai 'Kabupaten Bogor' tidak dikenali sebagai nama kab/kota",
    ),
    (
        "tingkat.csv",
        HEADER + "\n2026-04,63.03.01.2001,kes_ibu_hamil,1,1\n",
        "indikator tingkat kab_kota tidak dapat dilaporkan untuk wilayah tingkat desa",
    ),
    ("biner.csv", "\x00\x01\x02PK\x03\x04", "berkas bukan teks CSV"),
]


@pytest.mark.parametrize("name,text,expected", REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_rejections_exit_1_and_change_nothing(writable_db, tmp_path, name, text, expected):
    before = fingerprint(writable_db)
    code, out = cli("import", write(tmp_path, name, text), "--db", writable_db)
    assert code == 1, out
    assert expected in out
    assert "DITOLAK" in out and "tidak ada data dari berkas ini yang dimuat" in out
    assert fingerprint(writable_db) == before


def test_corrupt_xlsx_and_latin1_csv(writable_db, tmp_path):
    before = fingerprint(writable_db)
    bad = tmp_path / "rusak.xlsx"
    bad.write_bytes(b"PK\x03\x04 this is not really a workbook")
    code, out = cli("import", bad, "--db", writable_db)
    assert code == 1 and "tidak dapat dibaca" in out
    latin = write(tmp_path, "latin.csv", HEADER + "\n2026-04,63.03,kes_balita,1,1\n# Désa\n", "latin-1")
    code, out = cli("import", latin, "--db", writable_db)
    assert code == 1 and "bukan UTF-8" in out
    assert fingerprint(writable_db) == before


def test_all_errors_of_a_file_are_reported(writable_db, tmp_path):
    text = HEADER + "\n2026-13,63.99,kes_xx,-5,abc\n2026-04,63.03,kes_balita,10,5\n2026-04,63.03,kes_balita,x,5\n"
    code, out = cli("validate", write(tmp_path, "banyak.csv", text), "--db", writable_db)
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("banyak.csv: baris")]
    assert [line.split(":")[1].strip() for line in lines] == [
        "baris 2, kolom periode", "baris 2, kolom kode_wilayah", "baris 2, kolom kode_indikator", "baris 2, kolom sasaran",
        "baris 2, kolom terlayani", "baris 4, kolom sasaran", "baris 4, kolom kode_indikator",
    ]  # fmt: skip
    assert "7 kesalahan pada 2 baris" in out


def test_english_messages(writable_db, tmp_path):
    code, out = cli(
        "import",
        write(tmp_path, "e.csv", HEADER + "\n2026-04,63.03,kes_balita,-5,1\n"),
        "--db",
        writable_db,
        "--bahasa",
        "en",
    )
    assert code == 1
    assert "e.csv: row 2, column sasaran: value '-5' must not be negative" in out
    assert "REJECTED" in out and "nothing from this file was loaded" in out


def test_one_bad_file_does_not_block_the_good_one(writable_db, tmp_path):
    good = write(tmp_path, "baik.csv", HEADER + "\n2026-04,63.03,kes_balita,100,60\n")
    bad = write(tmp_path, "buruk.csv", HEADER + "\n2026-04,63.03,kes_ibu_hamil,100,x\n")
    code, out = cli("import", good, bad, "--db", writable_db)
    assert code == 1
    assert value(writable_db, "2026-04-01", "63.03", "kes_balita")[:2] == (100, 60)
    assert (
        read(
            writable_db,
            "select count(*) n from fakta_capaian where periode = '2026-04-01' and kode_indikator = 'kes_ibu_hamil'",
        ).n[0]
        == 0
    )


def test_validate_loads_nothing(writable_db, tmp_path):
    before = fingerprint(writable_db)
    code, out = cli(
        "validate", write(tmp_path, "ok.csv", HEADER + "\n2026-04,63.03,kes_balita,100,60\n"), "--db", writable_db
    )
    assert code == 0 and "1 baris valid" in out
    assert fingerprint(writable_db) == before


def test_usage_errors_exit_2(tmp_path):
    assert cli()[0] == 2
    assert cli("import")[0] == 2
    assert cli("template", "tidak_ada", "-o", tmp_path / "x.xlsx")[0] == 2
    assert cli("import", tmp_path / "x.csv", "--jenis", "salah")[0] == 2


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_template_is_valid_as_shipped(kind, writable_db, tmp_path):
    """The example rows of each template pass validation (events are loaded first so impacts can refer to them)."""
    events = write_template(KINDS["bencana"], tmp_path / "bencana.xlsx")
    assert cli("import", events, "--db", writable_db)[0] == 0
    path = write_template(KINDS[kind], tmp_path / f"templat_{kind}.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "Data" and "Petunjuk" in wb.sheetnames
    assert [c.value for c in wb["Data"][1]] == KINDS[kind].column_names
    code, out = cli("validate", path, "--db", writable_db)
    assert code == 0, out


def test_template_command_writes_file(tmp_path):
    out_path = tmp_path / "t.xlsx"
    code, out = cli("template", "capaian", "-o", out_path)
    assert code == 0 and out_path.exists()
