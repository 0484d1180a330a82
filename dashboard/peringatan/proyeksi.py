"""Year-end projection: the December value of a service from its year-to-date pace and the shape of earlier years.

The *shape* of an earlier year is the share of its December value already reached at the same point of the year:
``porsi = nilai(bulan) / nilai(Desember)``. For an official SPM service the value is the year-to-date number of
people served (``terlayani``, cumulative since January), so the share is how much of the year's total is usually
reached by this quarter. For a monthly Posyandu indicator the value is the month's coverage (percent), so the share
is the usual ratio between this month and December.

The projection divides this year's value by the mean share of the shape's years; the plausible range divides it by
the largest and by the smallest share (every earlier year's shape applied to this year). Which shape:

1. ``pola_wilayah``: the area's own earlier years, if it has at least ``min_tahun`` of them;
2. ``pola_provinsi``: else the province's earlier years for the same indicator, if at least ``min_tahun``;
3. ``laju_lurus``: else a straight pace (people per month so far continued to December; for a monthly indicator
   its change per month since January continued to December), its range widened to the shares of the earlier years
   there are (the area's, else the province's);
4. ``tidak``: "belum dapat diproyeksikan": no value this year (``tanpa_data``) or no earlier year at all
   (``tanpa_riwayat``).

A value as of December is the year's value itself (``akhir``). Pure functions, no Streamlit, no database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from statistics import fmean

METODE = ("pola_wilayah", "pola_provinsi", "laju_lurus", "akhir", "tidak")


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


def _from_shares(metode: str, nilai: float, porsi: Mapping[int, float]) -> Hasil:
    values = [p for p in porsi.values() if p > 0]
    if not values:
        return Hasil("tidak", alasan="tanpa_riwayat")
    return Hasil(metode, nilai / fmean(values), nilai / max(values), nilai / min(values), tuple(porsi))


def project(nilai: float | None, bulan: int, porsi_wilayah: Mapping[int, float], porsi_provinsi: Mapping[int, float],
            *, min_tahun: int, kumulatif: bool, nilai_januari: float | None = None) -> Hasil:  # fmt: skip
    """The December value from ``nilai`` at month ``bulan`` (see the module's docstring for the rule)."""
    if nilai is None or nilai != nilai:
        return Hasil("tidak", alasan="tanpa_data")
    if bulan >= 12:
        return Hasil("akhir", float(nilai), float(nilai), float(nilai))
    if len(porsi_wilayah) >= min_tahun:
        return _from_shares("pola_wilayah", float(nilai), porsi_wilayah)
    if len(porsi_provinsi) >= min_tahun:
        return _from_shares("pola_provinsi", float(nilai), porsi_provinsi)
    earlier = porsi_wilayah or porsi_provinsi
    if not earlier:
        return Hasil("tidak", alasan="tanpa_riwayat")
    lurus = straight_share(kumulatif, bulan, float(nilai), nilai_januari)
    if lurus is None or lurus <= 0:
        return Hasil("tidak", alasan="tanpa_riwayat")
    every = [lurus, *(p for p in earlier.values() if p > 0)]
    return Hasil("laju_lurus", float(nilai) / lurus, float(nilai) / max(every), float(nilai) / min(every), tuple(earlier))


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
