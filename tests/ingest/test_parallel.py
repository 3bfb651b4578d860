"""Several ingest processes at once: all finish, every article is stored once, and two reports of one happening
arriving together join one event."""

from __future__ import annotations

import io
import shutil
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import connection

from bench.reports import reports_write
from tests.ingest.processes import finished, manage, manage_start, shared_database
from tests.ingest.recount import stale_search_texts, tally_mismatches
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db(transaction=True)

REPORTS = 6  # per folder; report n of each desk tells the same story in another text


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="parallel workers are a PostgreSQL matter (SQLite has one writer); run with DATABASE_URL=postgres://...",
)
def test_it_stores_every_article_once_and_one_event_per_happening(tmp_path) -> None:
    url = shared_database(tmp_path)
    north = reports_write(tmp_path / "north", count=REPORTS, desk="North Wire")
    reports_write(tmp_path / "south", count=REPORTS, desk="South Wire")
    for path in north[:2]:  # the very same files in both folders
        shutil.copy(path, tmp_path / "south" / path.name)
    runs = [manage_start(url, "ingest", "--foreground", str(tmp_path / f)) for f in ("north", "south")]
    for run in map(finished, runs):
        assert run.returncode == 0, run.stderr.decode()[-2000:]
    assert Article.objects.count() == 2 * REPORTS
    assert Article.objects.values("content_hash").distinct().count() == 2 * REPORTS
    shared = Event.objects.filter(mentions__passage__article__publisher__name="North Wire").filter(
        mentions__passage__article__publisher__name="South Wire"
    )
    assert shared.distinct().count() >= REPORTS
    # the tallies and search texts both workers kept (deferred to each commit) are those counted afresh
    assert tally_mismatches() == {}
    assert stale_search_texts() == 0
    together = _twins()
    Event.objects.all().delete()
    Article.objects.all().delete()
    for folder in ("north", "south"):  # the same reports one after the other
        call_command("ingest", str(tmp_path / folder), stdout=io.StringIO(), stderr=io.StringIO())
    # a happening both desks reported together is one event, never a North event beside a South twin
    # (beyond the twins matching makes anyway when the reports come one after the other)
    assert together <= _twins()


def _twins() -> set[tuple]:
    """Events that look like one happening told twice: same kind, dates and headline."""
    seen = Counter(
        (e.event_type, e.date_start, e.date_end, e.title)
        for e in Event.objects.filter(mentions__isnull=False).distinct()
    )
    return {key for key, n in seen.items() if n > 1}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's lock waiting")
def test_it_lets_a_second_sqlite_writer_wait_for_the_first(tmp_path) -> None:
    url = shared_database(tmp_path)
    for desk in ("North Wire", "South Wire"):
        reports_write(tmp_path / desk, count=3, desk=desk)
    runs = [manage_start(url, "ingest", "--foreground", str(tmp_path / f)) for f in ("North Wire", "South Wire")]
    for run in map(finished, runs):
        assert run.returncode == 0, run.stderr.decode()[-2000:]
        assert b"3 new articles" in run.stdout
    assert "6 already stored" in manage(url, "ingest", str(tmp_path)).stdout.decode()
