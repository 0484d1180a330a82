"""Golden tests of periodicity (issue 13): year-to-date values compared with the same quarter of earlier years,
yearly points at their own year, flood bands over the periods they touch, captions per periodicity in id and en."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from dashboard.core.reference import PERIODE_LAPORAN
from dashboard.perencanaan.data import Periode
from dashboard.spm import charts as cp
from dashboard.spm import periods

# a year-to-date (official) series: climbs within each year, 2024 complete, 2025 up to Q3
YTD = pd.DataFrame(
    {
        "periode": pd.to_datetime(
            ["2024-03-01", "2024-06-01", "2024-09-01", "2024-12-01", "2025-03-01", "2025-06-01", "2025-09-01"]
        ),  # fmt: skip
        "nilai": [30.0, 55.0, 70.0, 85.0, 35.0, 60.0, 75.0],
        "seri": ["Banjar"] * 7,
        "provinsi": [False] * 7,
    }
)
FLOOD_JAN_2021 = pd.DataFrame(
    {
        "kode_bencana": ["B21"],
        "nama": ["Banjir Januari 2021"],
        "tanggal_mulai": [dt.date(2021, 1, 12)],
        "tanggal_selesai": [dt.date(2021, 1, 30)],
    }  # fmt: skip
)


def test_same_quarter_comparison_values():
    q3 = periods.same_quarter(YTD, "2025-09")
    assert q3["periode"].dt.strftime("%Y-%m").tolist() == ["2024-09", "2025-09"]
    assert q3["nilai"].tolist() == [70.0, 75.0]  # Q3 2025 vs Q3 2024: +5 points, not 75 - 85 = -10 against Q4 2024
    assert q3["nilai"].diff().iloc[-1] == pytest.approx(5.0)
    assert periods.same_quarter(YTD, "2025-02")["nilai"].tolist() == [30.0, 35.0]  # any month of Q1 -> Q1
    assert periods.same_quarter(YTD.iloc[:0], "2025-09").empty


def test_profile_trend_compares_the_same_quarter_a_year_earlier():
    per = Periode(resmi=dt.date(2026, 9, 1), bulan=dt.date(2026, 10, 1))
    assert per.resmi_lalu == dt.date(2025, 9, 1)  # Q3 2026 year to date vs Q3 2025 year to date, not the year 2025
    assert per.key("spm_resmi", lalu=True) == dt.date(2025, 9, 1)
    assert per.key("posyandu", lalu=True) == dt.date(2025, 10, 1)


def test_yearly_points_sit_at_their_own_year():
    assert periods.x_position("tahun", dt.date(2020, 12, 1)) == pd.Timestamp("2020-07-01")  # key 1 Dec -> mid-year
    assert periods.x_position("triwulan", dt.date(2021, 3, 1)) == pd.Timestamp("2021-02-15")
    assert periods.x_position("bulan", "2021-01") == pd.Timestamp("2021-01-15")
    yearly = pd.DataFrame({"periode": pd.to_datetime(["2020-12-01", "2021-12-01", "2022-12-01"]),
                           "nilai": [80.0, 62.0, 78.0], "seri": ["Banjar"] * 3})  # fmt: skip
    fig = cp.trend_chart(yearly, "id", gran="tahun", floods=FLOOD_JAN_2021, flood_label="Banjir")
    line = next(tr for tr in fig.data if tr.mode == "lines+markers")
    assert [pd.Timestamp(x) for x in line.x] == [pd.Timestamp(f"{y}-07-01") for y in (2020, 2021, 2022)]
    assert list(fig.layout.xaxis.ticktext) == ["2020", "2021", "2022"]
    assert [pd.Timestamp(v) for v in fig.layout.xaxis.tickvals] == [pd.Timestamp(x) for x in line.x]
    assert [pd.Timestamp(v) for v in fig.layout.xaxis.range] == [pd.Timestamp("2020-01-01"), pd.Timestamp("2023-01-01")]


def test_flood_band_on_a_yearly_axis_covers_its_year():
    yearly = pd.DataFrame({"periode": pd.to_datetime(["2020-12-01", "2021-12-01"]), "nilai": [80.0, 62.0],
                           "seri": ["Banjar"] * 2})  # fmt: skip
    fig = cp.trend_chart(yearly, "id", gran="tahun", floods=FLOOD_JAN_2021, flood_label="Banjir")
    (band,) = [s for s in fig.layout.shapes if s.type == "rect"]
    x0, x1 = pd.Timestamp(band.x0), pd.Timestamp(band.x1)
    assert (x0, x1) == (pd.Timestamp("2021-01-01"), pd.Timestamp("2022-01-01"))
    assert x0 <= pd.Timestamp("2021-07-01") < x1  # the 2021 point is under the band
    assert not x0 <= pd.Timestamp("2020-07-01") < x1  # the 2020 point is not
    marker = next(tr for tr in fig.data if tr.name == "Banjir")
    assert "2021-01-12 – 2021-01-30" in marker.hovertemplate  # the hover keeps the real dates


def test_flood_band_on_quarterly_and_same_quarter_axes():
    fig = cp.trend_chart(YTD, "id", gran="triwulan", floods=FLOOD_JAN_2021.assign(
        tanggal_mulai=[dt.date(2025, 5, 20)], tanggal_selesai=[dt.date(2025, 7, 3)]), flood_label="Banjir")  # fmt: skip
    (band,) = [s for s in fig.layout.shapes if s.type == "rect"]
    assert (pd.Timestamp(band.x0), pd.Timestamp(band.x1)) == (pd.Timestamp("2025-04-01"), pd.Timestamp("2025-10-01"))
    # one quarter of every year on a yearly axis: points at mid-year, labelled by the quarter
    q3 = periods.same_quarter(YTD, "2025-09")
    fig = cp.trend_chart(q3, "en", gran="triwulan", axis="tahun", floods=FLOOD_JAN_2021.assign(
        tanggal_mulai=[dt.date(2025, 1, 12)], tanggal_selesai=[dt.date(2025, 1, 30)]), flood_label="Flood")  # fmt: skip
    line = next(tr for tr in fig.data if tr.mode == "lines+markers")
    assert [pd.Timestamp(x) for x in line.x] == [pd.Timestamp("2024-07-01"), pd.Timestamp("2025-07-01")]
    assert list(line.customdata) == ["Q3 2024", "Q3 2025"] and list(fig.layout.xaxis.ticktext) == ["Q3<br>2024", "Q3<br>2025"]
    (band,) = [s for s in fig.layout.shapes if s.type == "rect"]
    assert (pd.Timestamp(band.x0), pd.Timestamp(band.x1)) == (pd.Timestamp("2025-01-01"), pd.Timestamp("2026-01-01"))


@pytest.mark.parametrize(
    ("keluarga", "gran", "periode_laporan", "key", "lang", "expected"),
    [
        ("posyandu", "bulan", None, None, "id", "Nilai bulanan: setiap titik adalah satu bulan."),
        ("posyandu", "bulan", None, None, "en", "Monthly values: each point is one month."),
        ("spm_resmi", "triwulan", None, None, "id", "Nilai kumulatif sejak Januari: setiap titik adalah capaian dari "
         "Januari sampai akhir triwulan itu, sehingga naik dari triwulan I ke triwulan IV setiap tahun. Bandingkan "
         "triwulan yang sama antartahun."),
        ("spm_resmi", "bulan", None, None, "en", "Year-to-date values: each point is coverage from January to the end "
         "of its quarter, so it climbs from Q1 to Q4 every year. Compare the same quarter across years."),
        ("spm_resmi", "tahun", None, None, "id", "Nilai tahunan: laporan triwulan IV (capaian setahun penuh); tahun "
         "berjalan: sampai triwulan terakhir yang dilaporkan."),
        ("spm_resmi", "tahun", None, None, "en", "Annual values: the Q4 report (a full year's coverage); current year: "
         "up to the latest reported quarter."),
        ("spm_resmi", "triwulan", None, "2026-09-01", "id", "Triwulan III setiap tahun (kumulatif Januari–September): "
         "nilai kumulatif dibandingkan dengan triwulan yang sama tahun-tahun sebelumnya."),
        ("spm_resmi", "triwulan", None, "2026-09-01", "en", "Q3 of every year (year to date, January–September): a "
         "year-to-date value compared with the same quarter of earlier years."),
        ("spm_resmi", "tahun", "tahunan", None, "id", "Nilai tahunan (angka survei tahunan): satu nilai per tahun."),
        ("spm_resmi", "triwulan", "tahunan", "2026-12-01", "en", "Annual values (an annual survey rate): one value per year."),
    ],
)  # fmt: skip
def test_captions_per_periodicity(keluarga, gran, periode_laporan, key, lang, expected):
    text = periods.series_caption(keluarga, gran, lang, periode_laporan, key=key)
    assert text == expected
    if periode_laporan == "tahunan" or gran == "tahun" and keluarga == "spm_resmi":
        assert "sejak Januari" not in text and "year-to-date" not in text.lower()


def test_period_labels_per_periodicity():
    assert PERIODE_LAPORAN == ("bulanan", "triwulanan_kumulatif", "tahunan")
    assert periods.periodicity("spm_resmi") == "triwulanan_kumulatif" and periods.periodicity("posyandu") == "bulanan"
    assert periods.periodicity("spm_resmi", "tahunan") == "tahunan"
    assert (
        periods.period_label("triwulan", "2026-12", "id", "spm_resmi", periode_laporan="tahunan")
        == "Tahun 2026 (tahunan)"
    )
    assert (
        periods.period_label("tahun", "2026-12", "en", "spm_resmi", periode_laporan="tahunan") == "Year 2026 (annual)"
    )
    assert periods.period_label("tahun", "2026-12", "id", "spm_resmi") == "Tahun 2026"
    assert periods.period_label("triwulan", "2026-09", "id", "spm_resmi") == "Triwulan III 2026 (kumulatif)"
    assert periods.period_label("triwulan", "2026-09", "en", "spm_resmi") == "Q3 2026 (year to date)"
    assert periods.period_label("bulan", "2026-09", "en", "posyandu") == "September 2026"


def test_schema_allows_the_three_periodicities_only():
    import duckdb

    from dashboard.core.warehouse import connect_memory, create_schema

    con = connect_memory()
    create_schema(con)
    for i, value in enumerate(PERIODE_LAPORAN):
        con.execute(
            "insert into indikator (kode_indikator, kode_bidang, periode_laporan) values (?, 'x', ?)", [f"k{i}", value]
        )
    with pytest.raises(duckdb.ConstraintException):
        con.execute(
            "insert into indikator (kode_indikator, kode_bidang, periode_laporan) values ('k9', 'x', 'mingguan')"
        )
    con.close()


def test_annual_indicator_counts_only_in_december(writable_db):
    import duckdb

    from dashboard.core.warehouse import build_marts

    con = duckdb.connect(str(writable_db))
    con.execute("update indikator set periode_laporan = 'tahunan' where kode_indikator = 'pend_dikdas_7_15'")
    build_marts(con)
    rows = con.execute(
        "select granularitas, strftime(periode, '%Y-%m') as p, capaian_persen from mart_capaian_periode_agregat "
        "where kode_indikator = 'pend_dikdas_7_15' and kode_wilayah = '63.03' order by granularitas, periode"
    ).fetchall()
    con.close()
    # Banjar: December 2025 95,000 / 100,000 is the year's value; its March 2026 row is no quarter and no year
    assert rows == [("tahun", "2025-12", pytest.approx(95.0)), ("triwulan", "2025-12", pytest.approx(95.0))]
