"""The phone view (390 px) and the laptop view (1366x768) in a real browser (issue 15).

At 390x844 the pages a leader opens from a shared link (overview, ranking, flood recovery, area profile) show their
key figures without horizontal scrolling: the page is no wider than the screen and every key-figure card lies within
0..390 px. At 1366x768 the kab/kota filter is visible in the sidebar without scrolling it, and with a district
selected its own rank is above the fold. The flood page's height on a phone is measured and bounded.

The app runs on the flood fixture (the base fixture warehouse plus one flood event), so all four pages have figures.
"""

from __future__ import annotations

import pytest

from tests.e2e.conftest import running_app, settle, shot

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1366, "height": 768}
FLOOD_EVENT = "TST-2025-12"  # the flood fixture's event with services, physical progress and lagging areas
# the pages a leader opens from a shared link, with the key figures each shows at the top
PHONE_PAGES = {
    "ringkasan": ("/?lang={lang}", 3),
    "peringkat": ("/peringkat?lang={lang}&kab=63.05", 3),  # a district selected: its rank, score and range
    "banjir": ("/banjir?lang={lang}&bencana=" + FLOOD_EVENT, 4),
    "profil": ("/profil?lang={lang}", 4),
}
FLOOD_PHONE_MAX_HEIGHT = 6000  # px: the page was about 10,500 px tall before its sections went into tabs


@pytest.fixture(scope="module")
def flood_app_url(flood_db, tmp_path_factory):
    with running_app(flood_db, tmp_path_factory.mktemp("e2e_telepon") / "streamlit.log") as url:
        yield url


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="id-ID")
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture
def laptop(browser):
    context = browser.new_context(viewport=LAPTOP, locale="id-ID")
    pg = context.new_page()
    yield pg
    context.close()


def no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, boxes.first.inner_text()


def page_widths(page) -> dict:
    """The document's and the main area's scroll widths against the viewport's width."""
    return page.evaluate(
        """() => { const main = document.querySelector('[data-testid="stMain"]');
                   return {viewport: window.innerWidth, document: document.documentElement.scrollWidth,
                           main: main.scrollWidth, height: main.scrollHeight}; }"""
    )


def metric_boxes(page) -> list[dict]:
    page.wait_for_selector('[data-testid="stMetric"]', timeout=60_000)
    return [m.bounding_box() for m in page.locator('[data-testid="stMetric"]').all()]


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("name", list(PHONE_PAGES))
def test_phone_key_figures_fit_the_screen(flood_app_url, phone, name, lang):
    path, n_key = PHONE_PAGES[name]
    phone.goto(flood_app_url + path.format(lang=lang))
    settle(phone)
    no_exception(phone)
    widths = page_widths(phone)
    assert widths["viewport"] == PHONE["width"]
    assert widths["document"] <= PHONE["width"] and widths["main"] <= PHONE["width"], widths  # no sideways scroll
    boxes = metric_boxes(phone)
    assert len(boxes) >= n_key
    for box in boxes[:n_key]:
        assert box is not None and box["width"] > 100
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box  # each card whole on the screen
    values = phone.locator('[data-testid="stMetricValue"]').all()[:n_key]
    for value in values:  # the figure itself is not cut: its text fits in its card
        fits = value.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
        assert fits, value.inner_text()
    shot(phone, f"telepon_{name}_{lang}")


def test_phone_flood_page_is_short_and_its_sections_are_tabs(flood_app_url, phone):
    phone.goto(flood_app_url + f"/banjir?bencana={FLOOD_EVENT}")
    settle(phone)
    no_exception(phone)
    height = page_widths(phone)["height"]
    print(f"flood page height at 390 px: {height} px")  # reported (pytest -s); bounded below
    assert 844 < height <= FLOOD_PHONE_MAX_HEIGHT
    tabs = phone.locator('[data-testid="stTabs"] [role="tab"]')
    assert tabs.count() == 5
    tabs.nth(1).click()  # the services: its heat map keeps its row labels
    settle(phone)
    heat = phone.locator('[data-testid="stPlotlyChart"]').filter(has=phone.locator(".heatmaplayer")).first
    heat.wait_for(state="visible", timeout=60_000)
    labels = heat.locator(".ytick text").all()
    assert labels, "the heat map has row labels"
    for label in labels:
        box = label.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], label.inner_text()
    dates = [d.bounding_box() for d in heat.locator(".xtick text").all()]
    dates = sorted((d for d in dates if d), key=lambda d: d["x"])
    assert len(dates) >= 2
    for left, right in zip(dates, dates[1:], strict=False):  # the date axis does not overlap itself
        assert left["x"] + left["width"] <= right["x"] + 0.5, (left, right)
    assert page_widths(phone)["document"] <= PHONE["width"]


@pytest.mark.parametrize("path", ["/", "/peringkat", "/profil"])
def test_laptop_district_filter_is_visible_in_the_sidebar(flood_app_url, laptop, path):
    laptop.goto(flood_app_url + path)
    settle(laptop)
    no_exception(laptop)
    box = laptop.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text="Kabupaten/kota")
    bounds = box.bounding_box()
    assert bounds is not None
    assert bounds["y"] >= 0 and bounds["y"] + bounds["height"] <= LAPTOP["height"], bounds


def test_laptop_selected_district_rank_is_above_the_fold(flood_app_url, laptop):
    laptop.goto(flood_app_url + "/peringkat?kab=63.05")
    settle(laptop)
    no_exception(laptop)
    rank = laptop.locator('[data-testid="stMetric"]').filter(has_text="Peringkat").first
    bounds = rank.bounding_box()
    assert bounds is not None and bounds["y"] + bounds["height"] <= LAPTOP["height"], bounds
    assert "Kabupaten Tapin" in rank.inner_text()  # 63.05: the label names the district
    shot(laptop, "laptop_peringkat_kab")
