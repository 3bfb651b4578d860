"""python manage.py key_dates --count K [filters]: the K most important days of the stored events, as JSON."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.web.forms import TimelineFilterForm
from timeline.web.key_dates import DEFAULT_COUNT, MAX_COUNT, key_dates
from timeline.web.selectors import actors_in_public_events

# the timeline form's field for each option: the page and the command read filters the same way
FILTER_FIELDS = {"q": "text", "actor": "actor", "type": "event_type", "date_from": "date_from", "date_to": "date_to"}


class Command(BaseCommand):
    help = "Print the K most important days of the events the filters select (JSON list, in date order)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help=f"how many days (1-{MAX_COUNT})")
        parser.add_argument("--text", default="", help="words every event must hold")
        parser.add_argument("--actor", default="", help="an actor's or place's slug")
        parser.add_argument("--type", dest="event_type", default="", help="an event type")
        parser.add_argument("--date-from", default="", help="YYYY-MM-DD")
        parser.add_argument("--date-to", default="", help="YYYY-MM-DD")
        parser.add_argument("--verified", action="store_true", help="verified events only")

    def handle(self, *args: object, count: int, **options: object) -> None:
        if not 1 <= count <= MAX_COUNT:
            raise CommandError(f"--count must be between 1 and {MAX_COUNT}")
        data = {name: options[key] for name, key in FILTER_FIELDS.items() if options[key]}
        data.update({"verified": "on"} if options["verified"] else {})
        form = TimelineFilterForm(data, actors=actors_in_public_events())
        if not form.is_valid():
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
        days = key_dates(filters=form.filters(), count=count)
        self.stdout.write(json.dumps([d.as_json() for d in days], ensure_ascii=False, indent=1))
