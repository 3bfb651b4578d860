"""Binning: counts per period when the range in view holds too many events, and the tallies behind them."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

import pytest
from django.db import connection
from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from timeline.models import Actor, Event, EventTally, EventType, TermMonthTally
from timeline.web.aggregation import (
    Binned,
    bin_unit,
    binned_figure,
    events_binned,
    period_end,
    period_start,
)

pytestmark = pytest.mark.django_db


def _events(n: int, *, first: date = date(2000, 1, 1), days: int = 9000, seed: int = 0, **fields) -> list[Event]:
    rng = random.Random(seed)
    events = [
        Event(
            slug=f"e-{seed}-{i}",
            title=f"Event {i}",
            event_type=fields.get("event_type") or rng.choice(EventType.values),
            date_start=first + timedelta(days=rng.randrange(days)),
            status=fields.get("status") or rng.choice(Event.Status.values),
        )
        for i in range(n)
    ]
    return Event.objects.bulk_create(events)


def _public():
    return Event.objects.exclude(status=Event.Status.REJECTED).filter(merged_into__isnull=True)


def test_it_picks_coarser_periods_for_wider_ranges() -> None:
    assert bin_unit(date(1995, 1, 1), date(2025, 1, 1)) == "year"
    assert bin_unit(date(2020, 1, 1), date(2022, 1, 1)) == "month"
    assert bin_unit(date(2024, 1, 1), date(2024, 4, 1)) == "week"
    assert bin_unit(date(2024, 1, 1), date(2024, 1, 20)) == "day"


@pytest.mark.parametrize(
    ("unit", "start", "end"),
    [
        ("year", date(2024, 1, 1), date(2024, 12, 31)),
        ("month", date(2024, 2, 1), date(2024, 2, 29)),
        ("week", date(2024, 2, 12), date(2024, 2, 18)),
        ("day", date(2024, 2, 14), date(2024, 2, 14)),
    ],
)
def test_it_knows_where_periods_begin_and_end(unit: str, start: date, end: date) -> None:
    assert period_start(date(2024, 2, 14), unit) == start
    assert period_end(start, unit) == end


def test_it_returns_none_when_the_events_are_few_enough_to_draw() -> None:
    _events(30)
    whole = (date(1990, 1, 1), date(2030, 1, 1))
    assert events_binned(events=_public(), start=whole[0], end=whole[1], max_marks=30) is None
    assert events_binned(events=_public(), start=whole[0], end=whole[1], use_tallies=True, max_marks=30) is None


@pytest.mark.parametrize("use_tallies", [False, True])
def test_it_counts_every_public_event_once_per_period(use_tallies: bool) -> None:
    _events(400)
    public = _public()
    binned = events_binned(
        events=public, start=date(1990, 1, 1), end=date(2030, 1, 1), use_tallies=use_tallies, max_marks=50
    )
    assert isinstance(binned, Binned) and binned.unit == "year"
    assert binned.total == public.count()
    per_year: dict[int, int] = {}
    for event in public:
        per_year[event.date_start.year] = per_year.get(event.date_start.year, 0) + 1
    assert {b.start.year: 0 for b in binned.bins} == dict.fromkeys(per_year, 0)
    for year, n in per_year.items():
        assert sum(b.count for b in binned.bins if b.start.year == year) == n
    assert all(b.start.month == 1 and b.end == date(b.start.year, 12, 31) for b in binned.bins)


@pytest.mark.parametrize("use_tallies", [False, True])
def test_it_counts_only_the_range_asked_for_by_type_and_verified(use_tallies: bool) -> None:
    _events(1500, first=date(2020, 1, 1), days=700)
    start, end = date(2020, 3, 1), date(2020, 8, 31)
    filtered = _public().filter(event_type=EventType.STATEMENT, status=Event.Status.VERIFIED)
    binned = events_binned(
        events=filtered,
        start=start,
        end=end,
        use_tallies=use_tallies,
        event_type=EventType.STATEMENT,
        verified_only=True,
        max_marks=3,
    )
    assert binned is not None and binned.unit == "week"
    assert binned.total == filtered.filter(date_start__range=(start, end)).count()
    assert {b.row for b in binned.bins} == {"statement"}


def test_it_bins_per_actor_when_rows_are_actors() -> None:
    korea, japan = (
        Actor.objects.create(name="Kordavia", slug="kordavia"),
        Actor.objects.create(name="Japonia", slug="japonia"),
    )
    events = _events(60, status=Event.Status.NEW)
    for i, event in enumerate(events):
        event.actors.add(korea, *([japan] if i % 3 == 0 else []))
    binned = events_binned(events=_public(), start=date(1990, 1, 1), end=date(2030, 1, 1), rows="actor", max_marks=10)
    totals = {row: sum(b.count for b in binned.bins if b.row == row) for row in {b.row for b in binned.bins}}
    assert totals == {"Kordavia": 60, "Japonia": 20}


def test_it_keeps_tallies_exact_through_updates_merges_and_deletes() -> None:
    events = _events(300, seed=7)
    Event.objects.filter(pk__in=[e.pk for e in events[:50]]).update(status=Event.Status.VERIFIED)
    moved = events[60]
    moved.date_start = date(1999, 12, 31)
    moved.save()
    Event.objects.filter(pk=events[70].pk).update(merged_into=events[71])
    Event.objects.filter(pk__in=[e.pk for e in events[100:140]]).delete()
    Event.objects.filter(pk=events[150].pk).update(date_start=None)
    live = {
        (row["m"], row["event_type"], row["status"], row["merged"]): row["n"]
        for row in Event.objects.exclude(date_start=None)
        .annotate(m=TruncMonth("date_start"))
        .values("m", "event_type", "status")
        .annotate(n=Count("id"), merged=Count("merged_into"))
        .order_by()
    }
    tallied: dict = {}
    for t in EventTally.objects.filter(period_kind="month", count__gt=0):
        tallied[(t.period, t.event_type, t.status)] = tallied.get((t.period, t.event_type, t.status), 0) + t.count
    assert tallied == {(k[0] if isinstance(k[0], date) else k[0].date(), k[1], k[2]): n for k, n in live.items()}
    day_total = sum(EventTally.objects.filter(period_kind="day").values_list("count", flat=True))
    assert day_total == Event.objects.exclude(date_start=None).count()


def test_it_draws_bins_as_a_small_figure_that_zooms_on_click() -> None:
    _events(3000, first=date(1995, 1, 1), days=30 * 365)
    start, end = date(1995, 1, 1), date(2025, 1, 1)
    binned = events_binned(events=_public(), start=start, end=end, use_tallies=True, max_marks=100)
    figure = binned_figure(binned=binned, start=start, end=end)
    trace = figure["data"][0]
    assert trace["meta"] == "bins"
    assert sum(c[2] for c in trace["customdata"]) == binned.total
    assert figure["layout"]["xaxis"]["range"] == ["1995-01-01", "2025-01-02"]
    assert len(json.dumps(figure)) < 300_000


def test_it_folds_rows_beyond_the_busiest_into_one() -> None:
    actors = [Actor.objects.create(name=f"Actor {i:02d}", slug=f"actor-{i}") for i in range(12)]
    for i, event in enumerate(_events(240, status=Event.Status.NEW)):
        event.actors.add(actors[i % 12])
    binned = events_binned(events=_public(), start=date(1990, 1, 1), end=date(2030, 1, 1), rows="actor", max_marks=10)
    figure = binned_figure(binned=binned, start=date(1990, 1, 1), end=date(2030, 1, 1), max_rows=5)
    rows = set(figure["data"][0]["y"])
    assert len(rows) == 5 and "(other actors)" in rows
    assert sum(c[2] for c in figure["data"][0]["customdata"]) == 240


def _live_actor_counts() -> dict:
    counts: dict = {}
    for through in (Event.actors.through, Event.places.through):
        for actor_id, status, merged_into in through.objects.values_list(
            "actor_id", "event__status", "event__merged_into"
        ):
            key = (actor_id, status, merged_into is not None)
            counts[key] = counts.get(key, 0) + 1
    return counts


def test_it_keeps_actor_tallies_exact_through_links_status_changes_merges_and_deletes() -> None:
    from timeline.models import ActorTally

    actors = [Actor.objects.create(name=f"Tally actor {i}", slug=f"tally-actor-{i}") for i in range(4)]
    events = _events(40, seed=3)
    for i, event in enumerate(events):
        event.actors.add(actors[i % 3])
        if i % 5 == 0:
            event.places.add(actors[3])
    Event.objects.filter(pk__in=[e.pk for e in events[:10]]).update(status=Event.Status.REJECTED)
    Event.objects.filter(pk=events[12].pk).update(merged_into=events[13])
    events[14].status = Event.Status.VERIFIED
    events[14].save()
    events[15].actors.remove(actors[0])
    events[15].actors.clear()
    events[20].delete()
    tallied = {
        (t.actor_id, t.status, t.merged): t.count for t in ActorTally.objects.filter(actor__in=actors) if t.count
    }
    live = {k: n for k, n in _live_actor_counts().items() if k[0] in {a.pk for a in actors}}
    assert tallied == live


def test_it_keeps_actor_year_tallies_exact_and_draws_actor_rows_from_them() -> None:
    from timeline.models import ActorYearTally
    from timeline.web.aggregation import actor_year_counts

    actors = [Actor.objects.create(name=f"Year actor {i}", slug=f"year-actor-{i}") for i in range(3)]
    events = _events(90, seed=5)
    for i, event in enumerate(events):
        event.actors.add(actors[i % 3], *([actors[0]] if i % 7 == 0 and i % 3 else []))
    Event.objects.filter(pk__in=[e.pk for e in events[:9]]).update(status=Event.Status.REJECTED)
    Event.objects.filter(pk=events[10].pk).update(date_start=date(1990, 5, 5))
    Event.objects.filter(pk=events[11].pk).update(merged_into=events[12])
    events[13].actors.clear()
    events[14].delete()
    public = _public().exclude(date_start=None)
    live: dict = {}
    for year, name in public.values_list("date_start__year", "actors__name"):
        if name:
            live[(date(year, 1, 1), name)] = live.get((date(year, 1, 1), name), 0) + 1
    statuses = [Event.Status.NEW, Event.Status.VERIFIED]
    assert dict(actor_year_counts(start=date(1980, 1, 1), end=date(2030, 12, 31), statuses=statuses)) == live
    assert not ActorYearTally.objects.filter(count__lt=0).exists()
    binned = events_binned(
        events=public,
        start=date(1980, 1, 1),
        end=date(2030, 12, 31),
        rows="actor",
        actor_year_tallies=True,
        max_marks=5,
    )
    assert binned.events == public.count() and binned.total == sum(live.values())


def _live_term_counts() -> dict:
    """Per (lexeme, month, type, status, merged): the events whose search text holds the lexeme, read live."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT t.lexeme, date_trunc('month', e.date_start)::date, e.event_type, e.status, "
            "e.merged_into_id IS NOT NULL, count(*) FROM timeline_event e CROSS JOIN LATERAL "
            "unnest(tsvector_to_array(to_tsvector('english', e.search_text))) AS t(lexeme) "
            "WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
        )
        return {row[:5]: row[5] for row in cursor.fetchall()}


def _term_tallies() -> dict:
    return {
        (t.lexeme, t.month, t.event_type, t.status, t.merged): t.count
        for t in TermMonthTally.objects.filter(count__gt=0)
    }


@pytest.mark.skipif(connection.vendor != "postgresql", reason="term tallies are kept on PostgreSQL only")
def test_it_keeps_term_tallies_exact_through_edits_sources_merges_and_deletes() -> None:
    from timeline.models import Article, Mention, Passage

    events = _events(60, seed=3, days=800)
    Event.objects.filter(pk__in=[e.pk for e in events[:10]]).update(summary="Missiles launched at dawn")
    Event.objects.filter(pk__in=[e.pk for e in events[5:15]]).update(status=Event.Status.VERIFIED)
    moved = Event.objects.get(pk=events[2].pk)
    moved.date_start = date(1999, 12, 31)
    moved.save()
    article = Article.objects.create(text="A missile flew.", raw_text="x", content_hash="t1")
    passage = Passage.objects.create(article=article, index=0, start=0, end=15, text="A missile flew.")
    Mention.objects.create(event=events[20], passage=passage)
    Mention.objects.create(event=events[21], passage=passage)
    Event.objects.filter(pk=events[3].pk).update(merged_into=events[4])
    Event.objects.filter(pk__in=[e.pk for e in events[30:40]]).delete()
    Mention.objects.filter(event=events[21]).delete()
    assert _term_tallies() == {key: n for key, n in _live_term_counts().items() if n}
    assert sum(n for (lexeme, *_), n in _term_tallies().items() if lexeme == "missil") == 10 + 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="term tallies are kept on PostgreSQL only")
def test_it_counts_a_one_word_search_from_the_term_tallies_as_the_live_count_does() -> None:
    from timeline.web.search import events_search

    events = _events(400, first=date(1995, 1, 1), days=20 * 365, seed=5)
    Event.objects.filter(pk__in=[e.pk for e in events[::3]]).update(summary="Launches of missiles")
    ranges = ((date(1995, 1, 1), date(2014, 12, 31)), (date(1997, 3, 17), date(2009, 8, 9)))
    for (start, end), event_type, verified in zip(
        ranges * 2, ("", EventType.ATTACK, "", EventType.AGREEMENT), (False, False, True, True), strict=True
    ):
        statuses = [Event.Status.VERIFIED] if verified else [Event.Status.NEW, Event.Status.VERIFIED]
        matching = events_search(qs=_public().filter(status__in=statuses), text="missile")
        if event_type:
            matching = matching.filter(event_type=event_type)
        tallied = events_binned(
            events=matching,
            start=start,
            end=end,
            term="missil",
            event_type=event_type,
            verified_only=verified,
            max_marks=5,
        )
        live = events_binned(events=matching, start=start, end=end, max_marks=5)
        in_range = matching.filter(date_start__range=(start, end)).count()
        if in_range <= 5:
            assert tallied is None and live is None
            continue
        assert tallied.bins == live.bins and tallied.unit == "year"
        assert tallied.total == in_range


def _live_actor_month_counts() -> dict:
    """Per (actor, month, type, status, merged): the events naming the actor as actor or place, counted once."""
    from django.db import connection

    month = (
        "date_trunc('month', e.date_start)::date"
        if connection.vendor == "postgresql"
        else ("strftime('%Y-%m-01', e.date_start)")
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT l.actor_id, {month}, e.event_type, e.status, e.merged_into_id IS NOT NULL, count(*) "
            "FROM (SELECT event_id, actor_id FROM timeline_event_actors UNION "
            "SELECT event_id, actor_id FROM timeline_event_places) l JOIN timeline_event e ON e.id = l.event_id "
            "WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
        )
        return {(a, str(m), t, s, bool(g)): n for a, m, t, s, g, n in cursor.fetchall()}


def test_it_keeps_actor_month_tallies_exact_counting_an_actor_and_place_once() -> None:
    from timeline.models import ActorMonthTally

    events = _events(80, seed=11, days=900)
    north = Actor.objects.create(name="Kordavia", slug="kordavia", kind=Actor.Kind.COUNTRY)
    south = Actor.objects.create(name="Japonia", slug="japonia", kind=Actor.Kind.COUNTRY)
    for event in events[:40]:
        event.actors.add(north)
    for event in events[20:60]:
        event.places.add(north)
        event.actors.add(south)
    events[25].actors.remove(north)  # still a place of it
    events[45].places.remove(north)  # no longer named
    Event.objects.filter(pk__in=[e.pk for e in events[10:30]]).update(status=Event.Status.VERIFIED)
    Event.objects.filter(pk=events[5].pk).update(merged_into=events[6], event_type=EventType.ATTACK)
    Event.objects.filter(pk=events[7].pk).update(date_start=None)
    Event.objects.filter(pk__in=[e.pk for e in events[50:55]]).delete()
    tallied = {
        (t.actor_id, str(t.month), t.event_type, t.status, t.merged): t.count
        for t in ActorMonthTally.objects.filter(count__gt=0)
    }
    assert tallied == _live_actor_month_counts()
    assert (
        sum(n for (actor, *_), n in tallied.items() if actor == north.pk) == 60 - 1 - 1 - 5
    )  # 0..59 but 45 (unnamed), 7 (undated), 50..54 (deleted)


def test_it_counts_an_actor_over_the_whole_range_from_the_tallies_as_the_live_count_does() -> None:
    events = _events(500, first=date(1995, 1, 1), days=20 * 365, seed=13)
    actor = Actor.objects.create(name="Kordavia", slug="kordavia", kind=Actor.Kind.COUNTRY)
    for event in events[::2]:
        event.actors.add(actor)
    for event in events[::3]:
        event.places.add(actor)
    ranges = ((date(1995, 1, 1), date(2014, 12, 31)), (date(1997, 3, 17), date(2009, 8, 9)))
    for (start, end), event_type, verified in zip(
        ranges * 2, ("", EventType.ATTACK, "", EventType.AGREEMENT), (False, False, True, True), strict=True
    ):
        statuses = [Event.Status.VERIFIED] if verified else [Event.Status.NEW, Event.Status.VERIFIED]
        named = Q(actors=actor) | Q(places=actor)
        matching = _public().filter(status__in=statuses).filter(pk__in=Event.objects.filter(named).values("pk"))
        if event_type:
            matching = matching.filter(event_type=event_type)
        tallied = events_binned(
            events=matching,
            start=start,
            end=end,
            actor="kordavia",
            event_type=event_type,
            verified_only=verified,
            max_marks=5,
        )
        live = events_binned(events=matching, start=start, end=end, max_marks=5)
        in_range = matching.filter(date_start__range=(start, end)).count()
        if in_range <= 5:
            assert tallied is None and live is None
            continue
        assert tallied.bins == live.bins and tallied.unit == "year"
        assert tallied.total == in_range


def test_it_counts_the_whole_timeline_alike_with_or_without_spelling_out_its_range() -> None:
    from timeline.web.aggregation import tally_bounds

    _events(400, first=date(1995, 1, 1), days=20 * 365, seed=17)
    Event.objects.create(slug="undated", title="Undated", status=Event.Status.NEW)
    first, last = tally_bounds()
    spelled = events_binned(events=_public(), start=first, end=last, max_marks=5)
    whole = events_binned(events=_public(), start=first, end=last, max_marks=5, whole=True)
    assert whole.bins == spelled.bins and whole.total == _public().exclude(date_start=None).count()
