from datetime import date

import pytest

from timeline.ingest.service import article_ingest
from timeline.models import DateReference, Event
from timeline.web.key_dates import day_evidence, key_dates
from timeline.web.selectors import TimelineFilters

pytestmark = pytest.mark.django_db

# A small story whose key day is known: the coup of Monday 4 March, reported that day by two outlets and
# looked back at by every later report; the days after carry routine statements.
REPORTS = [
    ("Gazette", date(2024, 3, 4), "Soldiers seized the presidential palace in Niger on Monday and detained the president, "
     "state television said. The army suspended the constitution and closed the borders on Monday."),
    ("Courier", date(2024, 3, 5), "Niger's army seized power on Monday, detaining the president in the capital Niamey. "
     "Crowds gathered outside the palace on Tuesday."),
    ("Gazette", date(2024, 3, 6), "France said on Wednesday that it was following events in Niger closely."),
    ("Courier", date(2024, 3, 12), "Since the coup on March 4, the junta has arrested dozens of ministers. "
     "The African Union suspended Niger on Monday."),
    ("Herald", date(2024, 3, 20), "Niger's rulers have banned protests since the coup on March 4. "
     "The junta named a new prime minister on Tuesday."),
    ("Herald", date(2024, 3, 27), "Niger's borders have stayed closed since the coup of March 4, traders said on Wednesday."),
]  # fmt: skip


@pytest.fixture
def story():
    for publisher, published, text in REPORTS:
        article_ingest(raw_text=text, publisher=publisher, published=published)


def test_it_stores_the_days_each_sentence_names(story):
    assert DateReference.objects.filter(day=date(2024, 3, 4)).values("article").distinct().count() == 5


def test_the_day_every_later_report_looks_back_at_comes_first(story):
    (top,) = key_dates(filters=TimelineFilters(), count=1)
    assert top.day == date(2024, 3, 4)
    assert top.summary.startswith(("Soldiers seized", "Niger's army seized"))
    assert top.events and all(e.date_start == date(2024, 3, 4) for e in top.events)


def test_the_evidence_counts_look_backs_apart_from_the_news_of_the_day(story):
    coup = next(e for e in day_evidence(filters=TimelineFilters()) if e.day == date(2024, 3, 4))
    assert coup.later_references == 3 and coup.references == 2
    assert coup.published_after == 3 and coup.sources >= 2
    assert coup.published_later == 4  # the reports of 6, 12, 20 and 27 March, two days on or more, could look back


def test_days_come_in_date_order_and_never_more_than_asked(story):
    days = key_dates(filters=TimelineFilters(), count=5)
    assert 2 <= len(days) <= 5
    assert [d.day for d in days] == sorted(d.day for d in days)
    assert date(2024, 3, 4) in {d.day for d in days} and len(key_dates(filters=TimelineFilters(), count=1)) == 1


def test_the_filters_narrow_the_days_to_their_events(story):
    days = key_dates(filters=TimelineFilters(date_from=date(2024, 3, 5)), count=5)
    assert days and all(d.day >= date(2024, 3, 5) for d in days)
    statements = key_dates(filters=TimelineFilters(event_type="statement"), count=5)
    assert all(
        e.event_type == "statement" for d in statements for e in Event.objects.filter(slug__in=d.as_json()["events"])
    )


def test_nothing_stored_gives_no_days():
    assert key_dates(filters=TimelineFilters(), count=5) == []
