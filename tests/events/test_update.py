from datetime import date

import pytest

from timeline.events.update import event_refresh
from timeline.ingest.service import article_ingest
from timeline.models import Event, Mention, Publisher

pytestmark = pytest.mark.django_db

TEXT = """Iran fires ballistic missiles toward the Red Sea
12 March 2024

Iran fired two ballistic missiles toward the Red Sea on Tuesday from a launch site near Tabriz, the Pentagon said."""


def test_it_recomputes_date_and_publishers_from_the_mentions():
    article_ingest(raw_text=TEXT, publisher="Gazette")
    event = Event.objects.get()
    Event.objects.filter(pk=event.pk).update(date_start=date(2020, 1, 1), date_end=date(2020, 1, 1), publisher_count=9)
    event.refresh_from_db()
    event_refresh(event)
    event.refresh_from_db()
    assert event.date_start == date(2024, 3, 12) and event.publisher_count == 1


def test_it_leaves_locked_fields_alone():
    article_ingest(raw_text=TEXT)
    event = Event.objects.get()
    Event.objects.filter(pk=event.pk).update(date_start=date(2020, 1, 1), locked_fields=["date_start", "actors"])
    event.refresh_from_db()
    event.actors.clear()
    event_refresh(event)
    event.refresh_from_db()
    assert event.date_start == date(2020, 1, 1) and not event.actors.exists()


def test_it_marks_a_date_the_sources_dispute():
    article_ingest(raw_text=TEXT, publisher="Gazette")
    later = TEXT.replace("12 March", "13 March") + "\nOfficials in Tehran gave no details."
    second = article_ingest(raw_text=later, publisher="Courier").article
    event = Event.objects.get()
    assert event.mentions.count() == 2 and not event.date_disputed
    Mention.objects.filter(passage__article=second).update(date_start=date(2024, 3, 11), date_end=date(2024, 3, 11))
    event_refresh(event)
    event.refresh_from_db()
    assert event.date_disputed and event.date_start == date(2024, 3, 12)
    assert event.publisher_count == Publisher.objects.count() == 2


POOR = """Missiles fall into the Red Sea
12 March 2024

The missiles were fired toward the Red Sea on Tuesday from a launch site near Tabriz in Iran, officials said."""


def test_it_retitles_an_event_when_a_better_worded_report_joins_and_keeps_the_slug():
    article_ingest(raw_text=POOR, publisher="Courier")
    event = Event.objects.get()
    slug, first = event.slug, event.title
    article_ingest(raw_text=TEXT, publisher="Gazette")
    event.refresh_from_db()
    assert event.mentions.count() == 2
    assert first.startswith("Officials say the missiles") and event.title.startswith("The Pentagon says Iran fired")
    assert event.slug == slug


def test_it_never_retitles_a_locked_title():
    article_ingest(raw_text=POOR, publisher="Courier")
    Event.objects.update(locked_fields=["title"])
    first = Event.objects.get().title
    article_ingest(raw_text=TEXT, publisher="Gazette")
    event = Event.objects.get()
    assert event.mentions.count() == 2 and event.title == first
