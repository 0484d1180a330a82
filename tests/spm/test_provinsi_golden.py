"""Golden tests for issue 13's province services: the province's index includes its own (province-level) services;
a kab/kota index and the kab/kota league table do not. The catalog carries all 14 province services of PP 2/2018 with
their technical-standard regulation.

Warehouse: tests/fixtures/dasar.py (three kab/kota, March 2026 quarter end) plus tests/fixtures/provinsi.py (four
province-level service rows for '63'). By hand, March 2026, pooled over Banjar, Banjarmasin and Balangan:
  pend_dikdas_7_15  (96000 + 110000 + 21000) / (100000 + 110000 + 25000) = 227000 / 235000
  kes_ibu_hamil     (2600 + 3300 + 500) / (10000 + 12000 + 2500)         = 6400 / 24500
  kes_balita        (9000 + 12500 + 2000) / (40000 + 50000 + 10000)      = 23500 / 100000
  pu_air_minum      (432000 + 633600 + 72150) / 1390000                  = 1137750 / 1390000 (Balangan: 55,5 % of 130000)
province's own: dikmen 150000/200000 = 75, diksus 2000/5000 = 40, KLB 900/1000 = 90, social protection 300/400 = 75.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import REFERENSI_DIR
from dashboard.core.warehouse import connect_readonly, query_df
from dashboard.perencanaan import data as perencanaan_data
from dashboard.ringkasan import data as ringkasan_data
from dashboard.spm import scoring
from dashboard.spm import series as spm_series
from dashboard.spm.scoring import Pilihan
from dashboard.spm.widgets import dictionary_entries
from tests.fixtures.peringkat import CFG, Q1_2026, league
from tests.fixtures.provinsi import build_provinsi_warehouse

EPS = 1e-9
DIKDAS = 227000 / 235000 * 100
IBU_HAMIL = 6400 / 24500 * 100
BALITA = 23500 / 100000 * 100
AIR = 1137750 / 1390000 * 100
PROV_FIELDS = {
    "pendidikan": (DIKDAS + 75 + 40) / 3,
    "kesehatan": (IBU_HAMIL + BALITA + 90) / 3,
    "pekerjaan_umum": AIR,
    "sosial": 75.0,
}
PROV_OVERALL = sum(PROV_FIELDS.values()) / 4
BANJAR = (96 + (26 + 22.5) / 2 + 72) / 3  # unchanged by the province's rows


@pytest.fixture(scope="module")
def provinsi_db(fixture_db, tmp_path_factory):
    return build_provinsi_warehouse(fixture_db, tmp_path_factory.mktemp("provinsi") / "spm.duckdb")


def run(db, name: str, **params) -> pd.DataFrame:
    con = connect_readonly(db)
    try:
        return query_df(con, name, params)
    finally:
        con.close()


def overview(db, area: str) -> pd.DataFrame:
    fields = run(db, "ringkasan_bidang", kode_wilayah=area, periode=Q1_2026)
    return ringkasan_data.field_table(fields, run(db, "ringkasan_layanan", kode_wilayah=[area], periode=Q1_2026))


# --- the overview ------------------------------------------------------------------------------------------------


def test_province_field_indices_include_its_own_services(provinsi_db):
    t = overview(provinsi_db, "63").set_index("kode_bidang")
    for bidang, expected in PROV_FIELDS.items():
        assert t.loc[bidang, "indeks"] == pytest.approx(expected, abs=EPS), bidang
    assert pd.isna(t.loc["perumahan_rakyat", "indeks"]) and pd.isna(t.loc["trantibumlinmas", "indeks"])
    assert t.loc[["pendidikan", "kesehatan", "pekerjaan_umum", "sosial"], "layanan_ada"].tolist() == [3, 3, 1, 1]
    assert ringkasan_data.overall_index(t.reset_index()) == pytest.approx(PROV_OVERALL, abs=EPS)


def test_overview_counts_the_services_each_index_covers(provinsi_db):
    prov = overview(provinsi_db, "63").set_index("kode_bidang")
    spm = prov[prov["termasuk_indeks"].astype(bool)]
    # catalog: 29 kab/kota services; 14 province services: 2 + 2 + 2 + 2 + 1 + 5
    assert int(spm["layanan_kabkota"].sum()) == 29 and int(spm["layanan_provinsi"].sum()) == 14
    assert spm["layanan_provinsi"].tolist() == [2, 2, 2, 2, 1, 5]
    assert (spm["layanan_total"] == spm["layanan_kabkota"] + spm["layanan_provinsi"]).all()
    kab = overview(provinsi_db, "63.03").set_index("kode_bidang")
    assert int(kab["layanan_provinsi"].sum()) == 0 and int(kab["layanan_total"].sum()) == 29


def test_kabkota_overview_unchanged(provinsi_db, fixture_db):
    for db in (provinsi_db, fixture_db):
        t = overview(db, "63.03").set_index("kode_bidang")
        assert t.loc["pendidikan", "indeks"] == pytest.approx(96.0, abs=EPS)
        assert t.loc["kesehatan", "indeks"] == pytest.approx((26 + 22.5) / 2, abs=EPS)
        assert ringkasan_data.overall_index(t.reset_index()) == pytest.approx(BANJAR, abs=EPS)
    kab = ["63.03", "63.71", "63.11"]
    districts = [
        ringkasan_data.district_table(
            run(db, "daftar_kabkota", kode_provinsi="63"),
            run(db, "ringkasan_layanan", kode_wilayah=kab, periode=Q1_2026),
        )
        for db in (provinsi_db, fixture_db)
    ]
    cols = ["kode", "indeks", "peringkat", "bidang_ada"]
    pd.testing.assert_frame_equal(districts[0][cols], districts[1][cols])


# --- the one engine: scoring.scores (trend series, field page) ---------------------------------------------------


def test_scores_province_with_own_services_kabkota_without(provinsi_db):
    catalog = run(provinsi_db, "katalog_indikator")
    codes = spm_series.indicators_for(catalog, Pilihan("spm_resmi"))
    assert "pend_dikmen_16_18" in codes and "sos_prov_korban_bencana" in codes
    rows = run(provinsi_db, "tren_capaian_seri", kode_wilayah=["63", "63.03"], kode_indikator=codes,
               granularitas=["triwulan"])  # fmt: skip
    rows = rows[pd.to_datetime(rows["periode"]) == pd.Timestamp(Q1_2026)]
    out = scoring.scores(rows, Pilihan("spm_resmi"), ["kode_wilayah"], CFG).set_index("kode_wilayah")
    assert out.loc["63", "skor"] == pytest.approx(PROV_OVERALL, abs=EPS)
    assert (out.loc["63", "n_bidang"], out.loc["63", "n_layanan"]) == (4, 8)
    assert out.loc["63.03", "skor"] == pytest.approx(BANJAR, abs=EPS)
    assert (out.loc["63.03", "n_bidang"], out.loc["63.03", "n_layanan"]) == (3, 4)
    field = scoring.scores(rows, Pilihan("spm_resmi", "pendidikan"), ["kode_wilayah"], CFG).set_index("kode_wilayah")
    assert field.loc["63", "skor"] == pytest.approx(PROV_FIELDS["pendidikan"], abs=EPS)
    assert field.loc["63.03", "skor"] == pytest.approx(96.0, abs=EPS)
    # the like-for-like benchmark: kab/kota-level services only
    bench = scoring.scores(rows, Pilihan("spm_resmi"), ["kode_wilayah"], CFG, layanan_provinsi=False)
    assert bench.set_index("kode_wilayah").loc["63", "skor"] == pytest.approx(
        (DIKDAS + (IBU_HAMIL + BALITA) / 2 + AIR) / 3, abs=EPS
    )


def test_official_services_rule():
    rows = pd.DataFrame(
        {
            "kode_wilayah": ["63", "63", "63.03", "63.03", "63.03.01"],
            "level": ["kab_kota", "provinsi", "kab_kota", "provinsi", "posyandu_desa"],
        }
    )
    assert scoring.official_services(rows).index.tolist() == [0, 1, 2]  # a kab/kota never takes a province service
    assert scoring.official_services(rows, layanan_provinsi=False).index.tolist() == [0, 2]
    with_level = rows.assign(tingkat=["provinsi", "provinsi", "kabkota", "kabkota", "kecamatan"])
    assert scoring.official_services(with_level).index.tolist() == [0, 1, 2]


def test_area_profile_of_the_province_and_of_a_kabkota(provinsi_db):
    per = perencanaan_data.Periode(resmi=Q1_2026, bulan=Q1_2026)
    kab = ["63.03", "63.71", "63.11"]
    rows = perencanaan_data.mark_period(
        run(provinsi_db, "profil_nilai", kode_wilayah=["63", *kab], periode_resmi=[per.resmi, per.resmi_lalu],
            periode_bulan=[per.bulan, per.bulan_lalu]), per,
    )  # fmt: skip
    prov = perencanaan_data.field_profile(rows, "63", "63", ["63"], "spm_resmi").set_index("bidang")
    assert prov.loc["pendidikan", "indeks"] == pytest.approx(PROV_FIELDS["pendidikan"], abs=EPS)
    assert prov.loc["semua", "indeks"] == pytest.approx(PROV_OVERALL, abs=EPS)  # as on the overview
    banjar = perencanaan_data.field_profile(rows, "63.03", "63", kab, "spm_resmi").set_index("bidang")
    assert banjar.loc["semua", "indeks"] == pytest.approx(BANJAR, abs=EPS)
    # a kab/kota is compared with the province over the same (kab/kota-level) services
    assert banjar.loc["pendidikan", "indeks_provinsi"] == pytest.approx(DIKDAS, abs=EPS)
    assert "sosial" not in banjar.index


# --- the league table stays kab/kota services only ---------------------------------------------------------------


@pytest.mark.parametrize("pilihan", [Pilihan("spm_resmi"), Pilihan("spm_resmi", "pendidikan")])
def test_league_table_unchanged(provinsi_db, fixture_db, pilihan):
    with_prov, prov_a = league(provinsi_db, pilihan, Q1_2026, None)
    base, prov_b = league(fixture_db, pilihan, Q1_2026, None)
    cols = ["kode_wilayah", "skor", "peringkat", "ci_lo", "ci_hi", "rentang_dari", "rentang_sampai", "posisi"]
    pd.testing.assert_frame_equal(with_prov[cols], base[cols])
    assert prov_a["skor"] == pytest.approx(prov_b["skor"], abs=EPS)  # the benchmark: pooled kab/kota services


# --- the catalog -------------------------------------------------------------------------------------------------


def test_catalog_has_every_province_service_with_its_regulation():
    cat = pd.read_csv(REFERENSI_DIR / "spm_indicators.csv", dtype=str, keep_default_na=False)
    prov = cat[cat["level"] == "provinsi"]
    assert len(prov) == 14 and (cat["level"] == "kab_kota").sum() == 29
    assert prov.groupby("field_code").size().to_dict() == {
        "kesehatan": 2, "pekerjaan_umum": 2, "pendidikan": 2, "perumahan_rakyat": 2, "sosial": 5, "trantibumlinmas": 1,
    }  # fmt: skip
    assert {"kes_prov_klb", "pu_prov_air_minum_curah", "pu_prov_air_limbah_regional", "pr_prov_relokasi",
            "tr_prov_trantibum", "sos_disabilitas_dalam_panti", "sos_anak_dalam_panti", "sos_lansia_dalam_panti",
            "sos_gepeng_dalam_panti", "sos_prov_korban_bencana"} <= set(prov["indicator_code"])  # fmt: skip
    official = cat[cat["level"].isin(["kab_kota", "provinsi"])]
    assert official["regulasi_teknis"].str.strip().astype(bool).all()
    assert set(cat["regulasi_terverifikasi"]) == {"ya", "tidak"}
    reg = cat.set_index("indicator_code")
    for code in ("tr_trantibum", "tr_prov_trantibum"):
        assert reg.loc[code, "regulasi_teknis"] == "Permendagri 121/2018"
        assert reg.loc[code, "regulasi_terverifikasi"] == "tidak"  # not in the domain notes
    assert reg.loc["kes_prov_klb", "regulasi_terverifikasi"] == "tidak"  # Permenkes 6/2024 is [P]
    assert reg.loc["sos_anak_dalam_panti", ["regulasi_teknis", "regulasi_terverifikasi"]].tolist() == [
        "Permensos 9/2018", "ya",
    ]  # fmt: skip


def test_dictionary_shows_the_technical_standard(provinsi_db):
    catalog = run(provinsi_db, "katalog_indikator")
    assert {"regulasi_teknis", "regulasi_terverifikasi"} <= set(catalog.columns)
    id_ = dict(zip(["tr_trantibum", "pend_dikmen_16_18", "kes_skdn_d_per_s"],
                   dictionary_entries(catalog, ["tr_trantibum", "pend_dikmen_16_18", "kes_skdn_d_per_s"], "id"),
                   strict=True))  # fmt: skip
    assert "- Standar teknis: Permendagri 121/2018 (belum terverifikasi terhadap teks peraturan)" in id_["tr_trantibum"]
    assert "- Standar teknis: Permendikbudristek 32/2022 (terverifikasi)" in id_["pend_dikmen_16_18"]
    assert "- Standar teknis: tidak ada (bukan layanan SPM resmi)" in id_["kes_skdn_d_per_s"]
    (en,) = dictionary_entries(catalog, ["tr_prov_trantibum"], "en")
    assert "- Technical standard: Permendagri 121/2018 (not verified against the regulation text)" in en
