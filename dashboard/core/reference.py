"""Reference data: administrative units of Kalimantan Selatan, SPM fields and the indicator catalog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pandas as pd

from dashboard import REFERENSI_DIR
from dashboard.core import warehouse
from dashboard.core.warehouse import execute, refresh_catalog

PROVINSI_KODE = "63"
PROVINSI_NAMA = "Kalimantan Selatan"
# indikator.periode_laporan (the schema checks it): monthly Posyandu, quarterly year-to-date official services, annual
# values (e.g. a survey rate reported once a year, stored on December)
PERIODE_LAPORAN = ("bulanan", "triwulanan_kumulatif", "tahunan")

WILAYAH_COLUMNS = [
    "kode", "nama", "nama_lengkap", "tingkat", "jenis", "kode_induk", "kode_provinsi", "kode_kabkota",
    "kode_kecamatan", "ibukota", "latitude", "longitude", "luas_km2", "penduduk", "singkatan", "tile_baris",
    "tile_kolom",
]  # fmt: skip


def _csv(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENSI_DIR / name, dtype=str, keep_default_na=False)


def kalsel_wilayah() -> pd.DataFrame:
    """All 2,186 units of the province (1 provinsi, 13 kab/kota, 156 kecamatan, 2,016 desa/kelurahan)."""
    kab = _csv("kalsel_wilayah_kabkota.csv")
    pend = _csv("kalsel_penduduk_kabkota.csv")[["kode", "penduduk_total"]]
    tile = _csv("tile_kabkota.csv")
    kab = kab.merge(pend, on="kode", how="left").merge(tile, on="kode", how="left")
    kec = _csv("kalsel_wilayah_kecamatan.csv")
    desa = _csv("kalsel_wilayah_desa.csv")
    rows = [
        pd.DataFrame(
            {
                "kode": [PROVINSI_KODE],
                "nama": [PROVINSI_NAMA],
                "nama_lengkap": ["Provinsi " + PROVINSI_NAMA],
                "tingkat": ["provinsi"],
                "jenis": ["provinsi"],
                "kode_provinsi": [PROVINSI_KODE],
                "ibukota": ["Banjarbaru"],
                "luas_km2": [pd.to_numeric(kab["area_km2"]).sum()],
                "penduduk": [pd.to_numeric(kab["penduduk_total"]).sum()],
            }
        ),
        pd.DataFrame(
            {
                "kode": kab["kode"],
                "nama": kab["nama"],
                "nama_lengkap": kab["nama_lengkap"],
                "tingkat": "kabkota",
                "jenis": kab["jenis"],
                "kode_induk": PROVINSI_KODE,
                "kode_provinsi": PROVINSI_KODE,
                "kode_kabkota": kab["kode"],
                "ibukota": kab["ibukota"],
                "latitude": pd.to_numeric(kab["latitude"]),
                "longitude": pd.to_numeric(kab["longitude"]),
                "luas_km2": pd.to_numeric(kab["area_km2"]),
                "penduduk": pd.to_numeric(kab["penduduk_total"]),
                "singkatan": kab["singkatan"],
                "tile_baris": pd.to_numeric(kab["tile_baris"]),
                "tile_kolom": pd.to_numeric(kab["tile_kolom"]),
            }
        ),
        pd.DataFrame(
            {
                "kode": kec["kode"],
                "nama": kec["nama"],
                "nama_lengkap": "Kecamatan " + kec["nama"],
                "tingkat": "kecamatan",
                "jenis": "kecamatan",
                "kode_induk": kec["kode_kabkota"],
                "kode_provinsi": PROVINSI_KODE,
                "kode_kabkota": kec["kode_kabkota"],
                "kode_kecamatan": kec["kode"],
            }
        ),
        pd.DataFrame(
            {
                "kode": desa["kode"],
                "nama": desa["nama"],
                "nama_lengkap": desa["jenis"].str.capitalize() + " " + desa["nama"],
                "tingkat": "desa",
                "jenis": desa["jenis"],
                "kode_induk": desa["kode_kecamatan"],
                "kode_provinsi": PROVINSI_KODE,
                "kode_kabkota": desa["kode_kabkota"],
                "kode_kecamatan": desa["kode_kecamatan"],
            }
        ),
    ]
    return normalise_wilayah(pd.concat(rows, ignore_index=True))


def normalise_wilayah(df: pd.DataFrame) -> pd.DataFrame:
    """Column order and types of the `wilayah` table."""
    out = df.reindex(columns=WILAYAH_COLUMNS)
    for col in ("latitude", "longitude", "luas_km2"):
        out[col] = pd.to_numeric(out[col]).astype("float64")
    for col in ("penduduk", "tile_baris", "tile_kolom"):
        out[col] = pd.to_numeric(out[col]).astype("Int64")
    return out


def load_catalog(con: duckdb.DuckDBPyConnection) -> None:
    """The fields and the indicator catalog (names, numerator/denominator, level, source, technical-standard regulation
    ``regulasi_teknis`` and whether that citation is verified, ``regulasi_terverifikasi``)."""
    refresh_catalog(con)


def load_wilayah(con: duckdb.DuckDBPyConnection, wilayah: pd.DataFrame) -> None:
    con.register("wilayah_baru", wilayah)
    try:
        execute(con, "load_wilayah")
    finally:
        con.unregister("wilayah_baru")


def load_kalsel(con: duckdb.DuckDBPyConnection) -> None:
    """Load the real reference data of Kalimantan Selatan into an (empty or existing) warehouse."""
    load_catalog(con)
    load_wilayah(con, kalsel_wilayah())


def init_warehouse(path: Path) -> bool:
    """Create a warehouse at ``path`` with the reference data and the catalog only (no facts, no sample), atomically.

    Returns False, creating nothing, when a file is already there (also one another process created meanwhile).
    """
    path = Path(path)
    made = []

    def build() -> None:
        with warehouse.writer(path, fresh=True, keep_backup=False) as con:
            load_kalsel(con)
            for kunci, nilai in (
                ("dibangun", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
                ("versi_skema", warehouse.SCHEMA_VERSION),
            ):
                execute(con, "set_meta", {"kunci": kunci, "nilai": nilai})
        made.append(path)

    if path.exists():
        return False
    warehouse.build_once(path, build)
    return bool(made)
