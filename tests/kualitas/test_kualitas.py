"""Golden tests for data quality on the fixtures: completeness and the drill-down to missing desa, timeliness
against the e-SPM deadline, outliers (robust z on the MAD), consistency and the data-quality score.

Hand computations are written next to each expectation. Delivery times and the extra rows are in
tests/fixtures/kualitas.py.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard import REFERENSI_DIR
from dashboard.kualitas import data as kualitas_data
from tests.fixtures.kualitas import TODAY

TODAY_DATE = dt.date.fromisoformat(TODAY)


def desa_count(prefix: str) -> int:
    desa = pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_desa.csv", dtype=str)
    return int(desa["kode"].str.startswith(prefix + ".").sum())


# --- completeness ------------------------------------------------------------------------------------------------


def test_completeness_per_kabkota_and_month(app_env):
    grid = kualitas_data.completeness("kabkota", "63", "*")
    assert len(grid) == 13 * 6  # every kab/kota for each of the six months
    banjar = grid[grid["kode_wilayah"] == "63.03"].set_index(
        grid[grid["kode_wilayah"] == "63.03"]["periode"].dt.strftime("%Y-%m")
    )
    n = desa_count("63.03")
    # Banjar: three desa report every month except Feb 2026 (Kertak Hanyar I missing)
    assert banjar.loc["2026-01", "desa_melapor"] == 3
    assert banjar.loc["2026-02", "desa_melapor"] == 2
    assert banjar.loc["2026-02", "desa_aktif"] == n
    assert banjar.loc["2026-02", "kelengkapan_persen"] == pytest.approx(100 * 2 / n)
    tala = grid[grid["kode_wilayah"] == "63.01"]
    assert (tala["desa_melapor"] == 0).all() and (tala["kelengkapan_persen"] == 0).all()


def test_completeness_per_kecamatan(app_env):
    grid = kualitas_data.completeness("kecamatan", "63.03", "*")
    feb = grid[grid["periode"] == pd.Timestamp("2026-02-01")].set_index("kode_wilayah")
    assert feb.loc["63.03.01", "desa_melapor"] == 2  # Aluh Aluh: Bakambat and Tanipah
    assert feb.loc["63.03.02", "desa_melapor"] == 0  # Kertak Hanyar: its one reporting desa is missing in February
    assert feb.loc["63.03.02", "desa_aktif"] == desa_count("63.03.02")
    assert set(grid["kode_wilayah"]) == {k for k in grid["kode_wilayah"] if k.startswith("63.03.")}


def test_drill_down_to_missing_desa(app_env):
    feb = kualitas_data.missing_desa("2026-02", "63.03.02", "*")
    assert "63.03.02.1001" in set(feb["kode_desa"])  # Kertak Hanyar I did not report in February
    assert len(feb) == desa_count("63.03.02")
    mar = kualitas_data.missing_desa("2026-03", "63.03.02", "*")
    assert "63.03.02.1001" not in set(mar["kode_desa"])
    assert len(mar) == desa_count("63.03.02") - 1
    aluh = kualitas_data.missing_desa("2026-02", "63.03.01", "*")
    assert {"63.03.01.2001", "63.03.01.2002"}.isdisjoint(aluh["kode_desa"])
    assert len(aluh) == desa_count("63.03.01") - 2
    # the whole kab/kota: every Banjar desa but the two that reported
    assert len(kualitas_data.missing_desa("2026-02", "63.03", "*")) == desa_count("63.03") - 2


def test_drill_down_per_indicator(kualitas_env):
    # N/D is reported by Bakambat only (Muara Ninian in March only): Tanipah is missing it
    missing = set(kualitas_data.missing_desa("2026-02", "63.03.01", "kes_skdn_n_per_d")["kode_desa"])
    assert "63.03.01.2002" in missing and "63.03.01.2001" not in missing
    grid = kualitas_data.completeness("kecamatan", "63.03", "kes_skdn_n_per_d")
    row = grid[(grid["kode_wilayah"] == "63.03.01") & (grid["periode"] == pd.Timestamp("2026-02-01"))].iloc[0]
    assert row["desa_melapor"] == 1


# --- timeliness ----------------------------------------------------------------------------------------------------


def test_timeliness_against_the_espm_deadline(kualitas_env):
    t = kualitas_data.timeliness(None, TODAY_DATE)
    t["q"] = pd.to_datetime(t["periode_triwulan"]).dt.strftime("%Y-%m")
    got = t.set_index(["kode_kabkota", "q"])
    # deadlines: Q4 2025 -> 20 Jan 2026, Q1 2026 -> 20 Apr 2026
    assert got.loc[("63.03", "2025-12"), "tenggat"] == pd.Timestamp("2026-01-20")
    assert got.loc[("63.03", "2026-03"), "tenggat"] == pd.Timestamp("2026-04-20")
    # 63.03 Q4 delivered 15 Jan 10:00 -> on time; Q1 delivered on the deadline day (20 Apr 16:00) -> on time
    assert got.loc[("63.03", "2025-12"), "status_akhir"] == "tepat_waktu"
    assert got.loc[("63.03", "2026-03"), "status_akhir"] == "tepat_waktu"
    assert got.loc[("63.03", "2026-03"), "hari_terlambat"] == 0
    # 63.11 Q1: three rows on 2 May (import 4) and the percentage row on 10 Apr (import 5): last delivery 2 May, 12 days late
    q1 = got.loc[("63.11", "2026-03")]
    assert (q1["status_akhir"], q1["hari_terlambat"], q1["baris"], q1["jumlah_impor"]) == ("terlambat", 12, 4, 2)
    assert q1["kirim_terakhir"] == pd.Timestamp("2026-05-02 09:00:00")
    assert q1["id_impor_terakhir"] == 4
    assert q1["poin"] == 50
    # 63.71 Q4 rows are sample rows (id_impor 0): counted, never timed
    q4 = got.loc[("63.71", "2025-12")]
    assert (q4["status_akhir"], q4["baris"], q4["baris_sampel"]) == ("sampel", 4, 4)
    assert pd.isna(q4["kirim_terakhir"]) and pd.isna(q4["poin"])
    # a kab/kota without rows: not delivered once the deadline has passed, not yet due before it
    assert got.loc[("63.01", "2026-03"), "status_akhir"] == "tidak_dikirim"
    early = kualitas_data.timeliness("63.01", dt.date(2026, 4, 20))
    assert early.set_index(pd.to_datetime(early["periode_triwulan"]).dt.strftime("%Y-%m")).loc[
        "2026-03", "status_akhir"
    ] == ("belum_jatuh_tempo")
    assert len(t) == 13 * 2


# --- outliers ------------------------------------------------------------------------------------------------------


def test_outliers_robust_z_on_the_mad(app_env):
    found = kualitas_data.outliers(*kualitas_data.ALL_PERIODS)
    got = {(r.periode.strftime("%Y-%m"), r.kode_wilayah): r for r in found.itertuples()}
    # Bakambat D/S 80,82,84,60,70,85: median 81, |dev| 1,1,3,21,11,4 -> MAD 3.5; z(60) = 0.6745*(-21)/3.5 = -4.047
    assert got[("2026-01", "63.03.01.2001")].skor_z == pytest.approx(0.6745 * -21 / 3.5)
    # Tanipah 80,80,90,40,60,84 %: median 80, MAD 7; z(40) = 0.6745*(-40)/7 = -3.854
    assert got[("2026-01", "63.03.01.2002")].skor_z == pytest.approx(0.6745 * -40 / 7)
    # Muara Ninian 20..24,35 of 30: in D units median 22.5, MAD 1.5; z(35) = 0.6745*12.5/1.5 = 5.621
    assert got[("2026-03", "63.11.01.2001")].skor_z == pytest.approx(0.6745 * 12.5 / 1.5)
    # Kertak Hanyar I has only five values (February missing): below min_riwayat 6, not assessed
    assert set(got) == {("2026-01", "63.03.01.2001"), ("2026-01", "63.03.01.2002"), ("2026-03", "63.11.01.2001")}
    assert (found["n_seri"] >= 6).all()
    mine = kualitas_data.outliers(*kualitas_data.ALL_PERIODS, kabkota="63.11")
    assert list(mine["kode_wilayah"]) == ["63.11.01.2001"]
    window = kualitas_data.outliers(*kualitas_data.window("2026-02", 1))
    assert window.empty  # nothing in February alone


def test_outlier_when_the_series_does_not_usually_vary(kualitas_env):
    found = kualitas_data.outliers(*kualitas_data.ALL_PERIODS, kabkota="63.71")
    row = found[found["kode_indikator"] == "pu_kk_jamban_sehat"].iloc[0]
    # Mantuil latrines 80,80,80,44.4,80,80 %: MAD 0, so (x - median) / (1.2533 * mean |dev|), mean |dev| = 35.56/6
    dev = 80 - 400 / 9
    assert row["skor_z"] == pytest.approx(-dev / (1.2533 * dev / 6))
    assert row["periode"] == pd.Timestamp("2026-01-01")


def test_outlier_threshold_is_configurable(app_env, tmp_path, monkeypatch):
    from dashboard.core.settings import settings

    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[kualitas]\nambang_z = 3.3\nmin_riwayat = 5\n", encoding="utf-8")
    monkeypatch.setenv("SPM_CONFIG", str(cfg))
    settings.cache_clear()
    try:
        found = kualitas_data.outliers(*kualitas_data.ALL_PERIODS)
        # Kertak Hanyar I (5 values) now counts: 75,75,80,50,85 -> median 75, MAD 5, z(50) = -3.3725 < -3.3
        assert ("63.03.02.1001", pd.Timestamp("2026-01-01")) in set(
            zip(found["kode_wilayah"], found["periode"], strict=True)
        )
        assert len(found) == 4
    finally:
        settings.cache_clear()


def test_thresholds_have_floors(tmp_path, monkeypatch):
    from dashboard.core.settings import settings

    cfg = tmp_path / "cfg.toml"
    cfg.write_text("[kualitas]\nambang_z = 1.0\nambang_lompatan_sasaran = 0.05\n", encoding="utf-8")
    monkeypatch.setenv("SPM_CONFIG", str(cfg))
    settings.cache_clear()
    try:
        # the history mart keeps only candidates beyond these floors
        assert (kualitas_data.config().ambang_z, kualitas_data.config().ambang_lompatan_sasaran) == (2.0, 0.2)
    finally:
        settings.cache_clear()


# --- consistency ---------------------------------------------------------------------------------------------------


def test_consistency_findings(kualitas_env):
    found = kualitas_data.consistency(*kualitas_data.ALL_PERIODS)
    got = sorted(
        (
            r.periode.strftime("%Y-%m"),
            r.kode_wilayah,
            r.aturan,
            r.kode_indikator if isinstance(r.kode_indikator, str) else None,
        )
        for r in found.itertuples()
    )
    assert got == [
        # Mantuil latrines: sasaran 500 -> 900 (Jan) -> 500 (Feb): 900/500 - 1 = 0.8 > 0.5, difference 400 >= 10
        ("2026-01", "63.71.01.1001", "lompatan_sasaran", "pu_kk_jamban_sehat"),
        ("2026-02", "63.03.01.2001", "skdn_d_berbeda", None),  # D/S says D = 70, N/D says D = 72
        ("2026-02", "63.71.01.1001", "lompatan_sasaran", "pu_kk_jamban_sehat"),
        ("2026-03", "63.03.01.2001", "skdn_urutan", None),  # N 90 > D 85
        ("2026-03", "63.03.01.2001", "terlayani_melebihi_sasaran", "kes_skdn_n_per_d"),
        ("2026-03", "63.11.01.2001", "skdn_urutan", None),  # D 35 > S 30
        ("2026-03", "63.11.01.2001", "terlayani_melebihi_sasaran", "kes_skdn_d_per_s"),
    ]
    # Tanipah latrines 10 -> 16 (+60 %) is no jump: the difference 6 is below min_selisih_sasaran 10
    assert "63.03.01.2002" not in set(found["kode_wilayah"])
    skdn = found[(found["aturan"] == "skdn_d_berbeda")].iloc[0]
    assert (skdn["nilai_s"], skdn["nilai_d_ds"], skdn["nilai_d_nd"], skdn["nilai_n"]) == (100, 70, 72, 65)
    jump = found[(found["aturan"] == "lompatan_sasaran") & (found["periode"] == pd.Timestamp("2026-01-01"))].iloc[0]
    assert (jump["sasaran"], jump["sasaran_sebelumnya"]) == (900, 500)


def test_consistency_on_the_base_fixture(app_env):
    found = kualitas_data.consistency(*kualitas_data.ALL_PERIODS)
    # the one row above 100 %: Muara Ninian March, D 35 > S 30
    assert list(zip(found["kode_wilayah"], found["aturan"], strict=True)) == [
        ("63.11.01.2001", "terlayani_melebihi_sasaran")
    ]
    assert kualitas_data.consistency(*kualitas_data.ALL_PERIODS, kabkota="63.03").empty


# --- score ---------------------------------------------------------------------------------------------------------


def test_quality_scores_golden(kualitas_env):
    s = kualitas_data.quality_scores("2026-03", today=TODAY_DATE).set_index("kode")
    assert len(s) == 13
    # Banjar, Jan-Mar 2026. Rows: 2 desa x 3 months x 2 indicators + Kertak Hanyar I Jan, Mar x 2 + 4 SPM rows
    # + N/D Bakambat x 3 + latrines Tanipah x 3 = 26. Findings: Feb D differs, Mar N > D (skdn), Mar N/D above target = 3.
    # Outliers: Bakambat and Tanipah D/S in January = 2. Completeness (3 + 2 + 3) / 3 desa of all. Q1 on time = 100.
    b = s.loc["63.03"]
    n = desa_count("63.03")
    assert (b["baris"], b["baris_temuan"], b["baris_pencilan"]) == (26, 3, 2)
    assert b["kelengkapan"] == pytest.approx(100 * 8 / 3 / n)
    assert b["konsistensi"] == pytest.approx(100 * (1 - 3 / 26))
    assert b["pencilan"] == pytest.approx(100 * (1 - 2 / 26))
    assert b["ketepatan"] == 100
    expected = 0.4 * 100 * 8 / 3 / n + 0.2 * 100 + 0.2 * 100 * (1 - 3 / 26) + 0.2 * 100 * (1 - 2 / 26)
    assert b["skor"] == pytest.approx(expected)
    # Balangan: 11 rows, 2 findings, 1 outlier, 1 of its desa every month, Q1 late (50)
    g = s.loc["63.11"]
    m = desa_count("63.11")
    assert (g["baris"], g["baris_temuan"], g["baris_pencilan"], g["ketepatan"]) == (11, 2, 1, 50)
    assert g["skor"] == pytest.approx(0.4 * 100 / m + 0.2 * 50 + 0.2 * 100 * 9 / 11 + 0.2 * 100 * 10 / 11)
    # Tanah Laut: no rows (consistency and outliers have no value), no desa reports, Q1 not delivered
    t = s.loc["63.01"]
    assert pd.isna(t["konsistensi"]) and pd.isna(t["pencilan"]) and t["komponen"] == 2
    assert t["skor"] == 0
    assert list(s.columns[:2]) == ["nama_lengkap", "skor"]


def test_quality_scores_timeliness_quarter_and_sample(kualitas_env):
    # February 2026 counts the quarter that ended in December 2025: Banjarmasin's rows there are sample rows,
    # so timeliness drops out and the other weights are renormalised
    s = kualitas_data.quality_scores("2026-02", today=TODAY_DATE).set_index("kode")
    k = s.loc["63.71"]
    assert pd.isna(k["ketepatan"]) and k["status_ketepatan"] == "sampel" and k["komponen"] == 3
    assert k["skor"] == pytest.approx((0.4 * k["kelengkapan"] + 0.2 * k["konsistensi"] + 0.2 * k["pencilan"]) / 0.8)


def test_score_frame_weights_and_missing_components():
    comps = pd.DataFrame(
        {
            "kode": ["a", "b", "c"], "nama_lengkap": ["A", "B", "C"], "baris": [10, 0, 4], "baris_pencilan": [1, 0, 0],
            "baris_temuan": [2, 0, 9], "kelengkapan": [50.0, None, 100.0], "bulan_kelengkapan": [3, 0, 1],
        }
    )  # fmt: skip
    timely = pd.DataFrame({"kode_kabkota": ["a"], "poin": [100.0], "status_akhir": ["tepat_waktu"]})
    out = kualitas_data.score_frame(
        comps, timely, {"kelengkapan": 0.4, "ketepatan": 0.2, "konsistensi": 0.2, "pencilan": 0.2}
    )
    out = out.set_index("kode")
    assert out.loc["a", "skor"] == pytest.approx(0.4 * 50 + 0.2 * 100 + 0.2 * 80 + 0.2 * 90)
    assert pd.isna(out.loc["b", "skor"]) and out.loc["b", "komponen"] == 0
    # more findings than rows never goes below 0
    assert out.loc["c", "konsistensi"] == 0
    assert out.loc["c", "skor"] == pytest.approx((0.4 * 100 + 0.2 * 0 + 0.2 * 100) / 0.8)


def test_window_and_quarter():
    assert kualitas_data.window("2026-03", 3) == ("2026-01-01", "2026-03-01")
    assert kualitas_data.window(pd.Timestamp("2026-01-01"), 3) == ("2025-11-01", "2026-01-01")
    assert kualitas_data.quarter_end("2026-03") == pd.Timestamp("2026-03-01")
    assert kualitas_data.quarter_end("2026-02-01") == pd.Timestamp("2025-12-01")


# --- charts --------------------------------------------------------------------------------------------------------


def test_completeness_heatmap_figure(app_env):
    grid = kualitas_data.completeness("kecamatan", "63.03", "*")
    fig = kualitas_data.completeness_heatmap(grid, "nama", "id", lambda p: p.strftime("%Y-%m"), "judul", "melapor", "aktif")
    heat = fig.data[0]
    assert list(heat.x) == ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]
    kertak = list(heat.y).index("Kertak Hanyar")
    assert heat.z[kertak][4] == 0  # February
    assert heat.z[kertak][5] == pytest.approx(100 / desa_count("63.03.02"))
    assert heat.customdata[kertak][5] == [1, desa_count("63.03.02")]
    assert heat.zmin == 0 and heat.zmax == 100


def test_score_bar_figure(kualitas_env):
    scores = kualitas_data.quality_scores("2026-03", today=TODAY_DATE)
    fig = kualitas_data.score_bar(scores, "en")
    bar = fig.data[0]
    assert list(bar.y)[-1] == "Kabupaten Banjar"  # best score drawn at the top
    assert len(bar.y) == 13


# --- the page ------------------------------------------------------------------------------------------------------


def quality_page(db, monkeypatch, **query):
    from streamlit.testing.v1 import AppTest

    from tests.helpers import APP

    monkeypatch.setenv("SPM_DB", str(db))
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query)
    at.run()
    at.switch_page("kualitas/kualitas.py").run()
    assert not at.exception, at.exception
    return at


def frame_with(at, column: str) -> pd.DataFrame:
    for frame in at.dataframe:
        if column in frame.value.columns:
            return frame.value
    raise KeyError(column)


@pytest.mark.parametrize(
    ("lang", "score", "status"), [("id", "Skor", "Status pengiriman"), ("en", "Score", "Delivery status")]
)
def test_quality_page_shows_the_golden_figures(kualitas_db, monkeypatch, lang, score, status):
    at = quality_page(kualitas_db, monkeypatch, periode="2026-03", lang=lang)
    assert len(at.tabs) == 6
    scores = frame_with(at, score).set_index(frame_with(at, score).columns[0])
    assert scores.loc["Kabupaten Banjar", score] == pytest.approx(56.5216, abs=1e-3)
    assert scores.loc["Kabupaten Balangan", status] == ("Terlambat" if lang == "id" else "Late")
    assert list(frame_with(at, score).iloc[:, 0])[0] == "Kabupaten Banjar"  # best score first


def test_quality_page_drill_down_to_missing_desa(fixture_db, monkeypatch):
    at = quality_page(fixture_db, monkeypatch, periode="2026-03")  # the heat map shows the months up to March
    at.selectbox(key="kab").set_value("63.03").run()  # the heat map now shows Banjar's kecamatan
    at.selectbox(key="kualitas_telusur_wilayah").set_value("63.03.02")
    at.selectbox(key="kualitas_telusur_bulan").set_value("2026-02").run()
    assert not at.exception
    missing = frame_with(at, "Desa/kelurahan")
    assert "Kertak Hanyar I" in set(missing["Desa/kelurahan"])
    assert len(missing) == desa_count("63.03.02")
    at.selectbox(key="kualitas_telusur_bulan").set_value("2026-03").run()
    assert "Kertak Hanyar I" not in set(frame_with(at, "Desa/kelurahan")["Desa/kelurahan"])


def test_quality_page_lists_partial_aggregates(cakupan_db, monkeypatch):
    # tests/fixtures/cakupan.py, March 2026: the province's kes_balita stands on 10 of 13 kab/kota (partial); its
    # kes_ibu_hamil on 12 of 13 (11 with counts, Banjarmasin estimated; Banjarbaru's bare 70 % left out)
    at = quality_page(cakupan_db, monkeypatch, periode="2026-03")
    table = frame_with(at, "Unit dalam nilai / unit ada")
    assert table["Status"].iloc[:3].tolist() == ["◐ sebagian"] * 3  # partial first, least complete first
    # Posyandu D/S: 18 of the province's 2.016 desa, 18 of Banjar's 290; the official kes_balita: 10 of 13
    assert table["Unit dalam nilai / unit ada"].iloc[:3].tolist() == ["18 / 2.016", "18 / 290", "10 / 13"]
    ibu = table[table["Unit dalam nilai / unit ada"] == "12 / 13"].iloc[0]
    assert ibu["Ditaksir (persen saja)"] == 1 and ibu["Persen tanpa penyebut (tidak dihitung)"] == 1
    assert ibu["Status"] == ""
    assert any("dari" in m.value and "nilai agregat bertanda sebagian" in m.value for m in at.markdown)


def test_quality_score_tab_says_no_data_instead_of_empty_rows(tmp_path, monkeypatch):
    from tests.helpers import cli

    db = tmp_path / "kosong.duckdb"
    assert cli("init", "--db", db)[0] == 0
    f = tmp_path / "bencana.csv"
    f.write_text("kode_bencana,nama,jenis,tanggal_mulai,tanggal_selesai,status\n"
                 "B1,Banjir Uji,banjir,2026-01-05,2026-01-20,selesai\n", encoding="utf-8")  # fmt: skip
    code, out = cli("import", f, "--db", db, "--jenis", "bencana")
    at = quality_page(db, monkeypatch, periode="2026-03")
    assert any(i.value.startswith("Belum ada data untuk dinilai") for i in at.info), (code, out)
    assert not any("Skor" in f.value.columns for f in at.dataframe)
