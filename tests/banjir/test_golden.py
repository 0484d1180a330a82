"""Golden tests: the flood fixture (tests/fixtures/banjir.py) through the real SQL and recovery functions.

Event TST-2025-12, onset month December 2025 (bulan_ke 0), baseline = Sep-Nov 2025, threshold 0.95, trend over the
last 4 points. Every expected number below is computed by hand from the fixture's monthly counts.

kes_posyandu_buka (10 Posyandu per desa; terlayani per month Sep..Jun):
  A1 9 9 9 | 6 4 6 7 8 9 9    A2 8 8 8 | 5 2 3 4 5 6 7    A3 10 x 10    H1 9 9 9 | 5 5 5 5 5 5 5
  U1 9 9 9 | 9 8 9 9 9 9 9    U2 10 10 10 | 10 9 10 ...    P1 10 x 10    (U1, U2, P1 unaffected)
  event (A1+A2+A3+H1, sasaran 40): 36/40 = 90 | 65 52.5 60 65 70 75 77.5
  Tapin (A1+A2+A3, 30): 90 | 70 53.33 63.33 70 76.67 83.33 86.67
  Binuang (A1+A2, 20): 85 | 55 30 45 55 65 75 80
kes_skdn_2t (D = 20; lower is better): A1 2 2 2 | 4 6 4 3 2 2 2    A2 2 2 2 | 6 8 7 6 5 4 3
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.banjir import data as banjir_data
from tests.fixtures.banjir import A1, A2, A3, BINUANG, CFG, HSS, PROV, TAPIN, TAPIN_SELATAN
from tests.helpers import read

KODE = "TST-2025-12"
BULAN_MULAI = "2025-12-01"


@pytest.fixture(scope="module")
def layanan(flood_run) -> pd.DataFrame:
    return banjir_data.layanan(KODE, BULAN_MULAI, CFG, run=flood_run)


def one(df: pd.DataFrame, kode_wilayah: str, indikator: str = "kes_posyandu_buka") -> dict:
    rows = df[(df["kode_wilayah"] == kode_wilayah) & (df["kode_indikator"] == indikator)]
    assert len(rows) == 1, (kode_wilayah, indikator, len(rows))
    return rows.iloc[0].to_dict()


def test_affected_desa_follow_the_finest_reported_level(flood_db):
    desa = read(flood_db, "select * from mart_banjir_desa where kode_bencana = $k", {"k": KODE})
    assert len(desa) == 11 + 1 + 148  # all of Binuang, desa Tatakan, all of Hulu Sungai Selatan
    assert set(desa["tingkat_sumber"]) == {"kecamatan", "desa", "kabkota"}
    assert A3 in set(desa["kode_desa"]) and "63.05.02.2002" not in set(desa["kode_desa"])  # U1 stays unaffected
    assert not desa["kode_desa"].str.startswith("63.05.03").any()  # the Tapin total row does not widen the reach


def test_events_register_lists_reach(flood_run):
    ev = banjir_data.kejadian(run=flood_run).set_index("kode_bencana")
    assert list(ev.index) == ["TST-2026-02", KODE]  # newest first
    assert ev.loc[KODE, ["desa_terdampak", "kecamatan_terdampak", "kabkota_terdampak"]].tolist() == [160, 13, 2]
    assert ev.loc[KODE, "status"] == "transisi_darurat" and str(ev.loc[KODE, "tanggal_selesai"].date()) == "2026-01-10"
    assert ev.loc["TST-2026-02", "status"] == "tanggap_darurat" and ev.loc["TST-2026-02", "jenis"] == "banjir"


def test_baseline_lowest_point_and_current(layanan):
    ev = one(layanan, PROV)
    assert ev["baseline"] == pytest.approx(90.0)
    assert ev["terburuk"] == pytest.approx(52.5) and ev["bulan_terburuk"] == 1
    assert str(ev["periode_terburuk"].date()) == "2026-01-01"
    assert (
        ev["kini"] == pytest.approx(77.5) and ev["bulan_kini"] == 6 and str(ev["periode_kini"].date()) == "2026-06-01"
    )
    tapin = one(layanan, TAPIN)
    assert tapin["baseline"] == pytest.approx(90.0) and tapin["terburuk"] == pytest.approx(160 / 3)
    assert tapin["kini"] == pytest.approx(260 / 3)
    binuang = one(layanan, BINUANG)
    assert binuang["baseline"] == pytest.approx(85.0) and binuang["terburuk"] == pytest.approx(30.0)
    hss = one(layanan, HSS)
    assert hss["terburuk"] == pytest.approx(50.0) and hss["bulan_terburuk"] == 0  # first month at the lowest value


def test_percent_recovered_and_status(layanan):
    assert one(layanan, PROV)["persen_pulih"] == pytest.approx(66.6667, abs=1e-3)  # 25 / 37.5
    assert one(layanan, TAPIN)["persen_pulih"] == pytest.approx(90.9091, abs=1e-3)  # 33.33 / 36.67
    assert one(layanan, BINUANG)["persen_pulih"] == pytest.approx(90.9091, abs=1e-3)  # 50 / 55
    assert one(layanan, HSS)["persen_pulih"] == pytest.approx(0.0)
    assert one(layanan, A2)["persen_pulih"] == pytest.approx(83.3333, abs=1e-3)  # (70-20)/(80-20)
    statuses = {k: one(layanan, k)["status"] for k in (PROV, TAPIN, BINUANG, TAPIN_SELATAN, HSS, A1, A2, A3)}
    assert statuses == {
        PROV: "belum_pulih", TAPIN: "pulih", BINUANG: "belum_pulih", TAPIN_SELATAN: "tidak_turun",
        HSS: "belum_pulih", A1: "pulih", A2: "belum_pulih", A3: "tidak_turun",
    }  # fmt: skip
    assert pd.isna(one(layanan, A3)["persen_pulih"])  # no dip, nothing to recover


def test_months_to_recover(layanan):
    assert one(layanan, A1)["waktu_pulih"] == 5  # back to 90 >= 85.5 in May 2026 and stays
    assert str(one(layanan, A1)["periode_pulih"].date()) == "2026-05-01"
    assert one(layanan, TAPIN)["waktu_pulih"] == 6  # 86.67 >= 85.5 first in June 2026
    assert pd.isna(one(layanan, BINUANG)["waktu_pulih"]) and pd.isna(one(layanan, PROV)["waktu_pulih"])


def test_projection_and_no_projection(layanan):
    ev = one(layanan, PROV)  # 65, 70, 75, 77.5: slope 4.25 -> 85.5 at month 7.7 -> August 2026
    assert ev["proyeksi_bulan_ke"] == 8 and str(ev["periode_proyeksi"].date()) == "2026-08-01"
    assert ev["kemiringan"] == pytest.approx(4.25)
    binuang = one(layanan, BINUANG)  # 55, 65, 75, 80: crosses 80.75 at 5.9, i.e. already due -> the next month
    assert binuang["proyeksi_bulan_ke"] == 7 and str(binuang["periode_proyeksi"].date()) == "2026-07-01"
    hss = one(layanan, HSS)  # flat at 50: honest "cannot be projected yet"
    assert pd.isna(hss["proyeksi_bulan_ke"]) and hss["alasan_proyeksi"] == "tren_tidak_membaik"
    assert pd.isna(one(layanan, A1)["proyeksi_bulan_ke"]) and pd.isna(one(layanan, A1)["alasan_proyeksi"])  # recovered


def test_lower_is_better_is_handled_the_right_way_round(layanan):
    a1 = one(layanan, A1, "kes_skdn_2t")  # 10 | 20 30 20 15 10 10 10
    assert (a1["baseline"], a1["terburuk"], a1["kini"]) == pytest.approx((10.0, 30.0, 10.0))
    assert a1["status"] == "pulih" and a1["waktu_pulih"] == 4 and a1["persen_pulih"] == pytest.approx(100.0)
    a2 = one(layanan, A2, "kes_skdn_2t")  # 10 | 30 40 35 30 25 20 15
    assert a2["terburuk"] == pytest.approx(40.0) and a2["status"] == "belum_pulih"
    assert a2["persen_pulih"] == pytest.approx(83.3333, abs=1e-3) and a2["proyeksi_bulan_ke"] == 7
    binuang = one(layanan, BINUANG, "kes_skdn_2t")  # 10 | 25 35 27.5 22.5 17.5 15 12.5
    assert binuang["terburuk"] == pytest.approx(35.0) and binuang["persen_pulih"] == pytest.approx(90.0)
    assert binuang["proyeksi_bulan_ke"] == 7  # slope -3.25, 10.53 reached at 6.45


def test_disaster_services_are_not_compared_with_a_baseline(layanan, flood_run):
    assert "sos_kk_banjir_bantuan" not in set(layanan["kode_indikator"])
    lb = banjir_data.layanan_bencana(KODE, run=flood_run)
    bantuan = lb[lb["kode_indikator"] == "sos_kk_banjir_bantuan"]
    bantuan = bantuan.set_index(bantuan["periode"].dt.strftime("%Y-%m"))
    assert bantuan[["sasaran", "terlayani", "kesenjangan"]].loc["2026-01"].tolist() == [50, 20, 30]
    assert bantuan["kesenjangan"].loc["2026-03"] == 5
    korban = lb[lb["kode_indikator"] == "sos_korban_bencana"].iloc[0]
    assert (korban["sasaran"], korban["terlayani"], korban["kesenjangan"]) == (1000, 600, 400)


def test_affected_minus_unaffected_difference(flood_run):
    did = banjir_data.selisih(KODE, CFG, run=flood_run)
    did = did[did["kode_indikator"] == "kes_posyandu_buka"].set_index(["kode_wilayah", "bulan_ke"])
    # Tapin: affected 90 -> 53.33 (-36.67), same-kab comparison U1+U2 95 -> 85 (-10): -26.67
    assert did.loc[(TAPIN, 1), "selisih"] == pytest.approx(-80 / 3)
    assert did.loc[(TAPIN, 1), "desa_pembanding"] == 2
    assert did.loc[(TAPIN, 6), "selisih"] == pytest.approx(-10 / 3)  # 86.67-90 vs 95-95
    # HSS has no unaffected desa: province comparison U1+U2+P1 96.67 -> 90 (-6.67); affected 90 -> 50 (-40)
    assert did.loc[(HSS, 1), "selisih"] == pytest.approx(-100 / 3) and did.loc[(HSS, 1), "desa_pembanding"] == 3
    # whole event: 90 -> 52.5 (-37.5) vs U1+U2+P1 (-6.67)
    assert did.loc[(PROV, 1), "selisih"] == pytest.approx(-37.5 + 20 / 3)
    ringkas = banjir_data.ringkas_selisih(banjir_data.selisih(KODE, CFG, run=flood_run)).set_index("kode_wilayah")
    assert ringkas.loc[PROV, "selisih_terburuk"] == pytest.approx(-37.5 + 20 / 3)
    assert ringkas.loc[PROV, "selisih_kini"] == pytest.approx(-12.5)
    assert "kes_skdn_2t" not in set(did.reset_index()["kode_indikator"])  # no unaffected desa report 2T


def test_impact_rollup_direct_report_wins(flood_run):
    d = banjir_data.dampak(KODE, run=flood_run).set_index("kode_wilayah")
    assert d.loc[TAPIN, "jiwa_terdampak"] == 1000  # Tapin's own total, not Binuang + Tatakan (900)
    assert d.loc[PROV, "jiwa_terdampak"] == 1500 and not d.loc[PROV, "dilaporkan_langsung"]
    assert d.loc[TAPIN_SELATAN, "rumah_rusak_berat"] == 2 and d.loc[TAPIN_SELATAN, "desa_terdampak"] == 1
    assert d.loc[PROV, "faskes_terdampak"] == 1  # HSS left it empty (unknown), not zero
    assert pd.isna(d.loc[HSS, "faskes_terdampak"])
    peta = banjir_data.peta(KODE, "kabkota", run=flood_run).set_index("kode_wilayah")
    assert len(peta) == 13 and peta.loc[HSS, "persen_desa"] == pytest.approx(100.0)
    assert peta.loc[TAPIN, "desa_terdampak"] == 12 and peta.loc["63.71", "persen_desa"] == 0


def test_physical_backlog_carries_the_latest_report_forward(flood_run):
    f = banjir_data.fisik_deret(KODE, TAPIN, run=flood_run)
    rb = f[f["komponen"] == "rumah_rusak_berat"]
    rb = rb.set_index(rb["tanggal"].astype(str))
    # Binuang reports 0 (31 Jan) and 2 (31 Mar); Tatakan reports 1 (28 Feb): 0, 0, 1, 3 of Tapin's own 10
    assert rb["pulih"].tolist() == [0, 0, 1, 3] and rb["sisa"].tolist() == [10, 10, 9, 7]
    assert list(rb.index) == ["2025-12-20", "2026-01-31", "2026-02-28", "2026-03-31"]
    now = banjir_data.fisik_terkini(KODE, run=flood_run).set_index(["kode_wilayah", "komponen"])
    assert now.loc[(PROV, "rumah_rusak_berat"), ["rusak", "pulih", "sisa"]].tolist() == [14, 4, 10]
    assert now.loc[(PROV, "kk_bantuan"), "persen_pulih"] == pytest.approx(80.0)  # 360 / 450
    assert now.loc[(BINUANG, "sekolah"), "sisa"] == 0 and now.loc[(BINUANG, "kk_bantuan"), "opd_id"] == "Dinas Sosial"
    tabel = banjir_data.fisik_per_wilayah(now.reset_index()).set_index("kode_wilayah")
    assert tabel.loc[BINUANG, "sisa_rumah"] == 4 + 4 + 5 and tabel.loc[TAPIN, "persen_rumah_rusak_berat"] == 30.0
    assert tabel.loc[TAPIN, "teks_rumah_rusak_berat"] == "30% · 3/10" and tabel.loc[HSS, "teks_sekolah"] == "50% · 1/2"
    assert list(tabel.index) == [TAPIN, BINUANG, TAPIN_SELATAN, HSS]  # kab/kota, then its kecamatan


def test_lagging_list_slowest_first_with_the_responsible_office(layanan, flood_run):
    fisik = banjir_data.fisik_terkini(KODE, run=flood_run)
    lag = banjir_data.tertinggal(layanan, fisik, banjir_data.bidang(run=flood_run), "id", tingkat=("kecamatan",))
    first, second = lag.iloc[0], lag.iloc[1]
    assert first["kode_wilayah"] == "63.06.01" and first["persen"] == pytest.approx(0.0)
    assert first["opd"] == "Dinas Kesehatan" and "belum dapat diproyeksikan" in first["keterangan"]
    assert second["kode_wilayah"] == BINUANG and second["butir"] == "Rumah rusak berat"
    assert second["opd"] == "Dinas Perkim" and second["sisa"] == 4
    assert lag["persen"].is_monotonic_increasing
    assert not (lag["persen"] >= 100).any()  # finished items are not lagging
    desa = banjir_data.tertinggal(layanan, fisik, banjir_data.bidang(run=flood_run), "en", tingkat=("desa",))
    assert set(desa["kode_wilayah"]) == {A2, "63.06.01.2001", A3}
    assert {"Education Office", "Health Office"} & set(desa["opd"])
    assert set(lag["jenis"]) == set(desa["jenis"]) == {"layanan", "fisik"}  # codes, whatever the language


def test_summary_states_only_what_the_numbers_support(layanan, flood_run):
    ev = banjir_data.kejadian(run=flood_run).set_index("kode_bencana").loc[KODE].to_dict()
    args = (
        banjir_data.dampak(KODE, run=flood_run), layanan, banjir_data.selisih(KODE, CFG, run=flood_run),
        banjir_data.fisik_terkini(KODE, run=flood_run), CFG,
    )  # fmt: skip
    text = " ".join(banjir_data.ringkasan(ev, *args, "id"))
    for part in (
        "160 desa/kelurahan terdampak di 13 kecamatan dan 2 kab/kota, dengan 1.500 jiwa terdampak",
        "Dari 2 layanan peka banjir",
        "0 sudah kembali",
        "2 belum",
        "kini 77,5% dibanding 90,0% sebelum banjir (66,7% dari penurunannya sudah pulih)",
        "diperkirakan pulih sekitar Agustus 2026 (perkiraan, bukan kepastian)",
        "selisih −30,8 poin",
        "63 dari 110 rumah rusak sudah diperbaiki (57,3%)",
        "Paling lambat: Rumah rusak berat, baru 28,6% selesai – tanggung jawab Dinas Perkim",
        "Kecamatan Binuang: 13 dari 46 rumah rusak",
    ):
        assert part in text, part
    en = " ".join(banjir_data.ringkasan(ev, *args, "en"))
    assert "projected to recover around August 2026" in en and "1,500 people affected" in en
    assert "rumah" not in en.lower()


def test_summary_without_progress_or_dip(flood_run):
    ev = banjir_data.kejadian(run=flood_run).set_index("kode_bencana").loc["TST-2026-02"].to_dict()
    lay = banjir_data.layanan("TST-2026-02", ev["bulan_mulai"], CFG, run=flood_run)
    assert set(lay.loc[lay["tingkat"] == "provinsi", "status"]) == {"tidak_turun"}  # Balangan kept rising
    text = banjir_data.ringkasan(
        ev, banjir_data.dampak("TST-2026-02", run=flood_run), lay, banjir_data.selisih("TST-2026-02", CFG, run=flood_run),
        banjir_data.fisik_terkini("TST-2026-02", run=flood_run), CFG, "id",
    )  # fmt: skip
    joined = " ".join(text)
    assert "Semua (2) layanan" in joined
    assert "Belum ada laporan kemajuan pemulihan fisik" in joined
    assert "Paling tertinggal" not in joined and "diperkirakan pulih" not in joined
