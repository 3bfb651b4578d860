"""Several ingest processes at once on PostgreSQL: all finish, every article is stored once, and two reports
of one happening arriving together join one event."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.db import connection

from bench.reports import reports_write
from tests.paths import ROOT
from timeline.models import Article, Event

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="parallel ingest is a PostgreSQL matter (SQLite has one writer); run with DATABASE_URL=postgres://...",
    ),
]

REPORTS = 6  # per folder; report n of each desk tells the same story in another text


def _database_url() -> str:
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _ingest_at_once(*folders: Path) -> list[subprocess.CompletedProcess]:
    env = {**os.environ, "DATABASE_URL": _database_url()}
    command = [sys.executable, str(ROOT / "manage.py"), "ingest", "--foreground"]
    runs = [
        subprocess.Popen([*command, str(f)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for f in folders
    ]
    return [subprocess.CompletedProcess(r.args, r.wait(timeout=600), *r.communicate()) for r in runs]


def test_it_stores_every_article_once_and_one_event_per_happening(tmp_path) -> None:
    north = reports_write(tmp_path / "north", count=REPORTS, desk="North Wire")
    reports_write(tmp_path / "south", count=REPORTS, desk="South Wire")
    for path in north[:2]:  # the very same files in both folders
        shutil.copy(path, tmp_path / "south" / path.name)
    done = _ingest_at_once(tmp_path / "north", tmp_path / "south")
    for run in done:
        assert run.returncode == 0, run.stderr.decode()[-2000:]
    assert Article.objects.count() == 2 * REPORTS
    assert Article.objects.values("content_hash").distinct().count() == 2 * REPORTS
    # a happening both desks reported is one event, never a North event beside a South twin
    twins = Counter(
        (e.event_type, e.date_start, e.date_end, e.title)
        for e in Event.objects.filter(mentions__isnull=False).distinct()
    )
    assert [key for key, n in twins.items() if n > 1] == []
    shared = Event.objects.filter(mentions__passage__article__publisher__name="North Wire").filter(
        mentions__passage__article__publisher__name="South Wire"
    )
    assert shared.distinct().count() >= REPORTS
