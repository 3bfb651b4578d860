"""The timeline's visible range: counts per period over many events, single events once zoomed in."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta

import pytest

from timeline.models import Actor, Event, EventType
from timeline.web.selectors import TimelineFilters, events_for_timeline
from timeline.web.timeline_view import timeline_view

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def many(db) -> list[Event]:
    first = date(1996, 1, 1)
    events = [
        Event(
            slug=f"ev-{i}",
            title=f"Happening {i}",
            event_type=EventType.values[i % len(EventType.values)],
            date_start=first + timedelta(days=(i * 37) % (29 * 365)),
            status=Event.Status.VERIFIED if i % 4 == 0 else Event.Status.NEW,
        )
        for i in range(1500)
    ]
    return Event.objects.bulk_create(events)


def _shown(max_marks: int = 200, **kwargs):
    filters = TimelineFilters(**{k: v for k, v in kwargs.items() if k in TimelineFilters.__dataclass_fields__})
    zoom = {k: v for k, v in kwargs.items() if k in ("start", "end", "rows")}
    return timeline_view(events=events_for_timeline(filters=filters), filters=filters, max_marks=max_marks, **zoom)


def test_it_counts_per_year_over_the_whole_timeline(many) -> None:
    shown = _shown()
    assert shown.unit == "year"
    assert shown.figure["data"][0]["meta"] == "bins"
    assert shown.total == 1500 == shown.listed.count()


def test_it_narrows_the_period_as_the_range_narrows_until_single_events_show(many) -> None:
    assert _shown(start=date(2000, 1, 1), end=date(2003, 1, 1), max_marks=50).unit == "month"
    assert _shown(start=date(2000, 1, 1), end=date(2000, 6, 1), max_marks=5).unit == "week"
    single = _shown(start=date(2000, 1, 1), end=date(2000, 3, 1))
    assert single.unit == ""
    slugs = {c[0] for trace in single.figure["data"] for c in trace["customdata"]}
    expected = Event.objects.filter(date_start__range=(date(2000, 1, 1), date(2000, 3, 1)))
    assert slugs == set(expected.values_list("slug", flat=True))
    assert single.figure["layout"]["xaxis"]["range"] == ["2000-01-01", "2000-03-02"]


def test_it_lists_exactly_the_events_it_counts(many) -> None:
    shown = _shown(start=date(2000, 1, 1), end=date(2010, 1, 1), event_type=EventType.STATEMENT, max_marks=20)
    assert shown.total == shown.listed.count()
    assert all(e.event_type == EventType.STATEMENT for e in shown.listed)


def test_it_counts_live_when_the_tallies_cannot_answer(many) -> None:
    actor = Actor.objects.create(name="Zarvonia", slug="zarvonia", kind=Actor.Kind.COUNTRY)
    for event in many[::3]:
        event.actors.add(actor)
    shown = _shown(actor="zarvonia", max_marks=100)
    assert shown.unit == "year" and shown.total == 500


def test_it_keeps_every_zoom_level_small_and_the_queries_few(client, many, django_assert_max_num_queries) -> None:
    for params in ({}, {"start": "2000-01-01", "end": "2004-12-31"}, {"start": "2000-01-01", "end": "2000-02-01"}):
        with django_assert_max_num_queries(10):
            response = client.get("/", params, **HTMX)
        figure = re.search(r'<script id="timeline-figure" type="application/json">(.*?)</script>', response.text, re.S)
        assert figure and len(figure.group(1)) < 300_000
        assert json.loads(figure.group(1))["data"]


def test_it_keeps_the_zoom_in_the_pushed_url(client, many) -> None:
    response = client.get("/", {"type": "statement", "start": "2000-01-01", "end": "2000-03-01"}, **HTMX)
    assert response["HX-Push-Url"] == "/?type=statement&date_from=2000-01-01&date_to=2000-03-01"


def test_it_counts_a_one_word_search_over_the_whole_timeline_as_it_lists(many) -> None:
    Event.objects.filter(pk__in=[e.pk for e in many[::5]]).update(summary="Missile launches reported")
    shown = _shown(text="missile", max_marks=50)
    assert shown.unit == "year"
    assert shown.total == 300 == shown.listed.count()
    assert sum(mark[2] for mark in shown.figure["data"][0]["customdata"]) == 300
