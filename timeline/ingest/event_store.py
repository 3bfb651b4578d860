"""Storing an article's events: each happening its extraction found joins the stored event it is, or
becomes a new one, and its mentions are written with the facts matching needs (actors, places, keywords,
date and the basis of that date).

The one place where a happening is matched and an event created (event_match_or_create), so that concurrent
ingests hold one lock around it; timeline.ingest.service calls store_events after storing an article's passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from timeline.events.derived import event_slug, publisher_count, title_subject
from timeline.events.matching import (
    best_match,
    gazetteer_current,
)
from timeline.events.update import event_refresh, link_actors
from timeline.extraction.cluster import mention_words
from timeline.extraction.events.dating import DateBasis
from timeline.extraction.pipeline import (
    CONTEXT_RULE,
    PUBLICATION_RULE,
    ArticleEvent,
    ArticleExtraction,
)
from timeline.models import Article, Event, Mention, Passage


@dataclass
class StoreCounts:
    new: int = 0
    updated: int = 0
    created: list[Event] = field(default_factory=list)


def store_events(
    article: Article,
    ex: ArticleExtraction,
    passages: list[Passage],
    previous: dict[int, set[int]] | None = None,
) -> StoreCounts:
    """Attach each of the article's happenings to a stored event, or create one.

    `previous` maps event id -> passage indexes that backed it before a re-extraction: a happening
    built on the same passages goes back to the same event, so permalinks survive a date correction.
    """
    counts = StoreCounts()
    by_index = {p.index: p for p in passages}
    touched: list[Event] = []
    pending: list[Mention] = []
    found_names: dict[int, tuple[set[str], set[str]]] = {}
    created: set[int] = set()
    publishers = publisher_count([article])
    for group in ex.events:
        own = None
        if previous:
            own = _previous_event(previous, {ex.mentions[i].passage for i in group.mentions}, article)
        event, new = event_match_or_create(group=group, ex=ex, previous=own, publishers=publishers)
        if event is None:
            continue
        if new:
            created.add(event.id)
            counts.created.append(event)
            counts.new += 1
        else:
            counts.updated += 1
        for i in group.mentions:
            pending.append(_mention_row(event, by_index[ex.mentions[i].passage], ex, group, i))
        touched.append(event)
        names = found_names.setdefault(event.id, (set(), set()))
        names[0].update(group.actors)
        names[1].update(group.places)
    Mention.objects.bulk_create(pending, ignore_conflicts=True)
    events = list({e.id: e for e in touched}.values())
    for event in events:
        if event.id not in created:  # a new event's date and count were set from this article
            event_refresh(event, actors=set(), places=set())
    link_actors(events, found_names)
    return counts


def event_match_or_create(
    *, group: ArticleEvent, ex: ArticleExtraction, previous: Event | None = None, publishers: int = 1
) -> tuple[Event | None, bool]:
    """The stored event one happening of an article is, or a new one: (event, created).

    The one place where a happening is matched and an event created, so that concurrent ingests can hold
    one lock around it and never make two events of one happening. `previous` is the event the same
    passages backed before a re-extraction (its permalink holds). None when the happening is to be left
    out: a curator rejected the event it is, or it is undated and matches nothing stored.
    """
    event = None
    if previous is not None and (previous.status == Event.Status.VERIFIED or previous.locked_fields):
        event = previous  # a curator worked on it: the passages stay with it
    if event is None:
        event = best_match(group, ex)
    if event is None:
        event = previous  # back to the event these passages built before: its permalink holds
    if event is not None:
        return (None, False) if event.status == Event.Status.REJECTED else (event, False)
    if group.date is None:
        return None, False  # undated and unknown: wait until the article's date is known
    return _create_event(group, publishers=publishers), True


def _previous_event(previous: dict[int, set[int]], indexes: set[int], article: Article) -> Event | None:
    """The event these passages backed before a re-extraction, if no other article backs it."""
    for eid, idx in previous.items():
        if idx & indexes and not Mention.objects.filter(event_id=eid).exclude(passage__article=article).exists():
            return Event.objects.filter(id=eid).first()
    return None


def _create_event(group: ArticleEvent, publishers: int) -> Event:
    start = group.date.start if group.date else None
    lead_actor = group.lead_actor or (group.actors[0] if group.actors else (group.places[0] if group.places else ""))
    subject = title_subject(group.title, gazetteer_current(fresh=False), lead_actor)
    return Event.objects.create(
        slug=event_slug(start=start, subject=subject, event_type=group.event_type),
        title=group.title[:300],
        summary=group.summary,
        event_type=group.event_type,
        date_start=start,
        date_end=group.date.end if group.date else None,
        precision=group.date.precision if group.date else "unknown",
        date_disputed=group.date_disputed,
        publisher_count=publishers,
    )


def _mention_row(event: Event, passage: Passage, ex: ArticleExtraction, group: ArticleEvent, i: int) -> Mention:
    m = ex.mentions[i]
    fields: dict[str, object] = {
        "event_type": m.event_type,
        "title": m.title[:300],
        "speaker": m.speaker[:200],
        "actors": list(m.actors),
        "places": list(m.places),
        "keywords": sorted(mention_words(m)),
    }
    if m.date is not None:
        fields.update(
            date_basis=DateBasis.CLAUSE,
            date_text=m.date.text[:200],
            date_value=m.date.value[:40],
            date_rule=m.date.rule[:80],
            date_anchor=m.date.anchor,
            date_start=m.date.start,
            date_end=m.date.end,
            precision=m.date.precision,
        )
    elif group.date_basis == DateBasis.ELSEWHERE and group.date is not None:
        fields.update(
            date_basis=DateBasis.ELSEWHERE,
            date_rule=CONTEXT_RULE,
            date_anchor=ex.published,
            date_start=group.date.start,
            date_end=group.date.end,
            precision=group.date.precision,
        )
    elif group.date_basis in (DateBasis.LEDE, DateBasis.REPORT) and ex.published is not None:
        fields.update(
            date_basis=group.date_basis,
            date_rule=PUBLICATION_RULE,
            date_anchor=ex.published,
            date_start=ex.published,
            date_end=ex.published,
            precision="day",
        )
    return Mention(event=event, passage=passage, **fields)
