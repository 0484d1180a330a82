"""Golden tests of the year-end projection on a small hand-built history (no warehouse): the area's shape, the
province's shape, the straight pace, too few years, the warning list's order and the backtest. Every expected value
is computed by hand here from the numbers of the history."""

from __future__ import annotations

import datetime as dt
from math import sqrt
from statistics import fmean, stdev

import pandas as pd
import pytest

from dashboard.core.settings import Peringatan, Tabel
from dashboard.peringatan import data as pd_data
from dashboard.peringatan import proyeksi

PROV = "63"
CFG = Peringatan(min_tahun_pola=3, target_spm_persen=100.0, target_posyandu=Tabel({"ds": 80.0, "dua_t": 5.0}))

KATALOG = pd.DataFrame([
    {"kode_indikator": "svc", "keluarga": "spm_resmi", "nama_id": "Layanan", "nama_en": "Service", "kode_bidang": "kes",
     "bidang_id": "Kesehatan", "bidang_en": "Health", "urutan": 2, "level": "kab_kota", "lebih_tinggi_lebih_baik": True,
     "peka_banjir": True},
    {"kode_indikator": "ds", "keluarga": "posyandu", "nama_id": "D/S", "nama_en": "D/S", "kode_bidang": "kes",
     "bidang_id": "Kesehatan", "bidang_en": "Health", "urutan": 2, "level": "posyandu_desa",
     "lebih_tinggi_lebih_baik": True, "peka_banjir": True},
    {"kode_indikator": "dua_t", "keluarga": "posyandu", "nama_id": "2T", "nama_en": "2T", "kode_bidang": "kes",
     "bidang_id": "Kesehatan", "bidang_en": "Health", "urutan": 2, "level": "posyandu_desa",
     "lebih_tinggi_lebih_baik": False, "peka_banjir": False},
])  # fmt: skip
BIDANG = pd.DataFrame([{"kode_bidang": "kes", "opd_id": "Dinas Kesehatan", "opd_en": "Health Office"}])


T = {1: 6.314, 2: 2.920}  # Student's t, 0,95 quantile, for 1 and 2 degrees of freedom (from a t table)


def share_range(shares, centre, kumulatif=True):
    """By hand: the wider of min..max and centre ± t(n−1) × sd × √(1 + 1/n); at most 1 year to date, at least 0,01."""
    n = len(shares)
    h = T[n - 1] * stdev(shares) * sqrt(1 + 1 / n)
    lo, hi = min(min(shares), centre - h), max(max(shares), centre + h)
    return max(lo, 0.01), max(min(hi, 1.0) if kumulatif else hi, 0.01)


def row(area, ind, year, month, sasaran, terlayani, keluarga="spm_resmi", units=(1, 1)):
    ada, hitung = units
    return {"kode_wilayah": area, "tingkat": "provinsi" if area == PROV else "kabkota", "kode_indikator": ind,
            "keluarga": keluarga, "periode": dt.date(year, month, 1), "tahun": year, "bulan": month,
            "sasaran": sasaran, "terlayani": terlayani, "capaian_persen": 100.0 * terlayani / sasaran,
            "unit_ada": ada, "unit_hitung": hitung, "unit_taksiran": 0, "unit_persen": 0}  # fmt: skip


# Area A: three earlier years with June and December (its own shape); this year June.
A = {2022: (3000, 8000), 2023: (4000, 9000), 2024: (3500, 8750)}  # (June year to date, December), sasaran 10.000
A_NOW = 4200
# Area B: one earlier year (too few for its own shape); the province has three.
B = {2024: (2000, 9000)}
B_NOW = 2500
P = {2022: (10000, 25000), 2023: (12000, 27000), 2024: (11000, 26000)}
P_NOW = 12000
# Area C has no history at all; its province has none for this indicator either.


def history() -> pd.DataFrame:
    rows = []
    for y, (jun, dec) in A.items():
        rows += [row("63.01", "svc", y, 6, 10000, jun), row("63.01", "svc", y, 12, 10000, dec)]
    rows.append(row("63.01", "svc", 2025, 6, 10000, A_NOW))
    for y, (jun, dec) in B.items():
        rows += [row("63.02", "svc", y, 6, 10000, jun), row("63.02", "svc", y, 12, 10000, dec)]
    rows.append(row("63.02", "svc", 2025, 6, 10000, B_NOW))
    for y, (jun, dec) in P.items():
        rows += [row(PROV, "svc", y, 6, 30000, jun, units=(13, 13)), row(PROV, "svc", y, 12, 30000, dec, units=(13, 13))]
    rows.append(row(PROV, "svc", 2025, 6, 30000, P_NOW, units=(13, 13)))
    return pd.DataFrame(rows)


def table(rows: pd.DataFrame, month="2025-07-01", **kw) -> pd.DataFrame:
    return pd_data.projection_table(rows, KATALOG, BIDANG, month, PROV, CFG, ambang=0.0, **kw)


def one(t: pd.DataFrame, area: str, ind: str = "svc") -> dict:
    return t[(t["kode_wilayah"] == area) & (t["kode_indikator"] == ind)].iloc[0].to_dict()


def test_shape_of_the_area_itself():
    r = one(table(history()), "63.01")
    shares = [jun / dec for jun, dec in A.values()]  # 0.375, 0.4444, 0.4
    assert r["metode"] == "pola_wilayah" and r["tahun_pola"] == 3 and r["bulan"] == 6  # July -> the June quarter end
    assert r["proyeksi"] == pytest.approx(100 * A_NOW / fmean(shares) / 10000)  # 4200 / 0.40648 = 10.333 -> 103,3 %
    lo, hi = share_range(shares, fmean(shares))  # sd 0,0354 -> 0,40648 ± 0,1194: 0,287 .. 0,526
    assert r["bawah"] == pytest.approx(100 * A_NOW / hi / 10000)  # 79,9 %
    assert r["atas"] == pytest.approx(100 * A_NOW / lo / 10000)  # 146,4 %
    assert not r["peringatan"]  # the projection reaches 100 %


def test_falls_back_to_the_province_shape():
    r = one(table(history()), "63.02")
    shares = [jun / dec for jun, dec in P.values()]  # 0.4, 0.4444, 0.4231
    assert r["metode"] == "pola_provinsi" and r["tahun_pola_daftar"] == "2022, 2023, 2024"
    assert r["proyeksi"] == pytest.approx(100 * B_NOW / fmean(shares) / 10000)  # 2500 / 0.42251 -> 59,2 %
    lo, hi = share_range(shares, fmean(shares))
    assert r["bawah"] == pytest.approx(100 * B_NOW / hi / 10000)
    assert r["atas"] == pytest.approx(100 * B_NOW / lo / 10000)  # 71,1 %
    # below 100 %: people unserved in December and the paces, by hand
    proj = 100 * B_NOW / fmean(shares) / 10000
    assert r["peringatan"] and r["risiko"] == "tinggi"  # even the top of the range is short
    assert r["belum_desember"] == pytest.approx((100 - proj) * 10000 / 100)
    assert r["laju_perlu"] == pytest.approx((10000 - 2500) / 6)  # 1.250 people a month from July to December
    assert r["laju_sekarang"] == pytest.approx((proj - 25.0) * 10000 / 100 / 6)
    assert r["laju_tambahan"] == pytest.approx(r["belum_desember"] / 6)
    assert r["opd_id"] == "Dinas Kesehatan"


def test_straight_pace_when_area_and_province_have_too_few_years():
    rows = history()
    rows = rows[~((rows["kode_wilayah"] == PROV) & rows["tahun"].isin([2022, 2023]))]  # the province keeps 2024 only
    r = one(table(rows), "63.02")
    # year to date: the same number of people each month -> 6/12 of the year by June
    assert r["metode"] == "laju_lurus"
    assert r["proyeksi"] == pytest.approx(100 * B_NOW / 0.5 / 10000)  # 50 %
    # range: the straight share and the shares of the earlier years there are (the area's own 2024: 2000/9000),
    # centred on the straight share; two values give a very wide interval (t = 6,314): 0,01 .. 1
    lo, hi = share_range([0.5, 2000 / 9000], 0.5)
    assert (lo, hi) == pytest.approx((0.01, 1.0))
    assert r["bawah"] == pytest.approx(100 * B_NOW / hi / 10000)  # 25 %: December at least what June has
    assert r["atas"] == pytest.approx(100 * B_NOW / lo / 10000)
    assert r["risiko"] == "sedang"  # the target lies inside the range


def test_too_few_years_and_no_data_this_year():
    rows = pd.concat([history(), pd.DataFrame([row("63.03", "svc", 2025, 6, 5000, 1000)])], ignore_index=True)
    rows = rows[rows["kode_wilayah"] != PROV]
    t = table(rows)
    c = one(t, "63.03")
    assert c["metode"] == "tidak" and c["alasan"] == "tanpa_riwayat" and pd.isna(c["proyeksi"]) and not c["peringatan"]
    assert pd_data.range_text(c, "id") == "belum dapat diproyeksikan: tidak ada tahun sebelumnya"
    assert pd_data.range_text(c, "en") == "cannot be projected yet: no earlier year"
    # as of February there is no quarter end yet this year: no data this year
    feb = one(table(history(), month="2025-02-01"), "63.01")
    assert feb["metode"] == "tidak" and feb["alasan"] == "tanpa_data"
    assert pd_data.range_text(feb, "id") == "belum dapat diproyeksikan: tidak ada data tahun ini"


def test_monthly_indicator_straight_pace_and_shape():
    rows = [row("63.01", "ds", 2025, 1, 100, 60, "posyandu"), row("63.01", "ds", 2025, 4, 100, 66, "posyandu")]
    # one earlier year with April and December: 70 % and 77 % (ratio 10/11); too few for a shape
    rows += [row("63.01", "ds", 2024, 4, 100, 70, "posyandu"), row("63.01", "ds", 2024, 12, 100, 77, "posyandu")]
    r = one(table(pd.DataFrame(rows), month="2025-04-01"), "63.01", "ds")
    # +2 points a month since January, continued for 8 months: 66 + 2 * 8 = 82
    assert r["metode"] == "laju_lurus" and r["proyeksi"] == pytest.approx(82.0)
    lo, hi = share_range([66 / 82, 70 / 77], 66 / 82, kumulatif=False)
    assert r["bawah"] == pytest.approx(66 / hi) and r["atas"] == pytest.approx(66 / lo)
    assert r["target"] == 80.0 and not r["peringatan"]


def test_shape_of_a_partial_or_other_units_is_not_used():
    rows = history()
    # the province's 2022 June stands on 12 of 13 kab/kota while December on 13: that year's share is left out
    rows.loc[(rows["kode_wilayah"] == PROV) & (rows["tahun"] == 2022) & (rows["bulan"] == 6), "unit_hitung"] = 12
    r = one(table(rows), "63.02")
    assert r["metode"] == "laju_lurus"  # the province keeps two years: fewer than three


def test_lower_is_better_target_is_a_maximum():
    rows = [row("63.01", "dua_t", y, m, 100, v, "posyandu") for y, m, v in
            [(2022, 6, 4), (2022, 12, 5), (2023, 6, 4), (2023, 12, 5), (2024, 6, 4), (2024, 12, 5), (2025, 6, 6)]]  # fmt: skip
    r = one(table(pd.DataFrame(rows), month="2025-06-01"), "63.01", "dua_t")
    assert r["proyeksi"] == pytest.approx(6 / 0.8)  # 7,5 % against a maximum of 5 %
    assert r["peringatan"] and r["kurang"] == pytest.approx(2.5) and r["belum_desember"] == pytest.approx(2.5)
    assert pd.isna(r["laju_perlu"])  # a pace is for people to serve, not for cases to avoid


def test_warning_list_order_partial_and_province_rows():
    rows = history()
    # D: a big area far behind (unserved 6.000); E: partial (not ranked); both without history -> province shape
    rows = pd.concat([rows, pd.DataFrame([row("63.04", "svc", 2025, 6, 20000, 4000),
                                          row("63.05", "svc", 2025, 6, 50000, 1000, units=(10, 5))])], ignore_index=True)  # fmt: skip
    t = pd_data.projection_table(rows, KATALOG, BIDANG, "2025-06-01", PROV, CFG, ambang=80.0)
    ranked, partial = pd_data.warning_list(t)
    mean_share = fmean(jun / dec for jun, dec in P.values())
    unserved = {
        "63.02": 10000 * (1 - B_NOW / mean_share / 10000),
        "63.04": 20000 * (1 - 4000 / mean_share / 20000),
    }
    assert list(ranked["kode_wilayah"]) == sorted(unserved, key=unserved.get, reverse=True)  # 63.04 (10.533) first
    assert list(ranked["peringkat"]) == [1, 2]
    assert ranked["belum_desember"].tolist() == pytest.approx(sorted(unserved.values(), reverse=True))
    assert list(partial["kode_wilayah"]) == ["63.05"]  # 5 of 10 units < 80 %: shown apart, not ranked
    assert PROV not in set(ranked["kode_wilayah"])  # the province row of a kab/kota service would count twice
    only_b, _ = pd_data.warning_list(t, "63.02")
    assert list(only_b["kode_wilayah"]) == ["63.02"] and list(only_b["peringkat"]) == [1]


def test_backtest_against_the_december_reached():
    rows = history()
    extra = [row("63.01", "svc", 2025, 12, 10000, 9500)]  # 2025 complete: its December is the outcome
    bt = pd_data.backtest_rows(pd.concat([rows, pd.DataFrame(extra)], ignore_index=True), KATALOG, PROV, 3, ambang=0.0,
                               months=(6,))  # fmt: skip
    a = bt[(bt["kode_wilayah"] == "63.01") & (bt["tahun"] == 2025)].iloc[0]
    shares = [jun / dec for jun, dec in A.values()]
    proj = 100 * A_NOW / fmean(shares) / 10000
    assert a["proyeksi"] == pytest.approx(proj) and a["aktual"] == pytest.approx(95.0)
    assert a["galat"] == pytest.approx(abs(proj - 95.0))
    lo, hi = share_range(shares, fmean(shares))
    assert (a["bawah"], a["atas"]) == pytest.approx((100 * A_NOW / hi / 10000, 100 * A_NOW / lo / 10000))
    assert a["dalam_rentang"] == (100 * A_NOW / hi / 10000 <= 95.0 <= 100 * A_NOW / lo / 10000)
    # 2023 as of June: area A has one earlier year (2022), the province one too -> straight pace from 2022 only
    b = bt[(bt["kode_wilayah"] == "63.01") & (bt["tahun"] == 2023)].iloc[0]
    assert b["metode"] == "laju_lurus" and b["proyeksi"] == pytest.approx(100 * 4000 / 0.5 / 10000)
    assert b["aktual"] == pytest.approx(90.0)
    summary = pd_data.backtest_summary(bt)
    assert summary["n"].iloc[0] == len(bt)
    assert summary["galat_median"].iloc[0] == pytest.approx(bt["galat"].median())
    assert summary["dalam_rentang_persen"].iloc[0] == pytest.approx(100 * bt["dalam_rentang"].mean())


def test_pure_formulas():
    assert proyeksi.shares({2020: {3: 20.0, 12: 80.0}, 2021: {3: 10.0}, 2024: {3: 1.0, 12: 2.0}}, 3, 2024) == {2020: 0.25}
    assert proyeksi.straight_share(True, 9, 50.0) == 0.75
    assert proyeksi.straight_share(False, 1, 50.0, 40.0) == 1.0
    assert proyeksi.project(None, 6, {}, {}, min_tahun=3, kumulatif=True).alasan == "tanpa_data"
    assert proyeksi.project(70.0, 12, {}, {}, min_tahun=3, kumulatif=True).metode == "akhir"
    assert proyeksi.required_pace(1000, 400, 9) == pytest.approx(200.0)
    assert proyeksi.required_pace(1000, 400, 12) is None


def test_a_flood_year_is_left_out_of_the_shape():
    floods = pd.DataFrame({"kode_wilayah": ["63.01"], "tahun": [2023]})
    r = one(table(history(), banjir_tahun=floods), "63.01")
    # area A keeps 2022 and 2024 (too few); the province leaves out every year a kab/kota was flooded (2023): 2 left
    assert r["metode"] == "laju_lurus" and r["tahun_pola_daftar"] == "2022, 2024"
    assert r["proyeksi"] == pytest.approx(100 * A_NOW / 0.5 / 10000)
    lo, hi = share_range([0.5, A[2022][0] / A[2022][1], A[2024][0] / A[2024][1]], 0.5)
    assert (r["bawah"], r["atas"]) == pytest.approx((100 * A_NOW / hi / 10000, 100 * A_NOW / lo / 10000))
    unflooded = one(table(history(), banjir_tahun=floods), "63.02")
    assert unflooded["metode"] == "laju_lurus"  # the province's shape lost 2023 too
