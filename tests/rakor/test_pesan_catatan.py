"""The projector's screens say one thing each and their speaker notes add numbers (issue 15).

Reproduces the flood headline that contradicted itself ("12 dari 12 layanan … sudah pulih; 1 dari 1 kab/kota …
masih tertinggal" while the chart showed one bar pair): the district lagged only on house repairs, which the
headline did not say. Expected strings are written out by hand from the small frames below and from the flood
fixture (tests/fixtures/banjir.py: Hulu Sungai Selatan has one flood-sensitive service with a baseline, Posyandu
open days, 90 % before the flood and 50 % now, so 0 of 1 recovered; 30 damaged houses, 16 repaired = 53.3 %).
"""

from __future__ import annotations

import datetime as dt
import io

import pandas as pd
import pytest
from pptx import Presentation

from dashboard.rakor import content as rakor_content
from dashboard.rakor import deck_pptx

pytestmark = pytest.mark.usefixtures("ambang_nol")

DAY = dt.date(2026, 4, 15)


def layanan_frame(kab_status: list[str], prov_status: list[str]) -> pd.DataFrame:
    n_kab = len(kab_status)
    return pd.DataFrame(
        {"tingkat": ["kabkota"] * n_kab + ["provinsi"] * len(prov_status),
         "kode_wilayah": ["63.03"] * n_kab + ["63"] * len(prov_status),
         "nama_wilayah": ["Banjar"] * n_kab + ["Kalsel"] * len(prov_status),
         "status": [*kab_status, *prov_status],
         "persen_pulih": [100.0 if s == "pulih" else 40.0 for s in [*kab_status, *prov_status]]}
    )  # fmt: skip


def fisik_frame(rusak: list[int], pulih: list[int]) -> pd.DataFrame:
    return pd.DataFrame(
        {"tingkat": ["kabkota"] * len(rusak), "kode_wilayah": ["63.03"] * len(rusak), "nama_wilayah": ["Banjar"] * len(rusak),
         "komponen": ["rumah_rusak_berat", "rumah_rusak_ringan"][: len(rusak)], "rusak": rusak, "pulih": pulih}
    )  # fmt: skip


def test_flood_headline_says_that_only_house_repairs_lag():
    # the seen case: every service recovered (province and district), houses 74.5 % repaired -> the district lags
    layanan = layanan_frame(["pulih", "pulih"], ["pulih", "tidak_turun"])
    lag = rakor_content.tertinggal_kabkota(layanan, fisik_frame([1000, 1710], [500, 1520]))
    assert lag["tertinggal"].tolist() == [True] and lag["belum"].tolist() == [0]
    pulih, n = rakor_content.hitung_layanan(layanan)
    assert (pulih, n) == (2, 2)
    pesan = rakor_content.pesan_banjir("Banjir Uji", "Provinsi Kalimantan Selatan", pulih, n, lag, False, "id")
    # 500 + 1520 = 2020 of 1000 + 1710 = 2710 houses = 74.54 %
    assert pesan == (
        "Banjir Uji: 2 dari 2 layanan peka banjir sudah pulih, tetapi perbaikan rumah belum selesai di 1 dari 1 "
        "kab/kota terdampak (74,5% diperbaiki)"
    )
    assert "masih tertinggal" not in pesan  # the old self-contradicting clause
    pesan_en = rakor_content.pesan_banjir("Test flood", "Kabupaten Banjar", pulih, n, lag, True, "en")
    assert pesan_en == (
        "Test flood: 2 of 2 flood-sensitive services in Kabupaten Banjar have recovered, but house repairs only "
        "74.5% done (2,020 of 2,710 damaged houses)"
    )


def test_flood_headline_other_cases():
    # nothing lags: services recovered, houses repaired
    lag = rakor_content.tertinggal_kabkota(layanan_frame(["pulih"], ["pulih"]), fisik_frame([10], [10]))
    assert rakor_content.pesan_banjir("B", "Kalsel", 1, 1, lag, False, "id") == (
        "B: 1 dari 1 layanan peka banjir sudah pulih; tidak ada kab/kota terdampak yang tertinggal"
    )
    assert rakor_content.pesan_banjir("B", "Banjar", 1, 1, lag, True, "id") == (
        "B: 1 dari 1 layanan peka banjir di Banjar sudah pulih"
    )
    # a service and the houses lag
    lag = rakor_content.tertinggal_kabkota(layanan_frame(["pulih", "belum_pulih"], ["belum_pulih"]), fisik_frame([10], [4]))
    assert rakor_content.pesan_banjir("B", "Kalsel", 0, 1, lag, False, "id") == (
        "B: 0 dari 1 layanan peka banjir sudah pulih; dari 1 kab/kota terdampak, layanan belum pulih di 1 "
        "dan perbaikan rumah belum selesai di 1"
    )
    # only a service lags
    lag = rakor_content.tertinggal_kabkota(layanan_frame(["belum_pulih"], ["belum_pulih"]), fisik_frame([10], [10]))
    assert rakor_content.pesan_banjir("B", "Kalsel", 0, 1, lag, False, "en") == (
        "B: 0 of 1 flood-sensitive services have recovered; 1 of 1 affected districts still have services "
        "not yet recovered"
    )
    # no service with a pre-flood baseline: never a "0 of 0"
    lag = rakor_content.tertinggal_kabkota(layanan.iloc[0:0] if (layanan := layanan_frame([], [])) is not None else None,
                                           fisik_frame([10], [5]))  # fmt: skip
    assert rakor_content.pesan_banjir("B", "Banjar", 0, 0, lag, True, "id") == (
        "B: belum ada layanan peka banjir di Banjar dengan data sebelum banjir; perbaikan rumah baru 50,0% selesai "
        "(5 dari 10 rumah rusak)"
    )


@pytest.fixture(scope="module")
def flood_bahan(flood_db):
    mp = pytest.MonkeyPatch()
    mp.setenv("SPM_DB", str(flood_db))
    from dashboard.core.settings import settings

    settings.cache_clear()
    yield lambda kab, lang="id": rakor_content.bahan("2026-03", kab, lang, today=DAY)
    mp.undo()
    settings.cache_clear()


def banjir_screen(b):
    return next(s for s in b.semua if s.kunci == "banjir")


def test_flood_screen_for_one_district_headline_chart_table_notes_agree(flood_bahan):
    layar = banjir_screen(flood_bahan("63.06"))
    assert layar.pesan == (
        "Banjir Uji Tapin dan HSS Desember 2025: 0 dari 1 layanan peka banjir di Kabupaten Hulu Sungai Selatan sudah "
        "pulih; perbaikan rumah baru 53,3% selesai (16 dari 30 rumah rusak)"
    )
    # the chart: one bar pair, the same figures
    assert layar.grafik.kategori == ["Hulu Sungai Selatan"]
    assert [v for _, vals in layar.grafik.seri for v in vals] == pytest.approx([0.0, 16 / 30 * 100])
    assert layar.tabel.baris == [["Hulu Sungai Selatan", "0 / 1", "0,0%", "30", "53,3%", "ya"]]
    # the sentences speak about the district, not the province (which has 2 services)
    assert any(s.startswith("Dari 1 layanan peka banjir") for s in layar.kalimat)
    assert not any("Dari 2 layanan" in s for s in [*layar.kalimat, *layar.catatan])
    # the notes add the district's figures and do not repeat the slide
    assert "Hulu Sungai Selatan: layanan pulih 0 dari 1 (% pulih terendah 0,0%); rumah diperbaiki 16 dari 30 (53,3%)." in layar.catatan
    assert any("16 dari 30 rumah rusak sudah diperbaiki" in c for c in layar.catatan)
    assert not set(layar.catatan) & {layar.pesan, *layar.kalimat}


def test_flood_screen_province_both_districts_lag(flood_bahan):
    # January 2026: the December event (Balangan's starts in February); both districts lag on services and houses
    layar = banjir_screen(rakor_content.bahan("2026-01", None, "en", today=DAY))
    assert layar.pesan == (
        "Banjir Uji Tapin dan HSS Desember 2025: 0 of 2 flood-sensitive services have recovered; of 2 affected "
        "districts, 2 still have services not recovered and 2 unfinished house repairs"
    )
    assert layar.grafik.kategori == ["Hulu Sungai Selatan", "Tapin"]
    assert [row[5] for row in layar.tabel.baris] == ["yes", "yes"]


def test_notes_add_to_the_slide_on_every_screen(flood_bahan):
    for kab in (None, "63.05"):
        b = flood_bahan(kab)
        for layar in b.semua:
            assert layar.catatan, layar.kunci
            assert not set(layar.catatan) & {layar.pesan, *layar.kalimat}, layar.kunci


def test_closing_notes_hold_the_figures_behind_the_sources(flood_bahan):
    b = flood_bahan(None)
    notes = b.penutup.catatan
    slide = {b.penutup.pesan, *b.penutup.kalimat}
    assert not set(notes) & slide
    # 3 of 13 kab/kota report SPM in the base fixture, Tapin a fourth in the flood files (sos_korban_bencana,
    # 2026-03): the other 9 are named (the slide only counts them)
    missing = next(c for c in notes if c.startswith("Belum melapor SPM"))
    assert missing.startswith("Belum melapor SPM (9 dari 13 kab/kota): ")
    for name in ("Kota Banjarbaru", "Kabupaten Tanah Laut", "Kabupaten Hulu Sungai Selatan"):
        assert name in missing and not any(name in s for s in slide if "belum melaporkan" in s)
    for name in ("Kota Banjarmasin", "Kabupaten Banjar,", "Kabupaten Balangan", "Kabupaten Tapin"):
        assert name not in missing
    # the months of the fixture: the flood files run September 2025 to June 2026 (the base one Oct 2025 - Mar 2026)
    span = next(c for c in notes if c.startswith("Gudang data memuat"))
    assert span.startswith("Gudang data memuat 10 bulan, September 2025 sampai Juni 2026.")
    # the deck carries the same notes on its last slide (after the headline)
    prs = Presentation(io.BytesIO(deck_pptx.build(b)))
    last = list(prs.slides)[-1].notes_slide.notes_text_frame.text
    assert missing in last and span in last
    assert not any(s in last for s in b.penutup.kalimat)
