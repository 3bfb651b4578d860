"""One rule per concept: an event's date and dispute, its publishers, the actors a text names, its slug."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.curation_data import make_actor, make_article, make_event
from timeline.events import derived
from timeline.extraction.gazetteer import default_gazetteer
from timeline.models import Event

pytestmark = pytest.mark.django_db

WED = dt.date(2025, 2, 26)


def _dated(event: Event, values: list[tuple[dt.date, dt.date | None, str]]) -> list:
    mentions = list(event.mentions.select_related("passage__article").order_by("passage__article_id", "passage__index"))
    for mention, (start, end, precision) in zip(mentions, values, strict=True):
        mention.date_start, mention.date_end, mention.precision = start, end or start, precision
    return mentions


def test_it_dates_an_event_by_the_best_supported_date_before_the_finest():
    articles = [make_article(sentences=[s]) for s in ("In October.", "Late October.", "On 28 October.")]
    event = make_event("Talks", passages=[a.passages.get() for a in articles])
    month = (dt.date(2024, 10, 1), dt.date(2024, 10, 31), "month")
    mentions = _dated(event, [month, month, (dt.date(2024, 10, 28), None, "day")])
    best, disputed = derived.event_date(mentions)
    assert (best.start, best.end, best.precision) == month and not disputed


def test_it_prefers_the_finest_among_equally_supported_dates_and_flags_disagreement():
    article = make_article(sentences=["In 2025.", "On 3 March.", "On 3 March too.", "On 4 March."])
    event = make_event("Talks", passages=article.passages.all())
    year = (dt.date(2025, 1, 1), dt.date(2025, 12, 31), "year")
    day3, day4 = (dt.date(2025, 3, 3), None, "day"), (dt.date(2025, 3, 4), None, "day")
    mentions = _dated(event, [year, day3, day3, day4])
    best, disputed = derived.event_date(mentions)
    assert (best.start, best.precision, disputed) == (dt.date(2025, 3, 3), "day", True)
    assert derived.event_date(mentions[:3])[1] is False


def test_it_dates_nothing_without_a_dated_mention():
    article = make_article(sentences=["Someday."])
    event = make_event("Talks", passages=article.passages.all())
    assert derived.event_date(list(event.mentions.select_related("passage__article"))) == (None, False)


def test_it_counts_publishers_with_unknown_sources_once_each_and_copies_not_at_all():
    one = make_article(sentences=["A launch."], publisher="Wire One")
    same = make_article(sentences=["The launch again."], publisher="Wire One")
    anonymous = make_article(sentences=["Launch seen."])
    copy = make_article(sentences=["Launch seen!"])
    copy.duplicate_of = anonymous
    copy.save()
    passages = [p for a in (one, same, anonymous, copy) for p in a.passages.all()]
    event = make_event("Launch", passages=passages, date_start=WED)
    assert derived.event_publisher_count(event=event) == 2
    assert derived.publisher_count([one, same, anonymous, copy]) == 2


def test_it_names_actors_by_whole_words_only():
    oman = make_actor("Oman", "Muscat")
    iran = make_actor("Iran", "Tehran")
    candidates = [oman, iran]
    assert derived.actors_named_in("Romania's envoy met Tehrani merchants.", candidates) == []
    assert derived.actors_named_in("Officials in Muscat met Iran's envoy.", candidates) == [oman, iran]
    assert derived.actors_named_in("iran and oman", candidates) == [oman, iran]


def test_it_takes_the_subject_a_title_is_about():
    gaz = default_gazetteer()
    assert derived.title_subject("North Korea fires missile toward Japan", gaz) == "North Korea"
    assert derived.title_subject("Israeli Prime Minister Benjamin Netanyahu warns Iran", gaz) == "Benjamin Netanyahu"
    assert derived.title_subject("The US State Department urges China to act", gaz) == "United States"
    assert derived.title_subject("North Korean troops were redeployed in Russia", gaz) == "North Korea"
    assert derived.title_subject("Missiles fired from Israeli jets", gaz, "Syria") == "Syria"
    assert derived.title_subject("A launch", gaz, "Japan") == "Japan"


def test_it_slugs_a_new_event_by_its_date_and_subject_and_keeps_slugs_unique():
    slug = derived.event_slug(start=dt.date(2023, 12, 18), subject="North Korea", event_type="missile test")
    assert slug == "2023-12-18-north-korea-missile-test"
    make_event("Launch", passages=make_article(sentences=["A launch."]).passages.all())
    Event.objects.filter(title="Launch").update(slug=slug)
    again = derived.event_slug(start=dt.date(2023, 12, 18), subject="North Korea", event_type="missile test")
    assert again == f"{slug}-2"
    assert derived.event_slug(start=None, subject="", event_type="other") == "undated-other"


def test_it_gives_several_new_events_the_slugs_they_would_get_one_after_the_other():
    make_event("Launch", passages=make_article(sentences=["A launch."]).passages.all())
    Event.objects.filter(title="Launch").update(slug="2023-12-18-north-korea-missile-test")
    bases = ["2023-12-18-north-korea-missile-test", "2023-12-19-japan-other", "2023-12-18-north-korea-missile-test"]
    assert derived.unique_slugs(Event, bases, derived.SLUG_MAX) == [
        "2023-12-18-north-korea-missile-test-2",
        "2023-12-19-japan-other",
        "2023-12-18-north-korea-missile-test-3",
    ]


def test_a_happening_a_speaker_tells_is_about_the_told_clauses_actor():
    gaz = default_gazetteer()
    title = "The Pentagon says Iran fired two missiles into the sea"
    assert derived.title_subject(title, gaz, "", "missile test") == "Iran"
    assert derived.title_subject(title, gaz, "", "statement") == "United States"
    assert derived.title_subject("Officials say the rockets were fired at night", gaz, "Syria", "attack") == "Syria"
