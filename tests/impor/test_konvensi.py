"""Real files absorbed without a mapping (issue 16): BPS codes and rows, '-' and '…', bare years, headers as published,
kinds told apart on strong evidence, and the completeness of each accepted file. Loaded through the CLI, asserting
the stored values and the exact notes and messages."""

from __future__ import annotations

import duckdb
import openpyxl
import pandas as pd

from dashboard import REFERENSI_DIR
from tests.helpers import cli, fingerprint, read

KABKOTA = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_kabkota.csv", dtype=str)  # 13 rows: kode, kode_bps, nama


def write(tmp_path, name, lines):
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def stored(db, periode, indikator="kes_ibu_hamil"):
    return read(
        db,
        "select kode_wilayah, sasaran, terlayani, capaian_dilaporkan from fakta_capaian "
        "where periode = $p and kode_indikator = $i order by kode_wilayah",
        {"p": periode, "i": indikator},
    )


def bps_rows(skip=(), indikator="kes_ibu_hamil", tahun="2019"):
    """One row per kab/kota in BPS layout (4-digit code, name, bare year), sasaran 1000 + i, terlayani 900 + i."""
    out = []
    for i, (bps, nama) in enumerate(zip(KABKOTA["kode_bps"], KABKOTA["nama"], strict=True)):
        if nama not in skip:
            out.append(f"{bps},{nama},{tahun},{indikator},{1000 + i},{900 + i}")
    return out


def test_bps_layout_codes_province_national_total_rows(writable_db, tmp_path):
    lines = [
        "Kode,Kabupaten/Kota,Tahun,Indikator,Sasaran,Terlayani",
        "6300,KALIMANTAN SELATAN,2019,kes_ibu_hamil,99999,88888",
        *bps_rows(skip=("Hulu Sungai Selatan",)),
        ",JUMLAH,2019,kes_ibu_hamil,12000,10000",
        "0000,Indonesia,2019,kes_ibu_hamil,5000000,4000000",
    ]
    code, out = cli("import", write(tmp_path, "bps.csv", lines), "--db", writable_db)
    assert code == 0, out
    assert out.splitlines() == [
        "bps.csv: 1 baris nasional (Indonesia, 0000) dilewati: baris 16",
        "bps.csv: 1 baris jumlah/total (JUMLAH) dilewati: baris 15",
        "bps.csv: 1 baris provinsi (Kalimantan Selatan, 6300) dilewati karena indikatornya bukan tingkat provinsi "
        "(angka provinsi dihitung dari kab/kota): baris 2",
        "bps.csv: periode berupa tahun saja (2019) dibaca sebagai nilai tahunan, Desember tahun itu: 12 baris",
        "bps.csv: 12 baris diterima (12 baru, 0 mengganti data lama, 0 ditandai untuk kualitas data)",
        "bps.csv: kelengkapan kes_ibu_hamil 2019-12: 12 dari 13 kab/kota; tidak ada: Hulu Sungai Selatan",
    ]
    df = stored(writable_db, "2019-12-01")
    assert list(df["kode_wilayah"]) == [k for k in KABKOTA["kode"] if k != "63.06"]
    assert df.set_index("kode_wilayah").loc["63.03", ["sasaran", "terlayani"]].tolist() == [1002, 902]
    assert df.set_index("kode_wilayah").loc["63.72", ["sasaran", "terlayani"]].tolist() == [1012, 912]
    assert read(writable_db, "select count(*) n from fakta_capaian where kode_wilayah in ('63', '00')")["n"][0] == 0


def test_province_row_kept_for_a_provincial_indicator(writable_db, tmp_path):
    lines = ["wilayah_id,periode,kode_indikator,sasaran,terlayani", "6300,2019-12,kes_prov_klb,4,3"]
    code, out = cli("import", write(tmp_path, "prov.csv", lines), "--db", writable_db)
    assert code == 0, out
    df = stored(writable_db, "2019-12-01", "kes_prov_klb")
    assert df[["kode_wilayah", "sasaran", "terlayani"]].values.tolist() == [["63", 4, 3]]
    lines = ["Wilayah,periode,kode_indikator,sasaran,terlayani", "Provinsi Kalimantan Selatan,2020-12,kes_prov_klb,5,5"]
    code, out = cli("import", write(tmp_path, "prov2.csv", lines), "--db", writable_db)
    assert code == 0, out
    assert stored(writable_db, "2020-12-01", "kes_prov_klb")["kode_wilayah"].tolist() == ["63"]


def test_dash_and_ellipsis_are_no_data_not_zero(writable_db, tmp_path):
    lines = [
        "kode_bps;kab;periode;kode_indikator;sasaran;terlayani;capaian_persen",
        "6301;Tanah Laut;2019-12;kes_balita;100;90;",
        "6302;Kotabaru;2019-12;kes_balita;-;-;",
        "6303;Banjar;2019-12;kes_balita;200;…;",
        "6304;Barito Kuala;2019-12;kes_balita;...;...;...",
        "6305;Tapin;2019-12;kes_balita;300;…;87,5",
    ]
    code, out = cli("import", write(tmp_path, "strip.csv", lines), "--db", writable_db)
    assert code == 0, out
    assert out.splitlines()[:3] == [
        "strip.csv: 7 sel bertanda '-' atau '…' dibaca sebagai tidak ada data (kosong, bukan nol): baris 3, 4, 5, 6",
        "strip.csv: 3 baris tanpa angka capaian ('-' atau '…') tidak dimuat: baris 3, 4, 5",
        "strip.csv: 2 baris diterima (2 baru, 0 mengganti data lama, 0 ditandai untuk kualitas data)",
    ]
    df = stored(writable_db, "2019-12-01", "kes_balita")
    assert df["kode_wilayah"].tolist() == ["63.01", "63.05"]
    assert df[["sasaran", "terlayani"]].values.tolist() == [
        [100, 90],
        [300, 263],
    ]  # 87.5 % of 300 = 262.5, rounded half up
    assert pd.isna(df["capaian_dilaporkan"].iloc[0]) and df["capaian_dilaporkan"].iloc[1] == 87.5


def test_bare_year_refused_for_a_monthly_indicator(writable_db, tmp_path):
    before = fingerprint(writable_db)
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani", "2019,63.03.01.2001,kes_skdn_d_per_s,100,80"]
    code, out = cli("import", write(tmp_path, "tahun.csv", lines), "--db", writable_db)
    assert code == 1
    assert (
        "tahun.csv: baris 2, kolom periode: nilai '2019' hanya tahun: indikator ini dilaporkan bulanan, "
        "tulis bulannya (YYYY-MM, mis. 2024-12)"
    ) in out
    assert fingerprint(writable_db) == before


def test_yearly_indicator_only_in_december(writable_db, tmp_path):
    con = duckdb.connect(str(writable_db))
    con.execute("update indikator set periode_laporan = 'tahunan' where kode_indikator = 'pend_paud_5_6'")
    con.close()
    before = fingerprint(writable_db)
    lines = [
        "periode,kode_wilayah,kode_indikator,sasaran,terlayani",
        "2019-06,63.03,pend_paud_5_6,100,80",
        "2019,63.71,pend_paud_5_6,100,70",
    ]
    code, out = cli("import", write(tmp_path, "tahunan.csv", lines), "--db", writable_db)
    assert code == 1
    assert (
        "tahunan.csv: baris 2, kolom periode: nilai '2019-06' indikator tahunan: nilainya dicatat pada Desember "
        "(tulis tahunnya saja, mis. 2024, atau 2024-12)"
    ) in out
    assert "baris 3" not in out
    assert fingerprint(writable_db) == before
    code, out = cli("import", write(tmp_path, "tahunan2.csv", [lines[0], lines[2]]), "--db", writable_db)
    assert code == 0, out
    assert stored(writable_db, "2019-12-01", "pend_paud_5_6")[["kode_wilayah", "terlayani"]].values.tolist() == [
        ["63.71", 70]
    ]


def test_header_on_row_1_with_unknown_columns_is_shown(writable_db, tmp_path):
    path = write(tmp_path, "apm.csv", ["wil,Nilai_APM,rt", "Banjar,87.5,3"])
    code, out = cli("validate", path, "--db", writable_db)
    assert code == 1
    assert out.splitlines() == [
        "apm.csv: judul kolom tidak dikenali: baris 1 dibaca sebagai judul kolom (wil | Nilai_APM | rt), tetapi tidak "
        "satu pun cocok dengan kolom kontrak (mis. periode, kode_wilayah atau nama_wilayah, kode_indikator, sasaran, "
        "terlayani); ganti judul kolomnya seperti di templat",
        "apm.csv: DITOLAK karena masalah pada berkas secara keseluruhan (lihat di atas); tidak ada data dari berkas "
        "ini yang dimuat",
    ]
    # the header names one area column only: which kinds were considered and how to choose
    path = write(tmp_path, "apm2.csv", ["kab,Nilai_APM,rt", "Banjar,87.5,3"])
    code, out = cli("validate", path, "--db", writable_db)
    assert code == 1
    assert out.splitlines()[0] == (
        "apm2.csv: jenis data tidak dapat dipastikan dari judul kolom (baris 1: kab | Nilai_APM | rt). Dipertimbangkan: "
        "capaian (ada nama_wilayah; kurang periode, kode_indikator, terlayani | capaian_persen); "
        "dampak (ada nama_wilayah; kurang kode_bencana); "
        "pemulihan (ada nama_wilayah; kurang kode_bencana, tanggal); "
        "anggaran (ada nama_wilayah; kurang tahun, kode_bidang); "
        "biaya_satuan (ada nama_wilayah; kurang tahun, kode_indikator, biaya_satuan, sumber). "
        "Pilih jenisnya sendiri: --jenis capaian|bencana|dampak|pemulihan|anggaran|biaya_satuan di baris perintah, "
        "atau 'Jenis data' di halaman unggah"
    )
    code, out = cli("validate", path, "--db", writable_db, "--jenis", "capaian")
    assert out.splitlines()[:2] == [
        "apm2.csv: kolom tidak dikenal diabaikan: Nilai_APM, rt",
        "apm2.csv: kolom wajib tidak ada: periode, kode_indikator, terlayani atau capaian_persen "
        "(judul kolom dibaca di baris 1: kab | Nilai_APM | rt)",
    ]


def test_welfare_table_is_not_taken_for_a_budget(writable_db, tmp_path):
    lines = [
        "Kabupaten/Kota,Tahun,Jumlah Penduduk Miskin (ribu),Garis Kemiskinan,Realisasi",
        "Banjar,2024,30.1,550000,12",
    ]
    code, out = cli("import", write(tmp_path, "miskin.csv", lines), "--db", writable_db)
    assert code == 1
    first = out.splitlines()[0]
    assert "jenis data tidak dapat dipastikan dari judul kolom (baris 1: Kabupaten/Kota | Tahun | Jumlah " in first
    assert "anggaran (ada tahun, nama_wilayah, realisasi; kurang kode_bidang)" in first
    assert "capaian (ada periode, nama_wilayah, terlayani; kurang kode_indikator)" in first
    assert "kode_bidang wajib" not in out and "1 kesalahan pada 0 baris" not in out


def test_merged_group_header_is_not_a_column(writable_db, tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Tabel 4.2 Cakupan pelayanan ibu hamil"])
    ws.append(["Periode", "Kabupaten/Kota", "Indikator", "Capaian", None])
    ws.append([None, None, None, "Sasaran", "Terlayani"])
    ws.merge_cells("A2:A3")
    ws.merge_cells("B2:B3")
    ws.merge_cells("C2:C3")
    ws.merge_cells("D2:E2")
    ws.append(["2019-12", "Banjar", "kes_ibu_hamil", 1000, 950])
    ws.append(["2019-12", "Kota Banjarbaru", "kes_ibu_hamil", 800, 700])
    path = tmp_path / "gabung.xlsx"
    wb.save(path)
    code, out = cli("import", path, "--db", writable_db)
    assert code == 0, out
    df = stored(writable_db, "2019-12-01")
    assert df[["kode_wilayah", "sasaran", "terlayani"]].values.tolist() == [["63.03", 1000, 950], ["63.72", 800, 700]]
    assert df["capaian_dilaporkan"].isna().all()
    # row numbers stay those of the sheet: a bad cell on sheet row 5
    ws.cell(row=5, column=5, value="sembilan")
    wb.save(path)
    code, out = cli("validate", path, "--db", writable_db)
    assert code == 1
    assert "gabung.xlsx: baris 5, kolom terlayani: nilai 'sembilan' bukan bilangan bulat" in out


def test_combined_area_is_flagged_in_completeness(writable_db, tmp_path):
    lines = [
        "Kode,Kabupaten/Kota,Tahun,Indikator,Sasaran,Terlayani",
        *bps_rows(skip=("Banjar", "Banjarbaru")),
        ",Banjar dan Banjarbaru,2019,kes_ibu_hamil,3000,2500",
    ]
    code, out = cli("import", write(tmp_path, "gabungan.csv", lines), "--db", writable_db)
    assert code == 0, out
    assert (
        "gabungan.csv: wilayah gabungan 'Banjar dan Banjarbaru' tidak dapat dipisah per kab/kota; baris 13 dilewati"
        in out
    )
    assert out.splitlines()[-1] == (
        "gabungan.csv: kelengkapan kes_ibu_hamil 2019-12: 11 dari 13 kab/kota; tidak ada: Banjar, Banjarbaru; "
        "digabung dalam berkas, tidak dapat dipisah: 'Banjar dan Banjarbaru' (baris 13)"
    )
    assert len(stored(writable_db, "2019-12-01")) == 11


def test_complete_file_says_so(writable_db, tmp_path):
    lines = ["Kode,Kabupaten/Kota,Tahun,Indikator,Sasaran,Terlayani", *bps_rows()]
    code, out = cli("validate", write(tmp_path, "lengkap.csv", lines), "--db", writable_db)
    assert code == 0, out
    assert out.splitlines()[-1] == (
        "lengkap.csv: lengkap: semua wilayah yang diharapkan ada untuk 1 pasangan periode dan indikator"
    )


def test_desa_completeness_is_summarised_per_kabkota(writable_db, tmp_path):
    desa = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_desa.csv", dtype=str)
    tanah_laut = desa[desa["kode_kabkota"] == "63.01"]["kode"].tolist()
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    lines += [f"2019-05,{k},kes_skdn_d_per_s,10,8" for k in tanah_laut[:-2]]
    code, out = cli("validate", write(tmp_path, "desa.csv", lines), "--db", writable_db)
    assert code == 0, out
    n_all = len(desa)
    others = ", ".join(KABKOTA["nama"].tolist()[1:])
    assert out.splitlines()[-1] == (
        f"desa.csv: kelengkapan kes_skdn_d_per_s 2019-05: {len(tanah_laut) - 2} dari {format(n_all, ',').replace(',', '.')} desa/kelurahan; "
        f"kab/kota tanpa data desa: {others}; sebagian desa: Tanah Laut {len(tanah_laut) - 2}/{len(tanah_laut)}"
    )


def test_file_level_summary_wording(writable_db, tmp_path):
    path = write(tmp_path, "kosong_kolom.csv", ["periode,kode_wilayah,sasaran", "2026-03,63.03,5"])
    code, out = cli("validate", path, "--db", writable_db, "--jenis", "capaian")
    assert code == 1
    assert out.splitlines()[-1] == (
        "kosong_kolom.csv: DITOLAK karena masalah pada berkas secara keseluruhan (lihat di atas); tidak ada data dari "
        "berkas ini yang dimuat"
    )


def test_merged_group_over_unknown_subcolumns_is_not_capaian_persen(writable_db, tmp_path):
    """Issue 14: a merged group cell "Capaian" over "L | P" was read as capaian_persen."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Periode", "Kabupaten/Kota", "Indikator", "Sasaran", "Terlayani", "Capaian", None])
    ws.append([None, None, None, None, None, "L", "P"])
    for col in "ABCDE":
        ws.merge_cells(f"{col}1:{col}2")
    ws.merge_cells("F1:G1")
    ws.append(["2019-12", "Banjar", "kes_ibu_hamil", 1000, 950, 40, 55])
    path = tmp_path / "jenis_kelamin.xlsx"
    wb.save(path)
    code, out = cli("import", path, "--db", writable_db)
    assert code == 0, out
    assert out.splitlines()[0] == "jenis_kelamin.xlsx: kolom tidak dikenal diabaikan: L, P"
    df = stored(writable_db, "2019-12-01")
    assert df[["kode_wilayah", "sasaran", "terlayani"]].values.tolist() == [["63.03", 1000, 950]]
    assert df["capaian_dilaporkan"].isna().all()


def test_notes_and_completeness_in_english(writable_db, tmp_path):
    lines = [
        "Kode,Kabupaten/Kota,Tahun,Indikator,Sasaran,Terlayani",
        *bps_rows(skip=("Tapin",)),
        ",Total,2019,kes_ibu_hamil,1,1",
        "6372,Banjarbaru,2019,kes_balita,…,…",
    ]
    code, out = cli("validate", write(tmp_path, "en.csv", lines), "--db", writable_db, "--bahasa", "en")
    assert code == 0, out
    assert out.splitlines() == [
        "en.csv: 1 total row(s) (Total) skipped: row(s) 14",
        "en.csv: 2 cell(s) marked '-' or '…' read as no data (empty, not zero): row(s) 15",
        "en.csv: 1 row(s) without a coverage figure ('-' or '…') not loaded: row(s) 15",
        "en.csv: periods given as a year only (2019) read as annual values, December of that year: 12 row(s)",
        "en.csv: 12 rows valid (0 flagged for data quality)",
        "en.csv: completeness kes_ibu_hamil 2019-12: 12 of 13 kab/kota; missing: Tapin",
    ]


def test_year_and_month_columns_are_not_read_as_an_annual_value(writable_db, tmp_path):
    lines = ["Tahun,Bulan,kode_wilayah,kode_indikator,sasaran,terlayani", "2019,3,63.03,kes_ibu_hamil,100,20"]
    before = fingerprint(writable_db)
    code, out = cli("import", write(tmp_path, "bulan.csv", lines), "--db", writable_db)
    assert code == 1
    assert out.splitlines()[0] == (
        "bulan.csv: lebih dari satu kolom dapat dibaca sebagai periode (Tahun, Bulan); jadikan satu kolom periode "
        "(YYYY-MM, mis. 2024-03), atau satu kolom tahun saja untuk nilai tahunan"
    )
    assert fingerprint(writable_db) == before
