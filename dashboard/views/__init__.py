"""The pages of the app, in menu order. Each page file only lays out widgets and charts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class PageSpec:
    file: str
    title: str  # i18n key
    icon: str
    url_path: str
    section: str = "ui.bagian_utama"  # i18n key
    default: bool = False

    @property
    def path(self) -> str:
        return str(HERE / self.file)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan.py", "ui.halaman_ringkasan", ":material/dashboard:", "ringkasan", default=True),
    PageSpec("bidang.py", "bidang.halaman", ":material/category:", "bidang"),
    PageSpec("peringkat.py", "peringkat.halaman", ":material/leaderboard:", "peringkat"),
    PageSpec("tren.py", "tren.halaman", ":material/show_chart:", "tren"),
    PageSpec("pemulihan.py", "banjir.halaman", ":material/flood:", "pemulihan"),
    PageSpec("profil.py", "profil.halaman", ":material/location_city:", "profil"),
    PageSpec("prioritas.py", "rencana.halaman", ":material/priority_high:", "prioritas"),
    PageSpec("anggaran.py", "anggaran.halaman", ":material/payments:", "anggaran"),
    PageSpec("rakor.py", "rakor.halaman", ":material/co_present:", "rakor"),
    PageSpec("data.py", "ui.halaman_data", ":material/database:", "data", section="ui.bagian_kelola"),
    PageSpec("unggah.py", "kelola.halaman_unggah", ":material/upload_file:", "unggah", section="ui.bagian_kelola"),
    PageSpec("kualitas.py", "kualitas.halaman", ":material/fact_check:", "kualitas", section="ui.bagian_kelola"),
)
