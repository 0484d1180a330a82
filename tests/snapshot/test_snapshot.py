"""Share a snapshot (issue 15): the CLI writes a 1080×1350 PNG and a self-contained HTML file for an area profile and a
flood event on the fixture warehouses; a partial or missing index gets no category, no rank and no number; the profile
and flood pages offer both downloads. The HTML's offline opening in Chromium is tested in tests/e2e/test_snapshot.py."""

from __future__ import annotations

import io
import re

import pytest
from PIL import Image

from tests.helpers import cli, open_page


@pytest.fixture
def db_env(monkeypatch):
    """The CLI sets $SPM_DB for the run; restore it afterwards."""
    monkeypatch.delenv("SPM_DB", raising=False)
    from dashboard.core.settings import settings

    settings.cache_clear()
    yield
    settings.cache_clear()


def _png_size(path) -> tuple[int, int]:
    with Image.open(path) as img:
        assert img.format == "PNG"
        return img.size


def _no_remote_resources(text: str) -> None:
    """No script, stylesheet, image or frame is loaded from anywhere: everything is inline."""
    assert not re.search(r"<(script|img|iframe|link)[^>]+(src|href)\s*=", text)
    assert len(text) > 1_000_000  # plotly.js is inlined (its bundle names URLs for map features, fetched by none here)
    assert "Plotly.newPlot" in text  # the chart, drawn by the inlined plotly.js


def test_cli_profile_png_and_html(flood_db, tmp_path, db_env, ambang_nol_satu):
    png, html = tmp_path / "banjar.png", tmp_path / "banjar.html"
    code, text = cli("snapshot", "--db", str(flood_db), "--kab", "63.03", "--periode", "2026-03", "--png", str(png),
                     "--html", str(html))  # fmt: skip
    assert code == 0, text
    assert _png_size(png) == (1080, 1350)
    page = html.read_text(encoding="utf-8")
    _no_remote_resources(page)
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert "Kabupaten Banjar" in page and "DATA SAMPEL SINTETIS" not in page  # the fixture holds real imports
    from dashboard.ringkasan import data as ringkasan_data
    from dashboard.snapshot import data as snapshot_data
    from dashboard.spm.categories import category_scheme

    snap = snapshot_data.profil("63.03", "2026-03", "id")
    fields = ringkasan_data.field_summary("63.03", "2026-03-01")
    overall = ringkasan_data.overall_index(fields)
    assert overall is not None
    # the same index and category as the overview; every field row as the overview's field table
    from dashboard.core import fmt

    assert snap.utama == fmt.persen(overall, 1, "id")
    assert snap.kategori == category_scheme().classify(overall).label
    assert f'id="utama">{snap.utama}<' in page
    spm = fields[fields["termasuk_indeks"].astype(bool)]
    assert [b.teks for b in snap.baris] == [fmt.NA if fmt.is_na(v) else fmt.persen(v, 1, "id") for v in spm["indeks"]]
    # Banjar, Banjarmasin and Balangan are ranked; Banjar's rank as in the league table
    from dashboard.spm import league, scoring

    table = league.league(scoring.Pilihan("spm_resmi"), "triwulan", "2026-03").tabel
    mine = table[table["kode_wilayah"] == "63.03"].iloc[0]
    assert snap.sorotan[0][1] == f"{int(mine['peringkat'])} / {int(table['peringkat'].notna().sum())}"
    code, text = cli("snapshot", "--db", str(flood_db), "--kab", "63.03", "--bahasa", "en", "--png", str(png))
    assert code == 0 and _png_size(png) == (1080, 1350)


def test_partial_index_gets_no_category_and_no_rank(flood_db, tmp_path, db_env):
    """At the default completeness threshold the base fixture's 3 of 13 kab/kota leave every aggregate partial."""
    html = tmp_path / "s.html"
    code, text = cli("snapshot", "--db", str(flood_db), "--kab", "63.03", "--periode", "2026-03", "--html", str(html),
                     "--png", str(tmp_path / "s.png"))  # fmt: skip
    assert code == 0, text
    from dashboard.snapshot import data as snapshot_data
    from dashboard.spm.categories import category_scheme

    snap = snapshot_data.profil("63.03", "2026-03", "id")
    labels = [c.label for c in category_scheme().categories]
    # by hand (tests/fixtures/dasar.py, Banjar, March 2026, year to date): Kesehatan (2,600/10,000 = 26 % and
    # 9,000/40,000 = 22.5 %) = 24.25 %, Pendidikan 96,000/100,000 = 96 %, Pekerjaan Umum 432,000/600,000 = 72 %;
    # index = (96 + 24.25 + 72) / 3 = 64.08 %, three of six fields, partial (3 of 13 kab/kota report)
    assert snap.utama == "64,1% ◐"
    assert [b.teks for b in snap.baris] == ["96,0% ◐", "24,2% ◐", "72,0% ◐", "–", "–", "–"]
    assert snap.daftar == ["Pelayanan kesehatan balita: 22,5% · 31.000\u00a0belum terlayani",
                           "Pelayanan kesehatan ibu hamil: 26,0% · 7.400\u00a0belum terlayani",
                           "Pemenuhan kebutuhan pokok air minum sehari-hari: 72,0% · 168.000\u00a0belum terlayani"]  # fmt: skip
    assert snap.utama.endswith("◐") and snap.kategori is None and snap.kategori_warna is None
    assert any("sebagian" in n.lower() or "◐" in n for n in snap.utama_catatan)
    assert snap.sorotan[0][1] in ("◐ tidak diperingkat", "–")  # no rank for a partial index
    page = html.read_text(encoding="utf-8")
    assert not any(f">{label}<" in page for label in labels)  # no category pill anywhere
    assert not any(label in b.catatan for b in snap.baris for label in labels if b.teks.endswith("◐"))


def test_no_data_shows_no_number(flood_db, tmp_path, db_env):
    """Kab. Tanah Laut reports nothing in the fixture: the index and every field are '–', never 0."""
    png = tmp_path / "tala.png"
    code, text = cli("snapshot", "--db", str(flood_db), "--kab", "63.01", "--periode", "2026-03", "--png", str(png))
    assert code == 0, text
    assert _png_size(png) == (1080, 1350)
    from dashboard.snapshot import data as snapshot_data

    snap = snapshot_data.profil("63.01", "2026-03", "id")
    assert snap.utama == "–" and snap.kategori is None
    assert all(b.teks == "–" and b.nilai is None and b.warna is None for b in snap.baris)
    assert snap.sorotan[0][1] == "–"


def test_cli_flood_event_png_and_html(flood_db, tmp_path, db_env):
    png, html = tmp_path / "banjir.png", tmp_path / "banjir.html"
    code, text = cli("snapshot", "--db", str(flood_db), "--banjir", "TST-2025-12", "--kab", "63.05", "--bahasa", "en",
                     "--png", str(png), "--html", str(html))  # fmt: skip
    assert code == 0, text
    assert _png_size(png) == (1080, 1350)
    page = html.read_text(encoding="utf-8")
    _no_remote_resources(page)
    from dashboard.banjir import data as banjir_data
    from dashboard.snapshot import data as snapshot_data

    snap = snapshot_data.banjir("TST-2025-12", "63.05", "en")
    cfg = banjir_data.pengaturan()
    info = banjir_data.kejadian().set_index("kode_bencana").loc["TST-2025-12"]
    rows = banjir_data.layanan("TST-2025-12", info["bulan_mulai"], cfg)
    tapin = rows[(rows["kode_wilayah"] == "63.05") & (rows["status"] != "tanpa_baseline")]
    recovered = int(tapin["status"].isin(["pulih", "tidak_turun"]).sum())
    assert snap.utama == f"{recovered} / {len(tapin)}" and len(tapin) > 0
    assert "Kabupaten Tapin" in snap.periode and snap.kategori is None
    assert len(snap.baris) == len(tapin)
    assert all("baseline" in b.catatan for b in snap.baris)
    # by hand (tests/fixtures/banjir.py): Tapin reports 1,000 people and 10 + 20 + 50 = 80 damaged houses; repaired by the
    # latest reports: Binuang 2 + 6 + 25 = 33, Tatakan 1 + 3 + 10 = 14 -> 80 - 47 = 33 not yet repaired
    figures = dict(snap.sorotan)
    assert figures["People affected"] == "1,000"
    assert figures["Houses not yet repaired"] == "33 of 80"
    # Posyandu open days in Tapin: baseline 90 %, recovered (86.67 % >= 95 % of 90 % = 85.5 %), drawn green
    posyandu = next(b for b in snap.baris if b.label.startswith("Posyandu"))
    assert posyandu.penanda == pytest.approx(90.0) and posyandu.nilai == pytest.approx(86.6667, abs=1e-3)
    assert posyandu.catatan.startswith("Recovered") and posyandu.teks == "86.7%"


def test_cli_usage_errors(flood_db, tmp_path, db_env):
    out = str(tmp_path / "x.png")
    assert cli("snapshot", "--db", str(flood_db), "--kab", "63.03")[0] == 2  # no output named
    assert cli("snapshot", "--db", str(flood_db), "--png", out)[0] == 2  # neither --kab nor --banjir
    assert cli("snapshot", "--db", str(flood_db), "--kab", "99.99", "--png", out)[0] == 2
    assert cli("snapshot", "--db", str(flood_db), "--banjir", "NOPE", "--png", out)[0] == 2
    assert cli("snapshot", "--db", str(flood_db), "--kab", "63.03", "--periode", "2019-01", "--png", out)[0] == 2
    assert cli("snapshot", "--db", str(flood_db), "--kab", "63.03", "--png", str(tmp_path / "x.jpg"))[0] == 2
    assert cli("snapshot", "--db", str(tmp_path / "missing.duckdb"), "--kab", "63.03", "--png", out)[0] == 2


def test_profile_and_flood_pages_offer_the_snapshot(flood_env):
    at = open_page("perencanaan/profil.py", periode="2026-03", kab="63.03")
    assert not at.exception
    keys = [b.key for b in at.get("download_button")]
    assert "snapshot_profil_png" in keys and "snapshot_profil_html" in keys
    at = open_page("banjir", bencana="TST-2025-12", wilayah="63.05")
    assert not at.exception
    buttons = {b.key: b.proto.label for b in at.get("download_button")}
    assert buttons["snapshot_banjir_png"] == "Bagikan gambar (PNG)"
    assert buttons["snapshot_banjir_html"] == "Bagikan berkas HTML (luring)"


def _snap(**kw):
    from dashboard.snapshot.data import Baris, Snapshot

    base = dict(
        jenis="profil", lang="id", judul="PROFIL SPM", wilayah="Kabupaten Uji", periode="Data s.d. Maret 2026",
        status="sampel", status_teks="", utama_label="Indeks SPM", utama="64,1% ◐", kategori=None, kategori_warna=None,
        utama_catatan=["3 dari 6 bidang berdata"], sorotan=[("Peringkat kab/kota", "◐ tidak diperingkat")],
        baris_judul="Enam bidang SPM",
        baris=[Baris("Pendidikan", "96,0% ◐", 96.0, None, "◐ sebagian"), Baris("Sosial", "–", None, None, "tidak ada data")],
        daftar_judul="Celah terbesar", daftar=["Pelayanan kesehatan balita: 22,5%"], sumber="Sumber: uji", tanggal="Dibuat 1 Maret 2026",
    )  # fmt: skip
    base.update(kw)
    return Snapshot(**base)


def test_image_and_html_carry_the_sample_band_only_for_sample_data():
    from dashboard.snapshot import document, image

    def band_pixels(snap) -> int:
        with Image.open(io.BytesIO(image.png(snap))) as img:
            assert img.size == (1080, 1350)
            rgb = img.convert("RGB")
            return sum(1 for y in range(150, 400) if rgb.getpixel((540, y)) == (0xFF, 0xF3, 0xCD))  # the band's colour

    sample, real = _snap(status="sampel"), _snap(status="nyata", status_teks="Data nyata: 1 impor")
    assert band_pixels(sample) > 20 and band_pixels(real) == 0
    assert "DATA SAMPEL SINTETIS" in document.html(sample) and 'class="sampel"' not in document.html(real)
    assert "Data nyata: 1 impor" in document.html(real)  # what is loaded, as the banner says it


def test_html_shows_missing_as_a_dash_and_partial_without_category():
    from dashboard.snapshot import document

    page = document.html(_snap())
    assert 'class="kategori"' not in page  # a partial index has no category pill
    assert '<td class="nilai">–</td>' in page and "tidak ada data" in page
    assert '<td class="nilai">96,0% ◐</td>' in page
    pill = document.html(_snap(utama="70,0%", kategori="Tuntas Muda", kategori_warna="#fb8c00"))
    assert 'class="kategori" style="background:#fb8c00;color:#000000"' in pill and ">Tuntas Muda<" in pill
