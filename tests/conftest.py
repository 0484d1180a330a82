"""Shared fixtures: one fixed fixture warehouse per test session (read-only), fresh copies for writers."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.fixture_data import build_fixture_warehouse


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
    monkeypatch.setenv("SPM_DB", str(fixture_db))
    from dashboard.config import settings

    settings.cache_clear()
    yield fixture_db
