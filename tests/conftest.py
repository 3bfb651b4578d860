"""Fixtures shared by the whole suite."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.paths import ROOT

SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path inside ../shared, or skip the test with a clear message where it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: this test reads the shared seeds/corpora beside the repository")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return shared_path("seeds")


@pytest.fixture
def gold_seeds() -> Path:
    return shared_path("gold", "seeds.json")


@pytest.fixture
def meantime_dir() -> Path:
    return shared_path("data", "meantime_en")


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix: None) -> None:
    """On SQLite the test database is a file, not shared memory: the live server's threads and the test's own
    connection then wait for each other's locks (the 30 s busy timeout) instead of failing with "table is locked"
    when a browser request is still being answered as a test ends."""
    import os
    import tempfile

    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = os.path.join(tempfile.gettempdir(), f"timeline-test-{os.getpid()}.sqlite3")
