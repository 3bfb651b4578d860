"""The synthetic data generator and its command (benchmarks and load tests only)."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count

from bench.synthetic import SOURCE_PREFIX, date_range_for, events_generate
from timeline.models import Actor, Article, Event, EventType, Mention, Passage, Precision

pytestmark = pytest.mark.django_db


def test_it_writes_the_number_of_events_asked_for_with_their_sources() -> None:
    result = events_generate(count=700, seed=3, batch_size=250, today=dt.date(2025, 6, 1))
    assert result.events == Event.objects.count() == 700
    assert Mention.objects.count() == result.mentions >= 700
    assert Passage.objects.count() == result.passages == result.mentions
    assert Article.objects.filter(source_name__startswith=SOURCE_PREFIX).count() == result.articles
    assert not Event.objects.annotate(n=Count("mentions")).filter(n=0).exists()


def test_it_spreads_events_over_thirty_years_with_varied_types_precisions_and_statuses() -> None:
    events_generate(count=1500, seed=1, today=dt.date(2025, 6, 1))
    dated = Event.objects.exclude(date_start=None)
    years = {d.year for d in dated.values_list("date_start", flat=True)}
    assert min(years) <= 1997 and max(years) >= 2024
    assert set(Event.objects.values_list("event_type", flat=True)) == set(EventType.values)
    assert {Precision.DAY, Precision.MONTH, Precision.YEAR} <= set(Event.objects.values_list("precision", flat=True))
    assert set(Event.objects.values_list("status", flat=True)) == set(Event.Status.values)
    assert Actor.objects.filter(name="North Korea").exists() and Actor.objects.filter(kind=Actor.Kind.PLACE).exists()


def test_it_keeps_passage_offsets_inside_the_article_text() -> None:
    events_generate(count=200, seed=5)
    for passage in Passage.objects.select_related("article")[:300]:
        assert passage.article.text[passage.start : passage.end] == passage.text


def test_it_can_run_twice_without_clashing() -> None:
    events_generate(count=100, seed=0)
    events_generate(count=100, seed=0)
    assert Event.objects.count() == 200


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        (Precision.DAY, (dt.date(2024, 2, 14), dt.date(2024, 2, 14))),
        (Precision.WEEK, (dt.date(2024, 2, 12), dt.date(2024, 2, 18))),
        (Precision.MONTH, (dt.date(2024, 2, 1), dt.date(2024, 2, 29))),
        (Precision.QUARTER, (dt.date(2024, 1, 1), dt.date(2024, 3, 31))),
        (Precision.YEAR, (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
        (Precision.DECADE, (dt.date(2020, 1, 1), dt.date(2029, 12, 31))),
        (Precision.UNKNOWN, (None, None)),
    ],
)
def test_it_gives_each_precision_its_range(precision: str, expected: tuple) -> None:
    assert date_range_for(dt.date(2024, 2, 14), precision) == expected


def test_it_runs_as_a_command() -> None:
    out = StringIO()
    call_command("generate_events", "--events", "120", "--batch-size", "50", stdout=out, stderr=StringIO())
    assert Event.objects.count() == 120
    assert "Wrote 120 events" in out.getvalue()
