"""python manage.py evaluate_events GOLD.json: score the stored events against a gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.evaluation.stored import stored_events_report


class Command(BaseCommand):
    help = "Score stored events against a gold file (ingests nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", type=Path)

    def handle(self, *args: object, gold: Path, **options: object) -> None:
        try:
            data = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read gold file {gold}: {exc}") from exc
        self.stdout.write(stored_events_report(data))
