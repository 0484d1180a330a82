"""The pages of the app, in menu order. Each page file (``dashboard/<feature>/<slug>.py``, named after its URL) only
lays out widgets and charts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class PageSpec:
    file: str
    title: str  # i18n key
    icon: str
    url_path: str
    section: str = "ui.bagian_utama"  # i18n key
    default: bool = False
    aliases: tuple[str, ...] = ()  # earlier URLs of the page, kept working as hidden pages
    needs_data: bool = True  # on a warehouse with nothing loaded, the app shows the empty-state page instead

    @property
    def path(self) -> str:
        return str(PACKAGE_DIR / self.file)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("ringkasan/ringkasan.py", "ui.halaman_ringkasan", ":material/dashboard:", "ringkasan", default=True),
    PageSpec("bidang/bidang.py", "bidang.halaman", ":material/category:", "bidang"),
    PageSpec("peringkat/peringkat.py", "peringkat.halaman", ":material/leaderboard:", "peringkat"),
    PageSpec("tren/tren.py", "tren.halaman", ":material/show_chart:", "tren"),
    PageSpec("banjir/banjir.py", "banjir.halaman", ":material/flood:", "banjir", aliases=("pemulihan",)),
    PageSpec("perencanaan/profil.py", "perencanaan.profil_halaman", ":material/location_city:", "profil"),
    PageSpec("perencanaan/prioritas.py", "perencanaan.halaman", ":material/priority_high:", "prioritas"),
    PageSpec("peringatan/peringatan.py", "peringatan.halaman", ":material/notification_important:", "peringatan"),
    PageSpec("perencanaan/anggaran.py", "perencanaan.anggaran_halaman", ":material/payments:", "anggaran"),
    PageSpec("rakor/rakor.py", "rakor.halaman", ":material/co_present:", "rakor"),
    PageSpec("data/data.py", "ui.halaman_data", ":material/database:", "data", section="ui.bagian_kelola",
             needs_data=False),
    PageSpec("unggah/unggah.py", "unggah.halaman_unggah", ":material/upload_file:", "unggah", section="ui.bagian_kelola",
             needs_data=False),
    PageSpec("kualitas/kualitas.py", "kualitas.halaman", ":material/fact_check:", "kualitas", section="ui.bagian_kelola"),
)
