"""The ingest loop: read a list of files one after the other, each file its own unit of work.

``manage.py ingest`` and the background job (timeline.ingest.jobs) both go through ``files_ingest``: every
file is ingested by ``timeline.ingest.service.file_ingest`` outside any enclosing transaction (each article
commits on its own, so several workers can run at once), and whatever goes wrong with one file is caught here,
in the same way for both, reported with the file's name and skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection

from timeline.ingest.readers import ReadError
from timeline.ingest.service import IngestResult, file_ingest

logger = logging.getLogger(__name__)


@dataclass
class FileOutcome:
    """What became of one file: the articles it gave, and what was rejected (the whole file, or records of it)."""

    path: Path
    results: list[IngestResult] = field(default_factory=list)
    error: str = ""  # why the whole file was rejected
    skipped: list[str] = field(default_factory=list)  # records rejected, each "line 4: reason"

    @property
    def reasons(self) -> list[str]:
        return [self.error] if self.error else self.skipped

    @property
    def created(self) -> int:
        return sum(r.created for r in self.results)

    def rejection_lines(self) -> list[str]:
        """One line per rejection: "rejected PATH: reason" for a file, "rejected PATH line 4: reason" for a record."""
        if self.error:
            return [f"rejected {self.path}: {self.error}"]
        return [f"rejected {self.path} {where}" for where in self.skipped]


@dataclass
class IngestTally:
    files: int = 0
    created: int = 0
    stored: int = 0  # articles whose text was already stored
    passages: int = 0
    events_new: int = 0
    events_updated: int = 0
    rejected: int = 0

    def add(self, outcome: FileOutcome) -> None:
        self.files += 1
        self.created += outcome.created
        self.stored += len(outcome.results) - outcome.created
        self.passages += sum(r.passages for r in outcome.results)
        self.events_new += sum(r.events_new for r in outcome.results)
        self.events_updated += sum(r.events_updated for r in outcome.results)
        self.rejected += len(outcome.reasons)

    def summary(self) -> str:
        return (
            f"{self.files} files read: {self.created} new articles, {self.stored} already stored, "
            f"{self.passages} passages, {self.events_new} new events, {self.events_updated} events updated, "
            f"{self.rejected} rejected"
        )


def file_outcome(path: Path) -> FileOutcome:
    """Ingest one file; any failure is the file's own, reported with its reason, never raised."""
    outcome = FileOutcome(path=path)
    try:
        done = file_ingest(path=path, max_bytes=settings.INGEST_MAX_BYTES)
    except (ReadError, ValueError) as exc:
        outcome.error = str(exc)
    except Exception as exc:  # whatever one file does, the run goes on to the next
        logger.debug("cannot ingest %s", path, exc_info=True)
        outcome.error = f"could not be read or stored ({type(exc).__name__}: {exc})"
    else:
        outcome.results = done.results
        outcome.skipped = list(done.skipped)
    return outcome


def files_ingest(
    files: Iterable[Path], *, progress: Callable[[FileOutcome], None] | None = None, tally: IngestTally | None = None
) -> IngestTally:
    """Ingest ``files`` in order, counting on ``tally``; ``progress`` hears of each file as soon as it is done."""
    tally = tally or IngestTally()
    for path in files:
        outcome = file_outcome(path)
        tally.add(outcome)
        if progress is not None:
            progress(outcome)
    if tally.created:
        planner_statistics_refresh()
    return tally


def planner_statistics_refresh() -> None:
    """SQLite: gather the query planner's statistics when there are none or the events have doubled since.

    Without them SQLite reads the export's and the timeline's pages of public events through the index on
    ``merged_into_id`` (every event) and sorts them, instead of walking the partial index on their date: each
    page then costs a pass over every event. PostgreSQL's autovacuum keeps its own statistics.
    """
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM timeline_event")
        (events,) = cursor.fetchone()
        known = 0
        cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'")
        if cursor.fetchone():
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = 'timeline_event' AND idx IS NOT NULL LIMIT 1")
            row = cursor.fetchone()
            known = int(row[0].split()[0]) if row else 0
        if events and (not known or events > 2 * known):
            cursor.execute("ANALYZE")
