"""Year-end projection: the December value of a service from its year-to-date pace and the shape of earlier years.

The *shape* of an earlier year is the share of its December value already reached at the same point of the year:
``porsi = nilai(bulan) / nilai(Desember)``. For an official SPM service the value is the year-to-date number of
people served (``terlayani``, cumulative since January), so the share is how much of the year's total is usually
reached by this quarter. For a monthly Posyandu indicator the value is the month's coverage (percent), so the share
is the usual ratio between this month and December.

The projection divides this year's value by the mean share of the shape's years. The plausible range comes from the
spread of those shares: the wider of (a) the smallest to the largest share (every earlier year's shape applied to
this year) and (b) a 90 % prediction interval for the share of a new year, ``mean ± t(0,95; n−1) × sd × √(1 + 1/n)``
(Student's t; with only a few years (a) alone is far too narrow: it held the outcome in about half of the backtest's
projections). A year-to-date share cannot exceed 1 (December is at least this year's value so far). Which shape:

1. ``pola_wilayah``: the area's own earlier years, if it has at least ``min_tahun`` of them;
2. ``pola_provinsi``: else the province's earlier years for the same indicator, if at least ``min_tahun``;
3. ``laju_lurus``: else a straight pace (people per month so far continued to December; for a monthly indicator
   its change per month since January continued to December), its range from the straight share and the shares of
   the earlier years there are (the area's, else the province's), the interval centred on the straight share;
4. ``tidak``: "belum dapat diproyeksikan": no value this year (``tanpa_data``) or no earlier year at all
   (``tanpa_riwayat``).

A value as of December is the year's value itself (``akhir``). Pure functions, no Streamlit, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from math import sqrt
from statistics import fmean, stdev

METODE = ("pola_wilayah", "pola_provinsi", "laju_lurus", "akhir", "tidak")
# Student's t, 0,95 quantile (two-sided 90 %), by degrees of freedom; above 20 the value for 20 (a little wide)
T90 = {1: 6.314, 2: 2.920, 3: 2.353, 4: 2.132, 5: 2.015, 6: 1.943, 7: 1.895, 8: 1.860, 9: 1.833, 10: 1.812,
       11: 1.796, 12: 1.782, 13: 1.771, 14: 1.761, 15: 1.753, 16: 1.746, 17: 1.740, 18: 1.734, 19: 1.729, 20: 1.725}  # fmt: skip
MIN_PORSI = 0.01  # a share below 1 % of December is not plausible: the range's top is cut there


@dataclass(frozen=True)
class Hasil:
    """One projection: the December value (in the unit of the input value), its plausible range, the method and the
    earlier years behind it; ``alasan`` says why there is none."""

    metode: str
    nilai: float | None = None
    bawah: float | None = None
    atas: float | None = None
    tahun: tuple[int, ...] = ()
    alasan: str | None = None

    @property
    def ada(self) -> bool:
        return self.nilai is not None


def shares(history: Mapping[int, Mapping[int, float | None]], bulan: int, sebelum: int) -> dict[int, float]:
    """Per earlier year (``< sebelum``) that has both a value at ``bulan`` and a positive December value: the share
    ``value(bulan) / value(December)``. ``history`` is {year: {month: value}}."""
    out: dict[int, float] = {}
    for year, months in history.items():
        if year >= sebelum:
            continue
        v, dec = months.get(bulan), months.get(12)
        if v is None or dec is None or v != v or dec != dec or dec <= 0:
            continue
        out[int(year)] = float(v) / float(dec)
    return dict(sorted(out.items()))


def straight_share(kumulatif: bool, bulan: int, nilai: float, nilai_januari: float | None = None) -> float | None:
    """The share of December a straight pace implies. Year to date: the same number of people every month, so
    ``bulan / 12``. Monthly indicator: its change per month since January continued to December (no January value,
    or January itself: the value stays), so ``nilai / (nilai + laju × (12 − bulan))``; None when that December value
    is not positive."""
    if kumulatif:
        return bulan / 12.0
    if nilai_januari is None or nilai_januari != nilai_januari or bulan <= 1:
        return 1.0
    laju = (nilai - nilai_januari) / (bulan - 1)
    december = nilai + laju * (12 - bulan)
    return nilai / december if december > 0 else None


def share_range(values: list[float], centre: float, kumulatif: bool) -> tuple[float, float]:
    """(smallest, largest) plausible share: the wider of the values' own range and a 90 % prediction interval
    ``centre ± t × sd × √(1 + 1/n)`` (n ≥ 2); a year-to-date share at most 1, any share at least ``MIN_PORSI``."""
    lo, hi = min(values), max(values)
    n = len(values)
    if n >= 2:
        h = T90[min(n - 1, 20)] * stdev(values) * sqrt(1 + 1 / n)
        lo, hi = min(lo, centre - h), max(hi, centre + h)
    if kumulatif:
        hi = min(hi, 1.0)
    return max(lo, MIN_PORSI), max(hi, MIN_PORSI)


def _from_shares(metode: str, nilai: float, porsi: Mapping[int, float], kumulatif: bool) -> Hasil:
    values = [p for p in porsi.values() if p > 0]
    if not values:
        return Hasil("tidak", alasan="tanpa_riwayat")
    mean = fmean(values)
    lo, hi = share_range(values, mean, kumulatif)
    return Hasil(metode, nilai / mean, nilai / hi, nilai / lo, tuple(porsi))


def project(nilai: float | None, bulan: int, porsi_wilayah: Mapping[int, float], porsi_provinsi: Mapping[int, float],
            *, min_tahun: int, kumulatif: bool, nilai_januari: float | None = None) -> Hasil:  # fmt: skip
    """The December value from ``nilai`` at month ``bulan`` (see the module's docstring for the rule)."""
    if nilai is None or nilai != nilai:
        return Hasil("tidak", alasan="tanpa_data")
    if bulan >= 12:
        return Hasil("akhir", float(nilai), float(nilai), float(nilai))
    if len(porsi_wilayah) >= min_tahun:
        return _from_shares("pola_wilayah", float(nilai), porsi_wilayah, kumulatif)
    if len(porsi_provinsi) >= min_tahun:
        return _from_shares("pola_provinsi", float(nilai), porsi_provinsi, kumulatif)
    earlier = porsi_wilayah or porsi_provinsi
    if not earlier:
        return Hasil("tidak", alasan="tanpa_riwayat")
    lurus = straight_share(kumulatif, bulan, float(nilai), nilai_januari)
    if lurus is None or lurus <= 0:
        return Hasil("tidak", alasan="tanpa_riwayat")
    lo, hi = share_range([lurus, *(p for p in earlier.values() if p > 0)], lurus, kumulatif)
    return Hasil("laju_lurus", float(nilai) / lurus, float(nilai) / hi, float(nilai) / lo, tuple(earlier))


def required_pace(target_orang: float, sekarang_orang: float, bulan: int) -> float | None:
    """People per month still needed from now to December to reach ``target_orang`` (None in December)."""
    sisa = 12 - bulan
    return None if sisa <= 0 else max(target_orang - sekarang_orang, 0.0) / sisa


def median(values: Iterable[float]) -> float | None:
    xs = sorted(v for v in values if v == v)
    if not xs:
        return None
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2.0
