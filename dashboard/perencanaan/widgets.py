"""Streamlit pieces shared by the planner pages (profile, priority problems, budget): the area picker kept in the
URL, labels and the export header lines. Everything that computes lives in data.py."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard.core import markdown, store, ui
from dashboard.core.i18n import data_text
from dashboard.core.ui import SEMUA
from dashboard.perencanaan import data as perencanaan_data
from dashboard.spm import periods


@dataclass(frozen=True)
class Area:
    kode: str
    tingkat: str  # provinsi | kabkota | kecamatan | desa
    nama: str
    jalur: str  # 'Kecamatan Aluh Aluh, Kabupaten Banjar'
    provinsi: str
    pembanding: tuple[str, ...]  # peers incl. the area itself (empty for the province)
    anak: pd.DataFrame  # child units (kode, nama, ...)

    @property
    def kode_anak(self) -> list[str]:
        return self.anak["kode"].tolist() if len(self.anak) else []


def choose_area(kab: str | None, columns: Sequence) -> Area:
    """Kecamatan and desa pickers (URL keys ``kec`` and ``desa``) under the sidebar's kab/kota; the chosen area."""
    prov = store.provinsi_kode()
    if not kab:
        info = store.wilayah_info(prov)
        return Area(prov, "provinsi", info.get("nama_lengkap") or info.get("nama", prov), info.get("nama_lengkap") or prov,
                    prov, (), store.kabkota())  # fmt: skip
    kec = _child_picker(columns[0], kab, "kec", "perencanaan.profil_kecamatan", "perencanaan.profil_semua_kecamatan")
    if kec != SEMUA:
        desa = _child_picker(columns[1], kec, "desa", "perencanaan.profil_desa", "perencanaan.profil_semua_desa")
    else:
        desa = SEMUA
        columns[1].selectbox(ui.t("perencanaan.profil_desa"), [ui.t("perencanaan.profil_pilih_kecamatan_dulu")], disabled=True, key="desa_mati")
    kode = desa if desa != SEMUA else (kec if kec != SEMUA else kab)
    info = store.wilayah_info(kode)
    tingkat = info.get("tingkat", "kabkota")
    parent = {"kabkota": None, "kecamatan": kab, "desa": kec}[tingkat]
    peers = tuple(store.kabkota()["kode"]) if parent is None else tuple(store.wilayah_anak(parent)["kode"])
    anak = store.wilayah_anak(kode) if tingkat != "desa" else pd.DataFrame(columns=["kode", "nama"])
    return Area(kode, tingkat, nama_wilayah(info), jalur(info), prov, peers, anak)


def _child_picker(column, induk: str, key: str, label: str, all_label: str) -> str:
    """A picker of the units under ``induk`` (or all of them), kept in the URL under ``key``; the chosen code."""
    children = store.wilayah_anak(induk)
    names = dict(zip(children["kode"], children["nama"], strict=True))
    everything = ui.t(all_label)
    ui.from_url(key, SEMUA, [SEMUA, *names])
    column.selectbox(ui.t(label), [SEMUA, *names], key=key, format_func=lambda k: everything if k == SEMUA else names[k])
    return st.session_state[key]


def nama_wilayah(info: dict) -> str:
    tingkat = info.get("tingkat")
    if tingkat in ("provinsi", "kabkota"):
        return str(info.get("nama_lengkap") or info.get("nama"))
    label = ui.t(f"perencanaan.profil_tingkat_{tingkat}") if tingkat in ("kecamatan", "desa") else ""
    return f"{label} {info.get('nama')}".strip()


def jalur(info: dict) -> str:
    """The area with its parents: 'Desa Bakambat, Kecamatan Aluh Aluh, Kabupaten Banjar'."""
    parts = [nama_wilayah(info)]
    if info.get("tingkat") == "desa" and info.get("nama_kecamatan"):
        parts.append(f"{ui.t('perencanaan.profil_tingkat_kecamatan')} {info['nama_kecamatan']}")
    if info.get("tingkat") in ("kecamatan", "desa") and info.get("kode_kabkota"):
        parts.append(str(store.wilayah_info(info["kode_kabkota"]).get("nama_lengkap", info.get("nama_kabkota"))))
    return ", ".join(parts)


def families_for(area: Area) -> list[str]:
    """Official SPM services are reported by kab/kota (and the province); below that only Posyandu/desa data exist."""
    return list(perencanaan_data.KELUARGA) if area.tingkat in ("provinsi", "kabkota") else ["posyandu", "transformasi"]


def family_label(keluarga: str) -> str:
    return ui.t(f"perencanaan.keluarga_{keluarga}")


def period_text(per: perencanaan_data.Periode, language: str) -> str:
    """'SPM resmi: Triwulan I 2026 (kumulatif); Posyandu/desa: Maret 2026'."""
    resmi = ui.triwulan(per.resmi, language) if per.resmi else "–"
    bulan = ui.bulan(per.bulan, language) if per.bulan else "–"
    return ui.t("perencanaan.periode_data", resmi=resmi, bulan=bulan)


def arrow(arah: object) -> str:
    if arah is None or (not isinstance(arah, str) and pd.isna(arah)):
        return "–"
    return {"membaik": "▲ ", "memburuk": "▼ ", "stabil": "→ "}[arah] + ui.t(f"perencanaan.arah_{arah}")


def flood_text(floods: pd.DataFrame) -> str | None:
    if floods.empty:
        return None
    parts = []
    for row in floods.drop_duplicates("kode_bencana").itertuples(index=False):
        parts.append(f"{markdown.escape(data_text(row.nama, ui.lang()))} ({ui.t(f'perencanaan.hubungan_{row.hubungan}')})")  # shown as Markdown
    return "; ".join(parts)


def context(area: Area | None, per: perencanaan_data.Periode | None, extra: Sequence[str] = ()) -> list[str]:
    """Header lines of exported files: the area, the period(s), page filters, the data source and time."""
    lines = [f"{ui.t('perencanaan.profil_wilayah')}: {area.jalur}"] if area is not None else []
    if per is not None:
        lines.append(f"{ui.t('perencanaan.kol_periode')}: {period_text(per, ui.lang())}")
    lines += list(extra)
    lines.append(ui.t("ui.sumber_ekspor", waktu=pd.Timestamp.now().strftime("%Y-%m-%d %H:%M")))
    lines.append(ui.data_status()[1])
    return lines


def month_window(end: dt.date | None, months: int = 12) -> tuple[dt.date, dt.date]:
    end = end or dt.date.today().replace(day=1)
    return periods.shift("bulan", end, -(months - 1)), end


# --- the cost of the gap (perencanaan/kebutuhan.py) -------------------------------------------------------------


def need_basis(row: object) -> str | None:
    """"2 of 12 services with data and a unit cost" (◐ partial when below the threshold) for a need aggregate
    (a namedtuple or Series with ``layanan_dihitung``, ``layanan_ada``, ``kebutuhan_sebagian``); None without units."""
    get = row.get if isinstance(row, (dict, pd.Series)) else lambda k, d=None: getattr(row, k, d)
    n, m = get("layanan_dihitung"), get("layanan_ada")
    if n is None or m is None or pd.isna(m) or pd.isna(n):
        return None
    key = "perencanaan.kebutuhan_dasar_sebagian" if bool(get("kebutuhan_sebagian", False)) else "perencanaan.kebutuhan_dasar"
    return ui.t(key, n=ui.angka(n), m=ui.angka(m))


def need_year(periode: str) -> int:
    """The last full year of a 'YYYY-MM' period (a year in progress has no annual coverage yet)."""
    year = int(periode[:4])
    return year if periode.endswith("-12") else year - 1


def need_areas(area: Area, kab: str | None) -> tuple[list[str], str]:
    """The kab/kota codes whose need stands for ``area`` and their name: the kab/kota itself, every kab/kota for the
    province, the parent kab/kota for a kecamatan or desa (the need is computed per kab/kota)."""
    if area.tingkat == "provinsi":
        return list(store.kabkota()["kode"]), area.nama
    code = area.kode if area.tingkat == "kabkota" else (kab or area.kode[:5])
    return [code], nama_wilayah(store.wilayah_info(code))


def need_sheet(area: Area, kab: str | None, periode: str) -> perencanaan_data.ExtraSheet | None:
    """The planning sheet's 'Cost of the gap' sheet for ``area`` (None without unit costs for the year)."""
    from dashboard.core.i18n import lang_column
    from dashboard.perencanaan import kebutuhan as kb

    tahun = need_year(periode)
    if not kb.has_costs(tahun):
        return None
    areas, name = need_areas(area, kab)
    rows = perencanaan_data.budget_rows()
    rows = kb.planning_rows(kb.services(tahun), rows[rows["tahun"] == tahun], areas)
    lang = ui.lang()
    from dashboard.spm import catalog

    fields = catalog.fields()
    field_names = dict(zip(fields["kode_bidang"], fields[lang_column("nama", lang)], strict=True))
    rows["bidang_teks"] = rows["bidang"].map(field_names).fillna(rows["bidang"])
    total = ui.t("perencanaan.kebutuhan_lembar_jumlah")
    rows["layanan"] = [total if j == "jumlah" else n for j, n in zip(rows["jenis"], rows[lang_column("nama", lang)], strict=True)]
    rows["dasar"] = [need_basis(r) if r.jenis == "jumlah" else None for r in rows.itertuples()]
    columns = {
        "bidang_teks": ui.t("perencanaan.anggaran_bidang"), "layanan": ui.t("perencanaan.kebutuhan_kol_layanan"),
        "belum": ui.t("perencanaan.kol_belum"), "biaya_satuan": ui.t("perencanaan.kebutuhan_kol_biaya"),
        "kebutuhan": ui.t("perencanaan.kebutuhan_kol_kebutuhan"), "pagu": ui.t("perencanaan.kebutuhan_kol_pagu_bidang"),
        "selisih": ui.t("perencanaan.kebutuhan_kol_selisih"), "persen_tertutup": ui.t("perencanaan.kebutuhan_kol_tertutup"),
        "dasar": ui.t("perencanaan.kebutuhan_kol_dasar"),
    }  # fmt: skip
    view = rows[list(columns)].rename(columns=columns)
    return perencanaan_data.ExtraSheet(
        name=ui.t("perencanaan.kebutuhan_lembar")[:31], view=view,
        title=ui.t("perencanaan.kebutuhan_tabel_judul_ekspor", tahun=tahun) + " – " + name,
        context=[ui.t("perencanaan.kebutuhan_cara_hitung")],
        percent=[columns["persen_tertutup"]],
        decimals={columns[k]: 0 for k in ("belum", "biaya_satuan", "kebutuhan", "pagu", "selisih", "persen_tertutup")},
    )  # fmt: skip


def need_summary(area: Area, kab: str | None, periode: str) -> None:
    """The area profile's small section: per field, the need to reach 100 % beside the allocation, the gap and the
    share covered (kab/kota or province), with what each sum stands on and a link to the budget page."""
    from dashboard.core.i18n import lang_column
    from dashboard.perencanaan import kebutuhan as kb
    from dashboard.spm import catalog

    tahun = need_year(periode)
    st.subheader(ui.t("perencanaan.kebutuhan_profil_judul", tahun=tahun))
    if area.tingkat in ("kecamatan", "desa"):
        st.caption(ui.t("perencanaan.kebutuhan_profil_bukan_kabkota"))
        return
    if not kb.has_costs(tahun):
        st.caption(ui.t("perencanaan.kebutuhan_tanpa_biaya", tahun=tahun))
        return
    areas, _ = need_areas(area, kab)
    budget = perencanaan_data.budget_rows()
    rows = kb.area_fields(kb.services(tahun), budget[budget["tahun"] == tahun], areas)
    fields = catalog.fields()
    rows = rows.merge(fields[["kode_bidang", "urutan", lang_column("nama", ui.lang())]].rename(columns={"kode_bidang": "bidang"}),
                      on="bidang").sort_values("urutan")  # fmt: skip
    rows["dasar"] = [need_basis(r) for r in rows.itertuples()]
    ui.table(rows, {lang_column("nama", ui.lang()): ui.t("perencanaan.anggaran_bidang"),
                    "kebutuhan": ui.t("perencanaan.kebutuhan_kol_kebutuhan"), "pagu": ui.t("perencanaan.anggaran_kol_pagu"),
                    "selisih": ui.t("perencanaan.kebutuhan_kol_selisih"), "persen_tertutup": ui.t("perencanaan.kebutuhan_kol_tertutup"),
                    "dasar": ui.t("perencanaan.kebutuhan_kol_dasar")},
             percent=["persen_tertutup"], decimals={"kebutuhan": 0, "pagu": 0, "selisih": 0, "persen_tertutup": 0},
             key="pf_kebutuhan", download="profil_kebutuhan",
             title=ui.t("perencanaan.kebutuhan_profil_judul", tahun=tahun) + " – " + area.nama)  # fmt: skip
    services = kb.services(tahun)
    sources = sorted({str(x) for x in services[services["kode_wilayah"].isin(areas)]["sumber"].dropna()})
    if sources:  # imported text: escaped
        st.caption(ui.t("perencanaan.kebutuhan_sumber", tahun=tahun, sumber=markdown.escape("; ".join(sources))))
    st.caption(ui.t("perencanaan.kebutuhan_cara_hitung"))
    st.page_link("perencanaan/anggaran.py", label=ui.t("perencanaan.kebutuhan_ke_anggaran"), icon=":material/payments:")
