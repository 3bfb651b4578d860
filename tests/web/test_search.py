"""Full-text search: a GIN-indexed vector on PostgreSQL, substring matching on SQLite."""

from __future__ import annotations

import pytest
from django.db import connection

from timeline.models import Event
from timeline.web.search import events_search

pytestmark = pytest.mark.django_db


def _event(slug: str, title: str, summary: str = "") -> Event:
    return Event.objects.create(slug=slug, title=title, summary=summary)


def test_it_finds_events_by_words_of_the_title_or_summary() -> None:
    launch = _event("a", "North Korea launches missile", "The test flew over the Sea of Japan.")
    _event("b", "Leaders meet in Geneva", "Talks on trade.")
    found = events_search(qs=Event.objects.all(), text="missile Japan")
    assert list(found) == [launch]


def test_it_needs_every_word() -> None:
    _event("a", "North Korea launches missile")
    assert not events_search(qs=Event.objects.all(), text="missile Geneva").exists()


def test_it_ignores_case() -> None:
    meeting = _event("a", "Leaders meet in Geneva")
    assert list(events_search(qs=Event.objects.all(), text="GENEVA")) == [meeting]


def test_it_leaves_the_queryset_alone_without_words() -> None:
    _event("a", "x")
    qs = Event.objects.all()
    assert events_search(qs=qs, text="   ") is qs


def test_it_keeps_the_other_filters_of_the_queryset() -> None:
    Event.objects.create(slug="a", title="Missile test", status=Event.Status.REJECTED)
    kept = _event("b", "Another missile test")
    assert list(events_search(qs=Event.objects.exclude(status=Event.Status.REJECTED), text="missile")) == [kept]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="stemming and the GIN index exist on PostgreSQL only")
def test_it_stems_words_and_uses_the_gin_index_on_postgresql() -> None:
    launch = _event("a", "North Korea launches missiles")
    assert list(events_search(qs=Event.objects.all(), text="launched missile")) == [launch]
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        plan = events_search(qs=Event.objects.all(), text="missile").explain()
        cursor.execute("SET enable_seqscan = on")
    assert "event_search_vector_gin" in plan


def test_it_finds_events_by_the_passages_that_report_them() -> None:
    from timeline.models import Article, Mention, Passage

    event = _event("a", "Talks end", "")
    article = Article.objects.create(text="Envoys left Pyongyang.", raw_text="x", content_hash="h1")
    passage = Passage.objects.create(article=article, index=0, start=0, end=22, text="Envoys left Pyongyang.")
    Mention.objects.create(event=event, passage=passage)
    _event("b", "Talks begin", "")
    assert list(events_search(qs=Event.objects.all(), text="talks pyongyang")) == [event]


def test_it_ignores_words_too_common_to_search() -> None:
    meeting = _event("a", "Leaders meet in Geneva")
    assert list(events_search(qs=Event.objects.all(), text="in Geneva")) == [meeting]


def _source(event: Event, text: str, key: str):
    from timeline.models import Article, Mention, Passage

    article = Article.objects.create(text=text, raw_text=text, content_hash=key)
    passage = Passage.objects.create(article=article, index=0, start=0, end=len(text), text=text)
    return Mention.objects.create(event=event, passage=passage)


def _search_text(event: Event) -> str:
    return Event.objects.values_list("search_text", flat=True).get(pk=event.pk)


def test_it_keeps_the_search_text_in_step_with_title_and_summary() -> None:
    event = _event("a", "Talks end", "In Oslo.")
    assert _search_text(event).split() == ["Talks", "end", "In", "Oslo."]
    Event.objects.filter(pk=event.pk).update(title="Talks resume")
    assert list(events_search(qs=Event.objects.all(), text="resume oslo")) == [event]
    assert not events_search(qs=Event.objects.all(), text="end").exists()


def test_it_follows_mentions_added_moved_and_removed() -> None:
    first, second = _event("a", "Talks end"), _event("b", "Talks begin")
    mention = _source(first, "Envoys left Pyongyang.", "h1")
    assert list(events_search(qs=Event.objects.all(), text="pyongyang")) == [first]
    mention.event = second
    mention.save()
    assert list(events_search(qs=Event.objects.all(), text="pyongyang")) == [second]
    mention.delete()
    assert not events_search(qs=Event.objects.all(), text="pyongyang").exists()
    assert "Pyongyang" not in _search_text(second)


def test_it_follows_a_passage_whose_text_changes() -> None:
    event = _event("a", "Talks end")
    mention = _source(event, "Envoys left Pyongyang.", "h1")
    mention.passage.text = "Envoys left Seoul."
    mention.passage.save()
    assert list(events_search(qs=Event.objects.all(), text="seoul")) == [event]
    assert not events_search(qs=Event.objects.all(), text="pyongyang").exists()


def test_it_is_not_undone_by_saving_an_event_read_before_its_sources() -> None:
    event = _event("a", "Talks end")
    _source(event, "Envoys left Pyongyang.", "h1")
    event.status = Event.Status.VERIFIED  # the object still holds the search text read before the mention
    event.save()
    assert list(events_search(qs=Event.objects.all(), text="pyongyang")) == [event]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="lexemes exist on PostgreSQL only")
def test_it_names_the_one_lexeme_of_a_one_word_search() -> None:
    from timeline.web.search import single_term

    assert single_term(text="the Missiles") == "missil"
    assert single_term(text="missile launch") is None
    assert single_term(text="the") is None
