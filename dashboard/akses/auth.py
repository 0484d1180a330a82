"""Access control: who is logged in, with which role, and what that role may do.

Roles (:data:`ROLES`): ``viewer`` may look, ``operator`` may also import data for their own kab/kota only, ``admin``
may do everything (import any data, undo any import, see the administration panel).

Credentials live in ``.streamlit/secrets.toml`` (see ``.streamlit/secrets.example.toml``):

* ``[pengguna.<login>]``: ``peran``, optional ``kabkota`` (operator) and ``nama``, and ``sandi_hash``, a salted
  scrypt (or PBKDF2) hash made by ``python -m dashboard hash-password``. Plain-text passwords are never accepted.
* ``[auth]``: Streamlit's own OpenID Connect settings; when present a button logs in with ``st.login``.
  ``[email."<address>"]`` maps the provider's e-mail to ``peran``/``kabkota``; ``[email."*"]`` is the role of any
  other e-mail (without it, unknown e-mails are refused).

Viewing the dashboard needs a login only when ``[akses] wajib_login_lihat = true`` in data/pengaturan.toml.
The functions that decide (``can_*``) are pure and return an i18n key for the reason they refuse.
"""

from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import json
import re
import secrets as pysecrets
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

ROLES = ("viewer", "operator", "admin")
SESSION_KEY = "akses_pengguna"

# scrypt cost: 2**14 x 8 x 1 needs 16 MiB and ~50 ms per check
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
PBKDF2_ITERATIONS = 600_000


@dataclass(frozen=True)
class User:
    login: str  # login name, or the e-mail for OpenID Connect users
    role: str  # one of ROLES
    kabkota: str | None = None  # operator: the kab/kota code (63.03) they may import for
    name: str = ""
    via: str = "sandi"  # 'sandi' (password) | 'oidc'

    @property
    def label(self) -> str:
        return self.name or self.login


# --- password hashes -------------------------------------------------------------------------------------------


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def hash_password(password: str, *, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P) -> str:
    """A salted scrypt hash: ``scrypt$n$r$p$<salt base64>$<hash base64>``."""
    if not password:
        raise ValueError("empty password")
    salt = pysecrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * 1024 * 1024, dklen=32)
    return f"scrypt${n}${r}${p}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches ``stored`` (scrypt$… or pbkdf2_sha256$iterations$salt$hash)."""
    try:
        scheme, *parts = str(stored).split("$")
        if scheme == "scrypt" and len(parts) == 5:
            n, r, p = (int(x) for x in parts[:3])
            salt, expected = base64.b64decode(parts[3]), base64.b64decode(parts[4])
            digest = hashlib.scrypt(
                password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=128 * 1024 * 1024, dklen=len(expected)
            )
        elif scheme == "pbkdf2_sha256" and len(parts) == 3:
            iterations = int(parts[0])
            salt, expected = base64.b64decode(parts[1]), base64.b64decode(parts[2])
            digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, dklen=len(expected))
        else:
            return False
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(digest, expected)


_DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="


# --- users from the secrets ------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """st.secrets sections as plain dicts."""
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    return value


def _user(login: str, entry: Mapping[str, Any], via: str) -> User | None:
    role = str(entry.get("peran", "")).strip()
    if role not in ROLES:
        return None
    kabkota = str(entry.get("kabkota") or "").strip() or None
    if role == "operator" and not kabkota:
        return None  # an operator without a kab/kota could import nothing: refuse the account
    return User(login=login, role=role, kabkota=kabkota, name=str(entry.get("nama") or ""), via=via)


def authenticate(login: str, password: str, secrets: Mapping[str, Any]) -> User | None:
    """The user whose ``[pengguna.<login>]`` entry has a hash matching ``password``; None otherwise."""
    accounts = _plain(secrets.get("pengguna", {})) or {}
    entry = accounts.get((login or "").strip())
    if not isinstance(entry, dict) or not entry.get("sandi_hash"):
        verify_password(password or "", _DUMMY_HASH)  # same work for unknown names: no timing hint
        return None
    if not verify_password(password or "", str(entry["sandi_hash"])):
        return None
    return _user(login.strip(), entry, "sandi")


def user_for_email(email: str | None, secrets: Mapping[str, Any]) -> User | None:
    """The role mapped to an OpenID Connect e-mail (``[email."<address>"]``, else ``[email."*"]``); None = refused."""
    if not email:
        return None
    mapping = {k.casefold(): v for k, v in (_plain(secrets.get("email", {})) or {}).items()}
    entry = mapping.get(email.casefold()) or mapping.get("*")
    return _user(email, entry, "oidc") if isinstance(entry, dict) else None


def oidc_configured(secrets: Mapping[str, Any]) -> bool:
    auth = _plain(secrets.get("auth", {})) or {}
    return bool(auth.get("client_id") or any(isinstance(v, dict) and v.get("client_id") for v in auth.values()))


def oidc_providers(secrets: Mapping[str, Any]) -> list[str | None]:
    """None for a single provider configured directly under [auth], else the named providers [auth.<name>]."""
    auth = _plain(secrets.get("auth", {})) or {}
    if auth.get("client_id"):
        return [None]
    return [k for k, v in auth.items() if isinstance(v, dict) and v.get("client_id")]


# --- what a role may do (pure: the reason is an i18n key) ------------------------------------------------------


def can_upload(user: User | None) -> tuple[bool, str | None]:
    if user is None:
        return False, "akses.perlu_login_unggah"
    if user.role == "viewer":
        return False, "akses.viewer_tidak_boleh_unggah"
    return True, None


def can_import_kind(user: User, has_area: bool) -> tuple[bool, str | None]:
    """Operators import only data tied to an area (kode_wilayah) inside their own kab/kota."""
    if user.role == "admin":
        return True, None
    if user.role == "operator" and has_area:
        return True, None
    if user.role == "operator":
        return False, "akses.jenis_tanpa_wilayah"
    return False, "akses.viewer_tidak_boleh_unggah"


def can_undo(user: User | None, imported_by: str | None) -> tuple[bool, str | None]:
    """Admins undo any import; operators only their own; viewers none."""
    if user is None:
        return False, "akses.perlu_login_batal"
    if user.role == "admin":
        return True, None
    if user.role == "operator" and imported_by == user.login:
        return True, None
    if user.role == "operator":
        return False, "akses.operator_bukan_impornya"
    return False, "akses.viewer_tidak_boleh_batal"


def is_admin(user: User | None) -> bool:
    return user is not None and user.role == "admin"


def login_required_to_view() -> bool:
    from dashboard.core.settings import settings

    return settings().akses.wajib_login_lihat


def accounts_overview(secrets: Mapping[str, Any]) -> pd.DataFrame:
    """The configured accounts for the administration panel (never the hashes)."""
    rows = []
    for login, entry in (_plain(secrets.get("pengguna", {})) or {}).items():
        if isinstance(entry, dict):
            rows.append((login, "sandi", entry.get("peran", ""), entry.get("kabkota") or "", entry.get("nama") or ""))
    for email, entry in (_plain(secrets.get("email", {})) or {}).items():
        if isinstance(entry, dict):
            rows.append((email, "oidc", entry.get("peran", ""), entry.get("kabkota") or "", entry.get("nama") or ""))
    return pd.DataFrame(rows, columns=["akun", "cara", "peran", "kabkota", "nama"])


# --- command line: python -m dashboard hash-password ------------------------------------------------------------


def add_command(sub, db_arg, lang_arg) -> None:
    p = sub.add_parser("hash-password", help="make a salted password hash for .streamlit/secrets.toml")
    lang_arg(p)
    p.add_argument("--pengguna", help="also print a ready [pengguna.<name>] block for this login name")
    p.add_argument("--peran", choices=ROLES, default="operator", help="role for the printed block (default operator)")
    p.add_argument("--kabkota", help="operator's kab/kota code, e.g. 63.03")
    p.add_argument("--nama", help="display name for the printed block")
    p.add_argument("--stdin", action="store_true", help="read the password from standard input (one line)")
    p.set_defaults(func=cmd_hash_password)


def _known_kabkota() -> set[str]:
    import pandas as pd

    from dashboard import REFERENSI_DIR

    return set(pd.read_csv(REFERENSI_DIR / "kalsel_wilayah_kabkota.csv", dtype=str)["kode"])


def cmd_hash_password(args) -> int:
    from dashboard.core.i18n import t

    lang = args.lang
    if args.peran == "operator" and args.pengguna and not args.kabkota:
        print(t("akses.cli_perlu_kabkota", lang), file=sys.stderr)
        return 2
    if args.kabkota and args.kabkota not in _known_kabkota():
        print(t("akses.cli_kabkota_tidak_dikenal", lang, kode=args.kabkota), file=sys.stderr)
        return 2
    if args.stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(t("akses.cli_sandi", lang))
        if getpass.getpass(t("akses.cli_ulangi", lang)) != password:
            print(t("akses.cli_tidak_sama", lang), file=sys.stderr)
            return 2
    if len(password) < 8:
        print(t("akses.cli_terlalu_pendek", lang), file=sys.stderr)
        return 2
    hashed = hash_password(password)
    if not args.pengguna:
        print(hashed)
        return 0
    login = args.pengguna if re.fullmatch(r"[A-Za-z0-9_-]+", args.pengguna) else _toml_str(args.pengguna)
    print(f"[pengguna.{login}]")
    print(f"peran = {_toml_str(args.peran)}")
    if args.kabkota:
        print(f"kabkota = {_toml_str(args.kabkota)}")
    if args.nama:
        print(f"nama = {_toml_str(args.nama)}")
    print(f"sandi_hash = {_toml_str(hashed)}")
    return 0


def _toml_str(text: str) -> str:
    """A TOML basic string (JSON string escapes are valid TOML)."""
    return json.dumps(text, ensure_ascii=False)
