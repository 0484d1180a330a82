"""District league tables: ranks, rank changes, plausible rank ranges, flags, the funnel and the one-line reading.

Scores come from :mod:`dashboard.spm.scoring`; periods from :mod:`dashboard.spm.periods`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from dashboard.core import fmt, store
from dashboard.core.i18n import t
from dashboard.spm import coverage, stats
from dashboard.spm.categories import CategoryScheme, add_category, category_scheme
from dashboard.spm.periods import as_date, data_grain, grains, months_covered, resolve, shift
from dashboard.spm.scoring import Pengaturan, Pilihan, pengaturan, scores


def league_table(
    sekarang: pd.DataFrame,
    lalu: pd.DataFrame | None,
    kelengkapan: pd.DataFrame | None,
    pilihan: Pilihan,
    cfg: Pengaturan | None = None,
    scheme: CategoryScheme | None = None,
) -> tuple[pd.DataFrame, pd.Series | None]:
    """The league table of the kab/kota (best first) and the province row.

    ``sekarang``/``lalu``: rows of ``peringkat_nilai`` for this and the previous period (province + kab/kota).
    ``kelengkapan``: rows of ``peringkat_kelengkapan`` for the months the period covers.
    Adds rank, previous rank, places moved (positive = moved up), category, 95 % CI, plausible rank range
    (simulation, fixed seed; NA for a score without a usable denominator, ``tanpa_penyebut``: never a single-number
    range it cannot support), ``penyebut_kecil``, ``kelengkapan_rendah`` and ``lebih_100`` flags (the last two, and
    ``tanpa_penyebut``, mark the rank uncertain: ``tidak_pasti``), ``skor_pembanding`` (the province without the
    district, :func:`province_without`) and the position of the district's CI against it (``atas``/``bawah``/``sama``).
    """
    cfg = cfg or pengaturan()
    scheme = scheme or category_scheme()
    names = ["kode_wilayah", "tingkat", "nama", "nama_lengkap", "singkatan", "tile_baris", "tile_kolom"]
    info = sekarang[names].drop_duplicates("kode_wilayah")
    # kab/kota-level services only, for the province row too: the benchmark is like for like (the province's own
    # services, in its index on the overview, are not services a kab/kota delivers)
    now = info.merge(scores(sekarang, pilihan, ["kode_wilayah"], cfg, layanan_provinsi=False), on="kode_wilayah",
                     how="left")  # fmt: skip
    prov = now[now["tingkat"] == "provinsi"]
    prov_row = prov.iloc[0] if len(prov) else None
    table = now[now["tingkat"] == "kabkota"].copy()
    # a partial score (below [agregat] completeness) is shown but never ranked
    table["peringkat"] = stats.dense_rank(coverage.rankable(table["indeks"], table))
    if lalu is not None and len(lalu):
        before = scores(lalu, pilihan, ["kode_wilayah"], cfg, layanan_provinsi=False)
        before = before[before["kode_wilayah"].isin(table["kode_wilayah"])].copy()
        before["peringkat_lalu"] = stats.dense_rank(coverage.rankable(before["indeks"], before))
        before = before.rename(columns={"skor": "skor_lalu"})[["kode_wilayah", "peringkat_lalu", "skor_lalu"]]
        table = table.merge(before, on="kode_wilayah", how="left")
    else:
        table["peringkat_lalu"] = pd.Series(pd.NA, index=table.index, dtype="Int64")
        table["skor_lalu"] = np.nan
    table["perubahan"] = (table["peringkat_lalu"] - table["peringkat"]).astype("Int64")
    lo, hi = stats.plausible_rank_range(
        coverage.rankable(table["indeks"], table).reset_index(drop=True),
        table["se"].reset_index(drop=True),
        cfg.peringkat.jumlah_simulasi,
        cfg.peringkat.seed_simulasi,
    )
    no_denominator = table["tanpa_penyebut"].fillna(False).astype(bool).to_numpy()
    table["rentang_dari"] = pd.array(lo.array, dtype="Int64")
    table["rentang_sampai"] = pd.array(hi.array, dtype="Int64")
    table.loc[no_denominator, ["rentang_dari", "rentang_sampai"]] = pd.NA
    table = add_category(table, "indeks", scheme)
    if kelengkapan is not None and len(kelengkapan):
        table = table.merge(kelengkapan[["kode_wilayah", "kelengkapan_persen"]], on="kode_wilayah", how="left")
    else:
        table["kelengkapan_persen"] = np.nan
    has = table["indeks"].notna()
    # small denominator: more than half of the score's weight rests on rates with sasaran below the threshold
    table["penyebut_kecil"] = has & (table["bobot_penyebut_kecil"] > 0.5).fillna(False)
    low = table["kelengkapan_persen"] < cfg.peringkat.ambang_kelengkapan_persen
    table["kelengkapan_rendah"] = has & low.fillna(False)
    # a score resting on a capped >100 % value, or without a denominator, is never a confident rank
    table["tidak_pasti"] = table["kelengkapan_rendah"] | (has & (table["lebih_100"] | table["tanpa_penyebut"]))
    # each district against the province WITHOUT it: the pooled province leans on its largest districts, so a
    # district tested against a figure it makes up itself would read "significantly worse than the province" for most
    table = table.merge(province_without(sekarang, pilihan, cfg), on="kode_wilayah", how="left")
    lower_better = nilai_lt(sekarang, pilihan)
    table["posisi"] = [
        _position(lo_, hi_, None if pd.isna(bench) else float(bench), lower_better)
        for lo_, hi_, bench in zip(table["ci_lo"], table["ci_hi"], table["skor_pembanding"], strict=True)
    ]
    table = table.sort_values(["peringkat", "nama"], na_position="last", kind="stable").reset_index(drop=True)
    return table, prov_row


def province_without(nilai: pd.DataFrame, pilihan: Pilihan, cfg: Pengaturan | None = None) -> pd.DataFrame:
    """One row per kab/kota of ``nilai`` (rows of ``peringkat_nilai``): ``skor_pembanding``, the province's score
    from every other kab/kota, i.e. the pooled province counts minus the district's own (terlayani and sasaran per
    service, where the district has both), scored like any area. NA where the province has no counts."""
    prov = nilai.loc[nilai["tingkat"] == "provinsi", ["kode_indikator", "sasaran", "terlayani"]]
    rows = nilai[nilai["tingkat"] == "kabkota"].merge(prov, on="kode_indikator", how="left", suffixes=("", "_prov"))
    # the district's counts in the pooled province: reported, or estimated for a percent-only row (mart_taksiran)
    own = rows["sasaran"].notna() & rows["terlayani"].notna()
    own_s = rows["sasaran"].where(own)
    own_t = rows["terlayani"].where(own)
    if "sasaran_taksiran" in rows.columns:
        own_s = own_s.fillna(rows["sasaran_taksiran"])
        own_t = own_t.fillna(rows["terlayani_taksiran"])
    both = own_s.notna() & own_t.notna()
    sasaran = rows["sasaran_prov"].astype("Float64") - own_s.where(both, 0).astype("Float64")
    terlayani = rows["terlayani_prov"].astype("Float64") - own_t.where(both, 0).astype("Float64")
    rows = rows.assign(sasaran=sasaran, terlayani=terlayani,
                       capaian_persen=(100.0 * terlayani / sasaran.where(sasaran > 0)).astype("float64"))  # fmt: skip
    scored = scores(rows.drop(columns=["sasaran_prov", "terlayani_prov"]), pilihan, ["kode_wilayah"], cfg,
                    layanan_provinsi=False)  # fmt: skip
    return scored[["kode_wilayah", "skor"]].rename(columns={"skor": "skor_pembanding"})


def nilai_lt(nilai: pd.DataFrame, pilihan: Pilihan) -> bool:
    """True when the chosen single indicator is lower-is-better (2T); composites are always higher-is-better."""
    if not pilihan.satu_indikator:
        return False
    rows = nilai.loc[nilai["kode_indikator"] == pilihan.indikator, "lebih_tinggi_lebih_baik"]
    return bool(len(rows)) and not bool(rows.fillna(True).iloc[0])


def _position(lo: float, hi: float, prov: float | None, lower_better: bool) -> str | None:
    """'atas' (better than the province beyond the 95 % CI), 'bawah' (worse), 'sama' (CI contains it)."""
    if prov is None or pd.isna(lo) or pd.isna(hi):
        return None
    if lo > prov:
        return "bawah" if lower_better else "atas"
    if hi < prov:
        return "atas" if lower_better else "bawah"
    return "sama"


def neighbours(table: pd.DataFrame, kode: str | None) -> list[str]:
    """The selected district and the districts one rank above and below it."""
    if not kode or kode not in set(table["kode_wilayah"]):
        return []
    rank = table.loc[table["kode_wilayah"] == kode, "peringkat"].iloc[0]
    if pd.isna(rank):
        return [kode]
    near = table[table["peringkat"].isin([rank - 1, rank + 1])]["kode_wilayah"].tolist()
    return [kode, *near]


def arrow(change: object) -> str:
    """'▲ 2', '▼ 1', '=' or '' (no previous rank)."""
    if change is None or pd.isna(change):
        return ""
    change = int(change)
    if change > 0:
        return f"▲ {change}"
    if change < 0:
        return f"▼ {-change}"
    return "="


def reading(table: pd.DataFrame, prov: pd.Series | None, periode: str, lang: str, fmt_value) -> str:
    """A one-line plain-language reading of the league table in ``lang`` ('id' or 'en'), from the numbers."""
    ranked = table[table["peringkat"].notna()]
    partial = int((table["skor"].notna() & table["sebagian"]).sum()) if "sebagian" in table else 0
    if ranked.empty:
        text = t("spm.baca_kosong", lang, periode=periode)
        if partial:
            text += "; " + t("spm.baca_sebagian", lang, n=partial, ambang=fmt.persen(coverage.threshold(), 0, lang))
        return text
    top, bottom = ranked.iloc[0], ranked.iloc[-1]
    parts = [
        t("spm.baca_atas", lang, periode=periode, nama=top["nama_lengkap"], skor=fmt_value(top["skor"]),
          kategori=top["kategori"] or "–", n=len(ranked))
    ]  # fmt: skip
    if top["lebih_100"]:
        parts[0] += " " + t("spm.baca_atas_lebih_100", lang)
    if len(ranked) > 1:
        parts.append(t("spm.baca_bawah", lang, nama=bottom["nama_lengkap"], skor=fmt_value(bottom["skor"])))
    if ranked["perubahan"].notna().any():
        up, down = int((ranked["perubahan"] > 0).sum()), int((ranked["perubahan"] < 0).sum())
        parts.append(t("spm.baca_gerak", lang, naik=up, turun=down))
    if prov is not None and pd.notna(prov.get("skor")):
        above = int((ranked["posisi"] == "atas").sum())
        below = int((ranked["posisi"] == "bawah").sum())
        parts.append(t("spm.baca_beda", lang, prov=fmt_value(prov["skor"]), atas=above, bawah=below))
    incomplete = int(ranked["kelengkapan_rendah"].sum())
    if incomplete:
        parts.append(t("spm.baca_tidak_pasti", lang, n=incomplete))
    over = int(ranked["lebih_100"].sum())
    if over:
        parts.append(t("spm.baca_lebih_100", lang, n=over))
    no_denominator = int((ranked["tanpa_penyebut"] & ~ranked["lebih_100"]).sum())
    if no_denominator:
        parts.append(t("spm.baca_tanpa_penyebut", lang, n=no_denominator))
    if partial:
        parts.append(t("spm.baca_sebagian", lang, n=partial, ambang=fmt.persen(coverage.threshold(), 0, lang)))
    return "; ".join(parts) + "."


def reading_area(table: pd.DataFrame, kode: str, periode: str, lang: str, fmt_value) -> str:
    """The opening sentence of a page filtered to one kab/kota: its value and category, its rank among the ranked
    districts with the plausible rank range and the 95 % interval, its movement since the previous period and where
    it stands against the province without it. A district without a value, or with a partial one (◐), gets neither
    a number it does not have nor a category or rank. "" when ``kode`` is not in the table."""
    row = table[table["kode_wilayah"] == kode]
    if row.empty:
        return ""
    r = row.iloc[0]
    nama = r["nama_lengkap"]
    if pd.isna(r["skor"]):
        return t("spm.baca_wilayah_kosong", lang, nama=nama, periode=periode)
    if bool(r.get("sebagian", False)):
        return t("spm.baca_wilayah_sebagian", lang, nama=nama, periode=periode, skor=fmt_value(r["skor"]),
                 kelengkapan=coverage.format_completeness(r.get("kelengkapan_unit"), lang))  # fmt: skip
    ranked = table[table["peringkat"].notna()]
    kategori = r["kategori"] if isinstance(r["kategori"], str) else fmt.NA
    text = t("spm.baca_wilayah_nilai", lang, nama=nama, periode=periode, skor=fmt_value(r["skor"]), kategori=kategori)
    if pd.notna(r["peringkat"]):
        text += t("spm.baca_wilayah_peringkat", lang, peringkat=int(r["peringkat"]), n=len(ranked))
        aside = []
        a, b = r.get("rentang_dari"), r.get("rentang_sampai")
        if pd.notna(a) and pd.notna(b):
            aside.append(t("spm.baca_wilayah_rentang", lang, rentang=str(int(a)) if a == b else f"{int(a)}–{int(b)}"))
        if pd.notna(r.get("ci_lo")) and pd.notna(r.get("ci_hi")):
            aside.append(t("spm.baca_wilayah_ik", lang, lo=fmt.angka(r["ci_lo"], 1, lang), hi=fmt.angka(r["ci_hi"], 1, lang)))
        if aside:
            text += " (" + "; ".join(aside) + ")"
        change = r.get("perubahan")
        if change is not None and pd.notna(change):
            change = int(change)
            key = "spm.baca_wilayah_naik" if change > 0 else "spm.baca_wilayah_turun" if change < 0 else "spm.baca_wilayah_tetap"
            text += t(key, lang, n=abs(change))
    if bool(r.get("lebih_100", False)):
        text += " " + t("spm.baca_atas_lebih_100", lang)
    elif bool(r.get("kelengkapan_rendah", False)):
        text += "; " + t("spm.baca_wilayah_tidak_pasti", lang)
    posisi = {"atas": "spm.baca_wilayah_posisi_atas", "bawah": "spm.baca_wilayah_posisi_bawah",
              "sama": "spm.baca_wilayah_posisi_sama"}.get(str(r.get("posisi")))  # fmt: skip
    if posisi:
        text += "; " + t(posisi, lang)
    return text + "."


def data_until(nilai: pd.DataFrame) -> object:
    """The last month of data behind the province values (e.g. the latest quarter of a year in progress)."""
    rows = nilai.loc[nilai["tingkat"] == "provinsi", "periode_data"].dropna() if "periode_data" in nilai else []
    return max(rows) if len(rows) else None


def funnel_points(
    nilai: pd.DataFrame, indikator: str, overdispersi: bool = False
) -> tuple[pd.DataFrame, float | None, float]:
    """Rows of one indicator for the funnel (kab/kota with sasaran > 0 and a count), the province value and the
    overdispersion factor used for the limits (1 unless ``overdispersi``)."""
    rows = nilai[nilai["kode_indikator"] == indikator]
    prov = rows[rows["tingkat"] == "provinsi"]
    p0 = None
    if len(prov) and pd.notna(prov["sasaran"].iloc[0]) and prov["sasaran"].iloc[0] > 0:
        p0 = 100.0 * float(prov["terlayani"].iloc[0]) / float(prov["sasaran"].iloc[0])
    pts = rows[(rows["tingkat"] == "kabkota") & (rows["sasaran"] > 0) & rows["terlayani"].notna()].copy()
    pts["capaian"] = 100.0 * pts["terlayani"].astype(float) / pts["sasaran"].astype(float)
    phi = stats.overdispersion(pts["capaian"], pts["sasaran"], p0) if overdispersi and p0 is not None else 1.0
    pts["posisi_funnel"] = [
        stats.funnel_position(v, n, p0, phi) for v, n in zip(pts["capaian"], pts["sasaran"], strict=True)
    ]
    return pts.reset_index(drop=True), p0, phi


# --- data access (Streamlit cached through store.run) -------------------------------------------------


def available_periods(keluarga: str, gran: str) -> list[dt.date]:
    df = store.run("peringkat_periode_tersedia", keluarga=keluarga, granularitas=data_grain(keluarga, gran))
    return [as_date(p) for p in df["periode"]]


def values(keluarga: str, gran: str, key: dt.date | None) -> pd.DataFrame:
    if key is None:
        key = dt.date(1900, 1, 1)
    return store.run(
        "peringkat_nilai", kode_provinsi=store.provinsi_kode(), keluarga=keluarga,
        granularitas=data_grain(keluarga, gran), periode=as_date(key),
    )  # fmt: skip


def completeness(mulai: dt.date, akhir: dt.date) -> pd.DataFrame:
    return store.run("peringkat_kelengkapan", kode_provinsi=store.provinsi_kode(), mulai=mulai, akhir=akhir)


@dataclass(frozen=True)
class Liga:
    """Everything the ranking page shows for one choice."""

    pilihan: Pilihan
    gran: str
    kunci: dt.date | None
    kunci_lalu: dt.date | None
    tabel: pd.DataFrame
    provinsi: pd.Series | None
    nilai: pd.DataFrame


def league(pilihan: Pilihan, gran: str, month: object) -> Liga:
    """The league table for ``pilihan`` in the period of grain ``gran`` containing ``month`` (or the latest before);
    cached per warehouse version and settings."""
    return _league(pilihan, gran, str(as_date(month)), pengaturan())


@store.cached()
def _league(pilihan: Pilihan, gran: str, month: object, cfg: Pengaturan) -> Liga:
    gran = gran if gran in grains(pilihan.keluarga) else grains(pilihan.keluarga)[0]
    keys = available_periods(pilihan.keluarga, gran)
    key = resolve(gran, month, keys)
    now = values(pilihan.keluarga, gran, key)
    prev_key = shift(gran, key, -1) if key else None
    prev = values(pilihan.keluarga, gran, prev_key) if prev_key and prev_key in keys else None
    comp = completeness(*months_covered(pilihan.keluarga, gran, key)) if key else None
    table, prov = league_table(now, prev, comp, pilihan, cfg)
    return Liga(pilihan, gran, key, prev_key if prev is not None else None, table, prov, now)

