"""Every UI string has both translations, and every key used in the code exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from dashboard.core import fmt
from dashboard.core.i18n import LANGS, catalog

ROOT = Path(__file__).resolve().parents[2]
KEY_LITERAL = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]*[a-z0-9_])["']""")


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_key_has_both_languages_with_the_same_placeholders():
    for key, texts in catalog().items():
        assert set(texts) == set(LANGS), key
        assert all(texts[lang].strip() for lang in LANGS), key
        assert placeholders(texts["id"]) == placeholders(texts["en"]), key


def test_every_key_used_in_code_exists():
    used = set()
    for path in (ROOT / "dashboard").rglob("*.py"):
        used |= set(KEY_LITERAL.findall(path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in catalog())
    assert not missing, missing


def test_indicator_catalog_has_both_names():
    import pandas as pd

    from dashboard import REFERENSI_DIR

    cat = pd.read_csv(REFERENSI_DIR / "spm_indicators.csv", dtype=str)
    assert len(cat) == 62  # 29 kab/kota + 14 province services of PP 2/2018 + 15 Posyandu + 4 transformation (issue 13)
    assert cat["name_id"].str.strip().astype(bool).all() and cat["name_en"].str.strip().astype(bool).all()


def test_indonesian_and_english_number_formats():
    assert fmt.angka(1234.5, 1) == "1.234,5"
    assert fmt.angka(1234567) == "1.234.567"
    assert fmt.angka(1234.5, 1, "en") == "1,234.5"
    assert fmt.persen(87.54) == "87,5%"
    assert fmt.persen(None) == fmt.NA and fmt.angka(float("nan")) == fmt.NA
    assert fmt.selisih(-1.25, 1) == "−1,2 poin" or fmt.selisih(-1.25, 1) == "−1,3 poin"
    assert fmt.plotly_separators("id") == ",." and fmt.plotly_separators("en") == ".,"
