"""Translations: every UI string has a Bahasa Indonesia and an English text.

Each feature folder keeps its texts in ``texts.json`` ({"key": {"id": "...", "en": "..."}}); a key starts with the
folder's name (``banjir.judul`` in ``dashboard/banjir/texts.json``; the shared core's texts start with ``ui.``), so
keys are unique across files.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
TEXT_FILE = "texts.json"
LANGS = ("id", "en")
DEFAULT_LANG = "id"


@cache
def catalog() -> dict[str, dict[str, str]]:
    merged: dict[str, dict[str, str]] = {}
    for path in sorted(PACKAGE_DIR.glob("*/" + TEXT_FILE)):
        for key, texts in json.loads(path.read_text(encoding="utf-8")).items():
            if key in merged:
                raise RuntimeError(f"translation key {key!r} defined twice ({path.parent.name}/{path.name})")
            merged[key] = texts
    return merged


def norm_lang(lang: str | None) -> str:
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str | None = None, **values: object) -> str:
    """The text for ``key`` in ``lang`` with ``{placeholders}`` filled in."""
    entry = catalog().get(key)
    if entry is None:
        raise KeyError(f"missing translation key {key!r}")
    text = entry[norm_lang(lang)]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in catalog()


def lang_column(base: str, lang: str) -> str:
    """The column holding ``base`` in ``lang``: 'nama' -> 'nama_en' in English, 'nama_id' otherwise."""
    return f"{base}_en" if lang == "en" else f"{base}_id"


DATA_TEXT_FILE = PACKAGE_DIR.parent / "data" / "referensi" / "teks_data.json"


@cache
def _data_texts() -> tuple[dict[str, str], tuple[tuple[object, str], ...]]:
    import re

    raw = json.loads(DATA_TEXT_FILE.read_text(encoding="utf-8")) if DATA_TEXT_FILE.exists() else {}
    return dict(raw.get("tetap", {})), tuple((re.compile(p), r) for p, r in raw.get("pola", []))


def data_text(value: object, lang: str | None = None) -> object:
    """A text stored in the data, for display in ``lang``: the English of a text the app itself wrote into the data
    (the synthetic sample's flood names and notes, the import log's "sampel sintetis" and "sistem";
    ``data/referensi/teks_data.json``), else the value unchanged. User data are never translated: only a text exactly
    equal to a known entry (or matching one of its patterns) is."""
    if norm_lang(lang) != "en" or not isinstance(value, str):
        return value
    fixed, patterns = _data_texts()
    if value in fixed:
        return fixed[value]
    for pattern, replacement in patterns:
        if pattern.fullmatch(value):  # type: ignore[attr-defined]
            return pattern.sub(replacement, value)  # type: ignore[attr-defined]
    return value
