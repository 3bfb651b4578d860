"""Reads behind the key dates: the evidence per day for the events a filter selects, in a few aggregate queries.

The scoring itself is plain Python (timeline.extraction.key_dates.scoring); this module counts, per day, the
happenings dated to it and their publishers, the reports naming it in a sentence (stored as DateReference rows
at ingest) and the reports published just after it, then fetches the events and sentences of the days picked.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import accumulate

from django.db.models import Case, Count, FloatField, Max, Q, QuerySet, Sum, Value, When

from timeline.extraction.key_dates.scoring import TYPE_WEIGHTS, WEIGHTS, DayEvidence, Weights, pick_days, type_weight
from timeline.extraction.key_dates.summary import Candidate, best_summary
from timeline.models import Article, DateReference, Event, Mention, Precision
from timeline.web.selectors import TimelineFilters, events_for_timeline

DEFAULT_COUNT = 15
MAX_COUNT = 100
EVENTS_PER_DAY = 20  # events listed under one key date at most
FRESH_DAYS = 1  # a report this close after a day tells of it as news, not as a look back


@dataclass(frozen=True)
class KeyDate:
    day: date
    summary: str
    events: list[Event]
    score: float

    def as_json(self) -> dict[str, object]:
        return {
            "date": self.day.isoformat(),
            "summary": self.summary,
            "events": [e.slug for e in self.events],
            "score": self.score,
        }


def _narrowed(filters: TimelineFilters) -> bool:
    """Whether the filters pick some events of the period rather than the whole collection."""
    return bool(filters.event_type or filters.actor or filters.text.strip() or filters.verified_only)


def _in_period(day: date, filters: TimelineFilters) -> bool:
    return (filters.date_from is None or day >= filters.date_from) and (
        filters.date_to is None or day <= filters.date_to
    )


class _Publications:
    """Reports published per day, answering "how many on these days" and "how many from this day on"."""

    def __init__(self, per_day: dict[date, int]) -> None:
        self.per_day = per_day
        self.days = sorted(per_day)
        self.before = list(accumulate((per_day[d] for d in self.days), initial=0))  # before self.days[i]

    def within(self, day: date, days: int) -> int:
        """Reports published on the day or in the `days` days after it."""
        return self.from_day(day) - self.from_day(day + timedelta(days=days + 1))

    def from_day(self, day: date) -> int:
        """Reports published on the day or later."""
        return self.before[-1] - self.before[bisect.bisect_left(self.days, day)]

    def span(self, margin_days: int) -> tuple[date, date]:
        """The collection's period: from `margin_days` before its first report to its last report."""
        if not self.days:
            return date.max, date.min
        return self.days[0] - timedelta(days=margin_days), self.days[-1]


def _events_per_day(events: QuerySet[Event]) -> dict[date, tuple[int, int, float]]:
    """Per day: how many day-precision events, their publishers summed, the weightiest kind among them
    (one GROUP BY over the index event_public_day_kind)."""
    kind = Max(
        Case(
            *(When(event_type=name, then=Value(weight)) for name, weight in TYPE_WEIGHTS.items()),
            default=Value(type_weight("")),
            output_field=FloatField(),
        )
    )
    rows = (
        events.filter(precision=Precision.DAY, date_start__isnull=False)
        .values("date_start")
        .annotate(n=Count("id"), p=Sum("publisher_count"), kind=kind)
        .values_list("date_start", "n", "p", "kind")
    )
    return {day: (n, p or 0, kind) for day, n, p, kind in rows}


def _references_per_day(references: QuerySet[DateReference], later_days: int) -> tuple[Counter, Counter]:
    """Reports naming each day: published on it or soon after (news), and `later_days` or more after (look-backs).
    Reports published before the day (plans, schedules) are not counted."""
    news = Q(lag__isnull=True) | Q(lag__gte=0, lag__lt=later_days)
    rows = references.values("day").annotate(
        news=Count("id", filter=news), back=Count("id", filter=Q(lag__gte=later_days))
    )
    found = [(row["day"], row["news"], row["back"]) for row in rows]
    return Counter({d: n for d, n, _ in found if n}), Counter({d: b for d, _, b in found if b})


def day_evidence(*, filters: TimelineFilters, weights: Weights = WEIGHTS) -> list[DayEvidence]:
    """The evidence for every day the filtered events fall on, and for days several of their reports name."""
    events = events_for_timeline(filters=filters).order_by()
    per_day = _events_per_day(events)
    references = DateReference.objects.order_by()
    articles = Article.objects.order_by().filter(published__isnull=False)
    if _narrowed(filters):
        backing = Mention.objects.filter(event__in=events.values("pk")).order_by().values("passage__article_id")
        references = references.filter(article_id__in=backing)
        articles = articles.filter(pk__in=backing)
    news, looking_back = _references_per_day(references, weights.later_days)
    published = _Publications(dict(articles.values_list("published").annotate(n=Count("id"))))
    first, last = published.span(weights.span_margin_days)
    named = {
        d
        for d in set(news) | set(looking_back)
        if news[d] + looking_back[d] >= weights.min_reference_articles and first <= d <= last and _in_period(d, filters)
    }
    empty = (0, 0, 0.0)
    return [
        DayEvidence(
            day=d,
            events=per_day.get(d, empty)[0],
            sources=per_day.get(d, empty)[1],
            references=news[d],
            later_references=looking_back[d],
            published_after=published.within(d, weights.after_days),
            published_later=published.from_day(d + timedelta(days=weights.later_days)),
            kind=per_day.get(d, empty)[2],
        )
        for d in sorted(set(per_day) | named)
    ]


def key_dates(*, filters: TimelineFilters, count: int = DEFAULT_COUNT, weights: Weights = WEIGHTS) -> list[KeyDate]:
    """The `count` most important days of the filtered events, in date order, each with its sentence."""
    picked = pick_days(day_evidence(filters=filters, weights=weights), count, weights)
    if not picked:
        return []
    days = [p.day for p in picked]
    events = events_for_timeline(filters=filters).filter(precision=Precision.DAY, date_start__in=days)
    by_day: dict[date, list[Event]] = defaultdict(list)
    for event in events.only("id", "slug", "title", "date_start", "publisher_count", "event_type"):
        by_day[event.date_start].append(event)
    for listed in by_day.values():  # the day's main happening first: the weightiest kind, the most publishers
        listed.sort(key=lambda e: (-type_weight(e.event_type) * (1 + e.publisher_count), e.id))
        del listed[EVENTS_PER_DAY:]
    sentences = _candidates(days=days, by_day=by_day, narrowed=_narrowed(filters))
    return [
        KeyDate(
            day=p.day,
            summary=best_summary(sentences[p.day], by_day[p.day][0].title if by_day[p.day] else ""),
            events=by_day[p.day],
            score=p.score,
        )
        for p in picked
    ]


def _candidates(*, days: list[date], by_day: dict[date, list[Event]], narrowed: bool) -> dict[date, list[Candidate]]:
    """The sentences that may speak for each day: its events' passages dated to it, then sentences naming it."""
    listed = {e.id: (e, rank) for evs in by_day.values() for rank, e in enumerate(evs)}
    found: dict[date, list[Candidate]] = defaultdict(list)
    own = (
        Mention.objects.filter(event_id__in=list(listed))
        .select_related("passage__article")
        .only("event_id", "date_start", "date_text", "passage__text", "passage__index", "passage__article__published")
    )
    for m in own:
        event, rank = listed[m.event_id]
        found[event.date_start].append(
            Candidate(
                text=m.passage.text,
                own_day=m.date_start == event.date_start,
                fresh=_fresh(m.passage.article.published, event.date_start),
                dated=bool(m.date_text) and m.date_start == event.date_start,
                lede=m.passage.index == 0,
                rank=rank,
                order=_order(m.passage.article.published, m.passage.index),
            )
        )
    references = DateReference.objects.filter(day__in=days).select_related("passage", "article")
    if narrowed:
        references = references.filter(
            article_id__in=Mention.objects.filter(event_id__in=list(listed)).values("passage__article_id")
        )
    for r in references.only("day", "passage__text", "passage__index", "article__published")[: 50 * len(days)]:
        found[r.day].append(
            Candidate(
                text=r.passage.text,
                own_day=False,
                fresh=_fresh(r.article.published, r.day),
                dated=True,
                lede=r.passage.index == 0,
                rank=EVENTS_PER_DAY,
                order=_order(r.article.published, r.passage.index),
            )
        )
    return found


def _fresh(published: date | None, day: date) -> bool:
    return published is not None and 0 <= (published - day).days <= FRESH_DAYS


def _order(published: date | None, index: int) -> int:
    """Earlier reports first, and within a report its earlier sentences."""
    return (published.toordinal() if published else 10**7) * 1000 + min(index, 999)
