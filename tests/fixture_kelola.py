"""Extra fixture for data management and data quality: the fixture data of tests/fixture_data.py, imported in
several deliveries with known delivery times, plus SKDN N/D rows and a sasaran jump.

Imports (id: file, delivery time set afterwards):
  1 posyandu.csv (fixture)                               2026-04-05 08:00
  2 spm_q4.csv: the three kab/kota, 2025-12              2026-01-15 10:00 (63.71's rows then marked as sample: id 0)
  3 spm_q1_a.csv: 63.03 and 63.71, 2026-03               2026-04-20 16:00 (the deadline day: on time)
  4 spm_q1_b.csv: 63.11, 2026-03                         2026-05-02 09:00 (12 days late)
  5 persen.csv (fixture: Balangan drinking water 2026-03) 2026-04-10 09:00
  6 kelola.csv: N/D for two desa, household latrines     2026-04-06 08:00

Hand-computed expectations are in tests/test_kualitas.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixture_data import MONTHS, PERSEN_FILE, SPM, posyandu_csv

# kes_skdn_n_per_d for Bakambat (D of D/S = 80, 82, 84, 60, 70, 85): (sasaran = D, terlayani = N)
ND_BAKAMBAT = [(80, 70), (82, 75), (84, 80), (60, 50), (72, 65), (85, 90)]  # Feb: D 72 != 70; Mar: N 90 > D 85
ND_MUARA_NINIAN_MAR = (35, 30)  # D 35 > S 30 (fixture D/S row 35/30)
# pu_kk_jamban_sehat: (sasaran, terlayani) per month
JAMBAN = {
    "63.71.01.1001": [(500, 400), (500, 400), (500, 400), (900, 400), (500, 400), (500, 400)],  # jumps Jan and Feb
    "63.03.01.2002": [(10, 5), (10, 5), (10, 5), (16, 5), (16, 5), (16, 5)],  # +60 % but only 6: no jump
}
TIMES = {
    1: "2026-04-05 08:00:00",
    2: "2026-01-15 10:00:00",
    3: "2026-04-20 16:00:00",
    4: "2026-05-02 09:00:00",
    5: "2026-04-10 09:00:00",
    6: "2026-04-06 08:00:00",
}
TODAY = "2026-11-23"


def _spm(periode: str, kabs: tuple[str, ...]) -> str:
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    for kode in kabs:
        for ind, (s, t) in SPM[periode][kode].items():
            lines.append(f"{periode},{kode},{ind},{s},{t}")
    return "\n".join(lines) + "\n"


def kelola_csv() -> str:
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    for month, (d, n) in zip(MONTHS, ND_BAKAMBAT, strict=True):
        lines.append(f"{month},63.03.01.2001,kes_skdn_n_per_d,{d},{n}")
    lines.append("2026-03,63.11.01.2001,kes_skdn_n_per_d,{},{}".format(*ND_MUARA_NINIAN_MAR))
    for kode, values in JAMBAN.items():
        for month, (s, t) in zip(MONTHS, values, strict=True):
            lines.append(f"{month},{kode},pu_kk_jamban_sehat,{s},{t}")
    return "\n".join(lines) + "\n"


def kelola_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "posyandu.csv": posyandu_csv(),
        "spm_q4.csv": _spm("2025-12", ("63.03", "63.71", "63.11")),
        "spm_q1_a.csv": _spm("2026-03", ("63.03", "63.71")),
        "spm_q1_b.csv": _spm("2026-03", ("63.11",)),
        "persen.csv": PERSEN_FILE,
        "kelola.csv": kelola_csv(),
    }
    out = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def build_kelola_warehouse(db: Path) -> Path:
    from dashboard.importer.core import import_files
    from dashboard.warehouse import writer

    reports = import_files(kelola_files(db.parent / "kelola_files"), db, user="fixture")
    bad = [m for r in reports for m in r.messages()]
    assert not bad, bad
    with writer(db, keep_backup=False) as con:  # test set-up only: fix the delivery times, mark sample rows
        for id_impor, waktu in TIMES.items():
            con.execute("update impor set waktu = $w::timestamp where id_impor = $id", {"w": waktu, "id": id_impor})
        con.execute(
            "update fakta_capaian set id_impor = 0 where kode_wilayah = '63.71' and periode = date '2025-12-01'"
        )
    return db


@pytest.fixture(scope="session")
def kelola_db(tmp_path_factory) -> Path:
    """The data-management fixture warehouse (read-only: copy it before writing)."""
    return build_kelola_warehouse(tmp_path_factory.mktemp("kelola") / "spm.duckdb")
