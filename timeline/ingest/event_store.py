"""Storing an article's events: each happening its extraction found joins the stored event it is, or
becomes a new one, and its mentions are written with the facts matching needs (actors, places, keywords,
date and the basis of that date).

The one place where a happening is matched and an event created (event_match_or_create), so that concurrent
ingests hold one lock around it; timeline.ingest.service calls store_events after storing an article's passages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from timeline.events.derived import SLUG_MAX, event_slug_base, publisher_count, title_subject, unique_slugs
from timeline.events.matching import CandidatePool, best_match, gazetteer_current
from timeline.events.update import (
    EventWrites,
    TitleBook,
    events_history_add,
    events_refresh,
    events_retitle_if_shared,
    link_actors,
)
from timeline.extraction.cluster import candidate_kinds, mention_words
from timeline.extraction.events.dating import DateBasis, is_background
from timeline.extraction.pipeline import (
    CONTEXT_RULE,
    PUBLICATION_RULE,
    TELLING_RULE,
    ArticleEvent,
    ArticleExtraction,
)
from timeline.ingest.locking import day_keys, more_locks
from timeline.ingest.rows import rows_insert
from timeline.models import Article, Event, Mention, Passage


@dataclass
class StoreCounts:
    new: int = 0
    updated: int = 0
    created: list[Event] = field(default_factory=list)
    titles: TitleBook | None = None  # the titles the new events were chosen against


def store_events(
    article: Article,
    ex: ArticleExtraction,
    passages: list[Passage],
    previous: dict[int, set[int]] | None = None,
) -> StoreCounts:
    """Attach each of the article's happenings to a stored event, or create one.

    `previous` maps event id -> passage indexes that backed it before a re-extraction: a happening
    built on the same passages goes back to the same event, so permalinks survive a date correction.

    The happenings are matched one after the other, as if each new event were stored before the next
    happening is matched (a later happening of the article may join it), but the stored events they may be
    are read once for all, and the new events, mentions, refreshed events and actor links are written with
    a few statements each. The stored events joined are locked (events_refresh) before their mentions are
    read; the tallies those writes move are kept as deltas until the ingest applies them
    (timeline.ingest.locking).
    """
    counts = StoreCounts()
    by_index = {p.index: p for p in passages}
    pool = CandidatePool(ex.events)
    publishers = publisher_count([article])
    matched: list[tuple[ArticleEvent, Event]] = []
    new_events: list[tuple[Event, ArticleEvent]] = []
    for group in ex.events:
        own = None
        if previous:
            own = _previous_event(previous, {ex.mentions[i].passage for i in group.mentions}, article)
        event, new = _match_or_new(group, ex, previous=own, publishers=publishers, pool=pool)
        if event is None:
            continue
        if new:
            pool.add(event)
            new_events.append((event, group))
        matched.append((group, event))
    _events_create(new_events)
    counts.created = [e for e, _ in new_events]
    created = {e.id for e in counts.created}
    pending: list[Mention] = []
    found_names: dict[int, tuple[set[str], set[str]]] = {}
    touched: dict[int, Event] = {}
    for group, event in matched:
        for i in group.mentions:
            pending.append(_mention_row(event, by_index[ex.mentions[i].passage], ex, group, i))
        touched.setdefault(event.id, event)
        names = found_names.setdefault(event.id, (set(), set()))
        names[0].update(group.actors)
        names[1].update(group.places)
    counts.new = len(created)
    counts.updated = len(matched) - counts.new
    rows_insert(_one_per_passage(pending), ignore_conflicts=True)
    # a new event's date and count were set from this article; the others are read again (locked: another
    # ingest joining one of them waits, then reads this article's mentions), and written with the new events'
    # titles in one statement
    writes = EventWrites()
    refreshed = events_refresh([e for e in touched.values() if e.id not in created], before_write=_moved, writes=writes)
    fresh = {e.id: e for e in refreshed}
    events = [fresh.get(e.id, e) for e in touched.values()]
    # a new event's mentions are this article's only (no other ingest sees it before commit): as written above
    own: dict[int, dict[int, Mention]] = {}
    for m in pending:
        if m.event_id in created:
            own.setdefault(m.event_id, {}).setdefault(m.passage.id, m)  # the first of two is the one inserted
    counts.titles = events_retitle_if_shared(
        [e for e in events if e.id in created],
        mentions={i: sorted(ms.values(), key=lambda m: m.passage.index) for i, ms in own.items()},
        unsaved=refreshed,
        writes=writes,
    )
    writes.write()
    link_actors(events, found_names)
    return counts


def _moved(events: list[Event]) -> None:
    """Before events move to other days: hold those days too, as an ingest of a happening there would (an
    ingest matching on those days meanwhile then sees them moved, or is seen before they move)."""
    keys: set[int] = set()
    for e in events:
        if e.date_start is not None:
            keys |= day_keys(candidate_kinds(e.event_type), e.date_start, e.date_end or e.date_start)
    more_locks(keys)


def event_match_or_create(
    *, group: ArticleEvent, ex: ArticleExtraction, previous: Event | None = None, publishers: int = 1
) -> tuple[Event | None, bool]:
    """The stored event one happening of an article is, or a new one: (event, created).

    `previous` is the event the same passages backed before a re-extraction (its permalink holds). None when
    the happening is to be left out: a curator rejected the event it is, or it is undated and matches
    nothing stored.
    """
    event, new = _match_or_new(group, ex, previous=previous, publishers=publishers, pool=None)
    if new:
        _events_create([(event, group)])
    return event, new


def _match_or_new(
    group: ArticleEvent,
    ex: ArticleExtraction,
    *,
    previous: Event | None,
    publishers: int,
    pool: CandidatePool | None,
) -> tuple[Event | None, bool]:
    """event_match_or_create without the write: a new event is returned unsaved."""
    event = None
    if previous is not None and (previous.status == Event.Status.VERIFIED or previous.locked_fields):
        event = previous  # a curator worked on it: the passages stay with it
    if event is None:
        event = best_match(group, ex, pool=pool)
    if event is None:
        event = previous  # back to the event these passages built before: its permalink holds
    if event is not None:
        return (None, False) if event.status == Event.Status.REJECTED else (event, False)
    if group.date is None:
        return None, False  # undated and unknown: wait until the article's date is known
    if is_background(group.date.start, group.date.end, group.date.precision, ex.published):
        return None, False  # background told by a month or a year: it joins the event it is, or stays context
    return _new_event(group, publishers=publishers), True


def _previous_event(previous: dict[int, set[int]], indexes: set[int], article: Article) -> Event | None:
    """The event these passages backed before a re-extraction, if no other article backs it."""
    for eid, idx in previous.items():
        if idx & indexes and not Mention.objects.filter(event_id=eid).exclude(passage__article=article).exists():
            return Event.objects.filter(id=eid).first()
    return None


def _new_event(group: ArticleEvent, publishers: int) -> Event:
    """A new event for a happening, not saved yet (its slug is chosen when it is: _events_create)."""
    start = group.date.start if group.date else None
    return Event(
        title=group.title[:300],
        summary=group.summary,
        event_type=group.event_type,
        date_start=start,
        date_end=group.date.end if group.date else None,
        precision=group.date.precision if group.date else "unknown",
        date_disputed=group.date_disputed,
        publisher_count=publishers,
    )


def _events_create(new: list[tuple[Event, ArticleEvent]]) -> None:
    """Save new events, in order, with their slugs (date, subject, kind; unique) and their history rows."""
    if not new:
        return
    gaz = gazetteer_current(fresh=False)
    bases = []
    for event, group in new:
        lead_actor = group.lead_actor or (
            group.actors[0] if group.actors else (group.places[0] if group.places else "")
        )
        subject = title_subject(group.title, gaz, lead_actor, group.event_type)
        bases.append(event_slug_base(start=event.date_start, subject=subject, event_type=group.event_type))
    for (event, _), slug in zip(new, unique_slugs(Event, bases, SLUG_MAX), strict=True):
        event.slug = slug
    with transaction.atomic(savepoint=False):
        events = rows_insert([e for e, _ in new])
        events_history_add(events, "+", timezone.now())


def _one_per_passage(rows: list[Mention]) -> list[Mention]:
    """One mention per event and passage: two clauses of one sentence that tell the same event are one mention
    whose clause spans both (the first of them keeps its facts)."""
    kept: dict[tuple[int, int], Mention] = {}
    for m in rows:
        first = kept.setdefault((m.event_id, m.passage_id), m)
        if first is m:
            continue
        if first.start is None or m.start is None:
            first.start = first.end = None
        else:
            first.start, first.end = min(first.start, m.start), max(first.end, m.end)
    return list(kept.values())


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
    if m.span is not None and m.span != (passage.start, passage.end):
        fields.update(start=m.span[0], end=m.span[1])
    if m.date is not None:
        fields.update(
            date_basis=DateBasis.CLAUSE,
            date_text=m.date.text[:200],
            date_value=m.date.value[:40],
            date_rule=TELLING_RULE if m.date.telling else m.date.rule[:80],
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
