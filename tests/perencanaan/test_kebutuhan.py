"""Golden tests for the cost of closing each gap (dashboard/perencanaan/kebutuhan.py) on the planner fixture
(tests/fixtures/perencanaan.py: annual 2025 = the Q4 2025 rows of tests/fixtures/dasar.py; unit costs 2025:
ibu hamil 100.000 province-wide and 150.000 in Banjarmasin, balita 50.000, dikdas 1.000.000, air minum none).
Every expected number is computed by hand in the comments."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.core.warehouse import connect_readonly, query_df
from dashboard.perencanaan import kebutuhan as kb

KES_LAYANAN, PEND_LAYANAN, PU_LAYANAN = 12, 3, 2  # kab/kota services per field in the catalog


@pytest.fixture(scope="module")
def services(perencanaan_db):
    con = connect_readonly(perencanaan_db)
    try:
        nilai = query_df(con, "peringkat_nilai", {"kode_provinsi": "63", "keluarga": "spm_resmi",
                                                  "granularitas": "tahun", "periode": dt.date(2025, 12, 1)})  # fmt: skip
        biaya = query_df(con, "biaya_satuan_tahun", {"tahun": 2025, "kode_provinsi": "63"})
        anggaran = query_df(con, "anggaran_per_bidang", {"kode_provinsi": "63"})
    finally:
        con.close()
    return kb.service_need(nilai, biaya, "63"), anggaran[anggaran["tahun"] == 2025]


def row(df, kode, ind):
    return df[(df["kode_wilayah"] == kode) & (df["kode_indikator"] == ind)].iloc[0]


def test_need_is_unserved_times_unit_cost_with_overrides(services):
    s, _ = services
    # Banjar ibu hamil: 10000 − 9000 = 1000 unserved × 100.000 (province-wide) = 100.000.000
    r = row(s, "63.03", "kes_ibu_hamil")
    assert r["belum"] == 1000 and r["biaya_satuan"] == 100_000 and r["asal_biaya"] == "provinsi"
    assert r["kebutuhan"] == 100_000_000 and r["sumber"] == "uji"
    # Banjarmasin ibu hamil: its own cost 150.000 wins; 12000 − 12000 = 0 unserved -> need 0 (not NA)
    r = row(s, "63.71", "kes_ibu_hamil")
    assert r["biaya_satuan"] == 150_000 and r["asal_biaya"] == "kabkota" and r["kebutuhan"] == 0
    # Balangan balita: 10000 − 5000 = 5000 × 50.000 = 250.000.000
    assert row(s, "63.11", "kes_balita")["kebutuhan"] == 250_000_000
    # Banjar dikdas: 100000 − 95000 = 5000 × 1.000.000 = 5.000.000.000
    assert row(s, "63.03", "pend_dikdas_7_15")["kebutuhan"] == 5_000_000_000


def test_missing_data_or_cost_gives_no_need(services):
    s, _ = services
    # air minum has counts (590000 − 413000) but no unit cost: no need, never 0
    r = row(s, "63.03", "pu_air_minum")
    assert r["belum"] == 177_000 and pd.isna(r["biaya_satuan"]) and pd.isna(r["kebutuhan"])
    # a service with a cost but no report (Banjar ODGJ has no row; kes_usia_lanjut none either): no need
    r = row(s, "63.03", "kes_usia_lanjut")
    assert pd.isna(r["belum"]) and pd.isna(r["kebutuhan"])
    # a kab/kota without any report: every need NA
    assert s[s["kode_wilayah"] == "63.01"]["kebutuhan"].isna().all()


def test_field_need_gap_share_and_units(services):
    s, anggaran = services
    f = kb.field_need(s, anggaran, ambang=80.0).set_index(["kode_wilayah", "bidang"])
    # Banjar health: 1000 × 100.000 + 10000 × 50.000 = 600.000.000 on 2 of 12 services (partial below 80 %)
    r = f.loc[("63.03", "kesehatan")]
    assert r["kebutuhan"] == 600_000_000 and r["layanan_dihitung"] == 2 and r["layanan_ada"] == KES_LAYANAN
    assert bool(r["kebutuhan_sebagian"]) and r["kebutuhan_kelengkapan"] == pytest.approx(100 * 2 / 12)
    # allocation 20 bn: gap 600 m − 20 bn = −19,4 bn (surplus), share covered 100 × 20 bn / 600 m
    assert r["pagu"] == 20e9 and r["selisih"] == pytest.approx(600e6 - 20e9)
    assert r["persen_tertutup"] == pytest.approx(100 * 20e9 / 600e6)
    # Banjar PU: air minum has no cost -> no need, no gap, no share; 0 of 2 services, and not "partial" (nothing)
    r = f.loc[("63.03", "pekerjaan_umum")]
    assert pd.isna(r["kebutuhan"]) and pd.isna(r["selisih"]) and pd.isna(r["persen_tertutup"])
    assert r["layanan_dihitung"] == 0 and not bool(r["kebutuhan_sebagian"])
    # Banjarmasin education: 0 unserved -> need 0: gap −60 bn, share NA (nothing to cover)
    r = f.loc[("63.71", "pendidikan")]
    assert r["kebutuhan"] == 0 and r["selisih"] == -60e9 and pd.isna(r["persen_tertutup"])


def test_totals_per_field_and_per_kabkota(services):
    s, anggaran = services
    f = kb.field_need(s, anggaran)
    per_field = kb.totals(f, s, "bidang", ambang=80.0).set_index("bidang")
    # health: 600 m (Banjar) + 125 m (Banjarmasin: 0 × 150.000 + 2500 × 50.000) + 350 m (Balangan: 1000 × 100.000 +
    # 5000 × 50.000) = 1.075 bn over 6 of 36 (3 kab/kota × 12 services); allocation 20 + 25 + 8 = 53 bn
    r = per_field.loc["kesehatan"]
    assert r["kebutuhan"] == 1_075_000_000 and r["pagu"] == 53e9
    assert r["layanan_dihitung"] == 6 and r["layanan_ada"] == 3 * KES_LAYANAN and bool(r["kebutuhan_sebagian"])
    assert r["selisih"] == pytest.approx(1.075e9 - 53e9) and r["persen_tertutup"] == pytest.approx(100 * 53e9 / 1.075e9)
    # education: 5 bn + 0 + 5 bn (Balangan 25000 − 20000 = 5000 × 1 m) = 10 bn on 3 of 9; allocation 120 bn
    r = per_field.loc["pendidikan"]
    assert r["kebutuhan"] == 10e9 and r["layanan_dihitung"] == 3 and r["layanan_ada"] == 3 * PEND_LAYANAN
    assert r["pagu"] == 120e9
    per_kab = kb.totals(f, s, "kode_wilayah", ambang=80.0).set_index("kode_wilayah")
    # Banjar: 600 m + 5 bn = 5,6 bn on 3 of 17 services (12 + 3 + 2); allocation 50 + 20 + 30 = 100 bn
    r = per_kab.loc["63.03"]
    assert r["kebutuhan"] == 5.6e9 and r["layanan_dihitung"] == 3
    assert r["layanan_ada"] == KES_LAYANAN + PEND_LAYANAN + PU_LAYANAN and r["pagu"] == 100e9


GROUPS = pd.DataFrame(
    {"pagu": [100.0, 50.0], "kebutuhan": [300.0, 40.0], "belum_berbiaya": [30.0, 2.0]}, index=["a", "b"]
)  # a: mean cost 300/30 = 10 per person, b: 40/2 = 20


def test_what_if_arithmetic():
    # 50 % of a's 100 -> b: a served min(100, 300)/10 = 10 before, min(50, 300)/10 = 5 after (−5);
    # b served min(50, 40)/20 = 2 before and min(100, 40)/20 = 2 after: its need was already covered (+0); net −5
    p = kb.what_if(GROUPS, "a", "b", 50)
    assert p.dipindah == 50 and p.orang_dari_sebelum == 10 and p.orang_dari_sesudah == 5
    assert p.hilang_dari == 5 and p.tambah_ke == 0 and p.bersih == -5
    # 40 % of b's 50 = 20 -> a: b serves min(30, 40)/20 = 1,5 after (−0,5);
    # a: min(120, 300)/10 = 12 (+2); net +1,5
    p = kb.what_if(GROUPS, "b", "a", 40)
    assert p.dipindah == 20 and p.hilang_dari == pytest.approx(0.5) and p.tambah_ke == pytest.approx(2)
    assert p.bersih == pytest.approx(1.5)
    assert kb.people(p.tambah_ke) == 2 and kb.people(11.5) == 11 and kb.people(2.9999999999) == 3
    # 0 % moves nothing
    assert kb.what_if(GROUPS, "a", "b", 0).bersih == 0


def test_what_if_groups_from_fixture(services):
    s, anggaran = services
    f = kb.field_need(s, anggaran)
    g = kb.what_if_groups(f[f["kode_wilayah"] == "63.03"], "bidang")
    # Banjar: health (600 m for 11000 people) and education (5 bn for 5000); PU has no need: not a group
    assert sorted(g.index) == ["kesehatan", "pendidikan"]
    assert g.loc["kesehatan", "belum_berbiaya"] == 11000 and g.loc["kesehatan", "kebutuhan"] == 600e6
    # 1 % of education's 50 bn = 500 m to health: health already covered (20 bn > 600 m) -> +0 people;
    # education keeps 49,5 bn > its 5 bn need -> −0 people
    p = kb.what_if(g, "pendidikan", "kesehatan", 1)
    assert p.dipindah == pytest.approx(500e6) and p.bersih == 0
