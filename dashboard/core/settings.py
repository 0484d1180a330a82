"""Settings: one source of truth for thresholds, weights and category bands (data/pengaturan.toml).

:func:`settings` reads data/pengaturan.toml (every key, with its default value) and, when $SPM_CONFIG names a TOML
file, merges that file over it into one typed, frozen :class:`Settings`: one dataclass per section, its fields named
after the TOML keys (``settings().peringkat.ambang_penyebut_kecil``). A section or key that the dataclasses do not
know, or a value of the wrong type, in either file raises :class:`SettingsError` naming the file, section and key.
"""

from __future__ import annotations

import os
import tomllib
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from dashboard import DATA_DIR, ROOT

DEFAULT_CONFIG = DATA_DIR / "pengaturan.toml"


def default_db_path() -> Path:
    """The warehouse file: $SPM_DB, else data/spm.duckdb."""
    return Path(os.environ.get("SPM_DB") or DATA_DIR / "spm.duckdb")


class SettingsError(ValueError):
    """A settings file that does not fit the dataclasses below; the message is one line naming file, section, key."""


class Tabel(Mapping[str, Any]):
    """A read-only, hashable TOML table whose keys are names, not settings (e.g. the schemes of [kategori.skema])."""

    def __init__(self, items: Mapping[str, Any]) -> None:
        self._items = dict(items)

    def __getitem__(self, key: str) -> Any:
        return self._items[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mapping) and self._items == dict(other)

    def __hash__(self) -> int:
        return hash(tuple(self._items.items()))

    def __repr__(self) -> str:
        return f"Tabel({self._items!r})"


# --- the sections of data/pengaturan.toml (defaults and comments live there, not here) ------------------------------


@dataclass(frozen=True)
class Indeks:
    w_penerima: float
    w_mutu: float


@dataclass(frozen=True)
class Skema:
    nama: str
    nama_en: str
    batas: tuple[float, ...]
    label: tuple[str, ...]
    warna: tuple[str, ...]


@dataclass(frozen=True)
class Kategori:
    aktif: str
    skema: Mapping[str, Skema]


@dataclass(frozen=True)
class Peringkat:
    ambang_penyebut_kecil: float
    ambang_kelengkapan_persen: float
    jumlah_simulasi: int
    seed_simulasi: int


@dataclass(frozen=True)
class Agregat:
    """[agregat]: an aggregate (province, kab/kota, kecamatan; indicator, field, index) standing on fewer than this
    share of its units is partial: shown marked, never ranked or categorised."""

    ambang_kelengkapan_persen: float


@dataclass(frozen=True)
class Banjir:
    bulan_baseline: int
    ambang_pulih: float
    bulan_tren: int
    min_titik_tren: int
    r2_min_tren: float
    batas_proyeksi_bulan: int
    geojson_kecamatan: str


@dataclass(frozen=True)
class Peta:
    geojson_kabkota: str


@dataclass(frozen=True)
class Unggah:
    batas_mb: int


@dataclass(frozen=True)
class Akses:
    wajib_login_lihat: bool
    gagal_maks_akun: int
    gagal_maks_alamat: int
    jendela_menit: int
    kunci_menit: int


@dataclass(frozen=True)
class Impor:
    """Limits on any input file, checked before it is read (dashboard/impor/penjaga.py)."""

    batas_berkas_mb: int
    batas_terurai_mb: int
    batas_bagian: int
    batas_rasio: int
    batas_baris: int
    batas_kolom: int
    batas_sel: int
    batas_memori_mb: int


@dataclass(frozen=True)
class BobotKualitas:
    kelengkapan: float
    ketepatan: float
    konsistensi: float
    pencilan: float


@dataclass(frozen=True)
class Kualitas:
    ambang_z: float
    min_riwayat: int
    ambang_lompatan_sasaran: float
    min_selisih_sasaran: int
    bulan_jendela: int
    bobot: BobotKualitas


@dataclass(frozen=True)
class BobotPerencanaan:
    """Weights of the priority score components (0-10 each)."""

    target: float
    provinsi: float
    belum: float
    tren: float
    banjir: float

    def as_dict(self) -> dict[str, float]:
        return {f.name: float(getattr(self, f.name)) for f in fields(self)}

    @property
    def total(self) -> float:
        return sum(self.as_dict().values())


@dataclass(frozen=True)
class Perencanaan:
    ambang_tren_poin: float
    bulan_banjir: int
    ambang_realisasi_persen: float
    ambang_capaian_persen: float
    bobot: BobotPerencanaan


@dataclass(frozen=True)
class Peringatan:
    """Early warning (year-end projection): years a shape needs, and the targets it is compared with."""

    min_tahun_pola: int
    target_spm_persen: float
    target_posyandu: Mapping[str, float]  # indicator code -> target percent (Posyandu and transformation indicators)


@dataclass(frozen=True)
class Settings:
    indeks: Indeks
    kategori: Kategori
    peringkat: Peringkat
    agregat: Agregat
    banjir: Banjir
    peta: Peta
    unggah: Unggah
    akses: Akses
    impor: Impor
    kualitas: Kualitas
    perencanaan: Perencanaan
    peringatan: Peringatan


# --- loading and checking -------------------------------------------------------------------------------------------

_WHAT = {float: "bilangan", int: "bilangan bulat", str: "teks", bool: "true atau false"}


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _fits(hint: Any, value: Any) -> bool:
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if typing.get_origin(hint) is tuple:
        return isinstance(value, list) and all(_fits(typing.get_args(hint)[0], v) for v in value)
    return isinstance(value, hint)


def _what(hint: Any) -> str:
    if typing.get_origin(hint) is tuple:
        return "daftar " + _what(typing.get_args(hint)[0])
    return _WHAT.get(hint, "tabel")


def _check(cls: type, table: dict[str, Any], base: Any, section: str, file: str) -> None:
    """Raise SettingsError for the first key of ``table`` that ``cls`` does not have or whose value has the wrong
    type. Keys may be left out only where ``base`` (the same table in the defaults file) has them."""
    hints = _hints(cls)
    for key, value in table.items():
        where = f"[{key}]" if not section else f"[{section}] {key}"
        if key not in hints:
            what = "bagian" if not section else "kunci"
            raise SettingsError(f"{file}: {what} tidak dikenal {where} (yang dikenal: {', '.join(hints)})")
        hint, below = hints[key], base.get(key) if isinstance(base, dict) else None
        inner = f"{section}.{key}" if section else key
        if is_dataclass(hint) or typing.get_origin(hint) is Mapping:
            if not isinstance(value, dict):
                raise SettingsError(f"{file}: nilai salah {where} = {value!r} (harus tabel)")
            if is_dataclass(hint):
                _check(hint, value, below, inner, file)
                continue
            item = typing.get_args(hint)[1]
            for name, sub in value.items():
                if not is_dataclass(item):  # a table of plain values (e.g. a target per indicator code)
                    if not _fits(item, sub):
                        raise SettingsError(f"{file}: nilai salah [{inner}] {name} = {sub!r} (harus {_what(item)})")
                    continue
                if not isinstance(sub, dict):
                    raise SettingsError(f"{file}: nilai salah [{inner}] {name} = {sub!r} (harus tabel)")
                _check(item, sub, below.get(name) if isinstance(below, dict) else None, f"{inner}.{name}", file)
        elif not _fits(hint, value):
            raise SettingsError(f"{file}: nilai salah {where} = {value!r} (harus {_what(hint)})")
    if base is None:
        missing = [key for key in hints if key not in table]
        if missing:
            where = f"[{section}] {missing[0]}" if section else f"[{missing[0]}]"
            raise SettingsError(f"{file}: kunci wajib tidak ada {where} (wajib: {', '.join(hints)})")


def _build(hint: Any, value: Any) -> Any:
    if is_dataclass(hint):
        return hint(**{key: _build(sub, value[key]) for key, sub in _hints(hint).items()})
    if typing.get_origin(hint) is Mapping:
        return Tabel({name: _build(typing.get_args(hint)[1], sub) for name, sub in value.items()})
    if typing.get_origin(hint) is tuple:
        return tuple(_build(typing.get_args(hint)[0], v) for v in value)
    return float(value) if hint is float else value


def _merge(base: dict, over: dict) -> dict:
    out = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT)) if path.is_absolute() and path.is_relative_to(ROOT) else str(path)


def _read(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except OSError as err:
        raise SettingsError(f"{_name(path)}: berkas pengaturan tidak dapat dibaca ({err.strerror})") from err
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{_name(path)}: bukan TOML yang sah ({err})") from err


def load_settings(defaults: Path = DEFAULT_CONFIG, override: Path | None = None) -> Settings:
    """The settings of ``defaults`` (every key required) with ``override`` (any of the keys) merged over it."""
    raw = _read(defaults)
    _check(Settings, raw, None, "", _name(defaults))
    kategori_from = _name(defaults)
    if override is not None:
        extra = _read(override)
        _check(Settings, extra, raw, "", _name(override))
        raw = _merge(raw, extra)
        kategori_from = _name(override) if "kategori" in extra else kategori_from
    out = _build(Settings, raw)
    _check_kategori(out.kategori, kategori_from)
    return out


def _check_kategori(kategori: Kategori, file: str) -> None:
    if kategori.aktif not in kategori.skema:
        known = ", ".join(kategori.skema)
        raise SettingsError(f"{file}: skema tidak ada [kategori] aktif = {kategori.aktif!r} (yang ada: {known})")
    for name, s in kategori.skema.items():
        if not len(s.batas) == len(s.label) == len(s.warna):
            raise SettingsError(f"{file}: [kategori.skema.{name}] batas, label dan warna harus sama panjang")


@cache
def settings() -> Settings:
    """The defaults from data/pengaturan.toml, overlaid by the file named in $SPM_CONFIG."""
    extra = os.environ.get("SPM_CONFIG")
    return load_settings(DEFAULT_CONFIG, Path(extra) if extra else None)


def boundary_geojson() -> Path | None:
    """The configured kab/kota boundary GeoJSON ($SPM_GEOJSON or [peta] geojson_kabkota), if it exists."""
    raw = os.environ.get("SPM_GEOJSON") or settings().peta.geojson_kabkota
    if not raw:
        return None
    p = Path(raw)
    if not p.is_absolute():
        p = DATA_DIR.parent / p
    return p if p.exists() else None
