"""python manage.py evaluate_events GOLD.json: score the stored events against a gold annotation."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.evaluation.events import Source, SystemEvent, format_report, score
from timeline.models import Event


def stored_events() -> list[SystemEvent]:
    """The events on the timeline (not rejected, not merged away), with their source passages."""
    events = (
        Event.objects.exclude(status=Event.Status.REJECTED)
        .filter(merged_into__isnull=True)
        .prefetch_related("mentions__passage__article")
        .order_by("date_start", "id")
    )
    return [
        SystemEvent(
            key=e.slug,
            date_start=e.date_start,
            date_end=e.date_end,
            precision=e.precision,
            title=e.title,
            sources=tuple(
                Source(article=Path(m.passage.article.source_name).name, passage=m.passage.text)
                for m in e.mentions.all()
            ),
        )
        for e in events
    ]


class Command(BaseCommand):
    help = "Score stored events against a gold file (ingests nothing)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", type=Path)

    def handle(self, *args: object, gold: Path, **options: object) -> None:
        try:
            data = json.loads(gold.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read gold file {gold}: {exc}") from exc
        # The gold speaks of its own articles only: events backed by none of them are not scored.
        gold_articles = set(data.get("articles", {}))
        events = [e for e in stored_events() if any(s.article in gold_articles for s in e.sources)]
        self.stdout.write(format_report(score(data, events), total_events=len(events)))
