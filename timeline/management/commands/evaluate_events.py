"""python manage.py evaluate_events [GOLD.json]: score the stored events against a gold annotation and audit
their titles; without a gold file, audit the titles of every stored event."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.evaluation.stored import stored_events_report, stored_titles_report


class Command(BaseCommand):
    help = "Score stored events against a gold file and audit their titles (ingests nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", type=Path, nargs="?", help="gold file; without it, only the title audit")

    def handle(self, *args: object, gold: Path | None = None, **options: object) -> None:
        if gold is None:
            self.stdout.write(stored_titles_report())
            return
        try:
            data = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read gold file {gold}: {exc}") from exc
        self.stdout.write(stored_events_report(data))
