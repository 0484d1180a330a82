"""Upload page and upload handling: a good file (checked, previewed, then loaded on confirmation), a bad file
(the full error list, the same messages as the CLI, nothing loaded), the size limit, operators kept to their own
kab/kota, viewers refused, and the undo of the last import restoring the previous data exactly."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.akses import auth
from dashboard.core import warehouse
from dashboard.impor.core import import_files, validate_files
from dashboard.unggah import upload
from tests.fixtures.akses import SECRETS, login
from tests.helpers import APP, fingerprint, read

GOOD = (
    b"periode,kode_wilayah,kode_indikator,sasaran,terlayani\n"
    b"2026-03,63.03,kes_ibu_hamil,10000,2700\n"  # replaces 2600
    b"2026-03,63.03.01.2001,kes_skdn_n_per_d,85,80\n"  # new
)
BAD = (
    b"periode,kode_wilayah,kode_indikator,sasaran,terlayani\n"
    b"2026-13,63.03,kes_ibu_hamil,10000,2700\n"  # row 2: no such month
    b"2026-03,63.99,kes_ibu_hamil,10000,2700\n"  # row 3: no such area
    b"2026-03,63.03,bukan_indikator,10,5\n"  # row 4: no such indicator
    b"2026-03,63.03,kes_balita,-5,abc\n"  # row 5: negative sasaran, terlayani not a number
)
OTHER_KAB = (
    b"periode,kode_wilayah,kode_indikator,sasaran,terlayani\n"
    b"2026-03,63.03,kes_ibu_hamil,10000,2700\n"
    b"2026-03,63.71,kes_ibu_hamil,12000,3400\n"  # row 3: Banjarmasin, not Banjar
    b"2026-03,63.71.01.1001,kes_skdn_d_per_s,120,118\n"  # row 4: a desa of Banjarmasin
)
ADMIN = auth.User("admin", "admin")
OPERATOR = auth.User("op_banjar", "operator", "63.03")


def ibu_hamil_banjar(db: Path) -> int:
    df = read(db, "select terlayani from fakta_capaian where kode_wilayah = '63.03' and kode_indikator = 'kes_ibu_hamil' "
                  "and periode = date '2026-03-01'")  # fmt: skip
    return int(df["terlayani"].iloc[0])


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def db(writable_db, monkeypatch):
    from dashboard.core.settings import settings

    monkeypatch.setenv("SPM_DB", str(writable_db))
    settings.cache_clear()
    return writable_db


def upload_page(user: str | None = None, lang: str = "id") -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pengguna"] = SECRETS["pengguna"]
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert not at.exception, at.exception
    if user:
        login(at, user)
        assert not at.exception, at.exception
    return at


def table(at: AppTest, column: str):
    """The first table on the page that has ``column`` (AppTest does not expose a read-only table's key)."""
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise KeyError(column)


def plain(text: str) -> str:
    return text.replace("\\", "")  # the page escapes markdown in messages built from file content


# --- AppTest: the page -------------------------------------------------------------------------------------------


def test_good_file_is_checked_then_loaded_on_confirmation(db):
    before = fingerprint(db)
    at = upload_page("admin")
    at.file_uploader[0].set_value(("laporan_maret.csv", GOOD, "text/csv")).run()
    assert not at.exception
    assert any("2 baris valid" in plain(s.value) for s in at.success)
    preview = table(at, "jumlah_masalah")
    assert list(preview["_baris"]) == [2, 3] and list(preview["terlayani"]) == [2700, 80]
    assert fingerprint(db) == before  # checked and previewed, nothing loaded yet
    at.button(key="unggah_muat").click().run()
    assert not at.exception
    assert any("2 baris diterima (1 baru, 1 mengganti data lama" in plain(s.value) for s in at.success)
    assert ibu_hamil_banjar(db) == 2700
    log = read(db, "select * from impor order by id_impor desc limit 1").iloc[0]
    assert (log["pengguna"], log["nama_file"], log["baris_baru"], log["baris_diganti"], log["jenis"]) == (
        "admin", "laporan_maret.csv", 1, 1, "capaian",
    )  # fmt: skip
    assert log["sha256"] == hashlib.sha256(GOOD).hexdigest()
    assert len(at.file_uploader) == 1 and at.file_uploader[0].value is None  # a fresh uploader: no double import
    assert table(at, "SHA-256")["ID"].iloc[0] == log["id_impor"]


def test_bad_file_lists_every_problem_and_loads_nothing(db, tmp_path):
    before = fingerprint(db)
    at = upload_page("admin")
    at.file_uploader[0].set_value(("salah.csv", BAD, "text/csv")).run()
    assert not at.exception
    assert any("DITOLAK, 5 kesalahan pada 4 baris" in plain(e.value) for e in at.error)
    problems = table(at, "pesan")
    assert list(zip(problems["baris"], problems["kolom"], strict=True)) == [
        (2, "periode"), (3, "kode_wilayah"), (4, "kode_indikator"), (5, "sasaran"), (5, "terlayani"),
    ]  # fmt: skip
    assert list(problems["nilai"]) == ["2026-13", "63.99", "bukan_indikator", "-5", "abc"]
    # the same rules and messages as the CLI
    path = tmp_path / "salah.csv"
    path.write_bytes(BAD)
    cli_messages = validate_files([path], db, display_names=["salah.csv"])[0].messages("id")
    assert list(problems["pesan"]) == cli_messages
    assert "unggah_muat" not in [b.key for b in at.button]
    assert fingerprint(db) == before


def test_english_messages(db):
    at = upload_page("admin", lang="en")
    at.file_uploader[0].set_value(("salah.csv", BAD, "text/csv")).run()
    assert any("REJECTED, 5 problems in 4 rows" in plain(e.value) for e in at.error)
    assert "is not a valid period" in table(at, "pesan")["pesan"].iloc[0]


def test_viewer_is_refused_upload(db):
    at = upload_page("tamu")
    assert any("viewer" in e.value for e in at.error)
    assert len(at.file_uploader) == 0
    assert any("tidak dapat membatalkan" in i.value.replace("\\", "") for i in at.info)


def test_anonymous_visitor_must_log_in(db):
    at = upload_page()
    assert any("memerlukan login" in i.value for i in at.info)
    assert len(at.file_uploader) == 0
    assert "unggah_templat_capaian" in [b.key for b in at.get("download_button")]  # templates stay public


def test_operator_is_refused_rows_of_another_kabkota(db):
    before = fingerprint(db)
    at = upload_page("op_banjar")
    at.file_uploader[0].set_value(("campur.csv", OTHER_KAB, "text/csv")).run()
    assert not at.exception
    assert any("2 baris berada di luar Kabupaten Banjar" in plain(e.value) for e in at.error)
    problems = table(at, "pesan")
    assert list(zip(problems["baris"], problems["nilai"], strict=True)) == [(3, "63.71"), (4, "63.71.01.1001")]
    assert all("di luar Kabupaten Banjar" in m for m in problems["pesan"])
    assert "unggah_muat" not in [b.key for b in at.button]
    assert fingerprint(db) == before


def test_operator_loads_own_kabkota_and_undoes_own_import(db):
    original = sha(db)
    at = upload_page("op_banjar")
    at.file_uploader[0].set_value(("banjar.csv", GOOD, "text/csv")).run()
    at.button(key="unggah_muat").click().run()
    assert not at.exception
    assert ibu_hamil_banjar(db) == 2700
    assert read(db, "select pengguna from impor order by id_impor desc limit 1")["pengguna"].iloc[0] == "op_banjar"
    at.checkbox(key="unggah_batal_yakin").check().run()
    at.button(key="unggah_batal").click().run()
    assert not at.exception
    assert ibu_hamil_banjar(db) == 2600
    assert sha(db) == original


def test_undo_restores_the_previous_data_exactly(db):
    original_fp, original_sha = fingerprint(db), sha(db)
    at = upload_page("admin")
    at.file_uploader[0].set_value(("laporan.csv", GOOD, "text/csv")).run()
    at.button(key="unggah_muat").click().run()
    assert fingerprint(db) != original_fp
    assert at.button(key="unggah_batal").disabled  # needs the confirmation tick first
    at.checkbox(key="unggah_batal_yakin").check().run()
    at.button(key="unggah_batal").click().run()
    assert not at.exception
    assert any("dibatalkan" in s.value for s in at.success)
    assert fingerprint(db) == original_fp
    assert sha(db) == original_sha  # byte for byte the file before the import
    assert ibu_hamil_banjar(db) == 2600
    assert (
        read(db, "select count(*) as n from fakta_capaian where kode_indikator = 'kes_skdn_n_per_d'")["n"].iloc[0] == 0
    )
    undone = table(at, "oleh")
    assert (undone["oleh"].iloc[0], undone["nama_file"].iloc[0]) == ("admin", "laporan.csv")
    # the fixture's own imports have no backup in this copy: nothing further to undo, and the page says why
    assert any("tidak ada cadangan" in plain(i.value) for i in at.info)


def test_size_limit_has_a_clear_message(db, tmp_path, monkeypatch):
    from dashboard.core.settings import settings

    cfg = tmp_path / "batas.toml"
    cfg.write_text("[unggah]\nbatas_mb = 1\n", encoding="utf-8")
    monkeypatch.setenv("SPM_CONFIG", str(cfg))
    settings.cache_clear()
    big = GOOD + b"\n" * (1024 * 1024 + 10)
    at = upload_page("admin")
    at.file_uploader[0].set_value(("besar.csv", big, "text/csv")).run()
    assert not at.exception
    assert any("melebihi batas 1 MB" in plain(e.value) for e in at.error)
    assert "unggah_muat" not in [b.key for b in at.button]
    settings.cache_clear()


def test_admin_sees_accounts_without_hashes(db):
    at = upload_page("admin")
    accounts = table(at, "akun")
    assert "op_banjar" in set(accounts["akun"])
    assert not accounts.astype(str).apply(lambda c: c.str.contains("scrypt")).any().any()
    operator = upload_page("op_banjar")
    with pytest.raises(KeyError):
        table(operator, "akun")


# --- functions -----------------------------------------------------------------------------------------------------


def test_unknown_codes_are_not_reported_twice_for_an_operator(db):
    checked = upload.check_upload(BAD, "salah.csv", None, OPERATOR, db)
    assert checked.outside.empty  # 63.99 is already "not in the list of areas"; the other rows are in Banjar
    mixed = BAD + b"2026-03,63.71,kes_balita,50000,47000\n"
    checked = upload.check_upload(mixed, "salah.csv", None, OPERATOR, db)
    assert list(checked.outside["kode_wilayah"]) == ["63.71"]
    assert "Selain itu 1 baris berada di luar Kabupaten Banjar" in checked.summary("id")
    assert len(checked.problems("id")) == 6


def test_operator_cannot_load_a_province_wide_kind(db):
    events = b"kode_bencana,nama,tanggal_mulai\nBJR-2026-01,Banjir Banjar,2026-01-05\n"
    checked = upload.check_upload(events, "bencana.csv", "bencana", OPERATOR, db)
    assert not checked.ok and checked.refusal == "akses.jenis_tanpa_wilayah"
    assert upload.check_upload(events, "bencana.csv", "bencana", ADMIN, db).refusal is None


def test_load_refuses_other_bytes_or_user_than_checked(db):
    checked = upload.check_upload(GOOD, "a.csv", None, ADMIN, db)
    assert checked.ok and checked.kind == "capaian"
    assert upload.load_upload(BAD, checked, ADMIN, db).refusal == "unggah.periksa_ulang"
    assert upload.load_upload(GOOD, checked, OPERATOR, db).refusal == "unggah.periksa_ulang"
    assert upload.load_upload(GOOD, checked, None, db).refusal == "unggah.periksa_ulang"
    loaded = upload.load_upload(GOOD, checked, ADMIN, db)
    assert loaded.refusal is None and loaded.report.loaded and loaded.import_id == 4


def test_reads_see_the_new_file_while_an_old_connection_is_open(db):
    old = warehouse.connect_readonly(db)  # like the app's cached reader on the version before the import
    try:
        loaded = upload.load_upload(GOOD, upload.check_upload(GOOD, "a.csv", None, ADMIN, db), ADMIN, db)
        assert loaded.import_id == 4
        assert upload.last_import(db)["id_impor"] == 4
        assert upload.undo_plan(db, ADMIN).possible
    finally:
        old.close()


def test_undo_only_with_the_backup_taken_just_before(db):
    assert upload.undo_plan(db, ADMIN).reason == "unggah.batal_tanpa_cadangan"  # the fixture's import 3
    upload.load_upload(GOOD, upload.check_upload(GOOD, "a.csv", None, ADMIN, db), ADMIN, db)
    plan = upload.undo_plan(db, ADMIN)
    assert plan.possible and plan.info["id"] == 4
    assert upload.undo_plan(db, OPERATOR).reason == "akses.operator_bukan_impornya"
    assert upload.undo_plan(db, None).reason == "akses.perlu_login_batal"
    with warehouse.writer(db):  # any later write that is not an import: its backup contains import 4
        pass
    assert upload.undo_plan(db, ADMIN).reason == "unggah.batal_cadangan_tidak_cocok"


def test_undo_refuses_when_an_import_landed_in_between(db, tmp_path):
    upload.load_upload(GOOD, upload.check_upload(GOOD, "a.csv", None, ADMIN, db), ADMIN, db)
    plan = upload.undo_plan(db, ADMIN)
    other = tmp_path / "lain.csv"
    other.write_text("periode,kode_wilayah,kode_indikator,sasaran,terlayani\n2026-03,63.03,kes_balita,40000,9100\n")
    import_files([other], db, user="lain")
    with pytest.raises(upload.UndoRefused) as refused:
        upload.undo(db, plan, ADMIN)
    assert refused.value.reason == "unggah.batal_berubah"
    assert read(db, "select max(id_impor) as m from impor")["m"].iloc[0] == 5  # nothing thrown away


def test_problem_table_and_names_are_inert():
    assert upload.safe_name("../../<img src=x onerror=alert(1)>.csv") == "img src_x onerror_alert(1)_.csv"
    assert upload.md_escape("![x](http://a/b.png) [t](javascript:x) **b**") == (
        r"\!\[x\]\(http\://a/b.png\) \[t\]\(javascript\:x\) \*\*b\*\*"
    )


def test_error_list_download_neutralises_formulas_like_every_other_download(db):
    hostile = (
        b"periode,kode_wilayah,kode_indikator,sasaran,terlayani\n"
        b'2026-03,"=HYPERLINK(""http://x"",""klik"")",kes_balita,10,5\n'
        b"2026-03,@SUM(A1),kes_balita,10,5\n"
        b"2026-03,+63.03,kes_balita,10,5\n"
    )
    checked = upload.check_upload(hostile, "jahat.csv", None, ADMIN, db)
    data = upload.problems_csv(checked, "id")
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM of the other CSV downloads
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0] == "baris;kolom;nilai;pesan"
    values = [line.split(";")[2] for line in lines[1:]]
    assert values == ['"\'=HYPERLINK(""http://x"",""klik"")"', "'@SUM(A1)", "'+63.03"]
    assert not any(line.split(";")[3].startswith(("=", "+", "-", "@")) for line in lines[1:])
    assert upload.problems_csv(checked, "en").decode("utf-8-sig").splitlines()[0] == "baris,kolom,nilai,pesan"


def test_hidden_rows_are_named_before_loading(db, tmp_path):
    from tests.fixtures import jahat

    rows = [["periode", "kode_wilayah", "kode_indikator", "sasaran", "terlayani"],
            ["2026-03", "63.03", "kes_ibu_hamil", 10000, 2700], ["2026-03", "63.03.01.2001", "kes_skdn_n_per_d", 85, 80]]  # fmt: skip
    data = jahat.hidden_rows_xlsx(tmp_path / "x.xlsx", rows, hidden=[3]).read_bytes()
    at = upload_page("admin")
    at.file_uploader[0].set_value(("tersembunyi.xlsx", data, "application/octet-stream")).run()
    assert not at.exception
    notes = [w.value for w in at.warning if "disembunyikan" in w.value]
    assert notes == [r"tersembunyi.xlsx\: 1 baris yang disembunyikan di Excel ikut diperiksa dan dimuat \(baris 3\); "
                     r"bila baris itu tidak dimaksudkan, hapus lalu unggah ulang"]  # fmt: skip


# --- conventions and completeness (issue 16) ----------------------------------------------------------------------

BPS_FILE = (
    "Kode,Kabupaten/Kota,Tahun,Indikator,Sasaran,Terlayani\n"
    "6300,KALIMANTAN SELATAN,2019,kes_ibu_hamil,9999,8888\n"
    + "".join(
        f"{bps},{nama},2019,kes_ibu_hamil,1000,900\n"
        for bps, nama in [
            ("6301", "Tanah Laut"), ("6302", "Kotabaru"), ("6303", "Banjar"), ("6304", "Barito Kuala"),
            ("6305", "Tapin"), ("6307", "Hulu Sungai Tengah"), ("6308", "Hulu Sungai Utara"), ("6309", "Tabalong"),
            ("6310", "Tanah Bumbu"), ("6311", "Balangan"), ("6371", "Banjarmasin"), ("6372", "Banjarbaru"),
        ]
    )
    + ",JUMLAH,2019,kes_ibu_hamil,12000,10800\n"
).encode()  # fmt: skip


def test_conventions_and_completeness_are_shown_after_validation(db):
    at = upload_page("admin")
    at.file_uploader[0].set_value(("bps_2019.csv", BPS_FILE, "text/csv")).run()
    assert not at.exception
    assert any("12 baris valid" in plain(s.value) for s in at.success)
    notes = plain(at.info[0].value)
    assert "bps_2019.csv: 1 baris jumlah/total (JUMLAH) dilewati: baris 15" in notes
    assert "1 baris provinsi (Kalimantan Selatan, 6300) dilewati" in notes
    assert "periode berupa tahun saja (2019) dibaca sebagai nilai tahunan, Desember tahun itu: 12 baris" in notes
    assert [e.label for e in at.expander if e.label == "Kelengkapan wilayah"] == ["Kelengkapan wilayah"]
    shown = " ".join(plain(m.value) for m in at.markdown)
    assert "bps_2019.csv: kelengkapan kes_ibu_hamil 2019-12: 12 dari 13 kab/kota; tidak ada: Hulu Sungai Selatan" in shown
    at.button(key="unggah_muat").click().run()
    assert not at.exception
    stored = read(db, "select count(*) n, sum(terlayani) t from fakta_capaian where periode = date '2019-12-01'")
    assert (int(stored["n"][0]), int(stored["t"][0])) == (12, 10800)
