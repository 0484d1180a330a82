"""A small, hand-computable flood fixture on top of the base fixture warehouse.

Event TST-2025-12 (onset 20 Dec 2025, onset month = bulan_ke 0) hits Kab. Tapin and Kab. Hulu Sungai Selatan:

* Tapin: kecamatan Binuang (63.05.01) reported as a whole -> its desa Tungkap (A1) and A. Yani Pura (A2) are affected;
  in Tapin Selatan (63.05.02) only desa Tatakan (A3) is reported, so Suato Tatakan (U1) and Sawang (U2) stay
  unaffected and form Tapin's comparison group. A Tapin kab/kota total row is reported too (it wins for the totals
  but does not widen the affected desa, because finer rows exist below it).
* Hulu Sungai Selatan: reported only as a kab/kota -> every desa of it is affected, Hamalau (H1) reports data; the
  kab/kota has no unaffected desa, so its comparison group is every unaffected reporting desa of the province:
  U1, U2 and Hapalah (P1, Tabalong).

Event TST-2026-02 (Balangan, onset Feb 2026, emergency) reuses the base fixture's Balangan desa (no dip).

Monthly coverage runs Sep 2025 - Jun 2026 (baseline = Sep, Oct, Nov with the default 3 months).
Expected figures are computed by hand in tests/test_banjir_golden.py.
"""

from __future__ import annotations

import shutil
from pathlib import Path

BULAN = ["2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"]

A1, A2, A3 = "63.05.01.2003", "63.05.01.2006", "63.05.02.2001"
U1, U2 = "63.05.02.2002", "63.05.02.2005"
H1, P1 = "63.06.01.2001", "63.09.01.2001"
BINUANG, TAPIN_SELATAN, TAPIN, HSS, PROV = "63.05.01", "63.05.02", "63.05", "63.06", "63"

# kes_posyandu_buka: sasaran 10 Posyandu per desa, terlayani per month (Sep 2025 ... Jun 2026)
POSYANDU_BUKA = {
    A1: [9, 9, 9, 6, 4, 6, 7, 8, 9, 9],
    A2: [8, 8, 8, 5, 2, 3, 4, 5, 6, 7],
    A3: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
    U1: [9, 9, 9, 9, 8, 9, 9, 9, 9, 9],
    U2: [10, 10, 10, 10, 9, 10, 10, 10, 10, 10],
    H1: [9, 9, 9, 5, 5, 5, 5, 5, 5, 5],
    P1: [10, 10, 10, 10, 10, 10, 10, 10, 10, 10],
}
# kes_skdn_2t (lower is better): D = 20 weighed under-fives, 2T count per month
SKDN_2T = {
    A1: [2, 2, 2, 4, 6, 4, 3, 2, 2, 2],
    A2: [2, 2, 2, 6, 8, 7, 6, 5, 4, 3],
}
# sos_kk_banjir_bantuan (post-flood service, no baseline): (sasaran, terlayani) from Jan 2026
BANTUAN_A1 = {"2026-01": (50, 20), "2026-02": (50, 30), "2026-03": (50, 45)}

KEJADIAN_CSV = """kode_bencana,nama,jenis,tanggal_mulai,tanggal_selesai,status,keterangan
TST-2025-12,Banjir Uji Tapin dan HSS Desember 2025,banjir,2025-12-20,10/01/2026,Transisi Darurat ke Pemulihan,fixture uji
tst-2026-02,Banjir Uji Balangan Februari 2026,,2026-02-03,,tanggap darurat,
"""

# kk, jiwa, mengungsi, terendam, rb, rs, rr, sekolah, posyandu, faskes, air, sanitasi
DAMPAK = {
    TAPIN: ("300", "1.000", "150", "250", "10", "20", "50", "4", "2", "1", "6", "8"),
    BINUANG: ("200", "700", "100", "150", "6", "10", "30", "3", "1", "1", "4", "5"),
    A3: ("60", "200", "0", "40", "2", "5", "10", "1", "1", "0", "1", "2"),
    HSS: ("150", "500", "80", "120", "4", "6", "20", "2", "1", "", "3", "3"),
}
DAMPAK_KOLOM = (
    "kode_bencana;kode_wilayah;kk_terdampak;jiwa_terdampak;jiwa_mengungsi;rumah_terendam;rumah_rusak_berat;"
    "rumah_rusak_sedang;rumah_rusak_ringan;sekolah_terdampak;posyandu_terdampak;faskes_terdampak;sarana_air_rusak;"
    "sarana_sanitasi_rusak"
)

# cumulative progress: rb, rs, rr diperbaiki, sekolah, air, sanitasi pulih, kk bantuan
PEMULIHAN = [
    (BINUANG, "2026-01-31", (0, 2, 10, 1, 1, 1, 100)),
    (BINUANG, "2026-03-31", (2, 6, 25, 3, 3, 4, 180)),
    (A3, "28/02/2026", (1, 3, 10, 1, 1, 2, 60)),
    (HSS, "2026-01-31", (0, 1, 5, 0, 1, 0, 50)),
    (HSS, "2026-03-31", (1, 3, 12, 1, 2, 2, 120)),
]
PEMULIHAN_KOLOM = (
    "kode_bencana,kode_wilayah,tanggal,rumah_rusak_berat_diperbaiki,rumah_rusak_sedang_diperbaiki,"
    "rumah_rusak_ringan_diperbaiki,sekolah_pulih,sarana_air_pulih,sarana_sanitasi_pulih,kk_menerima_bantuan"
)


def kejadian_csv() -> str:
    return KEJADIAN_CSV


def dampak_csv() -> str:
    lines = [DAMPAK_KOLOM]
    lines += [";".join(["TST-2025-12", kode, *vals]) for kode, vals in DAMPAK.items()]
    lines.append("tst-2026-02;6311;4.289;13.825;;;;;;;;;;")
    return "\n".join(lines) + "\n"


def pemulihan_csv() -> str:
    lines = [PEMULIHAN_KOLOM]
    lines += [",".join(["TST-2025-12", kode, tgl, *map(str, vals)]) for kode, tgl, vals in PEMULIHAN]
    return "\n".join(lines) + "\n"


def capaian_csv() -> str:
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    for kode, values in POSYANDU_BUKA.items():
        lines += [f"{b},{kode},kes_posyandu_buka,10,{v}" for b, v in zip(BULAN, values, strict=True)]
    for kode, values in SKDN_2T.items():
        lines += [f"{b},{kode},kes_skdn_2t,20,{v}" for b, v in zip(BULAN, values, strict=True)]
    lines += [f"{b},{A1},sos_kk_banjir_bantuan,{s},{t}" for b, (s, t) in BANTUAN_A1.items()]
    lines.append(f"2026-03,{TAPIN},sos_korban_bencana,1000,600")
    return "\n".join(lines) + "\n"


def write_flood_files(folder: Path) -> list[Path]:
    """The four CSV files, in import order (events before impacts and progress)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "kejadian.csv": kejadian_csv(),
        "dampak.csv": dampak_csv(),
        "pemulihan.csv": pemulihan_csv(),
        "capaian_banjir.csv": capaian_csv(),
    }
    out = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def build_flood_warehouse(base_db: Path, db: Path) -> Path:
    """Copy the base fixture warehouse to ``db`` and import the flood files into it (asserting they are accepted)."""
    from dashboard.importer.core import import_files

    shutil.copyfile(base_db, db)
    files = write_flood_files(db.parent / "fixture_banjir_files")
    reports = import_files(files, db, user="fixture")
    bad = [m for r in reports for m in r.messages()]
    assert not bad, bad
    assert all(r.loaded for r in reports), [r.summary() for r in reports]
    return db


# --- pytest fixtures (import them into a test module: `from tests.fixture_banjir import flood_db, flood_run`) ---------

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def flood_db(fixture_db, tmp_path_factory) -> Path:
    """The base fixture warehouse plus the flood files above (read-only: copy it before writing)."""
    return build_flood_warehouse(fixture_db, tmp_path_factory.mktemp("banjir") / "spm.duckdb")


@pytest.fixture(scope="session")
def flood_run(flood_db):
    """A `run(name, **params)` like dashboard.store.run, on a read-only connection to the flood warehouse."""
    from dashboard.warehouse import connect_readonly, query_df

    con = connect_readonly(flood_db)

    def run(name: str, **params):
        return query_df(con, name, params)

    yield run
    con.close()
