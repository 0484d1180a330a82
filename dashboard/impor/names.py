"""Match kab/kota names as written in government spreadsheets to Kemendagri codes."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import pandas as pd

from dashboard import REFERENSI_DIR

_PREFIX = re.compile(r"^(pemerintah\s+)?(kabupaten|kab\.?|kota|pemkab|pemkot)\s+", re.IGNORECASE)


def _squash(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", text.casefold())


def _keys(name: str) -> set[str]:
    """'Kota Baru' -> {'baru', 'kotabaru'}; 'Kab. Banjar' -> {'banjar', 'kabbanjar'}."""
    stripped = _PREFIX.sub("", name.strip())
    return {_squash(stripped), _squash(name)} - {""}


@dataclass(frozen=True)
class NameMatch:
    kode: str | None
    status: str  # 'ok' | 'ambigu' | 'tidak_dikenal'
    kandidat: tuple[str, ...] = ()


class NameMatcher:
    def __init__(self, kabkota: pd.DataFrame, aliases: pd.DataFrame | None = None) -> None:
        """``kabkota``: columns kode, nama, nama_lengkap (from the warehouse)."""
        self.by_key: dict[str, set[str]] = {}
        self.names = dict(zip(kabkota["kode"], kabkota["nama_lengkap"].fillna(kabkota["nama"]), strict=True))
        for kode, nama, lengkap in kabkota[["kode", "nama", "nama_lengkap"]].itertuples(index=False):
            for key in {_squash(nama)} | (_keys(lengkap) if isinstance(lengkap, str) else set()):
                self.by_key.setdefault(key, set()).add(kode)
        if aliases is None:
            aliases = pd.read_csv(REFERENSI_DIR / "alias_wilayah.csv", dtype=str)
        for alias, kode in aliases[["alias", "kode"]].itertuples(index=False):
            if kode in self.names:
                self.by_key.setdefault(_squash(alias), set()).add(kode)

    def match(self, name: str) -> NameMatch:
        codes: set[str] = set()
        keys = _keys(name)
        for key in keys:
            codes |= self.by_key.get(key, set())
        if not codes:
            # spelling variants: close matches on the squashed name ("Tanah Bumbuh", "Hulu Sungai Tengh")
            for key in keys:
                for close in difflib.get_close_matches(key, self.by_key.keys(), n=3, cutoff=0.88):
                    codes |= self.by_key[close]
        if len(codes) == 1:
            return NameMatch(next(iter(codes)), "ok")
        if len(codes) > 1:
            return NameMatch(None, "ambigu", tuple(sorted(self.names[c] for c in codes)))
        # a prefix of several names ("Hulu Sungai") is ambiguous rather than unknown
        prefixed = {c for key in keys if len(key) >= 4 for k, cs in self.by_key.items() if k.startswith(key) for c in cs}
        if len(prefixed) > 1:
            return NameMatch(None, "ambigu", tuple(sorted(self.names[c] for c in prefixed)))
        return NameMatch(None, "tidak_dikenal")
