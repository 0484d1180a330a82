"""The planner fixture: the base fixture warehouse plus the same quarter and month a year earlier (for the trend),
one flood event that hit kecamatan Aluh Aluh (Kab. Banjar) and SPM budgets for 2025 and 2026.

Imported through the real import path into a copy of the base fixture warehouse. Hand-computed values are in
the tests that use them (tests/test_rencana_golden.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# official kab/kota services, Q1 2025 year-to-date (a year before the base fixture's Q1 2026)
SPM_2025_03 = {
    "63.03": {"kes_ibu_hamil": (10000, 2800), "kes_balita": (40000, 8000), "pend_dikdas_7_15": (100000, 96500), "pu_air_minum": (600000, 420000)},
    "63.71": {"kes_ibu_hamil": (12000, 3000)},
}  # fmt: skip

# D/S in March 2025 (a year before the base fixture's March 2026)
DS_2025_03 = {"63.03.01.2001": (100, 90), "63.03.01.2002": (50, 45), "63.03.02.1001": (200, 150)}

BENCANA_CSV = (
    "kode_bencana,nama,jenis,tanggal_mulai,tanggal_selesai,status,keterangan\n"
    "RCN-2025-12,Banjir Uji Aluh Aluh Desember 2025,banjir,2025-12-15,2026-01-10,pemulihan,fixture perencanaan\n"
)
DAMPAK_CSV = "kode_bencana,kode_wilayah,kk_terdampak,jiwa_terdampak\nRCN-2025-12,63.03.01,120,400\n"

# (tahun, kab/kota, bidang): (pagu, realisasi) in rupiah
ANGGARAN = {
    (2025, "63.03", "pendidikan"): (50_000_000_000, 45_000_000_000),
    (2025, "63.03", "kesehatan"): (20_000_000_000, 14_000_000_000),
    (2025, "63.03", "pekerjaan_umum"): (30_000_000_000, 27_000_000_000),
    (2025, "63.71", "pendidikan"): (60_000_000_000, 57_000_000_000),
    (2025, "63.71", "kesehatan"): (25_000_000_000, 15_000_000_000),
    (2025, "63.71", "pekerjaan_umum"): (40_000_000_000, 38_000_000_000),
    (2025, "63.11", "pendidikan"): (10_000_000_000, 7_500_000_000),
    (2025, "63.11", "kesehatan"): (8_000_000_000, 7_800_000_000),
    (2025, "63.11", "pekerjaan_umum"): (12_000_000_000, 6_000_000_000),
    (2026, "63.03", "kesehatan"): (22_000_000_000, 5_000_000_000),
}


def spm_csv() -> str:
    lines = ["periode;kode_wilayah;kode_indikator;sasaran;terlayani"]
    for kode, inds in SPM_2025_03.items():
        lines += [f"2025-03;{kode};{ind};{s};{t}" for ind, (s, t) in inds.items()]
    return "\n".join(lines) + "\n"


def posyandu_csv() -> str:
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    lines += [f"2025-03,{kode},kes_skdn_d_per_s,{s},{d}" for kode, (s, d) in DS_2025_03.items()]
    return "\n".join(lines) + "\n"


def anggaran_csv() -> str:
    lines = ["tahun,kode_wilayah,kode_bidang,pagu,realisasi"]
    lines += [f"{y},{k},{b},{p},{r}" for (y, k, b), (p, r) in ANGGARAN.items()]
    return "\n".join(lines) + "\n"


def build_rencana_warehouse(base_db: Path, db: Path) -> Path:
    """Copy the base fixture warehouse to ``db`` and import the planner's extra files into it."""
    from dashboard.importer.core import import_files

    shutil.copyfile(base_db, db)
    folder = db.parent / "fixture_rencana_files"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, text in {
        "spm_2025.csv": spm_csv(),
        "posyandu_2025.csv": posyandu_csv(),
        "banjir.csv": BENCANA_CSV,
        "dampak.csv": DAMPAK_CSV,
        "anggaran.csv": anggaran_csv(),
    }.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    reports = import_files(files, db, user="fixture")
    bad = [m for r in reports for m in r.messages()]
    assert not bad, bad
    return db


@pytest.fixture(scope="session")
def rencana_db(fixture_db, tmp_path_factory) -> Path:
    """The planner fixture warehouse (read-only; built once per test session)."""
    return build_rencana_warehouse(fixture_db, tmp_path_factory.mktemp("rencana") / "spm.duckdb")
