import json
from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.ingest.readers import ReadError
from timeline.ingest.service import article_ingest, article_reextract, file_ingest, gazetteer_current
from timeline.models import Actor, ActorAlias, Article, Event, Mention

pytestmark = pytest.mark.django_db

LAUNCH_A = """Iran fires ballistic missiles toward the Red Sea
12 March 2024

Iran fired two ballistic missiles toward the Red Sea on Tuesday from a launch site near Tabriz, the Pentagon said.
The missiles flew about 300 km before falling into the sea, officials in Tehran said."""

LAUNCH_B = """Tehran launches missiles, Pentagon says
13 March 2024

The Pentagon said Iran launched two ballistic missiles from a launch site near Tabriz on Tuesday toward the Red Sea.
Officials said the missiles fell into the sea after flying about 300 km."""


def test_it_stores_an_article_with_passages_mentions_and_an_event():
    result = article_ingest(raw_text=LAUNCH_A, publisher="Gazette", source_name="a.txt")
    assert result.created and result.passages == 2 and result.events_new == 1
    article = result.article
    assert article.published == date(2024, 3, 12) and article.published_source == Article.DateSource.HEADER
    assert article.title == "Iran fires ballistic missiles toward the Red Sea"
    (event,) = Event.objects.all()
    assert event.event_type == "missile test" and event.date_start == date(2024, 3, 12)
    assert event.slug == "2024-03-12-iran-missile-test"
    assert {a.name for a in event.actors.all()} >= {"Iran", "United States"}
    assert {p.name for p in event.places.all()} == {"Red Sea"}
    assert event.publisher_count == 1
    assert Mention.objects.filter(event=event).count() == 2


def test_it_is_idempotent():
    first = article_ingest(raw_text=LAUNCH_A)
    again = article_ingest(raw_text=LAUNCH_A + "\n\n")
    assert not again.created and again.article.pk == first.article.pk
    assert Article.objects.count() == 1 and Event.objects.count() == 1


def test_it_joins_reports_of_one_happening_from_two_publishers():
    article_ingest(raw_text=LAUNCH_A, publisher="Gazette")
    second = article_ingest(raw_text=LAUNCH_B, publisher="Courier")
    assert second.events_new == 0 and second.events_updated == 1
    (event,) = Event.objects.all()
    assert event.publisher_count == 2
    assert event.mentions.values("passage__article").distinct().count() == 2
    assert not event.date_disputed


def test_it_keeps_the_best_supported_date_and_marks_disagreement():
    article_ingest(raw_text=LAUNCH_A, publisher="Gazette")
    article_ingest(raw_text=LAUNCH_B, publisher="Courier")
    third = LAUNCH_B.replace("13 March 2024", "14 March 2024").replace("Tehran launches", "Iran fires")
    article_ingest(raw_text=third.replace("on Tuesday", "on Monday"), publisher="Herald")  # 11 March
    (event,) = Event.objects.all()
    assert event.date_start == date(2024, 3, 12) and event.date_disputed
    assert event.publisher_count == 3


def test_it_keeps_different_happenings_apart():
    article_ingest(raw_text=LAUNCH_A)
    article_ingest(
        raw_text="Poland sends troops\n20 June 2024\n\nPoland sent 2,000 troops to its eastern border on Wednesday."
    )
    assert sorted(Event.objects.values_list("event_type", flat=True)) == ["missile test", "troop deployment"]


def test_it_links_a_near_duplicate_and_dates_an_undated_copy_from_it():
    undated = LAUNCH_A.replace("12 March 2024\n", "") + "\nAnalysts in Tehran expect further tests."
    first = article_ingest(raw_text=undated, publisher="Copy Site")
    assert first.article.published is None and Event.objects.count() == 0
    second = article_ingest(raw_text=LAUNCH_A, publisher="Gazette")
    second.article.refresh_from_db()
    first.article.refresh_from_db()
    assert second.article.duplicate_of_id == first.article.pk
    assert first.article.published == date(2024, 3, 12)
    assert first.article.published_source == Article.DateSource.INFERRED
    (event,) = Event.objects.all()
    assert event.mentions.values("passage__article").distinct().count() == 2
    assert event.publisher_count == 2


def test_it_infers_an_undated_articles_date_from_an_event_it_shares():
    undated = (
        "Iran launched two ballistic missiles toward the Red Sea from a launch site near Tabriz, the Pentagon said.\n"
        "Earlier on Monday, Israel warned Iran that it would answer any further launch."
    )
    first = article_ingest(raw_text=undated)
    assert first.article.published is None
    article_ingest(raw_text=LAUNCH_A)
    first.article.refresh_from_db()
    assert first.article.published == date(2024, 3, 12)
    warning = Event.objects.get(event_type="statement")
    assert warning.date_start == date(2024, 3, 11)  # "earlier on Monday" read against the inferred date


def test_it_moves_an_event_when_the_article_date_is_corrected_and_keeps_its_permalink():
    result = article_ingest(raw_text=LAUNCH_A)
    event = Event.objects.get()
    article = result.article
    article.published = date(2023, 9, 14)
    article.save()
    article_reextract(article)
    event.refresh_from_db()
    assert Event.objects.count() == 1
    assert event.date_start == date(2023, 9, 12)  # the Tuesday before the corrected date
    assert event.slug == "2024-03-12-iran-missile-test"


def test_it_never_writes_a_locked_field():
    result = article_ingest(raw_text=LAUNCH_A)
    event = Event.objects.get()
    event.locked_fields = ["date_start", "date_end", "title"]
    event.title = "Curated title"
    event.save()
    article = result.article
    article.published = date(2023, 9, 14)
    article.save()
    article_reextract(article)
    event.refresh_from_db()
    assert event.title == "Curated title" and event.date_start == date(2024, 3, 12)


def test_it_attaches_nothing_to_a_rejected_event():
    article_ingest(raw_text=LAUNCH_A, publisher="Gazette")
    event = Event.objects.get()
    event.status = Event.Status.REJECTED
    event.save()
    article_ingest(raw_text=LAUNCH_B, publisher="Courier")
    assert Event.objects.count() == 1
    assert event.mentions.values("passage__article").distinct().count() == 1


def test_it_stores_markup_as_text():
    result = article_ingest(
        raw_text="Iran fired a missile on 3 May 2024. <script>alert(1)</script> It fell into the sea."
    )
    assert "<script>alert(1)</script>" in result.article.text


def test_it_refuses_text_that_cleaning_empties():
    with pytest.raises(ValueError):
        article_ingest(raw_text="Comments\nListen to this article")


def test_it_reads_aliases_from_the_database():
    assert ActorAlias.objects.filter(alias="DPRK").exists()  # seeded by the data migration
    actor = Actor.objects.create(name="Freedonia", slug="freedonia", kind="country")
    ActorAlias.objects.create(actor=actor, alias="Freedonian")
    assert [h.actor for h in gazetteer_current().find("Freedonian troops")] == ["Freedonia"]


def test_it_redirects_an_event_whose_passages_moved_to_another_on_reextraction():
    undated = (
        "Iran launched two ballistic missiles toward the Red Sea from a launch site near Tabriz, the Pentagon said.\n"
        "The missiles flew about 300 km, officials in Tehran said."
    )
    first = article_ingest(raw_text=undated, published=date(2024, 3, 20))  # a wrong date: a launch that day
    stale = Event.objects.get()
    article_ingest(raw_text=LAUNCH_A)
    article = first.article
    article.published = date(2024, 3, 12)
    article.save()
    article_reextract(article)
    stale.refresh_from_db()
    live = Event.objects.get(merged_into__isnull=True)
    assert stale.merged_into_id == live.pk and live.date_start == date(2024, 3, 12)
    assert live.mentions.values("passage__article").distinct().count() == 2


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_it_ingests_any_text_without_crashing_and_keeps_offsets_inside(text):
    try:
        result = article_ingest(raw_text=text)
    except ValueError:
        return  # nothing left after cleaning: refused with a reason
    article = result.article
    for p in article.passages.all():
        assert 0 <= p.start <= p.end <= len(article.text)
        assert article.text[p.start : p.end] == p.text


def test_it_keeps_another_sites_copy_of_the_same_text_as_its_own_linked_article():
    first = article_ingest(raw_text=LAUNCH_A, publisher="Gazette")
    copy = article_ingest(raw_text=LAUNCH_A, publisher="Reprint Weekly")
    again = article_ingest(raw_text=LAUNCH_A, publisher="Reprint Weekly")
    assert copy.created and copy.article.pk != first.article.pk
    assert copy.article.duplicate_of_id == first.article.pk
    assert not again.created and again.article.pk == copy.article.pk
    assert article_ingest(raw_text=LAUNCH_A).article.pk == first.article.pk  # no publisher: the same text again


def test_it_refuses_an_article_longer_than_the_limit_before_reading_it(settings):
    settings.INGEST_MAX_CHARS = 1000
    with pytest.raises(ValueError, match=r"too long: 1200 characters \(the limit is 1000"):
        article_ingest(raw_text=("Iran fired a missile on 3 May 2024. " * 40)[:1200])
    assert not Article.objects.exists()


def test_it_refuses_a_publication_date_outside_the_years_it_can_place():
    for day in (date(1, 1, 1), date(9999, 12, 31)):
        with pytest.raises(ValueError, match="outside the years 1900-2100"):
            article_ingest(raw_text=LAUNCH_A, published=day)
    assert not Article.objects.exists()


def test_it_finds_a_stored_text_before_reading_it(monkeypatch):
    first = article_ingest(raw_text=LAUNCH_A, publisher="Gazette")

    def no_reading(*args, **kwargs):
        raise AssertionError("a stored text is not read again")

    monkeypatch.setattr("timeline.ingest.service.pipeline_extract", no_reading)
    again = article_ingest(raw_text="  " + LAUNCH_A.replace("\n", "\r\n") + "\n", publisher="Gazette")
    assert not again.created and again.article.pk == first.article.pk


def test_it_stores_each_record_of_a_file_in_its_own_savepoint(tmp_path):
    f = tmp_path / "wire.jsonl"
    records = [
        {"text": LAUNCH_A, "publisher": "Gazette"},
        {"text": "Comments\nListen to this article"},
        {"text": LAUNCH_B, "publisher": "Courier", "published": "2024-03-13"},
    ]
    f.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    done = file_ingest(path=f, max_bytes=10_000)
    assert [r.created for r in done.results] == [True, True]
    assert done.skipped == ["line 2: nothing left after cleaning"]
    assert Article.objects.count() == 2


def test_it_names_the_record_whose_storing_failed_and_stores_the_others(tmp_path, monkeypatch):
    from timeline.ingest import service

    real = service.near_duplicate_of

    def failing(article, passages, *among):
        if "Pentagon says" in article.title:
            raise OverflowError("date value out of range")
        return real(article, passages, *among)

    monkeypatch.setattr(service, "near_duplicate_of", failing)
    f = tmp_path / "list.json"
    f.write_text(json.dumps([{"text": LAUNCH_A}, {"text": LAUNCH_B}, {"text": LAUNCH_A, "publisher": "X"}]))
    done = file_ingest(path=f, max_bytes=10_000)
    assert done.skipped == ["record 2: could not be stored (OverflowError: date value out of range)"]
    assert len(done.results) == 2 and not Article.objects.filter(title__contains="Pentagon says").exists()


def test_it_refuses_a_one_article_file_with_the_reason(tmp_path):
    f = tmp_path / "furniture.txt"
    f.write_text("Comments\nListen to this article\n", encoding="utf-8")
    with pytest.raises(ReadError, match="nothing left after cleaning"):
        file_ingest(path=f, max_bytes=10_000)


ACCUSED_THIS_WEEK = """Serbia accuses Kosovo over border clash
15 March 2024

Earlier this week Serbia accused Kosovo of provoking the border clash near the village of Jarinje, the foreign ministry said.
"""
ACCUSED_ON_WEDNESDAY = """Belgrade blames Pristina for Jarinje clash
14 March 2024

On Wednesday Serbia accused Kosovo of provoking the border clash near the village of Jarinje.
"""


@pytest.mark.parametrize(
    "first,second", [(ACCUSED_THIS_WEEK, ACCUSED_ON_WEDNESDAY), (ACCUSED_ON_WEDNESDAY, ACCUSED_THIS_WEEK)]
)
def test_it_joins_a_statement_dated_by_its_week_and_one_dated_to_a_day_of_that_week(first, second):
    article_ingest(raw_text=first, publisher="Gazette")
    article_ingest(raw_text=second, publisher="Courier")
    (event,) = Event.objects.all()
    assert event.publisher_count == 2 and event.date_start == date(2024, 3, 13)


def test_an_hour_of_the_evening_before_a_morning_report_dates_its_happening_and_rereading_agrees():
    text = (
        "Navy ship sinks\n\nA South Korean navy corvette sank in the Yellow Sea near Baengnyeong Island after an "
        "explosion tore through its stern at about 9:22 p.m., the Joint Chiefs of Staff said."
    )
    morning = datetime(2010, 3, 27, 8, 15, tzinfo=timezone(timedelta(hours=9)))
    result = article_ingest(raw_text=text, published=date(2010, 3, 27), published_at=morning)
    event = Event.objects.get()
    assert event.date_start == date(2010, 3, 26)
    assert result.article.published_offset == 9 * 60
    article_reextract(Article.objects.get(pk=result.article.pk))
    event.refresh_from_db()
    assert Event.objects.count() == 1 and event.date_start == date(2010, 3, 26)
