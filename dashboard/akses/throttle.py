"""Password-guessing protection shared by every browser session and every app process on the machine, and the login
audit log (no Streamlit).

* Failed logins are counted per account and per client address in ``kunci_masuk.json`` beside the warehouse (a
  file, so sessions, reloads, several app processes and a restart all see the same counts; guarded by a lock
  file). ``[akses] gagal_maks_akun`` failures for one account, or ``gagal_maks_alamat`` from one address, within
  ``jendela_menit`` minutes lock that account or address for ``kunci_menit`` minutes; while locked the password is
  not even checked. A successful login clears its account's count.
* Reset before the time is up: ``python -m dashboard buka-kunci NAMA`` (or ``--alamat IP``, or ``--semua``).
* Every login attempt is appended to ``audit_masuk.jsonl`` beside the warehouse: time, account, address and the
  outcome (``berhasil``, ``gagal``, ``terkunci``), never the password.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import json
import os
import time
from collections.abc import Iterator
from pathlib import Path

from dashboard.core.settings import default_db_path, settings

STATE_NAME = "kunci_masuk.json"
AUDIT_NAME = "audit_masuk.jsonl"
MAX_KEYS = 10_000  # names an attacker invents cannot grow the state file without bound
MAX_NAME = 100


def folder(db: Path | None = None) -> Path:
    return Path(db or default_db_path()).parent


def _clean(name: str | None) -> str:
    return str(name or "").strip()[:MAX_NAME]


@contextlib.contextmanager
def _state(db: Path | None = None) -> Iterator[dict]:
    base = folder(db)
    base.mkdir(parents=True, exist_ok=True)
    path = base / STATE_NAME
    with open(base / ("." + STATE_NAME + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            state = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except (OSError, ValueError):
            state = {}
        state.setdefault("akun", {})
        state.setdefault("alamat", {})
        before = json.dumps(state, sort_keys=True)
        yield state
        if json.dumps(state, sort_keys=True) != before:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
            os.replace(tmp, path)


def _remaining(entry: dict | None, now: float) -> int:
    return max(0, int(round((entry or {}).get("sampai", 0) - now))) if entry else 0


def blocked(account: str | None, address: str | None, db: Path | None = None, now: float | None = None) -> int:
    """Seconds until ``account`` and ``address`` may try again (0: now)."""
    now = time.time() if now is None else now
    with _state(db) as state:
        waits = [_remaining(state["akun"].get(_clean(account)), now)]
        if address:
            waits.append(_remaining(state["alamat"].get(address), now))
    return max(waits)


def _fail(table: dict, key: str, limit: int, now: float) -> None:
    cfg = settings().akses
    entry = table.setdefault(key, {})
    recent = [t for t in entry.get("gagal", []) if now - t < cfg.jendela_menit * 60] + [now]
    entry["gagal"] = recent[-limit:]
    if len(recent) >= limit:
        entry["sampai"] = now + cfg.kunci_menit * 60
        entry["gagal"] = []
    if len(table) > MAX_KEYS:  # forget the keys with the oldest activity
        for old in sorted(table, key=lambda k: max(table[k].get("gagal", [0]) + [table[k].get("sampai", 0)]))[
            : len(table) - MAX_KEYS
        ]:
            table.pop(old, None)


def record(account: str | None, address: str | None, ok: bool, db: Path | None = None, now: float | None = None) -> None:
    """Count a login attempt's outcome (and write it to the audit log)."""
    now = time.time() if now is None else now
    cfg = settings().akses
    name = _clean(account)
    with _state(db) as state:
        if ok:
            state["akun"].pop(name, None)
        else:
            _fail(state["akun"], name, cfg.gagal_maks_akun, now)
            if address:
                _fail(state["alamat"], address, cfg.gagal_maks_alamat, now)
    audit("berhasil" if ok else "gagal", name, address, db, now)


def audit(outcome: str, account: str | None, address: str | None, db: Path | None = None,
          now: float | None = None, via: str = "sandi") -> None:  # fmt: skip
    """One line of the login audit log (never the password)."""
    now = time.time() if now is None else now
    row = {
        "waktu": dt.datetime.fromtimestamp(now).isoformat(timespec="seconds"),
        "akun": _clean(account),
        "alamat": address or "",
        "cara": via,
        "hasil": outcome,
    }
    base = folder(db)
    base.mkdir(parents=True, exist_ok=True)
    with open(base / AUDIT_NAME, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def unlock(account: str | None = None, address: str | None = None, everything: bool = False,
           db: Path | None = None) -> list[str]:  # fmt: skip
    """Lift locks (and forget failures); returns what was unlocked, e.g. ['akun admin']."""
    done = []
    with _state(db) as state:
        for table, key, label in (("akun", _clean(account), "akun"), ("alamat", address, "alamat")):
            if everything:
                done += [f"{label} {k}" for k in state[table]]
                state[table] = {}
            elif key and key in state[table]:
                state[table].pop(key)
                done.append(f"{label} {key}")
    if done:
        audit("dibuka", account or ("*" if everything else ""), address, db)
    return done


def client_address(ip: str | None, headers: dict | None) -> str | None:
    """The client's address: the connection's, or behind a local reverse proxy the last X-Forwarded-For entry."""
    ip = ip if isinstance(ip, str) and ip else None
    headers = headers if isinstance(headers, dict) else {}
    forwarded = {str(k).lower(): v for k, v in headers.items()}.get("x-forwarded-for")
    forwarded = forwarded if isinstance(forwarded, str) else None
    if (not ip or ip in ("127.0.0.1", "::1")) and forwarded:
        return str(forwarded).split(",")[-1].strip()[:64] or ip
    return ip


# --- command line: python -m dashboard buka-kunci ------------------------------------------------------------------


def add_command(sub, db_arg, lang_arg) -> None:
    p = sub.add_parser("buka-kunci", help="lift a login lockout (account, client address, or all)")
    p.add_argument("akun", nargs="?", metavar="NAMA", help="account name")
    p.add_argument("--alamat", metavar="IP", help="client address")
    p.add_argument("--semua", action="store_true", help="every locked account and address")
    db_arg(p)
    lang_arg(p)
    p.set_defaults(func=cmd_unlock)


def cmd_unlock(args) -> int:
    import sys

    from dashboard.core.i18n import t

    if not (args.akun or args.alamat or args.semua):
        print(t("akses.cli_buka_apa", args.lang), file=sys.stderr)
        return 2
    done = unlock(args.akun, args.alamat, args.semua, Path(args.db))
    print(t("akses.cli_dibuka", args.lang, daftar=", ".join(done)) if done else t("akses.cli_tidak_terkunci", args.lang))
    return 0
