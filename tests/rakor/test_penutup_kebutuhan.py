"""The deck's closing slide carries the cost of the gap for the selected area (planner fixture, tests/fixtures/
perencanaan.py; annual 2025 = Q4 2025 of tests/fixtures/dasar.py; unit costs 2025: ibu hamil 100.000 and 150.000 in
Banjarmasin, balita 50.000, dikdas 1.000.000, air minum none). Expected numbers by hand in the comments."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation

from dashboard.rakor import content as rakor_content
from dashboard.rakor import deck_pptx

DAY = dt.date(2026, 4, 15)


def closing_text(prs) -> str:
    """Every text of the closing screen's slides (its continued slides too), and their notes."""
    slides = list(prs.slides)
    start = max(i for i, s in enumerate(slides)
                if any(sh.name == "Judul" and sh.text_frame.text.startswith(("SUMBER", "SOURCES")) for sh in s.shapes))  # fmt: skip
    out = []
    for slide in slides[start:]:
        out += [sh.text_frame.text for sh in slide.shapes if sh.has_text_frame]
        out.append(slide.notes_slide.notes_text_frame.text)
    return "\n".join(out)


def test_closing_slide_cost_of_the_gap_for_a_district(perencanaan_env):
    bahan = rakor_content.bahan("2026-03", "63.03", "id", today=DAY)
    # Banjar 2025: health 1000 × 100.000 + 10000 × 50.000 = 0,6 bn, education 5000 × 1.000.000 = 5 bn -> 5,6 bn for
    # 16.000 people on 3 of the 29 kab/kota services (below 80 %: partial); allocation 50 + 20 + 30 = 100 bn ->
    # 100 / 5,6 = 1.786 % covered; no costed field short of its need
    first = (
        "Biaya mencapai 100 % (2025, Kabupaten Banjar): kebutuhan Rp 5,6 miliar untuk 16.000 orang belum terlayani "
        "(◐ sebagian: 3 dari 29 layanan berdata dan berbiaya, kebutuhan sebenarnya lebih besar); pagu Rp 100,0 miliar "
        "menutup 1.786% kebutuhan."
    )
    assert first in bahan.penutup.kalimat
    assert "Pagu setiap bidang yang berbiaya melampaui kebutuhannya." in bahan.penutup.kalimat
    assert "Biaya satuan: uji." in bahan.penutup.kalimat
    # the notes hold each field's numbers: health 600.000.000 vs 20 bn -> gap −19.400.000.000, 3.333 % covered
    assert ("Kesehatan: kebutuhan Rp 600.000.000, pagu Rp 20.000.000.000, selisih Rp -19.400.000.000, tertutup 3.333% "
            "(◐ sebagian: 2 dari 12 layanan berdata dan berbiaya, kebutuhan sebenarnya lebih besar).") in bahan.penutup.catatan  # fmt: skip


def test_closing_slide_in_the_pptx(perencanaan_env, ambang_nol):
    # with the partial threshold at 0 (the sparse fixture's field screens then have values to chart); the same
    # numbers, without the partial mark
    bahan = rakor_content.bahan("2026-03", "63.03", "id", today=DAY)
    text = closing_text(Presentation(io.BytesIO(deck_pptx.build(bahan))))
    assert (
        "kebutuhan Rp 5,6 miliar untuk 16.000 orang belum terlayani (3 dari 29 layanan berdata dan berbiaya); "
        "pagu Rp 100,0 miliar menutup 1.786% kebutuhan."
    ) in text.replace("\n", " ")
    assert "Kesehatan: kebutuhan Rp 600.000.000" in text and "Biaya satuan: uji." in text


def test_closing_slide_province_in_english(perencanaan_env, ambang_nol):
    bahan = rakor_content.bahan("2026-03", None, "en", today=DAY)
    # province 2025: 0,6 + 5 (Banjar) + 0,125 (Banjarmasin: 2500 × 50.000; ibu hamil 0 × 150.000) + 0,35 + 5 (Balangan:
    # 1000 × 100.000 + 5000 × 50.000; 5000 × 1.000.000) = 11,075 bn for 16000 + 2500 + 11000 = 29.500 people;
    # allocation 255 bn -> 255 / 11,075 = 2.302 % covered
    line = next(x for x in bahan.penutup.kalimat if x.startswith("Cost of reaching 100 %"))
    assert "(2025, Provinsi Kalimantan Selatan): a need of IDR 11.1 billion for 29,500 people unserved" in line
    assert "the allocation of IDR 255.0 billion covers 2,302% of it." in line
    text = closing_text(Presentation(io.BytesIO(deck_pptx.build(bahan))))
    assert "IDR 11.1 billion for 29,500 people" in text


def test_no_unit_costs_no_line(perencanaan_env):
    # March 2027 asks for 2026, which has no unit costs: the closing slide says nothing about a need (never a zero)
    assert rakor_content.kalimat_kebutuhan(
        rakor_content.Konteks("2027-03", "63.03", "id", "63", "Kabupaten Banjar")
    ) == ([], [])
