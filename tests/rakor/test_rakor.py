"""Meeting mode and briefing deck: the narrative against hand-computed fixture results, the PPTX (python-pptx) and
the PDF (pypdf) against the warehouse, the command line, and presentation mode in AppTest.

Base fixture, Q1 2026 (year to date), official kab/kota services (tests/fixtures/dasar.py):
  Banjarmasin (100 + (27.5 + 25)/2 + 96)/3 = 74.083; Banjar (96 + (26 + 22.5)/2 + 72)/3 = 64.083;
  Balangan (84 + 20 + 55.5)/3 = 53.167; Q4 2025 order the same (97.5, 82.5, 61.67) -> no rank changes.
  Province fields: pendidikan 227000/235000, kesehatan mean(6400/24500, 23500/100000), PU 1137750/1390000.
Extended fixture, Q1 2026 vs Q4 2025 (tests/fixtures/peringkat.py): ranks Banjarmasin 1 -> 1, Banjar 3 -> 2,
  Balangan 4 -> 3, Banjarbaru (30/80 = 37.5) 2 -> 4.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pandas as pd
import pytest
from pptx import Presentation
from pypdf import PdfReader
from streamlit.testing.v1 import AppTest

from dashboard.rakor import content as rakor_content
from dashboard.rakor import deck_pdf, deck_pptx
from tests.helpers import cli

# a sparse fixture (3 of 13 kab/kota, a few services): these tests check other rules than completeness
pytestmark = pytest.mark.usefixtures("ambang_nol")

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
DAY = dt.date(2026, 4, 15)
PEND = 227000 / 235000 * 100
KES = (6400 / 24500 * 100 + 23500 / 100000 * 100) / 2
PU = 1137750 / 1390000 * 100
LEAGUE = [("Kota Banjarmasin", 222.25 / 3), ("Kabupaten Banjar", 192.25 / 3), ("Kabupaten Balangan", 159.5 / 3)]


def pct(v: float, lang: str = "id", d: int = 1) -> str:
    text = f"{v:.{d}f}%"
    return text.replace(".", ",") if lang == "id" else text


@pytest.fixture(scope="module")
def bahan_id(base_env):
    return rakor_content.bahan("2026-03", None, "id", today=DAY)


@pytest.fixture(scope="module")
def bahan_en(base_env):
    return rakor_content.bahan("2026-03", "63.03", "en", today=DAY)


# --- the material and its narrative ----------------------------------------------------------------------------------


def test_screens_and_messages_base_fixture(bahan_id):
    keys = [s.kunci for s in bahan_id.semua]
    # only the three fields with data get a screen; no flood event in the base fixture
    assert keys == ["indeks", "liga", "bidang:pendidikan", "bidang:kesehatan", "bidang:pekerjaan_umum", "banjir",
                    "prioritas", "peringatan", "kualitas", "penutup"]  # fmt: skip
    overall = (PEND + KES + PU) / 3
    indeks = bahan_id.layar[0]
    assert indeks.pesan == (
        f"Indeks SPM Provinsi Kalimantan Selatan: {pct(overall)} (Tuntas Muda) (rata-rata 3 dari 6 bidang berdata)"
        "; kelengkapan data 2,3%"
    )  # issue 13: the index says over how many fields it was computed and its completeness: 3 of 13 kab/kota in
    # pend_dikdas (1 of 5 services), kes_ibu_hamil and kes_balita (2 of 14), pu_air_minum (1 of 4), 3 fields without
    # data -> (3/13/5 + 2*3/13/14 + 3/13/4) / 6 = 2,28 %
    assert indeks.grafik.seri[0][1][:3] == pytest.approx([PEND, KES, PU], abs=1e-9)
    assert indeks.grafik.seri[0][1][3:] == [None, None, None]
    assert "1 dari 6 bidang SPM mencapai 90% atau lebih (Triwulan I 2026 (kumulatif))." in indeks.kalimat
    assert f"Bidang tertinggi Pendidikan ({pct(PEND)}), terendah Kesehatan ({pct(KES)})." in indeks.kalimat
    assert "3 bidang belum ada datanya: Perumahan Rakyat, Trantibumlinmas dan Sosial." in indeks.kalimat
    # categories: Banjarmasin Tuntas Pratama (74.1), Banjar Tuntas Muda (64.1), Balangan Belum Tuntas (53.2)
    assert (
        "Kategori 3 dari 13 kab/kota yang melapor: 1 Tuntas Pratama, 1 Tuntas Muda, 1 Belum Tuntas." in indeks.kalimat
    )


def test_league_screen_base_fixture(bahan_id):
    liga = bahan_id.layar[1]
    (top, v_top), _, (bottom, v_bottom) = LEAGUE
    assert liga.pesan == (
        f"Triwulan I 2026 (kumulatif): {top} teratas ({pct(v_top)}), {bottom} terbawah ({pct(v_bottom)}) dari 3 kab/kota"
    )
    assert liga.kalimat[0] == "Peringkat ke-3 kab/kota sama dengan periode lalu."
    assert liga.kalimat[-1] == "10 kab/kota belum melapor dan tidak diperingkat."
    rows = liga.tabel.baris
    assert [r[:5] for r in rows] == [
        ["1", "=", "Kota Banjarmasin", pct(LEAGUE[0][1]), "Tuntas Pratama"],
        ["2", "=", "Kabupaten Banjar", pct(LEAGUE[1][1]), "Tuntas Muda"],
        ["3", "=", "Kabupaten Balangan", pct(LEAGUE[2][1]), "Belum Tuntas"],
    ]
    assert any(pct(LEAGUE[0][1], d=2) in line for line in liga.catatan)
    assert len(liga.ubin) == 13


def test_rank_moves_real_or_within_uncertainty(peringkat_env):
    from dashboard.spm import league, scoring

    liga = league.league(scoring.Pilihan("spm_resmi"), "triwulan", "2026-03")
    moves = rakor_content.gerak_peringkat(liga.tabel).set_index("kode_wilayah")
    assert moves["perubahan"].to_dict() == {"63.72": -2, "63.03": 1, "63.11": 1}
    # plausible ranges are tight (large denominators; Banjarbaru 37.5 +- 10.6 stays last): every move is real
    assert moves["nyata"].all()
    lines = rakor_content.kalimat_gerak(liga.tabel, "id")
    assert lines[0] == "Naik: Kabupaten Banjar (3 → 2) dan Kabupaten Balangan (4 → 3)."
    assert lines[1] == "Turun: Kota Banjarbaru (2 → 4)."
    assert lines[2].startswith(
        "Perubahan nyata (peringkat lalu di luar rentang peringkat wajar sekarang): Kota Banjarbaru (4–4)"
    )
    en = rakor_content.kalimat_gerak(liga.tabel, "en")
    assert en[0] == "Rose: Kabupaten Banjar (3 → 2) and Kabupaten Balangan (4 → 3)."
    # a move whose previous rank is still plausible now is called within the uncertainty
    wide = liga.tabel.copy()
    wide.loc[wide["kode_wilayah"] == "63.72", "rentang_dari"] = 2
    wide.loc[wide["kode_wilayah"] == "63.03", "rentang_sampai"] = 3
    wide.loc[wide["kode_wilayah"] == "63.11", "rentang_sampai"] = 4
    assert rakor_content.kalimat_gerak(wide, "id")[2] == (
        "Ke-3 perubahan peringkat masih dalam rentang ketidakpastian (peringkat lalu masih dalam rentang peringkat "
        "wajar sekarang): belum tentu perubahan nyata."
    )


def test_lagging_recovery_hand_computed():
    layanan = pd.DataFrame(
        {"tingkat": ["kabkota"] * 4 + ["provinsi"], "kode_wilayah": ["63.05", "63.05", "63.06", "63.06", "63"],
         "nama_wilayah": ["Tapin", "Tapin", "Hulu Sungai Selatan", "Hulu Sungai Selatan", "Kalsel"],
         "status": ["belum_pulih", "pulih", "pulih", "tidak_turun", "pulih"], "persen_pulih": [40.0, 100.0, 100.0, None, 90.0]}
    )  # fmt: skip
    fisik = pd.DataFrame(
        {"tingkat": ["kabkota", "kabkota", "kabkota"], "kode_wilayah": ["63.05", "63.05", "63.06"],
         "nama_wilayah": ["Tapin", "Tapin", "Hulu Sungai Selatan"],
         "komponen": ["rumah_rusak_berat", "rumah_rusak_ringan", "rumah_rusak_ringan"],
         "rusak": [10, 30, 20], "pulih": [2, 18, 20]}
    )  # fmt: skip
    lag = rakor_content.tertinggal_kabkota(layanan, fisik)
    assert lag["nama"].tolist() == ["Tapin", "Hulu Sungai Selatan"]
    assert lag["belum"].tolist() == [1, 0] and lag["layanan"].tolist() == [2, 2]
    assert lag["rumah_persen"].tolist() == pytest.approx([50.0, 100.0])  # (2 + 18) / 40; 20 / 20
    assert lag["tertinggal"].tolist() == [True, False]
    assert rakor_content.kalimat_tertinggal(lag, "id") == (
        "Tertinggal dalam pemulihan: Tapin (1 dari 2 layanan belum pulih; rumah diperbaiki 50,0%)."
    )
    assert rakor_content.kalimat_tertinggal(lag.iloc[1:], "en") == (
        "No affected district lags: every flood-sensitive service has recovered and house repairs are complete."
    )


def test_priority_and_quality_screens_match_the_planner(bahan_id, base_env):
    from dashboard.core.settings import settings
    from dashboard.perencanaan import data as perencanaan_data

    cfg = settings().perencanaan
    per = perencanaan_data.periode_for("2026-03")
    rows = perencanaan_data.values(["63", "63"], per)
    table = perencanaan_data.priority_table(rows, "63", "63", cfg.bobot, ambang_tren=cfg.ambang_tren_poin)
    screen = next(s for s in bahan_id.layar if s.kunci == "prioritas")
    assert [r[1] for r in screen.tabel.baris] == table["nama_id"].head(5).tolist()
    assert [r[4] for r in screen.tabel.baris] == [f"{v:.1f}".replace(".", ",") for v in table["skor"].head(5)]
    first = table.iloc[0]
    skor = f"{first['skor']:.1f}".replace(".", ",")
    assert screen.kalimat[0].startswith(f"1. {first['nama_id']} (skor {skor}): capaian ")
    stacked = [sum(v[i] for _, v in screen.grafik.seri) for i in range(len(screen.grafik.kategori))]
    assert screen.grafik.tumpuk and stacked == pytest.approx(table["skor"].head(5).tolist(), abs=1e-9)  # parts add up
    banjir = next(s for s in bahan_id.layar if s.kunci == "banjir")
    assert banjir.pesan == "Tidak ada kejadian banjir tercatat untuk Provinsi Kalimantan Selatan sampai periode ini"
    kualitas = next(s for s in bahan_id.layar if s.kunci == "kualitas")
    assert "10 dari 13 kab/kota belum melaporkan capaian SPM untuk periode ini." in kualitas.kalimat
    assert any(line.startswith("3 bidang SPM tanpa data") for line in kualitas.kalimat)


# --- PPTX and PDF ------------------------------------------------------------------------------------------------------


def screen_slides(prs) -> list[tuple[str, list]]:
    """(label, slides) per screen of the deck: a screen's continued slides ("… (LANJUTAN)") join its first."""
    groups: list[tuple[str, list]] = []
    for slide in list(prs.slides)[1:]:
        head = next(s.text_frame.text for s in slide.shapes if s.name == "Judul")
        if head.endswith(")") and " (" in head and head.rsplit(" (", 1)[1].lower() in ("lanjutan)", "continued)"):
            groups[-1][1].append(slide)
        else:
            groups.append((head, [slide]))
    return groups


def test_pptx_slides_charts_tables_notes(bahan_id):
    prs = Presentation(io.BytesIO(deck_pptx.build(bahan_id)))
    slides = list(prs.slides)
    groups = screen_slides(prs)
    assert len(groups) == len(bahan_id.semua) == 10
    title = {s.name: s.text_frame.text for s in slides[0].shapes if s.has_text_frame}
    assert title["Judul"] == "Bahan Rapat Koordinasi SPM dan Posyandu"
    assert title["Wilayah"] == "Provinsi Kalimantan Selatan" and title["Periode"] == "Maret 2026"
    assert title["Tanggal"] == "Disiapkan 15 April 2026 dari dasbor SPM Posyandu Kalsel"
    heads = [head for head, _ in groups]
    assert heads == [s.judul.upper() for s in bahan_id.semua]
    assert heads[-1] == "SUMBER, KELENGKAPAN DAN CATATAN"
    # native chart with the field indices
    chart = next(s for slide in groups[0][1] for s in slide.shapes if s.has_chart).chart
    assert list(chart.plots[0].categories) == ["Pendidikan", "Kesehatan", "Pekerjaan Umum", "Perumahan Rakyat",
                                                "Trantibumlinmas", "Sosial"]  # fmt: skip
    values = list(chart.plots[0].series[0].values)
    assert values[:3] == pytest.approx([PEND, KES, PU], abs=1e-9) and values[3:] == [None, None, None]
    # real table with the league
    table = next(s for slide in groups[1][1] for s in slide.shapes if s.has_table).table
    cells = [[table.cell(r, c).text for c in range(5)] for r in range(1, 4)]
    assert cells == [[str(i + 1), "=", name, pct(v), cat] for i, ((name, v), cat) in
                     enumerate(zip(LEAGUE, ["Tuntas Pratama", "Tuntas Muda", "Belum Tuntas"], strict=True))]  # fmt: skip
    assert table.cell(0, 2).text == "Kab/kota"
    # tile map drawn with native shapes, 13 tiles
    assert sum(1 for slide in groups[1][1] for s in slide.shapes if s.name.startswith("Ubin ")) == 13
    # field slide: kab/kota values of education (Banjarmasin 100, Banjar 96, Balangan 84)
    chart = next(s for slide in groups[2][1] for s in slide.shapes if s.has_chart).chart
    assert list(chart.plots[0].categories) == ["Banjarmasin", "Banjar", "Balangan"]
    assert list(chart.plots[0].series[0].values) == pytest.approx([100.0, 96.0, 84.0], abs=1e-9)
    # speaker notes hold the numbers
    notes = groups[1][1][0].notes_slide.notes_text_frame.text
    assert pct(LEAGUE[0][1], d=2) in notes and "Gabungan semua kab/kota (terlayani ÷ sasaran):" in notes
    for slide in slides[1:]:
        assert slide.notes_slide.notes_text_frame.text.strip()


def test_pdf_text_matches(bahan_id):
    reader = PdfReader(io.BytesIO(deck_pdf.build(bahan_id)))
    assert len(reader.pages) >= 10
    first = reader.pages[0].extract_text()
    assert "Bahan Rapat Koordinasi SPM dan Posyandu" in first and "Maret 2026" in first
    league = "\n".join(p.extract_text() for p in reader.pages if "PERINGKAT KAB/KOTA" in p.extract_text())
    for name, v in LEAGUE:
        assert name in league and pct(v) in league
    assert "PERINGKAT KAB/KOTA" in league
    closing = "\n".join(p.extract_text() for p in reader.pages if "SUMBER, KELENGKAPAN" in p.extract_text())
    closing = closing.replace("\n", " ")
    assert "Sumber" in closing and "3 dari 13 kab/kota melapor SPM" in closing


def test_pdf_without_unicode_font(bahan_id, monkeypatch):
    monkeypatch.setenv("SPM_PDF_FONT_DIR", "none")
    reader = PdfReader(io.BytesIO(deck_pdf.build(bahan_id)))
    assert len(reader.pages) >= 10
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Kota Banjarmasin" in text and "→" not in text
    assert deck_pdf.transliterate("▲ 2 – 3 ≥ 90") == "^ 2 - 3 >= 90"


def test_english_deck_for_one_district(bahan_en):
    assert bahan_en.wilayah == "Kabupaten Banjar" and bahan_en.periode_label == "March 2026"
    liga = bahan_en.layar[1]
    assert liga.pesan == f"Q1 2026 (year to date): Kabupaten Banjar ranks 2 of 3 districts ({pct(LEAGUE[1][1], 'en')})"
    assert liga.tabel.sorot == [1]
    kualitas = next(s for s in bahan_en.layar if s.kunci == "kualitas")
    assert [kualitas.tabel.baris[i][0] for i in kualitas.tabel.sorot] == ["Kabupaten Banjar"]
    prs = Presentation(io.BytesIO(deck_pptx.build(bahan_en)))
    assert (
        next(s.text_frame.text for s in prs.slides[0].shapes if s.name == "Judul")
        == "SPM and Posyandu Coordination Meeting Brief"
    )
    text = PdfReader(io.BytesIO(deck_pdf.build(bahan_en))).pages[1].extract_text().replace("\n", " ")
    assert "SPM index of Kabupaten Banjar" in text


# --- command line ----------------------------------------------------------------------------------------------------


def test_cli_briefing(fixture_db, tmp_path):
    out, pdf = tmp_path / "rakor.pptx", tmp_path / "rakor.pdf"
    code, text = cli(
        "briefing", "--db", str(fixture_db), "--keluaran", str(out), "--pdf", str(pdf), "--periode", "2026-03"
    )
    assert code == 0, text
    n = len(Presentation(str(out)).slides)
    assert f"({n} slide)" in text and n >= 10 and len(PdfReader(str(pdf)).pages) >= 10
    code, _ = cli("briefing", "--db", str(fixture_db), "--keluaran", str(out), "--periode", "2019-01")
    assert code == 2
    code, _ = cli("briefing", "--db", str(fixture_db), "--keluaran", str(out), "--kab", "99.99")
    assert code == 2
    code, _ = cli("briefing", "--db", str(fixture_db), "--keluaran", str(tmp_path / "x.txt"))
    assert code == 2
    code, _ = cli("briefing", "--db", str(tmp_path / "missing.duckdb"), "--keluaran", str(out))
    assert code == 2  # a missing warehouse is a usage error (issue 14)
    code, text = cli("briefing", "--db", str(fixture_db), "--keluaran", str(out), "--kab", "63.03", "--bahasa", "en")
    assert code == 0 and "Meeting deck saved" in text


# --- presentation mode -------------------------------------------------------------------------------------------------


def open_rakor(**query) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page("rakor/rakor.py").run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_presentation_mode(app_env):
    at = open_rakor(periode="2026-03", layar="2")
    assert at.title[0].value.startswith("Triwulan I 2026 (kumulatif): Kota Banjarmasin teratas")
    assert any("Provinsi Kalimantan Selatan · Maret 2026" in m.value for m in at.markdown)
    assert any("Layar 2 dari 10" in c.value for c in at.caption)
    at.button(key="rk_berikutnya").click().run()
    assert not at.exception
    assert at.title[0].value.startswith("Pendidikan Provinsi Kalimantan Selatan")
    assert at.query_params.get("layar") in ("3", ["3"])
    at.button(key="rk_sebelumnya").click().run()
    at.button(key="rk_sebelumnya").click().run()
    assert at.title[0].value.startswith("Indeks SPM Provinsi Kalimantan Selatan")
    assert at.button(key="rk_sebelumnya").disabled


def test_presentation_mode_english_district_and_hostile_screen(app_env):
    at = open_rakor(periode="2026-03", kab="63.03", lang="en", layar="99")
    assert at.title[0].value.startswith("SPM index of Kabupaten Banjar")  # an unknown screen falls back to the first
    at = open_rakor(periode="2026-03", layar="10")
    assert at.title[0].value.startswith("Angka bahan ini: 3 dari 13 kab/kota melapor SPM; rata-rata kelengkapan")
    assert at.button(key="rk_berikutnya").disabled
