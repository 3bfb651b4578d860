from __future__ import annotations

from datetime import date

import pytest

from tests.web_factories import make_actor, make_article, make_event, make_publisher, make_sample_timeline
from timeline.models import Event
from timeline.web import selectors
from timeline.web.selectors import TimelineFilters

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample():
    return make_sample_timeline()


def _titles(events):
    return [event.title for event in events]


def test_it_hides_rejected_and_merged_events(sample):
    launch = sample["events"]["launch"]
    Event.objects.filter(pk=sample["events"]["protest"].pk).update(status=Event.Status.REJECTED)
    Event.objects.filter(pk=sample["events"]["condemn"].pk).update(merged_into=launch)
    shown = _titles(selectors.events_for_timeline(filters=TimelineFilters()))
    assert "Japan protests the launch" not in shown
    assert "Ministers condemn the February launch" not in shown
    assert launch.title in shown
    assert len(shown) == 6


def test_it_orders_by_date_with_undated_events_last(sample):
    make_event(title="Undated rumour", start=None)
    events = list(selectors.events_for_timeline(filters=TimelineFilters()))
    assert events[0].title == "Trilateral security framework agreed"
    assert events[-1].title == "Undated rumour"


def test_it_filters_by_type_and_verified(sample):
    sanctions = selectors.events_for_timeline(filters=TimelineFilters(event_type="sanctions"))
    assert _titles(sanctions) == ["United States sanctions North Korean shipping firms", "New sanctions take effect"]
    verified = selectors.events_for_timeline(filters=TimelineFilters(event_type="sanctions", verified_only=True))
    assert _titles(verified) == ["United States sanctions North Korean shipping firms"]


def test_it_filters_by_actor_or_place_once_per_event(sample):
    japan = selectors.events_for_timeline(filters=TimelineFilters(actor="japan"))
    assert len(_titles(japan)) == len(set(_titles(japan))) == 4
    sea = selectors.events_for_timeline(filters=TimelineFilters(actor="sea-of-japan"))
    assert _titles(sea) == ["North Korea launches a ballistic missile into the Sea of Japan"]


def test_it_keeps_events_overlapping_the_period(sample):
    march = selectors.events_for_timeline(
        filters=TimelineFilters(date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    )
    assert _titles(march) == [
        "United States sanctions North Korean shipping firms",
        "Foreign ministers of Japan, South Korea and the US meet in Tokyo",
        "Ministers condemn the February launch",
    ]
    # the week of drills (1-7 Feb) overlaps a range starting on 5 Feb; the year 2024 does not
    feb = selectors.events_for_timeline(filters=TimelineFilters(date_from=date(2025, 2, 5), date_to=date(2025, 2, 6)))
    assert _titles(feb) == ["South Korea and the United States hold joint drills"]
    since_2024_end = selectors.events_for_timeline(filters=TimelineFilters(date_from=date(2024, 12, 31)))
    assert "Trilateral security framework agreed" in _titles(since_2024_end)


def test_it_searches_titles_summaries_and_passages_for_every_word(sample):
    by_passage = selectors.events_for_timeline(filters=TimelineFilters(text="PYONGYANG military"))
    assert _titles(by_passage) == ["North Korea launches a ballistic missile into the Sea of Japan"]
    by_title = selectors.events_for_timeline(filters=TimelineFilters(text="sanctions effect"))
    assert _titles(by_title) == ["New sanctions take effect"]
    assert not selectors.events_for_timeline(filters=TimelineFilters(text="sanctions Pyongyang")).exists()


def test_it_counts_distinct_publishers_and_sources(sample):
    listed = {e.title: e for e in selectors.events_for_list(events=selectors.public_events())}
    launch = listed["North Korea launches a ballistic missile into the Sea of Japan"]
    assert (launch.n_publishers, launch.n_sources) == (2, 2)
    drills = listed["South Korea and the United States hold joint drills"]
    assert (drills.n_publishers, drills.n_sources) == (1, 1)


def test_it_gives_the_chart_only_dated_events(sample):
    make_event(title="Undated rumour", start=None)
    chart = selectors.events_for_chart(events=selectors.public_events(), rows="actor")
    assert "Undated rumour" not in _titles(chart)


def test_it_offers_only_actors_of_public_events(sample):
    hidden = make_actor("Atlantis")
    make_event(title="Rejected claim", start=date(2025, 1, 1), actors=(hidden,), status=Event.Status.REJECTED)
    names = [actor.name for actor in selectors.actors_in_public_events()]
    assert "Atlantis" not in names
    assert names == sorted(names) and "Sea of Japan" in names and len(names) == len(set(names))


def test_it_follows_a_chain_of_merges(sample):
    a, b, c = (sample["events"][k] for k in ("protest", "condemn", "launch"))
    Event.objects.filter(pk=a.pk).update(merged_into=b)
    Event.objects.filter(pk=b.pk).update(merged_into=c)
    assert selectors.event_surviving_merge(event=Event.objects.get(pk=a.pk)) == c


def test_it_stops_on_a_merge_cycle(sample):
    a, b = sample["events"]["protest"], sample["events"]["condemn"]
    Event.objects.filter(pk=a.pk).update(merged_into=b)
    Event.objects.filter(pk=b.pk).update(merged_into=a)
    survivor = selectors.event_surviving_merge(event=Event.objects.get(pk=a.pk))
    assert survivor.merged_into_id is not None  # the caller sees there is no real survivor


def test_it_lists_sources_in_publication_order(sample):
    sources = selectors.event_sources(event=sample["events"]["launch"])
    assert [m.passage.article.published for m in sources] == [date(2025, 2, 27), date(2025, 2, 28)]


def test_it_marks_which_passages_back_public_events():
    pub = make_publisher("Gazette")
    article = make_article(title="T", publisher=pub, published=date(2025, 1, 2), sentences=["One.", "Two.", "Three."])
    p0, p1, _ = article.passages.order_by("index")
    shown = make_event(title="Shown", start=date(2025, 1, 1), passages=(p0,))
    make_event(title="Hidden", start=date(2025, 1, 1), passages=(p1,), status=Event.Status.REJECTED)
    passages = selectors.article_passages(article=article)
    assert [[e.pk for e in p.public_events] for p in passages] == [[shown.pk], [], []]


def test_it_finds_no_event_for_a_string_that_cannot_be_a_slug(sample):
    slug = next(iter(sample["events"].values())).slug
    assert selectors.event_by_slug(slug=slug).slug == slug
    for bad in (slug + "\x00", "\x00", "a b", "../x"):
        with pytest.raises(Event.DoesNotExist):
            selectors.event_by_slug(slug=bad)
