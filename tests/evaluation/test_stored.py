import datetime as dt

import pytest

from tests.curation_data import make_article, make_event
from timeline.evaluation.stored import stored_events, stored_events_report, stored_titles_report
from timeline.models import Event

pytestmark = pytest.mark.django_db


def test_it_reads_the_public_events_with_their_titles_and_passages():
    article = make_article(sentences=["Pyongyang fired a missile on Wednesday."])
    kept = make_event("Missile launch", passages=article.passages.all(), date_start=dt.date(2025, 2, 26))
    gone = make_event("Rejected", passages=article.passages.all(), date_start=dt.date(2025, 2, 26))
    Event.objects.filter(pk=gone.pk).update(status=Event.Status.REJECTED)
    (event,) = stored_events()
    assert (event.key, event.title, event.date_start) == (kept.slug, "Missile launch", dt.date(2025, 2, 26))
    assert [s.passage for s in event.sources] == ["Pyongyang fired a missile on Wednesday."]


def test_it_scores_only_events_backed_by_the_golds_articles():
    article = make_article(sentences=["A launch."])
    make_event("Launch", passages=article.passages.all(), date_start=dt.date(2025, 2, 26))
    assert "of 0" in stored_events_report({"articles": {}, "events": []})


def test_it_audits_the_stored_titles_with_the_sentence_before_each_source():
    article = make_article(sentences=["Sweden joined NATO on Thursday.", "It became the 32nd member."])
    second = article.passages.get(index=1)
    make_event("Norway becomes the 32nd member", passages=[second], date_start=dt.date(2024, 3, 7))
    report = stored_titles_report()
    assert report.startswith("titles: 1 faulty (cut off 0, pronoun/unnamed 1,"), report
    assert "Norway becomes the 32nd member | pronoun/unnamed" in report
