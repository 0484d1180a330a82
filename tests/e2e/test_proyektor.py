"""The projector view (rakor) driven like a presenter does: keyboard and clicker keys, Next always in view."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import settle

pytestmark = pytest.mark.e2e

NEXT = ".st-key-rk_berikutnya button"


def screen(page) -> str:
    """The screen shown: its 'Layar i dari n' counter and its title."""
    settle(page)
    # the key listener is installed by a small component that loads after the page: wait for it like a presenter would
    page.wait_for_function("() => typeof window.__rkKeys === 'function'", timeout=60_000)
    counter = page.locator('[data-testid="stMain"] [data-testid="stCaptionContainer"]').first.inner_text()
    return counter.split("·")[-1].strip()


def press(page, key: str, expected: str) -> None:
    page.keyboard.press(key)
    page.wait_for_function(
        """want => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stCaptionContainer"]')]
                  .some(e => e.innerText.includes(want))""",
        arg=expected, timeout=120_000,
    )  # fmt: skip
    assert screen(page).startswith(expected)


def test_keys_move_the_projector_view_forward_and_back(app_url, page):
    page.goto(app_url + "/rakor?periode=2026-03")
    n = int(screen(page).split()[-1])
    assert n >= 4
    assert screen(page) == f"Layar 1 dari {n}"
    first_title = page.locator('[data-testid="stMain"] h1').first.inner_text()
    press(page, "ArrowRight", f"Layar 2 dari {n}")
    second_title = page.locator('[data-testid="stMain"] h1').first.inner_text()
    assert second_title != first_title
    press(page, "PageDown", f"Layar 3 dari {n}")
    press(page, "Space", f"Layar 4 dari {n}")
    press(page, "ArrowLeft", f"Layar 3 dari {n}")
    press(page, "PageUp", f"Layar 2 dari {n}")
    press(page, "ArrowLeft", f"Layar 1 dari {n}")
    assert page.locator('[data-testid="stMain"] h1').first.inner_text() == first_title
    press(page, "ArrowLeft", f"Layar 1 dari {n}")  # nothing before the first screen
    press(page, "End", f"Layar {n} dari {n}")
    press(page, "Home", f"Layar 1 dari {n}")
    press(page, "3", f"Layar 3 dari {n}")
    press(page, "1", f"Layar 1 dari {n}")  # fewer than 10 screens: a digit jumps at once


def test_space_after_clicking_next_moves_one_screen(app_url, page):
    """A mouse click leaves the focus on Next; Space then must move once (not also 'press' the focused button)."""
    page.goto(app_url + "/rakor?periode=2026-03")
    n = int(screen(page).split()[-1])
    page.locator(NEXT).click()
    page.wait_for_function(
        """want => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stCaptionContainer"]')]
                  .some(e => e.innerText.includes(want))""",
        arg=f"Layar 2 dari {n}", timeout=120_000,
    )  # fmt: skip
    assert screen(page) == f"Layar 2 dari {n}"
    press(page, "Space", f"Layar 3 dari {n}")
    page.wait_for_timeout(1500)  # a second move would have started a rerun by now
    assert screen(page) == f"Layar 3 dari {n}"
    press(page, "ArrowRight", f"Layar 4 dari {n}")


def test_f_toggles_full_screen_and_the_button_too(app_url, page):
    page.goto(app_url + "/rakor?periode=2026-03&layar=2")
    screen(page)
    assert not page.evaluate("() => !!document.fullscreenElement")
    page.keyboard.press("f")
    page.wait_for_function("() => !!document.fullscreenElement", timeout=10_000)
    page.keyboard.press("F")
    page.wait_for_function("() => !document.fullscreenElement", timeout=10_000)
    page.locator(".st-key-rk_layar_penuh button").click()
    page.wait_for_function("() => !!document.fullscreenElement", timeout=10_000)
    assert screen(page).startswith("Layar 2 dari")  # full screen does not move the screen


def test_quick_clicker_presses_each_move_one_screen(app_url, page):
    """Three quick presses while the page is still drawing land three screens on, not one or two."""
    page.goto(app_url + "/rakor?periode=2026-03")
    n = int(screen(page).split()[-1])
    for _ in range(3):
        page.keyboard.press("PageDown")
        page.wait_for_timeout(250)
    page.wait_for_function(
        """want => [...document.querySelectorAll('[data-testid="stMain"] [data-testid="stCaptionContainer"]')]
                  .some(e => e.innerText.includes(want))""",
        arg=f"Layar 4 dari {n}", timeout=120_000,
    )  # fmt: skip
    page.wait_for_timeout(1500)
    assert screen(page) == f"Layar 4 dari {n}"


def test_keys_typed_into_a_field_do_not_move_the_screen(app_url, page):
    page.goto(app_url + "/rakor?periode=2026-03&layar=2")
    n = int(screen(page).split()[-1])
    page.evaluate(
        """() => { const i = document.createElement('input'); i.id = 'ketik'; document.body.appendChild(i); }"""
    )
    page.locator("#ketik").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("3")
    page.wait_for_timeout(1500)  # a move would have started a rerun by now
    assert screen(page) == f"Layar 2 dari {n}"


def every_screen(app_url, browser, size):
    """Each screen of the sample deck in each language at ``size``: yields (lang, screen number, page)."""
    width, height = size
    for lang in ("id", "en"):
        context = browser.new_context(viewport={"width": width, "height": height}, locale="id-ID")
        page = context.new_page()
        page.goto(app_url + f"/rakor?periode=2026-03&lang={lang}")
        n = int(screen(page).split()[-1])
        for i in range(1, n + 1):
            if i > 1:
                page.goto(app_url + f"/rakor?periode=2026-03&lang={lang}&layar={i}")
                settle(page)
            yield lang, i, page
        context.close()


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
def test_next_and_previous_are_in_view_on_every_screen(app_url, browser, size):
    width, height = size
    for lang, i, page in every_screen(app_url, browser, size):
        for key in ("rk_sebelumnya", "rk_berikutnya"):
            box = page.locator(f".st-key-{key} button").bounding_box()
            assert box is not None, (lang, i, key)
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, (lang, i, key, box)
            assert box["y"] >= 0 and box["y"] + box["height"] <= height, (lang, i, key, box)
        # the bar does not hide the end of the screen: scrolled to the bottom, the last content ends above it
        page.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")
        page.locator('[data-testid="stMain"]').evaluate("m => m.scrollTo(0, m.scrollHeight)")
        bar = page.locator(".st-key-rk_nav").bounding_box()
        last = page.locator('[data-testid="stMain"] [data-testid="stExpander"]').last.bounding_box()
        assert last["y"] + last["height"] <= bar["y"] + 1, (lang, i, last, bar)


# every text node of the screen (not the navigation bar's controls, not hidden icons) with its computed size; the
# charts' SVG text with its size and fill, and whether it is an annotation (tile labels, coloured by their tile)
MEASURE = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const body = [], svg = [];
  for (const el of main.querySelectorAll('*')) {
    if (!el.offsetParent || el.closest('svg') || el.closest('.st-key-rk_nav') || el.closest('[aria-hidden="true"]')) continue;
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) continue;
    body.push([el.textContent.trim().slice(0, 40), parseFloat(getComputedStyle(el).fontSize)]);
  }
  for (const t of main.querySelectorAll('svg text')) {
    if (!t.textContent.trim()) continue;
    const cs = getComputedStyle(t);
    svg.push([t.textContent.trim().slice(0, 40), parseFloat(cs.fontSize), cs.fill, !!t.closest('.annotation')]);
  }
  return {body, svg};
}"""


def luminance(rgb: str) -> float:
    """WCAG relative luminance of a computed 'rgb(r, g, b)' colour."""
    parts = [float(x) / 255 for x in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


@pytest.mark.parametrize("size", [(1920, 1080), (1366, 768)], ids=["1920x1080", "1366x768"])
def test_type_is_sized_for_a_room_on_every_screen(app_url, browser, size):
    """Body text at least 24 px; chart text (district names, axis labels, data labels) at least 18 px and dark."""
    charts = dict.fromkeys(("id", "en"), 0)
    for lang, i, page in every_screen(app_url, browser, size):
        if page.locator('[data-testid="stPlotlyChart"]').count():
            page.wait_for_selector('[data-testid="stPlotlyChart"] svg text', timeout=30_000)
        m = page.evaluate(MEASURE)
        assert len(m["body"]) >= 3, (lang, i)  # the counter, the headline and at least a sentence or a table
        small = [(text, fs) for text, fs in m["body"] if fs < 24]
        assert not small, (lang, i, small)
        charts[lang] += bool(m["svg"])
        assert all(fs >= 18 for _, fs, _, _ in m["svg"]), (lang, i, [s for s in m["svg"] if s[1] < 18])
        # chart text other than tile labels is near-black on white (the grey 11-12 px labels were the problem)
        grey = [s for s in m["svg"] if not s[3] and luminance(s[2]) > 0.02]
        assert not grey, (lang, i, grey)
    for lang, n in charts.items():
        assert n >= 3, lang  # the index, field and tile-map charts were measured, not skipped
