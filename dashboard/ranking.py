"""SPM index, district league tables and periods (data for views/peringkat.py, views/bidang.py, views/tren.py).

Index (SPM.md §5-6, §10): service index = capped receiver coverage (``min(terlayani / sasaran * 100, 100)``; when
quality ("mutu") coverage exists: ``(w_penerima * penerima + w_mutu * mutu) / (w_penerima + w_mutu)`` with the
weights from ``data/pengaturan.toml [indeks]``; there are no mutu data yet, so the index is receiver coverage).
Lower-is-better indicators (2T) enter as ``100 - capped coverage``. Field index = unweighted mean of the field's
service indices (NA skipped); overall index = unweighted mean of the field indices that have data. The official
index uses kab/kota-level services only; the Posyandu transformation indicators are never in an SPM index.

Three families are ranked separately: ``spm_resmi`` (official services, kab/kota level, quarterly year-to-date and
annual), ``posyandu`` (Posyandu operational indicators, desa level, monthly, summed up to kab/kota) and
``transformasi`` (Posyandu transformation, same treatment, its own "transformation score").

Pure functions take DataFrames (testable without Streamlit); the data functions call :func:`store.run`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from dashboard import statistik
from dashboard.config import CategoryScheme, category_scheme, settings
from dashboard.i18n import t

KELUARGA = ("spm_resmi", "posyandu", "transformasi")
GRANULARITAS = ("bulan", "triwulan", "tahun")
SEMUA = "semua"  # all fields / the field index instead of one indicator
ROMAWI = ("I", "II", "III", "IV")


# --- configuration -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pengaturan:
    w_penerima: float
    w_mutu: float
    ambang_penyebut_kecil: float
    ambang_kelengkapan_persen: float
    jumlah_simulasi: int
    seed_simulasi: int


def pengaturan() -> Pengaturan:
    cfg = settings()
    idx, pk = cfg.get("indeks", {}), cfg.get("peringkat", {})
    return Pengaturan(
        w_penerima=float(idx.get("w_penerima", 0.8)),
        w_mutu=float(idx.get("w_mutu", 0.2)),
        ambang_penyebut_kecil=float(pk.get("ambang_penyebut_kecil", 100)),
        ambang_kelengkapan_persen=float(pk.get("ambang_kelengkapan_persen", 80)),
        jumlah_simulasi=int(pk.get("jumlah_simulasi", 2000)),
        seed_simulasi=int(pk.get("seed_simulasi", 20260301)),
    )


# --- periods -----------------------------------------------------------------------------------------


def as_date(value: object) -> dt.date:
    """'2026-03', '2026-03-01', a date or a Timestamp -> the first of that month."""
    if isinstance(value, str) and len(value) == 7:
        value = value + "-01"
    ts = pd.Timestamp(value)
    return dt.date(ts.year, ts.month, 1)


def grains(keluarga: str) -> tuple[str, ...]:
    """Grains a family can be shown at: official SPM rows are quarterly year-to-date (no monthly value)."""
    return ("triwulan", "tahun") if keluarga == "spm_resmi" else GRANULARITAS


def data_grain(keluarga: str, gran: str) -> str:
    """The grain whose rows hold a family's value when the page asks for ``gran`` (official: month -> quarter)."""
    return "triwulan" if keluarga == "spm_resmi" and gran == "bulan" else gran


def period_key(gran: str, month: object) -> dt.date:
    """The key of the period containing ``month``: the month, the quarter's last month, or December."""
    d = as_date(month)
    if gran == "bulan":
        return d
    if gran == "triwulan":
        return dt.date(d.year, ((d.month - 1) // 3 + 1) * 3, 1)
    if gran == "tahun":
        return dt.date(d.year, 12, 1)
    raise ValueError(gran)


def shift(gran: str, key: object, n: int) -> dt.date:
    """The period key ``n`` periods after ``key`` (negative = earlier)."""
    step = {"bulan": 1, "triwulan": 3, "tahun": 12}[gran]
    d = as_date(key)
    months = d.year * 12 + (d.month - 1) + n * step
    return dt.date(months // 12, months % 12 + 1, 1)


def resolve(gran: str, month: object, available: list[object]) -> dt.date | None:
    """The latest available key at or before the period containing ``month`` (None when there is none)."""
    target = period_key(gran, month)
    keys = [as_date(k) for k in available]
    earlier = [k for k in keys if k <= target]
    return max(earlier) if earlier else None


def resolve_family(keluarga: str, gran: str, month: object, available: list[object]) -> dt.date | None:
    """Like :func:`resolve`, but an official family asked for a month gets the latest quarter-end at or before
    that month (its latest year-to-date report), not the quarter that contains it."""
    if data_grain(keluarga, gran) != gran:
        target = as_date(month)
        earlier = [k for k in (as_date(a) for a in available) if k <= target]
        return max(earlier) if earlier else None
    return resolve(gran, month, available)


def months_covered(keluarga: str, gran: str, key: object) -> tuple[dt.date, dt.date]:
    """First and last month a value covers (official rows are year-to-date, so they start in January)."""
    end = as_date(key)
    if keluarga == "spm_resmi" and gran != "bulan":
        return dt.date(end.year, 1, 1), end
    span = {"bulan": 0, "triwulan": 2, "tahun": 11}[gran]
    return shift("bulan", end, -span), end


def period_label(gran: str, key: object, lang: str, keluarga: str | None = None, data_until: object = None) -> str:
    """'Maret 2026', 'Triwulan I 2026 (kumulatif)', 'Tahun 2026 (s.d. Triwulan I)', 'Triwulan IV 2026 (s.d.
    Oktober)' and their English forms (``data_until``: the last month of data behind the value)."""
    d = as_date(key)
    if gran == "bulan":
        return t("peringkat.label_bulan", lang, bulan=t(f"peringkat.bulan_{d.month}", lang), tahun=d.year)
    q = (d.month - 1) // 3 + 1
    roman = ROMAWI[q - 1] if lang != "en" else str(q)
    if gran == "triwulan":
        key_ = "peringkat.label_triwulan_kumulatif" if keluarga == "spm_resmi" else "peringkat.label_triwulan"
        label = t(key_, lang, q=roman, tahun=d.year)
    else:
        label = t("peringkat.label_tahun", lang, tahun=d.year)
    if data_until is not None and not pd.isna(data_until) and as_date(data_until) < d:
        until = as_date(data_until)
        uq = (until.month - 1) // 3 + 1
        part = (
            t("peringkat.label_sd_triwulan", lang, q=ROMAWI[uq - 1] if lang != "en" else uq)
            if keluarga == "spm_resmi"
            else t("peringkat.label_sd_bulan", lang, bulan=t(f"peringkat.bulan_{until.month}", lang))
        )
        label += f" ({part})"
    return label


# --- index --------------------------------------------------------------------------------------------


def service_index(nilai: pd.DataFrame, w_penerima: float = 0.8, w_mutu: float = 0.2) -> pd.DataFrame:
    """Add per-row service columns: ``capaian_tampil`` (capped at 100), ``lebih_100`` (flag, raw kept in
    ``capaian_persen``), ``indeks`` (0-100, higher is better), ``ci_lo``/``ci_hi`` (Wilson 95 % on coverage,
    percent) and ``se`` (standard error on the index scale). Optional ``capaian_mutu`` enters with the weights."""
    out = nilai.copy()
    raw = pd.to_numeric(out["capaian_persen"], errors="coerce").astype(float)
    capped = raw.clip(lower=0.0, upper=100.0)
    out["capaian_tampil"] = capped
    out["lebih_100"] = (raw > 100).fillna(False).astype(bool)
    higher = out["lebih_tinggi_lebih_baik"].fillna(True).astype(bool)
    penerima = capped.where(higher, 100.0 - capped)
    if "capaian_mutu" in out.columns:
        mutu = pd.to_numeric(out["capaian_mutu"], errors="coerce").astype(float).clip(0.0, 100.0)
        mutu = mutu.where(higher, 100.0 - mutu)
        total = w_penerima + w_mutu
        mixed = (w_penerima * penerima + w_mutu * mutu) / total if total > 0 else penerima
        out["indeks"] = mixed.where(mutu.notna(), penerima)
    else:
        out["indeks"] = penerima
    lo, hi = statistik.wilson(out["terlayani"], out["sasaran"])
    out["ci_lo"], out["ci_hi"] = lo, hi
    out["se"] = statistik.se_from_interval(lo, hi)
    return out


def field_scores(services: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per (keys..., bidang): field index = mean of service indices (NA skipped), its variance
    (sum of the services' se^2 / n^2) and the number of services with data."""
    cols = [*keys, "bidang"]
    have = services[services["indeks"].notna()]
    grouped = (
        have.assign(se2=have["se"].fillna(0.0) ** 2)
        .groupby(cols, sort=False)
        .agg(indeks=("indeks", "mean"), se2=("se2", "sum"), n_layanan=("indeks", "size"))
        .reset_index()
    )
    grouped["var"] = grouped["se2"] / grouped["n_layanan"].astype(float) ** 2
    out = services[cols].drop_duplicates().merge(grouped.drop(columns="se2"), on=cols, how="left")
    out["n_layanan"] = out["n_layanan"].fillna(0).astype(int)
    return out[[*cols, "indeks", "var", "n_layanan"]]


def overall_scores(fields: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """One row per keys: overall index = mean of the field indices that have data; variance and field count."""
    have = fields[fields["indeks"].notna()]
    grouped = (
        have.groupby(keys, sort=False)
        .agg(indeks=("indeks", "mean"), var=("var", "sum"), n_bidang=("indeks", "size"), n_layanan=("n_layanan", "sum"))
        .reset_index()
    )
    grouped["var"] = grouped["var"] / grouped["n_bidang"].astype(float) ** 2
    out = fields[keys].drop_duplicates().merge(grouped, on=keys, how="left")
    out["n_bidang"] = out["n_bidang"].fillna(0).astype(int)
    out["n_layanan"] = out["n_layanan"].fillna(0).astype(int)
    return out[[*keys, "indeks", "var", "n_bidang", "n_layanan"]]


@dataclass(frozen=True)
class Pilihan:
    """What is scored: a family, optionally one field, optionally one indicator of it."""

    keluarga: str
    bidang: str = SEMUA
    indikator: str = SEMUA

    @property
    def satu_indikator(self) -> bool:
        return self.indikator != SEMUA


def scores(nilai: pd.DataFrame, pilihan: Pilihan, keys: list[str], cfg: Pengaturan | None = None) -> pd.DataFrame:
    """One row per keys (e.g. kode_wilayah, or kode_wilayah + periode) with the score of ``pilihan``.

    Columns: ``skor`` (shown: coverage for one indicator, else the index), ``indeks`` (0-100 higher-is-better,
    used for rank and category), ``ci_lo``/``ci_hi`` (95 % on ``skor``), ``se`` (on ``indeks``), ``sasaran``,
    ``terlayani``, ``capaian_persen`` (one indicator: raw), ``penyebut_min`` (smallest denominator used),
    ``lebih_100`` (any service > 100 %), ``n_layanan``, ``n_bidang``.
    """
    cfg = cfg or pengaturan()
    data = nilai[nilai["keluarga"] == pilihan.keluarga]
    if pilihan.keluarga == "spm_resmi" and not pilihan.satu_indikator:
        data = data[data["level"] == "kab_kota"]  # the official index uses kab/kota-level services only
    if pilihan.keluarga != "transformasi" and "termasuk_indeks" in data.columns:
        data = data[data["termasuk_indeks"].fillna(True).astype(bool)]
    if pilihan.bidang != SEMUA:
        data = data[data["bidang"] == pilihan.bidang]
    if pilihan.satu_indikator:
        data = data[data["kode_indikator"] == pilihan.indikator]
    services = service_index(data, cfg.w_penerima, cfg.w_mutu)
    with_data = services[services["indeks"].notna()].copy()
    # each service's weight in the score: 1 for one indicator; 1/n_f in a field index; 1/(F n_f) in the overall index
    n_f = with_data.groupby([*keys, "bidang"], sort=False)["indeks"].transform("size")
    n_fields = with_data.groupby(keys, sort=False)["bidang"].transform("nunique")
    with_data["bobot"] = 1.0 / n_f
    if pilihan.bidang == SEMUA and not pilihan.satu_indikator:
        with_data["bobot"] = with_data["bobot"] / n_fields
    small = pd.to_numeric(with_data["sasaran"], errors="coerce") < cfg.ambang_penyebut_kecil
    with_data["bobot_kecil"] = with_data["bobot"].where(small.fillna(False), 0.0)
    extra = (
        with_data.groupby(keys, sort=False)
        .agg(
            sasaran=("sasaran", lambda s: s.sum(min_count=1)),
            terlayani=("terlayani", lambda s: s.sum(min_count=1)),
            penyebut_min=("sasaran", "min"),
            bobot_penyebut_kecil=("bobot_kecil", "sum"),
            lebih_100=("lebih_100", "any"),
        )
        .reset_index()
    )
    base = services[keys].drop_duplicates()
    if pilihan.satu_indikator:
        one = services[[*keys, "capaian_persen", "capaian_tampil", "indeks", "ci_lo", "ci_hi", "se"]].copy()
        higher = bool(services["lebih_tinggi_lebih_baik"].fillna(True).iloc[0]) if len(services) else True
        one["skor"] = one["capaian_tampil"] if higher else one["capaian_persen"].clip(lower=0.0)
        one["n_layanan"] = one["indeks"].notna().astype(int)
        one["n_bidang"] = one["n_layanan"]
        out = one.drop(columns=["capaian_tampil"])
    else:
        fields = field_scores(services, keys)
        if pilihan.bidang != SEMUA:
            out = fields.drop(columns=["bidang"])
            out["n_bidang"] = out["indeks"].notna().astype(int)
        else:
            out = overall_scores(fields, keys)
        out["se"] = np.sqrt(out["var"].astype(float))
        out["skor"] = out["indeks"]
        out["ci_lo"] = (out["indeks"] - statistik.Z95 * out["se"]).clip(lower=0.0, upper=100.0)
        out["ci_hi"] = (out["indeks"] + statistik.Z95 * out["se"]).clip(lower=0.0, upper=100.0)
        out["capaian_persen"] = np.nan
        out = out.drop(columns=["var"])
    out = base.merge(out, on=keys, how="left").merge(extra, on=keys, how="left")
    out["lebih_100"] = out["lebih_100"].astype("boolean").fillna(False).astype(bool)
    return out


# --- league table ------------------------------------------------------------------------------------


def add_category(df: pd.DataFrame, column: str, scheme: CategoryScheme) -> pd.DataFrame:
    out = df.copy()
    cats = [scheme.classify(None if pd.isna(v) else float(v)) for v in out[column]]
    out["kategori"] = [c.label if c else None for c in cats]
    out["warna"] = [c.color if c else None for c in cats]
    return out


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
    (simulation, fixed seed), ``penyebut_kecil`` and ``kelengkapan_rendah`` (rank marked uncertain) flags and the
    position of the CI against the province value (``atas``/``bawah``/``sama``).
    """
    cfg = cfg or pengaturan()
    scheme = scheme or category_scheme()
    names = ["kode_wilayah", "tingkat", "nama", "nama_lengkap", "singkatan", "tile_baris", "tile_kolom"]
    info = sekarang[names].drop_duplicates("kode_wilayah")
    now = info.merge(scores(sekarang, pilihan, ["kode_wilayah"], cfg), on="kode_wilayah", how="left")
    prov = now[now["tingkat"] == "provinsi"]
    prov_row = prov.iloc[0] if len(prov) else None
    table = now[now["tingkat"] == "kabkota"].copy()
    table["peringkat"] = statistik.dense_rank(table["indeks"])
    if lalu is not None and len(lalu):
        before = scores(lalu, pilihan, ["kode_wilayah"], cfg)
        before = before[before["kode_wilayah"].isin(table["kode_wilayah"])].copy()
        before["peringkat_lalu"] = statistik.dense_rank(before["indeks"])
        before = before.rename(columns={"skor": "skor_lalu"})[["kode_wilayah", "peringkat_lalu", "skor_lalu"]]
        table = table.merge(before, on="kode_wilayah", how="left")
    else:
        table["peringkat_lalu"] = pd.Series(pd.NA, index=table.index, dtype="Int64")
        table["skor_lalu"] = np.nan
    table["perubahan"] = (table["peringkat_lalu"] - table["peringkat"]).astype("Int64")
    lo, hi = statistik.plausible_rank_range(
        table["indeks"].reset_index(drop=True),
        table["se"].reset_index(drop=True),
        cfg.jumlah_simulasi,
        cfg.seed_simulasi,
    )
    table["rentang_dari"], table["rentang_sampai"] = lo.array, hi.array
    table = add_category(table, "indeks", scheme)
    if kelengkapan is not None and len(kelengkapan):
        table = table.merge(kelengkapan[["kode_wilayah", "kelengkapan_persen"]], on="kode_wilayah", how="left")
    else:
        table["kelengkapan_persen"] = np.nan
    has = table["indeks"].notna()
    # small denominator: more than half of the score's weight rests on rates with sasaran below the threshold
    table["penyebut_kecil"] = has & (table["bobot_penyebut_kecil"] > 0.5).fillna(False)
    table["kelengkapan_rendah"] = has & (table["kelengkapan_persen"] < cfg.ambang_kelengkapan_persen).fillna(False)
    table["tidak_pasti"] = table["kelengkapan_rendah"]
    prov_value = None if prov_row is None or pd.isna(prov_row["skor"]) else float(prov_row["skor"])
    lower_better = nilai_lt(sekarang, pilihan)
    table["posisi"] = [
        _position(lo_, hi_, prov_value, lower_better) for lo_, hi_ in zip(table["ci_lo"], table["ci_hi"], strict=True)
    ]
    table = table.sort_values(["peringkat", "nama"], na_position="last", kind="stable").reset_index(drop=True)
    return table, prov_row


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
    if ranked.empty:
        return t("peringkat.baca_kosong", lang, periode=periode)
    top, bottom = ranked.iloc[0], ranked.iloc[-1]
    parts = [
        t("peringkat.baca_atas", lang, periode=periode, nama=top["nama_lengkap"], skor=fmt_value(top["skor"]),
          kategori=top["kategori"] or "–", n=len(ranked))
    ]  # fmt: skip
    if len(ranked) > 1:
        parts.append(t("peringkat.baca_bawah", lang, nama=bottom["nama_lengkap"], skor=fmt_value(bottom["skor"])))
    if ranked["perubahan"].notna().any():
        up, down = int((ranked["perubahan"] > 0).sum()), int((ranked["perubahan"] < 0).sum())
        parts.append(t("peringkat.baca_gerak", lang, naik=up, turun=down))
    if prov is not None and pd.notna(prov.get("skor")):
        above = int((ranked["posisi"] == "atas").sum())
        below = int((ranked["posisi"] == "bawah").sum())
        parts.append(t("peringkat.baca_beda", lang, prov=fmt_value(prov["skor"]), atas=above, bawah=below))
    uncertain = int(ranked["tidak_pasti"].sum())
    if uncertain:
        parts.append(t("peringkat.baca_tidak_pasti", lang, n=uncertain))
    return "; ".join(parts) + "."


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
    phi = statistik.overdispersion(pts["capaian"], pts["sasaran"], p0) if overdispersi and p0 is not None else 1.0
    pts["posisi_funnel"] = [
        statistik.funnel_position(v, n, p0, phi) for v, n in zip(pts["capaian"], pts["sasaran"], strict=True)
    ]
    return pts.reset_index(drop=True), p0, phi


# --- data access (Streamlit cached through store.run) -------------------------------------------------


def available_periods(keluarga: str, gran: str) -> list[dt.date]:
    from dashboard import store

    df = store.run("peringkat_periode_tersedia", keluarga=keluarga, granularitas=data_grain(keluarga, gran))
    return [as_date(p) for p in df["periode"]]


def values(keluarga: str, gran: str, key: dt.date | None) -> pd.DataFrame:
    from dashboard import store

    if key is None:
        key = dt.date(1900, 1, 1)
    return store.run(
        "peringkat_nilai", kode_provinsi=store.provinsi_kode(), keluarga=keluarga,
        granularitas=data_grain(keluarga, gran), periode=as_date(key),
    )  # fmt: skip


def completeness(mulai: dt.date, akhir: dt.date) -> pd.DataFrame:
    from dashboard import store

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
    from dashboard import store

    return _league_cached(pilihan, gran, str(as_date(month)), store.version(), pengaturan())


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


@st.cache_data(ttl=3600, max_entries=200, show_spinner=False)
def _league_cached(pilihan: Pilihan, gran: str, month: str, version: str, cfg: Pengaturan) -> Liga:
    return _league(pilihan, gran, month, cfg)
