"""Recipes: a mapping saved under a name as a small TOML file (``data/resep/<nama>.toml``), applied again next
quarter to a file of the same shape (``python -m dashboard import --resep <nama>``, or one choice on the upload page).

The folder is ``data/resep`` beside the warehouse's settings, or ``$SPM_RESEP`` when set.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

from dashboard import DATA_DIR
from dashboard.impor.pemetaan import Mapping

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_\-]{0,59}$")
_TABLES = ("kolom", "tetap", "lebar", "saring", "lewati", "blok")
_ORDER = ("nama", "keterangan", "jenis", "lembar", "baris_judul", "blok_kolom", "lewati_baris")


class RecipeProblem(Exception):
    """A recipe that cannot be found, read or saved. ``code`` is an i18n key under ``impor.resep.``."""

    def __init__(self, code: str, **info: object) -> None:
        super().__init__(code)
        self.code = code
        self.info = info


def folder() -> Path:
    return Path(os.environ.get("SPM_RESEP") or DATA_DIR / "resep")


def valid_name(name: str) -> bool:
    return bool(NAME.match(str(name or "")))


def names() -> list[str]:
    """The saved recipes, by name."""
    path = folder()
    return sorted(p.stem for p in path.glob("*.toml") if valid_name(p.stem)) if path.is_dir() else []


def path_of(name_or_path: str) -> Path:
    """A recipe by name (in :func:`folder`) or by the path of its file (ending in .toml)."""
    text = str(name_or_path)
    if text.endswith(".toml") or "/" in text or os.sep in text:
        return Path(text)
    if not valid_name(text):
        raise RecipeProblem("nama_tidak_valid", nama=text)
    return folder() / f"{text}.toml"


def _q(text: object) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(str(text), ensure_ascii=False)


def to_toml(mapping: Mapping, note: str | None = None) -> str:
    """The mapping as a readable TOML text (only the parts it uses)."""
    lines = [
        "# Resep impor SPM Posyandu Kalsel: cara membaca berkas dengan tata letak ini (README, bagian Resep).",
        "# Import recipe: how to read files of this layout (README, section Recipes).",
    ]
    values = {
        "nama": mapping.nama, "keterangan": note, "jenis": mapping.jenis, "lembar": mapping.lembar,
        "baris_judul": list(mapping.baris_judul) or None, "blok_kolom": mapping.blok_kolom,
        "lewati_baris": list(mapping.lewati_baris) or None,
    }  # fmt: skip
    for key in _ORDER:
        value = values[key]
        if value is None or value == "":
            continue
        lines.append(
            f"{key} = [{', '.join(str(int(v)) for v in value)}]" if isinstance(value, list) else f"{key} = {_q(value)}"
        )
    for table in _TABLES:
        content = getattr(mapping, table)
        if not content:
            continue
        lines += ["", f"[{table}]"]
        for key, value in content.items():
            if isinstance(value, list):
                lines.append(f"{_q(key)} = [{', '.join(_q(v) for v in value)}]")
            else:
                lines.append(f"{_q(key)} = {_q(value)}")
    for column, recode in mapping.ganti.items():
        lines += ["", f"[ganti.{_q(column)}]"]
        lines += [f"{_q(k)} = {_q(v)}" for k, v in recode.items()]
    return "\n".join(lines) + "\n"


def from_toml(text: str, name: str | None = None) -> Mapping:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RecipeProblem("tidak_terbaca", nama=name or "?", detail=str(exc)[:200]) from None
    known = set(_ORDER) | set(_TABLES) | {"ganti"}
    unknown = sorted(set(data) - known)
    if unknown:
        raise RecipeProblem("kunci_tidak_dikenal", nama=name or "?", kunci=", ".join(unknown),
                            pilihan=", ".join(sorted(known)))  # fmt: skip

    def strings(value) -> list[str]:
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    def ints(key) -> list[int]:
        value = data.get(key, [])
        value = value if isinstance(value, list) else [value]
        try:
            return [int(v) for v in value]
        except (TypeError, ValueError):
            raise RecipeProblem("tidak_terbaca", nama=name or "?", detail=f"{key}: {value}") from None

    try:
        return Mapping(
            nama=str(data.get("nama") or name or "") or None,
            jenis=data.get("jenis"),
            lembar=data.get("lembar"),
            baris_judul=ints("baris_judul"),
            kolom={str(k): str(v) for k, v in data.get("kolom", {}).items()},
            tetap={str(k): str(v) for k, v in data.get("tetap", {}).items()},
            saring={str(k): strings(v) for k, v in data.get("saring", {}).items()},
            lewati={str(k): strings(v) for k, v in data.get("lewati", {}).items()},
            lewati_baris=ints("lewati_baris"),
            lebar={str(k): str(v) for k, v in data.get("lebar", {}).items()},
            blok={str(k): str(v) for k, v in data.get("blok", {}).items()},
            blok_kolom=data.get("blok_kolom"),
            ganti={str(c): {str(k): str(v) for k, v in m.items()} for c, m in data.get("ganti", {}).items()},
        )
    except AttributeError:  # a table written as a plain value
        raise RecipeProblem("tidak_terbaca", nama=name or "?", detail="tabel") from None


def load(name_or_path: str) -> Mapping:
    path = path_of(name_or_path)
    if not path.exists():
        raise RecipeProblem("tidak_ada", nama=str(name_or_path), folder=str(path.parent), ada=", ".join(names()) or "–")
    mapping = from_toml(path.read_text(encoding="utf-8"), path.stem)
    mapping.nama = mapping.nama or path.stem
    return mapping


def save(name: str, mapping: Mapping, note: str | None = None, keep_period: bool = False) -> Path:
    """Write the recipe ``name`` (replacing one of the same name); returns its path.

    The file-wide period is left out unless ``keep_period``: it changes with every file, and a recipe applied next
    quarter must not load new figures under the old period (the import then asks for ``--periode``)."""
    if not valid_name(name):
        raise RecipeProblem("nama_tidak_valid", nama=name)
    path = folder() / f"{name}.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    tetap = {k: v for k, v in mapping.tetap.items() if keep_period or k != "periode"}
    stored = Mapping(**{**mapping.__dict__, "nama": name, "tetap": tetap})
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(to_toml(stored, note), encoding="utf-8")
    os.replace(tmp, path)
    return path
