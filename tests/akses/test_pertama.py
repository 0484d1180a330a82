"""The first admin account of a fresh install: offered only while no account exists, only from the machine itself or
with the one-time console token, stored as a hash beside the warehouse, and usable for the upload page at once."""

from __future__ import annotations

import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.akses import auth, pertama
from tests.fixtures.akses import SECRETS
from tests.helpers import APP


@pytest.fixture
def db(writable_db, monkeypatch):
    from dashboard.core.settings import settings

    monkeypatch.setenv("SPM_DB", str(writable_db))
    settings.cache_clear()
    monkeypatch.setattr(pertama, "_token", None)
    return writable_db


def test_local_means_loopback_without_proxy_headers():
    assert pertama.is_local("127.0.0.1", {"Host": "localhost:8501"})
    assert pertama.is_local("::1", {})
    assert pertama.is_local("::ffff:127.0.0.1", {})  # a dual-stack server's view of a local IPv4 browser
    assert not pertama.is_local("::ffff:192.168.1.20", {})
    assert not pertama.is_local("127.0.0.1", {"X-Forwarded-For": "203.0.113.9"})  # a reverse proxy on the machine
    assert not pertama.is_local("192.168.1.20", {})
    assert not pertama.is_local(None, {})
    assert not pertama.is_local("bukan-alamat", {})


def test_created_once_with_a_hash_and_never_over_existing_accounts(db):
    path = pertama.accounts_path(db)
    assert path == db.parent / "akun.toml"
    with pytest.raises(pertama.Refused) as refused:
        pertama.create_first_admin(path, SECRETS, "baru", "sandi-baru-123", "sandi-baru-123", local=True)
    assert refused.value.code == "sudah_ada" and not path.exists()
    with pytest.raises(pertama.Refused) as refused:
        pertama.create_first_admin(path, {}, "baru", "sandi-baru-123", "sandi-baru-123", token="tebakan")
    assert refused.value.code == "token_salah" and not path.exists()
    for login, password, repeat, code in (
        ("a b", "sandi-baru-123", "sandi-baru-123", "nama_tidak_sah"),
        ("baru", "pendek", "pendek", "sandi_pendek"),
        ("baru", "sandi-baru-123", "sandi-lain-123", "sandi_tidak_sama"),
    ):
        with pytest.raises(pertama.Refused) as refused:
            pertama.create_first_admin(path, {}, login, password, repeat, local=True)
        assert refused.value.code == code and not path.exists()
    pertama.create_first_admin(path, {}, "kepala_data", "sandi-baru-123", "sandi-baru-123", "Kepala Data", local=True)
    stored = tomllib.loads(path.read_text(encoding="utf-8"))["pengguna"]["kepala_data"]
    assert (stored["peran"], stored["nama"]) == ("admin", "Kepala Data")
    assert stored["sandi_hash"].startswith("scrypt$") and "sandi-baru-123" not in path.read_text(encoding="utf-8")
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    merged = pertama.with_local_accounts({}, path)
    assert auth.authenticate("kepala_data", "sandi-baru-123", merged) == auth.User(
        "kepala_data", "admin", None, "Kepala Data", "sandi"
    )
    with pytest.raises(pertama.Refused) as refused:  # a second one: the file exists
        pertama.create_first_admin(path, {}, "lain", "sandi-lain-123", "sandi-lain-123", local=True)
    assert refused.value.code == "sudah_ada"


def test_token_is_used_once(db):
    path = pertama.accounts_path(db)
    token = pertama.console_token()
    pertama.create_first_admin(path, {}, "admin1", "sandi-baru-123", "sandi-baru-123", token=token)
    path.unlink()
    with pytest.raises(pertama.Refused) as refused:
        pertama.create_first_admin(path, {}, "admin2", "sandi-baru-123", "sandi-baru-123", token=token)
    assert refused.value.code == "token_salah"


def test_upload_page_offers_the_first_admin_then_uses_it(db, capsys):
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert not at.exception, at.exception
    assert "Buat akun admin pertama" in [m.value.strip("*") for m in at.markdown]
    assert "token admin pertama / first-admin token: " in capsys.readouterr().err  # AppTest has no loopback address
    at.text_input(key="akses_pertama_nama").input("kepala_data")
    at.text_input(key="akses_pertama_sandi").input("sandi-baru-123")
    at.text_input(key="akses_pertama_ulangi").input("sandi-baru-123")
    at.text_input(key="akses_pertama_token").input("salah")
    at.button(key="akses_pertama_buat").click().run()
    assert [e.value for e in at.error] == ["Token salah atau sudah dipakai: lihat konsol server."]
    assert not pertama.accounts_path(db).exists()
    at.text_input(key="akses_pertama_token").input(pertama.console_token())
    at.button(key="akses_pertama_buat").click().run()
    assert not at.exception, at.exception
    assert any("Akun admin dibuat dan Anda sudah masuk" in s.value for s in at.success)
    assert len(at.file_uploader) == 1  # the upload form, without editing secrets by hand
    assert "akses_pertama_buat" not in [b.key for b in at.button]
    # a new browser: no offer any more, and the new account logs in
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert "akses_pertama_buat" not in [b.key for b in at.button]
    at.text_input(key="unggah_nama").input("kepala_data")
    at.text_input(key="unggah_sandi").input("sandi-baru-123")
    at.button(key="unggah_masuk").click().run()
    assert not at.exception, at.exception
    assert any("kepala\\_data" in c.value for c in at.sidebar.caption)  # escaped Markdown source (shows kepala_data)


def test_no_offer_when_accounts_are_configured(db):
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pengguna"] = SECRETS["pengguna"]
    at.run()
    at.switch_page("unggah/unggah.py").run()
    assert not at.exception, at.exception
    assert "akses_pertama_buat" not in [b.key for b in at.button]
