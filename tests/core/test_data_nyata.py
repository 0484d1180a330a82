"""Real and synthetic data never mix silently: `init` makes a warehouse with the reference data only, the app shows an
empty-state page on it, an import into the synthetic sample is refused unless explicitly mixed (then every page, export
and deck says so), and the banner always tells what is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.pages import PAGES
from tests.fixtures.akses import SECRETS, login
from tests.helpers import APP, FACT_TABLES, cli, fingerprint, open_page, read

CSV = "periode,kode_wilayah,kode_indikator,sasaran,terlayani\n2026-03,63.11,pend_dikdas_7_15,25000,24000\n"
REFUSED_ID = "Ditolak: gudang data"


def use_db(monkeypatch, db: Path) -> Path:
    from dashboard.core.settings import settings

    monkeypatch.setenv("SPM_DB", str(db))
    settings.cache_clear()
    return db


def meta(db: Path) -> dict[str, str]:
    df = read(db, "select kunci, nilai from meta")
    return dict(zip(df["kunci"], df["nilai"], strict=True))


def csv_file(tmp_path: Path, name: str = "laporan_nyata.csv") -> Path:
    path = tmp_path / name
    path.write_text(CSV, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def init_db(tmp_path_factory) -> Path:
    """A warehouse made by `python -m dashboard init` (read-only for tests)."""
    db = tmp_path_factory.mktemp("init") / "nyata.duckdb"
    code, out = cli("init", "--db", db)
    assert code == 0, out
    return db


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    """A small synthetic sample warehouse (Banjarmasin, January to March 2026; read-only: copy it before writing)."""
    from dashboard.sampel import generator

    db = tmp_path_factory.mktemp("sampel") / "sampel.duckdb"
    generator.build_sample(db, kabkota=("63.71",), start="2026-01", end="2026-03")
    return db


@pytest.fixture
def sample_copy(sample_db, tmp_path) -> Path:
    target = tmp_path / "sampel.duckdb"
    shutil.copyfile(sample_db, target)
    return target


@pytest.fixture
def mixed_db(sample_copy, tmp_path) -> Path:
    code, out = cli("import", csv_file(tmp_path), "--db", sample_copy, "--campur-sampel")
    assert code == 0, out
    return sample_copy


# --- init ------------------------------------------------------------------------------------------------------------


def test_init_creates_a_warehouse_with_the_reference_data_only(init_db):
    counts = read(init_db, "select (select count(*) from wilayah) w, (select count(*) from indikator) i, "
                           "(select count(*) from bidang) b").iloc[0]  # fmt: skip
    assert (counts["w"], counts["i"], counts["b"]) == (2186, 62, 7)  # 1 + 13 + 156 + 2,016 units; the catalog
    levels = read(init_db, "select tingkat, count(*) n from wilayah group by all order by n")
    assert list(levels["n"]) == [1, 13, 156, 2016]
    assert all(v[0] == 0 for v in fingerprint(init_db).values()), fingerprint(init_db)  # no fact, no import
    assert set(FACT_TABLES) == set(fingerprint(init_db))
    info = meta(init_db)
    assert "sampel" not in info and "campuran" not in info
    assert {"dibangun", "versi_skema", "versi_mart"} <= set(info)
    from dashboard.core.warehouse import is_current

    assert is_current(init_db)  # no mart rebuild needed when the app opens it


def test_init_refuses_an_existing_file(init_db, tmp_path):
    before = fingerprint(init_db), init_db.stat().st_mtime_ns
    code, out = cli("init", "--db", init_db)
    assert code == 2
    assert out.strip().count("\n") == 0 and "sudah ada" in out and str(init_db) in out  # one clear line
    assert (fingerprint(init_db), init_db.stat().st_mtime_ns) == before
    other = tmp_path / "catatan.duckdb"
    other.write_text("bukan gudang", encoding="utf-8")
    code, out = cli("init", "--db", other, "--bahasa", "en")
    assert code == 2 and "already exists" in out
    assert other.read_text(encoding="utf-8") == "bukan gudang"


def test_an_import_into_an_init_warehouse_is_real_data(init_db, tmp_path):
    db = tmp_path / "nyata.duckdb"
    shutil.copyfile(init_db, db)
    code, out = cli("import", csv_file(tmp_path), "--db", db)
    assert code == 0, out
    assert read(db, "select count(*) n from fakta_capaian")["n"][0] == 1
    assert "sampel" not in meta(db) and "campuran" not in meta(db)


# --- the sample is never mixed silently ------------------------------------------------------------------------------


def test_import_into_the_sample_is_refused(sample_copy, tmp_path):
    before = fingerprint(sample_copy)
    code, out = cli("import", csv_file(tmp_path), "--db", sample_copy)
    assert code == 2
    assert out.startswith(REFUSED_ID) and out.strip().count("\n") == 0
    assert "python -m dashboard init --db" in out and "SPM_DB" in out and "--campur-sampel" in out
    assert fingerprint(sample_copy) == before
    assert "campuran" not in meta(sample_copy)
    code, out = cli("import", csv_file(tmp_path), "--db", sample_copy, "--bahasa", "en")
    assert code == 2 and out.startswith("Refused: the warehouse") and "python -m dashboard init --db" in out
    assert fingerprint(sample_copy) == before


def test_the_sample_build_itself_still_works(sample_db):
    info = meta(sample_db)
    assert info["sampel"] == "ya" and "campuran" not in info
    assert read(sample_db, "select count(*) n from fakta_capaian")["n"][0] > 0


def test_with_the_flag_the_import_is_loaded_and_the_warehouse_marked_mixed(mixed_db):
    info = meta(mixed_db)
    assert info["sampel"] == "ya" and info["campuran"] == "ya"
    log = read(mixed_db, "select id_impor, nama_file, sumber from impor order by id_impor")
    assert log.values.tolist() == [[0, "sampel sintetis (seed 2026)", "sampel"], [1, "laporan_nyata.csv", "impor"]]


def test_mixed_data_banner_on_every_page(mixed_db, monkeypatch):
    use_db(monkeypatch, mixed_db)
    for spec in PAGES:
        at = open_page(spec.file)
        assert not at.exception, (spec.file, [e.value for e in at.exception])
        mixed = [w.value for w in at.warning if w.value.startswith("DATA CAMPURAN")]
        assert len(mixed) == 1 and r"1 impor data nyata: #1 laporan\_nyata.csv" in mixed[0], spec.file  # name inert
        assert not [w for w in at.warning if w.value.startswith("DATA SAMPEL SINTETIS")]
    at = open_page("ringkasan/ringkasan.py", lang="en")
    assert any(w.value.startswith("MIXED DATA") and r"#1 laporan\_nyata.csv" in w.value for w in at.warning)


def test_the_banner_tells_sample_and_real(sample_db, fixture_db, monkeypatch):
    use_db(monkeypatch, sample_db)
    at = open_page("ringkasan/ringkasan.py")
    assert not at.exception
    assert [w.value for w in at.warning if w.value.startswith("DATA SAMPEL SINTETIS")]
    assert not [w for w in at.warning if w.value.startswith("DATA CAMPURAN")]
    use_db(monkeypatch, fixture_db)  # built by imports into a fresh file: real data
    at = open_page("ringkasan/ringkasan.py")
    assert not at.exception
    n = len(read(fixture_db, "select * from impor where sumber = 'impor'"))
    assert [c.value for c in at.caption if c.value.startswith(f"Data nyata: {n} impor, terakhir ")]
    assert not [w for w in at.warning if w.value.startswith(("DATA SAMPEL", "DATA CAMPURAN"))]


def test_exports_and_the_deck_say_the_data_are_mixed(mixed_db, monkeypatch):
    from dashboard.core import store, ui
    from dashboard.rakor import content

    use_db(monkeypatch, mixed_db)
    store.clear_caches()
    monkeypatch.setattr(ui, "lang", lambda: "id")
    lines = ui.export_context()
    assert lines[-1].startswith("DATA CAMPURAN") and "#1 laporan_nyata.csv" in lines[-1]
    bahan = content.bahan("2026-03", None, "en")
    assert bahan.sampel and bahan.status == "campuran"
    assert bahan.sudut_sampel == "MIXED DATA: SAMPLE + REAL"
    assert bahan.teks_sampel.startswith("MIXED DATA") and "#1 laporan_nyata.csv" in bahan.teks_sampel
    assert bahan.teks_sampel in bahan.penutup.kalimat  # the closing screen's caveats


# --- the upload page -------------------------------------------------------------------------------------------------


def upload_page(user: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pengguna"] = SECRETS["pengguna"]
    at.run()
    at.switch_page("unggah/unggah.py").run()
    login(at, user)
    assert not at.exception, at.exception
    return at


def test_upload_into_the_sample_needs_the_admin_checkbox(sample_copy, monkeypatch):
    use_db(monkeypatch, sample_copy)
    before = fingerprint(sample_copy)
    at = upload_page("op_banjar")
    assert any("berisi data sampel sintetis" in w.value and "dashboard init --db" in w.value for w in at.warning)
    assert not at.file_uploader and not at.checkbox  # an operator cannot mix
    at = upload_page("admin")
    assert any("berisi data sampel sintetis" in w.value for w in at.warning)
    assert not at.file_uploader
    at.checkbox(key="unggah_campur_sampel").check().run()
    assert not at.exception and len(at.file_uploader) == 1
    at.file_uploader[0].set_value(("laporan_nyata.csv", CSV.encode(), "text/csv")).run()
    assert fingerprint(sample_copy) == before
    at.button(key="unggah_muat").click().run()
    assert not at.exception
    assert meta(sample_copy)["campuran"] == "ya"
    assert any(w.value.startswith("DATA CAMPURAN") and r"laporan\_nyata.csv" in w.value for w in at.warning)


def test_load_upload_refuses_the_sample_without_an_admin(sample_copy):
    from dashboard.akses import auth
    from dashboard.unggah import upload

    before = fingerprint(sample_copy)
    operator = auth.User("op_balangan", "operator", "63.11")
    checked = upload.check_upload(CSV.encode(), "laporan.csv", None, operator, sample_copy)
    assert checked.ok
    loaded = upload.load_upload(CSV.encode(), checked, operator, sample_copy, mix_sample=True)
    assert loaded.refusal == "unggah.sampel_ditolak"
    assert fingerprint(sample_copy) == before


# --- every page on an init-ed warehouse --------------------------------------------------------------------------------


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_on_an_empty_warehouse_shows_no_number(spec, init_db, monkeypatch):
    use_db(monkeypatch, init_db)
    at = open_page(spec.file)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.metric and not at.warning
    if spec.needs_data:  # the empty-state page instead of empty charts
        assert [t.value for t in at.title] == ["Belum ada data"]
        assert any("hanya berisi data referensi" in i.value or "baru berisi data referensi" in i.value for i in at.info)
        assert any("python -m dashboard import BERKAS.xlsx --db " + str(init_db) == c.value for c in at.code)
        assert not at.dataframe
    else:  # what is loaded (nothing), the reference data and the upload form
        frames = {tuple(f.value.columns): f.value for f in at.dataframe}
        for columns, frame in frames.items():
            if "Baris" in columns:
                assert (frame["Baris"] == 0).all()  # every kind of data: 0 rows
        assert any(c.value.startswith("Belum ada data yang dimuat") for c in at.caption)


def test_the_empty_state_page_in_english(init_db, monkeypatch):
    use_db(monkeypatch, init_db)
    at = open_page("peringkat/peringkat.py", lang="en")
    assert not at.exception
    assert [t.value for t in at.title] == ["No data yet"]
    assert any("only the reference data" in i.value for i in at.info)
    assert len(at.get("download_button")) == 6  # one template per kind (capaian, bencana, dampak, pemulihan, anggaran, biaya_satuan)


# --- a real start: the reference data and a few rows --------------------------------------------------------------

SEDIKIT = (  # two kab/kota with counts, one with a bare percentage, one desa of Banjar (a real first file's shape)
    "periode,kode_wilayah,kode_indikator,sasaran,terlayani,capaian_persen\n"
    "2026-03,63.03,kes_ibu_hamil,10000,8000,\n"
    "2026-03,63.71,kes_ibu_hamil,12000,6000,\n"
    "2026-03,63.11,pu_air_minum,,,55.5\n"
    "2026-03,63.03.01.2001,kes_skdn_d_per_s,100,80,\n"
)
NO_CATEGORY_COLUMNS = ("Kategori", "Category")
RANK_COLUMNS = ("Peringkat", "Rank")


@pytest.fixture(scope="module")
def sedikit_db(tmp_path_factory) -> Path:
    """`init` plus one small file: every aggregate stands on a few of its units."""
    folder = tmp_path_factory.mktemp("sedikit")
    db = folder / "sedikit.duckdb"
    assert cli("init", "--db", db)[0] == 0
    f = folder / "pertama.csv"
    f.write_text(SEDIKIT, encoding="utf-8")
    code, out = cli("import", f, "--db", db)
    assert code == 0, out
    return db


@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_a_few_rows_give_no_category_or_rank_to_partial_aggregates(spec, sedikit_db, monkeypatch):
    """On the province view, every aggregate of this warehouse stands on 1-2 of 13 kab/kota (or 1 of 2.016 desa):
    each is partial, so no page may show a category badge, a category or an area's rank."""
    use_db(monkeypatch, sedikit_db)
    at = open_page(spec.file, periode="2026-03")
    assert not at.exception, [e.value for e in at.exception]
    assert not any("-badge[" in m.value for m in at.markdown), spec.url_path
    for frame in at.dataframe:
        value = frame.value
        value = value.data if hasattr(value, "data") else value  # a Styler
        for col in value.columns:
            if col in NO_CATEGORY_COLUMNS:
                assert value[col].isna().all() or (value[col].astype(str).isin(["", "–", "None", "nan"])).all(), (
                    spec.url_path, col, value[col].tolist())
            if col in RANK_COLUMNS and spec.url_path not in ("prioritas",):  # prioritas ranks problems, not areas
                assert value[col].isna().all() or (value[col].astype(str).isin(["", "–", "<NA>", "nan"])).all(), (
                    spec.url_path, col, value[col].tolist())


def test_a_few_rows_in_the_deck_and_the_exports(sedikit_db, monkeypatch):
    import datetime as dt

    from dashboard.rakor import content as rakor_content
    from dashboard.ringkasan import data as ringkasan_data

    use_db(monkeypatch, sedikit_db)
    bahan = rakor_content.bahan("2026-03", None, "id", today=dt.date(2026, 4, 15))
    indeks, liga = bahan.layar[0], bahan.layar[1]
    assert "(◐ sebagian)" in indeks.pesan and "rata-rata 2 dari 6 bidang berdata" in indeks.pesan
    assert "Belum ada bidang dengan data lengkap: bidang bertanda ◐ tidak dihitung." in indeks.kalimat
    assert liga.tabel is None or not liga.tabel.baris
    districts = ringkasan_data.district_summary("2026-03-01")
    assert districts["peringkat"].isna().all() and districts["kategori"].isna().all()
    assert districts.loc[districts["indeks"].notna(), "sebagian"].all()
    assert districts.loc[districts["indeks"].isna(), "kelengkapan_unit"].isna().all()  # no data: no completeness either


def test_a_few_rows_make_a_deck_and_a_brief_in_both_languages(sedikit_db, monkeypatch):
    """At the default completeness threshold most values are partial: screens whose chart would hold no bar carry no
    chart (python-pptx refuses a chart without categories), and every screen still builds in the PPTX and the PDF."""
    import datetime as dt

    from dashboard.rakor import content as rakor_content
    from dashboard.rakor import deck_pdf, deck_pptx

    use_db(monkeypatch, sedikit_db)
    for kab in (None, "63.03"):
        for lang in ("id", "en"):
            bahan = rakor_content.bahan("2026-03", kab, lang, today=dt.date(2026, 4, 15))
            for layar in bahan.semua:
                if layar.kunci.startswith("bidang:") and kab is None:  # every field value here is partial: said so
                    assert layar.pesan.endswith("(◐ sebagian)" if lang == "id" else "(◐ partial)"), layar.pesan
                if layar.grafik is not None:
                    assert layar.grafik.kategori, layar.kunci
                    assert any(v is not None for _, values in layar.grafik.seri for v in values), layar.kunci
            assert deck_pptx.build(bahan)[:2] == b"PK"
            assert deck_pdf.build(bahan)[:4] == b"%PDF"
