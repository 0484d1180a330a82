"""The first admin account of a fresh install, created from the browser (no Streamlit here; the form is in
:mod:`dashboard.akses.pertama_form`).

A fresh install has no account, so nobody could use the upload page without editing ``.streamlit/secrets.toml`` by
hand. While **no account exists at all** (no ``[pengguna]`` entry and no OpenID Connect in the secrets, and no
account file), the upload page offers to create one admin account. It is safe on a real warehouse because:

* it is possible only while no account exists: the account file is created exclusively (``open(..., "x")``), so of
  two simultaneous attempts one wins and the other is refused, and the offer disappears once an account exists;
* it must come from the machine itself (the browser's address is 127.0.0.1 or ::1 and no proxy header says
  otherwise), or carry the one-time token the server prints on its console (``SPM: token admin pertama: ...``);
  the token is used once;
* the password is stored only as a salted scrypt hash (:func:`dashboard.akses.auth.hash_password`).

The account is written to ``akun.toml`` beside the warehouse file (``data/akun.toml`` by default, never committed), in
the same ``[pengguna.<login>]`` format as the secrets; accounts in ``.streamlit/secrets.toml`` take precedence.
To start over, delete that file.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import os
import re
import secrets as pysecrets
import sys
import threading
import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from dashboard.akses.auth import _plain, hash_password, oidc_configured

ACCOUNTS_FILE = "akun.toml"
MIN_PASSWORD = 8
LOGIN_PATTERN = re.compile(r"[A-Za-z0-9_-]{3,40}")
PROXY_HEADERS = ("x-forwarded-for", "x-real-ip", "forwarded", "x-forwarded-host")

_lock = threading.Lock()
_token: str | None = None


def accounts_path(db: Path) -> Path:
    """The account file of a warehouse: ``akun.toml`` in the warehouse's folder."""
    return Path(db).resolve().parent / ACCOUNTS_FILE


def local_accounts(path: Path) -> dict[str, dict]:
    """The ``[pengguna.<login>]`` entries of the account file ({} when there is none or it cannot be read)."""
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    accounts = data.get("pengguna", {})
    return {str(k): dict(v) for k, v in accounts.items() if isinstance(v, dict)}


def with_local_accounts(conf: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """The secrets with the account file's accounts added (an account in the secrets wins over one of the same name)."""
    merged = _plain(conf) if conf else {}
    local = local_accounts(path)
    if local:
        merged = dict(merged)
        merged["pengguna"] = {**local, **(merged.get("pengguna") or {})}
    return merged


def no_account(conf: Mapping[str, Any], path: Path) -> bool:
    """True while nobody can log in: no password account (secrets or account file) and no OpenID Connect."""
    plain = _plain(conf) if conf else {}
    return not plain.get("pengguna") and not oidc_configured(plain) and not plain.get("email") and not path.exists()


def is_local(ip_address: str | None, headers: Mapping[str, str] | None) -> bool:
    """True when the browser runs on the server's machine: a loopback address and no proxy header (behind a reverse
    proxy on the same machine every client would look local, so a forwarded request is never local)."""
    if not ip_address:
        return False
    lowered = {str(k).lower() for k in (headers or {})}
    if lowered.intersection(PROXY_HEADERS):
        return False
    try:
        ip = ipaddress.ip_address(ip_address.split("%")[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped  # '::ffff:127.0.0.1', as a dual-stack server sees a local IPv4 browser
    return ip.is_loopback


def console_token() -> str:
    """The one-time token of this server process, printed on its console the first time it is asked for."""
    global _token
    with _lock:
        if _token is None:
            _token = pysecrets.token_urlsafe(12)
            print(f"SPM: token admin pertama / first-admin token: {_token}", file=sys.stderr, flush=True)
        return _token


def _token_ok(given: str | None) -> bool:
    with _lock:
        return _token is not None and bool(given) and hmac.compare_digest(_token, str(given).strip())


def _spend_token() -> None:
    global _token
    with _lock:
        _token = None


class Refused(Exception):
    """Why the first admin was not created; ``code`` is an i18n key under ``akses.pertama.``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def create_first_admin(path: Path, conf: Mapping[str, Any], login: str, password: str, repeat: str,
                       name: str = "", local: bool = False, token: str | None = None) -> dict:  # fmt: skip
    """Write the first admin account to ``path``; raises :class:`Refused` (nothing written) when an account exists,
    the request is neither local nor carries the console token, or the login/password are not acceptable."""
    if not no_account(conf, path):
        raise Refused("sudah_ada")
    if not local and not _token_ok(token):
        raise Refused("token_salah")
    login = (login or "").strip()
    if not LOGIN_PATTERN.fullmatch(login):
        raise Refused("nama_tidak_sah")
    if len(password or "") < MIN_PASSWORD:
        raise Refused("sandi_pendek")
    if password != repeat:
        raise Refused("sandi_tidak_sama")
    entry = {"peran": "admin", "nama": (name or "").strip()[:80], "sandi_hash": hash_password(password)}
    lines = [
        "# Akun yang dibuat dari peramban (admin pertama). Hapus berkas ini untuk memulai ulang.",
        "# Account created from the browser (first admin). Delete this file to start over.",
        f"[pengguna.{login}]",
        *(f"{key} = {json.dumps(value, ensure_ascii=False)}" for key, value in entry.items()),
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise Refused("sudah_ada") from None
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    if not local:
        _spend_token()
    return entry
