"""python manage.py ingest PATH...: read article files or folders into the timeline."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from tqdm import tqdm

from timeline.ingest.jobs import ingest_start
from timeline.ingest.readers import ReadError, iter_files
from timeline.ingest.service import file_ingest
from timeline.models import Event

BATCH = 50  # files per commit


class Command(BaseCommand):
    help = "Ingest article files (.txt, .html, .json, .jsonl) or folders of them. Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        when = parser.add_mutually_exclusive_group()
        when.add_argument("--background", action="store_true", help="queue the ingest for `manage.py db_worker`")
        when.add_argument("--foreground", action="store_true", help="ingest now, however many files")

    def handle(self, *args: object, paths: list[Path], **options: object) -> None:
        missing = [p for p in paths if not p.exists()]
        for p in missing:
            self.stderr.write(f"rejected {p}: no such file or folder")
        files = list(iter_files([p for p in paths if p.exists()]))
        many = len(files) >= settings.INGEST_BACKGROUND_MIN_FILES
        if options.get("background") or (many and not options.get("foreground")):
            job = ingest_start(paths=paths, background=True)
            self.stdout.write(
                f"{job.total} files queued as ingest job #{job.pk}; `python manage.py db_worker` runs it, "
                "the admin's ingest jobs page shows its progress."
            )
            return
        tally = {"files": 0, "new": 0, "stored": 0, "passages": 0, "events_updated": 0}
        rejected = len(missing)
        events_before = Event.objects.count()
        bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=not sys.stderr.isatty())
        for start in range(0, len(files), BATCH):
            # One commit per batch of files; each file is its own savepoint (file_ingest): a bad file leaves no trace.
            with transaction.atomic():
                for path in files[start : start + BATCH]:
                    tally["files"] += 1
                    bar.update(1)
                    try:
                        done = file_ingest(path=path, max_bytes=settings.INGEST_MAX_BYTES)
                    except (ReadError, ValueError) as exc:
                        rejected += 1
                        bar.clear()
                        self.stderr.write(f"rejected {path}: {exc}")
                        continue
                    for reason in done.skipped:
                        rejected += 1
                        bar.clear()
                        self.stderr.write(f"rejected {path} {reason}")
                    for result in done.results:
                        tally["new" if result.created else "stored"] += 1
                        tally["passages"] += result.passages
                        tally["events_updated"] += result.events_updated
        bar.close()
        # counted in the table: re-reading an undated article once its date is inferred also makes events
        events_new = Event.objects.count() - events_before
        self.stdout.write(
            f"{tally['files']} files read: {tally['new']} new articles, {tally['stored']} already stored, "
            f"{tally['passages']} passages, {events_new} new events, {tally['events_updated']} events updated, "
            f"{rejected} rejected"
        )
        if rejected:
            raise CommandError(f"{rejected} file(s) or record(s) rejected", returncode=1)
