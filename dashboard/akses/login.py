"""The login of a browser session: who is logged in (password or OpenID Connect), the login box, logging out, and the
router's gate (login status in the sidebar; the login wall when viewing requires a login). What each role may do, the
password hashes and the accounts are in :mod:`dashboard.akses.auth` (no Streamlit)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import streamlit as st

from dashboard.akses import throttle
from dashboard.akses.auth import (
    SESSION_KEY,
    User,
    authenticate,
    login_required_to_view,
    oidc_configured,
    oidc_providers,
    user_for_email,
)
from dashboard.core import markdown, store, ui


def secrets() -> Mapping[str, Any]:
    """The secrets, with the first admin account created from the browser (``akun.toml`` beside the warehouse, see
    :mod:`dashboard.akses.pertama`) added to ``[pengguna]``."""
    try:
        conf = st.secrets.to_dict() if hasattr(st.secrets, "to_dict") else dict(st.secrets)
    except Exception:  # no secrets.toml: nobody can log in with a password
        conf = {}
    from dashboard.akses import pertama

    return pertama.with_local_accounts(conf, pertama.accounts_path(store.db_path()))


def current_user() -> User | None:
    """The logged-in user of this browser session (password login first, then OpenID Connect)."""
    user = st.session_state.get(SESSION_KEY)
    if isinstance(user, User):
        return user
    try:
        info = st.user.to_dict()
    except Exception:
        info = {}
    if info.get("is_logged_in"):
        return user_for_email(info.get("email"), secrets())
    return None


def _oidc_refused_email() -> str | None:
    """The e-mail of an OpenID Connect login that maps to no role (to say why nothing is allowed)."""
    try:
        info = st.user.to_dict()
    except Exception:
        return None
    if info.get("is_logged_in") and user_for_email(info.get("email"), secrets()) is None:
        return str(info.get("email") or "?")
    return None


def logout() -> None:
    was_oidc = (u := current_user()) is not None and u.via == "oidc"
    st.session_state.pop(SESSION_KEY, None)
    if was_oidc or _oidc_refused_email():
        st.logout()


def _client_address() -> str | None:
    try:
        headers = st.context.headers
        return throttle.client_address(st.context.ip_address, dict(headers) if hasattr(headers, "items") else {})
    except Exception:  # no client connection (tests)
        return None


def login_form(key: str = "akses") -> User | None:
    """The login box (password form, and a button per OpenID Connect provider). Returns the user once logged in."""
    user = current_user()
    if user is not None:
        return user
    conf = secrets()
    refused = _oidc_refused_email()
    if refused:
        st.error(ui.t("akses.email_tidak_terdaftar", email=markdown.escape(refused)))
        st.button(ui.t("akses.keluar"), key=f"{key}_keluar_oidc", on_click=logout)
    with st.form(f"{key}_form", border=True):
        st.markdown("**" + ui.t("akses.masuk_judul") + "**")
        login = st.text_input(ui.t("akses.nama_pengguna"), key=f"{key}_nama", autocomplete="username")
        password = st.text_input(
            ui.t("akses.sandi"), type="password", key=f"{key}_sandi", autocomplete="current-password"
        )
        submitted = st.form_submit_button(ui.t("akses.masuk"), icon=":material/login:", key=f"{key}_masuk")
    if submitted:
        address = _client_address()
        wait = throttle.blocked(login, address)  # shared by every session and process: a reload does not reset it
        if wait > 0:
            throttle.audit("terkunci", login, address)
            st.error(ui.t("akses.terkunci", menit=math.ceil(wait / 60)))
        else:
            found = authenticate(login, password, conf)
            throttle.record(login, address, found is not None)
            if found is None:
                st.error(ui.t("akses.gagal_masuk"))
            else:
                st.session_state[SESSION_KEY] = found
                st.rerun()
    if oidc_configured(conf):
        for provider in oidc_providers(conf):
            label = ui.t("akses.masuk_oidc", penyedia=provider or "OpenID Connect")
            if st.button(label, key=f"{key}_oidc_{provider or 'default'}", icon=":material/key:"):
                if provider:
                    st.login(provider)
                else:
                    st.login()
    elif not conf.get("pengguna"):
        st.caption(ui.t("akses.belum_ada_akun"))
    return None


def role_label(user: User) -> str:
    text = ui.t("akses.peran." + user.role)
    if user.kabkota:
        text += " · " + str(store.wilayah_info(user.kabkota).get("nama_lengkap", user.kabkota))
    return text


def gate() -> None:
    """Called by the router: the sidebar login status, and the login wall when viewing requires a login."""
    user = current_user()
    if user is not None:
        with st.sidebar:
            st.caption(ui.t("akses.masuk_sebagai", nama=markdown.escape(user.label), peran=role_label(user)))
            st.button(ui.t("akses.keluar"), key="akses_keluar", on_click=logout, icon=":material/logout:")
        return
    if login_required_to_view():
        st.title(ui.t("ui.judul_app"))
        st.info(ui.t("akses.perlu_login_lihat"), icon=":material/lock:")
        login_form("akses_gerbang")
        from dashboard.akses import pertama_form

        pertama_form.offer(store.db_path(), secrets())  # a fresh install: create the first admin account
        st.stop()
