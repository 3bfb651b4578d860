"""`manage.py timex [--dct YYYY-MM-DD] FILE`: the time expressions of a text file, as JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.extraction.temporal.tagger import tag


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"--dct must be a date as YYYY-MM-DD, not {text!r}") from exc


class Command(BaseCommand):
    help = "Print the TIMEX3 time expressions of FILE as a JSON list of {start, end, text, type, value}."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="a UTF-8 text file; offsets count characters of its text")
        parser.add_argument("--dct", help="the publication date (YYYY-MM-DD) relative dates resolve against")
        parser.add_argument(
            "--detail", action="store_true", help="add each expression's range, precision, rule and anchor"
        )

    def handle(self, *args: Any, file: str, dct: str | None, detail: bool, **options: Any) -> None:
        path = Path(file)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"cannot read {path}: {exc}") from exc
        rows = []
        for timex in tag(text, _day(dct) if dct else None):
            row: dict[str, Any] = {
                "start": timex.start,
                "end": timex.end,
                "text": timex.text,
                "type": timex.type,
                "value": timex.value,
            }
            if detail:
                row.update(
                    range_start=timex.range_start.isoformat() if timex.range_start else None,
                    range_end=timex.range_end.isoformat() if timex.range_end else None,
                    precision=timex.precision,
                    rule=timex.rule,
                    anchor=timex.anchor.isoformat() if timex.anchor else None,
                    anchor_kind=timex.anchor_kind,
                )
            rows.append(row)
        self.stdout.write(json.dumps(rows, ensure_ascii=False, indent=1))
