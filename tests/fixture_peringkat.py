"""An extended fixture for rankings, trends and the field pages: the base fixture plus a previous quarter, a fourth
kab/kota with a small denominator, a month a year earlier, 2T and transformation rows and one flood event.

Imported through the real import path into a copy of the base fixture warehouse. Hand-computed values are in
the tests that use them (tests/test_peringkat_golden.py).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

# official kab/kota services, year-to-date: {periode: {kode: {indikator: (sasaran, terlayani)}}}
SPM_EXTRA = {
    "2025-09": {
        "63.03": {"pend_dikdas_7_15": (100000, 70000), "kes_ibu_hamil": (10000, 6000), "kes_balita": (40000, 20000), "pu_air_minum": (590000, 295000)},
        "63.71": {"pend_dikdas_7_15": (110000, 99000), "kes_ibu_hamil": (12000, 9000), "kes_balita": (50000, 35000), "pu_air_minum": (650000, 455000)},
        "63.11": {"pend_dikdas_7_15": (25000, 22500), "kes_ibu_hamil": (2500, 2000), "kes_balita": (10000, 8000), "pu_air_minum": (130000, 117000)},
        "63.72": {"kes_ibu_hamil": (80, 40)},
    },
    "2025-12": {"63.72": {"kes_ibu_hamil": (80, 72)}},
    "2026-03": {"63.72": {"kes_ibu_hamil": (80, 30)}},
}  # fmt: skip

# monthly desa rows: (periode, kode desa, indikator, sasaran, terlayani)
POSYANDU_EXTRA = [
    # D/S a year before March 2026 (year-on-year)
    ("2025-03", "63.03.01.2001", "kes_skdn_d_per_s", 100, 75),
    ("2025-03", "63.71.01.1001", "kes_skdn_d_per_s", 120, 100),
    ("2025-03", "63.11.01.2001", "kes_skdn_d_per_s", 30, 15),
    # 2T: sasaran = D (weighed), terlayani = children with no gain twice (lower is better)
    ("2026-01", "63.03.01.2001", "kes_skdn_2t", 60, 6),
    ("2026-02", "63.03.01.2001", "kes_skdn_2t", 70, 7),
    ("2026-03", "63.03.01.2001", "kes_skdn_2t", 85, 4),
    ("2026-01", "63.71.01.1001", "kes_skdn_2t", 113, 3),
    ("2026-02", "63.71.01.1001", "kes_skdn_2t", 114, 2),
    ("2026-03", "63.71.01.1001", "kes_skdn_2t", 115, 1),
    # Posyandu transformation (never in an SPM index)
    ("2026-03", "63.03.01.2001", "tp_posyandu_lkd", 2, 2),
    ("2026-03", "63.03.01.2002", "tp_posyandu_lkd", 1, 0),
    ("2026-03", "63.71.01.1001", "tp_posyandu_lkd", 3, 3),
    ("2026-03", "63.11.01.2001", "tp_posyandu_lkd", 1, 1),
    ("2026-03", "63.03.01.2001", "tp_kader_terlatih", 10, 6),
    ("2026-03", "63.71.01.1001", "tp_kader_terlatih", 15, 12),
    ("2026-03", "63.11.01.2001", "tp_kader_terlatih", 5, 1),
]

BENCANA_CSV = (
    "kode_bencana,nama,jenis,tanggal_mulai,tanggal_selesai,status,keterangan\n"
    "BJR-2025-12,Banjir Kabupaten Banjar Desember 2025,banjir,2025-12-29,2026-01-27,pemulihan,fixture\n"
)


def spm_extra_csv() -> str:
    lines = ["periode;kode_wilayah;kode_indikator;sasaran;terlayani"]
    for periode, by_kab in SPM_EXTRA.items():
        for kode, inds in by_kab.items():
            for ind, (s, t) in inds.items():
                lines.append(f"{periode};{kode};{ind};{s};{t}")
    return "\n".join(lines) + "\n"


def posyandu_extra_csv() -> str:
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    lines += [f"{p},{k},{i},{s},{t}" for p, k, i, s, t in POSYANDU_EXTRA]
    return "\n".join(lines) + "\n"


def build_peringkat_warehouse(base_db: Path, db: Path) -> Path:
    """Copy the base fixture warehouse to ``db`` and import the extra files into it."""
    from dashboard.importer.core import import_files

    shutil.copyfile(base_db, db)
    folder = db.parent / "fixture_peringkat_files"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, text in {
        "spm_tambahan.csv": spm_extra_csv(),
        "posyandu_tambahan.csv": posyandu_extra_csv(),
        "banjir.csv": BENCANA_CSV,
    }.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        files.append(path)
    reports = import_files(files, db, user="fixture")
    bad = [m for r in reports for m in r.messages()]
    assert not bad, bad
    return db


@pytest.fixture(scope="session")
def peringkat_db(fixture_db, tmp_path_factory) -> Path:
    """The extended fixture warehouse (read-only for tests)."""
    return build_peringkat_warehouse(fixture_db, tmp_path_factory.mktemp("peringkat") / "spm.duckdb")


@pytest.fixture
def peringkat_env(peringkat_db, monkeypatch):
    """Environment for AppTest on the extended fixture."""
    monkeypatch.setenv("SPM_DB", str(peringkat_db))
    from dashboard.config import settings

    settings.cache_clear()
    yield peringkat_db
    settings.cache_clear()
