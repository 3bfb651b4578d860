"""Matching one happening of an article to a stored event, or creating it."""

from dataclasses import replace
from datetime import date

import pytest

from timeline.extraction.clean.lines import HeaderMeta
from timeline.extraction.cluster import DateRange
from timeline.extraction.events.dating import DateBasis
from timeline.extraction.pipeline import ArticleEvent, ArticleExtraction
from timeline.ingest.event_store import event_match_or_create
from timeline.models import Event

pytestmark = pytest.mark.django_db


def _happening(day: date | None) -> ArticleEvent:
    return ArticleEvent(
        mentions=(),
        event_type="meeting",
        title="Negotiators meet in Geneva",
        summary="Negotiators met in Geneva.",
        actors=(),
        places=("Geneva",),
        speakers=(),
        date=DateRange(day, day, "day") if day else None,
        date_basis=DateBasis.CLAUSE if day else DateBasis.NONE,
        date_disputed=False,
    )


def _extraction(happening: ArticleEvent) -> ArticleExtraction:
    return ArticleExtraction(
        text=happening.summary,
        dropped=[],
        meta=HeaderMeta(),
        title="",
        publisher="",
        published=None,
        published_at=None,
        published_source="",
        passages=[],
        timexes=[],
        mentions=[],
        events=[happening],
    )


def test_it_creates_an_event_for_a_dated_happening_nothing_stored_matches():
    happening = _happening(date(2024, 6, 3))
    event, created = event_match_or_create(group=happening, ex=_extraction(happening), publishers=2)
    assert created and (event.date_start, event.precision, event.publisher_count) == (date(2024, 6, 3), "day", 2)


def test_it_leaves_out_an_undated_happening_that_matches_nothing():
    happening = _happening(None)
    assert event_match_or_create(group=happening, ex=_extraction(happening)) == (None, False)
    assert not Event.objects.exists()


def test_it_keeps_passages_with_the_event_a_curator_verified_and_leaves_out_a_rejected_one():
    happening = _happening(date(2024, 6, 3))
    verified = Event.objects.create(slug="v", title="t", event_type="meeting", status=Event.Status.VERIFIED)
    rejected = Event.objects.create(slug="r", title="t", event_type="meeting", status=Event.Status.REJECTED)
    assert event_match_or_create(group=happening, ex=_extraction(happening), previous=verified) == (verified, False)
    assert event_match_or_create(group=happening, ex=_extraction(happening), previous=rejected) == (None, False)


def test_a_happening_a_november_report_dates_only_to_march_stays_background():
    # "In March, the two sides met in Geneva", told in a report of November: context, not a timeline entry
    march = replace(_happening(None), date=DateRange(date(2024, 3, 1), date(2024, 3, 31), "month"))
    march = replace(march, date_basis=DateBasis.CLAUSE)
    ex = replace(_extraction(march), published=date(2024, 11, 20))
    assert event_match_or_create(group=march, ex=ex) == (None, False)
    assert not Event.objects.exists()
    # told in the report of the first days of April, last month is news
    ex = replace(ex, published=date(2024, 4, 3))
    event, created = event_match_or_create(group=march, ex=ex)
    assert created and event.precision == "month"


def test_the_day_a_happening_was_told_of_gives_way_to_its_own_day():
    from timeline.events.derived import event_date
    from timeline.extraction.pipeline import TELLING_RULE
    from timeline.models import Article, Mention, Passage

    article = Article.objects.create(title="t", raw_text="x", text="x", content_hash="h1")
    passage = Passage.objects.create(article=article, index=0, start=0, end=1, text="x")
    told = Mention(passage=passage, date_start=date(2024, 6, 5), date_end=date(2024, 6, 5), precision="day")
    told.date_rule = TELLING_RULE
    own = Mention(passage=passage, date_start=date(2024, 6, 4), date_end=date(2024, 6, 4), precision="day")
    own.date_rule = "weekday"
    assert event_date([told, own])[0].start == date(2024, 6, 4)
    assert event_date([told])[0].start == date(2024, 6, 5)  # told only: the day of the telling
