"""What parallel ingests wait for: reports that could be one happening, the same text, a copy stored meanwhile."""

from __future__ import annotations

import pytest
from django.db import connection, transaction

from bench.reports import reports_write
from timeline.extraction.pipeline import extract_article
from timeline.ingest import service
from timeline.ingest.locking import LostToAnotherWriter, lost_to_another_writer
from timeline.ingest.readers import read_path
from timeline.ingest.service import article_ingest, collision_keys
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db


def _read(path):
    (item,) = read_path(path)
    return item, extract_article(item.raw_text, published=item.published, title=item.title, publisher=item.publisher)


def test_two_reports_of_one_happening_wait_for_each_other_and_reports_months_apart_do_not(tmp_path):
    north = reports_write(tmp_path / "north", count=30, desk="North Wire")
    south = reports_write(tmp_path / "south", count=30, desk="South Wire")
    (n_item, n_ex), (s_item, s_ex) = _read(north[0]), _read(south[0])
    n_keys, s_keys = collision_keys(n_ex, n_item.raw_text), collision_keys(s_ex, s_item.raw_text)
    assert n_keys and s_keys and n_keys & s_keys  # the same story told by two desks
    assert collision_keys(n_ex, n_item.raw_text) == n_keys  # every worker computes the same keys
    # report 25 leads with the same story as report 0, moved weeks on: what it shares with report 0, if
    # anything, is background; a report on other days of other happenings shares no key with it
    far = [collision_keys(ex, item.raw_text) for item, ex in map(_read, north[1:30])]
    assert any(not (keys & n_keys) for keys in far)


def test_an_undated_article_or_one_stored_beside_articles_of_unknown_date_waits_for_every_other_writer(tmp_path):
    (path,) = reports_write(tmp_path, count=1, desk="North Wire")
    item, ex = _read(path)
    assert collision_keys(ex, item.raw_text) is not None
    undated = extract_article(item.raw_text, published=None, title=item.title)
    if undated.published is None:
        assert collision_keys(undated, item.raw_text) is None
    article_ingest(raw_text="North Korea fired a ballistic missile into the sea on Tuesday, officials said.")
    assert Article.objects.get().published is None
    assert collision_keys(ex, item.raw_text) is None


def test_a_copy_stored_while_the_article_was_read_is_found_before_it_is_written(tmp_path, monkeypatch):
    (path,) = reports_write(tmp_path, count=1, desk="North Wire")
    item, _ = _read(path)
    first = article_ingest(raw_text=item.raw_text, title=item.title, published=item.published).article
    missed = []
    real = service.near_duplicate_candidates

    def first_look_misses_it(article, passages):  # as when the copy is committed between the two looks
        if not missed:
            missed.append(article.id)
            return set()
        return real(article, passages)

    monkeypatch.setattr(service, "near_duplicate_candidates", first_look_misses_it)
    copy = item.raw_text + "\n\nAnalysts expect further tests."
    with pytest.raises(LostToAnotherWriter) as lost:
        with transaction.atomic():
            article_ingest(raw_text=copy, title=item.title, published=item.published, publisher="South Wire")
    assert lost_to_another_writer(lost.value)
    assert Article.objects.count() == 1  # nothing of it was stored: it is read and stored again
    again = service.article_ingest(raw_text=copy, title=item.title, published=item.published, publisher="South Wire")
    assert again.created and again.article.duplicate_of_id == first.id


@pytest.mark.skipif(connection.vendor != "postgresql", reason="advisory locks are PostgreSQL's")
def test_the_keys_are_held_until_commit_and_another_session_cannot_take_them(tmp_path):
    import threading

    (path,) = reports_write(tmp_path, count=1, desk="North Wire")
    item, ex = _read(path)
    keys = sorted(collision_keys(ex, item.raw_text))
    taken = []

    def other_session():
        from django.db import connections

        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [keys[0]])
            taken.append(cursor.fetchone()[0])
        connections["default"].close()

    with transaction.atomic():
        service._collision_locks(ex, item.raw_text)
        thread = threading.Thread(target=other_session)
        thread.start()
        thread.join()
    assert taken == [False]


def test_a_new_events_title_shown_meanwhile_by_another_event_is_chosen_again(monkeypatch):
    from timeline.events import update

    mine = Event.objects.create(slug="mine", title="Rockets hit a depot", event_type="attack")
    book = update.TitleBook([mine])
    book.read({mine.title})  # what the ingest saw when it chose the title: no other event shows it
    chosen_again = []
    monkeypatch.setattr(update, "events_retitle_if_shared", lambda events: chosen_again.append(events))
    update.events_retitle_if_shown_since([mine], book)
    assert chosen_again == []  # alone, as on a serial ingest: one query, nothing else
    Event.objects.create(slug="theirs", title="Rockets hit a depot", event_type="attack")  # another ingest's
    update.events_retitle_if_shown_since([mine], book)
    assert chosen_again == [[mine]]
