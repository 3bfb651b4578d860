"""python manage.py ingest PATH...: read article files or folders into the timeline."""

from __future__ import annotations

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from timeline.ingest.jobs import ingest_start
from timeline.ingest.readers import iter_files
from timeline.ingest.run import FileOutcome, IngestTally, files_ingest


class Command(BaseCommand):
    help = "Ingest article files (.txt, .html, .json, .jsonl) or folders of them. Idempotent."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        when = parser.add_mutually_exclusive_group()
        when.add_argument("--background", action="store_true", help="queue the ingest for `manage.py db_worker`")
        when.add_argument("--foreground", action="store_true", help="ingest now (the default), however many files")

    def handle(self, *args: object, paths: list[Path], background: bool, foreground: bool, **options: object) -> None:
        files = list(iter_files([p for p in paths if p.exists()]))
        if background:
            job = ingest_start(paths=paths, background=True)
            self.stdout.write(f"{job.total} files queued as ingest job #{job.pk}; `python manage.py db_worker` runs it")
            return
        tally = IngestTally(rejected=sum(not p.exists() for p in paths))
        self.stderr.write(
            "".join(f"rejected {p}: no such file or folder\n" for p in paths if not p.exists()), ending=""
        )
        bar = tqdm(total=len(files), unit="file", file=sys.stderr, disable=not sys.stderr.isatty())

        def progress(outcome: FileOutcome) -> None:
            bar.update(1)
            if lines := outcome.rejection_lines():
                bar.clear()
                self.stderr.write("\n".join(lines))

        tally = files_ingest(files, progress=progress, tally=tally)
        bar.close()
        self.stdout.write(tally.summary())
        if tally.rejected:
            raise CommandError(f"{tally.rejected} file(s) or record(s) rejected", returncode=1)
