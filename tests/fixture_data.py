"""The fixed fixture warehouse: three kab/kota, five desa, six months; small enough to compute by hand.

Built through the real import path (CSV files -> `python -m dashboard import` code), so the fixture also
exercises the importer. Hand-computed expectations live in the tests next to what they check.
"""

from __future__ import annotations

from pathlib import Path

MONTHS = ["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]

# desa: (S, D per month); None = report missing that month
DS = {
    "63.03.01.2001": (100, [80, 82, 84, 60, 70, 85]),  # Bakambat, Aluh Aluh, Banjar
    "63.03.01.2002": (50, [40, 40, 45, 20, 30, 42]),  # Tanipah, Aluh Aluh, Banjar
    "63.03.02.1001": (200, [150, 150, 160, 100, None, 170]),  # Kertak Hanyar I, Banjar (Feb missing)
    "63.71.01.1001": (120, [110, 111, 112, 113, 114, 115]),  # Mantuil, Banjarmasin
    "63.11.01.2001": (30, [20, 21, 22, 23, 24, 35]),  # Muara Ninian, Balangan (Mar: 35 > 30)
}
AIR = {  # pu_kk_air_layak: (KK, KK with improved water), constant over the months
    "63.03.01.2001": (300, 240),
    "63.03.01.2002": (150, 90),
    "63.03.02.1001": (400, 380),
    "63.71.01.1001": (500, 495),
    "63.11.01.2001": (80, 40),
}
# kab/kota official services, year-to-date: {periode: {kode: {indikator: (sasaran, terlayani)}}}
SPM = {
    "2025-12": {
        "63.03": {"kes_ibu_hamil": (10000, 9000), "kes_balita": (40000, 30000), "pend_dikdas_7_15": (100000, 95000), "pu_air_minum": (590000, 413000)},
        "63.71": {"kes_ibu_hamil": (12000, 12000), "kes_balita": (50000, 47500), "pend_dikdas_7_15": (110000, 110000), "pu_air_minum": (650000, 617500)},
        "63.11": {"kes_ibu_hamil": (2500, 1500), "kes_balita": (10000, 5000), "pend_dikdas_7_15": (25000, 20000), "pu_air_minum": (130000, 65000)},
    },
    "2026-03": {
        "63.03": {"kes_ibu_hamil": (10000, 2600), "kes_balita": (40000, 9000), "pend_dikdas_7_15": (100000, 96000), "pu_air_minum": (600000, 432000)},
        "63.71": {"kes_ibu_hamil": (12000, 3300), "kes_balita": (50000, 12500), "pend_dikdas_7_15": (110000, 110000), "pu_air_minum": (660000, 633600)},
        "63.11": {"kes_ibu_hamil": (2500, 500), "kes_balita": (10000, 2000), "pend_dikdas_7_15": (25000, 21000)},
    },
}  # fmt: skip
# Balangan's 2026-03 drinking water arrives as a percentage only, by name, in a second file
PERSEN_FILE = (
    "nama_wilayah;kode_indikator;periode;sasaran;capaian_persen\nKab. Balangan;pu_air_minum;2026-03;130.000;55,5\n"
)


def posyandu_csv() -> str:
    lines = ["periode,kode_wilayah,kode_indikator,sasaran,terlayani"]
    for kode, (s, ds) in DS.items():
        for month, d in zip(MONTHS, ds, strict=True):
            if d is None:
                continue
            lines.append(f"{month},{kode},kes_skdn_d_per_s,{s},{d}")
            kk, air = AIR[kode]
            lines.append(f"{month},{kode},pu_kk_air_layak,{kk},{air}")
    return "\n".join(lines) + "\n"


def spm_csv() -> str:
    lines = ["Laporan capaian SPM kab/kota (fixture)", "", "periode;kode_wilayah;kode_indikator;sasaran;terlayani"]
    for periode, by_kab in SPM.items():
        for kode, inds in by_kab.items():
            for ind, (s, t) in inds.items():
                lines.append(f"{periode};{kode};{ind};{s:,};{t:,}".replace(",", "."))
    return "\n".join(lines) + "\n"


def write_fixture_files(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {"posyandu.csv": posyandu_csv(), "spm.csv": spm_csv(), "persen.csv": PERSEN_FILE}
    out = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def build_fixture_warehouse(db: Path) -> Path:
    from dashboard.importer.core import import_files

    files = write_fixture_files(db.parent / "fixture_files")
    reports = import_files(files, db, user="fixture")
    bad = [m for r in reports for m in r.messages()]
    assert not bad, bad
    return db
