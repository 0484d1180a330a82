"""Shared fixtures: one fixed fixture warehouse per test session (read-only), fresh copies for writers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixtures import banjir, cakupan, jujur, kualitas, perencanaan, peringatan, peringkat
from tests.fixtures.dasar import build_fixture_warehouse


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory) -> Path:
    """The fixture warehouse (do not write to it: use `writable_db`)."""
    return build_fixture_warehouse(tmp_path_factory.mktemp("gudang") / "spm.duckdb")


@pytest.fixture
def writable_db(fixture_db, tmp_path) -> Path:
    """A private copy of the fixture warehouse that a test may change."""
    target = tmp_path / "spm.duckdb"
    shutil.copyfile(fixture_db, target)
    return target


@pytest.fixture
def app_env(fixture_db, monkeypatch):
    """Environment for AppTest: the app reads the fixture warehouse."""
    yield from _app_env(fixture_db, monkeypatch)


def _app_env(db: Path, monkeypatch):
    monkeypatch.setenv("SPM_DB", str(db))
    from dashboard.core.settings import settings

    settings.cache_clear()
    yield db
    settings.cache_clear()


# --- the feature fixtures: the base warehouse plus each feature's files (tests/fixtures/<feature>.py) -----------------


@pytest.fixture(scope="module")
def base_env(fixture_db):
    """The base fixture warehouse for a whole module (SPM_DB set, settings re-read), for module-scoped fixtures that
    build a deck or brief once."""
    mp = pytest.MonkeyPatch()
    mp.setenv("SPM_DB", str(fixture_db))
    from dashboard.core.settings import settings

    settings.cache_clear()
    yield fixture_db
    mp.undo()
    settings.cache_clear()


@pytest.fixture(scope="session")
def peringkat_db(fixture_db, tmp_path_factory) -> Path:
    """The extended ranking fixture warehouse (read-only for tests)."""
    return peringkat.build_peringkat_warehouse(fixture_db, tmp_path_factory.mktemp("peringkat") / "spm.duckdb")


@pytest.fixture
def peringkat_env(peringkat_db, monkeypatch):
    """Environment for AppTest on the extended ranking fixture."""
    yield from _app_env(peringkat_db, monkeypatch)


@pytest.fixture(scope="session")
def flood_db(fixture_db, tmp_path_factory) -> Path:
    """The base fixture warehouse plus the flood files (read-only: copy it before writing)."""
    return banjir.build_flood_warehouse(fixture_db, tmp_path_factory.mktemp("banjir") / "spm.duckdb")


@pytest.fixture
def flood_env(flood_db, monkeypatch):
    """Environment for AppTest on the flood fixture."""
    yield from _app_env(flood_db, monkeypatch)


@pytest.fixture(scope="session")
def flood_run(flood_db):
    """A `run(name, **params)` like dashboard.core.store.run, on a read-only connection to the flood warehouse."""
    from dashboard.core.warehouse import connect_readonly, query_df

    con = connect_readonly(flood_db)

    def run(name: str, **params):
        return query_df(con, name, params)

    yield run
    con.close()


@pytest.fixture(scope="session")
def perencanaan_db(fixture_db, tmp_path_factory) -> Path:
    """The planner fixture warehouse (read-only; built once per test session)."""
    return perencanaan.build_perencanaan_warehouse(fixture_db, tmp_path_factory.mktemp("perencanaan") / "spm.duckdb")


@pytest.fixture
def perencanaan_env(perencanaan_db, monkeypatch):
    """Environment for AppTest on the planner fixture."""
    yield from _app_env(perencanaan_db, monkeypatch)


@pytest.fixture(scope="session")
def peringatan_db(fixture_db, tmp_path_factory) -> Path:
    """The early-warning fixture warehouse (read-only; built once per test session)."""
    return peringatan.build_peringatan_warehouse(fixture_db, tmp_path_factory.mktemp("peringatan") / "spm.duckdb")


@pytest.fixture
def peringatan_env(peringatan_db, monkeypatch):
    """Environment for AppTest on the early-warning fixture."""
    yield from _app_env(peringatan_db, monkeypatch)


@pytest.fixture(scope="session")
def kualitas_db(tmp_path_factory) -> Path:
    """The data-management fixture warehouse (read-only: copy it before writing)."""
    return kualitas.build_kualitas_warehouse(tmp_path_factory.mktemp("kualitas") / "spm.duckdb")


@pytest.fixture
def kualitas_env(kualitas_db, monkeypatch):
    """Environment for the data-quality functions and page on the data-management fixture."""
    yield from _app_env(kualitas_db, monkeypatch)


@pytest.fixture(scope="session")
def jujur_db(tmp_path_factory) -> Path:
    """The "honest numbers" warehouse: reference data plus a few real-looking rows with gaps, percent-only and
    above-100 % values in 4 of 13 kab/kota (tests/fixtures/jujur.py; read-only)."""
    return jujur.build_jujur_warehouse(tmp_path_factory.mktemp("jujur") / "spm.duckdb")


@pytest.fixture(scope="session")
def cakupan_db(tmp_path_factory) -> Path:
    """The coverage warehouse: most kab/kota, percent-only rows with and without a known denominator, desa reports
    for part of two kecamatan (tests/fixtures/cakupan.py; read-only)."""
    return cakupan.build_cakupan_warehouse(tmp_path_factory.mktemp("cakupan") / "spm.duckdb")


@pytest.fixture
def cakupan_env(cakupan_db, monkeypatch):
    """Environment for AppTest on the coverage warehouse."""
    yield from _app_env(cakupan_db, monkeypatch)


@pytest.fixture
def jujur_env(jujur_db, monkeypatch):
    """Environment for the data functions and AppTest on the "honest numbers" warehouse."""
    yield from _app_env(jujur_db, monkeypatch)


@pytest.fixture(scope="module")
def ambang_nol(tmp_path_factory):
    """Settings with [agregat] ambang_kelengkapan_persen = 0: for tests on the sparse base fixture (3 of 13 kab/kota,
    a few services) that test another rule (categories, ranks, charts) and would otherwise see every aggregate as
    partial. The completeness rule itself is tested at the default threshold (tests/spm/test_coverage.py)."""
    override = Path(__file__).parent / "fixtures" / "ambang_nol.toml"
    from dashboard.core.settings import settings

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SPM_CONFIG", str(override))
        settings.cache_clear()
        yield override
    settings.cache_clear()


@pytest.fixture
def ambang_nol_satu(tmp_path, monkeypatch):
    """:func:`ambang_nol` for one test."""
    override = Path(__file__).parent / "fixtures" / "ambang_nol.toml"
    monkeypatch.setenv("SPM_CONFIG", str(override))
    from dashboard.core.settings import settings

    settings.cache_clear()
    yield override
    settings.cache_clear()
