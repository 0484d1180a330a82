"""Access control: password hashes, accounts and roles from the secrets, OpenID Connect mapping, the login wall,
and the `python -m dashboard hash-password` command."""

from __future__ import annotations

import io
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.akses import auth
from tests.fixtures.akses import PASSWORDS, SECRETS, login
from tests.helpers import APP, cli

# --- hashes ----------------------------------------------------------------------------------------------------------


def test_scrypt_hash_is_salted_and_verifies():
    a, b = auth.hash_password("rahasia-sekali"), auth.hash_password("rahasia-sekali")
    assert a != b and a.startswith("scrypt$16384$8$1$")
    assert auth.verify_password("rahasia-sekali", a)
    assert not auth.verify_password("rahasia-sekalI", a)
    assert "rahasia" not in a


def test_pbkdf2_hash_verifies_and_junk_does_not():
    import base64
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.pbkdf2_hmac("sha256", b"kata-sandi", salt, 1000)
    stored = f"pbkdf2_sha256$1000${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"
    assert auth.verify_password("kata-sandi", stored)
    assert not auth.verify_password("kata-sandi-lain", stored)
    for junk in ("", "kata-sandi", "scrypt$x$y$z$a$b", "md5$abc", "pbkdf2_sha256$notanumber$a$b"):
        assert not auth.verify_password("kata-sandi", junk)


# --- accounts and roles ----------------------------------------------------------------------------------------------


def test_authenticate_accounts_from_secrets():
    admin = auth.authenticate("admin", PASSWORDS["admin"], SECRETS)
    assert admin == auth.User("admin", "admin", None, "Admin Bappeda", "sandi")
    op = auth.authenticate(" op_banjar ", PASSWORDS["op_banjar"], SECRETS)
    assert (op.role, op.kabkota) == ("operator", "63.03")
    assert auth.authenticate("admin", "salah", SECRETS) is None
    assert auth.authenticate("tidak_ada", "apa saja", SECRETS) is None
    assert auth.authenticate("polos", "sandi-polos", SECRETS) is None  # plain text is never accepted
    assert auth.authenticate("op_tanpa_kab", "sandi-op-tanpa", SECRETS) is None  # an operator needs a kab/kota
    assert auth.authenticate("admin", PASSWORDS["admin"], {}) is None


def test_oidc_email_mapping():
    op = auth.user_for_email("Op.Banjar@Example.go.id", SECRETS)
    assert (op.role, op.kabkota, op.via) == ("operator", "63.03", "oidc")
    assert auth.user_for_email("orang.lain@gmail.com", SECRETS) is None  # unknown e-mails are refused
    with_default = {"email": {**SECRETS["email"], "*": {"peran": "viewer"}}}
    assert auth.user_for_email("orang.lain@gmail.com", with_default).role == "viewer"
    assert auth.user_for_email(None, SECRETS) is None


def test_oidc_configuration_detection():
    assert not auth.oidc_configured({})
    single = {"auth": {"redirect_uri": "x", "cookie_secret": "y", "client_id": "c", "client_secret": "s"}}
    assert auth.oidc_configured(single) and auth.oidc_providers(single) == [None]
    named = {
        "auth": {
            "redirect_uri": "x",
            "cookie_secret": "y",
            "google": {"client_id": "c"},
            "microsoft": {"client_id": "d"},
        }
    }
    assert auth.oidc_providers(named) == ["google", "microsoft"]


def test_what_each_role_may_do():
    viewer = auth.User("tamu", "viewer")
    op = auth.User("op_banjar", "operator", "63.03")
    admin = auth.User("admin", "admin")
    assert auth.can_upload(None) == (False, "akses.perlu_login_unggah")
    assert auth.can_upload(viewer) == (False, "akses.viewer_tidak_boleh_unggah")
    assert auth.can_upload(op) == (True, None) and auth.can_upload(admin) == (True, None)
    assert auth.can_import_kind(op, has_area=True) == (True, None)
    assert auth.can_import_kind(op, has_area=False) == (False, "akses.jenis_tanpa_wilayah")
    assert auth.can_import_kind(admin, has_area=False) == (True, None)
    assert auth.can_undo(None, "x") == (False, "akses.perlu_login_batal")
    assert auth.can_undo(op, "op_banjar") == (True, None)
    assert auth.can_undo(op, "admin") == (False, "akses.operator_bukan_impornya")
    assert auth.can_undo(viewer, "tamu") == (False, "akses.viewer_tidak_boleh_batal")
    assert auth.can_undo(admin, "op_banjar") == (True, None)


def test_accounts_overview_never_shows_hashes():
    table = auth.accounts_overview(SECRETS)
    assert "sandi_hash" not in table.columns
    assert not table.astype(str).apply(lambda col: col.str.contains("scrypt")).any().any()
    assert set(table["akun"]) >= {"admin", "op_banjar", "kadis@example.go.id"}


# --- the app -------------------------------------------------------------------------------------------------------


@pytest.fixture
def login_wall(app_env, tmp_path, monkeypatch):
    from dashboard.core.settings import settings

    cfg = tmp_path / "akses.toml"
    cfg.write_text("[akses]\nwajib_login_lihat = true\n", encoding="utf-8")
    monkeypatch.setenv("SPM_CONFIG", str(cfg))
    settings.cache_clear()
    yield
    settings.cache_clear()


def test_viewing_can_require_a_login(login_wall):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pengguna"] = SECRETS["pengguna"]
    at.run()
    assert not at.exception
    assert any("Silakan masuk" in i.value for i in at.info)
    assert [t.value for t in at.title] == ["SPM Posyandu Kalsel"]  # the page itself did not run
    login(at, "admin", prefix="akses_gerbang")
    assert not at.exception
    assert not any("Silakan masuk" in i.value for i in at.info)
    assert [t.value for t in at.title] != ["SPM Posyandu Kalsel"]  # the overview page ran
    assert any("Admin Bappeda" in c.value for c in at.sidebar.caption)


def test_wrong_password_is_refused_and_says_why(login_wall):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pengguna"] = SECRETS["pengguna"]
    at.run()
    at.text_input(key="akses_gerbang_nama").input("admin")
    at.text_input(key="akses_gerbang_sandi").input("bukan-sandinya")
    at.button(key="akses_gerbang_masuk").click().run()
    assert any("salah" in e.value for e in at.error)
    assert [t.value for t in at.title] == ["SPM Posyandu Kalsel"]


def test_viewing_is_open_by_default(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    assert not any("Silakan masuk" in i.value for i in at.info)


def test_oidc_user_gets_the_mapped_role(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["email"] = SECRETS["email"]
    at.user = {"is_logged_in": True, "email": "op.banjar@example.go.id", "name": "Operator Banjar"}
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert not at.exception
    assert len(at.file_uploader) == 1  # an operator may upload
    assert any("Kabupaten Banjar" in c.value for c in at.caption)


def test_unknown_oidc_email_is_refused(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["email"] = SECRETS["email"]
    at.user = {"is_logged_in": True, "email": "orang.lain@gmail.com"}
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert not at.exception
    assert any(r"orang.lain\@gmail.com" in e.value and "tidak terdaftar" in e.value for e in at.error)  # shown inert
    assert len(at.file_uploader) == 0


def test_oidc_login_button_when_configured(app_env):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x", "client_id": "c",
                          "client_secret": "s", "server_metadata_url": "https://example.invalid/.well-known/openid-configuration"}  # fmt: skip
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert not at.exception
    assert "unggah_oidc_default" in [b.key for b in at.button]


# --- command line ----------------------------------------------------------------------------------------------------


def test_cli_hash_password(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-yang-panjang\n"))
    code, out = cli("hash-password", "--stdin")
    assert code == 0
    assert auth.verify_password("sandi-yang-panjang", out.strip())


def test_cli_prints_a_secrets_block(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("sandi-yang-panjang\n"))
    code, out = cli(
        "hash-password", "--stdin", "--pengguna", "op_banjar", "--kabkota", "63.03", "--nama", 'Dinkes "Banjar"'
    )
    assert code == 0
    entry = tomllib.loads(out)["pengguna"]["op_banjar"]
    assert entry["peran"] == "operator" and entry["kabkota"] == "63.03" and entry["nama"] == 'Dinkes "Banjar"'
    assert auth.authenticate("op_banjar", "sandi-yang-panjang", {"pengguna": {"op_banjar": entry}}) is not None


@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (("--pengguna", "x"), "sandi-yang-panjang\n", "--kabkota"),
        (("--kabkota", "99.99"), "sandi-yang-panjang\n", "99.99"),
        ((), "pendek\n", "8"),
    ],
)
def test_cli_refuses_bad_input(monkeypatch, args, stdin, says):
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code, out = cli("hash-password", "--stdin", *args)
    assert code == 2 and says in out
