"""Coordination-meeting (rakor) material: the screens of presentation mode and the slides of the briefing deck.

One function, :func:`bahan`, gathers everything for a period and area (province or one kab/kota) in one language:
a title, the screens (overall SPM index and categories; league table with rank changes; one screen per SPM field
with data; flood recovery; priority problems; data-quality caveats) and a closing screen (sources, completeness,
caveats). Every screen carries one message, a few plain-language sentences generated from the numbers, optional
chart data (categories and series), an optional table (formatted cells) and speaker notes with the numbers behind it.

The numbers come from the modules the pages use (overview, ranking, recovery, planning, quality), so a figure on a
slide is the figure on the matching page. Works without a Streamlit session (the cached readers fall back to an
in-memory cache), so the command line can build the deck before a meeting.

Honesty rules of the narrative:

* official SPM values are year-to-date, so quarter-on-quarter movements are described as rank changes only;
* a rank change is called *real* only when the previous rank lies outside the district's current plausible rank
  range (95 % simulation, :func:`league.league_table`); otherwise it is "within the uncertainty";
* a district is called better/worse than the province only when its 95 % CI excludes the province value;
* a flood-affected area is called *lagging* when at least one flood-sensitive service has not recovered or damaged
  houses are still being repaired.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from dashboard.core import dates, fmt
from dashboard.core.i18n import data_text, lang_column, t
from dashboard.spm import coverage, palette

TOP_PRIORITAS = 5
TOP_KUALITAS = 6
BIDANG_SPM = ("pendidikan", "kesehatan", "pekerjaan_umum", "perumahan_rakyat", "trantibumlinmas", "sosial")


# --- the material ----------------------------------------------------------------------------------------------------


@dataclass
class Grafik:
    """Chart data: categories (one per bar) and series of values (None = no data)."""

    judul: str
    kategori: list[str]
    seri: list[tuple[str, list[float | None]]]
    warna: list[str | None] | None = None  # per bar colours (single series)
    warna_seri: list[str] | None = None  # per series colours (several series)
    tumpuk: bool = False  # stacked bars
    persen: bool = True  # values are percentages (0-100 axis)
    maks: float | None = 100.0


@dataclass
class Tabel:
    kolom: list[str]
    baris: list[list[str]]
    sorot: list[int] = field(default_factory=list)  # rows to highlight (the selected kab/kota)
    # how many leading columns the projector shows (None: all); the deck shows every column, the notes carry the rest
    kolom_layar: int | None = None


@dataclass
class Ubin:
    """One kab/kota tile of the tile map."""

    baris: int
    kolom: int
    label: str
    nilai: str
    warna: str


@dataclass
class Layar:
    kunci: str
    judul: str
    pesan: str
    kalimat: list[str] = field(default_factory=list)
    grafik: Grafik | None = None
    tabel: Tabel | None = None
    catatan: list[str] = field(default_factory=list)  # speaker notes: the numbers behind the screen
    ubin: list[Ubin] = field(default_factory=list)

    def __post_init__(self) -> None:
        # a chart without one bar with a value says nothing (and python-pptx refuses a chart without categories):
        # the screen keeps its message and table, without the chart
        g = self.grafik
        if g is not None and not (g.kategori and any(v is not None for _, values in g.seri for v in values)):
            self.grafik = None


@dataclass
class Bahan:
    lang: str
    judul: str
    wilayah: str
    periode: str  # 'YYYY-MM'
    periode_label: str
    tanggal: str
    sampel: bool
    konteks: str  # the corner line: area · period
    layar: list[Layar]
    penutup: Layar
    status: str = "sampel"  # what is loaded: 'sampel', 'campuran', 'nyata' or 'kosong' (ui.data_status)
    status_teks: str = ""  # the banner's sentence for it

    @property
    def semua(self) -> list[Layar]:
        return [*self.layar, self.penutup]

    @property
    def sudut_sampel(self) -> str:
        """The corner mark of every slide while ``sampel`` (sample or mixed data)."""
        return t("rakor.campuran_sudut" if self.status == "campuran" else "rakor.sampel_sudut", self.lang)

    @property
    def teks_sampel(self) -> str:
        """The title slide's warning while ``sampel``: for mixed data the banner's sentence naming the real imports."""
        return self.status_teks if self.status == "campuran" else t("rakor.sampel_teks", self.lang)

    def nama_berkas(self, ext: str) -> str:
        area = self.wilayah.lower().replace(" ", "_").replace(".", "")
        return f"bahan_rakor_{area}_{self.periode}.{ext}"


# --- small helpers ---------------------------------------------------------------------------------------------------


def _p(x: object, lang: str, d: int = 1) -> str:
    return fmt.persen(x, d, lang)


def _a(x: object, lang: str, d: int = 0) -> str:
    return fmt.angka(x, d, lang)


def _num(x: object) -> float | None:
    return None if fmt.is_na(x) else float(x)  # type: ignore[arg-type]


def _daftar(items: list[str], lang: str) -> str:
    """'A', 'A dan B', 'A, B dan C' ('and' in English)."""
    if not items:
        return fmt.NA
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " " + t("rakor.dan", lang) + " " + items[-1]


# --- narrative (pure, tested against the hand-computed fixture) ------------------------------------------------------


def gerak_peringkat(table: pd.DataFrame) -> pd.DataFrame:
    """The ranked districts whose rank changed, with ``nyata`` (the previous rank lies outside the current plausible
    rank range, so the move is more than noise). Biggest moves first."""
    ranked = table[table["peringkat"].notna() & table["perubahan"].notna()].copy()
    ranked = ranked[ranked["perubahan"] != 0]
    if ranked.empty:
        return ranked.assign(nyata=pd.Series(dtype=bool))
    lo = pd.to_numeric(ranked["rentang_dari"], errors="coerce")
    hi = pd.to_numeric(ranked["rentang_sampai"], errors="coerce")
    prev = pd.to_numeric(ranked["peringkat_lalu"], errors="coerce")
    ranked["nyata"] = ((prev < lo) | (prev > hi)).fillna(False).astype(bool)
    ranked["_abs"] = ranked["perubahan"].astype(int).abs()
    ranked = ranked.sort_values(["_abs", "peringkat"], ascending=[False, True], kind="stable")
    return ranked.drop(columns="_abs").reset_index(drop=True)


def _singkat(names: list[str], lang: str, n: int = 4) -> str:
    """'A, B, C dan D' or 'A, B, C, D dan 2 lainnya'."""
    if len(names) <= n:
        return _daftar(names, lang)
    return _daftar([*names[:n], t("rakor.lainnya", lang, n=len(names) - n)], lang)


def kalimat_gerak(table: pd.DataFrame, lang: str) -> list[str]:
    """Who rose and fell and by how many places, and which moves are real (the previous rank lies outside today's
    plausible rank range) and which are within the uncertainty."""
    ranked = table[table["peringkat"].notna()]
    if ranked.empty or not ranked["perubahan"].notna().any():
        return [t("rakor.gerak_tanpa_lalu", lang)]
    moves = gerak_peringkat(table)
    if moves.empty:
        return [t("rakor.gerak_tetap", lang, n=len(ranked))]

    def item(r) -> str:
        return t("rakor.gerak_item", lang, nama=r.nama_lengkap, n=abs(int(r.perubahan)), dari=int(r.peringkat_lalu),
                 ke=int(r.peringkat))  # fmt: skip

    out = []
    up = [item(r) for r in moves.itertuples(index=False) if r.perubahan > 0]
    down = [item(r) for r in moves.itertuples(index=False) if r.perubahan < 0]
    if up:
        out.append(t("rakor.gerak_naik", lang, daftar=_singkat(up, lang)))
    if down:
        out.append(t("rakor.gerak_turun", lang, daftar=_singkat(down, lang)))
    real = moves[moves["nyata"]]
    if real.empty:
        out.append(t("rakor.gerak_semua_tidak_pasti", lang, n=len(moves)))
    else:
        names = [f"{r.nama_lengkap} ({r.rentang_dari}–{r.rentang_sampai})" for r in real.itertuples(index=False)]
        key = "rakor.gerak_nyata" if len(real) == len(moves) else "rakor.gerak_nyata_sebagian"
        out.append(t(key, lang, daftar=_daftar(names, lang), n=len(moves) - len(real)))
    return out


def kalimat_posisi(table: pd.DataFrame, prov: pd.Series | None, lang: str) -> str | None:
    """Which districts are clearly better / worse than the province (95 % CI excludes the province value)."""
    if prov is None or fmt.is_na(prov.get("skor")):
        return None
    ranked = table[table["peringkat"].notna()]
    above = ranked.loc[ranked["posisi"] == "atas", "nama_lengkap"].tolist()
    below = ranked.loc[ranked["posisi"] == "bawah", "nama_lengkap"].tolist()
    same = int((ranked["posisi"] == "sama").sum())
    none = t("rakor.tidak_ada", lang)
    return t("rakor.posisi", lang, prov=_p(prov["skor"], lang), atas=_singkat(above, lang) if above else none,
             bawah=_singkat(below, lang) if below else none, sama=same)  # fmt: skip


def tertinggal_kabkota(layanan: pd.DataFrame, fisik: pd.DataFrame) -> pd.DataFrame:
    """One row per affected kab/kota: flood-sensitive services with a baseline (``layanan``), not yet recovered
    (``belum``), the lowest percent recovered among those, damaged houses and repaired houses (``rumah_persen``),
    and ``tertinggal`` (a service not recovered or houses still being repaired). Most lagging first."""
    cols = [
        "kode_wilayah",
        "nama",
        "layanan",
        "belum",
        "pulih_terendah",
        "rusak",
        "pulih",
        "rumah_persen",
        "tertinggal",
    ]
    rows: dict[str, dict[str, Any]] = {}
    if not layanan.empty:
        kab = layanan[(layanan["tingkat"] == "kabkota") & (layanan["status"] != "tanpa_baseline")]
        for kode, g in kab.groupby("kode_wilayah", sort=False):
            belum = g[g["status"] == "belum_pulih"]
            rows[kode] = dict(kode_wilayah=kode, nama=g["nama_wilayah"].iloc[0], layanan=len(g), belum=len(belum),
                              pulih_terendah=_num(pd.to_numeric(belum["persen_pulih"], errors="coerce").min()) if len(belum) else None)  # fmt: skip
    if not fisik.empty:
        from dashboard.banjir.data import KOMPONEN_RUMAH

        rumah = fisik[(fisik["tingkat"] == "kabkota") & fisik["komponen"].isin(KOMPONEN_RUMAH) & (fisik["rusak"] > 0)]
        for kode, g in rumah.groupby("kode_wilayah", sort=False):
            r = rows.setdefault(
                kode, dict(kode_wilayah=kode, nama=g["nama_wilayah"].iloc[0], layanan=0, belum=0, pulih_terendah=None)
            )
            r["rusak"], r["pulih"] = float(g["rusak"].sum()), float(min(g["pulih"].sum(), g["rusak"].sum()))
    out = pd.DataFrame(list(rows.values()), columns=cols[:-1])
    if out.empty:
        return pd.DataFrame(columns=cols)
    out["rusak"] = pd.to_numeric(out["rusak"], errors="coerce").astype(float)
    out["pulih"] = pd.to_numeric(out["pulih"], errors="coerce").astype(float)
    out["rumah_persen"] = (100.0 * out["pulih"] / out["rusak"]).where(out["rusak"] > 0)
    out["tertinggal"] = (out["belum"] > 0) | (out["rumah_persen"] < 100).fillna(False)
    out["_min"] = pd.to_numeric(out["pulih_terendah"], errors="coerce").fillna(np.inf)
    out = out.sort_values(["tertinggal", "belum", "_min", "rumah_persen", "nama"], ascending=[False, False, True, True, True],
                          na_position="last", kind="stable")  # fmt: skip
    return out.drop(columns="_min").reset_index(drop=True)


def kalimat_tertinggal(lag: pd.DataFrame, lang: str) -> str:
    """'Lagging in recovery: A (2 of 3 services not yet recovered; houses 40.0% repaired), ...' or 'none lag'."""
    rows = lag[lag["tertinggal"]] if len(lag) else lag
    if rows.empty:
        return t("rakor.banjir_tidak_tertinggal", lang)
    parts = []
    for r in rows.itertuples(index=False):
        bits = []
        if r.belum:
            bits.append(t("rakor.banjir_layanan_belum", lang, belum=int(r.belum), n=int(r.layanan)))
        if not fmt.is_na(r.rumah_persen) and r.rumah_persen < 100:
            bits.append(t("rakor.banjir_rumah", lang, persen=_p(r.rumah_persen, lang)))
        parts.append(f"{r.nama} ({'; '.join(bits)})")
    return t("rakor.banjir_tertinggal", lang, daftar=_daftar(parts, lang))


def kalimat_prioritas(table: pd.DataFrame, lang: str, n: int = 3) -> list[str]:
    """One sentence per top priority problem: the indicator, its score, coverage, people unserved, gap to the
    province (only when behind), trend (only when worse) and the responsible office."""
    en = lang == "en"
    out = []
    for r in table.head(n).itertuples(index=False):
        bits = [t("rakor.prio_capaian", lang, capaian=_p(r.capaian_tampil, lang))]
        if not fmt.is_na(r.belum) and r.belum > 0:
            key = "rakor.prio_belum" if bool(r.lebih_tinggi_lebih_baik) else "rakor.prio_kasus"
            bits.append(t(key, lang, n=_a(r.belum, lang)))
        if not fmt.is_na(r.x_provinsi) and r.x_provinsi > 0:
            bits.append(t("rakor.prio_provinsi", lang, poin=_a(r.x_provinsi, lang, 1)))
        if r.arah == "memburuk":
            bits.append(t("rakor.prio_memburuk", lang, poin=_a(r.x_tren, lang, 1)))
        if r.x_banjir:
            bits.append(t("rakor.prio_banjir", lang))
        out.append(t("rakor.prio_kalimat", lang, no=int(r.peringkat), indikator=r.nama_en if en else r.nama_id,
                     skor=_a(r.skor, lang, 1), rincian="; ".join(bits), opd=r.opd_en if en else r.opd_id))  # fmt: skip
    return out


# --- screens ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Konteks:
    periode: str
    kab: str | None
    lang: str
    provinsi: str
    wilayah: str  # the area's full name

    @property
    def area(self) -> str:
        return self.kab or self.provinsi


def _category_counts(values: pd.Series, lang: str) -> tuple[list[str], list[str]]:
    from dashboard.spm.categories import category_scheme

    scheme = category_scheme()
    parts, notes = [], []
    for cat in scheme.categories:
        n = int((values == cat.label).sum())
        if n:
            parts.append(f"{n} {cat.label}")
        notes.append(f"{cat.label}: {n}")
    return parts, notes


def layar_indeks(k: Konteks) -> tuple[Layar, pd.DataFrame, pd.DataFrame]:
    """Overall SPM index of the area, its six fields and the categories of the kab/kota."""
    from dashboard.ringkasan import data as ringkasan_data

    lang = k.lang
    name_col = lang_column("nama", lang)
    fields = ringkasan_data.field_summary(k.area, k.periode + "-01")
    spm = fields[fields["termasuk_indeks"].astype(bool)].reset_index(drop=True)
    overall = ringkasan_data.overall_index(fields)
    overall_row = ringkasan_data.overall_row(fields)
    overall_partial = overall_row is not None and bool(overall_row["sebagian"])
    n_with_data, n_fields = ringkasan_data.index_coverage(fields)
    from dashboard.spm.categories import category_scheme

    scheme = category_scheme()
    cat = None if overall_partial else scheme.classify(overall)  # a partial index earns no category
    districts = ringkasan_data.district_summary(k.periode + "-01")
    spm_period = fields["periode_spm"].dropna()
    spm_label = dates.quarter_label(spm_period.iloc[0], lang) if len(spm_period) else fmt.NA
    if overall is None:
        pesan = t("rakor.indeks_kosong", lang, wilayah=k.wilayah)
    else:
        pesan = t(
            "rakor.indeks_pesan",
            lang,
            wilayah=k.wilayah,
            nilai=_p(overall, lang),
            kategori=cat.label if cat else (t("spm.tanda_sebagian", lang) if overall_partial else fmt.NA),
        ) + " " + t("rakor.indeks_cakupan", lang, n=n_with_data, total=n_fields)
        if overall_row is not None:
            pesan += "; " + coverage.describe_completeness(overall_row["kelengkapan_unit"], lang)
    kalimat = []
    have = spm[spm["indeks"].notna()]
    if len(have):
        if bool((~have["sebagian"].astype(bool)).any()):
            kalimat.append(
                t("rakor.indeks_tuntas", lang, n=scheme.count_tuntas(have["indeks"], have["sebagian"]), total=len(spm),
                  periode=spm_label,
                  batas=fmt.persen(scheme.tuntas.lower, 0, lang))  # fmt: skip
            )
        else:  # every field with data is partial: no tuntas count (as on the overview)
            kalimat.append(t("ringkasan.tuntas_sebagian", lang))
        best, worst = have.loc[have["indeks"].idxmax()], have.loc[have["indeks"].idxmin()]
        if len(have) > 1:
            kalimat.append(t("rakor.indeks_tertinggi", lang, tinggi=best[name_col], nilai_tinggi=_p(best["indeks"], lang),
                             rendah=worst[name_col], nilai_rendah=_p(worst["indeks"], lang)))  # fmt: skip
    missing = spm.loc[spm["indeks"].isna(), name_col].tolist()
    if missing:
        kalimat.append(t("rakor.indeks_tanpa_data", lang, n=len(missing), daftar=_daftar(missing, lang)))
    if overall_partial:
        kalimat.append(coverage.explain_partial(overall_row["kelengkapan_unit"], lang))
    with_data = districts[districts["indeks"].notna() & ~districts["sebagian"]]
    parts, cat_notes = _category_counts(with_data["kategori"], lang)
    n_partial = int((districts["indeks"].notna() & districts["sebagian"]).sum())
    if n_partial:
        kalimat.append(t("ringkasan.kabkota_sebagian", lang, n=n_partial,
                         ambang=fmt.persen(coverage.threshold(), 0, lang)))  # fmt: skip
    if parts:
        kalimat.append(
            t("rakor.indeks_sebaran", lang, n=len(with_data), total=len(districts), rincian=", ".join(parts))
        )
    grafik = Grafik(
        judul=t("rakor.grafik_bidang", lang),
        kategori=spm[name_col].tolist(),
        seri=[(t("rakor.seri_indeks", lang), [_num(v) for v in spm["indeks"]])],
        warna=[palette.fill(w, bool(p) and not fmt.is_na(v)) for w, p, v in zip(spm["warna"], spm["sebagian"], spm["indeks"], strict=True)],
    )
    catatan = [t("rakor.cat_indeks", lang, wilayah=k.wilayah, nilai=_p(overall, lang), periode=spm_label)
               + " " + t("rakor.indeks_cakupan", lang, n=n_with_data, total=n_fields)]  # fmt: skip
    for r in spm.itertuples(index=False):
        catatan.append(t("rakor.cat_bidang", lang, bidang=getattr(r, name_col), nilai=_p(r.indeks, lang),
                         kategori=r.kategori if isinstance(r.kategori, str)
                         else (t("spm.tanda_sebagian", lang) if r.sebagian else fmt.NA),
                         ada=int(r.layanan_ada), total=int(r.layanan_total)))  # fmt: skip
        if int(r.layanan_lebih_100):
            catatan[-1] += " " + t("rakor.bidang_lebih_100", lang, n=int(r.layanan_lebih_100))
    catatan.append(t("rakor.cat_sebaran", lang, rincian="; ".join(cat_notes)))
    catatan.append(t("rakor.cat_rumus", lang))
    layar = Layar("indeks", t("rakor.judul_indeks", lang), pesan, kalimat, grafik=grafik, catatan=catatan)
    return layar, fields, districts


def _rank_table(table: pd.DataFrame, kab: str | None, lang: str, with_ci: bool = True) -> Tabel:
    from dashboard.spm import league

    ranked = table[table["peringkat"].notna()]
    cols = [t("rakor.kol_peringkat", lang), t("rakor.kol_gerak", lang), t("rakor.kol_kabkota", lang),
            t("rakor.kol_skor", lang), t("rakor.kol_kategori", lang)]  # fmt: skip
    if with_ci:
        cols += [t("rakor.kol_ik", lang), t("rakor.kol_rentang", lang), t("rakor.kol_catatan", lang)]
    rows, sorot = [], []
    for i, r in enumerate(ranked.itertuples(index=False)):
        rank = str(int(r.peringkat)) + (" " + t("spm.flag_peringkat_lebih_100", lang) if bool(r.lebih_100) else "")
        row = [rank, league.arrow(r.perubahan) or fmt.NA, r.nama_lengkap, _p(r.skor, lang),
               r.kategori if isinstance(r.kategori, str) else fmt.NA]  # fmt: skip
        if with_ci:
            notes = []
            if bool(r.kelengkapan_rendah):
                notes.append(t("rakor.flag_kelengkapan", lang))
            if bool(r.penyebut_kecil):
                notes.append(t("rakor.flag_penyebut", lang))
            if bool(r.lebih_100):
                notes.append(t("rakor.flag_lebih_100", lang))
            elif bool(r.tanpa_penyebut):
                notes.append(t("rakor.flag_tanpa_penyebut", lang))
            rng = f"{int(r.rentang_dari)}–{int(r.rentang_sampai)}" if not fmt.is_na(r.rentang_dari) else fmt.NA
            ik = fmt.NA if fmt.is_na(r.ci_lo) else f"{_a(r.ci_lo, lang, 1)}–{_a(r.ci_hi, lang, 1)}"
            row += [ik, rng, "; ".join(notes) or fmt.NA]
        rows.append(row)
        if kab and r.kode_wilayah == kab:
            sorot.append(i)
    # on the projector: rank, move, district, index, category (the interval and range are in the notes)
    return Tabel(cols, rows, sorot, kolom_layar=5 if with_ci else None)


def _tiles(table: pd.DataFrame, lang: str) -> list[Ubin]:
    out = []
    for r in table.dropna(subset=["tile_baris", "tile_kolom"]).itertuples(index=False):
        partial = bool(getattr(r, "sebagian", False))
        value = (_p(r.skor, lang) + (" ⚠" if bool(r.lebih_100) else "") + (" ◐" if partial else "")
                 if not fmt.is_na(r.skor) else fmt.NA)  # fmt: skip
        out.append(Ubin(int(r.tile_baris), int(r.tile_kolom), str(r.singkatan), value,
                        palette.fill(r.warna, partial and not fmt.is_na(r.skor))))  # fmt: skip
    return out


def layar_liga(k: Konteks):
    """League table of the kab/kota (official SPM index, latest quarter) with rank changes and their uncertainty."""
    from dashboard.spm import league, periods, scoring

    lang = k.lang
    liga = league.league(scoring.Pilihan("spm_resmi"), "triwulan", k.periode)
    table = liga.tabel
    if liga.kunci is None:
        return Layar("liga", t("rakor.judul_liga", lang), t("rakor.liga_kosong", lang)), liga
    period = periods.period_label("triwulan", liga.kunci, lang, "spm_resmi", league.data_until(liga.nilai))
    previous = periods.period_label("triwulan", liga.kunci_lalu, lang, "spm_resmi") if liga.kunci_lalu else None
    ranked = table[table["peringkat"].notna()]
    if ranked.empty:
        partial = int((table["skor"].notna() & table["sebagian"]).sum()) if "sebagian" in table else 0
        kalimat = [t("spm.baca_sebagian", lang, n=partial, ambang=fmt.persen(coverage.threshold(), 0, lang))] if partial else []
        return Layar("liga", t("rakor.judul_liga", lang), t("rakor.liga_kosong", lang), kalimat), liga
    top, bottom = ranked.iloc[0], ranked.iloc[-1]
    if k.kab and k.kab in set(ranked["kode_wilayah"]):
        mine = ranked[ranked["kode_wilayah"] == k.kab].iloc[0]
        pesan = t("rakor.liga_pesan_kab", lang, nama=mine["nama_lengkap"], peringkat=int(mine["peringkat"]), n=len(ranked),
                  skor=_p(mine["skor"], lang), periode=period)  # fmt: skip
    else:
        pesan = t("rakor.liga_pesan", lang, atas=top["nama_lengkap"], skor_atas=_p(top["skor"], lang),
                  bawah=bottom["nama_lengkap"], skor_bawah=_p(bottom["skor"], lang), n=len(ranked), periode=period)  # fmt: skip
    kalimat = kalimat_gerak(table, lang)
    pos = kalimat_posisi(table, liga.provinsi, lang)
    if pos:
        kalimat.append(pos)
    uncertain = ranked.loc[ranked["kelengkapan_rendah"].astype(bool), "nama_lengkap"].tolist()
    if uncertain:
        kalimat.append(t("rakor.liga_tidak_pasti", lang, n=len(uncertain), daftar=_daftar(uncertain, lang)))
    over = ranked.loc[ranked["lebih_100"].astype(bool), "nama_lengkap"].tolist()
    if over:
        kalimat.append(t("rakor.liga_lebih_100", lang, n=len(over), daftar=_daftar(over, lang)))
    partial = int((table["skor"].notna() & table["sebagian"]).sum()) if "sebagian" in table else 0
    unranked = int(table["peringkat"].isna().sum()) - partial
    if partial:
        kalimat.append(t("spm.baca_sebagian", lang, n=partial, ambang=fmt.persen(coverage.threshold(), 0, lang)))
    if unranked:
        kalimat.append(t("rakor.liga_tanpa_data", lang, n=unranked))
    catatan = [t("rakor.cat_liga_periode", lang, periode=period, lalu=previous or t("rakor.tidak_ada", lang))]
    for r in ranked.itertuples(index=False):
        catatan.append(t("rakor.cat_liga_baris", lang, peringkat=int(r.peringkat), nama=r.nama_lengkap, skor=_p(r.skor, lang, 2),
                         lo=_a(r.ci_lo, lang, 2), hi=_a(r.ci_hi, lang, 2), lalu=fmt.NA if fmt.is_na(r.peringkat_lalu) else int(r.peringkat_lalu),
                         a=fmt.NA if fmt.is_na(r.rentang_dari) else int(r.rentang_dari),
                         b=fmt.NA if fmt.is_na(r.rentang_sampai) else int(r.rentang_sampai), kelengkapan=_p(r.kelengkapan_persen, lang)))  # fmt: skip
        if bool(r.lebih_100):
            catatan[-1] += " " + t("spm.baca_atas_lebih_100", lang)
    if liga.provinsi is not None:
        catatan.append(t("rakor.cat_liga_prov", lang, skor=_p(liga.provinsi["skor"], lang, 2)))
    catatan.append(t("rakor.cat_kumulatif", lang))
    layar = Layar("liga", t("rakor.judul_liga", lang), pesan, kalimat, tabel=_rank_table(table, k.kab, lang),
                  catatan=catatan, ubin=_tiles(table, lang))  # fmt: skip
    return layar, liga


def layar_bidang(k: Konteks, bidang: pd.Series) -> Layar:
    """One SPM field: the area's field index and the kab/kota league of that field."""
    from dashboard.spm import league, scoring

    lang = k.lang
    nama = bidang["nama_en"] if lang == "en" else bidang["nama_id"]
    liga = league.league(scoring.Pilihan("spm_resmi", bidang["kode_bidang"]), "triwulan", k.periode)
    table = liga.tabel
    ranked = table[table["peringkat"].notna()]
    partial = "sebagian" in bidang.index and bool(bidang["sebagian"]) and not fmt.is_na(bidang["indeks"])
    cat = (bidang["kategori"] if isinstance(bidang["kategori"], str)
           else t("spm.tanda_sebagian", lang) if partial else fmt.NA)  # fmt: skip
    judul = t("rakor.judul_bidang", lang, bidang=nama)
    pesan = t(
        "rakor.bidang_pesan", lang, bidang=nama, wilayah=k.wilayah, nilai=_p(bidang["indeks"], lang), kategori=cat
    )
    kalimat = []
    kalimat.append(t("rakor.bidang_layanan", lang, ada=int(bidang["layanan_ada"]), total=int(bidang["layanan_total"])))
    if len(ranked) > 1:
        top, bottom = ranked.iloc[0], ranked.iloc[-1]
        kalimat.append(t("rakor.bidang_rentang", lang, atas=top["nama_lengkap"], skor_atas=_p(top["skor"], lang),
                         bawah=bottom["nama_lengkap"], skor_bawah=_p(bottom["skor"], lang), n=len(ranked)))  # fmt: skip
    if k.kab and k.kab in set(ranked["kode_wilayah"]):
        mine = ranked[ranked["kode_wilayah"] == k.kab].iloc[0]
        kalimat.append(
            t(
                "rakor.bidang_peringkat_kab",
                lang,
                nama=mine["nama_lengkap"],
                peringkat=int(mine["peringkat"]),
                n=len(ranked),
            )
        )
    pos = kalimat_posisi(table, liga.provinsi, lang)
    if pos:
        kalimat.append(pos)
    if int(bidang.get("layanan_lebih_100") or 0):
        kalimat.append(t("rakor.bidang_lebih_100", lang, n=int(bidang["layanan_lebih_100"])))
    grafik = Grafik(
        judul=t("rakor.grafik_kabkota", lang, bidang=nama),
        kategori=ranked["nama"].tolist(),
        seri=[(t("rakor.seri_indeks_bidang", lang), [_num(v) for v in ranked["skor"]])],
        warna=[palette.fill(w, bool(p) and not fmt.is_na(v)) for w, p, v in zip(ranked["warna"], ranked["sebagian"], ranked["skor"], strict=True)],
    )
    catatan = [t("rakor.cat_bidang_judul", lang, bidang=nama, wilayah=k.wilayah, nilai=_p(bidang["indeks"], lang, 2))]
    for r in ranked.itertuples(index=False):
        catatan.append(t("rakor.cat_bidang_baris", lang, peringkat=int(r.peringkat), nama=r.nama_lengkap, skor=_p(r.skor, lang, 2),
                         lo=_a(r.ci_lo, lang, 2), hi=_a(r.ci_hi, lang, 2), n=int(r.n_layanan) if not fmt.is_na(r.n_layanan) else 0))  # fmt: skip
    if liga.provinsi is not None and not fmt.is_na(liga.provinsi["skor"]):
        catatan.append(t("rakor.cat_liga_prov", lang, skor=_p(liga.provinsi["skor"], lang, 2)))
    return Layar("bidang:" + bidang["kode_bidang"], judul, pesan, kalimat, grafik=grafik, catatan=catatan)


def _kejadian_terpilih(k: Konteks) -> tuple[dict | None, pd.DataFrame]:
    """The latest flood event that started by the end of the period (and touched the kab/kota, when one is chosen)."""
    from dashboard.banjir import data as banjir_data

    events = banjir_data.kejadian()
    if events.empty:
        return None, events
    end = pd.Timestamp(k.periode + "-01") + pd.offsets.MonthEnd(0)
    events = events[pd.to_datetime(events["tanggal_mulai"]) <= end].sort_values("tanggal_mulai", ascending=False)
    for info in events.to_dict("records"):
        dampak = banjir_data.dampak(info["kode_bencana"])
        if not k.kab or (dampak["kode_wilayah"] == k.kab).any():
            return info, dampak
    return None, events.iloc[0:0]


def lingkup_kab(df: pd.DataFrame, kab: str) -> pd.DataFrame:
    """The rows of one kab/kota of a flood frame (services, difference or physical recovery), its own kab/kota row
    relabelled as the top level ``provinsi``, so the event summary (:func:`banjir.data.ringkasan`) speaks about that
    kab/kota only; the rows of other kab/kota and the province's are dropped."""
    if df.empty:
        return df
    kode = df["kode_wilayah"].astype(str)
    own = (df["tingkat"] == "kabkota") & (kode == kab)
    below = ~df["tingkat"].isin(["provinsi", "kabkota"]) & kode.str.startswith(kab + ".")
    out = df[own | below].copy()
    out.loc[own[own | below].to_numpy(), "tingkat"] = "provinsi"
    return out.reset_index(drop=True)


def hitung_layanan(layanan: pd.DataFrame) -> tuple[int, int]:
    """(recovered, with a baseline) among the flood-sensitive services of the top level of ``layanan``."""
    if layanan.empty:
        return 0, 0
    ev = layanan[(layanan["tingkat"] == "provinsi") & (layanan["status"] != "tanpa_baseline")]
    return int(ev["status"].isin(["pulih", "tidak_turun"]).sum()), len(ev)


def rumah_lag(lag: pd.DataFrame) -> tuple[float, float, float | None]:
    """(repaired, damaged, percent repaired) of the houses over the rows of ``lag`` (None without damaged houses)."""
    if lag.empty:
        return 0.0, 0.0, None
    rusak = float(pd.to_numeric(lag["rusak"], errors="coerce").fillna(0).sum())
    pulih = float(pd.to_numeric(lag["pulih"], errors="coerce").fillna(0).sum())
    return pulih, rusak, (100.0 * pulih / rusak if rusak > 0 else None)


def pesan_banjir(kejadian: str, wilayah: str, pulih: int, n: int, lag: pd.DataFrame, satu_kab: bool, lang: str) -> str:
    """The flood screen's one message, built from the same figures as its chart and table (issue 15: a headline said
    "12 of 12 services have recovered; 1 of 1 affected districts still lag" with no word that the lag was the house
    repairs). Services are counted for ``wilayah`` (the province, or the chosen kab/kota: then ``lag`` holds that
    kab/kota only); the lag clause says what lags: services, house repairs or both."""
    akhiran = "_kab" if satu_kab else ""  # the province is the default scope: named only for a kab/kota
    layanan = (t("rakor.banjir_pesan_layanan" + akhiran, lang, pulih=pulih, n=n, wilayah=wilayah) if n
               else t("rakor.banjir_pesan_layanan_kosong" + akhiran, lang, wilayah=wilayah))  # fmt: skip
    rows = lag[lag["tertinggal"]] if len(lag) else lag
    n_layanan = int((rows["belum"] > 0).sum()) if len(rows) else 0
    n_rumah = int((pd.to_numeric(rows["rumah_persen"], errors="coerce") < 100).sum()) if len(rows) else 0
    r_pulih, r_rusak, r_persen = rumah_lag(lag)
    rumah = dict(persen=_p(r_persen, lang), pulih=_a(r_pulih, lang), rusak=_a(r_rusak, lang))
    if satu_kab:  # the services clause already speaks about the kab/kota; only the houses may lag besides
        tambahan = t("rakor.banjir_pesan_rumah_kab", lang, **rumah) if n_rumah else None
    elif rows.empty:
        tambahan = t("rakor.banjir_pesan_tidak_tertinggal", lang) if len(lag) else None
    elif n_layanan == 0:
        tambahan = t("rakor.banjir_pesan_rumah", lang, tertinggal=n_rumah, kabkota=len(lag), **rumah)
    elif n_rumah == 0:
        tambahan = t("rakor.banjir_pesan_tertinggal_layanan", lang, tertinggal=n_layanan, kabkota=len(lag))
    else:
        tambahan = t("rakor.banjir_pesan_tertinggal_keduanya", lang, layanan=n_layanan, rumah=n_rumah, kabkota=len(lag))
    if tambahan is None:
        return f"{kejadian}: {layanan}"
    semua_pulih = n > 0 and pulih == n
    sambung = ", " + t("rakor.tetapi", lang) + " " if semua_pulih and len(rows) else "; "
    return f"{kejadian}: {layanan}{sambung}{tambahan}"


def layar_banjir(k: Konteks) -> Layar:
    from dashboard.banjir import data as banjir_data

    lang = k.lang
    judul = t("rakor.judul_banjir", lang)
    info, dampak = _kejadian_terpilih(k)
    if info is None:
        return Layar("banjir", judul, t("rakor.banjir_kosong", lang, wilayah=k.wilayah),
                     catatan=[t("rakor.banjir_kosong", lang, wilayah=k.wilayah)])  # fmt: skip
    cfg = banjir_data.pengaturan()
    kode = info["kode_bencana"]
    layanan = banjir_data.layanan(kode, info["bulan_mulai"], cfg)
    selisih = banjir_data.selisih(kode, cfg)
    fisik = banjir_data.fisik_terkini(kode)
    lag = tertinggal_kabkota(layanan, fisik)
    if k.kab:  # headline, sentences, chart, table and notes all speak about the chosen kab/kota
        lag = lag[lag["kode_wilayah"] == k.kab].reset_index(drop=True)
        layanan, selisih, fisik = (lingkup_kab(df, k.kab) for df in (layanan, selisih, fisik))
    summary = banjir_data.ringkasan(info, dampak, layanan, selisih, fisik, cfg, lang)
    n_pulih, n_layanan = hitung_layanan(layanan)
    pesan = pesan_banjir(data_text(info["nama"], lang), k.wilayah, n_pulih, n_layanan, lag, bool(k.kab), lang)
    kalimat = [summary[0], kalimat_tertinggal(lag, lang)]
    kalimat += [s for s in summary[2:4]]
    grafik = None
    if len(lag):
        grafik = Grafik(
            judul=t("rakor.grafik_banjir", lang),
            kategori=lag["nama"].tolist(),
            seri=[
                (
                    t("rakor.seri_layanan_pulih", lang),
                    [None if not r.layanan else 100.0 * (r.layanan - r.belum) / r.layanan for r in lag.itertuples()],
                ),
                (t("rakor.seri_rumah_pulih", lang), [_num(v) for v in lag["rumah_persen"]]),
            ],  # fmt: skip
            warna_seri=[palette.LAYANAN_PULIH, palette.RUMAH_PULIH],
        )
    rows = []
    for r in lag.itertuples(index=False):
        rows.append([r.nama, f"{int(r.layanan - r.belum)} / {int(r.layanan)}" if r.layanan else fmt.NA,
                     _p(r.pulih_terendah, lang), _a(r.rusak, lang), _p(r.rumah_persen, lang),
                     t("rakor.ya", lang) if r.tertinggal else t("rakor.tidak", lang)])  # fmt: skip
    tabel = Tabel([t("rakor.kol_kabkota", lang), t("rakor.kol_layanan_pulih", lang), t("rakor.kol_pulih_terendah", lang),
                   t("rakor.kol_rumah_rusak", lang), t("rakor.kol_rumah_pulih", lang), t("rakor.kol_tertinggal", lang)], rows) if rows else None  # fmt: skip
    catatan = [
        t("rakor.cat_banjir", lang, kode=kode, ambang=_p(cfg.ambang_pulih * 100, lang, 0), baseline=cfg.bulan_baseline),
        *(s for s in summary if s not in kalimat),  # the numbers behind the screen, not its sentences again
    ]
    for r in lag.itertuples(index=False):
        catatan.append(t("rakor.cat_banjir_baris", lang, nama=r.nama, pulih=int(r.layanan - r.belum), n=int(r.layanan),
                         terendah=_p(r.pulih_terendah, lang), rumah_pulih=_a(r.pulih, lang), rusak=_a(r.rusak, lang),
                         persen=_p(r.rumah_persen, lang)))  # fmt: skip
    return Layar("banjir", judul, pesan, kalimat, grafik=grafik, tabel=tabel, catatan=catatan)


def layar_prioritas(k: Konteks) -> Layar:
    from dashboard.core import store
    from dashboard.core.settings import settings
    from dashboard.perencanaan import data as perencanaan_data

    lang = k.lang
    en = lang == "en"
    judul = t("rakor.judul_prioritas", lang)
    cfg = settings().perencanaan
    per = perencanaan_data.periode_for(k.periode)
    rows = perencanaan_data.values([k.area, k.provinsi], per)
    children = store.wilayah_anak(k.area)["kode"].tolist()
    floods = perencanaan_data.floods([k.area, *children], per.bulan or per.resmi, cfg.bulan_banjir)
    flooded = bool((floods["kode_wilayah"] == k.area).any()) if len(floods) else False
    table = perencanaan_data.priority_table(
        rows, k.area, k.provinsi, cfg.bobot, flooded=flooded, ambang_tren=cfg.ambang_tren_poin
    )
    if table.empty:
        return Layar("prioritas", judul, t("rakor.prioritas_kosong", lang, wilayah=k.wilayah))
    top = table.head(TOP_PRIORITAS)
    first = top.iloc[0]
    pesan = t("rakor.prioritas_pesan", lang, wilayah=k.wilayah, indikator=first["nama_en"] if en else first["nama_id"],
              skor=_a(first["skor"], lang, 1))  # fmt: skip
    kalimat = kalimat_prioritas(table, lang)
    comp_labels = {c: t(f"rakor.komponen_{c}", lang) for c in perencanaan_data.KOMPONEN}
    short = [_pendek(n) for n in (top["nama_en"] if en else top["nama_id"])]
    grafik = Grafik(
        judul=t("rakor.grafik_prioritas", lang),
        kategori=short,
        seri=[(comp_labels[c], [float(v) for v in top[f"c_{c}"]]) for c in perencanaan_data.KOMPONEN],
        warna_seri=[palette.KOMPONEN[c] for c in perencanaan_data.KOMPONEN],  # as on the planner page
        tumpuk=True,
        persen=False,
        maks=None,
    )
    tabel = Tabel(
        [t("rakor.kol_no", lang), t("rakor.kol_indikator", lang), t("rakor.kol_capaian", lang), t("rakor.kol_belum", lang),
         t("rakor.kol_skor_prioritas", lang), t("rakor.kol_opd", lang)],
        [[str(int(r.peringkat)), r.nama_en if en else r.nama_id, _p(r.capaian_tampil, lang), _a(r.belum, lang),
          _a(r.skor, lang, 1), r.opd_en if en else r.opd_id] for r in top.itertuples(index=False)],
    )  # fmt: skip
    catatan = [t("rakor.cat_prioritas", lang, rumus=perencanaan_data.weighted_formula(cfg.bobot), n=len(table))]
    for r in top.itertuples(index=False):
        catatan.append(t("rakor.cat_prioritas_baris", lang, no=int(r.peringkat), indikator=r.nama_en if en else r.nama_id,
                         skor=_a(r.skor, lang, 2), target=_a(r.c_target, lang, 2), prov=_a(r.c_provinsi, lang, 2),
                         belum=_a(r.c_belum, lang, 2), tren=_a(r.c_tren, lang, 2), banjir=_a(r.c_banjir, lang, 2),
                         sasaran=_a(r.sasaran, lang), terlayani=_a(r.terlayani, lang)))  # fmt: skip
    return Layar("prioritas", judul, pesan, kalimat, grafik=grafik, tabel=tabel, catatan=catatan)


def layar_peringatan(k: Konteks) -> Layar:
    """Early warning (issue 17): the services projected below their December target, ranked by people who would
    remain unserved, with the OPD and the pace needed; the method's backtested accuracy in one sentence. The numbers
    are the early-warning page's (:mod:`dashboard.peringatan.data`)."""
    from dashboard.peringatan import data as peringatan_data

    lang = k.lang
    en = lang == "en"
    tahun = int(k.periode[:4])
    judul = t("peringatan.rakor_judul", lang, tahun=tahun)
    table = peringatan_data.projections(k.periode)
    ranked, partial = peringatan_data.warning_list(table, k.kab) if not table.empty else (table, table)
    acc = peringatan_data.accuracy_line(peringatan_data.backtest())
    akurasi = (t("peringatan.rakor_ketepatan", lang, galat=_a(acc["galat"], lang, 1), rentang=_a(acc["rentang"], lang),
                 n=_a(acc["n"], lang)) if acc else t("peringatan.ketepatan_belum", lang))  # fmt: skip
    if ranked.empty:
        pesan = t("peringatan.rakor_kosong", lang, wilayah=k.wilayah, tahun=tahun)
        return Layar("peringatan", judul, pesan, [akurasi], catatan=[_catatan_proyeksi(table, k.kab, lang)])
    top = ranked.head(TOP_PRIORITAS)
    first = top.iloc[0]
    name = (lambda r: r["nama_en"] if en else r["nama_id"])  # noqa: E731
    pesan = t("peringatan.rakor_pesan_kab" if k.kab else "peringatan.rakor_pesan", lang, n=len(ranked),
              wilayah=k.wilayah, tahun=tahun, indikator=name(first), area=first["nama_wilayah"],
              belum=_a(first["belum_desember"], lang))  # fmt: skip
    kalimat = [t("peringatan.rakor_risiko", lang, m=int((ranked["risiko"] == "tinggi").sum()), n=len(ranked))]
    if not fmt.is_na(first["laju_tambahan"]):
        kalimat.append(t("peringatan.rakor_laju", lang, opd=first["opd_en"] if en else first["opd_id"],
                         tambah=_a(first["laju_tambahan"], lang), perlu=_a(first["laju_perlu"], lang),
                         kini=_a(first["laju_sekarang"], lang)))  # fmt: skip
    flooded = sorted({r["nama_wilayah"] for r in ranked.to_dict("records") if r["banjir"] and r["tingkat"] == "kabkota"})
    if flooded:
        kalimat.append(t("peringatan.rakor_banjir", lang, wilayah=_daftar(flooded, lang)))
    if len(partial):
        kalimat.append(t("peringatan.rakor_sebagian", lang, n=len(partial)))
    kalimat.append(akurasi)
    short = [_pendek(name(r) if k.kab else f"{r['nama_wilayah']}: {name(r)}", 44) for r in top.to_dict("records")]
    grafik = Grafik(
        judul=t("peringatan.rakor_grafik", lang, tahun=tahun),
        kategori=short,
        seri=[(t("peringatan.grafik_sekarang", lang), [_num(min(v, 100.0)) if not fmt.is_na(v) else None for v in top["capaian_persen"]]),
              (t("peringatan.grafik_proyeksi", lang), [_num(min(v, 100.0)) if not fmt.is_na(v) else None for v in top["proyeksi"]])],
        warna_seri=[palette.SEKARANG, palette.PROYEKSI_AKHIR],
    )  # fmt: skip
    tabel = Tabel(
        [t("rakor.kol_no", lang), t("peringatan.kol_wilayah", lang), t("peringatan.kol_indikator", lang),
         t("peringatan.kol_proyeksi", lang), t("peringatan.kol_belum", lang), t("peringatan.rakor_kol_tambah", lang),
         t("peringatan.kol_opd", lang)],
        [[str(int(r["peringkat"])), str(r["nama_wilayah"]) + (" " + t("peringatan.tanda_banjir", lang) if r["banjir"] else ""),
          name(r), peringatan_data.range_text(r, lang), _a(r["belum_desember"], lang), _a(r["laju_tambahan"], lang),
          r["opd_en"] if en else r["opd_id"]] for r in top.to_dict("records")],
    )  # fmt: skip
    catatan = [t("peringatan.rakor_cat", lang, n=len(ranked)), akurasi]
    for r in top.to_dict("records"):
        catatan.append(t("peringatan.rakor_cat_baris", lang, no=int(r["peringkat"]), area=r["nama_wilayah"],
                         indikator=name(r), capaian=_p(r["capaian_persen"], lang, 2), proyeksi=_p(r["proyeksi"], lang, 2),
                         bawah=_p(r["bawah"], lang, 2), atas=_p(r["atas"], lang, 2), target=_p(r["target"], lang, 0),
                         sasaran=_a(r["sasaran"], lang), belum=_a(r["belum_desember"], lang),
                         metode=peringatan_data.method_text(r, lang)))  # fmt: skip
    return Layar("peringatan", judul, pesan, kalimat, grafik=grafik, tabel=tabel, catatan=catatan)


def _catatan_proyeksi(table: pd.DataFrame, kab: str | None, lang: str) -> str:
    """The figures behind an early-warning screen without warnings: how many service × area pairs were projected, how
    many could not be (and why), how many are partial."""
    if not table.empty and kab:
        table = table[table["kode_wilayah"] == kab]
    if table.empty:
        return t("peringatan.rakor_cat_nol", lang, n=0, tidak=0, data=0, riwayat=0, sebagian=0)
    tidak = table[table["metode"] == "tidak"]
    return t("peringatan.rakor_cat_nol", lang, n=int((table["metode"] != "tidak").sum()), tidak=len(tidak),
             data=int((tidak["alasan"] == "tanpa_data").sum()), riwayat=int((tidak["alasan"] == "tanpa_riwayat").sum()),
             sebagian=int(table["sebagian"].astype(bool).sum()))  # fmt: skip


def _pendek(text: str, n: int = 48) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def layar_kualitas(
    k: Konteks, fields: pd.DataFrame, liga_table: pd.DataFrame, sampel: bool
) -> tuple[Layar, list[str], dict]:
    """Data-quality caveats; also returns the caveat sentences and completeness figures for the closing slide."""
    from dashboard.kualitas import data as kualitas_data

    lang = k.lang
    name_col = lang_column("nama", lang)
    scores = kualitas_data.quality_scores(k.periode)
    ambang = _ambang_kelengkapan()
    caveats: list[str] = []
    if sampel:
        caveats.append(t("rakor.cav_sampel", lang))
    no_spm = liga_table.loc[liga_table["skor"].isna(), "nama_lengkap"].tolist() if len(liga_table) else []
    if no_spm:
        caveats.append(t("rakor.cav_tanpa_spm", lang, n=len(no_spm), total=len(liga_table)))
    spm = fields[fields["termasuk_indeks"].astype(bool)]
    missing = spm.loc[spm["indeks"].isna(), name_col].tolist()
    if missing:
        caveats.append(t("rakor.cav_bidang", lang, n=len(missing), daftar=_daftar(missing, lang)))
    with_comp = scores[scores["kelengkapan"].notna()]
    low = with_comp[with_comp["kelengkapan"] < ambang].sort_values("kelengkapan")
    if len(low):
        caveats.append(t("rakor.cav_kelengkapan", lang, n=len(low), ambang=_a(ambang, lang),
                         daftar=_daftar([f"{r.nama_lengkap} ({_p(r.kelengkapan, lang)})" for r in low.itertuples()], lang)))  # fmt: skip
    no_posyandu = len(scores) - len(with_comp)
    if no_posyandu:
        caveats.append(t("rakor.cav_tanpa_posyandu", lang, n=no_posyandu, total=len(scores)))
    over = int(pd.to_numeric(spm["layanan_lebih_100"], errors="coerce").fillna(0).sum())
    if over:
        caveats.append(t("rakor.cav_lebih_100", lang, n=over))
    late = scores["status_ketepatan"].isin(["terlambat", "tidak_dikirim"]).sum()
    if late:
        caveats.append(t("rakor.cav_terlambat", lang, n=int(late)))
    caveats.append(t("rakor.cav_kumulatif", lang))
    mean_comp = _num(with_comp["kelengkapan"].mean()) if len(with_comp) else None
    reported = int(liga_table["skor"].notna().sum()) if len(liga_table) else 0
    info = {"kelengkapan": mean_comp, "melapor": reported, "total": len(liga_table), "ambang": ambang,
            "tanpa_spm": no_spm, "rendah": len(low), "dengan_kelengkapan": len(with_comp),
            "terendah": with_comp.sort_values(["kelengkapan", "nama_lengkap"]).iloc[0] if len(with_comp) else None,
            "tertinggi": with_comp.sort_values(["kelengkapan", "nama_lengkap"], ascending=[False, True]).iloc[0]
            if len(with_comp) else None}  # fmt: skip
    pesan = (
        t("rakor.kualitas_pesan", lang, n=len(caveats)) if len(caveats) > 1 else t("rakor.kualitas_pesan_bersih", lang)
    )
    ranked = scores[scores["skor"].notna()].sort_values(["skor", "nama_lengkap"]).head(TOP_KUALITAS)
    if k.kab and k.kab not in set(ranked["kode"]):  # the chosen kab/kota is always on the screen
        ranked = pd.concat([ranked, scores[(scores["kode"] == k.kab) & scores["skor"].notna()]])
    tabel = None
    if len(ranked):
        tabel = Tabel(
            [t("rakor.kol_kabkota", lang), t("rakor.kol_skor_kualitas", lang), t("rakor.kol_kelengkapan", lang),
             t("rakor.kol_ketepatan", lang), t("rakor.kol_konsistensi", lang), t("rakor.kol_pencilan", lang)],
            [[r.nama_lengkap, _a(r.skor, lang, 1), _p(r.kelengkapan, lang), _p(r.ketepatan, lang), _p(r.konsistensi, lang),
              _p(r.pencilan, lang)] for r in ranked.itertuples(index=False)],
            [i for i, c in enumerate(ranked["kode"]) if c == k.kab],
        )  # fmt: skip
    catatan = [t("rakor.cat_kualitas", lang, melapor=reported, total=len(liga_table), kelengkapan=_p(mean_comp, lang))]
    for r in scores.itertuples(index=False):
        catatan.append(t("rakor.cat_kualitas_baris", lang, nama=r.nama_lengkap, skor=_a(r.skor, lang, 1), kelengkapan=_p(r.kelengkapan, lang),
                         konsistensi=_p(r.konsistensi, lang), pencilan=_p(r.pencilan, lang)))  # fmt: skip
    layar = Layar("kualitas", t("rakor.judul_kualitas", lang), pesan, caveats, tabel=tabel, catatan=catatan)
    return layar, caveats, info


def _ambang_kelengkapan() -> float:
    from dashboard.core.settings import settings

    return settings().peringkat.ambang_kelengkapan_persen


def layar_penutup(k: Konteks, caveats: list[str], info: dict, meta: dict) -> Layar:
    lang = k.lang
    built = str(meta.get("dibangun", ""))[:10] or fmt.NA
    sumber = [
        t("rakor.sumber_gudang", lang, tanggal=built),
        t("rakor.sumber_spm", lang),
        t("rakor.sumber_posyandu", lang),
        t("rakor.sumber_banjir", lang),
        t("rakor.sumber_metode", lang),
    ]
    # the one message: on how many districts and how complete the figures stand (sources and caveats below it)
    pesan = t("rakor.penutup_pesan", lang, melapor=info["melapor"], total=info["total"],
              kelengkapan=_p(info["kelengkapan"], lang))  # fmt: skip
    kalimat = [*sumber, *caveats]
    return Layar("penutup", t("rakor.judul_penutup", lang), pesan, kalimat, catatan=catatan_penutup(k, info, meta))


def catatan_penutup(k: Konteks, info: dict, meta: dict) -> list[str]:
    """The closing screen's speaker notes: the figures behind its sources and caveats that the slide does not show
    (who has not reported, the spread of completeness, the span of the data), never the slide's sentences again."""
    from dashboard.core import store

    lang = k.lang
    out = []
    tanpa = info.get("tanpa_spm") or []
    if tanpa:
        out.append(t("rakor.cat_penutup_tanpa_spm", lang, n=len(tanpa), total=info["total"], daftar=_daftar(tanpa, lang)))
    elif info["total"]:
        out.append(t("rakor.cat_penutup_semua_spm", lang, total=info["total"]))
    lo, hi = info.get("terendah"), info.get("tertinggi")
    if lo is not None and hi is not None:
        out.append(t("rakor.cat_penutup_kelengkapan", lang, n=info["dengan_kelengkapan"], rendah=_p(lo["kelengkapan"], lang),
                     nama_rendah=lo["nama_lengkap"], tinggi=_p(hi["kelengkapan"], lang), nama_tinggi=hi["nama_lengkap"],
                     bawah=info["rendah"], ambang=_a(info["ambang"], lang)))  # fmt: skip
    periods = store.periods()
    if periods:
        out.append(t("rakor.cat_penutup_rentang", lang, awal=dates.month_label(periods[-1], lang),
                     akhir=dates.month_label(periods[0], lang), n=len(periods)))  # fmt: skip
        if str(meta.get("dibangun") or "")[:10]:
            out[-1] += " " + t("rakor.cat_penutup_dibangun", lang, tanggal=str(meta["dibangun"])[:10])
    return out or [t("rakor.cat_penutup_kosong", lang)]


def kalimat_kebutuhan(k: Konteks) -> tuple[list[str], list[str]]:
    """The closing slide's lines on the cost of the gap for the selected area (perencanaan/kebutuhan.py): the need to
    reach 100 % in the last full year beside the allocation, the fields whose allocation falls short, the unit costs'
    source; and the per-field numbers for the speaker notes. Nothing when no unit costs exist for that year."""
    from dashboard.core import store
    from dashboard.perencanaan import data as perencanaan_data
    from dashboard.perencanaan import kebutuhan as kb
    from dashboard.spm import catalog

    lang = k.lang
    tahun = int(k.periode[:4]) if k.periode.endswith("-12") else int(k.periode[:4]) - 1
    if not kb.has_costs(tahun):
        return [], []
    areas = [k.kab] if k.kab else list(store.kabkota()["kode"])
    services = kb.services(tahun)
    budget = perencanaan_data.budget_rows()
    fields = kb.area_fields(services, budget[budget["tahun"] == tahun], areas)
    names = catalog.fields()
    names = dict(zip(names["kode_bidang"], names[lang_column("nama", lang)], strict=True))
    order = list(names)
    fields = fields.assign(_o=[order.index(b) if b in order else 99 for b in fields["bidang"]]).sort_values("_o")

    def basis(n: object, m: object, partial: bool) -> str:
        key = "rakor.kebutuhan_dasar_sebagian" if partial else "rakor.kebutuhan_dasar"
        return t(key, lang, n=_a(n, lang), m=_a(m, lang))

    def bn(x: object) -> str:
        return _a(None if _num(x) is None else _num(x) / 1e9, lang, 1)

    under = services[services["kode_wilayah"].isin(areas) & services["kebutuhan"].notna()]
    n, m = int(fields["layanan_dihitung"].sum()), int(fields["layanan_ada"].sum())
    need, pagu = fields["kebutuhan"].sum(min_count=1), fields["pagu"].sum(min_count=1)
    if _num(need) is None:
        return [], []
    tertutup = 100.0 * pagu / need if _num(pagu) is not None and need > 0 else None
    partial = bool(coverage.partial(pd.Series([100.0 * n / m if m else None]))[0]) and n > 0
    lines = [t("rakor.kebutuhan_ringkas", lang, tahun=tahun, wilayah=k.wilayah, kebutuhan=bn(need),
               orang=_a(under["belum"].sum(), lang), dasar=basis(n, m, partial), pagu=bn(pagu),
               tertutup=_p(tertutup, lang, 0))]  # fmt: skip
    short = fields[fields["selisih"] > 0].sort_values("selisih", ascending=False)
    if len(short):
        items = [t("rakor.kebutuhan_kurang_item", lang, bidang=names.get(r.bidang, r.bidang), selisih=bn(r.selisih))
                 for r in short.itertuples()]  # fmt: skip
        lines.append(t("rakor.kebutuhan_kurang", lang, daftar=_daftar(items, lang)))
    elif fields["selisih"].notna().any():
        lines.append(t("rakor.kebutuhan_cukup", lang))
    sources = sorted({str(x) for x in under["sumber"].dropna()})
    if sources:
        lines.append(t("rakor.kebutuhan_sumber", lang, sumber="; ".join(sources)))
    notes = [
        t("rakor.kebutuhan_catatan_bidang", lang, bidang=names.get(r.bidang, r.bidang), kebutuhan=_a(r.kebutuhan, lang),
          pagu=_a(r.pagu, lang), selisih=_a(r.selisih, lang), tertutup=_p(r.persen_tertutup, lang, 0),
          dasar=basis(r.layanan_dihitung, r.layanan_ada, bool(r.kebutuhan_sebagian)))
        for r in fields.itertuples() if _num(r.kebutuhan) is not None
    ]  # fmt: skip
    return lines, notes


# --- the whole material ----------------------------------------------------------------------------------------------


def bahan(periode: str | None = None, kab: str | None = None, lang: str = "id", today: dt.date | None = None) -> Bahan:
    """Everything for the meeting: title, screens and closing screen for ``periode`` ('YYYY-MM'; default the latest
    month with data) and ``kab`` (a kab/kota code, or None for the province), in ``lang``."""
    from dashboard.core import store, ui

    lang = lang if lang in ("id", "en") else "id"
    periods = store.periods()
    if periode is None or periode not in periods:
        periode = periods[0] if periods else pd.Timestamp.today().strftime("%Y-%m")
    prov = store.provinsi_kode()
    kab_codes = set(store.kabkota()["kode"])
    kab = kab if kab in kab_codes else None
    info = store.wilayah_info(kab or prov)
    wilayah = info.get("nama_lengkap") or info.get("nama") or (kab or prov)
    k = Konteks(periode, kab, lang, prov, wilayah)
    meta = store.meta()
    status, status_teks = ui.data_status(lang)
    sampel = status in ("sampel", "campuran")
    today = today or dt.date.today()

    indeks, fields, _ = layar_indeks(k)
    liga_layar, liga = layar_liga(k)
    screens = [indeks, liga_layar]
    spm = fields[fields["termasuk_indeks"].astype(bool) & fields["indeks"].notna()]
    for _, row in spm.iterrows():
        screens.append(layar_bidang(k, row))
    screens.append(layar_banjir(k))
    screens.append(layar_prioritas(k))
    screens.append(layar_peringatan(k))
    kualitas, caveats, comp = layar_kualitas(k, fields, liga.tabel, sampel)
    if status in ("campuran", "nyata"):  # what is loaded, as the banner says it
        caveats.insert(0, status_teks)
    screens.append(kualitas)
    penutup = layar_penutup(k, caveats, comp, meta)
    biaya, biaya_catatan = kalimat_kebutuhan(k)  # the cost of closing the gap (issue 17), its own entry
    penutup.kalimat[len(penutup.kalimat) - len(caveats):len(penutup.kalimat) - len(caveats)] = biaya
    penutup.catatan += [*biaya, *biaya_catatan]
    label = dates.month_label(periode, lang)
    return Bahan(
        lang=lang, judul=t("rakor.judul_bahan", lang), wilayah=wilayah, periode=periode, periode_label=label,
        tanggal=dates.date_label(today, lang), sampel=sampel, konteks=f"{wilayah} · {label}", layar=screens, penutup=penutup,
        status=status, status_teks=status_teks,
    )  # fmt: skip
