"""Curation writes: review states, merges, splits, locks, publisher counts and re-dating an article."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.curation_data import make_actor, make_article, make_curator, make_event
from timeline.events import curation
from timeline.models import Article, Event, Mention

pytestmark = pytest.mark.django_db

WED = dt.date(2025, 2, 26)


@pytest.fixture
def two_reports():
    """One launch reported by two publishers, as two separate events."""
    nk, sk, japan = make_actor("North Korea", "Pyongyang"), make_actor("South Korea", "Seoul"), make_actor("Japan")
    a = make_article(
        sentences=["Pyongyang fired a missile on Wednesday.", "Seoul condemned the launch."],
        publisher="Wire One",
        published=dt.date(2025, 2, 28),
    )
    b = make_article(
        sentences=["North Korea launched a missile into the sea.", "Japan tracked it."],
        publisher="Wire Two",
        published=dt.date(2025, 2, 27),
    )
    first = make_event("Missile launch", passages=a.passages.all(), date_start=WED, actors=[nk, sk])
    second = make_event("North Korea launches missile", passages=b.passages.all(), date_start=WED, actors=[nk, japan])
    return first, second


def test_it_merges_mentions_actors_and_publishers_into_the_survivor(two_reports):
    first, second = two_reports
    survivor = curation.events_merge(events=[first, second], into=first, user=None)

    second.refresh_from_db()
    assert survivor.pk == first.pk
    assert survivor.mentions.count() == 4
    assert not Mention.objects.filter(event=second).exists()
    assert sorted(a.name for a in survivor.actors.all()) == ["Japan", "North Korea", "South Korea"]
    assert survivor.publisher_count == 2
    assert second.merged_into_id == first.pk
    assert second.status == Event.Status.REJECTED


def test_it_takes_the_earliest_created_event_as_the_default_survivor(two_reports):
    first, second = two_reports
    assert curation.survivor_default([second, first]) == first


def test_it_merges_into_a_chosen_survivor(two_reports):
    first, second = two_reports
    curation.events_merge(events=[first, second], into=second)
    first.refresh_from_db()
    assert first.merged_into_id == second.pk
    assert second.mentions.count() == 4


def test_it_drops_a_mention_the_survivor_already_has(two_reports):
    first, second = two_reports
    shared = first.mentions.first().passage
    Mention.objects.create(event=second, passage=shared, date_start=WED, date_end=WED, precision="day")
    curation.events_merge(events=[first, second], into=first)
    assert first.mentions.filter(passage=shared).count() == 1
    assert first.mentions.count() == 4


def test_it_points_events_merged_earlier_at_the_new_survivor(two_reports):
    first, second = two_reports
    third = make_event("Launch", passages=make_article(sentences=["A launch."]).passages.all(), date_start=WED)
    curation.events_merge(events=[second, third], into=second)
    curation.events_merge(events=[first, second], into=first)
    third.refresh_from_db()
    assert third.merged_into_id == first.pk


def test_it_refuses_a_merge_of_a_single_event(two_reports):
    first, _ = two_reports
    with pytest.raises(curation.CurationError):
        curation.events_merge(events=[first], into=first)


def test_it_refuses_to_merge_an_event_already_merged_away(two_reports):
    first, second = two_reports
    third = make_event("Launch", passages=make_article(sentences=["A launch."]).passages.all(), date_start=WED)
    curation.events_merge(events=[first, second], into=first)
    second.refresh_from_db()
    with pytest.raises(curation.CurationError):
        curation.events_merge(events=[second, third], into=third)


def test_it_leaves_locked_actors_alone_on_merge(two_reports):
    first, second = two_reports
    curation.event_lock_fields(event=first, fields=["actors"])
    curation.events_merge(events=[first, second], into=first)
    assert sorted(a.name for a in first.actors.all()) == ["North Korea", "South Korea"]


def test_it_marks_the_date_disputed_when_merged_sources_disagree(two_reports):
    first, _ = two_reports
    other = make_article(sentences=["The missile was fired on Thursday."], publisher="Wire Three")
    later = make_event("Launch", passages=other.passages.all(), date_start=dt.date(2025, 2, 27))
    survivor = curation.events_merge(events=[first, later], into=first)
    assert survivor.date_disputed is True
    assert survivor.date_start == WED


def test_it_dates_an_undated_survivor_from_the_merged_mentions(two_reports):
    first, _ = two_reports
    undated = make_event("Launch", passages=make_article(sentences=["A launch happened."]).passages.all())
    survivor = curation.events_merge(events=[undated, first], into=undated)
    assert (survivor.date_start, survivor.precision) == (WED, "day")


def test_it_records_a_merge_in_history_with_the_curator_and_reason(two_reports):
    first, second = two_reports
    user = make_curator()
    curation.events_merge(events=[first, second], into=first, user=user)
    latest = first.history.order_by("-history_id").first()
    assert latest.history_user == user
    assert second.slug in latest.history_change_reason
    gone = second.history.order_by("-history_id").first()
    assert gone.history_change_reason == f"merged into {first.slug}"
    assert gone.merged_into_id == first.pk


def test_it_splits_a_mention_into_an_event_of_its_own(two_reports):
    first, _ = two_reports
    seoul_line = first.mentions.get(passage__text__startswith="Seoul")
    seoul_line.date_start = seoul_line.date_end = dt.date(2025, 2, 27)
    seoul_line.event_type = "statement"
    seoul_line.save()

    new = curation.mention_split(mention=seoul_line)

    first.refresh_from_db()
    assert list(new.mentions.all()) == [seoul_line]
    assert new.title == "Seoul condemned the launch."
    assert (new.event_type, new.date_start, new.precision) == ("statement", dt.date(2025, 2, 27), "day")
    assert [a.name for a in new.actors.all()] == ["South Korea"]  # named through its alias "Seoul"
    assert first.mentions.count() == 1
    assert first.date_start == WED
    assert new.slug != first.slug


def test_it_refuses_to_split_an_event_s_only_mention():
    event = make_event("Launch", passages=make_article(sentences=["A launch."]).passages.all(), date_start=WED)
    with pytest.raises(curation.CurationError):
        curation.mention_split(mention=event.mentions.get())


def test_it_redates_the_old_event_after_a_split_unless_locked():
    article = make_article(sentences=["Talks were held in March.", "Talks were held on 3 March."])
    event = make_event("Talks", passages=article.passages.all(), date_start=dt.date(2025, 3, 1), precision="month")
    month, day = event.mentions.order_by("passage__index")
    day.date_start = day.date_end = dt.date(2025, 3, 3)
    day.precision = "day"
    day.save()
    event.date_start, event.date_end, event.precision = day.date_start, day.date_end, "day"
    event.save()

    curation.mention_split(mention=day)
    event.refresh_from_db()
    assert (event.date_start, event.precision) == (dt.date(2025, 3, 1), "month")


def test_it_keeps_a_locked_date_after_a_split():
    article = make_article(sentences=["Talks were held in March.", "Talks were held on 3 March."])
    event = make_event("Talks", passages=article.passages.all(), date_start=dt.date(2025, 3, 3), precision="day")
    curation.event_lock_fields(event=event, fields=["date_start", "date_end", "precision"])
    month = event.mentions.get(passage__index=0)
    month.date_start, month.date_end, month.precision = dt.date(2025, 3, 1), dt.date(2025, 3, 31), "month"
    month.save()
    curation.mention_split(mention=event.mentions.get(passage__index=1))
    event.refresh_from_db()
    assert (event.date_start, event.precision) == (dt.date(2025, 3, 3), "day")


def test_it_verifies_and_rejects_with_history(two_reports):
    first, second = two_reports
    user = make_curator()
    assert curation.events_set_status(events=[first, second], status="verified", user=user) == 2
    assert curation.events_set_status(events=[first, second], status="verified", user=user) == 0
    curation.events_set_status(events=[second], status="rejected", user=user)
    second.refresh_from_db()
    assert second.status == "rejected"
    assert [h.status for h in second.history.order_by("history_id")][-2:] == ["verified", "rejected"]
    assert second.history.order_by("-history_id").first().history_user == user


def test_it_refuses_an_unknown_status(two_reports):
    with pytest.raises(curation.CurationError):
        curation.events_set_status(events=list(two_reports), status="hidden")


def test_it_locks_and_unlocks_fields(two_reports):
    first, _ = two_reports
    assert curation.event_lock_fields(event=first, fields=["title", "actors"]) == ["title", "actors"]
    assert curation.event_lock_fields(event=first, fields=["summary"]) == ["title", "summary", "actors"]
    assert curation.event_unlock_fields(event=first, fields=["title"]) == ["summary", "actors"]
    assert curation.event_unlock_fields(event=first) == []
    first.refresh_from_db()
    assert first.locked_fields == []
    with pytest.raises(curation.CurationError):
        curation.event_lock_fields(event=first, fields=["status"])


def test_it_redates_an_article_and_reextracts_it(monkeypatch, two_reports):
    first, _ = two_reports
    article = first.mentions.first().passage.article
    calls = []
    monkeypatch.setattr("timeline.ingest.service.article_reextract", lambda a: calls.append(a.pk), raising=False)
    events = curation.article_set_published(article=article, published=dt.date(2023, 9, 13), user=make_curator())
    article.refresh_from_db()
    assert calls == [article.pk]
    assert article.published == dt.date(2023, 9, 13)
    assert article.published_source == Article.DateSource.CURATOR
    assert events == [first]


def test_it_warns_before_merging_events_far_apart_or_of_different_types(two_reports):
    first, second = two_reports
    assert curation.merge_warnings([first, second]) == []
    second.date_start = second.date_end = WED + dt.timedelta(days=30)
    second.event_type = "statement"
    warnings = curation.merge_warnings([first, second])
    assert len(warnings) == 2 and "30 days apart" in warnings[0] and "different types" in warnings[1]


def test_it_unmerges_an_event_with_its_mentions_status_and_permalink(two_reports, client):
    first, second = two_reports
    curation.events_set_status(events=[second], status=Event.Status.VERIFIED)
    before = set(second.mentions.values_list("pk", flat=True))
    curation.events_merge(events=[first, second], into=first)
    curation.event_unmerge(event=Event.objects.get(pk=second.pk))
    second.refresh_from_db()
    first.refresh_from_db()
    assert second.merged_into_id is None and second.status == Event.Status.VERIFIED
    assert set(second.mentions.values_list("pk", flat=True)) == before
    assert first.mentions.count() == 2 and first.publisher_count == 1
    assert client.get(second.get_absolute_url()).status_code == 200


def test_it_keeps_a_shared_passage_with_the_merged_away_event_for_an_unmerge(two_reports):
    first, second = two_reports
    shared = first.mentions.first().passage
    Mention.objects.create(event=second, passage=shared, date_start=WED, date_end=WED, precision="day")
    curation.events_merge(events=[first, second], into=first)
    assert Mention.objects.filter(event=second, passage=shared).exists()
    curation.event_unmerge(event=Event.objects.get(pk=second.pk))
    assert Event.objects.get(pk=second.pk).mentions.count() == 3


def test_it_refuses_to_unmerge_an_event_that_was_not_merged(two_reports):
    with pytest.raises(curation.CurationError):
        curation.event_unmerge(event=two_reports[0])


def test_it_keeps_the_most_precise_date_on_merge(two_reports):
    first, second = two_reports
    Event.objects.filter(pk=first.pk).update(
        date_start=dt.date(2025, 2, 24), date_end=dt.date(2025, 3, 2), precision="week"
    )
    first.mentions.update(date_start=dt.date(2025, 2, 24), date_end=dt.date(2025, 3, 2), precision="week")
    second.mentions.update(date_start=WED, date_end=WED, precision="day")
    survivor = curation.events_merge(events=[Event.objects.get(pk=first.pk), second], into=first)
    assert (survivor.date_start, survivor.date_end, survivor.precision) == (WED, WED, "day")
