"""python manage.py ingest PATH...: read article files or folders into the timeline."""

from __future__ import annotations

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from timeline.ingest.jobs import ingest_start
from timeline.ingest.readers import iter_files
from timeline.ingest.run import FileOutcome, files_ingest


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
        bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=not sys.stderr.isatty())

        def progress(outcome: FileOutcome) -> None:
            bar.update(1)
            for line in [f": {outcome.error}"] if outcome.error else [f" {where}" for where in outcome.skipped]:
                bar.clear()
                self.stderr.write(f"rejected {outcome.path}{line}")

        tally = files_ingest(files, progress=progress)
        bar.close()
        rejected = tally.rejected + len(missing)
        self.stdout.write(
            f"{tally.files} files read: {tally.created} new articles, {tally.stored} already stored, "
            f"{tally.passages} passages, {tally.events_new} new events, "
            f"{tally.events_updated} events updated, {rejected} rejected"
        )
        if rejected:
            raise CommandError(f"{rejected} file(s) or record(s) rejected", returncode=1)
