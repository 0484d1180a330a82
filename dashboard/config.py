"""Settings: one source of truth for thresholds, weights and category bands (data/pengaturan.toml)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from dashboard import DATA_DIR

DEFAULT_CONFIG = DATA_DIR / "pengaturan.toml"


def default_db_path() -> Path:
    """The warehouse file: $SPM_DB, else data/spm.duckdb."""
    return Path(os.environ.get("SPM_DB") or DATA_DIR / "spm.duckdb")


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@cache
def settings() -> dict:
    """The defaults from data/pengaturan.toml, overlaid by the file named in $SPM_CONFIG."""
    with open(DEFAULT_CONFIG, "rb") as fh:
        cfg = tomllib.load(fh)
    extra = os.environ.get("SPM_CONFIG")
    if extra:
        with open(extra, "rb") as fh:
            cfg = _merge(cfg, tomllib.load(fh))
    return cfg


@dataclass(frozen=True)
class Category:
    label: str
    lower: float
    color: str


@dataclass(frozen=True)
class CategoryScheme:
    key: str
    name_id: str
    name_en: str
    categories: tuple[Category, ...]

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_id

    def classify(self, value: float | None) -> Category | None:
        """The category of an index value (0-100); None for NA."""
        if value is None or value != value:
            return None
        for cat in self.categories:
            if value >= cat.lower:
                return cat
        return self.categories[-1]


def category_scheme(key: str | None = None) -> CategoryScheme:
    cfg = settings()["kategori"]
    key = key or cfg["aktif"]
    s = cfg["skema"][key]
    cats = tuple(Category(lbl, float(lo), col) for lbl, lo, col in zip(s["label"], s["batas"], s["warna"], strict=True))
    return CategoryScheme(key, s["nama"], s["nama_en"], cats)


def boundary_geojson() -> Path | None:
    """The configured kab/kota boundary GeoJSON ($SPM_GEOJSON or [peta] geojson_kabkota), if it exists."""
    raw = os.environ.get("SPM_GEOJSON") or settings()["peta"].get("geojson_kabkota") or ""
    if not raw:
        return None
    p = Path(raw)
    if not p.is_absolute():
        p = DATA_DIR.parent / p
    return p if p.exists() else None
