"""The stored events as the event scorer sees them: the one part of evaluation that reads the database."""

from __future__ import annotations

from pathlib import Path

from timeline.evaluation.events import Source, SystemEvent, format_report, score
from timeline.evaluation.titles import audit_titles
from timeline.models import Event, Passage


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
                Source(article=Path(m.passage.article.source_name).name, passage=m.text) for m in e.mentions.all()
            ),
        )
        for e in events
    ]


def previous_sentences() -> dict[str, str]:
    """Each source passage's text mapped to the sentence before it in its article (what a pronoun refers to)."""
    wanted = {
        (article, index - 1): text
        for article, index, text in Passage.objects.filter(mentions__isnull=False).values_list(
            "article_id", "index", "text"
        )
        if index > 0
    }
    out = {}
    articles = {a for a, _ in wanted}
    for article, index, text in Passage.objects.filter(article_id__in=articles).values_list(
        "article_id", "index", "text"
    ):
        if (article, index) in wanted:
            out[wanted[(article, index)]] = text
    return out


def stored_titles_report(events: list[SystemEvent] | None = None) -> str:
    """The title audit of the stored events (timeline.evaluation.titles), as printed by `evaluate_events`."""
    events = stored_events() if events is None else events
    return "\n".join(audit_titles(events, previous_sentences()).lines())


def stored_events_report(gold: dict) -> str:
    """The scores of the stored events against a gold annotation, as printed by `evaluate_events`, then the
    audit of their titles (before the closing "targets met" line).

    The gold speaks of its own articles only: events backed by none of them are not scored."""
    gold_articles = set(gold.get("articles", {}))
    events = [e for e in stored_events() if any(s.article in gold_articles for s in e.sources)]
    scores, closing = format_report(score(gold, events), total_events=len(events)).rsplit("\n", 1)
    return f"{scores}\n{stored_titles_report(events)}\n{closing}"
