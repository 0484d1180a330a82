"""Login throttling shared by all sessions (issue 14, finding 4): failures counted per account and per address
across reloads, a lockout with a documented reset, and every attempt in the audit log without the password."""

from __future__ import annotations

import json

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.akses import throttle
from tests.fixtures.akses import PASSWORDS, SECRETS
from tests.helpers import APP, cli


@pytest.fixture
def own_db(writable_db, monkeypatch):
    from dashboard.core.settings import settings

    monkeypatch.setenv("SPM_DB", str(writable_db))
    settings.cache_clear()
    yield writable_db
    settings.cache_clear()


def attempt(password: str, user: str = "admin") -> AppTest:
    """One login on a fresh page load (a new browser session: what a reload gives)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.secrets["pengguna"] = SECRETS["pengguna"]
    at.run()
    at.switch_page("unggah/unggah.py").run()
    at.text_input(key="unggah_nama").input(user)
    at.text_input(key="unggah_sandi").input(password)
    at.button(key="unggah_masuk").click().run()
    assert not at.exception, at.exception
    return at


def test_reloading_does_not_reset_the_count_and_the_account_locks(own_db):
    for _ in range(5):
        assert any("salah" in e.value for e in attempt("tebakan").error)
    locked = attempt(PASSWORDS["admin"])  # even the right password, while locked
    assert any("Coba lagi dalam 15 menit" in e.value and "buka-kunci" in e.value for e in locked.error)
    assert not any("Admin Bappeda" in c.value for c in locked.sidebar.caption)
    assert attempt(PASSWORDS["op_banjar"], "op_banjar").error == []  # other accounts are not locked
    lines = [json.loads(x) for x in (own_db.parent / throttle.AUDIT_NAME).read_text(encoding="utf-8").splitlines()]
    assert [(x["akun"], x["hasil"]) for x in lines] == [("admin", "gagal")] * 5 + [("admin", "terkunci"), ("op_banjar", "berhasil")]
    text = (own_db.parent / throttle.AUDIT_NAME).read_text(encoding="utf-8")
    assert "tebakan" not in text and PASSWORDS["admin"] not in text and PASSWORDS["op_banjar"] not in text


def test_lock_expires_and_the_cli_lifts_it(own_db):
    for i in range(5):
        throttle.record("admin", None, False, now=1000.0 + i)
    assert throttle.blocked("admin", None, now=1004.0) == 900  # locked at the fifth failure, for 15 minutes
    assert throttle.blocked("admin", None, now=1004.0 + 900) == 0  # kunci_menit = 15
    code, out = cli("buka-kunci", "admin", "--db", own_db)
    assert (code, out.strip()) == (0, "Kunci dibuka: akun admin")
    assert throttle.blocked("admin", None, now=1005.0) == 0
    assert cli("buka-kunci", "admin", "--db", own_db) == (0, "Tidak ada yang terkunci atau tercatat gagal untuk itu.\n")
    assert cli("buka-kunci", "--db", own_db)[0] == 2


def test_failures_outside_the_window_do_not_add_up(own_db):
    for i in range(4):
        throttle.record("admin", None, False, now=1000.0 + i)
    throttle.record("admin", None, False, now=1000.0 + 15 * 60 + 10)  # the first four are older than 15 minutes
    assert throttle.blocked("admin", None, now=1000.0 + 15 * 60 + 11) == 0


def test_one_address_guessing_many_accounts_is_locked(own_db):
    for i in range(20):
        throttle.record(f"nama{i}", "10.0.0.9", False, now=2000.0 + i)
    assert throttle.blocked("admin", "10.0.0.9", now=2019.0) == 900
    assert throttle.blocked("admin", "10.0.0.8", now=2020.0) == 0
    assert cli("buka-kunci", "--alamat", "10.0.0.9", "--db", own_db)[1].strip() == "Kunci dibuka: alamat 10.0.0.9"


def test_a_success_clears_the_accounts_count(own_db):
    for i in range(4):
        throttle.record("admin", None, False, now=3000.0 + i)
    throttle.record("admin", None, True, now=3005.0)
    throttle.record("admin", None, False, now=3006.0)
    assert throttle.blocked("admin", None, now=3007.0) == 0


def test_client_address_behind_a_local_proxy():
    assert throttle.client_address("127.0.0.1", {"X-Forwarded-For": "1.2.3.4, 10.0.0.5"}) == "10.0.0.5"
    assert throttle.client_address("10.1.1.1", {"X-Forwarded-For": "1.2.3.4"}) == "10.1.1.1"
    assert throttle.client_address(None, {}) is None
