"""Helpers for tests that run manage.py in other processes against one shared database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

from tests.paths import ROOT

WAIT = 300  # seconds: the bound on any wait for another process, never a timing assumption


def shared_database(tmp_path: Path) -> str:
    """A database URL other processes can use: the test database on PostgreSQL, a migrated file on SQLite."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    manage(url, "migrate", "-v0").check_returncode()
    return url


def manage(url: str, *args: str) -> subprocess.CompletedProcess:
    """Run ``manage.py args`` against ``url`` and wait for it."""
    return subprocess.run(_command(args), cwd=ROOT, env=_env(url), capture_output=True, timeout=WAIT)


def manage_start(url: str, *args: str) -> subprocess.Popen:
    """Start ``manage.py args`` against ``url`` without waiting."""
    return subprocess.Popen(_command(args), cwd=ROOT, env=_env(url), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finished(process: subprocess.Popen) -> subprocess.CompletedProcess:
    out, err = process.communicate(timeout=WAIT)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _command(args: tuple[str, ...]) -> list[str]:
    return [sys.executable, str(ROOT / "manage.py"), *args]


def _env(url: str) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": url}
