"""The unit-cost import kind (``biaya_satuan``): a valid file loads exactly its rows (province-wide and kab/kota
overrides), each problem is named on its row, and a rejected file leaves the warehouse unchanged."""

from __future__ import annotations

import pytest

from dashboard.impor.core import detect_kind
from tests.helpers import cli, fingerprint, read

HEADER = "tahun,kode_indikator,kode_wilayah,biaya_satuan,sumber"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def rows(db):
    return read(db, "select tahun, kode_indikator, kode_wilayah, biaya_satuan, sumber from biaya_satuan "
                    "order by tahun, kode_indikator, kode_wilayah")  # fmt: skip


def test_valid_file_loads_exact_rows(writable_db, tmp_path):
    text = (
        HEADER + "\n"
        "2026,kes_ibu_hamil,,350.000,Standar teknis uji\n"
        "2026,kes_ibu_hamil,63.03,420000,Survei harga uji\n"
        "2026,pend_dikdas_7_15,63,1.250.000,Standar teknis uji\n"
    )
    path = write(tmp_path, "biaya.csv", text)
    assert detect_kind(path).key == "biaya_satuan"
    code, out = cli("import", path, "--db", writable_db)
    assert code == 0, out
    got = rows(writable_db)
    assert got.values.tolist() == [
        [2026, "kes_ibu_hamil", "63", 350000, "Standar teknis uji"],
        [2026, "kes_ibu_hamil", "63.03", 420000, "Survei harga uji"],
        [2026, "pend_dikdas_7_15", "63", 1250000, "Standar teknis uji"],
    ]
    log = read(writable_db, "select jenis, baris, baris_baru from impor where jenis = 'biaya_satuan'")
    assert log.values.tolist() == [["biaya_satuan", 3, 3]]
    # the same key again replaces the old cost (new/replaced counted)
    code, out = cli("import", write(tmp_path, "lagi.csv", HEADER + "\n2026,kes_ibu_hamil,63.03,430000,Survei 2\n"),
                    "--db", writable_db)  # fmt: skip
    assert code == 0, out
    assert "0 baru, 1 mengganti" in out
    assert rows(writable_db).values.tolist()[1] == [2026, "kes_ibu_hamil", "63.03", 430000, "Survei 2"]


def test_area_by_name(writable_db, tmp_path):
    text = "tahun,kode_indikator,nama_wilayah,biaya_per_orang,sumber\n2025,kes_balita,Kab. Banjar,80.000,Survei\n"
    code, out = cli("import", write(tmp_path, "nama.csv", text), "--db", writable_db)
    assert code == 0, out
    assert rows(writable_db).values.tolist() == [[2025, "kes_balita", "63.03", 80000, "Survei"]]


def test_each_problem_on_its_row_and_nothing_loaded(writable_db, tmp_path):
    text = (
        HEADER + "\n"
        "2026,tidak_ada,,1000,S\n"  # row 2: unknown service
        "2026,kes_skdn_d_per_s,,1000,S\n"  # row 3: a Posyandu indicator, not a kab/kota SPM service
        "2026,kes_balita,,0,S\n"  # row 4: zero cost
        "2026,kes_balita,63.03,-5,S\n"  # row 5: negative
        "26,kes_balita,63.71,1000,S\n"  # row 6: year format
        "2026,kes_balita,63.99,1000,S\n"  # row 7: unknown kab/kota
        "2026,kes_balita,63.03.01,1000,S\n"  # row 8: a kecamatan
        "2026,pu_air_minum,,1000,S\n"  # row 9: fine
        "2026,pu_air_minum,63,2000,S\n"  # row 10: duplicate of row 9 (empty area = the province)
        "2026,kes_balita,63.11,1000,\n"  # row 11: no source
    )
    before = fingerprint(writable_db)
    code, out = cli("import", write(tmp_path, "salah.csv", text), "--db", writable_db)
    assert code == 1, out
    expected = [
        "baris 2, kolom kode_indikator: nilai 'tidak_ada' tidak ada dalam katalog indikator",
        "baris 3, kolom kode_indikator: nilai 'kes_skdn_d_per_s' bukan layanan SPM kab/kota",
        "baris 4, kolom biaya_satuan: nilai '0' harus lebih dari 0",
        "baris 5, kolom biaya_satuan: nilai '-5' tidak boleh negatif",
        "baris 6, kolom tahun: nilai '26' bukan tahun yang sah",
        "baris 7, kolom kode_wilayah: nilai '63.99' tidak ada dalam daftar wilayah",
        "baris 8, kolom kode_wilayah: nilai '63.03.01' harus kode kab/kota",
        "baris 10, kolom kode_indikator: nilai 'pu_air_minum' baris ganda: kunci yang sama sudah ada di baris 9",
        "baris 11, kolom sumber: wajib diisi",
    ]
    for line in expected:
        assert line in out, (line, out)
    assert "baris 9," not in out
    assert "DITOLAK, 9 kesalahan pada 9 baris" in out
    assert fingerprint(writable_db) == before


def test_english_message(writable_db, tmp_path):
    path = write(tmp_path, "en.csv", HEADER + "\n2026,kes_balita,,0,S\n")
    code, out = cli("import", path, "--db", writable_db, "--bahasa", "en")
    assert code == 1 and "row 2, column biaya_satuan: value '0' must be above 0" in out, out


@pytest.mark.parametrize("header,kind", [
    ("periode,kode_wilayah,kode_indikator,sasaran,terlayani", "capaian"),
    ("tahun,kode_wilayah,kode_indikator,sasaran,terlayani", "capaian"),
    ("tahun,kode_wilayah,kode_bidang,pagu,realisasi", "anggaran"),
    ("tahun,kode_indikator,biaya_satuan,sumber", "biaya_satuan"),
    ("tahun,kode_indikator,nama_wilayah,harga_satuan,sumber", "biaya_satuan"),
])  # fmt: skip
def test_kind_detection(tmp_path, header, kind):
    path = write(tmp_path, "f.csv", header + "\n")
    assert detect_kind(path).key == kind


def test_wide_price_survey_through_a_mapping(writable_db, tmp_path):
    """A local price survey with one column per service, read with the mapping options (--lebar): each cell becomes
    one unit-cost row of that kab/kota; an empty cell makes no row."""
    text = "Kabupaten,Ibu hamil,Balita\nKotabaru,420.000,90.000\nBalangan,380.000,\n"
    path = write(tmp_path, "survei.csv", text)
    code, out = cli(
        "import", path, "--db", writable_db, "--jenis", "biaya_satuan", "--kolom", "Kabupaten=nama_wilayah",
        "--lebar", "--kolom", "Ibu hamil=kes_ibu_hamil/2026/sumber:Survei harga uji 2026",
        "--kolom", "Balita=kes_balita/2026/sumber:Survei harga uji 2026",
    )  # fmt: skip
    assert code == 0, out
    assert rows(writable_db).values.tolist() == [
        [2026, "kes_balita", "63.02", 90000, "Survei harga uji 2026"],
        [2026, "kes_ibu_hamil", "63.02", 420000, "Survei harga uji 2026"],
        [2026, "kes_ibu_hamil", "63.11", 380000, "Survei harga uji 2026"],
    ]
