"""The snapshot's HTML file (issue 15) opens in Chromium with the network disabled and shows its chart: written by the
CLI on the flood fixture warehouse, opened from file://, every non-file request aborted and recorded (none made)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.snapshot.test_snapshot import cli

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("args", "lang"),
    [(["--kab", "63.03", "--periode", "2026-03"], "id"), (["--banjir", "TST-2025-12", "--kab", "63.05"], "en")],
)
def test_html_opens_offline_and_shows_its_chart(flood_db, tmp_path, browser, args, lang):
    out = tmp_path / "snapshot.html"
    code, text = cli("snapshot", "--db", str(flood_db), *args, "--bahasa", lang, "--html", str(out))
    assert code == 0, text
    context = browser.new_context(viewport={"width": 390, "height": 844}, offline=True, locale="id-ID")
    attempted: list[str] = []

    def block(route):
        attempted.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith("file:"), block)
    page = context.new_page()
    try:
        page.goto(out.as_uri())
        page.wait_for_selector(".js-plotly-plot .main-svg", timeout=30_000)
        assert page.locator(".js-plotly-plot svg.main-svg").count() >= 1  # Plotly drew its SVG
        assert page.locator(".js-plotly-plot .bars path").count() >= 1  # with bars in it
        assert page.locator("h1").inner_text().strip() != ""
        # readable at 390 px: nothing wider than the screen
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        shots = os.environ.get("SNAPSHOT_SHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(Path(shots) / f"html_{lang}_{args[1]}.png"), full_page=True)
    finally:
        context.close()
    assert attempted == []  # no request left the file
