"""Deterministic synthetic sample warehouse (``build_sample``).

The sample fills every table of the warehouse from scratch with believable, reproducible data:

* ``fakta_capaian`` monthly rows for every desa/kelurahan and every ``posyandu_desa`` indicator of the catalog,
  quarterly year-to-date rows for every ``kab_kota`` indicator (13 kab/kota) and ``provinsi`` indicator ('63');
* the two real floods of data/referensi/banjir_kalsel.csv (January 2021 across 11 kab/kota; Kabupaten Banjar,
  December 2025 - January 2026): ``bencana``, ``dampak_bencana`` (real kab/kota figures, synthetic split over the
  affected kecamatan and desa that sums to them), ``pemulihan`` (monthly cumulative recovery) and their effect on
  coverage (flood-sensitive indicators drop and recover; post-flood indicators exist only where it flooded);
* ``anggaran`` (pagu and realisasi per year, kab/kota and SPM field), ``biaya_satuan`` (SYNTHETIC unit costs per
  person served for each kab/kota service and year, province-wide plus a few kab/kota overrides; their ``sumber``
  says they are synthetic, never a real price), ``impor`` (id 0) and ``meta``.

Everything comes from ``numpy.random.default_rng``: the same seed (and the same arguments) gives identical data.
Random streams are keyed by (seed, kab/kota code, purpose), so a build restricted to some kab/kota
(``kabkota=``) holds exactly the rows of the full build for them; ``start``/``end`` only cut the months kept.
The flood geography (which kecamatan and desa flooded) uses a fixed key of its own, so it is the same for
every seed; only the split of the impact over them follows the seed's population figures.

Scales:

* ``"provinsi"`` (default): Kalimantan Selatan's real units, months 2020-01 .. 2026-10 (about 2.6 million fact
  rows). Generating and loading them takes about 2 s on two cores; rebuilding the marts (``warehouse.writer``)
  takes most of the build time.
* ``"nasional"`` (benchmarks only): 38 provinces (real two-digit province codes; '63' is the real Kalsel with its
  real units, the 37 others are synthetic units named "Kab. Sintetis 12.05" and so on, about 514 kab/kota,
  7,000 kecamatan and 83,000 desa), generated and inserted one province at a time. To keep the file reasonable
  the national monthly range is shortened to **2023-01 .. 2026-10** (quarters 2023-03 .. 2026-09, budgets
  2023-2026). Floods exist only in Kalsel (the 2021 flood lies before the range: its register and impact rows are
  still written, its recovery rows and coverage effects fall outside the months kept). DuckDB is capped at
  ``BATAS_MEMORI_NASIONAL`` on that build (it spills to disk above it). It takes minutes; without a ``progress``
  callback it prints progress to stderr.

Numbers that are synthetic are synthetic: only the flood figures in banjir_kalsel.csv and the administrative
units and populations in data/referensi are real.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa

from dashboard import REFERENSI_DIR
from dashboard.core import reference, warehouse
from dashboard.core.warehouse import execute

ID_IMPOR = 0
SKALA = ("provinsi", "nasional")
BATAS_MEMORI_NASIONAL = "2GB"  # DuckDB's share of the national build (generation adds a few hundred MB per province)
RENTANG = {"provinsi": ("2020-01", "2026-10"), "nasional": ("2023-01", "2026-10")}
TAHUN_DASAR = 2020  # trends are measured in years since January of this year
TAHUN_PENDUDUK = 2025  # the reference population figures are for this year
BANJIR_SEED = 63_2021_2025  # fixed key of the flood geography (independent of the build seed)
BIDANG_SPM = ("pendidikan", "kesehatan", "pekerjaan_umum", "perumahan_rakyat", "trantibumlinmas", "sosial")
BIDANG_SEMUA = (*BIDANG_SPM, "transformasi_posyandu")
# the 38 province codes (Kemendagri); at national scale all but '63' get synthetic units
PROVINSI_NASIONAL = (11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53)
PROVINSI_NASIONAL += (61, 62, 63, 64, 65, 71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96)

Progress = Callable[[float, str], None]

# --- the shape of Kalimantan Selatan (synthetic parameters; see the module docstring) -----------------------

# overall service quality of each kab/kota, on the logit scale: the two kota higher, remote kabupaten lower
KUALITAS_KALSEL = {
    "63.01": 0.00,
    "63.02": -0.45,
    "63.03": 0.10,
    "63.04": -0.15,
    "63.05": 0.15,
    "63.06": 0.10,
    "63.07": 0.05,
    "63.08": -0.05,
    "63.09": 0.15,
    "63.10": -0.35,
    "63.11": -0.35,
    "63.71": 0.55,
    "63.72": 0.60,
}
# share of households living in flood-prone areas
RAWAN_BANJIR_KALSEL = {
    "63.01": 0.30,
    "63.02": 0.20,
    "63.03": 0.55,
    "63.04": 0.70,
    "63.05": 0.40,
    "63.06": 0.45,
    "63.07": 0.50,
    "63.08": 0.75,
    "63.09": 0.30,
    "63.10": 0.25,
    "63.11": 0.40,
    "63.71": 0.60,
    "63.72": 0.25,
}

# Ramadan (month holding most of it) and Idul Fitri holidays, by year: Posyandu attendance dips
BULAN_RAMADAN = {2020: 5, 2021: 4, 2022: 4, 2023: 4, 2024: 3, 2025: 3, 2026: 3, 2027: 2}
BULAN_LEBARAN = {2020: 5, 2021: 5, 2022: 5, 2023: 4, 2024: 4, 2025: 4, 2026: 3, 2027: 3}
MUSIM_HUJAN = (12, 1, 2)
BULAN_VITAMIN_A = (2, 8)  # February and August: vitamin A and weighing campaigns lift D/S
# Posyandu activities were suspended in many places in 2020 (COVID-19): factor on D/S and hari buka
COVID_2020 = {"2020-04": 0.45, "2020-05": 0.40, "2020-06": 0.55, "2020-07": 0.70, "2020-08": 0.82, "2020-09": 0.92}
PERMENDAGRI_13_2024 = "2024-09"  # transformation indicators start to rise after the regulation (23 Aug 2024)


# Posyandu/desa indicators: sasaran kind, base rate in 2020 for an average district, trend (logit per year),
# sensitivity to district quality, desa spread, monthly noise (logit), season, ramp after Permendagri 13/2024
# (logit amplitude), drop factor in floods (used only when the catalog marks the indicator flood_sensitive)
@dataclass(frozen=True)
class SpekDesa:
    sasaran: str
    dasar: float
    tren: float
    peka_kualitas: float
    sd_desa: float
    sd_bulan: float
    musim: str | None = None
    ramp: float = 0.0
    peka_banjir: float = 0.8


SPEK_DESA = {
    "pend_ats_kembali_sekolah": SpekDesa("ats", 0.42, 0.12, 0.8, 0.45, 0.30, None, 0, 0.8),
    "kes_skdn_d_per_s": SpekDesa("balita", 0.76, 0.07, 0.8, 0.40, 0.12, "ds", 0, 1.0),
    "kes_skdn_n_per_d": SpekDesa("d", 0.72, 0.05, 0.5, 0.30, 0.12, "nd", 0, 0.6),
    "kes_skdn_2t": SpekDesa("d", 0.045, -0.04, -0.4, 0.30, 0.15, "2t", 0, 0.8),
    "kes_posyandu_buka": SpekDesa("posyandu", 0.93, 0.05, 0.8, 0.50, 0.35, "buka", 0, 1.0),
    "pu_kk_air_layak": SpekDesa("kk", 0.80, 0.09, 0.9, 0.55, 0.04, None, 0, 0.7),
    "pu_kk_jamban_sehat": SpekDesa("kk", 0.70, 0.11, 0.9, 0.55, 0.04, None, 0, 0.6),
    "pu_kk_sampah_terkelola": SpekDesa("kk", 0.40, 0.13, 1.1, 0.55, 0.06, None, 0, 0.8),
    "pr_rtlh_tertangani": SpekDesa("rtlh", 0.22, 0.22, 0.8, 0.45, 0.04, None, 0, 0.5),
    "tr_linmas_terlatih": SpekDesa("linmas", 0.38, 0.20, 0.8, 0.45, 0.05, None, 0, 0.0),
    "tr_kk_peringatan_dini": SpekDesa("kk_rawan", 0.55, 0.12, 0.8, 0.45, 0.15, "hujan", 0, 0.7),
    "sos_rentan_terdata_dirujuk": SpekDesa("rentan", 0.62, 0.08, 0.7, 0.45, 0.20, None, 0, 0.0),
    "tp_posyandu_lkd": SpekDesa("posyandu", 0.18, 0.03, 0.8, 0.55, 0.03, None, 3.2, 0.0),
    "tp_posyandu_6bidang": SpekDesa("posyandu", 0.04, 0.02, 0.8, 0.45, 0.20, None, 3.4, 1.0),
    "tp_kader_terlatih": SpekDesa("kader", 0.06, 0.03, 0.8, 0.45, 0.05, None, 3.3, 0.0),
    "tp_posyandu_kader_cukup": SpekDesa("posyandu", 0.74, 0.06, 0.8, 0.55, 0.08, None, 0, 0.7),
}
SPEK_DESA_BAWAAN = SpekDesa("kk", 0.60, 0.08, 0.8, 0.45, 0.10)
# the three post-flood indicators: rows only for flooded desa, from the onset month on
PASCA_BANJIR = ("pu_sarana_air_pulih", "pr_rumah_banjir_pulih", "sos_kk_banjir_bantuan")
SKDN = ("kes_skdn_d_per_s", "kes_skdn_n_per_d", "kes_skdn_2t")

# sasaran kinds of the desa rows: (growth per year, noise sd, noise drawn per 'bulan' or per 'tahun')
SASARAN_DESA = {
    "balita": (0.004, 0.02, "bulan"),
    "kk": (0.015, 0.01, "tahun"),
    "kk_rawan": (0.015, 0.02, "tahun"),
    "kader": (0.03, 0.05, "tahun"),
    "ats": (-0.03, 0.10, "bulan"),
    "rtlh": (0.0, 0.03, "tahun"),
    "linmas": (0.01, 0.04, "tahun"),
    "rentan": (0.02, 0.05, "bulan"),
}


# Kab/kota and provinsi indicators: sasaran per capita ('rawan' = people in flood-prone areas), annual coverage in
# 2020 for an average district, trend (logit per year), sensitivity to district quality, and the profile of the
# year-to-date cumulative ('stok' enrolment-like, 'alir' spread over the year, 'jiwa' disaster victims served
# early, 'rumah' disaster housing served late)
@dataclass(frozen=True)
class SpekKab:
    per_kapita: float | str
    dasar: float
    tren: float
    peka_kualitas: float
    profil: str


SPEK_KAB = {
    "pend_paud_5_6": SpekKab(0.036, 0.78, 0.10, 0.6, "stok"),
    "pend_dikdas_7_15": SpekKab(0.160, 0.95, 0.08, 0.4, "stok"),
    "pend_kesetaraan_7_18": SpekKab(0.004, 0.62, 0.12, 0.7, "alir"),
    "kes_ibu_hamil": SpekKab(0.019, 0.86, 0.08, 0.6, "alir"),
    "kes_ibu_bersalin": SpekKab(0.018, 0.88, 0.08, 0.6, "alir"),
    "kes_bayi_baru_lahir": SpekKab(0.017, 0.90, 0.08, 0.6, "alir"),
    "kes_balita": SpekKab(0.085, 0.80, 0.10, 0.6, "alir"),
    "kes_usia_dikdas": SpekKab(0.160, 0.85, 0.10, 0.5, "alir"),
    "kes_usia_produktif": SpekKab(0.660, 0.64, 0.15, 0.7, "alir"),
    "kes_usia_lanjut": SpekKab(0.100, 0.70, 0.12, 0.7, "alir"),
    "kes_hipertensi": SpekKab(0.250, 0.58, 0.15, 0.8, "alir"),
    "kes_diabetes": SpekKab(0.0145, 0.66, 0.15, 0.8, "alir"),
    "kes_odgj_berat": SpekKab(0.0009, 0.80, 0.10, 0.6, "alir"),
    "kes_terduga_tbc": SpekKab(0.0075, 0.70, 0.15, 0.7, "alir"),
    "kes_risiko_hiv": SpekKab(0.012, 0.68, 0.12, 0.7, "alir"),
    "pu_air_minum": SpekKab(1.0, 0.82, 0.08, 1.0, "stok"),
    "pu_air_limbah": SpekKab(1.0, 0.64, 0.12, 1.0, "stok"),
    "pr_rumah_korban_bencana": SpekKab(0.0004, 0.74, 0.06, 0.6, "rumah"),
    "pr_relokasi": SpekKab(0.0005, 0.70, 0.08, 0.6, "alir"),
    "tr_trantibum": SpekKab(0.002, 0.85, 0.06, 0.5, "alir"),
    "tr_info_rawan_bencana": SpekKab("rawan", 0.75, 0.12, 0.7, "alir"),
    "tr_cegah_siaga_bencana": SpekKab("rawan", 0.68, 0.12, 0.7, "alir"),
    "tr_evakuasi_bencana": SpekKab(0.003, 0.93, 0.05, 0.4, "jiwa"),
    "tr_evakuasi_kebakaran": SpekKab(0.00015, 0.80, 0.08, 0.6, "alir"),
    "sos_disabilitas_luar_panti": SpekKab(0.0008, 0.80, 0.08, 0.6, "alir"),
    "sos_anak_luar_panti": SpekKab(0.001, 0.82, 0.08, 0.6, "alir"),
    "sos_lansia_luar_panti": SpekKab(0.0012, 0.80, 0.08, 0.6, "alir"),
    "sos_gepeng_luar_panti": SpekKab(0.0002, 0.78, 0.08, 0.6, "alir"),
    "sos_korban_bencana": SpekKab(0.002, 0.88, 0.05, 0.5, "jiwa"),
    # provinsi
    "pend_dikmen_16_18": SpekKab(0.052, 0.82, 0.08, 0.0, "stok"),
    "pend_diksus_4_18": SpekKab(0.0012, 0.65, 0.12, 0.0, "alir"),
    "kes_prov_krisis_bencana": SpekKab(0.004, 0.90, 0.04, 0.0, "jiwa"),
    "pr_prov_rumah_korban_bencana": SpekKab(0.0001, 0.66, 0.06, 0.0, "rumah"),
    "kes_prov_klb": SpekKab(0.002, 0.88, 0.05, 0.0, "alir"),
    "pu_prov_air_minum_curah": SpekKab(0.15, 0.60, 0.10, 0.0, "stok"),
    "pu_prov_air_limbah_regional": SpekKab(0.05, 0.45, 0.12, 0.0, "stok"),
    "pr_prov_relokasi": SpekKab(0.0001, 0.68, 0.08, 0.0, "alir"),
    "tr_prov_trantibum": SpekKab(0.001, 0.84, 0.06, 0.0, "alir"),
    "sos_disabilitas_dalam_panti": SpekKab(0.0002, 0.86, 0.05, 0.0, "alir"),
    "sos_anak_dalam_panti": SpekKab(0.0002, 0.88, 0.05, 0.0, "alir"),
    "sos_lansia_dalam_panti": SpekKab(0.0002, 0.86, 0.05, 0.0, "alir"),
    "sos_gepeng_dalam_panti": SpekKab(0.0001, 0.82, 0.06, 0.0, "alir"),
    "sos_prov_korban_bencana": SpekKab(0.001, 0.88, 0.05, 0.0, "jiwa"),
}
SPEK_KAB_BAWAAN = SpekKab(0.002, 0.75, 0.08, 0.6, "alir")
PROFIL_KUMULATIF = {"stok": (0.93, 0.96, 0.98, 1.0), "alir": (0.23, 0.48, 0.73, 1.0)}
# flood part of the disaster rows: (annual coverage range, year-to-date cumulative profile)
PROFIL_BENCANA = {"jiwa": ((0.82, 0.98), (0.86, 0.93, 0.97, 1.0)), "rumah": ((0.45, 0.8), (0.05, 0.30, 0.60, 1.0))}

KALSEL_LAMBAT = 3  # (kab/kota, field) pairs with low budget realisation and lagging coverage
# budget per capita (rupiah, at 2020) per SPM field
PAGU_PER_KAPITA = {
    "pendidikan": 1_450_000,
    "kesehatan": 820_000,
    "pekerjaan_umum": 480_000,
    "perumahan_rakyat": 110_000,
    "trantibumlinmas": 75_000,
    "sosial": 55_000,
}

# synthetic unit cost per person served (rupiah, at 2020) per SPM field: invented for the sample, NOT real prices
BIAYA_SATUAN_SINTETIS = {
    "pendidikan": 6_000_000,
    "kesehatan": 2_000_000,
    "pekerjaan_umum": 2_500_000,
    "perumahan_rakyat": 60_000_000,
    "trantibumlinmas": 600_000,
    "sosial": 6_000_000,
}
# kab/kota whose synthetic prices differ from the province-wide ones (islands and remote uplands dearer, the city cheaper)
BIAYA_FAKTOR_KAB = {"63.02": 1.35, "63.11": 1.2, "63.09": 1.15, "63.71": 0.92}
SUMBER_SINTETIS = "SINTETIS: data contoh, bukan harga nyata / synthetic sample, not a real price"

# --- floods --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Peristiwa:
    kode: str
    nama: str
    mulai: dt.date
    selesai: dt.date
    status: str
    bulan_awal: str  # onset month
    bobot_awal: float  # share of the onset month under water (drop in the onset month = depth x this)
    bulan_puncak: str  # month of the main impact (quarterly effects, extra missing reports)
    pulih_bulan: tuple[int, int]  # range of months for coverage to recover, per kecamatan
    keterangan: str


PERISTIWA = (
    Peristiwa(
        kode="BJR-2021-01",
        nama="Banjir Kalimantan Selatan Januari 2021",
        mulai=dt.date(2021, 1, 12),
        selesai=dt.date(2021, 1, 31),
        status="selesai",
        bulan_awal="2021-01",
        bobot_awal=1.0,
        bulan_puncak="2021-01",
        pulih_bulan=(2, 10),
        keterangan="Data sampel sintetis. Angka kab/kota dari laporan BNPB 16-17 Jan 2021 dan komando gabungan 20 Jan 2021 "
        "(11 kab/kota, 70 kecamatan, 342.987 jiwa, 66.768 rumah terendam), dikutip media (kompas.com, tagar.id, "
        "kumparan.com); rincian per kecamatan/desa sintetis. Lihat data/referensi/banjir_kalsel.csv.",
    ),
    Peristiwa(
        kode="BJR-2025-12",
        nama="Banjir Kabupaten Banjar Desember 2025 – Januari 2026",
        mulai=dt.date(2025, 12, 29),
        selesai=dt.date(2026, 1, 27),
        status="pemulihan",
        bulan_awal="2025-12",
        bobot_awal=0.35,  # the flood began on 29 December, after most Posyandu days of the month
        bulan_puncak="2026-01",
        pulih_bulan=(3, 14),  # the slowest kecamatan have not recovered by 2026-10
        keterangan="Data sampel sintetis. Angka dari Pusdalops BPBD Kabupaten Banjar 31 Des 2025 - 27 Jan 2026 dikutip media "
        "(Banjarmasin Post, kanalkalimantan.com, newsway.co.id, mediaindonesia.com): 14 kecamatan, 137 desa, "
        "hingga 140.416 jiwa / 48.052 KK; transisi darurat menuju pemulihan sejak 19 Jan 2026; rincian per desa "
        "sintetis. Lihat data/referensi/banjir_kalsel.csv.",
    ),
)

# January 2021: affected kecamatan per kab/kota (70 in all), share of their desa flooded, kecamatan named first
# (lowland/riverside ones; Balangan's six are the real ones from the BNPB report, the rest are synthetic choices)
BANJIR_2021 = {
    "63.03": (16, None, ()),
    "63.11": (6, 0.55, ("Halong", "Paringin", "Juai", "Paringin Selatan", "Tebing Tinggi", "Awayan")),
    "63.01": (9, 0.55, ("Kurau", "Bumi Makmur", "Bati Bati", "Pelaihari", "Takisung")),
    "63.07": (10, 0.75, ("Barabai", "Batu Benawa", "Haruyan", "Pandawan", "Labuan Amas Selatan")),
    "63.06": (5, 0.45, ("Kandangan", "Daha Selatan", "Daha Utara", "Daha Barat")),
    "63.08": (10, 0.85, ()),
    "63.05": (4, 0.30, ("Tapin Utara", "Candi Laras Selatan", "Candi Laras Utara")),
    "63.04": (5, 0.40, ("Alalak", "Marabahan", "Bakumpai")),
    "63.09": (2, 0.25, ("Tanjung", "Murung Pudak")),
    "63.72": (2, 0.40, ("Landasan Ulin", "Cempaka")),
    "63.71": (1, 0.25, ("Banjarmasin Utara",)),
}
BANJAR_2021_TIDAK = ("Paramasan", "Telaga Bauntung", "Sambung Makmur", "Tatah Makmur")  # highland / not flooded
# December 2025: desa per kecamatan not given in the reports (the 3 Jan figures cover 7 kecamatan, 104 desa)
DESA_2025_SINTETIS = {
    "Mataraman": 8,
    "Simpang Empat": 6,
    "Karang Intan": 5,
    "Pengaron": 4,
    "Sambung Makmur": 4,
    "Sungai Pinang": 3,
    "Aranio": 3,
}
KEPARAHAN_2025 = {
    "Martapura": 1.25,
    "Martapura Timur": 1.2,
    "Martapura Barat": 1.2,
    "Astambul": 1.15,
    "Sungai Tabuk": 1.2,
    "Kertak Hanyar": 1.0,
    "Cintapuri Darussalam": 1.0,
    "Mataraman": 0.65,
    "Simpang Empat": 0.6,
    "Karang Intan": 0.55,
    "Pengaron": 0.45,
    "Sungai Pinang": 0.4,
    "Aranio": 0.4,
    "Sambung Makmur": 0.45,
}
# recovery progress reached by 2026-10 for the 2025 flood (kab/kota level, kecamatan vary around it)
TARGET_PULIH_2025 = {
    "berat": 0.35,
    "sedang": 0.60,
    "ringan": 0.85,
    "sekolah": 0.80,
    "air": 0.70,
    "sanitasi": 0.65,
    "kk": 0.95,
}
# 2021 flood: months after onset until each kind of recovery is complete (per kecamatan, scaled by severity)
SELESAI_2021 = {
    "kk": (1, 3),
    "ringan": (3, 8),
    "sedang": (5, 12),
    "berat": (8, 20),
    "sekolah": (2, 7),
    "air": (3, 9),
    "sanitasi": (4, 11),
}
KATEGORI_PULIH = ("berat", "sedang", "ringan", "sekolah", "air", "sanitasi", "kk")

DAMPAK_KOLOM = [
    "kk_terdampak",
    "jiwa_terdampak",
    "jiwa_mengungsi",
    "rumah_terendam",
    "rumah_rusak_berat",
    "rumah_rusak_sedang",
    "rumah_rusak_ringan",
    "sekolah_terdampak",
    "posyandu_terdampak",
    "faskes_terdampak",
    "sarana_air_rusak",
    "sarana_sanitasi_rusak",
]
PEMULIHAN_KOLOM = {
    "berat": "rumah_rusak_berat_diperbaiki",
    "sedang": "rumah_rusak_sedang_diperbaiki",
    "ringan": "rumah_rusak_ringan_diperbaiki",
    "sekolah": "sekolah_pulih",
    "air": "sarana_air_pulih",
    "sanitasi": "sarana_sanitasi_pulih",
    "kk": "kk_menerima_bantuan",
}
DAMPAK_PULIH = {
    "berat": "rumah_rusak_berat",
    "sedang": "rumah_rusak_sedang",
    "ringan": "rumah_rusak_ringan",
    "sekolah": "sekolah_terdampak",
    "air": "sarana_air_rusak",
    "sanitasi": "sarana_sanitasi_rusak",
    "kk": "kk_terdampak",
}

# random stream names (part of the key of every generator)
ALIRAN = {
    "struktur": 1,
    "bulanan": 2,
    "hilang": 3,
    "anomali": 4,
    "triwulan": 5,
    "anggaran": 6,
    "wilayah": 7,
    "kabkota": 8,
    "banjir": 9,
    "pasca": 10,
    "biaya": 11,
}


def _rng(seed: int, kode: str, aliran: str) -> np.random.Generator:
    """The generator of one (seed, area, purpose): independent of which other areas are built."""
    parts = [int(p) for p in kode.split(".")] if kode else [0]
    return np.random.default_rng([int(seed) % 2**63, ALIRAN[aliran], len(parts), *parts])


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def _logit(p: float | np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.log(p / (1 - p))


def _smoothstep(x: np.ndarray) -> np.ndarray:
    x = np.clip(x, 0.0, 1.0)
    return x * x * (3 - 2 * x)


def _bagi(total: int, bobot: np.ndarray, batas: np.ndarray | None = None) -> np.ndarray:
    """Split a whole number over weights (largest remainder), never above ``batas``; sums to ``total``
    (or to ``batas.sum()`` when the total does not fit)."""
    w = np.clip(np.asarray(bobot, dtype=float), 0, None)
    n = len(w)
    out = np.zeros(n, dtype=np.int64)
    if n == 0 or total <= 0:
        return out
    cap = np.full(n, 2**52, dtype=np.int64) if batas is None else np.maximum(np.asarray(batas, dtype=np.int64), 0)
    total = int(min(int(total), int(cap.sum())))
    for _ in range(100):
        rest = total - int(out.sum())
        bebas = out < cap
        if rest <= 0 or not bebas.any():
            break
        ww = np.where(bebas, w, 0.0)
        if ww.sum() <= 0:
            ww = bebas.astype(float)
        bagian = rest * ww / ww.sum()
        tambah = np.minimum(np.floor(bagian).astype(np.int64), cap - out)
        if tambah.sum() == 0:
            sisa = np.where(bebas, bagian - np.floor(bagian) + ww * 1e-12, -1.0)
            urut = np.argsort(-sisa, kind="stable")[:rest]
            urut = urut[sisa[urut] >= 0]
            tambah = np.zeros(n, dtype=np.int64)
            tambah[urut] = 1
        out += tambah
    return out


# --- months --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bulan:
    """The months generated (the whole range of the scale; ``simpan`` marks those kept)."""

    bulan: np.ndarray  # datetime64[M]
    simpan: np.ndarray  # bool

    @property
    def n(self) -> int:
        return len(self.bulan)

    @property
    def tahun(self) -> np.ndarray:
        return self.bulan.astype("datetime64[Y]").astype(int) + 1970

    @property
    def bulan_ke(self) -> np.ndarray:
        return self.bulan.astype(int) % 12 + 1

    @property
    def t(self) -> np.ndarray:
        """Years since January of TAHUN_DASAR."""
        return (self.bulan - np.datetime64(f"{TAHUN_DASAR}-01", "M")).astype(int) / 12.0

    def indeks(self, bulan: str) -> int:
        """Index of a month (may lie outside the range: negative or >= n)."""
        return int((np.datetime64(bulan, "M") - self.bulan[0]).astype(int))


def _bulan(rentang: tuple[str, str], start: str | None, end: str | None) -> Bulan:
    semua = np.arange(np.datetime64(rentang[0], "M"), np.datetime64(rentang[1], "M") + 1)
    lo = np.datetime64(start, "M") if start else semua[0]
    hi = np.datetime64(end, "M") if end else semua[-1]
    return Bulan(semua, (semua >= lo) & (semua <= hi))


def _musim(bulan: Bulan) -> dict[str, np.ndarray]:
    """Seasonal logit offsets per season key, one value per month."""
    th, bl = bulan.tahun, bulan.bulan_ke
    ramadan = np.array([BULAN_RAMADAN.get(int(y), 0) for y in th]) == bl
    lebaran = np.array([BULAN_LEBARAN.get(int(y), 0) for y in th]) == bl
    hujan = np.isin(bl, MUSIM_HUJAN)
    vit_a = np.isin(bl, BULAN_VITAMIN_A)
    return {
        "ds": -0.12 * ramadan - 0.30 * lebaran - 0.15 * hujan + 0.25 * vit_a,
        "buka": -0.10 * ramadan - 0.45 * lebaran - 0.15 * hujan,
        "nd": -0.12 * lebaran - 0.05 * hujan,
        "2t": 0.12 * lebaran + 0.05 * hujan,
        "hujan": 0.30 * np.isin(bl, (11, 12, 1, 2)),
    }


def _covid(bulan: Bulan) -> np.ndarray:
    teks = np.datetime_as_string(bulan.bulan, unit="M")
    return np.array([COVID_2020.get(str(b), 1.0) for b in teks])


# --- catalog and areas ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Katalog:
    kode: list[str]  # every indicator (the dictionary of kode_indikator)
    bidang: dict[str, str]
    level: dict[str, str]
    naik_baik: dict[str, bool]
    peka_banjir: dict[str, bool]

    def pada(self, level: str) -> list[str]:
        return [k for k in self.kode if self.level[k] == level]


def _katalog() -> Katalog:
    df = pd.read_csv(REFERENSI_DIR / "spm_indicators.csv", dtype=str, keep_default_na=False)
    kode = df["indicator_code"].tolist()
    return Katalog(
        kode=kode,
        bidang=dict(zip(kode, df["field_code"], strict=True)),
        level=dict(zip(kode, df["level"], strict=True)),
        naik_baik=dict(zip(kode, df["higher_is_better"].str.lower() == "true", strict=True)),
        peka_banjir=dict(zip(kode, df["flood_sensitive"].str.lower() == "true", strict=True)),
    )


@dataclass
class Kab:
    """One kab/kota and its desa (in code order)."""

    kode: str
    kota: bool
    penduduk: float  # at TAHUN_PENDUDUK
    kualitas: float  # logit offset
    hilang: float  # share of missing monthly reports
    rawan: float  # share of households in flood-prone areas
    efek_bidang: dict[str, float]  # logit offset per field
    desa_kode: np.ndarray
    desa_kec: np.ndarray  # kecamatan code of each desa
    desa_kelurahan: np.ndarray  # bool
    struktur: dict[str, np.ndarray] | None = None  # per-desa base figures (see _struktur)
    lambat: frozenset[str] = frozenset()  # SPM fields where the district lags: weak coverage, low budget realisation


def _kab(seed: int, kode: str, kota: bool, penduduk: float, desa: pd.DataFrame, *, kalsel: bool) -> Kab:
    rng = _rng(seed, kode, "kabkota")
    if kalsel:
        kualitas = KUALITAS_KALSEL.get(kode, 0.0) + rng.normal(0, 0.05)
        rawan = RAWAN_BANJIR_KALSEL.get(kode, 0.4)
    else:
        kualitas = rng.normal(0, 0.3) + (0.4 if kota else 0.0)
        rawan = rng.uniform(0.15, 0.6)
    hilang = float(np.clip(0.055 - 0.035 * kualitas + rng.normal(0, 0.004), 0.035, 0.075))
    efek = dict(zip(BIDANG_SEMUA, rng.normal(0, 0.22, len(BIDANG_SEMUA)), strict=True))
    kab = Kab(
        kode=kode,
        kota=kota,
        penduduk=float(penduduk),
        kualitas=float(kualitas),
        hilang=hilang,
        rawan=float(rawan),
        efek_bidang={k: float(v) for k, v in efek.items()},
        desa_kode=desa["kode"].to_numpy(),
        desa_kec=desa["kode_kecamatan"].to_numpy(),
        desa_kelurahan=(desa["jenis"] == "kelurahan").to_numpy(),
    )
    kab.struktur = _struktur(seed, kab)
    if not kalsel:
        kab.lambat = frozenset(b for b in BIDANG_SPM if kab.efek_bidang[b] < -0.45)
    return kab


def _struktur(seed: int, kab: Kab) -> dict[str, np.ndarray]:
    """Per-desa base figures at TAHUN_PENDUDUK: population, S balita, KK, Posyandu, cadres and the other targets."""
    rng = _rng(seed, kab.kode, "struktur")
    n = len(kab.desa_kode)
    kel = kab.desa_kelurahan
    bobot = rng.lognormal(0.0, 0.55, n) * np.where(kel & ~kab.kota, 1.6, 1.0)
    pop = kab.penduduk * bobot / bobot.sum()
    u = rng.uniform(size=(9, n))
    balita = np.clip(np.round(pop * 0.085 * (0.8 + 0.3 * u[0]) * (0.55 if kab.kota else 1.0)), 40, 400)
    kk = np.clip(np.round(pop / (3.3 + 0.6 * u[1])), 150, 2500)
    posyandu = np.clip(np.round(balita / (45 + 30 * u[2])), 1, 6)
    kader = np.clip(posyandu * 5 + rng.integers(-1, 6, n), 5, 30)
    ats = np.clip(np.round(pop * (0.002 + 0.005 * u[3])), 2, 40)
    rtlh = np.maximum(np.round(kk * (0.04 + 0.10 * u[4]) * np.where(kel, 0.4, 1.0)), 3)
    linmas = rng.integers(10, 36, n).astype(float)
    kk_rawan = np.clip(np.round(kk * kab.rawan * (0.3 + 1.1 * u[5])), 10, kk)
    rentan = np.maximum(np.round(pop * (0.005 + 0.01 * u[6])), 3)
    # a third of the desa open one more Posyandu at some month (index in months since 2020-01)
    posyandu_baru = np.where(u[7] < 0.35, np.floor(u[8] * 96), 10_000)
    return {
        "pop": pop,
        "balita": balita,
        "kk": kk,
        "posyandu": posyandu,
        "kader": kader,
        "ats": ats,
        "rtlh": rtlh,
        "linmas": linmas,
        "kk_rawan": kk_rawan,
        "rentan": rentan,
        "posyandu_baru": posyandu_baru,
    }


def _kab_kalsel(seed: int, wilayah: pd.DataFrame) -> list[Kab]:
    kab_df = wilayah[wilayah["tingkat"] == "kabkota"].sort_values("kode")
    desa_df = wilayah[wilayah["tingkat"] == "desa"].sort_values("kode")
    out = []
    for row in kab_df.itertuples(index=False):
        desa = desa_df[desa_df["kode_kabkota"] == row.kode]
        out.append(_kab(seed, row.kode, row.jenis == "kota", float(row.penduduk), desa, kalsel=True))
    # the three weakest (kab/kota, field) pairs lag clearly: lower coverage and low budget realisation
    pasangan = sorted((k.efek_bidang[b], i, b) for i, k in enumerate(out) for b in BIDANG_SPM)[:KALSEL_LAMBAT]
    for _, i, b in pasangan:
        out[i].efek_bidang[b] = min(out[i].efek_bidang[b], -0.55)
        out[i].lambat = out[i].lambat | {b}
    return out


# --- flood plan (Kalsel only) --------------------------------------------------------------------------------


def _norm(s: str) -> str:
    return " ".join(str(s).lower().replace("-", " ").split())


def banjir_referensi() -> pd.DataFrame:
    """The reported flood figures (data/referensi/banjir_kalsel.csv), numbers as nullable integers."""
    df = pd.read_csv(REFERENSI_DIR / "banjir_kalsel.csv", dtype=str, keep_default_na=False)
    for col in df.columns[5:-2]:
        df[col] = pd.to_numeric(df[col].str.replace(".", "", regex=False).replace("", None)).astype("Int64")
    return df


@dataclass
class Banjir:
    bencana: pd.DataFrame
    dampak: pd.DataFrame  # desa, kecamatan and kab/kota rows
    pemulihan: pd.DataFrame
    rugi: dict[str, np.ndarray]  # desa code -> share of coverage lost per month (flood-sensitive indicators)
    hilang_tambah: dict[str, np.ndarray]  # desa code -> extra probability of a missing report per month
    pasca: pd.DataFrame  # post-flood indicator rows of every flooded desa (all months)
    kab: pd.DataFrame  # per (event, kab/kota): jiwa, rumah rusak, share of population, quarter of impact


@dataclass(frozen=True)
class UnitKalsel:
    """Kalsel's kecamatan and desa as arrays (sorted by code), for choosing the flooded ones."""

    desa: np.ndarray
    desa_kec: np.ndarray
    desa_kab: np.ndarray
    kec: np.ndarray
    kec_nama: np.ndarray  # normalised names
    kec_kab: np.ndarray

    @classmethod
    def dari(cls, wilayah: pd.DataFrame) -> UnitKalsel:
        d = wilayah[wilayah["tingkat"] == "desa"].sort_values("kode")
        k = wilayah[wilayah["tingkat"] == "kecamatan"].sort_values("kode")
        arr = lambda s: s.to_numpy(dtype=object)  # noqa: E731
        return cls(
            arr(d["kode"]), arr(d["kode_kecamatan"]), arr(d["kode_kabkota"]), arr(k["kode"]),
            np.array([_norm(n) for n in k["nama"]], dtype=object), arr(k["kode_kabkota"]),
        )  # fmt: skip


def _pilih_2021(unit: UnitKalsel, kab: str, ref: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Flooded desa of one kab/kota in January 2021: (desa indices, severity of their kecamatan)."""
    rng = np.random.default_rng([BANJIR_SEED, 2021, *(int(p) for p in kab.split("."))])
    n_kec, porsi, nama_dulu = BANJIR_2021[kab]
    kk = np.nonzero(unit.kec_kab == kab)[0]
    nama = unit.kec_nama[kk]
    if kab == "63.03":
        pilih = kk[~np.isin(nama, [_norm(x) for x in BANJAR_2021_TIDAK])]
    else:
        dulu = kk[np.isin(nama, [_norm(x) for x in nama_dulu])][:n_kec]
        lain = rng.permutation(kk[~np.isin(kk, dulu)])[: max(0, n_kec - len(dulu))]
        pilih = np.sort(np.concatenate([dulu, lain]))
    assert len(pilih) == n_kec, (kab, pilih)
    kep_kec = rng.uniform(0.5, 1.5, len(pilih))
    kode_kec = unit.kec[pilih]
    calon = np.nonzero(np.isin(unit.desa_kec, kode_kec))[0]
    pos = np.searchsorted(kode_kec, unit.desa_kec[calon])
    if porsi is None:  # Banjar: 207 desa reported (24 Jan 2021)
        baris = ref[(ref["kode_bencana"] == "BJR-2021-01") & (ref["kode_wilayah"] == kab)]
        w = kep_kec[pos]
        idx = calon[
            np.sort(rng.choice(len(calon), size=int(baris["desa_terdampak"].iloc[0]), replace=False, p=w / w.sum()))
        ]
    else:
        bagian = []
        for j in range(len(pilih)):
            dk = calon[pos == j]
            n = min(max(1, round(len(dk) * porsi * min(1.3, kep_kec[j]))), len(dk))
            bagian.append(dk[np.sort(rng.choice(len(dk), size=n, replace=False))])
        idx = np.concatenate(bagian)
    return idx, kep_kec[np.searchsorted(kode_kec, unit.desa_kec[idx])]


def _pilih_2025(unit: UnitKalsel, ref: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Flooded desa of Kabupaten Banjar in December 2025: the 14 reported kecamatan, 137 desa."""
    rng = np.random.default_rng([BANJIR_SEED, 2025, 63, 3])
    r = ref[(ref["kode_bencana"] == "BJR-2025-12") & (ref["tingkat"] == "kecamatan")]
    idx, kep = [], []
    for kode, nama, n_lapor in zip(r["kode_wilayah"], r["nama_wilayah"], r["desa_terdampak"], strict=True):
        dk = np.nonzero(unit.desa_kec == kode)[0]
        n = min(DESA_2025_SINTETIS[nama] if pd.isna(n_lapor) else int(n_lapor), len(dk))
        idx.append(dk[np.sort(rng.choice(len(dk), size=n, replace=False))])
        kep.append(np.full(n, KEPARAHAN_2025[nama] * rng.uniform(0.95, 1.05)))
    idx_, kep_ = np.concatenate(idx), np.concatenate(kep)
    total = ref[(ref["kode_bencana"] == "BJR-2025-12") & (ref["tingkat"] == "kabkota")]["desa_terdampak"].iloc[0]
    assert len(idx_) == int(total), (len(idx_), total)
    urut = np.argsort(idx_)
    return idx_[urut], kep_[urut]


def _cek_nama(ref: pd.DataFrame, wilayah: pd.DataFrame) -> None:
    """Every area of banjir_kalsel.csv must carry the name of its code in the reference units."""
    nama = dict(zip(wilayah["kode"], wilayah["nama"], strict=True))
    for row in ref.itertuples(index=False):
        if row.kode_wilayah == reference.PROVINSI_KODE:
            continue
        if _norm(nama.get(row.kode_wilayah, "?")) != _norm(row.nama_wilayah):
            raise ValueError(
                f"banjir_kalsel.csv: {row.kode_wilayah} is {nama.get(row.kode_wilayah)!r}, not {row.nama_wilayah!r}"
            )


def _isi_kab_2021(ref: pd.DataFrame, penduduk: dict[str, float]) -> pd.DataFrame:
    """Kab/kota totals of the 2021 flood: reported figures, gaps filled so the province totals are met."""
    r = ref[ref.kode_bencana == "BJR-2021-01"]
    prov = r[r.tingkat == "provinsi"].iloc[0]
    kab = r[r.tingkat == "kabkota"].set_index("kode_wilayah").sort_index()
    out = pd.DataFrame(index=kab.index)
    # people affected: the larger of 'affected' (16 Jan) and 'displaced' (17 Jan); where only houses or displaced
    # people were reported, at least those (3.5 people a house); the kab/kota with nothing reported share the rest
    mengungsi = kab["jiwa_mengungsi"].to_numpy(dtype=float, na_value=np.nan)
    rumah_lapor = np.fmax(
        kab["rumah_terendam"].to_numpy(dtype=float, na_value=np.nan),
        kab["rumah_terdampak"].to_numpy(dtype=float, na_value=np.nan),
    )
    dilapor = kab["jiwa_terdampak"].to_numpy(dtype=float, na_value=np.nan)
    jiwa = np.where(np.isnan(dilapor), np.fmax(mengungsi, np.round(rumah_lapor * 3.5)), np.fmax(dilapor, mengungsi))
    kosong = np.isnan(jiwa)
    jiwa[kosong] = _bagi(
        int(prov.jiwa_terdampak) - int(np.nansum(jiwa)), np.array([penduduk[k] for k in kab.index[kosong]])
    )
    out["jiwa_terdampak"] = jiwa.astype(np.int64)
    # houses under water: the larger of 'submerged' (16 Jan) and 'affected' (17 Jan); unknown ones share the rest
    rumah = rumah_lapor.copy()
    kosong = np.isnan(rumah)
    rumah[kosong] = _bagi(int(prov.rumah_terendam) - int(np.nansum(rumah)), out["jiwa_terdampak"].to_numpy()[kosong])
    out["rumah_terendam"] = rumah.astype(np.int64)
    kosong = np.isnan(mengungsi)
    mengungsi[kosong] = np.round(out["jiwa_terdampak"].to_numpy()[kosong] * 0.05)
    out["jiwa_mengungsi"] = mengungsi.astype(np.int64)
    out["kk_terdampak"] = _bagi(int(prov.kk_terdampak), out["jiwa_terdampak"].to_numpy())
    rusak = np.round(out["rumah_terendam"].to_numpy() * 0.06)
    hilang = kab["rumah_hilang"].fillna(0).to_numpy(dtype=np.int64)
    dilapor = kab["rumah_rusak"].to_numpy(dtype=float, na_value=np.nan)
    rusak = np.where(np.isnan(dilapor), rusak, dilapor + hilang).astype(np.int64)
    out["rumah_rusak_berat"] = hilang + np.round((rusak - hilang) * 0.12).astype(np.int64)
    out["rumah_rusak_sedang"] = np.round(rusak * 0.28).astype(np.int64)
    out["rumah_rusak_ringan"] = rusak - out["rumah_rusak_berat"] - out["rumah_rusak_sedang"]
    out["sekolah_terdampak"] = np.round(out["rumah_terendam"] / 165).astype(np.int64)
    out["faskes_terdampak"] = np.round(out["rumah_terendam"] / 660).astype(np.int64)
    return out


# the impact counts the flood reports give per kab/kota (copied as reported; the damage split is synthetic)
KOLOM_DAMPAK_DILAPORKAN = ("kk_terdampak", "jiwa_terdampak", "jiwa_mengungsi", "rumah_terendam", "sekolah_terdampak",
                           "faskes_terdampak")


def _isi_kab_2025(ref: pd.DataFrame) -> pd.DataFrame:
    k = ref[(ref.kode_bencana == "BJR-2025-12") & (ref.tingkat == "kabkota")].set_index("kode_wilayah")
    out = pd.DataFrame(index=k.index)
    for col in KOLOM_DAMPAK_DILAPORKAN:
        out[col] = k[col].astype(np.int64)
    rusak = np.round(out["rumah_terendam"] * 0.10).astype(np.int64)  # synthetic: damage is not in the reports
    out["rumah_rusak_berat"] = np.round(rusak * 0.07).astype(np.int64)
    out["rumah_rusak_sedang"] = np.round(rusak * 0.23).astype(np.int64)
    out["rumah_rusak_ringan"] = rusak - out["rumah_rusak_berat"] - out["rumah_rusak_sedang"]
    return out


def _dampak_desa(
    kode_bencana: str,
    kab_total: pd.DataFrame,
    unit: UnitKalsel,
    idx: np.ndarray,
    keparahan: np.ndarray,
    struktur: dict[str, np.ndarray],
    ref: pd.DataFrame,
) -> pd.DataFrame:
    """Split each kab/kota total over its flooded desa (kecamatan figures from the reports kept as given).

    ``struktur``: pop, kk and posyandu of every Kalsel desa (aligned with ``unit.desa``)."""
    rng = np.random.default_rng([BANJIR_SEED, int(kode_bencana[4:8]), 1])
    n = len(idx)
    kec, kab = unit.desa_kec[idx], unit.desa_kab[idx]
    pop, kk, posyandu = (struktur[c][idx] for c in ("pop", "kk", "posyandu"))
    out = {c: np.zeros(n, dtype=np.int64) for c in DAMPAK_KOLOM}
    bobot = keparahan * rng.uniform(0.6, 1.4, n)
    dasar = {"jiwa_terdampak": pop, "kk_terdampak": kk, "rumah_terendam": kk}
    batas = {"jiwa_terdampak": np.floor(0.95 * pop), "kk_terdampak": np.floor(0.95 * kk), "rumah_terendam": kk}
    kec_ref = ref[(ref["kode_bencana"] == kode_bencana) & (ref["tingkat"] == "kecamatan")]
    for kb in np.unique(kab):
        di_kab = kab == kb
        tot = kab_total.loc[kb]
        for col in dasar:
            w = bobot * dasar[col]
            sisa, sisa_m = int(tot[col]), di_kab.copy()
            for kode, nilai in zip(kec_ref["kode_wilayah"], kec_ref[col], strict=True):  # reported kecamatan figures
                m = di_kab & (kec == kode)
                if pd.isna(nilai) or not m.any():
                    continue
                out[col][m] = _bagi(int(nilai), w[m], batas[col][m])
                sisa -= int(nilai)
                sisa_m &= ~m
            out[col][sisa_m] = _bagi(sisa, w[sisa_m], batas[col][sisa_m])
        ii = np.nonzero(di_kab)[0]
        w_rumah = out["rumah_terendam"][ii] * rng.uniform(0.5, 1.5, len(ii))
        out["jiwa_mengungsi"][ii] = _bagi(
            int(tot["jiwa_mengungsi"]), w_rumah * rng.uniform(0, 2, len(ii)), out["jiwa_terdampak"][ii]
        )
        rusak = _bagi(
            int(tot["rumah_rusak_berat"] + tot["rumah_rusak_sedang"] + tot["rumah_rusak_ringan"]),
            w_rumah,
            out["rumah_terendam"][ii],
        )
        berat = _bagi(int(tot["rumah_rusak_berat"]), w_rumah, rusak)
        sedang = _bagi(int(tot["rumah_rusak_sedang"]), w_rumah, rusak - berat)
        out["rumah_rusak_berat"][ii], out["rumah_rusak_sedang"][ii] = berat, sedang
        out["rumah_rusak_ringan"][ii] = rusak - berat - sedang
        out["sekolah_terdampak"][ii] = _bagi(int(tot["sekolah_terdampak"]), w_rumah, np.maximum(1, pop[ii] // 700))
        out["faskes_terdampak"][ii] = _bagi(int(tot["faskes_terdampak"]), w_rumah, 1 + (pop[ii] > 3000))
    # not in any report: Posyandu and water/sanitation facilities, bottom-up from the flooded houses
    rumah = out["rumah_terendam"]
    porsi = np.clip(rumah / kk, 0, 1)
    out["posyandu_terdampak"] = rng.binomial(posyandu.astype(np.int64), np.clip(0.25 + 0.6 * porsi, 0, 1))
    out["sarana_air_rusak"] = np.round(rumah * rng.uniform(0.015, 0.03, n)).astype(np.int64)
    out["sarana_sanitasi_rusak"] = np.round(rumah * rng.uniform(0.03, 0.05, n)).astype(np.int64)
    return pd.DataFrame(
        {"kode": unit.desa[idx], "kode_kecamatan": kec, "kode_kabkota": kab, "keparahan": keparahan, **out}
    )


def _kurva_pulih(
    kode_bencana: str, kec: Sequence[str], keparahan: np.ndarray, t_akhir: int, rusak: dict[str, np.ndarray]
) -> dict:
    """Share recovered per kecamatan, category and month since onset (t = 0 .. t_akhir).

    ``rusak``: damage per category and kecamatan (the 2025 targets hold for the kab/kota total)."""
    rng = np.random.default_rng([BANJIR_SEED, int(kode_bencana[4:8]), 2])
    kn = (keparahan - keparahan.min()) / max(np.ptp(keparahan), 1e-9)
    t = np.arange(t_akhir + 1, dtype=float)
    out: dict[str, np.ndarray] = {}
    selesai = np.zeros(len(kec), dtype=int)
    for c in KATEGORI_PULIH:
        if kode_bencana == "BJR-2021-01":
            lo, hi = SELESAI_2021[c]
            T = np.ceil(rng.uniform(lo, hi, len(kec)) * (0.7 + 0.6 * kn)).astype(int)
            T = np.maximum(T, 1)
            selesai = np.maximum(selesai, T)
            x = np.clip((t[None, :] + (0.5 if c == "kk" else 0.0)) / T[:, None], 0, 1)
            porsi = x**0.7 if c in ("kk", "sekolah", "air", "sanitasi") else _smoothstep(x)
        else:
            akhir = np.exp(rng.normal(0, 0.12, len(kec))) * (1.1 - 0.2 * kn)
            w = np.maximum(rusak[c], 0) + 1e-9
            akhir = np.clip(akhir * TARGET_PULIH_2025[c] / (np.sum(w * akhir) / np.sum(w)), 0, 1)
            x = np.clip((t[None, :] + (0.5 if c == "kk" else 0.0)) / 10.0, 0, 1)
            h = {"kk": 1 - (1 - x) ** 4, "berat": x**1.2, "sedang": x**1.1, "ringan": x**1.05}.get(
                c, 1 - (1 - x) ** 1.8
            )
            porsi = akhir[:, None] * h
        out[c] = porsi
    out["selesai"] = selesai
    return out


def _rencana_banjir(kalsel: list[Kab], wilayah: pd.DataFrame, bulan: Bulan) -> Banjir:
    ref = banjir_referensi()
    _cek_nama(ref, wilayah)
    unit = UnitKalsel.dari(wilayah)
    kec = wilayah[wilayah["tingkat"] == "kecamatan"]
    assert (np.concatenate([k.desa_kode for k in kalsel]) == unit.desa).all()
    struktur = {c: np.concatenate([k.struktur[c] for k in kalsel]) for c in ("pop", "kk", "posyandu")}
    penduduk = {k.kode: k.penduduk for k in kalsel}
    akhir = bulan.bulan[-1]
    bencana, dampak, pemulihan, kab_rows = [], [], [], []
    pasca: list[dict] = []
    rugi: dict[str, np.ndarray] = {}
    hilang: dict[str, np.ndarray] = {}
    for ev in PERISTIWA:
        if ev.kode == "BJR-2021-01":
            dipilih = [_pilih_2021(unit, k, ref) for k in BANJIR_2021]
            idx, kep = np.concatenate([p[0] for p in dipilih]), np.concatenate([p[1] for p in dipilih])
            urut = np.argsort(idx)
            idx, kep = idx[urut], kep[urut]
            kab_total = _isi_kab_2021(ref, penduduk)
        else:
            idx, kep = _pilih_2025(unit, ref)
            kab_total = _isi_kab_2025(ref)
        d = _dampak_desa(ev.kode, kab_total, unit, idx, kep, struktur, ref)
        kec_rows = d.groupby("kode_kecamatan")[DAMPAK_KOLOM].sum()
        kab_sum = d.groupby("kode_kabkota")[DAMPAK_KOLOM].sum()
        for lvl, frame in (("desa", d.set_index("kode")[DAMPAK_KOLOM]), ("kecamatan", kec_rows), ("kabkota", kab_sum)):
            dampak.append(frame.reset_index(names="kode_wilayah").assign(kode_bencana=ev.kode, tingkat=lvl))
        bencana.append(
            {
                "kode_bencana": ev.kode,
                "nama": ev.nama,
                "jenis": "banjir",
                "tanggal_mulai": ev.mulai,
                "tanggal_selesai": ev.selesai,
                "status": ev.status,
                "keterangan": ev.keterangan,
            }
        )
        for kab, r in kab_sum.iterrows():
            kab_rows.append(
                {
                    "kode_bencana": ev.kode,
                    "kode_kabkota": kab,
                    "jiwa": int(r.jiwa_terdampak),
                    "rumah_rusak": int(r.rumah_rusak_berat + r.rumah_rusak_sedang + r.rumah_rusak_ringan),
                    "porsi": r.jiwa_terdampak / penduduk[kab],
                    "bulan_puncak": ev.bulan_puncak,
                }
            )

        # coverage loss per desa and month (depth 15-60 % by kecamatan severity, recovery 2-10/3-14 months)
        rng = np.random.default_rng([BANJIR_SEED, int(ev.kode[4:8]), 3])
        kec_kode = np.array(sorted(d["kode_kecamatan"].unique()))
        kep = d.groupby("kode_kecamatan")["keparahan"].mean().reindex(kec_kode).to_numpy()
        kn = (kep - kep.min()) / max(np.ptp(kep), 1e-9)
        dalam = np.clip(0.15 + 0.45 * kn + rng.normal(0, 0.04, len(kec_kode)), 0.15, 0.6)
        lo, hi = ev.pulih_bulan
        lama = np.clip(np.round(lo + (hi - lo) * (0.6 * kn + 0.4 * rng.uniform(size=len(kec_kode)))), lo, hi)
        m0 = bulan.indeks(ev.bulan_awal)
        mp = bulan.indeks(ev.bulan_puncak)
        m = np.arange(bulan.n)
        ki = np.searchsorted(kec_kode, d["kode_kecamatan"].to_numpy())
        dd = np.clip(dalam[ki] * rng.uniform(0.85, 1.15, len(d)), 0.15, 0.6)
        ll = lama[ki]
        x = (m[None, :] - (m0 + 1)) / ll[:, None]
        profil = np.where(m[None, :] < m0, 0.0, np.where(m[None, :] == m0, ev.bobot_awal, 1 - _smoothstep(x)))
        profil = np.where(m[None, :] == m0 + 1, 1.0, profil)
        loss = dd[:, None] * profil
        tambah = np.where(m[None, :] == mp, 0.10, 0.0) * np.ones((len(d), 1))
        for i, kode in enumerate(d["kode"]):
            rugi[kode] = 1 - (1 - rugi.get(kode, np.zeros(bulan.n))) * (1 - loss[i])
            hilang[kode] = np.maximum(hilang.get(kode, np.zeros(bulan.n)), tambah[i])

        # recovery: kecamatan curves, rows per kecamatan (and kab/kota = their sum) by month end
        t_akhir = int((akhir - np.datetime64(ev.bulan_awal, "M")).astype(int))
        rusak_kec = {c: kec_rows.reindex(kec_kode)[DAMPAK_PULIH[c]].to_numpy() for c in KATEGORI_PULIH}
        kurva = _kurva_pulih(ev.kode, kec_kode, kep, max(t_akhir, 1), rusak_kec)
        t_rows = np.arange(1, t_akhir + 1)
        selesai = ev.kode == "BJR-2021-01"
        t_kec = np.minimum(kurva["selesai"], t_akhir) if selesai else np.full(len(kec_kode), t_akhir)
        tanggal = (np.datetime64(ev.bulan_awal, "M") + t_rows + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
        kec_dmg = kec_rows.reindex(kec_kode)
        nilai = {
            c: np.floor(kec_dmg[DAMPAK_PULIH[c]].to_numpy()[:, None] * kurva[c][:, t_rows]).astype(np.int64)
            for c in KATEGORI_PULIH
        }
        # kab/kota rows: the sum of their kecamatan (finished kecamatan carry their final values)
        kab_of_kec = kec.set_index("kode")["kode_kabkota"].reindex(kec_kode).to_numpy()
        kab_kode = np.unique(kab_of_kec)
        anggota = (kab_of_kec[None, :] == kab_kode[:, None]).astype(np.int64)
        area = np.concatenate([kec_kode, kab_kode])
        n_area = np.concatenate([t_kec, [int(t_kec[kab_of_kec == k].max()) for k in kab_kode]])
        ada = np.arange(len(t_rows))[None, :] < n_area[:, None]
        ai, ti = np.nonzero(ada)
        rows = {"kode_bencana": ev.kode, "kode_wilayah": area[ai], "tanggal": tanggal[ti]}
        for c in KATEGORI_PULIH:
            semua = np.concatenate([nilai[c], anggota @ nilai[c]])
            rows[PEMULIHAN_KOLOM[c]] = semua[ai, ti]
        pemulihan.append(pd.DataFrame(rows))

        # post-flood indicator rows per desa: sasaran from the impact, terlayani following the kecamatan curves
        rngp = np.random.default_rng([BANJIR_SEED, int(ev.kode[4:8]), 4])
        lag = rngp.integers(0, 2, len(d))
        cepat = rngp.uniform(0.8, 1.25, len(d))  # desa recover a little faster or slower than their kecamatan
        t_all = m - m0  # months since onset, per generated month
        for ind, cats in (
            ("pr_rumah_banjir_pulih", ("berat", "sedang", "ringan")),
            ("pu_sarana_air_pulih", ("air", "sanitasi")),
            ("sos_kk_banjir_bantuan", ("kk",)),
        ):
            sas = sum(d[DAMPAK_PULIH[c]].to_numpy() for c in cats)
            ter = np.zeros((len(d), bulan.n))
            t_desa = np.round((t_all[None, :] - lag[:, None]) * cepat[:, None]).astype(int)
            tt = np.clip(t_desa, 0, kurva[cats[0]].shape[1] - 1)
            for c in cats:
                porsi = kurva[c][ki[:, None], tt]
                porsi = np.where(t_all[None, :] - lag[:, None] < 0, 0.0, porsi)
                ter += np.round(d[DAMPAK_PULIH[c]].to_numpy()[:, None] * porsi)
            pasca.append({"kode": d["kode"].to_numpy(), "ind": ind, "m0": m0, "sas": sas, "ter": ter})

    # rows of the post-flood indicators; a desa flooded twice reports the later event's figures from its onset on
    p_rows = []
    for j, p in enumerate(pasca):
        m_to = np.full(len(p["kode"]), bulan.n)
        for q in pasca[j + 1 :]:
            if q["ind"] == p["ind"] and q["m0"] > p["m0"]:
                nanti = np.isin(p["kode"], q["kode"][q["sas"] > 0])
                m_to = np.where(nanti, np.minimum(m_to, q["m0"]), m_to)
        m = np.arange(bulan.n)
        ok = (m[None, :] >= p["m0"]) & (m[None, :] < m_to[:, None]) & (p["sas"] > 0)[:, None]
        di, mi = np.nonzero(ok)
        p_rows.append(
            pd.DataFrame(
                {
                    "kode": p["kode"][di],
                    "kode_indikator": p["ind"],
                    "m": mi,
                    "sasaran": p["sas"][di].astype(np.int64),
                    "terlayani": p["ter"][di, mi].astype(np.int64),
                }
            )
        )
    pasca_df = pd.concat(p_rows, ignore_index=True)
    dampak_df = pd.concat(dampak, ignore_index=True)
    return Banjir(
        bencana=pd.DataFrame(bencana),
        dampak=dampak_df,
        pemulihan=pd.concat(pemulihan, ignore_index=True),
        rugi=rugi,
        hilang_tambah=hilang,
        pasca=pasca_df,
        kab=pd.DataFrame(kab_rows),
    )


# --- monthly desa facts --------------------------------------------------------------------------------------


class Kamus:
    """A growing dictionary of strings -> int32 codes (for Arrow dictionary columns)."""

    def __init__(self, nilai: Iterable[str] = ()) -> None:
        self.nilai: list[str] = []
        self.index: dict[str, int] = {}
        for v in nilai:
            self.kode(v)

    def kode(self, v: str) -> int:
        i = self.index.get(v)
        if i is None:
            i = self.index[v] = len(self.nilai)
            self.nilai.append(v)
        return i

    def banyak(self, vs: Sequence[str]) -> np.ndarray:
        """Codes of a (small) list of strings."""
        return np.array([self.kode(str(v)) for v in vs], dtype=np.int32)

    def arrow(self, kode: np.ndarray) -> pa.DictionaryArray:
        return pa.DictionaryArray.from_arrays(pa.array(kode, type=pa.int32()), pa.array(self.nilai, type=pa.string()))


@dataclass
class Potongan:
    """Fact rows of one chunk: area and indicator as dictionary codes, period as a date."""

    wilayah: Kamus
    indikator: Kamus
    kolom: dict[str, list[np.ndarray]]

    @classmethod
    def baru(cls, indikator: Kamus) -> Potongan:
        return cls(Kamus(), indikator, {k: [] for k in ("wil", "ind", "periode", "sasaran", "terlayani")})

    def tambah(self, wil: np.ndarray, ind: np.ndarray, per: np.ndarray, sas: np.ndarray, ter: np.ndarray) -> None:
        """Add rows; ``wil`` and ``ind`` are codes of this chunk's dictionaries."""
        for k, v, t in (
            ("wil", wil, np.int32),
            ("ind", ind, np.int32),
            ("periode", per, "datetime64[D]"),
            ("sasaran", sas, np.int64),
            ("terlayani", ter, np.int64),
        ):
            self.kolom[k].append(np.asarray(v, dtype=t))

    def tabel(self) -> pa.Table:
        c = {k: np.concatenate(v) if v else np.array([]) for k, v in self.kolom.items()}
        return pa.table(
            {
                "periode": pa.array(c["periode"].astype("datetime64[D]")),
                "kode_wilayah": self.wilayah.arrow(c["wil"].astype(np.int32)),
                "kode_indikator": self.indikator.arrow(c["ind"].astype(np.int32)),
                "sasaran": c["sasaran"].astype(np.int64),
                "terlayani": c["terlayani"].astype(np.int64),
            }
        )

    def __len__(self) -> int:
        return int(sum(len(a) for a in self.kolom["sasaran"]))


def _bulanan_kab(seed: int, kab: Kab, bulan: Bulan, katalog: Katalog, banjir: Banjir | None) -> tuple:
    """Monthly rows of every regular posyandu_desa indicator for the desa of one kab/kota.

    Returns (desa index, indicator list, indicator index, month index, sasaran, terlayani) for the rows kept (missing reports and
    months outside the kept range dropped), plus the (desa, month) report mask for the post-flood rows."""
    rng = _rng(seed, kab.kode, "bulanan")
    s = kab.struktur
    n_d, n_m = len(kab.desa_kode), bulan.n
    kode_ind = [k for k in katalog.pada("posyandu_desa") if k not in PASCA_BANJIR]
    spek = [SPEK_DESA.get(k, SPEK_DESA_BAWAAN) for k in kode_ind]
    n_i = len(kode_ind)
    t = bulan.t
    tahun_idx = bulan.tahun - TAHUN_DASAR
    n_th = int(tahun_idx.max()) + 1

    # sasaran per kind (desa x month)
    sasaran_jenis: dict[str, np.ndarray] = {}
    g_t = t - (TAHUN_PENDUDUK - TAHUN_DASAR)
    for jenis, (tumbuh, sd, per) in SASARAN_DESA.items():
        noise = rng.normal(0, sd, (n_d, n_m)) if per == "bulan" else rng.normal(0, sd, (n_d, n_th))[:, tahun_idx]
        nilai = s[jenis][:, None] * (1 + tumbuh) ** g_t[None, :] * (1 + noise)
        lo = 40 if jenis == "balita" else 1
        sasaran_jenis[jenis] = np.maximum(np.round(nilai), lo)
    sasaran_jenis["balita"] = np.clip(sasaran_jenis["balita"], 40, 400)
    sasaran_jenis["kk"] = np.clip(sasaran_jenis["kk"], 150, 2500)
    m_sejak = (bulan.bulan - np.datetime64(f"{TAHUN_DASAR}-01", "M")).astype(int)
    sasaran_jenis["posyandu"] = np.minimum(
        s["posyandu"][:, None] + (m_sejak[None, :] >= s["posyandu_baru"][:, None]), 6
    )
    sasaran_jenis["kader"] = np.clip(sasaran_jenis["kader"], 5, 30)
    sasaran_jenis["kk_rawan"] = np.minimum(sasaran_jenis["kk_rawan"], sasaran_jenis["kk"])

    # coverage on the logit scale
    dasar = np.array([_logit(sp.dasar) for sp in spek])
    efek = np.array(
        [
            sp.peka_kualitas * kab.kualitas + kab.efek_bidang[katalog.bidang[k]]
            for k, sp in zip(kode_ind, spek, strict=True)
        ]
    )
    tren = np.array([sp.tren for sp in spek])
    u = rng.normal(0, 1, (n_d, n_i)) * np.array([sp.sd_desa for sp in spek])
    v = rng.normal(0, 0.03, (n_d, n_i))
    musim = _musim(bulan)
    mus = np.array([musim[sp.musim] if sp.musim else np.zeros(n_m) for sp in spek])
    L = (dasar + efek)[None, :, None] + u[:, :, None] + (tren[None, :] + v)[:, :, None] * t[None, None, :]
    L += mus[None, :, :]
    ramp_amp = np.array([sp.ramp for sp in spek])
    if ramp_amp.any():
        mulai = (np.datetime64(PERMENDAGRI_13_2024, "M") - np.datetime64(f"{TAHUN_DASAR}-01", "M")).astype(int)
        lama = rng.uniform(10, 30, n_d) * np.exp(-0.5 * kab.kualitas)
        r = _smoothstep((m_sejak[None, :] - mulai) / lama[:, None])
        L += ramp_amp[None, :, None] * r[:, None, :]
    # autocorrelated monthly noise
    sd_bulan = np.array([sp.sd_bulan for sp in spek])
    eta = rng.standard_normal((n_d, n_i, n_m))
    phi = 0.5
    e = np.empty_like(eta)
    e[:, :, 0] = eta[:, :, 0]
    for j in range(1, n_m):
        e[:, :, j] = phi * e[:, :, j - 1] + np.sqrt(1 - phi**2) * eta[:, :, j]
    L += e * sd_bulan[None, :, None]
    rate = _sigmoid(L)

    covid = _covid(bulan)
    for i, sp in enumerate(spek):
        if sp.musim in ("ds", "buka"):
            rate[:, i, :] *= covid[None, :]
    rugi = np.zeros((n_d, n_m))
    hilang_tambah = np.zeros((n_d, n_m))
    if banjir is not None:
        for j, kode in enumerate(kab.desa_kode):
            if kode in banjir.rugi:
                rugi[j] = banjir.rugi[kode]
                hilang_tambah[j] = banjir.hilang_tambah[kode]
    if rugi.any():
        for i, (k, sp) in enumerate(zip(kode_ind, spek, strict=True)):
            if not katalog.peka_banjir[k]:
                continue
            peka = sp.peka_banjir or 0.8
            if katalog.naik_baik[k]:
                rate[:, i, :] *= 1 - rugi * peka
            else:
                rate[:, i, :] *= 1 + rugi * peka

    # sasaran and terlayani
    sasaran = np.empty((n_d, n_i, n_m))
    terlayani = np.empty((n_d, n_i, n_m))
    pos = {k: i for i, k in enumerate(kode_ind)}
    for i, sp in enumerate(spek):
        if sp.sasaran != "d":
            sasaran[:, i, :] = sasaran_jenis[sp.sasaran]
            terlayani[:, i, :] = np.round(sasaran[:, i, :] * rate[:, i, :])
    if "kes_skdn_d_per_s" in pos:  # SKDN: D <= S, N <= D, 2T <= D - N
        d_ = terlayani[:, pos["kes_skdn_d_per_s"], :]
        n_ = np.round(d_ * rate[:, pos["kes_skdn_n_per_d"], :]) if "kes_skdn_n_per_d" in pos else 0 * d_
        for k in ("kes_skdn_n_per_d", "kes_skdn_2t"):
            if k in pos:
                sasaran[:, pos[k], :] = d_
        if "kes_skdn_n_per_d" in pos:
            terlayani[:, pos["kes_skdn_n_per_d"], :] = n_
        if "kes_skdn_2t" in pos:
            terlayani[:, pos["kes_skdn_2t"], :] = np.minimum(np.round(d_ * rate[:, pos["kes_skdn_2t"], :]), d_ - n_)

    # anomalies: a few outliers (3-5x the usual value) and a few rows above 100 % (not on SKDN rows)
    rnga = _rng(seed, kab.kode, "anomali")
    uu = rnga.random((n_d, n_i, n_m))
    faktor = rnga.uniform(size=(n_d, n_i, n_m))
    boleh = np.array([k not in SKDN for k in kode_ind])[None, :, None]
    pencilan = boleh & (uu < 0.0005)
    lebih = boleh & (uu >= 0.0005) & (uu < 0.0015) & (sasaran > 0)
    terlayani = np.where(pencilan, np.round(np.maximum(terlayani, 1) * (3 + 2 * faktor)), terlayani)
    terlayani = np.where(lebih, np.maximum(sasaran + 1, np.round(sasaran * (1.02 + 0.33 * faktor))), terlayani)

    # missing monthly reports: a desa-month reports nothing at all
    rngh = _rng(seed, kab.kode, "hilang")
    lapor = rngh.random((n_d, n_m)) >= (kab.hilang + hilang_tambah)
    simpan = lapor & bulan.simpan[None, :]
    mask = np.broadcast_to(simpan[:, None, :], (n_d, n_i, n_m))
    di, ii, mi = np.nonzero(mask)
    return di, kode_ind, ii, mi, sasaran[mask].astype(np.int64), terlayani[mask].astype(np.int64), simpan


# --- quarterly kab/kota and provinsi facts -------------------------------------------------------------------


def _triwulan(bulan: Bulan) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Quarter-end months within the generated range: (year, quarter, kept?)."""
    akhir = bulan.bulan[bulan.bulan_ke % 3 == 0]
    tahun = akhir.astype("datetime64[Y]").astype(int) + 1970
    q = (akhir.astype(int) % 12) // 3 + 1
    simpan = bulan.simpan[bulan.bulan_ke % 3 == 0]
    return tahun, q, simpan


def _kumulatif_kab(
    seed: int,
    kode: str,
    penduduk: float,
    kualitas: float,
    efek_bidang: dict[str, float],
    rawan: float,
    indikator: list[str],
    katalog: Katalog,
    bulan: Bulan,
    bencana: list[dict],
) -> tuple:
    """Quarterly year-to-date rows of one area (kab/kota or provinsi) for the given indicators.

    ``bencana``: flood impacts of this area, dicts with jiwa, rumah_rusak, porsi, bulan_puncak."""
    rng = _rng(seed, kode, "triwulan")
    tahun_q, q, simpan = _triwulan(bulan)
    tahun = np.unique(tahun_q)
    n_i, n_y = len(indikator), len(tahun)
    spek = [SPEK_KAB.get(k, SPEK_KAB_BAWAAN) for k in indikator]
    pop = penduduk * 1.012 ** (tahun - TAHUN_PENDUDUK)
    per_kapita = np.array([rawan if sp.per_kapita == "rawan" else sp.per_kapita for sp in spek])
    noise_s = rng.normal(0, 0.05, (n_i, 1)) + rng.normal(0, 0.012, (n_i, n_y))
    sasaran = np.maximum(np.round(per_kapita[:, None] * pop[None, :] * (1 + noise_s)), 1)
    # annual coverage
    dasar = _logit(np.array([sp.dasar for sp in spek]))
    efek = np.array(
        [
            sp.peka_kualitas * kualitas + efek_bidang.get(katalog.bidang[k], 0.0)
            for k, sp in zip(indikator, spek, strict=True)
        ]
    )
    tren = np.array([sp.tren for sp in spek])
    u = rng.normal(0, 0.25, n_i)
    covid = (
        np.where(tahun == 2020, -0.3, 0.0)[None, :]
        * np.array([katalog.bidang[k] == "kesehatan" for k in indikator])[:, None]
    )
    L = (dasar + efek + u)[:, None] + tren[:, None] * (tahun - TAHUN_DASAR)[None, :] + covid
    L += rng.normal(0, 0.12, (n_i, n_y))
    tahunan = np.clip(_sigmoid(L), 0.35, 1.0)
    lebih = rng.random((n_i, n_y)) < 0.02  # a few annual values above 100 % (estimated denominators)
    tahunan = np.where(lebih, rng.uniform(1.01, 1.06, (n_i, n_y)), tahunan)
    # year-to-date profile per quarter
    profil = np.empty((n_i, n_y, 4))
    for i, sp in enumerate(spek):
        dasar_p = np.array(PROFIL_KUMULATIF["stok" if sp.profil == "stok" else "alir"])
        p = dasar_p[None, :] + np.concatenate([rng.normal(0, 0.02, (n_y, 3)), np.zeros((n_y, 1))], axis=1)
        profil[i] = np.minimum.accumulate(np.clip(p, 0.01, 1.0)[:, ::-1], axis=1)[:, ::-1]
    # floods: a dip in the affected quarter for flood-sensitive services, larger targets for disaster services
    tambah_sas = np.zeros((n_i, n_y))
    tambah_ter = np.zeros((n_i, n_y, 4))
    for b in bencana:
        y = int(b["bulan_puncak"][:4])
        qi = (int(b["bulan_puncak"][5:7]) - 1) // 3  # 0-based quarter
        if y not in tahun:
            continue
        yi = int(np.searchsorted(tahun, y))
        dalam = float(np.clip(0.06 + 0.8 * b["porsi"], 0.06, 0.35))
        for i, (k, sp) in enumerate(zip(indikator, spek, strict=True)):
            if sp.profil in PROFIL_BENCANA:
                jumlah = b["jiwa"] if sp.profil == "jiwa" else b["rumah_rusak"]
                if katalog.level[k] == "provinsi" and sp.profil == "rumah":
                    jumlah = round(jumlah * 0.3)  # the province rebuilds a share of the houses
                (lo, hi), prof = PROFIL_BENCANA[sp.profil]
                cakup = rng.uniform(lo, hi) * np.exp(0.3 * kualitas)
                tambah_sas[i, yi] += jumlah
                cum = np.array(prof, dtype=float)
                cum[:qi] = 0.0
                tambah_ter[i, yi] += jumlah * min(cakup, 1.0) * cum
            elif katalog.peka_banjir[k]:
                turun = np.zeros(4)
                turun[qi:] = dalam * (0.6 if sp.profil == "stok" else 1.0) * 0.35 ** np.arange(4 - qi)
                profil[i, yi] *= 1 - turun
    sas = np.repeat(sasaran[:, :, None], 4, axis=2) + np.repeat(tambah_sas[:, :, None], 4, axis=2)
    ter = np.round(sasaran[:, :, None] * tahunan[:, :, None] * profil) + np.round(tambah_ter)
    # keep the quarters of the range
    yi = np.searchsorted(tahun, tahun_q)
    qq = q - 1
    periode = np.array([f"{y}-{3 * qq_ + 3:02d}-01" for y, qq_ in zip(tahun_q, qq, strict=True)], dtype="datetime64[D]")
    sel = np.nonzero(simpan)[0]
    n_q = len(sel)
    ii = np.repeat(np.arange(n_i), n_q)
    qs = np.tile(sel, n_i)
    return ii, periode[qs], sas[ii, yi[qs], qq[qs]].astype(np.int64), ter[ii, yi[qs], qq[qs]].astype(np.int64)


# --- budgets -------------------------------------------------------------------------------------------------


def _anggaran(seed: int, kabs: list[Kab], bulan: Bulan, banjir: Banjir | None) -> pd.DataFrame:
    tahun = np.unique(bulan.tahun[bulan.simpan])
    tahun_akhir = int(bulan.tahun[-1])
    bulan_akhir = int(bulan.bulan_ke[-1])
    banjir_tahun = set()
    if banjir is not None:
        for r in banjir.kab.itertuples(index=False):
            banjir_tahun.add((r.kode_kabkota, int(r.bulan_puncak[:4])))
    rows = []
    for kab in kabs:
        rng = _rng(seed, kab.kode, "anggaran")
        faktor = rng.lognormal(0, 0.15)
        for b in BIDANG_SPM:
            lambat = b in kab.lambat
            for y in tahun:
                pagu = kab.penduduk * 1.012 ** (y - TAHUN_PENDUDUK) * PAGU_PER_KAPITA[b] * faktor
                pagu *= 1.05 ** (y - TAHUN_DASAR) * rng.normal(1, 0.05)
                if (kab.kode, int(y)) in banjir_tahun and b in ("perumahan_rakyat", "trantibumlinmas", "sosial"):
                    pagu *= 1.3
                r = rng.uniform(0.78, 0.95) + 0.04 * kab.kualitas
                if lambat:
                    r = rng.uniform(0.48, 0.6)
                r = float(np.clip(r, 0.45, 0.98))
                if y == tahun_akhir and bulan_akhir < 12:
                    r *= 0.82 * bulan_akhir / 10  # by October about 70 % of the year's budget is spent
                pagu = round(pagu / 1000) * 1000
                rows.append((int(y), kab.kode, b, int(pagu), int(round(pagu * r / 1000) * 1000)))
    return pd.DataFrame(rows, columns=["tahun", "kode_wilayah", "kode_bidang", "pagu", "realisasi"])


def _biaya_satuan(seed: int, kabs: list[Kab], bulan: Bulan, katalog: Katalog) -> pd.DataFrame:
    """Synthetic unit costs (rupiah per person served) of every kab/kota service for each sample year: one
    province-wide row per (year, service) and an override per (year, service) for the kab/kota of
    ``BIAYA_FAKTOR_KAB`` that are built. Labelled synthetic in ``sumber``."""
    tahun = np.unique(bulan.tahun[bulan.simpan])
    layanan = [k for k in katalog.kode if katalog.level[k] == "kab_kota"]
    rng = _rng(seed, reference.PROVINSI_KODE, "biaya")
    dasar = {k: BIAYA_SATUAN_SINTETIS[katalog.bidang[k]] * rng.lognormal(0, 0.35) for k in layanan}
    dibangun = {k.kode for k in kabs}
    rows = []
    for y in tahun:
        naik = 1.04 ** (int(y) - TAHUN_DASAR)
        for k in layanan:
            biaya = dasar[k] * naik
            rows.append((int(y), k, reference.PROVINSI_KODE, int(round(biaya / 1000) * 1000), SUMBER_SINTETIS))
            for kode, faktor in BIAYA_FAKTOR_KAB.items():
                if kode in dibangun:
                    rows.append((int(y), k, kode, int(round(biaya * faktor / 1000) * 1000), SUMBER_SINTETIS))
    return pd.DataFrame(rows, columns=["tahun", "kode_indikator", "kode_wilayah", "biaya_satuan", "sumber"])


# --- national synthetic units --------------------------------------------------------------------------------


def _wilayah_sintetis(seed: int, prov: int) -> pd.DataFrame:
    """Synthetic units of one province (provinsi, kab/kota, kecamatan, desa/kelurahan rows)."""
    rng = _rng(seed, str(prov), "wilayah")
    p = f"{prov:02d}"
    n_kab = int(np.clip(round(rng.normal(13.5, 5)), 4, 38))
    n_kota = int(np.clip(rng.integers(1, 4), 1, n_kab - 1))
    kab_kode = [f"{p}.{i:02d}" for i in range(1, n_kab - n_kota + 1)] + [f"{p}.{71 + i}" for i in range(n_kota)]
    kota = np.array([k.split(".")[1] >= "71" for k in kab_kode])
    pop = np.where(kota, rng.lognormal(np.log(420_000), 0.7, n_kab), rng.lognormal(np.log(480_000), 0.6, n_kab))
    n_kec = np.where(
        kota, np.clip(np.round(rng.normal(6, 3, n_kab)), 3, 15), np.clip(np.round(rng.normal(14.85, 5, n_kab)), 3, 40)
    ).astype(int)
    kec_kab = np.repeat(np.arange(n_kab), n_kec)
    kec_no = np.concatenate([np.arange(1, n + 1) for n in n_kec])
    kec_kode = np.array([f"{kab_kode[k]}.{n:02d}" for k, n in zip(kec_kab, kec_no, strict=True)])
    kec_kota = kota[kec_kab]
    n_desa = np.where(
        kec_kota,
        np.clip(np.round(rng.normal(8, 3, len(kec_kode))), 3, 20),
        np.clip(np.round(rng.normal(12.1, 5, len(kec_kode))), 3, 40),
    ).astype(int)
    desa_kec = np.repeat(np.arange(len(kec_kode)), n_desa)
    desa_no = np.concatenate([np.arange(n) for n in n_desa])
    # kelurahan: every unit of a kota, the first two units of each kabupaten's first kecamatan
    kel = kec_kota[desa_kec] | ((kec_no[desa_kec] == 1) & (desa_no < 2))
    desa_kode = np.array(
        [f"{kec_kode[k]}.{(1001 if kl else 2001) + n}" for k, n, kl in zip(desa_kec, desa_no, kel, strict=True)]
    )
    jenis_kab = np.where(kota, "kota", "kabupaten")
    nama_kab = np.char.add(np.where(kota, "Kota Sintetis ", "Kab. Sintetis "), kab_kode)
    lengkap_kab = np.char.add(np.where(kota, "Kota Sintetis ", "Kabupaten Sintetis "), kab_kode)
    jenis_desa = np.where(kel, "kelurahan", "desa")
    frames = [
        pd.DataFrame(
            {
                "kode": [p],
                "nama": [f"Provinsi Sintetis {p}"],
                "nama_lengkap": [f"Provinsi Sintetis {p}"],
                "tingkat": "provinsi",
                "jenis": "provinsi",
                "kode_provinsi": p,
                "penduduk": [int(pop.sum())],
            }
        ),
        pd.DataFrame(
            {
                "kode": kab_kode,
                "nama": nama_kab,
                "nama_lengkap": lengkap_kab,
                "tingkat": "kabkota",
                "jenis": jenis_kab,
                "kode_induk": p,
                "kode_provinsi": p,
                "kode_kabkota": kab_kode,
                "penduduk": np.round(pop).astype(np.int64),
            }
        ),
        pd.DataFrame(
            {
                "kode": kec_kode,
                "nama": np.char.add("Sintetis ", kec_kode),
                "nama_lengkap": np.char.add("Kecamatan Sintetis ", kec_kode),
                "tingkat": "kecamatan",
                "jenis": "kecamatan",
                "kode_induk": np.array(kab_kode)[kec_kab],
                "kode_provinsi": p,
                "kode_kabkota": np.array(kab_kode)[kec_kab],
                "kode_kecamatan": kec_kode,
            }
        ),
        pd.DataFrame(
            {
                "kode": desa_kode,
                "nama": np.char.add("Sintetis ", desa_kode),
                "nama_lengkap": np.char.add(np.where(kel, "Kelurahan Sintetis ", "Desa Sintetis "), desa_kode),
                "tingkat": "desa",
                "jenis": jenis_desa,
                "kode_induk": kec_kode[desa_kec],
                "kode_provinsi": p,
                "kode_kabkota": np.array(kab_kode)[kec_kab][desa_kec],
                "kode_kecamatan": kec_kode[desa_kec],
            }
        ),
    ]
    return reference.normalise_wilayah(pd.concat(frames, ignore_index=True))


def _kab_dari_wilayah(seed: int, wilayah: pd.DataFrame, *, kalsel: bool) -> list[Kab]:
    kab_df = wilayah[wilayah["tingkat"] == "kabkota"].sort_values("kode")
    desa_df = wilayah[wilayah["tingkat"] == "desa"].sort_values("kode")
    per_kab = dict(tuple(desa_df.groupby("kode_kabkota")))
    return [
        _kab(seed, r.kode, r.jenis == "kota", float(r.penduduk), per_kab[r.kode], kalsel=kalsel)
        for r in kab_df.itertuples(index=False)
    ]


# --- loading -------------------------------------------------------------------------------------------------


def _muat_fakta(con, pot: Potongan) -> int:
    if not len(pot):
        return 0
    tabel = pot.tabel()
    con.register("sampel_fakta", tabel)
    try:
        execute(con, "load_sample_fakta_capaian", {"id_impor": ID_IMPOR})
    finally:
        con.unregister("sampel_fakta")
    return tabel.num_rows


def _muat(con, nama_frame: str, query: str, df: pd.DataFrame) -> int:
    con.register(nama_frame, df)
    try:
        execute(con, query, {"id_impor": ID_IMPOR})
    finally:
        con.unregister(nama_frame)
    return len(df)


def _fakta_area(
    seed: int, kabs: list[Kab], bulan: Bulan, katalog: Katalog, banjir: Banjir | None, pot: Potongan
) -> None:
    """Monthly desa rows and quarterly kab/kota rows of the given kab/kota."""
    periode_bulan = bulan.bulan.astype("datetime64[D]")
    ind_kab = katalog.pada("kab_kota")
    kode_ind_kab = pot.indikator.banyak(ind_kab)
    banjir_kab = {} if banjir is None else {k: g.to_dict("records") for k, g in banjir.kab.groupby("kode_kabkota")}
    for kab in kabs:
        di, kode_ind, ii, mi, sas, ter, simpan = _bulanan_kab(seed, kab, bulan, katalog, banjir)
        kode_desa = pot.wilayah.banyak(kab.desa_kode)
        pot.tambah(kode_desa[di], pot.indikator.banyak(kode_ind)[ii], periode_bulan[mi], sas, ter)
        if banjir is not None:
            p = banjir.pasca[banjir.pasca["kode"].str.startswith(kab.kode + ".")]
            if len(p):
                didx = np.searchsorted(kab.desa_kode, p["kode"].to_numpy())
                m = p["m"].to_numpy()
                ok = simpan[didx, m]
                ind_p = p["kode_indikator"].to_numpy()[ok]
                uniq, inv = np.unique(ind_p, return_inverse=True)
                pot.tambah(
                    kode_desa[didx[ok]],
                    pot.indikator.banyak(uniq)[inv],
                    periode_bulan[m[ok]],
                    p["sasaran"].to_numpy()[ok],
                    p["terlayani"].to_numpy()[ok],
                )
        ii, per_q, sas_q, ter_q = _kumulatif_kab(
            seed,
            kab.kode,
            kab.penduduk,
            kab.kualitas,
            kab.efek_bidang,
            kab.rawan,
            ind_kab,
            katalog,
            bulan,
            banjir_kab.get(kab.kode, []),
        )
        pot.tambah(np.full(len(ii), pot.wilayah.kode(kab.kode)), kode_ind_kab[ii], per_q, sas_q, ter_q)


def _fakta_provinsi(
    seed: int, kode_prov: str, penduduk: float, katalog: Katalog, bulan: Bulan, banjir: Banjir | None, pot: Potongan
) -> None:
    rng = _rng(seed, kode_prov, "kabkota")
    efek = dict(zip(BIDANG_SEMUA, rng.normal(0, 0.15, len(BIDANG_SEMUA)), strict=True))
    bencana = []
    if banjir is not None:
        for _, g in banjir.kab.groupby("kode_bencana"):
            bencana.append(
                {
                    "jiwa": int(g["jiwa"].sum()),
                    "rumah_rusak": int(g["rumah_rusak"].sum()),
                    "porsi": float(g["jiwa"].sum() / penduduk),
                    "bulan_puncak": g["bulan_puncak"].iloc[0],
                }
            )
    ind = katalog.pada("provinsi")
    ii, per_q, sas_q, ter_q = _kumulatif_kab(seed, kode_prov, penduduk, 0.1, efek, 0.4, ind, katalog, bulan, bencana)
    pot.tambah(np.full(len(ii), pot.wilayah.kode(kode_prov)), pot.indikator.banyak(ind)[ii], per_q, sas_q, ter_q)


def build_sample(
    db_path: Path,
    seed: int = 2026,
    scale: str = "provinsi",
    progress: Progress | None = None,
    *,
    kabkota: Sequence[str] | None = None,
    start: str | None = None,
    end: str | None = None,
) -> dict:
    """Build a complete sample warehouse at ``db_path`` (replacing any file there, atomically).

    ``seed``: the random seed (same seed and arguments -> identical data). ``scale``: "provinsi" (Kalsel, months
    2020-01 .. 2026-10) or "nasional" (38 provinces, months 2023-01 .. 2026-10; benchmarks only).
    ``progress(fraction, message)``: called at a handful of steps. ``kabkota``: only these kab/kota codes get facts,
    impacts and budgets (all units and both flood events are still registered; province rows are always built).
    ``start``/``end`` ('YYYY-MM'): keep only the months (and quarter ends, budget years, recovery dates) in between.

    Returns the rows written per table and the seconds taken.
    """
    if scale not in SKALA:
        raise ValueError(f"scale must be one of {SKALA}, not {scale!r}")
    t0 = time.perf_counter()
    verbose = scale == "nasional" and progress is None  # the national build is long: say where it is

    def lapor(f: float, pesan: str) -> None:
        if progress is not None:
            progress(f, pesan)
        if verbose:
            print(f"[{time.perf_counter() - t0:7.1f} s] {f:4.0%} {pesan}", file=sys.stderr, flush=True)

    bulan = _bulan(RENTANG[scale], start, end)
    if not bulan.simpan.any():
        raise ValueError(f"no months between {start} and {end} in {RENTANG[scale]}")
    katalog = _katalog()
    kamus_ind = Kamus(katalog.kode)
    pilih = None if kabkota is None else set(kabkota)
    hitung = {"fakta_capaian": 0, "wilayah": 0, "bencana": 0, "dampak_bencana": 0, "pemulihan": 0, "anggaran": 0,
              "biaya_satuan": 0}

    with warehouse.writer(Path(db_path), fresh=True) as con:
        lapor(0.02, "Memuat data referensi")
        if scale == "nasional":
            execute(con, "load_sample_batas_memori", {"batas": BATAS_MEMORI_NASIONAL})
        reference.load_catalog(con)
        kalsel_wil = reference.kalsel_wilayah()
        kalsel = _kab_kalsel(seed, kalsel_wil)
        banjir = _rencana_banjir(kalsel, kalsel_wil, bulan)
        provinsi = [int(reference.PROVINSI_KODE)] if scale == "provinsi" else list(PROVINSI_NASIONAL)
        semua_kab: list[Kab] = []
        for n, prov in enumerate(provinsi):
            kode_prov = f"{prov:02d}"
            if kode_prov == reference.PROVINSI_KODE:
                wil, kabs, bjr = kalsel_wil, kalsel, banjir
            else:
                wil = _wilayah_sintetis(seed, prov)
                kabs, bjr = _kab_dari_wilayah(seed, wil, kalsel=False), None
            reference.load_wilayah(con, wil)
            hitung["wilayah"] += len(wil)
            kabs = [k for k in kabs if pilih is None or k.kode in pilih]
            semua_kab += kabs
            f0 = 0.05 + 0.70 * n / len(provinsi)
            lapor(f0, f"Membuat data capaian {'Kalimantan Selatan' if bjr else 'provinsi ' + kode_prov}")
            pot = Potongan.baru(kamus_ind)
            penduduk_prov = float(wil.loc[wil["tingkat"] == "kabkota", "penduduk"].sum())
            _fakta_area(seed, kabs, bulan, katalog, bjr, pot)
            _fakta_provinsi(seed, kode_prov, penduduk_prov, katalog, bulan, bjr, pot)
            lapor(f0 + 0.5 * 0.70 / len(provinsi), "Menyimpan data capaian")
            hitung["fakta_capaian"] += _muat_fakta(con, pot)
            del pot

        lapor(0.76, "Menyimpan data banjir, pemulihan dan anggaran")
        hitung["bencana"] = _muat(con, "sampel_bencana", "load_sample_bencana", banjir.bencana)
        dampak = banjir.dampak
        pemulihan = banjir.pemulihan
        if pilih is not None:
            dampak = dampak[dampak["kode_wilayah"].str[:5].isin(pilih)]
            pemulihan = pemulihan[pemulihan["kode_wilayah"].str[:5].isin(pilih)]
        lo = bulan.bulan[bulan.simpan][0].astype("datetime64[D]")
        hi = (bulan.bulan[bulan.simpan][-1] + 1).astype("datetime64[D]") - np.timedelta64(1, "D")
        tgl = pemulihan["tanggal"].to_numpy().astype("datetime64[D]")
        pemulihan = pemulihan[(tgl >= lo) & (tgl <= hi)]
        hitung["dampak_bencana"] = _muat(
            con, "sampel_dampak", "load_sample_dampak_bencana", dampak[["kode_bencana", "kode_wilayah", *DAMPAK_KOLOM]]
        )
        hitung["pemulihan"] = _muat(con, "sampel_pemulihan", "load_sample_pemulihan", pemulihan)
        hitung["anggaran"] = _muat(
            con, "sampel_anggaran", "load_sample_anggaran", _anggaran(seed, semua_kab, bulan, banjir)
        )
        hitung["biaya_satuan"] = _muat(
            con, "sampel_biaya_satuan", "load_sample_biaya_satuan", _biaya_satuan(seed, semua_kab, bulan, katalog)
        )
        total = sum(v for k, v in hitung.items() if k != "wilayah")
        execute(
            con,
            "log_import",
            {
                "id_impor": ID_IMPOR,
                "jenis": "sampel",
                "nama_file": f"sampel sintetis (seed {seed})",
                "sha256": None,
                "baris": total,
                "baris_baru": total,
                "baris_diganti": 0,
                "baris_ditandai": 0,
                "pengguna": "sistem",
                "sumber": "sampel",
            },
        )
        rentang = bulan.bulan[bulan.simpan]
        for kunci, nilai in (
            ("sampel", "ya"),
            ("sampel_seed", str(seed)),
            ("sampel_skala", scale),
            ("sampel_kabkota", "semua" if pilih is None else ",".join(sorted(pilih))),
            ("sampel_periode", f"{rentang[0]}..{rentang[-1]}"),
            ("dibangun", dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()),
            ("versi_skema", warehouse.SCHEMA_VERSION),
        ):
            execute(con, "set_meta", {"kunci": kunci, "nilai": nilai})
        lapor(0.80, "Membangun mart dan menyimpan berkas")
    hitung["detik"] = round(time.perf_counter() - t0, 2)
    lapor(1.0, "Selesai")
    return hitung
