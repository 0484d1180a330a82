"""Import contract for the flood kinds (bencana, dampak, pemulihan): templates round-trip into the warehouse,
good files load (detected by their headers), bad rows are rejected with row-level messages and a rejected file
changes nothing."""

from __future__ import annotations

import shutil

import openpyxl
import pytest

from dashboard.impor.core import import_files, validate_files
from dashboard.impor.kinds import KINDS
from dashboard.impor.templates import write_template
from tests.fixtures.banjir import write_flood_files
from tests.helpers import cli, fingerprint, read

EVENTS = "kode_bencana,nama,jenis,tanggal_mulai,tanggal_selesai,status,keterangan"
IMPACT = "kode_bencana,kode_wilayah,nama_wilayah,kk_terdampak,jiwa_terdampak,jiwa_mengungsi,rumah_rusak_berat,sekolah_terdampak"
PROGRESS = "kode_bencana,kode_wilayah,tanggal,rumah_rusak_berat_diperbaiki,sekolah_pulih,kk_menerima_bantuan"
EVENT_ROW = "UJI-1,Banjir uji,banjir,2026-01-05,2026-01-20,pemulihan,"


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def event_db(fixture_db, tmp_path_factory):
    """A copy of the fixture warehouse with event UJI-1 and its impact in Kecamatan Binuang (63.05.01); read-only."""
    folder = tmp_path_factory.mktemp("impor_banjir")
    db = folder / "spm.duckdb"
    shutil.copyfile(fixture_db, db)
    files = [
        write(folder, "ev.csv", EVENTS + "\n" + EVENT_ROW + "\n"),
        write(folder, "dp.csv", IMPACT + "\nUJI-1,63.05.01,,100,400,20,5,2\n"),
    ]
    reports = import_files(files, db, user="uji")
    assert all(r.loaded for r in reports), [m for r in reports for m in r.messages()]
    return db


@pytest.fixture
def with_event(event_db, tmp_path):
    """A private, writable copy of `event_db`."""
    db = tmp_path / "spm.duckdb"
    shutil.copyfile(event_db, db)
    return db


def test_flood_templates_round_trip_into_the_warehouse(writable_db, tmp_path):
    paths = [write_template(KINDS[k], tmp_path / f"templat_{k}.xlsx") for k in ("bencana", "dampak", "pemulihan")]
    for path, kind in zip(paths, ("bencana", "dampak", "pemulihan"), strict=True):
        wb = openpyxl.load_workbook(path)
        assert [c.value for c in wb["Data"][1]] == KINDS[kind].column_names
        assert "Petunjuk" in wb.sheetnames and ("Wilayah" in wb.sheetnames) == (kind != "bencana")
    reports = import_files(paths, writable_db, user="uji")  # kinds detected from the headers
    assert [(r.kind, r.loaded, r.rows, r.flagged) for r in reports] == [
        ("bencana", True, 1, 0), ("dampak", True, 1, 0), ("pemulihan", True, 1, 0),
    ]  # fmt: skip
    ev = read(writable_db, "select * from bencana")
    assert ev[["kode_bencana", "status"]].values.tolist() == [["BJR-2025-12", "pemulihan"]]
    assert str(ev["tanggal_mulai"][0].date()) == "2025-12-29" and str(ev["tanggal_selesai"][0].date()) == "2026-01-27"
    dp = read(writable_db, "select * from dampak_bencana")
    assert dp[["kode_wilayah", "jiwa_terdampak", "rumah_rusak_berat", "sarana_sanitasi_rusak"]].values.tolist() == [
        ["63.03.05", 6980, 12, 22]
    ]
    pm = read(writable_db, "select * from pemulihan")
    assert str(pm["tanggal"][0].date()) == "2026-03-31" and pm["kk_menerima_bantuan"][0] == 1980
    # the marts follow: every desa of the kecamatan is affected, progress against damage is computed
    n_desa = read(
        writable_db, "select count(*) n from wilayah where kode_kecamatan = '63.03.05' and tingkat = 'desa'"
    ).n[0]
    assert read(writable_db, "select count(*) n from mart_banjir_desa").n[0] == n_desa
    fis = read(
        writable_db,
        "select * from mart_banjir_fisik where kode_wilayah = '63.03.05' and komponen = 'rumah_rusak_berat' order by tanggal",
    )
    assert fis[["rusak", "pulih", "sisa"]].values.tolist() == [[12, 0, 12], [12, 4, 8]]


def test_fixture_files_are_detected_and_valid(flood_files):
    reports = validate_files(flood_files[:1])
    assert reports[0].kind == "bencana" and reports[0].ok and reports[0].rows == 2


@pytest.fixture
def flood_files(tmp_path):
    return write_flood_files(tmp_path / "banjir")


REJECTIONS = [
    # events
    ("ev_kode.csv", EVENTS + "\n,Banjir,banjir,2026-01-05,,,\n", "baris 2, kolom kode_bencana: wajib diisi"),
    ("ev_nama.csv", EVENTS + "\nUJI-2,,banjir,2026-01-05,,,\n", "baris 2, kolom nama: wajib diisi"),
    ("ev_mulai.csv", EVENTS + "\nUJI-2,Banjir,banjir,32/01/2026,,,\n",
     "baris 2, kolom tanggal_mulai: nilai '32/01/2026' bukan tanggal yang sah"),
    ("ev_terbalik.csv", EVENTS + "\nUJI-2,Banjir,banjir,2026-01-05,2026-01-01,,\n",
     "baris 2, kolom tanggal_selesai: nilai '2026-01-01' tanggal selesai sebelum tanggal mulai"),
    ("ev_status.csv", EVENTS + "\nUJI-2,Banjir,banjir,2026-01-05,,siaga,\n",
     "baris 2, kolom status: nilai 'siaga' bukan salah satu dari: tanggap_darurat, transisi_darurat, pemulihan, selesai"),
    ("ev_ganda.csv", EVENTS + "\nUJI-2,Banjir,banjir,2026-01-05,,,\nuji-2,Banjir lagi,banjir,2026-01-06,,,\n",
     "baris 3, kolom kode_bencana: nilai 'uji-2' baris ganda: kunci yang sama sudah ada di baris 2"),
    ("ev_kolom.csv", "kode_bencana,nama\nUJI-2,Banjir\n", "kolom wajib tidak ada: tanggal_mulai"),
    # impacts
    ("dp_kejadian.csv", IMPACT + "\nUJI-9,63.05.01,,1,1,0,0,0\n",
     "baris 2, kolom kode_bencana: nilai 'UJI-9' kode kejadian belum ada di daftar bencana"),
    ("dp_wilayah.csv", IMPACT + "\nUJI-1,63.99.01,,1,1,0,0,0\n", "baris 2, kolom kode_wilayah: nilai '63.99.01' tidak ada dalam daftar wilayah"),
    ("dp_kode.csv", IMPACT + "\nUJI-1,Binuang,,1,1,0,0,0\n", "baris 2, kolom kode_wilayah: nilai 'Binuang' bukan kode Kemendagri"),
    ("dp_tanpa_wilayah.csv", IMPACT + "\nUJI-1,,,1,1,0,0,0\n", "baris 2, kolom kode_wilayah: wajib diisi"),
    ("dp_nama.csv", IMPACT + "\nUJI-1,,Kabupaten Bogor,1,1,0,0,0\n",
     "baris 2, kolom nama_wilayah: nilai 'Kabupaten Bogor' tidak dikenali sebagai nama kab/kota"),
    ("dp_negatif.csv", IMPACT + "\nUJI-1,63.05.01,,-3,1,0,0,0\n", "baris 2, kolom kk_terdampak: nilai '-3' tidak boleh negatif"),
    ("dp_teks.csv", IMPACT + "\nUJI-1,63.05.01,,1,banyak,0,0,0\n",
     "baris 2, kolom jiwa_terdampak: nilai 'banyak' bukan bilangan bulat"),
    ("dp_ganda.csv", IMPACT + "\nUJI-1,63.05.01,,1,1,0,0,0\nUJI-1,630501,,2,2,0,0,0\n",
     "baris 3, kolom kode_wilayah: nilai '630501' baris ganda: kunci yang sama sudah ada di baris 2"),
    # progress
    ("pm_kejadian.csv", PROGRESS + "\nUJI-9,63.05.01,2026-02-28,1,1,1\n",
     "baris 2, kolom kode_bencana: nilai 'UJI-9' kode kejadian belum ada di daftar bencana"),
    ("pm_tanggal.csv", PROGRESS + "\nUJI-1,63.05.01,Februari,1,1,1\n", "baris 2, kolom tanggal: nilai 'Februari' bukan tanggal yang sah"),
    ("pm_tanpa_tanggal.csv", PROGRESS + "\nUJI-1,63.05.01,,1,1,1\n", "baris 2, kolom tanggal: wajib diisi"),
    ("pm_negatif.csv", PROGRESS + "\nUJI-1,63.05.01,2026-02-28,-1,1,1\n",
     "baris 2, kolom rumah_rusak_berat_diperbaiki: nilai '-1' tidak boleh negatif"),
    ("pm_pecahan.csv", PROGRESS + "\nUJI-1,63.05.01,2026-02-28,1,\"1,5\",1\n", "baris 2, kolom sekolah_pulih: nilai '1,5' bukan bilangan bulat"),
    ("pm_ganda.csv", PROGRESS + "\nUJI-1,63.05.01,2026-02-28,1,1,1\nUJI-1,63.05.01,28/02/2026,2,2,2\n",
     "baris 3, kolom tanggal: nilai '28/02/2026' baris ganda: kunci yang sama sudah ada di baris 2"),
]  # fmt: skip


@pytest.mark.parametrize("name,text,expected", REJECTIONS, ids=[r[0] for r in REJECTIONS])
def test_bad_rows_are_rejected_with_row_level_messages(event_db, tmp_path, name, text, expected):
    code, out = cli("validate", write(tmp_path, name, text), "--db", event_db)
    assert code == 1, out
    assert f"{name}: " in out and expected in out, out
    assert "DITOLAK" in out


def test_a_rejected_file_of_each_kind_changes_nothing(with_event, tmp_path):
    before = fingerprint(with_event)
    for name, text, expected in (REJECTIONS[3], REJECTIONS[9], REJECTIONS[16]):
        code, out = cli("import", write(tmp_path, name, text), "--db", with_event)
        assert code == 1 and expected in out and "tidak ada data dari berkas ini yang dimuat" in out
        assert fingerprint(with_event) == before


def test_every_problem_of_a_progress_file_is_listed_in_english(with_event, tmp_path):
    text = PROGRESS + "\nUJI-9,63.05.01,2026-02-30,1,1,1\nUJI-1,63.05.01,2026-02-28,x,1,-2\n"
    before = fingerprint(with_event)
    code, out = cli("import", write(tmp_path, "p.csv", text), "--db", with_event, "--bahasa", "en")
    assert code == 1
    lines = [line for line in out.splitlines() if line.startswith("p.csv: row")]
    assert lines == [
        "p.csv: row 2, column kode_bencana: value 'UJI-9' event code is not in the event register (import the events file first)",
        "p.csv: row 2, column tanggal: value '2026-02-30' is not a valid date (use YYYY-MM-DD or DD/MM/YYYY)",
        "p.csv: row 3, column rumah_rusak_berat_diperbaiki: value 'x' is not a whole number (e.g. 1234 or 1.234)",
        "p.csv: row 3, column kk_menerima_bantuan: value '-2' must not be negative",
    ]
    assert "REJECTED" in out and fingerprint(with_event) == before


def test_progress_above_the_damage_is_loaded_but_flagged(with_event, tmp_path):
    # Binuang recorded 5 heavily damaged houses, 2 schools, 100 households
    ok = write(tmp_path, "ok.csv", PROGRESS + "\nUJI-1,63.05.01,2026-02-28,5,2,100\n")
    over = write(tmp_path, "lebih.csv", PROGRESS + "\nUJI-1,63.05.01,2026-03-31,6,2,100\n")
    reports = import_files([ok, over], with_event, user="uji")
    assert [(r.loaded, r.flagged) for r in reports] == [(True, 0), (True, 1)]
    fis = read(with_event, "select pulih, sisa, persen_pulih from mart_banjir_fisik where kode_wilayah = '63.05.01' "
                           "and komponen = 'rumah_rusak_berat' and tanggal = '2026-03-31'")  # fmt: skip
    assert fis.values.tolist() == [[6, 0, 100.0]]  # backlog and percent never go past the damage


def test_displaced_above_affected_is_flagged_and_reimport_replaces(with_event, tmp_path):
    dp = write(tmp_path, "dp2.csv", IMPACT + "\nUJI-1,63.05.01,,100,400,500,5,2\n")
    (rep,) = import_files([dp], with_event, user="uji")
    assert rep.loaded and rep.flagged == 1 and rep.replaced == 1 and rep.new == 0
    ev = write(
        tmp_path,
        "ev2.csv",
        EVENTS + "\nUJI-1,Banjir uji,banjir,2026-01-05,2026-01-20,Transisi Darurat Menuju Pemulihan,\n",
    )
    (rep,) = import_files([ev], with_event, user="uji")
    assert rep.loaded and rep.replaced == 1
    assert read(with_event, "select status from bencana where kode_bencana = 'UJI-1'").status[0] == "transisi_darurat"
    assert read(with_event, "select count(*) n from dampak_bencana where kode_bencana = 'UJI-1'").n[0] == 1


def test_sanitation_restored_above_the_damage_is_flagged(with_event, tmp_path):
    """stg_pemulihan used to skip the sanitation comparison when flagging rows above the recorded damage."""
    dp = write(tmp_path, "dp_san.csv", "kode_bencana,kode_wilayah,sarana_sanitasi_rusak\nUJI-1,63.05.02,3\n")
    pm = write(tmp_path, "pm_san.csv", "kode_bencana,kode_wilayah,tanggal,sarana_sanitasi_pulih\nUJI-1,63.05.02,2026-02-28,4\n")
    reports = import_files([dp, pm], with_event, user="uji")
    assert [(r.kind, r.loaded, r.flagged) for r in reports] == [("dampak", True, 0), ("pemulihan", True, 1)]
