"""Reads: the queries behind the public pages.

Every public read starts from ``public_events``: rejected events and events merged into another one
are never shown. Filters are a small frozen dataclass so the timeline's state can travel in a URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, F, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from timeline.models import Actor, ActorTally, Article, Event, Mention, Passage
from timeline.web.search import events_search

MAX_MERGE_HOPS = 50
# The longest an event lasts (a decade-precision date, with room): an event overlapping a range starts at most
# this long before it, which keeps the overlap lookup a bounded scan of the date index.
LONGEST_EVENT = timedelta(days=11 * 366)


@dataclass(frozen=True)
class TimelineFilters:
    event_type: str = ""
    actor: str = ""  # an actor's slug; matches the event's actors and places
    date_from: date | None = None
    date_to: date | None = None
    text: str = ""
    verified_only: bool = False


def public_events() -> QuerySet[Event]:
    """Events a visitor may see: not rejected, not merged into another event."""
    return Event.objects.exclude(status=Event.Status.REJECTED).filter(merged_into__isnull=True)


def events_matching_text(*, events: QuerySet[Event], text: str) -> QuerySet[Event]:
    """Events whose title, summary or a source passage holds every word of ``text`` (see timeline.web.search)."""
    return events_search(qs=events, text=text)


def events_in_period(*, events: QuerySet[Event], date_from: date | None, date_to: date | None) -> QuerySet[Event]:
    """Events whose date range overlaps [date_from, date_to] (either end may be open)."""
    if date_from is not None:
        events = events.filter(Q(date_end__gte=date_from) | Q(date_end__isnull=True, date_start__gte=date_from))
        if date_from - date.min > LONGEST_EVENT:
            events = events.filter(date_start__gte=date_from - LONGEST_EVENT)
    if date_to is not None:
        events = events.filter(date_start__lte=date_to)
    return events


def events_for_timeline(*, filters: TimelineFilters) -> QuerySet[Event]:
    """The public events the filters select, in date order (undated events last)."""
    events = public_events()
    if filters.event_type:
        events = events.filter(event_type=filters.event_type)
    if filters.actor:
        # Two index lookups joined by UNION: an OR over both joins reads every event's actors and places.
        named = Event.actors.through.objects.filter(actor__slug=filters.actor).order_by().values("event_id")
        here = Event.places.through.objects.filter(actor__slug=filters.actor).order_by().values("event_id")
        events = events.filter(pk__in=named.union(here))
    if filters.verified_only:
        events = events.filter(status=Event.Status.VERIFIED)
    if filters.date_from or filters.date_to:
        events = events_in_period(events=events, date_from=filters.date_from, date_to=filters.date_to)
    if filters.text.strip():
        events = events_matching_text(events=events, text=filters.text)
    return events.order_by(F("date_start").asc(nulls_last=True), "id")


def events_for_list(*, events: QuerySet[Event]) -> QuerySet[Event]:
    """The events with what the list shows beside each: publishers (the stored count, events/derived.py's rule)
    and number of sources."""
    # A correlated subquery, not joins + GROUP BY: the database counts only for the rows of the page shown.
    of_event = Mention.objects.filter(event=OuterRef("pk")).order_by().values("event")
    n_sources = of_event.annotate(n=Count("id")).values("n")
    fields = ("slug", "title", "summary", "event_type", "date_start", "date_end", "precision", "status")
    return events.only(*fields).annotate(
        n_publishers=F("publisher_count"),
        n_sources=Coalesce(Subquery(n_sources), 0),
    )


@dataclass(frozen=True)
class Citation:
    """A report behind a listed event: its original address (or its page here when none), named by its publisher."""

    label: str
    href: str
    external: bool


def events_with_citations(*, events: list[Event]) -> list[Event]:
    """The listed events, each given ``citations`` (one per article, in publication order) and ``lead``: the
    text its one-sentence summary comes from (its summary, else its first passage)."""
    mentions = (
        Mention.objects.filter(event__in=[e.pk for e in events])
        .select_related("passage__article__publisher")
        .only(
            "event_id",
            "passage__text",
            "passage__article__url",
            "passage__article__title",
            "passage__article__published",
            "passage__article__publisher__name",
        )  # fmt: skip
        .order_by(F("passage__article__published").asc(nulls_last=True), "passage__article_id", "passage__index")
    )
    by_event: dict[int, list[Mention]] = {}
    for mention in mentions:
        by_event.setdefault(mention.event_id, []).append(mention)
    for event in events:
        found = by_event.get(event.pk, [])
        articles = list({m.passage.article.pk: m.passage.article for m in found}.values())
        event.citations = [
            Citation(
                label=(a.publisher.name if a.publisher else a.title) or "report",
                href=a.url or a.get_absolute_url(),
                external=bool(a.url),
            )
            for a in articles
        ]
        event.lead = event.summary or (found[0].passage.text if found else "")
    return events


def events_for_chart(*, events: QuerySet[Event], rows: str = "type") -> QuerySet[Event]:
    """The dated events, with only the fields the figure needs (and their actors when rows are actors)."""
    events = events.filter(date_start__isnull=False).only(
        "id", "slug", "title", "event_type", "date_start", "date_end", "precision", "status"
    )
    if rows == "actor":
        events = events.prefetch_related(Prefetch("actors", queryset=Actor.objects.only("id", "name")))
    return events


def actors_in_public_events() -> QuerySet[Actor]:
    """Actors and places named by at least one public event: the choices of the actor filter."""
    # ActorTally (kept by triggers) counts each actor's events by status: no join over every event's actors.
    named = ActorTally.objects.filter(
        status__in=[Event.Status.NEW, Event.Status.VERIFIED], merged=False, count__gt=0
    ).values("actor_id")
    return Actor.objects.filter(pk__in=named).only("slug", "name", "kind").order_by("name")


_SLUG = re.compile(r"[-\w]+")


def event_by_slug(*, slug: str) -> Event:
    """The event with this slug, whatever its status; raises Event.DoesNotExist (also for a string that cannot
    be a slug, such as one with a NUL, which PostgreSQL would refuse in a query)."""
    if not _SLUG.fullmatch(slug):
        raise Event.DoesNotExist(f"not a slug: {slug!r}")
    return Event.objects.get(slug=slug)


def event_surviving_merge(*, event: Event) -> Event:
    """Follow ``merged_into`` to the event that absorbed this one (itself when never merged)."""
    seen = {event.pk}
    current = event
    while current.merged_into_id is not None and len(seen) <= MAX_MERGE_HOPS:
        current = Event.objects.get(pk=current.merged_into_id)
        if current.pk in seen:  # a cycle: stop at the last new event
            break
        seen.add(current.pk)
    return current


def event_sources(*, event: Event) -> list[Mention]:
    """The mentions behind an event, each with its passage, article and publisher, in publication order."""
    return list(
        event.mentions.select_related("passage__article__publisher").order_by(
            F("passage__article__published").asc(nulls_last=True), "passage__article_id", "passage__index"
        )
    )


def event_people_and_places(*, event: Event) -> tuple[list[Actor], list[Actor]]:
    return list(event.actors.all()), list(event.places.all())


def event_history(*, event: Event, limit: int = 50) -> list:
    """The latest history records of an event, newest first."""
    return list(event.history.order_by("-history_date", "-history_id")[:limit])


def article_for_page(*, article_id: int) -> Article:
    """An article with its publisher and the article it duplicates; raises Article.DoesNotExist."""
    return Article.objects.select_related("publisher", "duplicate_of").get(pk=article_id)


def article_duplicates(*, article: Article) -> list[Article]:
    return list(article.duplicates.only("id", "title").order_by("id"))


def article_passages(*, article: Article) -> list[Passage]:
    """The article's passages, each with ``public_events``: the visible events it backs."""
    backed = Prefetch(
        "mentions",
        queryset=Mention.objects.filter(event__in=public_events().values("pk"))
        .select_related("event")
        .only("id", "passage_id", "event__slug", "event__title"),
        to_attr="public_mentions",
    )
    passages = list(article.passages.order_by("index").prefetch_related(backed))
    for passage in passages:
        passage.public_events = [mention.event for mention in passage.public_mentions]
    return passages
