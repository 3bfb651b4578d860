from datetime import date

import pytest

from timeline.events.matching import (
    best_match,
    gazetteer_current,
    infer_published,
    near_duplicate_of,
    pending_profiles,
)
from timeline.extraction.pipeline import extract_article
from timeline.ingest.service import article_ingest
from timeline.models import Actor, ActorAlias, Event

pytestmark = pytest.mark.django_db

LAUNCH = """Iran fires ballistic missiles toward the Red Sea
12 March 2024

Iran fired two ballistic missiles toward the Red Sea on Tuesday from a launch site near Tabriz, the Pentagon said.
The missiles flew about 300 km before falling into the sea, officials in Tehran said."""


def test_it_finds_the_stored_event_a_happening_is():
    article_ingest(raw_text=LAUNCH)
    other = extract_article(
        "Tehran launched two ballistic missiles from a launch site near Tabriz toward the Red Sea on Tuesday.",
        published=date(2024, 3, 13),
    )
    (group,) = other.events
    assert best_match(group, other) == Event.objects.get()
    elsewhere = extract_article(
        "Iran fired a ballistic missile from Tabriz on 2 June 2024.", published=date(2024, 6, 3)
    )
    assert best_match(elsewhere.events[0], elsewhere) is None


def test_it_finds_a_near_duplicate_through_shared_sentences():
    first = article_ingest(raw_text=LAUNCH).article
    copy = article_ingest(raw_text=LAUNCH + "\n\nAnalysts expect further tests.").article
    assert copy.duplicate_of_id == first.pk
    assert near_duplicate_of(copy, list(copy.passages.all())) == first


def test_it_infers_a_date_from_the_events_an_undated_article_shares():
    article_ingest(raw_text=LAUNCH)
    undated = article_ingest(
        raw_text="Iran launched two ballistic missiles toward the Red Sea from a launch site near Tabriz, the Pentagon said."
        "\nOfficials said the missiles fell into the sea."
    ).article
    assert undated.published == date(2024, 3, 12) and undated.published_source == "inferred"
    # what it reports was kept at ingest: the date is inferred again from those facts, not from its text
    (happening,) = pending_profiles(undated)
    assert happening.event_type == "missile test" and "tabriz" in happening.keywords
    assert infer_published(undated, [happening]) == date(2024, 3, 12)
    assert infer_published(undated, []) is None


def test_it_dates_an_undated_article_stored_first_when_its_event_arrives():
    undated = article_ingest(
        raw_text="Iran launched two ballistic missiles toward the Red Sea from a launch site near Tabriz, the Pentagon said."
    ).article
    assert undated.published is None and undated.pending_happenings.count() == 1
    article_ingest(raw_text=LAUNCH)
    undated.refresh_from_db()
    assert undated.published == date(2024, 3, 12)


def test_it_rebuilds_the_gazetteer_when_aliases_change():
    before = gazetteer_current()
    actor = Actor.objects.create(name="Freedonia", slug="freedonia", kind="country")
    ActorAlias.objects.create(actor=actor, alias="Freedonian")
    after = gazetteer_current()
    assert after is not before
    assert [h.actor for h in after.find("Freedonian navy")] == ["Freedonia"]


def test_it_keeps_two_launches_of_one_kind_a_week_apart_as_two_events():
    for day, when in (("12 March 2024", "on Tuesday"), ("19 March 2024", "on Tuesday")):
        article_ingest(
            raw_text=f"North Korea fires missile\n{day}\n\nNorth Korea fired a ballistic missile into the sea off its "
            f"east coast {when}, South Korea's military said. The missile flew about 600 km before it fell."
        )
    events = Event.objects.filter(event_type="missile test").order_by("date_start")
    assert [str(e.date_start) for e in events] == ["2024-03-12", "2024-03-19"]


def test_it_stores_what_matching_needs_with_each_mention():
    article_ingest(raw_text=LAUNCH)
    mention = Event.objects.get().mentions.first()
    assert mention.date_basis and "Iran" in mention.actors and "tabriz" in mention.keywords


def test_it_reads_the_candidates_of_all_of_an_articles_happenings_at_once_as_one_by_one(tmp_path):
    from pathlib import Path

    from bench.reports import reports_write
    from timeline.events.matching import CandidatePool, candidates
    from timeline.ingest.readers import read_path

    files = reports_write(tmp_path, count=8, desk="North Wire")
    for path in files[:6]:
        (item,) = read_path(path)
        article_ingest(raw_text=item.raw_text, title=item.title, published=item.published, publisher=item.publisher)
    (item,) = read_path(Path(files[7]))
    ex = extract_article(item.raw_text, published=item.published, title=item.title)
    assert len(ex.events) > 2 and Event.objects.count() > 5
    pool = CandidatePool(ex.events)
    compared = 0
    for group in ex.events:
        one_by_one = candidates(group)
        assert [(e.id, p) for e, p in pool.for_group(group)] == [(e.id, p) for e, p in one_by_one]
        compared += len(one_by_one)
    assert compared > 0
    # an event the article adds is a candidate of its later happenings, with nothing said of it yet
    added = Event.objects.create(
        slug="added",
        title="Added",
        event_type=ex.events[0].event_type,
        date_start=ex.events[0].date.start,
        date_end=ex.events[0].date.end,
    )
    pool.add(added)
    assert [(e.id, p) for e, p in pool.for_group(ex.events[0])] == [(e.id, p) for e, p in candidates(ex.events[0])]


def test_an_undated_sentence_of_a_later_report_does_not_join_a_happening_months_before():
    article_ingest(raw_text=LAUNCH)
    opening = """Oil prices rise as shipping slows
{day}

Oil prices rose sharply on Monday as tankers avoided the Red Sea.
Traders in London bought futures on Monday.
Insurers raised premiums for ships on Monday.
Shipping firms rerouted vessels around Africa on Monday.
Iran had fired two ballistic missiles toward the Red Sea from a launch site near Tabriz, the Pentagon said."""
    later = extract_article(opening.format(day="1 September 2024"))
    (launch,) = [g for g in later.events if g.event_type == "missile test"]
    assert launch.date is None  # deep in the report, undated, not told in the simple past: no date basis
    assert best_match(launch, later) is None  # months later: context, not the March launch
    days_later = extract_article(opening.format(day="15 March 2024"))
    (launch,) = [g for g in days_later.events if g.event_type == "missile test"]
    assert best_match(launch, days_later) == Event.objects.get()
