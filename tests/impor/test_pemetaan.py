"""Real files as they come (issue 16, the mapping): each real layout loads through command-line options and through
a saved recipe with the exact values stored, messages point to the row and column of the original file, a rejected
file loads nothing, and a recipe that no longer fits says which expectation failed."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from dashboard import DATA_DIR
from dashboard.impor import resep
from dashboard.impor.core import validate_files
from dashboard.impor.pemetaan import Mapping, column_letter, propose, read_grid
from tests.fixtures import pemetaan as files
from tests.helpers import cli, fingerprint, read


@pytest.fixture
def recipes(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "resep"
    monkeypatch.setenv("SPM_RESEP", str(folder))
    return folder


def stored(db: Path, indikator: str, periode: str | None = None) -> list[tuple]:
    """(kode_wilayah, periode, sasaran, terlayani, capaian_dilaporkan) of ``indikator``'s rows loaded by the last
    import, ordered."""
    df = read(
        db,
        "select kode_wilayah, strftime(periode, '%Y-%m') as periode, sasaran, terlayani, capaian_dilaporkan "
        "from fakta_capaian where kode_indikator = $i and id_impor = (select max(id_impor) from impor) "
        "order by periode, kode_wilayah",
        {"i": indikator},
    )
    rows = [tuple(None if pd.isna(v) else v for v in r) for r in df.itertuples(index=False, name=None)]  # NaN -> None
    return [r for r in rows if periode is None or r[1] == periode]


def test_column_letters():
    assert [column_letter(i) for i in (0, 1, 25, 26, 27, 701, 702)] == ["A", "B", "Z", "AA", "AB", "ZZ", "AAA"]


# --- 1. desa recap, wide per indicator -------------------------------------------------------------------------------


DESA = ["63.03.01.2001", "63.03.01.2002", "63.03.02.1001"]


def test_desa_recap_wide_per_indicator_loads_through_options(writable_db, tmp_path):
    path = files.rekap_desa(tmp_path)
    code, out = cli("import", path, "--db", writable_db, "--periode", "2026-04", *files.REKAP_DESA_KOLOM)
    assert code == 0, out
    assert "4 baris data dibaca, 1 baris dilewati" in out and "2 sel lebar kosong" in out
    assert "8 baris kontrak dibentuk" in out  # 3 desa × D/S and N/D + 2 desa with a water survey
    assert stored(writable_db, "kes_skdn_d_per_s") == [
        ("63.03.01.2001", "2026-04", 100, 88, None),
        ("63.03.01.2002", "2026-04", 50, 41, None),
        ("63.03.02.1001", "2026-04", 200, 175, None),
    ]
    # D is N/D's denominator: the same cell feeds both indicators
    assert stored(writable_db, "kes_skdn_n_per_d") == [
        ("63.03.01.2001", "2026-04", 88, 70, None),
        ("63.03.01.2002", "2026-04", 41, 30, None),
        ("63.03.02.1001", "2026-04", 175, 150, None),
    ]
    # Tanipah has no water survey: no row (no data, never zero)
    assert stored(writable_db, "pu_kk_air_layak") == [
        ("63.03.01.2001", "2026-04", 300, 250, None),
        ("63.03.02.1001", "2026-04", 400, 390, None),
    ]


def test_errors_point_to_the_row_and_column_of_the_original_file(writable_db, tmp_path):
    path = files.rekap_desa(tmp_path, bad=True)
    before = fingerprint(writable_db)
    code, out = cli("import", path, "--db", writable_db, "--periode", "2026-04", *files.REKAP_DESA_KOLOM)
    assert code == 1
    assert fingerprint(writable_db) == before  # nothing loaded
    report = validate_files([path], writable_db, mapping=_mapping_of(files.REKAP_DESA_KOLOM, "2026-04"))[0]
    # Tanipah's D is on spreadsheet row 5, column E; it feeds two rows (D/S and N/D) but is one wrong cell
    assert [(p.row, p.column, p.value, p.reason) for p in report.problems] == [
        (5, "Ditimbang (D) (E)", "abc", "bukan_bilangan_bulat"),
    ]
    assert report.bad_rows == 1 and report.total_problems == 1
    assert "baris 5, kolom Ditimbang (D) (E): nilai 'abc' bukan bilangan bulat" in out
    assert "DITOLAK, 1 kesalahan pada 1 baris" in out


def _mapping_of(options: tuple[str, ...], periode: str | None = None) -> Mapping:
    from dashboard.cli import build_parser, mapping_from_args

    args = build_parser().parse_args(["validate", "x.csv", *options, *(("--periode", periode) if periode else ())])
    return mapping_from_args(args)


def test_desa_recap_recipe_saved_then_applied_next_quarter(writable_db, tmp_path, recipes):
    first = files.rekap_desa(tmp_path, "rekap_april.xlsx")
    code, out = cli("import", first, "--db", writable_db, "--periode", "2026-04", *files.REKAP_DESA_KOLOM,
                    "--simpan-resep", "rekap_desa_banjar")  # fmt: skip
    assert code == 0, out
    saved = recipes / "rekap_desa_banjar.toml"
    assert "Resep 'rekap_desa_banjar' disimpan" in out and saved.exists()
    text = saved.read_text(encoding="utf-8")
    assert '"Ditimbang (D)" = "kes_skdn_d_per_s/terlayani; kes_skdn_n_per_d/sasaran"' in text
    assert '"Desa" = ["JUMLAH"]' in text and 'jenis = "capaian"' in text
    assert "2026-04" not in text  # the period changes with every file: never kept in a recipe
    later = files.rekap_desa(tmp_path, "rekap_mei.xlsx")
    before = fingerprint(writable_db)
    code, out = cli("import", later, "--db", writable_db, "--resep", "rekap_desa_banjar")
    assert code == 1 and fingerprint(writable_db) == before
    assert "rekap_mei.xlsx: kolom wajib tidak ada: periode" in out
    assert "berkas tidak punya kolom periode: beri --periode YYYY-MM" in out
    # next quarter: same layout, another period given on the command line
    later = files.rekap_desa(tmp_path, "rekap_juni.xlsx")
    code, out = cli("import", later, "--db", writable_db, "--resep", "rekap_desa_banjar", "--periode", "2026-06")
    assert code == 0, out
    assert stored(writable_db, "kes_skdn_n_per_d") == [
        ("63.03.01.2001", "2026-06", 88, 70, None),
        ("63.03.01.2002", "2026-06", 41, 30, None),
        ("63.03.02.1001", "2026-06", 175, 150, None),
    ]


def test_a_recipe_that_no_longer_fits_says_which_expectation_failed(writable_db, tmp_path, recipes):
    first = files.rekap_desa(tmp_path, "rekap_april.xlsx")
    code, out = cli("validate", first, "--db", writable_db, "--periode", "2026-04", *files.REKAP_DESA_KOLOM,
                    "--simpan-resep", "rekap")  # fmt: skip
    assert code == 0, out
    renamed = [*files.REKAP_DESA_HEADER]
    renamed[4] = "D"
    changed = files.rekap_desa(tmp_path, "rekap_juli.xlsx", header=renamed)
    before = fingerprint(writable_db)
    code, out = cli("import", changed, "--db", writable_db, "--resep", "rekap", "--periode", "2026-07")
    assert code == 1
    assert (
        "rekap_juli.xlsx: resep 'rekap' tidak cocok lagi dengan berkas ini: kolom 'Ditimbang (D)' tidak ada di baris "
        "judul (baris 3); kolom yang ada: A: No, B: Kode Desa, C: Desa, D: Sasaran Balita (S), E: D, F: Naik BB (N), "
        "G: Jumlah KK, H: KK Air Layak"
    ) in out
    assert fingerprint(writable_db) == before
    # in English too
    code, out = cli(
        "validate", changed, "--db", writable_db, "--resep", "rekap", "--periode", "2026-07", "--bahasa", "en"
    )
    assert "recipe 'rekap' no longer fits this file: column 'Ditimbang (D)' is not in the header (row 3)" in out


def test_the_committed_example_recipe_reads_its_layout(writable_db, tmp_path, monkeypatch):
    monkeypatch.setenv("SPM_RESEP", str(DATA_DIR / "resep"))
    assert "contoh_rekap_desa" in resep.names()
    path = files.rekap_desa(tmp_path)
    code, out = cli("validate", path, "--db", writable_db, "--resep", "contoh_rekap_desa", "--periode", "2026-04")
    assert code == 0, out
    assert "8 baris valid" in out


# --- 2. wide per year and sex (two-line header) ----------------------------------------------------------------------


def test_wide_per_year_and_sex_with_a_two_line_header(writable_db, tmp_path):
    path = files.per_tahun_jk(tmp_path)
    code, out = cli("import", path, "--db", writable_db, *files.PER_TAHUN_JK_KOLOM)
    assert code == 0, out
    assert stored(writable_db, "pend_dikdas_7_15") == [
        ("63.01", "2023-12", None, None, 97.55),
        ("63.03", "2023-12", None, None, 96.89),
        ("63.72", "2023-12", None, None, 99.10),
        ("63.01", "2024-12", None, None, 97.74),
        ("63.72", "2024-12", None, None, 99.18),  # Banjar 2024 not published: no row
    ]
    assert "L, P" not in out  # the dropped columns are listed by their full header
    assert "kolom diabaikan" in out.lower() or "diabaikan" in out


def test_wide_per_year_through_a_recipe(writable_db, tmp_path, recipes):
    path = files.per_tahun_jk(tmp_path)
    code, out = cli("validate", path, "--db", writable_db, *files.PER_TAHUN_JK_KOLOM, "--simpan-resep", "apm_jk")
    assert code == 0, out
    assert resep.load("apm_jk").baris_judul == [3, 4]
    code, out = cli("import", path, "--db", writable_db, "--resep", "apm_jk")
    assert code == 0, out
    assert [r[:2] + r[4:] for r in stored(writable_db, "pend_dikdas_7_15", "2024-12")] == [
        ("63.01", "2024-12", 97.74), ("63.72", "2024-12", 99.18),
    ]  # fmt: skip


# --- 3. blocks of rows per school level ------------------------------------------------------------------------------


def test_blocks_of_rows_per_school_level(writable_db, tmp_path):
    path = files.blok_jenjang(tmp_path)
    code, out = cli("import", path, "--db", writable_db, *files.BLOK_JENJANG_KOLOM)
    assert code == 0, out
    assert stored(writable_db, "pend_dikdas_7_15") == [
        ("63.01", "2024-12", None, None, 97.55), ("63.03", "2024-12", None, None, 96.89),
    ]  # fmt: skip
    assert stored(writable_db, "pend_kesetaraan_7_18") == [
        ("63.01", "2024-12", None, None, 61.30), ("63.03", "2024-12", None, None, 59.75),
    ]  # fmt: skip
    assert "9 baris data dibaca, 5 baris dilewati" in out  # 3 labels + the 2 SMP rows


def test_blocks_through_a_recipe_and_a_block_that_is_gone(writable_db, tmp_path, recipes):
    path = files.blok_jenjang(tmp_path)
    assert cli("validate", path, "--db", writable_db, *files.BLOK_JENJANG_KOLOM, "--simpan-resep", "apm_blok")[0] == 0
    code, out = cli("import", path, "--db", writable_db, "--resep", "apm_blok", "--periode", "2024-12")
    assert code == 0, out
    assert [r[4] for r in stored(writable_db, "pend_kesetaraan_7_18")] == [61.30, 59.75]
    gone = tmp_path / "tanpa_sma.csv"
    gone.write_text(path.read_text(encoding="utf-8").split("Paket A/B/C")[0], encoding="utf-8")
    code, out = cli("validate", gone, "--db", writable_db, "--resep", "apm_blok", "--periode", "2024-12")
    assert code == 1
    assert "label blok 'Paket A/B/C' tidak ditemukan di kolom Kabupaten/Kota (A)" in out


def test_a_row_before_any_block_points_to_its_own_row(writable_db, tmp_path):
    path = tmp_path / "tanpa_label.csv"
    path.write_text("Kabupaten/Kota;APM\nTanah Laut;90\nSD/MI;\nBanjar;96,89\n", encoding="utf-8")
    report = validate_files([path], writable_db, mapping=_mapping_of(files.BLOK_JENJANG_KOLOM[:6] + (
        "--blok", "SD/MI=pend_dikdas_7_15")))[0]  # fmt: skip
    assert [(p.row, p.column, p.reason) for p in report.problems] == [(2, "kode_indikator", "wajib_diisi")]


# --- 4. several indicators told apart by a column; no period column --------------------------------------------------


def test_indicators_told_apart_by_a_column(writable_db, tmp_path):
    path = files.per_layanan(tmp_path)
    code, out = cli("import", path, "--db", writable_db, *files.PER_LAYANAN_KOLOM)
    assert code == 0, out
    assert stored(writable_db, "kes_ibu_hamil") == [
        ("63.03", "2026-06", 10000, 2800, None), ("63.71", "2026-06", 12000, 3400, None),
    ]  # fmt: skip
    assert stored(writable_db, "kes_balita") == [("63.03", "2026-06", 40000, 9500, None)]  # the draft row is left out


def test_indicators_by_a_column_through_a_recipe(writable_db, tmp_path, recipes):
    path = files.per_layanan(tmp_path)
    assert cli("validate", path, "--db", writable_db, *files.PER_LAYANAN_KOLOM, "--simpan-resep", "layanan")[0] == 0
    mapping = resep.load("layanan")
    assert mapping.ganti == {"Jenis Layanan": {"Ibu Hamil": "kes_ibu_hamil", "Balita": "kes_balita"}}
    assert mapping.saring == {"Status": ["final"]}
    code, out = cli("import", path, "--db", writable_db, "--resep", "layanan", "--periode", "2026-09")
    assert code == 0, out
    assert stored(writable_db, "kes_balita") == [("63.03", "2026-09", 40000, 9500, None)]


def test_duplicates_within_the_mapped_file_name_the_first_original_row(writable_db, tmp_path):
    path = tmp_path / "ganda.csv"
    path.write_text("kab,Realisasi,Sasaran\nKab. Banjar,10,20\nKota Banjarmasin,5,9\nKab. Banjar,11,20\n",
                    encoding="utf-8")  # fmt: skip
    mapping = _mapping_of(("--periode", "2026-06", "--indikator", "kes_balita", "--kolom", "kab=nama_wilayah",
                           "--kolom", "Realisasi=terlayani"))  # fmt: skip
    report = validate_files([path], writable_db, mapping=mapping)[0]
    assert [(p.row, p.column, p.reason) for p in report.problems] == [(4, "kode_indikator (tetap)", "duplikat:2")]
    assert "sudah ada di baris 2" in report.messages()[0]


def test_saring_with_a_value_no_row_has(writable_db, tmp_path):
    path = files.per_layanan(tmp_path)
    options = [*files.PER_LAYANAN_KOLOM[:-1], "Status=Final 2026"]
    code, out = cli("validate", path, "--db", writable_db, *options)
    assert code == 1
    assert "tidak ada baris dengan Status (E) = Final 2026; nilai yang ada: draf, final" in out


# --- options that are wrong ------------------------------------------------------------------------------------------


def test_wrong_options_are_usage_errors(writable_db, tmp_path):
    path = files.per_layanan(tmp_path)
    code, out = cli("validate", path, "--db", writable_db, "--kolom", "kab")
    assert code == 2 and "--kolom: 'kab' harus berbentuk KOLOM=NILAI" in out
    code, out = cli("validate", path, "--db", writable_db, "--resep", "tidak_ada_resep")
    assert code == 2 and "resep 'tidak_ada_resep' tidak ada" in out
    code, out = cli("validate", path, "--db", writable_db, "--kolom", "kab=kabupaten", "--periode", "2026-06")
    assert code == 1 and "'kabupaten' bukan kolom jenis capaian; kolom yang bisa dipakai: periode" in out
    code, out = cli("validate", path, "--db", writable_db, "--periode", "Juni 2026", "--kolom", "kab=nama_wilayah")
    assert code == 1 and "periode tetap 'Juni 2026' bukan YYYY-MM" in out


# --- the proposal the browser starts from ----------------------------------------------------------------------------


def test_proposal_for_a_wide_year_table(tmp_path):
    path = tmp_path / "apm.csv"
    path.write_text("Tabel APM\nKabupaten/Kota,2022,2023,Nilai_APM\nTanah Laut,90,91,92\n", encoding="utf-8")
    mapping = propose(read_grid(path))
    assert mapping.baris_judul == [2]
    assert mapping.kolom == {"Kabupaten/Kota": "nama_wilayah"}
    assert mapping.lebar == {"2022": "2022-12", "2023": "2023-12"}


def test_recipe_text_round_trips(recipes):
    mapping = Mapping(
        jenis="capaian", baris_judul=[3, 4], kolom={'Kab "A"': "nama_wilayah"}, tetap={"periode": "2024-12"},
        saring={"Status": ["final", "tetap"]}, lewati={"Wilayah": ["JUMLAH"]}, lewati_baris=[7, 9],
        lebar={"2023 L+P": "2023-12"}, blok={"SD/MI": "pend_dikdas_7_15"}, blok_kolom="A",
        ganti={"Jenjang": {"SD": "pend_dikdas_7_15"}},
    )  # fmt: skip
    resep.save("semua", mapping, keep_period=True)
    again = resep.load("semua")
    assert again.__dict__ == {**mapping.__dict__, "nama": "semua"}
    resep.save("tanpa_periode", mapping)
    assert resep.load("tanpa_periode").tetap == {}
    with pytest.raises(resep.RecipeProblem) as err:
        resep.save("../luar", mapping)
    assert err.value.code == "nama_tidak_valid"


def test_recipe_folder_example_is_documented():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert "data/resep/" in readme and "--simpan-resep" in readme and "--resep" in readme


def test_proposal_for_a_two_line_header(tmp_path):
    mapping = propose(read_grid(files.per_tahun_jk(tmp_path)))
    assert mapping.baris_judul == [3, 4]
    assert mapping.kolom == {"Kabupaten/Kota": "nama_wilayah"}
    assert mapping.lebar == {"2023 L+P": "2023-12", "2024 L+P": "2024-12"}  # the totals; L and P stay unused


def test_duplicates_told_apart_by_an_unread_column_name_that_column(writable_db, tmp_path):
    path = tmp_path / "dua_indikator.csv"
    path.write_text(
        "periode,kode_wilayah,Layanan,sasaran,terlayani,Catatan\n"
        "2026-06,63.03,Ibu Hamil,10000,2800,a\n"
        "2026-06,63.03,Balita,40000,9500,a\n",
        encoding="utf-8",
    )
    code, out = cli("validate", path, "--db", writable_db, "--indikator", "kes_balita")
    assert code == 1
    assert "baris 3, kolom kode_indikator (tetap): nilai 'kes_balita' baris ganda" in out
    assert (
        "dua_indikator.csv: baris ganda dibedakan oleh kolom Layanan, yang tidak dibaca: bila kolom itu menyatakan "
        'indikator, petakan dengan --kolom "Layanan=kode_indikator"'
    ) not in out  # only a plain read hints
    plain_file = tmp_path / "dua_indikator_polos.csv"
    plain_file.write_text(
        "periode,kode_wilayah,kode_indikator,Layanan,sasaran,terlayani,Catatan\n"
        "2026-06,63.03,kes_balita,Ibu Hamil,10000,2800,a\n"
        "2026-06,63.03,kes_balita,Balita,40000,9500,a\n",
        encoding="utf-8",
    )
    code, out = cli("validate", plain_file, "--db", writable_db)
    assert code == 1
    assert (
        "dua_indikator_polos.csv: baris ganda dibedakan oleh kolom Layanan, yang tidak dibaca: bila kolom itu "
        'menyatakan indikator, petakan dengan --kolom "Layanan=kode_indikator"'
    ) in out


def test_a_note_beside_the_table_is_not_a_row(writable_db, tmp_path):
    path = tmp_path / "catatan.csv"
    path.write_text("kab,Realisasi,Sasaran,Ket\nKab. Banjar,10,20,\n,,,Sumber: Dinkes Kab. Banjar\n", encoding="utf-8")
    code, out = cli("import", path, "--db", writable_db, "--periode", "2026-06", "--indikator", "kes_balita",
                    "--kolom", "kab=nama_wilayah", "--kolom", "Realisasi=terlayani")  # fmt: skip
    assert code == 0, out
    assert stored(writable_db, "kes_balita") == [("63.03", "2026-06", 20, 10, None)]


def test_a_recipe_reads_the_sheet_it_names(writable_db, tmp_path, recipes):
    import openpyxl

    path = tmp_path / "dua_lembar.xlsx"
    wb = openpyxl.Workbook()
    wb.active.title = "Catatan"
    wb.active.append(["Sumber: Dinkes"])
    ws = wb.create_sheet("Tabel")
    for row in (["kab", "Realisasi", "Sasaran"], ["Kab. Banjar", 12, 30]):
        ws.append(row)
    wb.save(path)
    options = ("--indikator", "kes_balita", "--kolom", "kab=nama_wilayah", "--kolom", "Realisasi=terlayani")
    code, out = cli("validate", path, "--db", writable_db, "--lembar", "Tabel", "--periode", "2026-06", *options,
                    "--simpan-resep", "dua_lembar")  # fmt: skip
    assert code == 0, out
    assert resep.load("dua_lembar").lembar == "Tabel"
    code, out = cli("import", path, "--db", writable_db, "--resep", "dua_lembar", "--periode", "2026-06")
    assert code == 0, out
    assert stored(writable_db, "kes_balita") == [("63.03", "2026-06", 30, 12, None)]


def test_proposal_recognises_columns_by_their_values(tmp_path, fixture_db):
    from dashboard.impor.names import NameMatcher

    names = read(fixture_db, "select kode, nama, nama_lengkap from wilayah where tingkat = 'kabkota'")
    path = tmp_path / "tanpa_nama_kolom.csv"
    path.write_text("Daerah Tingkat II,Wil,2024\nKab. Banjar,63.03,90\nHulu Sungai Selatan,63.06,91\nTala,63.01,92\n",
                    encoding="utf-8")  # fmt: skip
    mapping = propose(read_grid(path), matcher=NameMatcher(names))
    assert mapping.kolom == {"Daerah Tingkat II": "nama_wilayah", "Wil": "kode_wilayah"}
    assert mapping.lebar == {"2024": "2024-12"}
