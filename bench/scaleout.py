"""How many users at once: N app processes behind nginx (data/deploy/nginx-spm.conf), K users arriving together.

    python bench/scaleout.py [--client browser|protocol] [--backends 1 2] [--users 5 10 20] [--repeat 2]
                             [--db PATH] [--md FILE]

For every (N, K): starts N `streamlit run` backends on the warehouse (the provinsi sample unless --db; built into
bench/out/ when missing) behind nginx on loopback, warms each backend with one visit, then K users start at the
same instant, each as its own session: open the overview, then pick a kab/kota in the sidebar; ``--repeat`` times,
each time as a new session. Two kinds of user:

* ``browser``: headless Chromium (one context per session; routing cookie from nginx). Time = until the page has
  settled (no running indicator, skeleton or stale element for 0.8 s). Chromium renders on the same cores as the
  servers, so on a small machine this measures the browsers as much as the servers (see the CPU columns).
* ``protocol``: Streamlit's own WebSocket protocol through nginx (the messages the browser sends: run the page,
  then the same run with the new widget value), no rendering. Time = until the server reports the script run
  finished with all its output sent. This is what the servers can do when the browsers are on the users' machines.

Reports the median and 95th percentile per step, errors (timeouts, exception boxes, HTTP 5xx at nginx), the CPU
seconds the backends used per user action, how busy all cores were, and the backends' peak memory.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.e2e.proxy import Cluster, nginx_binary, start_cluster  # noqa: E402

TIMEOUT = 180.0
QUIET = 0.8  # seconds without a running indicator that count as settled (as tests/e2e/conftest.py settle)
BUSY_JS = """() => !!(document.querySelector('[data-testid="stStatusWidget"]')
                   || document.querySelector('[data-testid="stSkeleton"]')
                   || document.querySelector('[data-stale="true"]'))"""  # running, or output still being redrawn
KAB_LABEL = "Kabupaten/kota"
TICKS = os.sysconf("SC_CLK_TCK")


def kabkota_names() -> list[tuple[str, str]]:
    """(short name to type, full option label) of every kab/kota, from the reference list."""
    with open(ROOT / "data" / "referensi" / "kalsel_wilayah_kabkota.csv", encoding="utf-8") as fh:
        return [(row["nama"], row["nama_lengkap"]) for row in csv.DictReader(fh)]


def new_result() -> dict:
    return {"load": [], "filter": [], "exceptions": 0, "errors": []}


def record_error(out: dict, exc: BaseException) -> None:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    out["errors"].append(f"{type(exc).__name__}: {text}")


# --- browser users ---------------------------------------------------------------------------------


async def settle(page, started: float) -> float:
    """Seconds from ``started`` until the page went quiet (the script run finished and the output is drawn)."""
    deadline = started + TIMEOUT
    await page.wait_for_selector('[data-testid="stMain"] h1', timeout=TIMEOUT * 1000)
    quiet_since = None
    while time.monotonic() < deadline:
        busy = await page.evaluate(BUSY_JS)
        now = time.monotonic()
        if busy:
            quiet_since = None
        elif quiet_since is None:
            quiet_since = now
        elif now - quiet_since >= QUIET:
            return quiet_since - started
        await asyncio.sleep(0.1)
    raise TimeoutError("the page did not settle")


async def browser_user(browser, url: str, kab: tuple[str, str], repeat: int, out: dict) -> None:
    for _ in range(repeat):
        ctx = await browser.new_context(viewport={"width": 1366, "height": 768}, locale="id-ID")
        page = await ctx.new_page()
        try:
            start = time.monotonic()
            await page.goto(url + "/", wait_until="commit", timeout=TIMEOUT * 1000)
            out["load"].append(await settle(page, start))
            out["exceptions"] += await page.locator('[data-testid="stException"]').count()
            box = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').filter(has_text=KAB_LABEL)
            await box.click(timeout=TIMEOUT * 1000)
            await page.keyboard.type(kab[0])
            option = page.get_by_role("option", name=kab[1], exact=True)
            await option.wait_for(timeout=TIMEOUT * 1000)
            start = time.monotonic()
            await option.click()
            await page.wait_for_url(lambda u: "kab=" in u, timeout=TIMEOUT * 1000)
            out["filter"].append(await settle(page, start))
            out["exceptions"] += await page.locator('[data-testid="stException"]').count()
        except Exception as exc:  # a timeout or a broken page counts as an error; the run goes on
            record_error(out, exc)
        finally:
            await ctx.close()


async def run_browsers(urls: list[str], kabs, repeat: int, warm_urls: list[str], out: dict, mark) -> None:
    from playwright.async_api import async_playwright

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        for i, url in enumerate(warm_urls):
            await browser_user(browser, url, kabs[i % len(kabs)], 1, new_result())
        mark("start")
        await asyncio.gather(*(browser_user(browser, u, kabs[i % len(kabs)], repeat, out) for i, u in enumerate(urls)))
        mark("end")
        await browser.close()


# --- protocol users --------------------------------------------------------------------------------


async def script_run(ws, query_string: str, states: dict[str, str]) -> tuple[float, dict, str, int]:
    """Ask for one script run (as the browser does); returns (seconds, selectboxes, query string, exceptions)."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    msg = BackMsg()
    msg.rerun_script.query_string = query_string
    for wid, value in states.items():
        widget = msg.rerun_script.widget_states.widgets.add()
        widget.id, widget.string_value = wid, value
    start = time.monotonic()
    await ws.send(msg.SerializeToString())
    boxes, exceptions = {}, 0
    while True:
        fm = ForwardMsg.FromString(await asyncio.wait_for(ws.recv(), TIMEOUT))
        kind = fm.WhichOneof("type")
        if kind == "delta" and fm.delta.WhichOneof("type") == "new_element":
            element = fm.delta.new_element
            if element.WhichOneof("type") == "selectbox":
                boxes[element.selectbox.label] = (element.selectbox.id, element.selectbox.raw_value)
            elif element.WhichOneof("type") == "exception":
                exceptions += 1
        elif kind == "page_info_changed":
            query_string = fm.page_info_changed.query_string
        elif kind == "script_finished":
            return time.monotonic() - start, boxes, query_string, exceptions


async def protocol_user(url: str, kab: tuple[str, str], repeat: int, out: dict) -> None:
    import websockets

    for _ in range(repeat):
        try:
            ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
            async with websockets.connect(ws_url, origin=url, max_size=None, subprotocols=["streamlit"]) as ws:
                seconds, boxes, qs, exc = await script_run(ws, "", {})
                out["load"].append(seconds)
                states = {wid: value for wid, value in boxes.values()}
                states[boxes[KAB_LABEL][0]] = kab[1]
                seconds, boxes, qs, exc2 = await script_run(ws, qs, states)
                if "kab=" not in qs or qs.endswith("kab=semua"):
                    raise RuntimeError(f"the filter did not change: {qs}")
                out["filter"].append(seconds)
                out["exceptions"] += exc + exc2
        except Exception as exc:
            record_error(out, exc)


async def run_protocol(urls: list[str], kabs, repeat: int, warm_urls: list[str], out: dict, mark) -> None:
    for i, url in enumerate(warm_urls):
        await protocol_user(url, kabs[i % len(kabs)], 1, new_result())
    mark("start")
    await asyncio.gather(*(protocol_user(u, kabs[i % len(kabs)], repeat, out) for i, u in enumerate(urls)))
    mark("end")


# --- measuring -------------------------------------------------------------------------------------


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def machine_cpu_seconds() -> float:
    with open("/proc/stat") as fh:
        fields = [int(x) for x in fh.readline().split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / TICKS  # all but idle and iowait


def peak_rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(c: Cluster, client: str, users: int, repeat: int) -> dict:
    kabs = kabkota_names()
    warm_urls = ["http://" + b for b in c.backends]  # straight to each backend, past nginx
    out = new_result()
    pids = [proc.pid for proc in c.procs]
    log_before = len(c.log())
    marks = {}

    def mark(name: str) -> None:  # (wall, backends' CPU, whole machine's CPU) when the users start and end
        marks[name] = (time.monotonic(), cpu_seconds(pids), machine_cpu_seconds())

    runner = run_browsers if client == "browser" else run_protocol
    asyncio.run(runner([c.url] * users, kabs, repeat, warm_urls, out, mark))
    wall, cpu, machine = (end - start for start, end in zip(marks["start"], marks["end"], strict=True))
    time.sleep(1)  # nginx logs a WebSocket when it closes
    log = c.log()[log_before:]
    failed = [e for e in log if e["status"].startswith("5")]
    out["http_5xx"] = len(failed)
    out["errors_5xx"] = sorted({f"HTTP {e['status']} {e['method']} {e['uri'][:60]}" for e in failed})
    out["sessions_per_backend"] = [
        sum(1 for e in log if e["uri"].startswith("/_stcore/stream") and e["up"] == b) for b in c.backends
    ]
    out.update(wall=wall, server_cpu=cpu, machine_cpu=machine, peak_rss=[peak_rss_mb(pid) for pid in pids])
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def med(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def row(n: int, k: int, repeat: int, r: dict) -> str:
    actions = len(r["load"]) + len(r["filter"])
    cores = os.cpu_count() or 1
    busy_wall = r["wall"] + 1e-9
    return (
        f"| {n} | {k} | {len(r['filter'])}/{k * repeat} | {med(r['load']):.2f} | {pct(r['load'], 0.95):.2f} "
        f"| {med(r['filter']):.2f} | {pct(r['filter'], 0.95):.2f} "
        f"| {len(r['errors'])} / {r['exceptions']} / {r['http_5xx']} | {r['wall']:.0f} | {actions / busy_wall:.1f} "
        f"| {r['server_cpu'] / max(actions, 1):.2f} | {100 * r['server_cpu'] / (busy_wall * cores):.0f} % "
        f"| {100 * r['machine_cpu'] / (busy_wall * cores):.0f} % | {' / '.join(f'{m:.0f}' for m in r['peak_rss'])} "
        f"| {' / '.join(map(str, r['sessions_per_backend']))} | {100 * r['background']:.0f} % |"
    )


HEADER = (
    "| backends | users at once | sessions done | load median (s) | load p95 (s) | filter median (s) | filter p95 (s) "
    "| errors: failed / exception boxes / HTTP 5xx | wall (s) | actions per s | backend CPU s per action "
    "| backends' share of all cores | all cores busy | backend peak RSS (MB) | sessions per backend "
    "| cores busy before (other work) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--client", choices=("browser", "protocol"), default="browser")
    ap.add_argument("--db", type=Path, help="warehouse (default: the provinsi sample in bench/out/, built if missing)")
    ap.add_argument("--backends", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--users", type=int, nargs="+", default=[5, 10, 20])
    ap.add_argument("--repeat", type=int, default=2, help="sessions per user, one after the other (default 2)")
    ap.add_argument("--md", type=Path, help="also write the table to this file")
    ap.add_argument("--keep", type=Path, help="keep the logs (nginx, streamlit) in this folder")
    args = ap.parse_args()
    if not nginx_binary() or (args.client == "browser" and not CHROMIUM.exists()):
        sys.exit("needs nginx (and chromium for --client browser): apt-get install nginx chromium")
    db = args.db or ROOT / "bench" / "out" / "scaleout" / "spm.duckdb"
    if not db.exists():
        subprocess.run([sys.executable, "-m", "dashboard", "build-sample", "--db", str(db)], cwd=ROOT, check=True)
    load = os.getloadavg()[0]
    lines = [HEADER]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="spm-scaleout-") as scratch:
        tmp = args.keep or scratch
        for n in args.backends:
            for k in args.users:
                before = machine_cpu_seconds()
                time.sleep(5)  # how busy the machine is with other work just before the run
                background = (machine_cpu_seconds() - before) / (5 * cores)
                c = start_cluster(db, Path(tmp) / f"n{n}-k{k}", n)
                try:
                    r = measure(c, args.client, k, args.repeat)
                finally:
                    c.stop()
                r["background"] = background
                lines.append(row(n, k, args.repeat, r))
                print(lines[-1], flush=True)
                for err in sorted(set(r["errors"]))[:5] + r["errors_5xx"][:5]:
                    print(f"    error: {err}", flush=True)
    head = (
        f"Client: {args.client}. Machine: {cores} cores, Python {platform.python_version()}, load average at start "
        f"{load:.1f}; warehouse {db.name} ({db.stat().st_size / 1e6:.0f} MB); {args.repeat} sessions per user.\n\n"
    )
    text = head + "\n".join(lines) + "\n"
    print("\n" + text)
    if args.md:
        args.md.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
