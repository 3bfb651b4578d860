"""The stored events as the event scorer sees them: the one part of evaluation that reads the database."""

from __future__ import annotations

from pathlib import Path

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


def stored_events_report(gold: dict) -> str:
    """The scores of the stored events against a gold annotation, as printed by `evaluate_events`.

    The gold speaks of its own articles only: events backed by none of them are not scored."""
    gold_articles = set(gold.get("articles", {}))
    events = [e for e in stored_events() if any(s.article in gold_articles for s in e.sources)]
    return format_report(score(gold, events), total_events=len(events))
