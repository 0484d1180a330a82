"""Achievement categories: the configured category schemes (bands and colours) and classifying index values."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard.core.settings import settings


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

    @property
    def tuntas(self) -> Category:
        """The band from which a field counts as achieved ("tuntas") in the headline counts: the second-highest
        (Tuntas Utama), so its lower bound follows the active scheme (90 in scheme A, 80 in scheme B)."""
        return self.categories[1]

    def count_tuntas(self, values: pd.Series, partial: pd.Series | None = None) -> int:
        """How many of ``values`` reach :attr:`tuntas` (NA never counts, nor a partial value: ``partial`` True)."""
        reach = pd.to_numeric(values, errors="coerce") >= self.tuntas.lower
        if partial is not None:
            reach = reach & ~partial.fillna(False).astype(bool)
        return int(reach.sum())

    def classify(self, value: float | None) -> Category | None:
        """The category of an index value (0-100); None for NA."""
        if value is None or value != value:
            return None
        for cat in self.categories:
            if value >= cat.lower:
                return cat
        return self.categories[-1]


def category_scheme(key: str | None = None) -> CategoryScheme:
    cfg = settings().kategori
    key = key or cfg.aktif
    s = cfg.skema[key]
    cats = tuple(Category(lbl, lo, col) for lbl, lo, col in zip(s.label, s.batas, s.warna, strict=True))
    return CategoryScheme(key, s.nama, s.nama_en, cats)


def add_category(df: pd.DataFrame, column: str, scheme: CategoryScheme | None = None) -> pd.DataFrame:
    """Add `kategori` and `warna` columns for the index in ``column`` (NA stays NA, and so does a partial value:
    a row whose ``sebagian`` is True earns no category); the active scheme by default."""
    scheme = scheme or category_scheme()
    out = df.copy()
    values = out[column]
    if "sebagian" in out.columns:
        values = values.where(~out["sebagian"].astype("boolean").fillna(False).astype(bool))
    cats = [scheme.classify(None if pd.isna(v) else float(v)) for v in values]
    out["kategori"] = [c.label if c else None for c in cats]
    out["warna"] = [c.color if c else None for c in cats]
    return out
