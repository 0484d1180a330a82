"""Two app processes behind real nginx (data/deploy/nginx-spm.conf) on loopback, several browsers at once.

Checks what a scaled-out deployment relies on: every page renders through the proxy, sessions spread over both
backends and stick to one (page, WebSocket, downloads), a download works through the proxy, and an import from
the command line reaches every backend at the next page load, without a restart.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

import openpyxl
import pytest

from dashboard.core.i18n import t
from dashboard.pages import PAGES
from tests.e2e.conftest import CHROMIUM, ROOT, download, settle, shot
from tests.e2e.proxy import Cluster, nginx_binary, route_keys, start_cluster
from tests.e2e.test_browser import no_exception, page_url

pytestmark = pytest.mark.e2e
VIEWPORT = {"width": 1366, "height": 768}


@pytest.fixture(scope="module")
def cluster(fixture_db, tmp_path_factory):
    if not nginx_binary():
        pytest.skip("nginx not installed (apt-get install nginx); .ci/run installs it")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium); .ci/run installs it")
    work = tmp_path_factory.mktemp("scaleout")
    db = work / "gudang" / "spm.duckdb"
    db.parent.mkdir()
    shutil.copyfile(fixture_db, db)  # both backends read this one copy; the import test writes to it
    c = start_cluster(db, work, 2)
    yield c
    c.stop()


def pinned_context(browser, c: Cluster, key: str | None):
    """A browser context (one user); with ``key`` its routing cookie is preset, else nginx assigns one."""
    ctx = browser.new_context(viewport=VIEWPORT, accept_downloads=True, locale="id-ID")
    if key:
        ctx.add_cookies([{"name": "spm_rute", "value": key, "url": c.url}])
    return ctx


def metrics(page) -> list[str]:
    return page.locator('[data-testid="stMetricValue"]').all_inner_texts()


def wait_for_streams(c: Cluster, keys: set[str], timeout: float = 20) -> list[dict]:
    """nginx logs a WebSocket when it closes: wait until every session's stream is in the log."""
    deadline = time.monotonic() + timeout
    while True:
        log = c.log()
        seen = {e["rute"] for e in log if e["uri"].startswith("/_stcore/stream")}
        if keys <= seen or time.monotonic() > deadline:
            return log
        time.sleep(0.2)


def test_several_users_at_once_through_the_proxy(cluster, browser):
    c = cluster
    keys = route_keys(c)  # one routing key per backend, so both are certain to serve sessions
    contexts = [pinned_context(browser, c, key) for (key,) in keys.values()]
    contexts += [pinned_context(browser, c, None) for _ in range(2)]  # two more users, routed by nginx's cookie
    pages = [ctx.new_page() for ctx in contexts]

    for pg in pages:  # all sessions start at once: both backends run scripts concurrently
        pg.goto(c.url + "/?periode=2026-03", wait_until="commit")
    for pg in pages:
        settle(pg)
        no_exception(pg)
        assert metrics(pg)[:2] == ["67,8%", "1 / 6"]
    shot(pages[0], "scaleout_ringkasan")

    others = [spec for spec in PAGES if not spec.default]
    for start in range(0, len(others), len(pages)):  # every other page, spread over the users, concurrently
        batch = list(zip(pages, others[start : start + len(pages)], strict=False))
        for pg, spec in batch:
            pg.goto(page_url(c.url, spec), wait_until="commit")
        for pg, spec in batch:
            settle(pg)
            no_exception(pg)
            assert t(spec.title) in pg.locator('[data-testid="stSidebarNav"]').inner_text()

    for pg in pages[:2]:  # a download from each backend, through the proxy
        pg.goto(c.url + "/?periode=2026-03")
        settle(pg)
        file = download(pg, "Unduh Excel")
        assert file.suggested_filename == "kabkota_teratas.xlsx"
        ws = openpyxl.load_workbook(io.BytesIO(Path(file.path()).read_bytes()))["Data"]
        assert ws["A1"].value == "Kab/kota teratas"

    assigned = [next(k["value"] for k in ctx.cookies() if k["name"] == "spm_rute") for ctx in contexts[2:]]
    assert all(len(k) == 32 for k in assigned), assigned  # nginx's $request_id
    for ctx in contexts:
        ctx.close()

    sessions = {key for (key,) in keys.values()} | set(assigned)
    log = wait_for_streams(c, sessions)
    served: dict[str, set[str]] = defaultdict(set)
    for e in log:
        if e["up"] != "-":
            served[e["rute"]].add(e["up"])
    for key in sessions:  # sticky: every request of one browser (page, assets, WebSocket, media) at one backend
        assert len(served[key]) == 1, (key, served[key])
    for backend, (key,) in keys.items():
        assert served[key] == {backend}
    streams = [e for e in log if e["uri"].startswith("/_stcore/stream")]
    assert {e["up"] for e in streams} == set(c.backends)  # both backends served sessions
    assert all(e["status"] == "101" for e in streams)
    media = [e for e in log if e["uri"].startswith("/media/") and e["rute"] in sessions]
    assert media and all(e["status"] == "200" for e in media)
    assert {e["up"] for e in media} == set(c.backends)  # each backend served its own session's download
    assert not [e for e in log if e["status"].startswith("5")]
    errors = (c.workdir / "nginx" / "error.log").read_text(encoding="utf-8").splitlines()
    assert not [line for line in errors if "[error]" in line or "temporarily disabled" in line]


def test_an_import_reaches_every_backend_without_restart(cluster, browser):
    c = cluster
    pids = [p.pid for p in c.procs]
    csv = c.workdir / "baru.csv"
    # Balangan completes basic education in Q1 2026: province 227.000 -> 231.000 of 235.000 (98,30 %);
    # index = (kesehatan 24,81 + pendidikan 98,30 + PU 81,85) / 3 = 68,3 % (was 67,8 %)
    csv.write_text(
        "periode,kode_wilayah,kode_indikator,sasaran,terlayani\n2026-03,63.11,pend_dikdas_7_15,25000,25000\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, "-m", "dashboard", "import", str(csv), "--db", str(c.db)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr

    keys = route_keys(c)
    for backend, (key,) in keys.items():
        ctx = pinned_context(browser, c, key)
        pg = ctx.new_page()
        pg.goto(c.url + "/?periode=2026-03")
        settle(pg)
        no_exception(pg)
        assert metrics(pg)[:2] == ["68,3%", "1 / 6"], backend
        ctx.close()
    assert [p.pid for p in c.procs if p.poll() is None] == pids  # the same processes: no restart
