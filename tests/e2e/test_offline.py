"""Offline (issue 14, finding 10): visiting every page makes no request outside the machine."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from dashboard.pages import PAGES
from tests.e2e.conftest import settle

pytestmark = pytest.mark.e2e
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", "[::1]"}
LOCAL_SCHEMES = {"data", "blob", "about", "chrome", "chrome-extension", "devtools"}


def outside(url: str) -> bool:
    parts = urlparse(url)
    return parts.scheme not in LOCAL_SCHEMES and (parts.hostname or "") not in LOCAL_HOSTS


def test_no_request_leaves_the_machine_on_any_page(app_url, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
    page = context.new_page()
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    try:
        for spec in PAGES:
            page.goto(app_url + ("/" if spec.default else f"/{spec.url_path}"))
            settle(page)
            page.wait_for_timeout(500)  # late requests (favicon, fonts) of this page
        icon = page.locator("link[rel='shortcut icon']").get_attribute("href") or ""
    finally:
        context.close()
    assert len(seen) > len(PAGES)  # the recorder saw the app's own requests
    assert [url for url in seen if outside(url)] == []
    assert icon.startswith("data:image/svg+xml")  # the page icon is drawn in the page, not fetched
