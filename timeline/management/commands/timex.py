"""`manage.py timex [--dct YYYY-MM-DD] FILE`: the time expressions of a text file, as JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.extraction.temporal.records import timex_records


class Command(BaseCommand):
    help = "Print the TIMEX3 time expressions of FILE as a JSON list of {start, end, text, type, value}."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a UTF-8 text file; offsets count characters of its text")
        parser.add_argument("--dct", help="the publication date (YYYY-MM-DD) relative dates resolve against")
        parser.add_argument(
            "--detail", action="store_true", help="add each expression's range, precision, rule and anchor"
        )

    def handle(self, *args: Any, file: str, dct: str | None, detail: bool, **options: Any) -> None:
        try:
            text = Path(file).read_text(encoding="utf-8")
            day = date.fromisoformat(dct) if dct else None
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {file}: {exc}") from exc
        except ValueError as exc:
            raise CommandError(f"--dct must be a date as YYYY-MM-DD, not {dct!r}") from exc
        self.stdout.write(json.dumps(timex_records(text, day, detail=detail), ensure_ascii=False, indent=1))
