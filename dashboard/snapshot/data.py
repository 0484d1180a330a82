"""A snapshot to share (issue 15): one area profile or one flood event, gathered into a small, fully formatted
:class:`Snapshot` that the image (``image.py``) and the offline HTML file (``document.py``) draw.

Every number comes from the existing data functions and the SPM engine (``ringkasan.data`` for the index, its six
fields and their categories; ``spm.league`` for the rank and its movement; ``perencanaan.data`` for the gaps;
``banjir.data`` for the flood event), so the numbers rules hold: a missing value is never shown as a number, a partial
value (◐) gets no category and no rank, and every aggregate says how many units it stands on. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import pandas as pd

from dashboard.core import dates, fmt
from dashboard.core.i18n import data_text, lang_column, t
from dashboard.spm import coverage
from dashboard.spm.charts import PARTIAL_COLOR

NA = fmt.NA
TOP_CELAH = 3  # worst gaps shown
TOP_TERTINGGAL = 4  # lagging areas shown
ABU = PARTIAL_COLOR  # a partial value's bar: never a category colour


@dataclass
class Baris:
    """One row of the snapshot's chart and list: a field (profile) or a flood-sensitive service (flood)."""

    label: str
    teks: str  # the value as shown ('76,3 %', '76,3 % ◐', '–')
    nilai: float | None  # bar length (None: no data, no bar)
    warna: str | None  # bar colour (category colour; grey when partial; None when no data)
    catatan: str = ""  # a second line: category, coverage, baseline → lowest → now
    penanda: float | None = None  # a marker on the bar (flood: the baseline)
    terendah: float | None = None  # flood: the lowest value after the onset


@dataclass
class Snapshot:
    jenis: str  # 'profil' | 'banjir'
    lang: str
    judul: str  # what kind of view ('Profil SPM', 'Pemulihan pascabanjir')
    wilayah: str
    periode: str  # the period line
    status: str  # what is loaded: 'sampel', 'campuran', 'nyata', 'kosong'
    status_teks: str  # the banner's sentence
    utama_label: str  # the headline figure's label
    utama: str  # the headline figure ('69,0 %', '2 / 3', '–')
    kategori: str | None  # the headline's category (None: partial, no data, or a flood view)
    kategori_warna: str | None
    utama_catatan: list[str]  # coverage of the headline figure, the partial explanation
    sorotan: list[tuple[str, str]]  # small figures: (label, value) — rank and movement; affected, backlog
    baris_judul: str
    baris: list[Baris]
    daftar_judul: str
    daftar: list[str]  # worst gaps / who lags
    catatan: list[str] = field(default_factory=list)  # notes under the list (method, thresholds)
    legenda: str = ""  # how to read the bars (flood: colours and the baseline tick)
    sumber: str = ""
    tanggal: str = ""
    kode: str = ""  # for the file name

    @property
    def sampel(self) -> bool:
        return self.status in ("sampel", "campuran")

    @property
    def teks_sampel(self) -> str:
        """The warning band while sample (or mixed) data are loaded."""
        return self.status_teks if self.status == "campuran" else t("snapshot.sampel", self.lang)

    def nama_berkas(self, ext: str) -> str:
        kode = self.kode.replace(".", "").replace(" ", "_") or "wilayah"
        return f"snapshot_{self.jenis}_{kode}.{ext}"


def _p(x: object, lang: str, d: int = 1) -> str:
    return NA if fmt.is_na(x) else fmt.persen(float(x), d, lang)  # type: ignore[arg-type]


def _num(x: object) -> float | None:
    return None if fmt.is_na(x) else float(x)  # type: ignore[arg-type]


def _status(lang: str) -> tuple[str, str]:
    from dashboard.core import ui  # data_status only reads the store; no Streamlit call is made outside a page

    return ui.data_status(lang)


def _sumber(lang: str, today: dt.date) -> tuple[str, str]:
    from dashboard.core import store

    built = str(store.meta().get("dibangun", "") or "")[:10]
    sumber = t("snapshot.sumber", lang, tanggal=built) if built else t("snapshot.sumber_tanpa_tanggal", lang)
    return sumber, t("snapshot.dibuat", lang, tanggal=dates.date_label(today, lang))


# --- area profile ----------------------------------------------------------------------------------------------------


def periods() -> list[str]:
    """The months with data ('YYYY-MM'), newest first."""
    from dashboard.core import store

    return store.periods()


def profil(kab: str, periode: str | None = None, lang: str = "id", today: dt.date | None = None) -> Snapshot:
    """The snapshot of a kab/kota (or the province) for the month ``periode`` ('YYYY-MM'; default the latest)."""
    from dashboard.core import store
    from dashboard.core.settings import settings
    from dashboard.perencanaan import data as perencanaan_data
    from dashboard.ringkasan import data as ringkasan_data
    from dashboard.spm import league, scoring
    from dashboard.spm.categories import category_scheme

    lang = lang if lang in ("id", "en") else "id"
    today = today or dt.date.today()
    months = store.periods()
    if periode is None or periode not in months:
        periode = months[0] if months else today.strftime("%Y-%m")
    prov = store.provinsi_kode()
    info = store.wilayah_info(kab)
    wilayah = info.get("nama_lengkap") or info.get("nama") or kab
    name_col = lang_column("nama", lang)
    status, status_teks = _status(lang)
    sumber, dibuat = _sumber(lang, today)

    fields = ringkasan_data.field_summary(kab, periode + "-01")
    spm = fields[fields["termasuk_indeks"].astype(bool)].reset_index(drop=True) if len(fields) else fields
    overall = ringkasan_data.overall_index(fields) if len(fields) else None
    row = ringkasan_data.overall_row(fields) if len(fields) else None
    partial = row is not None and bool(row["sebagian"])
    cat = None if (partial or overall is None) else category_scheme().classify(overall)  # partial: no category
    spm_period = fields["periode_spm"].dropna() if len(fields) else pd.Series(dtype=object)
    month = dates.month_label(periode, lang)
    if len(spm_period):
        periode_teks = t("snapshot.periode_profil", lang, triwulan=dates.quarter_label(spm_period.iloc[0], lang), bulan=month)
    else:  # no official report at all: no quarter to name
        periode_teks = t("snapshot.periode_bulan", lang, bulan=month)

    utama = NA if overall is None else _p(overall, lang) + (" ◐" if partial else "")
    n_with, n_fields = ringkasan_data.index_coverage(fields) if len(fields) else (0, 0)
    notes = [t("snapshot.bidang_ada", lang, n=n_with, total=n_fields)] if n_fields else []
    if row is not None and overall is not None:
        completeness = coverage.describe_completeness(row["kelengkapan_unit"], lang)
        notes = [f"{notes[0]} · {completeness}"] if notes else [completeness]
    if partial:
        notes.append(coverage.explain_partial(row["kelengkapan_unit"], lang))

    # rank among the kab/kota (official SPM index, latest quarter) and its movement since the previous quarter
    sorotan: list[tuple[str, str]] = []
    if kab != prov:
        liga = league.league(scoring.Pilihan("spm_resmi"), "triwulan", periode)
        table = liga.tabel
        mine = table[table["kode_wilayah"] == kab] if len(table) else table
        n_ranked = int(table["peringkat"].notna().sum()) if len(table) else 0
        if len(mine) and not fmt.is_na(mine.iloc[0]["peringkat"]):
            r = mine.iloc[0]
            sorotan.append((t("snapshot.peringkat", lang), f"{int(r['peringkat'])} / {n_ranked}"))
            if fmt.is_na(r["perubahan"]):
                gerak = t("snapshot.gerak_tanpa_lalu", lang)
            elif int(r["perubahan"]) == 0:
                gerak = t("snapshot.gerak_tetap", lang)
            else:
                gerak = league.arrow(r["perubahan"]) + " " + t("snapshot.gerak_dari", lang, lalu=int(r["peringkat_lalu"]))
            sorotan.append((t("snapshot.gerak", lang), gerak))
        elif len(mine) and bool(mine.iloc[0].get("sebagian")):
            sorotan.append((t("snapshot.peringkat", lang), t("snapshot.tidak_diperingkat", lang)))
        else:
            sorotan.append((t("snapshot.peringkat", lang), NA))

    baris = []
    for r in spm.itertuples(index=False):
        v = _num(r.indeks)
        part = bool(r.sebagian) if not fmt.is_na(r.sebagian) else False
        if v is None:
            baris.append(Baris(getattr(r, name_col), NA, None, None, t("snapshot.tanpa_data", lang)))
            continue
        kat = r.kategori if isinstance(r.kategori, str) and not part else None
        teks = _p(v, lang) + (" ◐" if part else "")
        note = kat or t("spm.tanda_sebagian", lang)
        note += " · " + t("snapshot.layanan_ada", lang, ada=int(r.layanan_ada), total=int(r.layanan_total))
        warna = r.warna if isinstance(r.warna, str) and kat else ABU
        baris.append(Baris(getattr(r, name_col), teks, v, warna, note))

    # the worst gaps: the official services furthest from the 100 % target, with the people still unserved
    daftar = []
    try:
        per = perencanaan_data.periode_for(periode)
        gaps = perencanaan_data.priority(kab, prov, per, settings().perencanaan.bobot, keluarga="spm_resmi")
    except Exception:  # noqa: BLE001 - a view without services has no gap list, never a broken snapshot
        gaps = pd.DataFrame()
    if len(gaps):
        gaps = gaps[gaps["jarak_target"].notna()].sort_values(["jarak_target", "kode_indikator"], ascending=[False, True])
        for r in gaps.head(TOP_CELAH).itertuples(index=False):
            nama = r.nama_en if lang == "en" else r.nama_id
            teks = t("snapshot.celah", lang, indikator=nama, capaian=_p(r.capaian_tampil, lang))
            if not fmt.is_na(r.belum) and float(r.belum) > 0:
                key = "snapshot.celah_belum" if bool(r.lebih_tinggi_lebih_baik) else "snapshot.celah_kasus"
                teks += " · " + t(key, lang, n=fmt.angka(r.belum, 0, lang))
            daftar.append(teks)
    return Snapshot(
        jenis="profil", lang=lang, judul=t("snapshot.judul_profil", lang), wilayah=wilayah, periode=periode_teks,
        status=status, status_teks=status_teks, utama_label=t("snapshot.indeks", lang), utama=utama,
        kategori=cat.label if cat else None, kategori_warna=cat.color if cat else None, utama_catatan=notes,
        sorotan=sorotan, baris_judul=t("snapshot.enam_bidang", lang), baris=baris,
        daftar_judul=t("snapshot.celah_judul", lang), daftar=daftar or [t("snapshot.celah_kosong", lang)],
        catatan=[t("snapshot.cara_indeks", lang)], sumber=sumber, tanggal=dibuat, kode=kab,
    )  # fmt: skip


# --- flood event -----------------------------------------------------------------------------------------------------


def events() -> pd.DataFrame:
    from dashboard.banjir import data as banjir_data

    return banjir_data.kejadian()


def banjir(kode: str, kab: str | None = None, lang: str = "id", today: dt.date | None = None) -> Snapshot:
    """The snapshot of flood event ``kode``: the whole event, or one affected kab/kota ``kab``."""
    from dashboard.banjir import data as banjir_data
    from dashboard.banjir.charts import WARNA_STATUS
    from dashboard.core import store

    lang = lang if lang in ("id", "en") else "id"
    today = today or dt.date.today()
    en = lang == "en"
    status, status_teks = _status(lang)
    sumber, dibuat = _sumber(lang, today)
    evs = banjir_data.kejadian()
    info = evs[evs["kode_bencana"] == kode].iloc[0].to_dict()
    cfg = banjir_data.pengaturan()
    dampak = banjir_data.dampak(kode)
    layanan = banjir_data.layanan(kode, info["bulan_mulai"], cfg)
    fisik = banjir_data.fisik_terkini(kode)
    prov = store.provinsi_kode()
    area = kab if kab and kab in set(dampak["kode_wilayah"]) else prov
    level = "provinsi" if area == prov else "kabkota"
    names = dict(zip(dampak["kode_wilayah"], dampak["nama_lengkap"], strict=True))
    wilayah = names.get(area) or store.wilayah_info(area).get("nama_lengkap") or area

    ev = layanan[(layanan["kode_wilayah"] == area) & (layanan["status"] != "tanpa_baseline")] if len(layanan) else layanan
    n_pulih = int(ev["status"].isin(["pulih", "tidak_turun"]).sum()) if len(ev) else 0
    kini = dates.month_label(ev["periode_kini"].max(), lang) if len(ev) else NA
    periode_teks = t("snapshot.periode_banjir", lang, wilayah=wilayah, mulai=dates.date_label(info["tanggal_mulai"], lang), kini=kini)
    notes = [t("snapshot.ambang_pulih", lang, ambang=_p(cfg.ambang_pulih * 100, lang, 0), n=cfg.bulan_baseline)]

    baris = []
    if len(ev):  # not yet recovered first, the slowest at the top
        ev = ev.assign(_belum=ev["status"] != "belum_pulih").sort_values(["_belum", "persen_pulih"], na_position="last", kind="stable")
    for r in ev.itertuples(index=False):
        nama = r.indikator_en if en else r.indikator_id
        st_label = banjir_data.label_status(r.status, lang)
        note = t("snapshot.pulih_rincian", lang, baseline=_p(r.baseline, lang), terendah=_p(r.terburuk, lang),
                 kini=_p(r.kini, lang))  # fmt: skip
        if r.status == "belum_pulih" and not fmt.is_na(r.persen_pulih):
            note += " · " + t("snapshot.persen_pulih", lang, persen=_p(r.persen_pulih, lang, 0))
        warna = WARNA_STATUS.get(r.status)  # the flood page's status colours
        note = st_label + " · " + note
        baris.append(Baris(nama, _p(r.kini, lang), _num(r.kini),
                           warna if not fmt.is_na(r.kini) else None, note, penanda=_num(r.baseline),
                           terendah=_num(r.terburuk)))  # fmt: skip

    here = dampak[dampak["kode_wilayah"] == area]
    sorotan = []
    if len(here):
        h = here.iloc[0]
        desa = info["desa_terdampak"] if level == "provinsi" else h.get("desa_terdampak")
        sorotan.append((t("snapshot.desa_terdampak", lang), NA if fmt.is_na(desa) else fmt.angka(desa, 0, lang)))
        sorotan.append((t("snapshot.jiwa_terdampak", lang), NA if fmt.is_na(h.get("jiwa_terdampak")) else fmt.angka(h["jiwa_terdampak"], 0, lang)))
    fis = fisik[(fisik["kode_wilayah"] == area) & fisik["rusak"].notna() & (fisik["rusak"] > 0)] if len(fisik) else fisik
    rumah = fis[fis["komponen"].isin(banjir_data.KOMPONEN_RUMAH)] if len(fis) else fis
    if len(rumah):
        rusak, pulih = float(rumah["rusak"].sum()), float(min(rumah["pulih"].sum(), rumah["rusak"].sum()))
        sorotan.append((t("snapshot.sisa_rumah", lang), t("snapshot.sisa_rumah_nilai", lang, sisa=fmt.angka(rusak - pulih, 0, lang),
                                                          rusak=fmt.angka(rusak, 0, lang))))  # fmt: skip
    else:
        sorotan.append((t("snapshot.sisa_rumah", lang), NA))

    # who lags: the kab/kota of the event (or the kecamatan of the chosen kab/kota), slowest item first
    tingkat = ("kabkota",) if level == "provinsi" else ("kecamatan",)
    lag = banjir_data.tertinggal(layanan, fisik, banjir_data.bidang(), lang, tingkat=tingkat)
    if level == "kabkota" and len(lag):
        lag = lag[lag["kode_wilayah"].astype(str).str.startswith(area + ".")]
    daftar = []
    for _, r in lag.drop_duplicates("kode_wilayah").head(TOP_TERTINGGAL).iterrows():
        n_items = int((lag["kode_wilayah"] == r["kode_wilayah"]).sum())
        what = r["butir"] + (" " + t("snapshot.persen_pulih", lang, persen=_p(r["persen"], lang, 0)) if not fmt.is_na(r["persen"]) else "")
        daftar.append(t("snapshot.tertinggal_item", lang, wilayah=r["wilayah"], butir=what, n=n_items,
                        opd=r["opd"] if isinstance(r["opd"], str) else NA))  # fmt: skip
    return Snapshot(
        jenis="banjir", lang=lang, judul=t("snapshot.judul_banjir", lang), wilayah=data_text(str(info["nama"]), lang),
        periode=periode_teks, status=status, status_teks=status_teks, utama_label=t("snapshot.layanan_pulih", lang),
        utama=f"{n_pulih} / {len(ev)}" if len(ev) else NA, kategori=None, kategori_warna=None,
        utama_catatan=notes if len(ev) else [t("snapshot.layanan_kosong", lang)], sorotan=sorotan,
        baris_judul=t("snapshot.layanan_judul", lang), baris=baris, daftar_judul=t("snapshot.tertinggal_judul", lang),
        daftar=daftar or [t("snapshot.tertinggal_kosong", lang)], catatan=[], sumber=sumber, tanggal=dibuat,
        legenda=t("snapshot.legenda_banjir", lang) if baris else "",
        kode=f"{kode}_{area}" if area != prov else kode,
    )  # fmt: skip
