"""The real app in a real browser: every page in both languages, filters, copied URLs, downloads."""

from __future__ import annotations

import io
import re
from pathlib import Path

import openpyxl
import pytest

from dashboard.core.i18n import t
from dashboard.pages import PAGES
from tests.e2e.conftest import download as downloaded
from tests.e2e.conftest import settle, shot

pytestmark = pytest.mark.e2e


def page_url(base: str, spec, **query) -> str:
    path = "/" if spec.default else f"/{spec.url_path}"
    qs = "&".join(f"{k}={v}" for k, v in query.items())
    return base + path + (f"?{qs}" if qs else "")


def no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, boxes.first.inner_text()


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("spec", PAGES, ids=[p.url_path for p in PAGES])
def test_every_page_renders_in_both_languages(app_url, page, spec, lang):
    page.goto(page_url(app_url, spec, lang=lang))
    settle(page)
    no_exception(page)
    assert page.locator("h1").count() >= 1
    nav = page.locator('[data-testid="stSidebarNav"]')
    assert t(spec.title, lang) in nav.inner_text()
    shot(page, f"{spec.url_path}_{lang}")


def test_overview_shows_the_expected_figures(app_url, page):
    page.goto(app_url + "/?periode=2026-03")
    settle(page)
    no_exception(page)
    metrics = page.locator('[data-testid="stMetricValue"]').all_inner_texts()
    assert metrics[:2] == ["67,8%", "1 / 6"]
    page.goto(app_url + "/?periode=2026-03&lang=en")
    settle(page)
    assert page.locator("h1").first.inner_text().startswith("SPM coverage overview")


def test_filter_change_goes_into_the_url_and_a_copied_url_restores_it(app_url, page, browser):
    page.goto(app_url + "/?periode=2026-03")
    settle(page)
    box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Kabupaten/kota")
    box.click()
    page.keyboard.type("Banjarmasin")  # the option list is virtualised: filter it instead of scrolling
    page.get_by_role("option", name="Kota Banjarmasin").click(timeout=60_000)
    settle(page)
    page.wait_for_url(re.compile(r".*kab=63\.71.*"))
    copied = page.url
    assert "periode=2026-03" in copied
    assert page.locator('[data-testid="stMetricValue"]').first.inner_text() == "74,1%"
    other = browser.new_context(viewport={"width": 1366, "height": 768}).new_page()
    other.goto(copied)
    settle(other)
    restored = other.locator('[data-testid="stMain"]').inner_text()
    assert "Kota Banjarmasin: indeks SPM 74,1%" in restored and "peringkat 1 dari 3 kab/kota" in restored
    assert other.locator('[data-testid="stMetricValue"]').first.inner_text() == "74,1%"
    other.context.close()


def test_moving_between_pages_in_the_menu_keeps_the_filters(app_url, page):
    page.goto(app_url + "/?periode=2026-03&kab=63.71")
    settle(page)
    for spec in (s for s in PAGES if s.url_path in ("peringkat", "profil")):
        page.locator('[data-testid="stSidebarNav"] a').filter(has_text=t(spec.title, "id")).first.click()
        page.wait_for_url(re.compile(rf".*/{spec.url_path}\?.*"))
        settle(page)
        no_exception(page)
        page.wait_for_url(re.compile(r".*periode=2026-03.*kab=63\.71.*"))
        main = page.locator('[data-testid="stMain"]').inner_text()
        assert "Triwulan I 2026" in main  # the period of March 2026
        if spec.url_path == "profil":
            assert "Kota Banjarmasin" in main and "Maret 2026" in main


def test_download_an_export(app_url, page):
    page.goto(app_url + "/?periode=2026-03")
    settle(page)
    download = downloaded(page, "Unduh Excel")
    assert download.suggested_filename == "kabkota_teratas.xlsx"
    ws = openpyxl.load_workbook(io.BytesIO(Path(download.path()).read_bytes()))["Data"]
    assert ws["A1"].value == "Kab/kota teratas"
    assert any(ws.cell(row=r, column=1).value == "Periode (bulan): Maret 2026" for r in range(2, 6))
    headers = [c.value for c in ws[next(r for r in range(1, 10) if ws.cell(row=r, column=1).value == "Peringkat")]]
    # key columns first (issue 15: a phone shows the first columns), then flags and coverage (issue 13)
    assert headers == ["Peringkat", "Kab/kota", "Indeks SPM", "Kategori", "Catatan", "Bidang berdata", "Kelengkapan data"]


def test_hostile_url_parameters_are_harmless(app_url, page):
    page.goto(
        app_url + "/?periode=%27%3B%20drop%20table%20wilayah%3B--&kab=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&lang=xx"
    )
    settle(page)
    no_exception(page)
    assert page.locator("img[src=x]").count() == 0
    assert page.locator("h1").first.inner_text().startswith("Ringkasan capaian SPM")
