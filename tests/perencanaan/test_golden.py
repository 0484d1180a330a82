"""Golden tests for the planner workflow on the planner fixture (tests/fixtures/perencanaan.py): priority score and its
ordering, weights changing the order, flood relation, drill-down aggregation, area profile ranks and trends,
completeness, budget ratios and the planning-document Excel sheet. Every expected number is computed by hand from
the fixture rows written in the comments."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pandas as pd
import pytest

from dashboard.core.warehouse import connect_readonly, query_df
from dashboard.ekspor import tables
from dashboard.perencanaan import data as perencanaan_data

MAR26, MAR25 = dt.date(2026, 3, 1), dt.date(2025, 3, 1)
# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

PER = perencanaan_data.Periode(resmi=MAR26, bulan=MAR26)
DEFAULT = perencanaan_data.Bobot(target=3, provinsi=2, belum=3, tren=1, banjir=1)


@pytest.fixture(scope="session")
def con(perencanaan_db):
    c = connect_readonly(perencanaan_db)
    yield c
    c.close()


def values(con, areas, per=PER):
    rows = query_df(con, "profil_nilai", {"kode_wilayah": areas, "periode_resmi": [per.resmi, per.resmi_lalu],
                                          "periode_bulan": [per.bulan, per.bulan_lalu]})  # fmt: skip
    return perencanaan_data.mark_period(rows, per)


def approx(x):
    return pytest.approx(x, abs=1e-9)


# --- hand-computed inputs for Kab. Banjar (63.03), March 2026 / Q1 2026 -------------------------------------
# official Q1 2026: dikdas 96000/100000, ibu hamil 2600/10000, balita 9000/40000, air minum 432000/600000
# province Q1 2026: dikdas 227000/235000, ibu hamil 6400/24500, balita 23500/100000, air minum 1137750/1390000
# official Q1 2025 (tests/fixtures/perencanaan.py): dikdas 96.5, ibu hamil 28, balita 20, air minum 70
# D/S March 2026: (85 + 42 + 170) / (100 + 50 + 200) = 297/350; province 447/500; March 2025: 285/350
# KK air layak March 2026: (240 + 90 + 380) / (300 + 150 + 400) = 710/850; province 1245/1430; no March 2025
COV = {"pend_dikdas_7_15": 96.0, "kes_ibu_hamil": 26.0, "kes_balita": 22.5, "pu_air_minum": 72.0,
       "kes_skdn_d_per_s": 100 * 297 / 350, "pu_kk_air_layak": 100 * 710 / 850}  # fmt: skip
PROV = {"pend_dikdas_7_15": 100 * 227000 / 235000, "kes_ibu_hamil": 100 * 6400 / 24500, "kes_balita": 23.5,
        "pu_air_minum": 100 * 1137750 / 1390000, "kes_skdn_d_per_s": 89.4, "pu_kk_air_layak": 100 * 1245 / 1430}  # fmt: skip
LALU = {"pend_dikdas_7_15": 96.5, "kes_ibu_hamil": 28.0, "kes_balita": 20.0, "pu_air_minum": 70.0,
        "kes_skdn_d_per_s": 100 * 285 / 350, "pu_kk_air_layak": None}  # fmt: skip
BELUM = {"pend_dikdas_7_15": 4000, "kes_ibu_hamil": 7400, "kes_balita": 31000, "pu_air_minum": 168000,
         "kes_skdn_d_per_s": 53, "pu_kk_air_layak": 140}  # fmt: skip


def hand_scores(w: perencanaan_data.Bobot, flooded: bool) -> dict[str, float]:
    x_target = {k: 100 - v for k, v in COV.items()}
    x_prov = {k: max(PROV[k] - COV[k], 0) for k in COV}
    x_tren = {k: max(LALU[k] - COV[k], 0) if LALU[k] is not None else 0 for k in COV}
    mt, mp, mb, mtr = max(x_target.values()), max(x_prov.values()), max(BELUM.values()), max(x_tren.values())
    assert (mt, mb, mtr) == (77.5, 168000, 2.0)  # balita, air minum, ibu hamil (28 -> 26)
    total = w.target + w.provinsi + w.belum + w.tren + w.banjir
    return {
        k: 100 * (w.target * x_target[k] / mt + w.provinsi * x_prov[k] / mp + w.belum * BELUM[k] / mb
                  + w.tren * x_tren[k] / mtr + w.banjir * (1.0 if flooded else 0.0)) / total
        for k in COV
    }  # fmt: skip


def test_priority_score_components_and_order(con):
    rows = values(con, ["63.03", "63"])
    table = perencanaan_data.priority_table(rows, "63.03", "63", DEFAULT, flooded=True)
    expected = hand_scores(DEFAULT, flooded=True)
    assert table["kode_indikator"].tolist() == [
        "pu_air_minum", "kes_ibu_hamil", "kes_balita", "kes_skdn_d_per_s", "pu_kk_air_layak", "pend_dikdas_7_15"
    ]  # fmt: skip
    assert table["peringkat"].tolist() == [1, 2, 3, 4, 5, 6]
    by = table.set_index("kode_indikator")
    for k, score in expected.items():
        assert by.loc[k, "skor"] == approx(score), k
        assert by.loc[k, "capaian_tampil"] == approx(COV[k])
        assert by.loc[k, "capaian_provinsi"] == approx(PROV[k])
        assert by.loc[k, "belum"] == BELUM[k]
        assert by.loc[k, "jarak_target"] == approx(100 - COV[k])
        assert by.loc[k, "selisih_provinsi"] == approx(COV[k] - PROV[k])
        # every component is a column and the contributions add up to the score
        assert sum(by.loc[k, f"c_{c}"] for c in perencanaan_data.KOMPONEN) == approx(by.loc[k, "skor"])
    # air minum: 10 x (3 x 28/77.5 + 2 x 1 + 3 x 1 + 0 + 1) = 70.8387...
    assert by.loc["pu_air_minum", "skor"] == approx(10 * (3 * 28 / 77.5 + 6))
    assert by.loc["pu_air_minum", "k_provinsi"] == 1.0 and by.loc["pu_air_minum", "k_belum"] == 1.0
    assert by.loc["kes_ibu_hamil", "k_tren"] == 1.0 and by.loc["pend_dikdas_7_15", "k_tren"] == 0.25
    assert by.loc["kes_ibu_hamil", "arah"] == "memburuk" and by.loc["kes_balita", "arah"] == "membaik"
    assert by.loc["pend_dikdas_7_15", "arah"] == "stabil" and pd.isna(by.loc["pu_kk_air_layak", "arah"])
    assert by.loc["pu_kk_air_layak", "perubahan"] != by.loc["pu_kk_air_layak", "perubahan"]  # NA: no March 2025
    assert (table["x_banjir"] == 1.0).all() and table["terdampak_banjir"].all()


def test_weights_change_the_order(con):
    rows = values(con, ["63.03", "63"])
    only_unserved = perencanaan_data.priority_table(rows, "63.03", "63", perencanaan_data.Bobot(0, 0, 10, 0, 0), flooded=True)
    assert only_unserved["kode_indikator"].tolist() == [
        "pu_air_minum", "kes_balita", "kes_ibu_hamil", "pend_dikdas_7_15", "pu_kk_air_layak", "kes_skdn_d_per_s"
    ]  # fmt: skip
    assert only_unserved["skor"].iloc[1] == approx(100 * 31000 / 168000)
    # only the worsening trend: ibu hamil (-2 points) 100, dikdas (-0.5) 25; ties at 0 fall back to unserved people
    only_trend = perencanaan_data.priority_table(rows, "63.03", "63", perencanaan_data.Bobot(0, 0, 0, 10, 0), flooded=True)
    assert only_trend["kode_indikator"].tolist() == [
        "kes_ibu_hamil", "pend_dikdas_7_15", "pu_air_minum", "kes_balita", "pu_kk_air_layak", "kes_skdn_d_per_s"
    ]  # fmt: skip
    assert only_trend["skor"].tolist()[:3] == [100.0, 25.0, 0.0]
    not_flooded = perencanaan_data.priority_table(rows, "63.03", "63", DEFAULT, flooded=False)
    expected = hand_scores(DEFAULT, flooded=False)
    assert not_flooded.set_index("kode_indikator")["skor"].to_dict() == {k: approx(v) for k, v in expected.items()}
    zero = perencanaan_data.priority_table(rows, "63.03", "63", perencanaan_data.Bobot(0, 0, 0, 0, 0), flooded=True)
    assert (zero["skor"] == 0).all() and zero["kode_indikator"].iloc[0] == "pu_air_minum"
    assert (
        perencanaan_data.weighted_formula(DEFAULT)
        == "100 × (3·K_target + 2·K_provinsi + 3·K_belum + 1·K_tren + 1·K_banjir) / 10"
    )


def test_family_filter_and_lower_levels(con):
    rows = values(con, ["63.03", "63"])
    official = perencanaan_data.priority_table(rows, "63.03", "63", DEFAULT, keluarga="spm_resmi")
    assert official["kode_indikator"].tolist() == ["pu_air_minum", "kes_ibu_hamil", "kes_balita", "pend_dikdas_7_15"]
    # a desa: Bakambat D/S 85/100, province 89.4, March 2025 90/100 -> 5 points worse
    rows = values(con, ["63.03.01.2001", "63"])
    desa = perencanaan_data.priority_table(rows, "63.03.01.2001", "63", DEFAULT).set_index("kode_indikator")
    assert desa.loc["kes_skdn_d_per_s", "perubahan"] == approx(-5.0)
    assert desa.loc["kes_skdn_d_per_s", "belum"] == 15 and desa.loc["pu_kk_air_layak", "belum"] == 60


def test_flood_relation_parents_and_children(con):
    areas = ["63", "63.03", "63.03.01", "63.03.01.2001", "63.03.02", "63.71"]
    found = query_df(
        con, "prioritas_banjir", {"kode_wilayah": areas, "mulai": dt.date(2025, 4, 1), "akhir": dt.date(2026, 3, 31)}
    )
    assert dict(zip(found["kode_wilayah"], found["hubungan"], strict=True)) == {
        "63": "anak", "63.03": "anak", "63.03.01": "langsung", "63.03.01.2001": "induk"
    }  # fmt: skip
    assert set(found["kode_bencana"]) == {"RCN-2025-12"}
    # the event ended on 10 Jan 2026: a window of March 2026 alone does not see it
    later = query_df(con, "prioritas_banjir", {"kode_wilayah": areas, "mulai": MAR26, "akhir": dt.date(2026, 3, 31)})
    assert later.empty


def test_drill_down_aggregation(con):
    kec = ["63.03.01", "63.03.02"]
    parts = perencanaan_data.breakdown(values(con, kec), "kes_skdn_d_per_s")
    # Aluh Aluh 127/150 -> 23 unserved; Kertak Hanyar 170/200 -> 30; total 53 = the kab/kota's 350 - 297
    assert parts["kode_wilayah"].tolist() == ["63.03.02", "63.03.01"]
    assert parts["belum"].tolist() == [30, 23]
    assert parts["porsi"].tolist() == [approx(100 * 30 / 53), approx(100 * 23 / 53)]
    assert parts["porsi_kumulatif"].tolist() == [approx(100 * 30 / 53), approx(100.0)]
    # province -> kab/kota: Balangan 35/30 is floored at 0, so the children hold 53 + 5 + 0 = 58 (province: 53)
    kab = perencanaan_data.breakdown(values(con, ["63.03", "63.71", "63.11"]), "kes_skdn_d_per_s")
    assert kab["belum"].tolist() == [53, 5, 0] and kab["porsi"].iloc[0] == approx(100 * 53 / 58)
    table = perencanaan_data.priority_table(values(con, ["63.03", "63"]), "63.03", "63", DEFAULT)
    assert perencanaan_data.breakdown_options(table, values(con, kec)) == ["kes_skdn_d_per_s", "pu_kk_air_layak"]


def test_field_profile_ranks_and_trend(con):
    kab = ["63.03", "63.71", "63.11"]
    rows = values(con, ["63", *kab])
    prof = perencanaan_data.field_profile(rows, "63.03", "63", kab, "spm_resmi").set_index("bidang")
    # pendidikan 96 (Banjarmasin 100, Balangan 84); kesehatan mean(26, 22.5) (27.5/25 -> 26.25; 20/20 -> 20);
    # PU 72 (96, 55.5): Banjar is second of three everywhere
    assert prof["peringkat"].tolist() == [2, 2, 2, 2] and (prof["jumlah_pembanding"] == 3).all()
    assert prof.loc["kesehatan", "indeks"] == approx(24.25)
    assert prof.loc["kesehatan", "indeks_provinsi"] == approx((100 * 6400 / 24500 + 23.5) / 2)
    overall = (96 + 24.25 + 72) / 3
    assert prof.loc["semua", "indeks"] == approx(overall)
    assert prof.loc["semua", "indeks_provinsi"] == approx(
        (100 * 227000 / 235000 + (100 * 6400 / 24500 + 23.5) / 2 + 100 * 1137750 / 1390000) / 3
    )
    assert prof.loc["semua", "indeks_lalu"] == approx((96.5 + 24 + 70) / 3)
    assert prof.loc["semua", "arah"] == "stabil" and prof.loc["pekerjaan_umum", "arah"] == "membaik"
    assert prof.loc["semua", "jarak_target"] == approx(100 - overall)
    # kecamatan among the kecamatan of Banjar with data: Kertak Hanyar 170/200 = 85 beats Aluh Aluh 127/150
    kec = ["63.03.01", "63.03.02"]
    prof = perencanaan_data.field_profile(values(con, ["63", *kec]), "63.03.01", "63", kec, "posyandu").set_index("bidang")
    assert prof.loc["kesehatan", "indeks"] == approx(100 * 127 / 150)
    assert prof.loc["kesehatan", "peringkat"] == 2 and prof.loc["kesehatan", "jumlah_pembanding"] == 2
    assert (
        prof.loc["kesehatan", "perubahan"] == approx(100 * 127 / 150 - 90)
        and prof.loc["kesehatan", "arah"] == "memburuk"
    )
    # overall change over matched services only: KK air layak has no March 2025, so 127/150 - 90 (not 79 - 90)
    assert prof.loc["semua", "indeks"] == approx((100 * 127 / 150 + 100 * 330 / 450) / 2)
    assert prof.loc["semua", "perubahan"] == approx(100 * 127 / 150 - 90)
    # desa within Aluh Aluh: Bakambat 85 beats Tanipah 42/50 = 84
    desa = ["63.03.01.2001", "63.03.01.2002"]
    prof = perencanaan_data.field_profile(values(con, ["63", *desa]), "63.03.01.2001", "63", desa, "posyandu").set_index(
        "bidang"
    )
    assert prof.loc["kesehatan", "peringkat"] == 1


def test_one_pass_field_indices_match_the_ranking_scores(con):
    from dashboard.spm import scoring

    rows = values(con, ["63", "63.03", "63.71", "63.11"])
    now = rows[rows["kunci"] == "sekarang"]
    mine = perencanaan_data.field_indices(now, "spm_resmi").set_index(["kode_wilayah", "bidang"])["indeks"]
    for bidang in ["pendidikan", "kesehatan", "pekerjaan_umum", scoring.SEMUA]:
        theirs = scoring.scores(now, scoring.Pilihan("spm_resmi", bidang), ["kode_wilayah"]).set_index("kode_wilayah")
        for kode, value in theirs["indeks"].dropna().items():
            assert mine.loc[(kode, bidang)] == approx(value), (kode, bidang)


def test_completeness_of_areas_and_desa(con):
    comp = query_df(
        con,
        "profil_kelengkapan",
        {"kode_wilayah": ["63.03.01", "63.03.02.1001"], "mulai": dt.date(2026, 2, 1), "akhir": MAR26},
    )
    got = {(k, p.month): (a, m) for k, p, a, m in zip(comp["kode_wilayah"], pd.to_datetime(comp["periode"]), comp["desa_aktif"], comp["desa_melapor"], strict=True)}  # fmt: skip
    aluh = query_df(con, "daftar_wilayah_anak", {"kode_induk": "63.03.01"})
    assert got[("63.03.01", 3)] == (len(aluh), 2)  # Bakambat and Tanipah report
    # Kertak Hanyar I missed February
    assert got[("63.03.02.1001", 2)] == (1, 0) and got[("63.03.02.1001", 3)] == (1, 1)


def test_periods_resolve_per_family():
    per = perencanaan_data.resolve_periode(
        "2026-02", [dt.date(2025, 12, 1), MAR26], [dt.date(2026, 1, 1), dt.date(2026, 2, 1), MAR26]
    )
    assert per.resmi == dt.date(2025, 12, 1) and per.bulan == dt.date(2026, 2, 1)
    assert per.resmi_lalu == dt.date(2024, 12, 1) and per.bulan_lalu == dt.date(2025, 2, 1)


def test_budget_ratios(con):
    nilai = query_df(con, "peringkat_nilai", {"kode_provinsi": "63", "keluarga": "spm_resmi", "granularitas": "tahun", "periode": dt.date(2025, 12, 1)})  # fmt: skip
    rows = query_df(con, "anggaran_per_bidang", {"kode_provinsi": "63"})
    cfg = perencanaan_data.Pengaturan(ambang_tren_poin=1.0, bulan_banjir=12, ambang_realisasi_persen=80.0,
                                      ambang_capaian_persen=90.0, bobot=DEFAULT)
    table = perencanaan_data.budget_table(rows[rows["tahun"] == 2025], nilai, cfg).set_index(["kode_wilayah", "bidang"])
    assert len(table) == 9
    # Banjar health 2025: realised 14 of 20 bn = 70 %; Q4 2025 ibu hamil 9000/10000, balita 30000/40000 -> 82.5;
    # served 39000, unserved 11000; 14e9 / 39000 rupiah per person; 70 < 80 and 82.5 < 90 -> flagged
    r = table.loc[("63.03", "kesehatan")]
    assert r["realisasi_persen"] == approx(70.0) and r["indeks"] == approx(82.5) and r["jarak_target"] == approx(17.5)
    assert r["terlayani_total"] == 39000 and r["belum"] == 11000
    assert r["rupiah_per_terlayani"] == approx(14e9 / 39000) and bool(r["perhatian"])
    # province health index 2025: mean(22500/24500, 82500/100000)
    assert r["indeks_provinsi"] == approx((100 * 22500 / 24500 + 82.5) / 2)
    # Banjarmasin health: 60 % realised but 97.5 coverage -> not flagged; Balangan PU 50 % and 50 -> flagged
    assert not bool(table.loc[("63.71", "kesehatan"), "perhatian"])
    assert table.loc[("63.11", "pekerjaan_umum"), "realisasi_persen"] == approx(50.0)
    assert bool(table.loc[("63.11", "pekerjaan_umum"), "perhatian"])
    assert table.loc[("63.11", "pekerjaan_umum"), "rupiah_per_terlayani"] == approx(6e9 / 65000)
    flagged = sorted(k for k, f in table["perhatian"].items() if f)
    assert flagged == [("63.03", "kesehatan"), ("63.11", "pekerjaan_umum"), ("63.11", "pendidikan")]


def test_planning_sheet_reopens_with_values_headers_and_no_formulas():
    view = pd.DataFrame(
        {
            "Urutan": [1, 2],
            "Indikator": ['=HYPERLINK("http://x","klik")', "Pelayanan air minum"],
            "OPD penanggung jawab": ["@Dinas", "Dinas PUPR"],
            "Capaian": [72.0, 26.125],
            "Belum terlayani (orang)": pd.array([168000, 7400], dtype="Int64"),
            "Skor prioritas": [70.83871, 50.2],
        }
    )
    data = perencanaan_data.planning_excel(view, "Masalah prioritas – Kabupaten Banjar", ["Wilayah: Kabupaten Banjar", "-1+2"],
                                   notes=["Catatan"], percent=["Capaian"], decimals={"Skor prioritas": 1},
                                   wrap=["Indikator", "OPD penanggung jawab"])  # fmt: skip
    wb = openpyxl.load_workbook(io.BytesIO(data))
    ws = wb["Prioritas"]
    assert ws["A1"].value == "Masalah prioritas – Kabupaten Banjar"
    assert [ws.cell(row=r, column=1).value for r in (2, 3, 4)] == ["Wilayah: Kabupaten Banjar", "'-1+2", "Catatan"]
    assert [c.value for c in ws[6]] == list(view.columns)
    rows = [[c.value for c in r] for r in ws.iter_rows(min_row=7)]
    assert rows == [
        [1, '\'=HYPERLINK("http://x","klik")', "'@Dinas", 72.0, 168000, 70.83871],
        [2, "Pelayanan air minum", "Dinas PUPR", 26.125, 7400, 50.2],
    ]
    assert all(ws.cell(row=r, column=c).data_type != "f" for r in range(1, ws.max_row + 1) for c in range(1, 7))
    assert not any(
        str(v).startswith(tables.DANGEROUS_PREFIXES)
        for r in ws.iter_rows()
        for v in (c.value for c in r)
        if isinstance(v, str)
    )
    assert (
        ws["D7"].number_format == '#,##0.0"%"'
        and ws["E7"].number_format == "#,##0"
        and ws["F7"].number_format == "#,##0.0"
    )
    assert ws["B7"].alignment.wrap_text and ws["A6"].border.left.style == "thin"
    assert ws.auto_filter.ref == "A6:F8" and ws.print_title_rows == "$6:$6"
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.fitToWidth == 1
