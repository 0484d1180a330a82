"""Page-facing data access: run a named query against the read-only warehouse, cached per file version.

Pages call the small functions here (and in the feature modules) and get small DataFrames back; they never
open connections or write SQL. Every session thread uses its own cursor; the connection is cached per
warehouse file version, so a swapped-in file (a finished import) is picked up at the next rerun.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pandas as pd
import streamlit as st

from dashboard.core.settings import default_db_path
from dashboard.core.warehouse import connect_readonly, cursor, identity, query_df


def db_path() -> Path:
    return default_db_path()


def version() -> str:
    """The current warehouse file version (changes when an import swaps a new file in)."""
    return identity(db_path())


@st.cache_resource(max_entries=3, show_spinner=False)
def _connection(path: str, file_version: str) -> duckdb.DuckDBPyConnection:
    return connect_readonly(Path(path))


@st.cache_data(ttl=3600, max_entries=2000, show_spinner=False)
def _run(name: str, path: str, file_version: str, params: tuple[tuple[str, Any], ...]) -> pd.DataFrame:
    cur = cursor(_connection(path, file_version))
    try:
        return query_df(cur, name, dict(params))
    finally:
        cur.close()


def run(name: str, **params: Any) -> pd.DataFrame:
    """Result of the named query (cached for this warehouse version)."""
    path = db_path()
    return _run(name, str(path), identity(path), tuple(sorted(params.items())))


@st.cache_data(max_entries=4, show_spinner=False)
def _marts_current(path: str, file_version: str) -> bool:
    from dashboard.core.warehouse import is_current

    return is_current(Path(path))


F = TypeVar("F", bound=Callable[..., Any])


def cached(*, max_entries: int = 200, keep_object: bool = False, ttl: int = 3600) -> Callable[[F], F]:
    """Cache a page's data function per warehouse version: the one caching helper of the app.

    The decorated function is called as usual; the current warehouse version (:func:`version`) is part of the cache
    key, so after an import the next rerun computes afresh, and the arguments are the rest of the key (data frames by
    content, dataclasses and texts by value). Results are ``st.cache_data`` values (every caller gets its own copy);
    with ``keep_object`` they are kept as the object itself (``st.cache_resource``: for Plotly figures, which cost as
    much to restore from a pickle as to build; callers must not change them). The function itself stays free of
    Streamlit, so it can be tested as a plain function (``fn.uncached``).
    """

    def decorate(fn: F) -> F:
        def keyed(warehouse_version: str, *args: Any, **kwargs: Any) -> Any:
            return fn(*args, **kwargs)

        # Streamlit keys a cache by the function's module, qualified name and source: name it after ``fn``
        keyed.__module__, keyed.__qualname__, keyed.__name__ = fn.__module__, fn.__qualname__, fn.__name__
        cache = st.cache_resource if keep_object else st.cache_data
        stored = cache(ttl=ttl, max_entries=max_entries, show_spinner=False)(keyed)

        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # the settings file in use is part of the key too: thresholds and weights shape the results
            return stored(version() + "|" + os.environ.get("SPM_CONFIG", ""), *args, **kwargs)

        wrapper.clear = stored.clear  # type: ignore[attr-defined]
        wrapper.uncached = fn  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return decorate


def marts_current() -> bool:
    """Whether the warehouse's marts were built by this version's SQL (checked once per file version)."""
    path = db_path()
    return _marts_current(str(path), identity(path))


def clear_caches() -> None:
    _run.clear()
    _connection.clear()
    _marts_current.clear()


# --- small shared look-ups ---------------------------------------------------------------------------


def meta() -> dict[str, str]:
    df = run("meta_all")
    return dict(zip(df["kunci"], df["nilai"], strict=True))


def is_sample() -> bool:
    """True while synthetic sample data are in the warehouse."""
    return meta().get("sampel") == "ya"


def data_state() -> tuple[str, pd.DataFrame]:
    """What the warehouse holds: 'kosong' (reference data only), 'sampel', 'nyata' (real imports only) or
    'campuran' (the synthetic sample plus real imports), and the real imports (id_impor, nama_file, waktu)."""
    real = run("status_data")
    if is_sample():
        mixed = meta().get("campuran") == "ya" or len(real) > 0
        return ("campuran" if mixed else "sampel"), real
    return ("nyata" if len(real) else "kosong"), real


def is_empty() -> bool:
    """True while nothing is loaded but the reference data (a warehouse made by ``python -m dashboard init``)."""
    return data_state()[0] == "kosong"


def periods() -> list[str]:
    """Months with data, newest first, as 'YYYY-MM'."""
    return run("periode_tersedia")["periode"].tolist()


def kabkota() -> pd.DataFrame:
    """The kab/kota of the dashboard's province (a national warehouse holds every province's)."""
    return run("daftar_kabkota", kode_provinsi=provinsi_kode())


def wilayah_anak(kode_induk: str) -> pd.DataFrame:
    return run("daftar_wilayah_anak", kode_induk=kode_induk)


def wilayah_info(kode: str) -> dict[str, Any]:
    df = run("wilayah_info", kode=kode)
    return df.iloc[0].to_dict() if len(df) else {}


def provinsi_kode() -> str:
    df = run("daftar_provinsi")
    return df["kode"].iloc[0] if len(df) else "63"
