"""python manage.py export_events [--format json|csv|timelinejs|ics] [--output FILE]: the timeline as data.

The JSON form is the contract in DESIGN.md (timeline.events.export writes it, streaming: any size, constant memory).
"""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from timeline.events.export import FORMATS, export_chunks, export_write, public_events


class Command(BaseCommand):
    help = "Export the timeline's events (JSON by default, to stdout)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=FORMATS, default="json")
        parser.add_argument("--output", type=Path, help="write to this file instead of stdout")
        parser.add_argument("--base-url", default="", help="make links absolute, e.g. https://timeline.example.org")

    def handle(self, *args: object, format: str, output: Path | None, base_url: str = "", **options: object) -> None:
        if output is None:
            for piece in export_chunks(fmt=format, base_url=base_url):
                self.stdout.write(piece, ending="")
            return
        with output.open("w", encoding="utf-8", newline="") as out:
            export_write(out, fmt=format, base_url=base_url)
        self.stderr.write(f"{public_events().count()} events written to {output}")
