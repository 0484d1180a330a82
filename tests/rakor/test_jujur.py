"""The rakor deck on the "honest numbers" warehouse (tests/fixtures/jujur.py): the index screen says over how many
fields it was computed, the league screen flags ranks resting on capped >100 % values and shows no interval or rank
range where there is no denominator. Hand-computed values: tests/ringkasan/test_jujur.py, tests/spm/test_jujur.py."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.rakor import content as rakor_content

OVERALL = (189000 / 210000 * 100 + (16000 / 24500 * 100 + 75.0) / 2 + 100.0) / 3


def test_index_screen_says_partial(jujur_env):
    # every value stands on few of its units (tests/ringkasan/test_jujur.py: index completeness 1,84 %): partial
    bahan = rakor_content.bahan("2026-03", None, "id", today=dt.date(2026, 4, 15))
    indeks = bahan.layar[0]
    assert indeks.pesan == (f"Indeks SPM Provinsi Kalimantan Selatan: {OVERALL:.1f}%".replace(".", ",")
                            + " (◐ sebagian) (rata-rata 3 dari 6 bidang berdata); kelengkapan data 1,8%")  # fmt: skip
    assert "3 bidang belum ada datanya: Perumahan Rakyat, Trantibumlinmas dan Sosial." in indeks.kalimat
    assert any(k.startswith("Sebagian: nilai ini hanya bertumpu pada 1,8% unit/layanan") for k in indeks.kalimat)
    assert "Belum ada bidang dengan data lengkap: bidang bertanda ◐ tidak dihitung." in indeks.kalimat  # never tuntas
    assert any(k.startswith("◐ 4 kab/kota tidak diperingkat") for k in indeks.kalimat)
    assert indeks.grafik.seri[0][1][3:] == [None, None, None]  # no bar value for a field without data
    assert any(c.startswith("Pendidikan: 90,0%, ◐ sebagian,") and "1 dari 5 layanan berdata" in c
               for c in indeks.catatan)  # 3 kab/kota + 2 province  # fmt: skip
    liga = bahan.layar[1]
    assert liga.tabel is None or not liga.tabel.baris  # no ranked district
    assert any(k.startswith("4 kab/kota tidak diperingkat karena datanya sebagian") for k in liga.kalimat)


@pytest.mark.usefixtures("ambang_nol_satu")  # the flags, not completeness
def test_league_screen_flags(jujur_env):
    bahan = rakor_content.bahan("2026-03", None, "id", today=dt.date(2026, 4, 15))
    liga = bahan.layar[1]
    rows = {r[2]: r for r in liga.tabel.baris}
    assert rows["Kota Banjarbaru"][0] == "1 ⚠>100%"
    assert rows["Kota Banjarbaru"][5:7] == ["–", "–"]  # no CI, no rank range: percentage only
    assert "capaian >100% dibatasi 100%" in rows["Kota Banjarbaru"][7]
    assert rows["Kabupaten Banjar"][0] == "2"
    assert rows["Kabupaten Balangan"][5:7] == ["–", "–"] and "tanpa sasaran" in rows["Kabupaten Balangan"][7]
    assert any(k.startswith("Peringkat 2 kab/kota belum pasti karena bertumpu pada capaian >100%") for k in liga.kalimat)
