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
