"""Run data/deploy/nginx-spm.conf for real on loopback: several Streamlit backends behind one nginx.

Used by tests/e2e/test_scaleout.py and bench/scaleout.py. nginx runs unprivileged-style from a temporary prefix
(own pid file, error log, temp folders; `daemon off`), so it needs no system configuration and leaves none behind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.e2e.conftest import ROOT, free_port, start_app

TEMPLATE = ROOT / "data" / "deploy" / "nginx-spm.conf"
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<uri>\S+) [^"]*" (?P<status>\d{3}) .* rute=(?P<rute>\S+) upstream=(?P<up>\S+)'
)


def nginx_binary() -> str | None:
    return shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")


def render(listen: int, backends: list[str], access_log: Path) -> str:
    """The template with its backend list, listen line and log path replaced (each must occur exactly once)."""
    text = TEMPLATE.read_text(encoding="utf-8")
    # one line per backend, each with the options of the template's first server line (\\1)
    servers = "".join(f"    server {b.removeprefix('http://')}\\1;\n" for b in backends)
    swaps = [
        (r"(?m)^    server 127\.0\.0\.1:\d+( [^;\n]*)?;\n(?:    server 127\.0\.0\.1:\d+[^;\n]*;\n)*", servers),
        (r"(?m)^    listen 80;$", f"    listen 127.0.0.1:{listen};"),
        (r"(?m)^    access_log \S+ spm_rute;$", f"    access_log {access_log} spm_rute;"),
    ]
    for pattern, new in swaps:
        text, n = re.subn(pattern, new, text)
        assert n == 1, f"{TEMPLATE}: expected one match of {pattern}"
    return text


def main_conf(prefix: Path, site: Path) -> str:
    """A whole nginx.conf around the site file: everything nginx writes stays under ``prefix``."""
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would switch to nobody (no access to tmp)
    temp = "".join(
        f"    {kind}_temp_path {prefix / kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"{user}worker_processes 1;\npid {prefix / 'nginx.pid'};\nerror_log {prefix / 'error.log'} warn;\n"
        f"events {{ worker_connections 1024; }}\nhttp {{\n{temp}    include {site};\n}}\n"
    )


@dataclass
class Cluster:
    url: str
    backends: list[str]
    procs: list[subprocess.Popen]
    nginx: subprocess.Popen
    access_log: Path
    workdir: Path
    db: Path

    def log(self) -> list[dict]:
        """The parsed access log: method, uri, status, rute (routing key), up (backend host:port)."""
        if not self.access_log.exists():
            return []
        lines = self.access_log.read_text(encoding="utf-8").splitlines()
        return [m.groupdict() for m in map(LOG_LINE.search, lines) if m]

    def backend_of(self, key: str, timeout: float = 5) -> str:
        """The backend that served the last logged request with routing key ``key`` (nginx logs after replying)."""
        deadline = time.monotonic() + timeout
        while True:
            ups = [e["up"] for e in self.log() if e["rute"] == key]
            if ups or time.monotonic() > deadline:
                return ups[-1]
            time.sleep(0.05)

    def stop(self) -> None:
        for proc in [self.nginx, *self.procs]:
            if proc.poll() is None:
                proc.terminate()
        for proc in [self.nginx, *self.procs]:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def start_nginx(workdir: Path, backends: list[str]) -> tuple[subprocess.Popen, str, Path]:
    nginx = nginx_binary()
    assert nginx, "nginx not installed"
    prefix = workdir / "nginx"
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    access_log = prefix / "access.log"
    site = prefix / "spm.conf"
    site.write_text(render(port, backends, access_log), encoding="utf-8")
    conf = prefix / "nginx.conf"
    conf.write_text(main_conf(prefix, site), encoding="utf-8")
    cmd = [nginx, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log"), "-g", "daemon off;"]
    subprocess.run([*cmd[:-2], "-t", "-q"], check=True, capture_output=True)  # a config error fails loudly here
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url, access_log
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError((prefix / "error.log").read_text(encoding="utf-8", errors="replace")) from None
            time.sleep(0.2)


def start_cluster(db: Path, workdir: Path, n: int) -> Cluster:
    """``n`` Streamlit backends on free ports reading ``db``, behind nginx on another free port."""
    workdir.mkdir(parents=True, exist_ok=True)
    procs, urls = [], []
    try:
        for i in range(n):
            proc, url = start_app(db, workdir / f"streamlit-{i}.log")
            procs.append(proc)
            urls.append(url)
        nginx, url, access_log = start_nginx(workdir, urls)
    except BaseException:
        for proc in procs:
            proc.kill()
        raise
    return Cluster(url, [u.removeprefix("http://") for u in urls], procs, nginx, access_log, workdir, db)


def route_keys(cluster: Cluster, per_backend: int = 1) -> dict[str, list[str]]:
    """Cookie values (routing keys) that nginx sends to each backend, found by asking it: {backend: [keys]}."""
    found: dict[str, list[str]] = {b: [] for b in cluster.backends}
    for i in range(200):
        if all(len(keys) >= per_backend for keys in found.values()):
            break
        key = f"uji-{i}"
        req = urllib.request.Request(cluster.url + "/_stcore/health", headers={"Cookie": f"spm_rute={key}"})
        with urllib.request.urlopen(req, timeout=10):
            pass
        up = cluster.backend_of(key)
        if len(found[up]) < per_backend:
            found[up].append(key)
    return found
