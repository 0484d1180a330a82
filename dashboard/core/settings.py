"""Settings: one source of truth for thresholds, weights and category bands (data/pengaturan.toml)."""

from __future__ import annotations

import os
import tomllib
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


def boundary_geojson() -> Path | None:
    """The configured kab/kota boundary GeoJSON ($SPM_GEOJSON or [peta] geojson_kabkota), if it exists."""
    raw = os.environ.get("SPM_GEOJSON") or settings()["peta"].get("geojson_kabkota") or ""
    if not raw:
        return None
    p = Path(raw)
    if not p.is_absolute():
        p = DATA_DIR.parent / p
    return p if p.exists() else None
