"""The form that creates the first admin account on a fresh install (see :mod:`dashboard.akses.pertama` for the rules
that make it safe). Shown on the upload page while no account exists."""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from dashboard.akses import pertama
from dashboard.akses.auth import SESSION_KEY, User
from dashboard.core import ui


def _client() -> tuple[str | None, dict]:
    """The browser's address as the server's socket sees it, and the request headers.

    ``st.context.ip_address`` hides loopback addresses (None for localhost, as for no connection at all), so the
    address is read from the session's client context; anything unexpected gives no address, which is never local."""
    try:
        from streamlit.runtime.context import _get_client_context

        client = _get_client_context()
        remote = getattr(client, "remote_ip", None) if client is not None else None
        return (str(remote) if remote else None), dict(st.context.headers or {})
    except Exception:  # no browser context (a script run) or another Streamlit version: not local
        return None, {}


def offer(db: Path, conf) -> None:
    """While nobody can log in: the first-admin form (from the machine itself, or with the console token)."""
    path = pertama.accounts_path(db)
    if not pertama.no_account(conf, path):
        return
    local = pertama.is_local(*_client())
    with st.container(border=True):
        st.markdown("**" + ui.t("akses.pertama.judul") + "**")
        st.caption(ui.t("akses.pertama.ket", berkas=path.name))  # the file name only: no server path to visitors
        if not local:
            pertama.console_token()  # printed on the server's console
            st.caption(ui.t("akses.pertama.perlu_token"))
        with st.form("akses_pertama_form", border=False):
            login = st.text_input(ui.t("akses.nama_pengguna"), key="akses_pertama_nama", autocomplete="username")
            name = st.text_input(ui.t("akses.pertama.nama_tampil"), key="akses_pertama_tampil")
            password = st.text_input(ui.t("akses.sandi"), type="password", key="akses_pertama_sandi",
                                     autocomplete="new-password")  # fmt: skip
            repeat = st.text_input(ui.t("akses.pertama.ulangi"), type="password", key="akses_pertama_ulangi",
                                   autocomplete="new-password")  # fmt: skip
            token = None if local else st.text_input(ui.t("akses.pertama.token"), type="password",
                                                     key="akses_pertama_token")  # fmt: skip
            submitted = st.form_submit_button(ui.t("akses.pertama.buat"), key="akses_pertama_buat",
                                              icon=":material/person_add:")  # fmt: skip
        if submitted:
            try:
                entry = pertama.create_first_admin(path, conf, login, password, repeat, name, local=local, token=token)
            except pertama.Refused as refused:
                st.error(ui.t("akses.pertama." + refused.code))
            else:
                st.session_state[SESSION_KEY] = User(login=login.strip(), role="admin", name=entry["nama"])
                st.session_state["akses_pertama_dibuat"] = str(path)
                st.rerun()


def notice() -> None:
    """Once, after the first admin was created: say so and where the account is kept."""
    path = st.session_state.pop("akses_pertama_dibuat", None)
    if path:
        st.success(ui.t("akses.pertama.dibuat", berkas=path), icon=":material/person_check:")
