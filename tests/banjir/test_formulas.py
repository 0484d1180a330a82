"""Flood-recovery formulas as plain functions: percent recovered, recovery threshold, status and the projection
(including every case in which no projection is warranted). Hand-computed numbers."""

from __future__ import annotations

import math

import pytest

from dashboard.banjir.data import (
    bulan_ke_periode,
    persen_pulih,
    proyeksi,
    status_pulih,
    sudah_pulih,
    target_pulih,
)
from tests.fixtures.banjir import CFG


def test_percent_recovered_both_directions():
    assert persen_pulih(90, 52.5, 77.5) == pytest.approx(66.6667, abs=1e-4)  # 25 / 37.5
    assert persen_pulih(90, 40, 90) == pytest.approx(100.0)
    assert persen_pulih(90, 50, 50) == pytest.approx(0.0)
    # lower is better (2T): worst is the highest value; same formula, signs flip
    assert persen_pulih(10, 40, 15, naik=False) == pytest.approx(83.3333, abs=1e-4)  # (15-40)/(10-40)
    assert persen_pulih(10, 30, 10, naik=False) == pytest.approx(100.0)


def test_percent_recovered_undefined_without_a_drop_or_a_value():
    assert persen_pulih(90, 90, 95) is None  # no drop
    assert persen_pulih(90, 95, 95) is None  # never below the baseline
    assert persen_pulih(10, 8, 9, naik=False) is None  # lower is better and it only got better
    assert persen_pulih(None, 50, 60) is None
    assert persen_pulih(90, 50, float("nan")) is None


def test_threshold_is_inverted_when_lower_is_better():
    assert target_pulih(90, 0.95) == pytest.approx(85.5)
    assert target_pulih(10, 0.95, naik=False) == pytest.approx(10.5263, abs=1e-4)
    assert sudah_pulih(85.5, 90, 0.95) and not sudah_pulih(85.4, 90, 0.95)
    assert sudah_pulih(10.5, 10, 0.95, naik=False) and not sudah_pulih(10.6, 10, 0.95, naik=False)
    assert sudah_pulih(0, 10, 0.95, naik=False)


def test_status():
    assert status_pulih(None, None, None) == "tanpa_baseline"
    assert status_pulih(float("nan"), True, True) == "tanpa_baseline"
    assert status_pulih(90, True, True) == "tidak_turun"
    assert status_pulih(90, False, True) == "pulih"
    assert status_pulih(90, False, False) == "belum_pulih"


def test_projection_reaches_the_threshold_on_a_clean_trend():
    # 65, 70, 75, 77.5 in months 3..6: slope 4.25, intercept 52.75, target 85.5 -> x = 7.71 -> month 8
    p = proyeksi([3, 4, 5, 6], [65, 70, 75, 77.5], 90, True, 0.95, 6)
    assert p.alasan is None and p.bulan_ke == 8
    assert p.kemiringan == pytest.approx(4.25) and p.r2 == pytest.approx(0.97966, abs=1e-5)
    # an exact crossing lands on that month
    assert proyeksi([1, 2, 3], [60, 70, 80], 100, True, 0.9, 3).bulan_ke == 4
    # never earlier than the month after the latest one (fitted line already above the target)
    assert proyeksi([3, 4, 5, 6], [55, 65, 75, 80], 85, True, 0.95, 6).bulan_ke == 7


def test_projection_lower_is_better():
    # 2T: 30, 25, 20, 15 in months 3..6, baseline 10 -> target 10/0.95 = 10.53 -> x = 6.89 -> month 7
    p = proyeksi([3, 4, 5, 6], [30, 25, 20, 15], 10, False, 0.95, 6)
    assert p.alasan is None and p.bulan_ke == 7 and p.kemiringan == pytest.approx(-5.0)


@pytest.mark.parametrize(
    ("bulan", "nilai", "baseline", "naik", "alasan"),
    [
        ([3, 4, 5, 6], [50, 50, 50, 50], 90, True, "tren_tidak_membaik"),  # flat
        ([3, 4, 5, 6], [60, 58, 57, 55], 90, True, "tren_tidak_membaik"),  # getting worse
        ([3, 4, 5, 6], [20, 22, 25, 30], 10, False, "tren_tidak_membaik"),  # 2T rising = worse
        ([3, 4, 5, 6], [40, 70, 45, 75], 90, True, "tren_tidak_stabil"),  # slope 8 but R² = 0.35
        ([3, 4, 5, 6], [50, 50.5, 51, 51.5], 90, True, "terlalu_jauh"),  # 0.5 point/month: 68 months away
        ([5, 6], [50, 60], 90, True, "data_kurang"),  # two points
        ([6, 6, 6], [50, 60, 70], 90, True, "data_kurang"),  # no spread in time
        ([3, 4, 5, 6], [50, 60, 70, 80], None, True, "tanpa_baseline"),
    ],
)
def test_no_projection_when_unwarranted(bulan, nilai, baseline, naik, alasan):
    p = proyeksi(bulan, nilai, baseline, naik, 0.95, max(bulan), min_titik=3, r2_min=0.5, batas_bulan=24)
    assert p.bulan_ke is None and p.alasan == alasan


def test_projection_settings_are_respected():
    pts = ([3, 4, 5, 6], [50, 50.5, 51, 51.5])
    assert proyeksi(*pts, 90, True, 0.95, 6, batas_bulan=100).bulan_ke == 74
    noisy = ([3, 4, 5, 6], [40, 70, 45, 75])
    assert proyeksi(*noisy, 90, True, 0.95, 6, r2_min=0.3).alasan is None
    assert proyeksi([5, 6], [50, 60], 90, True, 0.95, 6, min_titik=2).bulan_ke == 9  # 60 + 10/month -> 85.5 at 8.55


def test_months_after_onset_and_settings_defaults(monkeypatch, tmp_path):
    assert str(bulan_ke_periode("2025-12-01", 8).date()) == "2026-08-01"
    assert str(bulan_ke_periode("2025-12-01", -3).date()) == "2025-09-01"
    assert bulan_ke_periode("2025-12-01", None) is None
    from dashboard.banjir import data as banjir_data
    from dashboard.core.settings import settings

    assert banjir_data.pengaturan() == CFG  # data/pengaturan.toml holds the defaults
    extra = tmp_path / "cfg.toml"
    extra.write_text("[banjir]\nbulan_baseline = 40\nambang_pulih = 0.9\nbulan_tren = 6\n", encoding="utf-8")
    monkeypatch.setenv("SPM_CONFIG", str(extra))
    settings.cache_clear()
    try:
        cfg = banjir_data.pengaturan()
        assert cfg.bulan_baseline == 12 and math.isclose(cfg.ambang_pulih, 0.9) and cfg.bulan_tren == 6
    finally:
        monkeypatch.delenv("SPM_CONFIG")
        settings.cache_clear()
