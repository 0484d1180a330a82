"""The upload page's mapping step (issue 16): a BPS-style wide table per year is rejected as it is, mapped in the
browser (header found, columns proposed, indicator chosen, the province row skipped), previewed with the rows of the
original file, loaded with the exact values; the mapping saved as a recipe is then applied with one choice."""

from __future__ import annotations

import pytest

from tests.helpers import fingerprint, read
from tests.unggah.test_upload import plain, table, upload_page

APM = (
    b"Tabel 4.1.2 APM SD/MI menurut Kabupaten/Kota\n"
    b"Kabupaten/Kota,2023,2024\n"
    b'Tanah Laut,"97,55","97,74"\n'
    b'Banjar,"96,89",\n'
    b'Kalimantan Selatan,"97,54","97,80"\n'
)


@pytest.fixture
def db(writable_db, monkeypatch, tmp_path):
    from dashboard.core.settings import settings

    monkeypatch.setenv("SPM_DB", str(writable_db))
    monkeypatch.setenv("SPM_RESEP", str(tmp_path / "resep"))
    settings.cache_clear()
    return writable_db


def widget(elements, prefix: str):
    found = [w for w in elements if (w.key or "").startswith(prefix)]
    assert len(found) == 1, [w.key for w in elements]
    return found[0]


def stored(db) -> list[tuple]:
    df = read(db, "select kode_wilayah, strftime(periode, '%Y-%m') as periode, capaian_dilaporkan from fakta_capaian "
                  "where kode_indikator = 'pend_dikdas_7_15' and id_impor = (select max(id_impor) from impor) "
                  "order by periode, kode_wilayah")  # fmt: skip
    return list(df.itertuples(index=False, name=None))


def test_mapping_step_maps_previews_and_loads_a_wide_year_table(db):
    before = fingerprint(db)
    at = upload_page("admin")
    at.file_uploader[0].set_value(("apm_bps.csv", APM, "text/csv")).run()
    assert not at.exception, at.exception
    # as it is, the file is rejected; the mapping step opens with the header it found and a proposal
    assert any("DITOLAK" in plain(e.value) for e in at.error)
    assert widget(at.number_input, "unggah_peta_judul_").value == 2
    overview = table(at, "contoh")
    assert list(overview["judul"]) == ["Kabupaten/Kota", "2023", "2024"]
    assert list(overview["contoh"]) == [
        "Tanah Laut | Banjar | Kalimantan Selatan",
        "97,55 | 96,89 | 97,54",
        "97,74 | 97,80",
    ]
    roles = {w.label: w.value for w in at.selectbox if (w.key or "").startswith("unggah_peta_peran_")}
    assert roles == {"A: Kabupaten/Kota": "nama_wilayah", "B: 2023": "lebar", "C: 2024": "lebar"}
    meanings = [w.value for w in at.text_input if (w.key or "").startswith("unggah_peta_arti_")]
    assert meanings == ["2023-12", "2024-12"]
    # the user names the indicator and skips the province row
    widget(at.selectbox, "unggah_peta_indikator_").set_value("pend_dikdas_7_15").run()
    widget(at.selectbox, "unggah_peta_lewati_kolom_").set_value("Kabupaten/Kota").run()
    widget(at.multiselect, "unggah_peta_lewati_nilai_").set_value(["Kalimantan Selatan"]).run()
    assert not at.exception, at.exception
    assert any("3 baris valid" in plain(s.value) for s in at.success), [s.value for s in at.success]
    assert any("3 baris data dibaca, 1 baris dilewati" in plain(c.value) and "1 sel lebar kosong" in plain(c.value)
               for c in at.caption)  # fmt: skip
    preview = table(at, "jumlah_masalah")
    # the preview's rows are the rows of the original file (Tanah Laut is row 3 for 2023 and 2024, Banjar row 4)
    assert list(preview["_baris"]) == [3, 3, 4]
    assert fingerprint(db) == before  # previewed, nothing loaded
    # saved as a recipe before loading
    at.text_input(key="unggah_peta_simpan_nama").set_value("apm_tahun_bps").run()
    at.button(key="unggah_peta_simpan").click().run()
    assert any("Resep 'apm_tahun_bps' disimpan" in plain(s.value) for s in at.success)
    at.button(key="unggah_muat").click().run()
    assert not at.exception, at.exception
    assert stored(db) == [
        ("63.01", "2023-12", 97.55), ("63.03", "2023-12", 96.89), ("63.01", "2024-12", 97.74),
    ]  # fmt: skip


def test_a_saved_recipe_is_applied_with_one_choice(db):
    from dashboard.impor import resep
    from dashboard.impor.pemetaan import Mapping

    resep.save("apm_tahun_bps", Mapping(
        jenis="capaian", baris_judul=[2], kolom={"Kabupaten/Kota": "nama_wilayah"},
        lebar={"2023": "2023-12", "2024": "2024-12"}, tetap={"kode_indikator": "pend_dikdas_7_15"},
        lewati={"Kabupaten/Kota": ["Kalimantan Selatan"]},
    ))  # fmt: skip
    at = upload_page("admin")
    at.file_uploader[0].set_value(("apm_bps_2025.csv", APM, "text/csv")).run()
    at.selectbox(key="unggah_peta_resep").set_value("apm_tahun_bps").run()
    assert not at.exception, at.exception
    assert any("3 baris valid" in plain(s.value) for s in at.success)
    at.button(key="unggah_muat").click().run()
    assert stored(db) == [("63.01", "2023-12", 97.55), ("63.03", "2023-12", 96.89), ("63.01", "2024-12", 97.74)]


def test_mapping_errors_point_to_the_original_cell(db):
    bad = APM.replace(b'"96,89"', b"sembilan")
    at = upload_page("admin")
    at.file_uploader[0].set_value(("apm_bps.csv", bad, "text/csv")).run()
    widget(at.selectbox, "unggah_peta_indikator_").set_value("pend_dikdas_7_15").run()
    widget(at.selectbox, "unggah_peta_lewati_kolom_").set_value("Kabupaten/Kota").run()
    widget(at.multiselect, "unggah_peta_lewati_nilai_").set_value(["Kalimantan Selatan"]).run()
    problems = table(at, "pesan")
    assert list(zip(problems["baris"], problems["kolom"], problems["nilai"], strict=True)) == [
        (4, "2023 (B)", "sembilan")
    ]
    assert "unggah_muat" not in [b.key for b in at.button]


def test_the_kind_chosen_in_the_mapping_step_is_the_one_checked(db):
    from dashboard.akses import auth
    from dashboard.impor.pemetaan import Mapping
    from dashboard.unggah import upload

    budget = b"Tahun Anggaran,kab,Bidang,Pagu\n2026,Kab. Banjar,kesehatan,1.000.000\n"
    mapping = Mapping(jenis="anggaran", kolom={"Tahun Anggaran": "tahun", "kab": "nama_wilayah",
                                               "Bidang": "kode_bidang", "Pagu": "pagu"})  # fmt: skip
    checked = upload.check_upload(budget, "apbd.csv", "capaian", auth.User("admin", "admin"), db, mapping=mapping)
    assert checked.kind == "anggaran" and checked.ok, checked.problems("id")


def test_blocks_of_rows_per_level_mapped_in_the_browser(db, tmp_path):
    from tests.fixtures import pemetaan as files

    data = files.blok_jenjang(tmp_path).read_bytes()
    at = upload_page("admin")
    at.file_uploader[0].set_value(("apm_jenjang.csv", data, "text/csv")).run()
    roles = {w.label: w.value for w in at.selectbox if (w.key or "").startswith("unggah_peta_peran_")}
    assert roles == {"A: Kabupaten/Kota": "nama_wilayah", "B: APM": "capaian_persen", "C: Keterangan": ""}
    widget(at.text_input, "unggah_peta_periode_").set_value("2024-12").run()
    blocks = "SD/MI=pend_dikdas_7_15\nSMP/MTs=abaikan\nPaket A/B/C=pend_kesetaraan_7_18"
    widget(at.text_area, "unggah_peta_blok_").set_value(blocks).run()
    assert not at.exception, at.exception
    assert any("4 baris valid" in plain(s.value) for s in at.success), [e.value for e in at.error]
    assert list(table(at, "jumlah_masalah")["_baris"]) == [4, 5, 10, 11]
    at.button(key="unggah_muat").click().run()
    df = read(db, "select kode_indikator, kode_wilayah, capaian_dilaporkan from fakta_capaian "
                  "where id_impor = (select max(id_impor) from impor) order by 1, 2")  # fmt: skip
    assert list(df.itertuples(index=False, name=None)) == [
        ("pend_dikdas_7_15", "63.01", 97.55), ("pend_dikdas_7_15", "63.03", 96.89),
        ("pend_kesetaraan_7_18", "63.01", 61.30), ("pend_kesetaraan_7_18", "63.03", 59.75),
    ]  # fmt: skip
