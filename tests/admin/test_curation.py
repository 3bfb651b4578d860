"""The curation admin as a curator uses it: pages render, edits lock, actions merge, split, verify and reject."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse

from tests.admin_forms import change_form_data
from tests.curation_data import make_actor, make_article, make_curator, make_event
from timeline.events import curation
from timeline.models import Actor, ActorAlias, Article, Event, Mention, Passage, Publisher

pytestmark = pytest.mark.django_db

WED = dt.date(2025, 2, 26)


@pytest.fixture
def curator_client(client):
    client.force_login(make_curator())
    return client


@pytest.fixture
def story():
    """Two reports of one launch, from two publishers, with a dropped boilerplate line and a near-duplicate."""
    nk, sk = make_actor("North Korea", "DPRK"), make_actor("South Korea", "Seoul")
    a = make_article(
        sentences=["DPRK fired a missile on Wednesday.", "Seoul condemned the launch."],
        publisher="Wire One",
        published=dt.date(2025, 2, 28),
        title="Missile fired",
    )
    a.dropped = [{"line": "Listen to this article", "reason": "boilerplate"}]
    a.save()
    b = make_article(sentences=["North Korea launched a missile into the sea."], publisher="Wire Two")
    copy = make_article(sentences=["North Korea launched a missile into the sea!"], publisher="Wire Two")
    copy.duplicate_of = b
    copy.save()
    first = make_event(
        "Missile launch", passages=a.passages.all(), date_start=WED, date_text="on Wednesday", actors=[nk]
    )
    second = make_event("North Korea launches missile", passages=b.passages.all(), date_start=WED, actors=[nk, sk])
    return {"first": first, "second": second, "article": a, "undated": b}


def _change(model, pk: int) -> str:
    return reverse(f"admin:timeline_{model._meta.model_name}_change", args=[pk])


def test_it_renders_every_changelist_and_change_page_for_a_curator(curator_client, story):
    objects = [
        Publisher.objects.first(),
        story["article"],
        Passage.objects.first(),
        story["first"],
        Mention.objects.first(),
        Actor.objects.first(),
        ActorAlias.objects.first(),
    ]
    for obj in objects:
        changelist = reverse(f"admin:timeline_{obj._meta.model_name}_changelist")
        assert curator_client.get(changelist).status_code == 200, changelist
        assert curator_client.get(_change(type(obj), obj.pk)).status_code == 200, obj
    history = reverse("admin:timeline_event_history", args=[story["first"].pk])
    assert curator_client.get(history).status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "status__exact=new",
        "event_type__exact=missile+test",
        "publishers=2",
        "publishers=3%2B",
        "locked=yes",
        "merged=no",
        "date_disputed__exact=1",
        "q=DPRK",
        "date_start__year=2025",
    ],
)
def test_it_filters_and_searches_events(curator_client, story, query):
    response = curator_client.get(reverse("admin:timeline_event_changelist") + "?" + query)
    assert response.status_code == 200  # an unknown filter would redirect to ?e=1


def test_it_filters_events_by_publisher_count_locks_and_merges(curator_client, story):
    first, second = story["first"], story["second"]
    url = reverse("admin:timeline_event_changelist")

    def listed(**query: str) -> set[int]:
        return {e.pk for e in curator_client.get(url, query).context["cl"].queryset}

    assert listed(publishers="1") == {first.pk, second.pk}
    assert listed(publishers="2") == set()
    curation.event_lock_fields(event=second, fields=["title"])
    assert listed(locked="yes") == {second.pk}
    assert listed(locked="no") == {first.pk}
    curation.events_merge(events=[first, second], into=first)
    assert listed(merged="yes") == {second.pk}
    assert listed(merged="no") == {first.pk}
    assert listed(publishers="2") == {first.pk}


def test_it_filters_events_by_publisher_and_actor(curator_client, story):
    url = reverse("admin:timeline_event_changelist")
    wire_two = Publisher.objects.get(name="Wire Two")
    response = curator_client.get(url, {"publisher": wire_two.pk})
    assert list(response.context["cl"].queryset) == [story["second"]]
    south = Actor.objects.get(name="South Korea")
    response = curator_client.get(url, {"actors__id__exact": south.pk})
    assert list(response.context["cl"].queryset) == [story["second"]]


def test_it_filters_articles_without_a_date_and_near_duplicates(curator_client, story):
    url = reverse("admin:timeline_article_changelist")
    undated = {a.pk for a in curator_client.get(url, {"dated": "no"}).context["cl"].queryset}
    assert story["article"].pk not in undated and story["undated"].pk in undated
    pairs = {a.pk for a in curator_client.get(url, {"dup": "any"}).context["cl"].queryset}
    assert story["undated"].pk in pairs and len(pairs) == 2
    originals = list(curator_client.get(url, {"dup": "original"}).context["cl"].queryset)
    assert originals == [story["undated"]]


def test_it_counts_mentions_passages_events_and_articles_in_the_lists(curator_client, story):
    def rows(model: str, **query) -> dict:
        response = curator_client.get(reverse(f"admin:timeline_{model}_changelist"), query)
        return {obj.pk: obj for obj in response.context["cl"].result_list}

    assert rows("event")[story["first"].pk].n_mentions == 2
    article = rows("article")[story["article"].pk]
    assert (article.n_passages, article.n_events) == (2, 1)
    assert rows("publisher")[story["article"].publisher_id].n_articles == 1
    # the gazetteer holds more actors than a page shows: the curator searches
    assert rows("actor", q="South Korea")[Actor.objects.get(name="South Korea").pk].n_events == 1


def test_it_shows_an_article_s_passages_events_and_dropped_lines(curator_client, story):
    page = curator_client.get(_change(Article, story["article"].pk)).content.decode()
    assert "Seoul condemned the launch." in page
    assert "Listen to this article" in page and "boilerplate" in page
    assert _change(Event, story["first"].pk) in page


def test_it_recounts_publishers_when_a_curator_fixes_an_article_s_publisher(curator_client, story):
    both = [story["article"].passages.first(), story["undated"].passages.first()]
    event = make_event("Launch reported twice", passages=both, date_start=WED)
    assert event.publisher_count == 2
    url = _change(Article, story["undated"].pk)
    data = change_form_data(curator_client.get(url))
    data["publisher"] = str(Publisher.objects.get(name="Wire One").pk)
    assert curator_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.publisher_count == 1
    latest = event.history.order_by("-history_id").first()
    assert latest.history_user.username == "cora" and "publisher" in latest.history_change_reason


def test_it_notes_an_article_without_a_date(curator_client, story):
    page = curator_client.get(_change(Article, story["undated"].pk)).content.decode()
    assert "has no publication date" in page
    assert "has no publication date" not in curator_client.get(_change(Article, story["article"].pk)).content.decode()


def test_it_shows_an_event_s_mentions_with_their_date_expression(curator_client, story):
    page = curator_client.get(_change(Event, story["first"].pk)).content.decode()
    assert "DPRK fired a missile on Wednesday." in page
    assert "on Wednesday" in page and "weekday-before-anchor" in page
    assert reverse("admin:timeline_mention_split", args=[story["first"].mentions.first().pk]) in page


def test_it_locks_the_fields_a_curator_edits(curator_client, story):
    event = story["first"]
    url = _change(Event, event.pk)
    data = change_form_data(curator_client.get(url))
    data["title"] = "North Korea fires a ballistic missile"
    data["date_start"] = data["date_end"] = "2025-02-25"
    data["actors"] = [str(a.pk) for a in Actor.objects.filter(name__in=["North Korea", "South Korea"])]
    response = curator_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors

    event.refresh_from_db()
    assert event.title == "North Korea fires a ballistic missile"
    assert event.locked_fields == ["title", "date_start", "date_end", "actors"]
    assert event.actors.count() == 2


def test_it_saves_without_locking_when_nothing_lockable_changed(curator_client, story):
    event = story["first"]
    url = _change(Event, event.pk)
    data = change_form_data(curator_client.get(url))
    data["status"] = "verified"
    assert curator_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.status == "verified"
    assert event.locked_fields == []


def test_it_unlocks_a_field_the_curator_unticks(curator_client, story):
    event = story["first"]
    event.locked_fields = ["title", "summary"]
    event.save()
    url = _change(Event, event.pk)
    data = change_form_data(curator_client.get(url))
    assert data["locked_fields"] == ["title", "summary"]
    data["locked_fields"] = ["summary"]
    assert curator_client.post(url, data).status_code == 302
    event.refresh_from_db()
    assert event.locked_fields == ["summary"]


def test_it_records_who_changed_what_in_the_history_view(curator_client, story):
    event = story["first"]
    url = _change(Event, event.pk)
    data = change_form_data(curator_client.get(url))
    data["summary"] = "A short-range launch into the sea."
    curator_client.post(url, data)
    record = event.history.order_by("-history_id").first()
    assert record.history_user.username == "cora"
    assert "summary" in record.history_change_reason
    page = curator_client.get(reverse("admin:timeline_event_history", args=[event.pk])).content.decode()
    assert "cora" in page and "A short-range launch into the sea." in page


def _action(client, action: str, events, **extra):
    data = {"action": action, "_selected_action": [str(e.pk) for e in events], **extra}
    return client.post(reverse("admin:timeline_event_changelist"), data)


def test_it_verifies_and_rejects_in_bulk(curator_client, story):
    first, second = story["first"], story["second"]
    assert _action(curator_client, "verify", [first, second]).status_code == 302
    assert set(Event.objects.values_list("status", flat=True)) == {"verified"}
    _action(curator_client, "reject", [second])
    second.refresh_from_db()
    assert second.status == "rejected"
    assert Event.objects.filter(pk=second.pk).exists()  # kept for the record
    assert curator_client.get(f"/events/{second.slug}/").status_code == 404  # hidden from the public
    assert second.history.order_by("-history_id").first().history_user.username == "cora"


def test_it_merges_through_a_confirmation_page_and_redirects_the_old_permalink(curator_client, story):
    first, second = story["first"], story["second"]
    confirm = _action(curator_client, "merge_events", [first, second])
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert 'name="survivor"' in page and "csrfmiddlewaretoken" in page
    assert confirm.context["default_survivor"] == first  # the earliest created

    done = _action(curator_client, "merge_events", [first, second], post="yes", survivor=str(second.pk))
    assert done.status_code == 302 and done.url == _change(Event, second.pk)
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.merged_into == second and first.status == "rejected"
    assert second.mentions.count() == 3
    assert second.publisher_count == 2

    old = curator_client.get(f"/events/{first.slug}/")
    assert old.status_code == 301
    assert old["Location"] == second.get_absolute_url()


def test_it_asks_for_two_events_to_merge(curator_client, story):
    response = _action(curator_client, "merge_events", [story["first"]])
    assert response.status_code == 302
    assert Event.objects.filter(merged_into__isnull=False).count() == 0


def test_it_splits_a_mention_from_the_event_page(curator_client, story):
    event = story["first"]
    mention = event.mentions.get(passage__text__startswith="Seoul")
    url = reverse("admin:timeline_mention_split", args=[mention.pk])
    confirm = curator_client.get(url)
    assert confirm.status_code == 200 and "Seoul condemned the launch." in confirm.content.decode()
    assert Event.objects.count() == 2  # a GET changes nothing

    response = curator_client.post(url)
    mention.refresh_from_db()
    assert mention.event_id != event.pk
    assert response.status_code == 302 and response.url == _change(Event, mention.event_id)
    assert event.mentions.count() == 1


def test_it_splits_mentions_with_the_bulk_action(curator_client, story):
    mention = story["first"].mentions.get(passage__text__startswith="Seoul")
    lonely = story["second"].mentions.get()
    data = {"action": "split_mentions", "_selected_action": [str(mention.pk), str(lonely.pk)]}
    assert curator_client.post(reverse("admin:timeline_mention_changelist"), data).status_code == 302
    mention.refresh_from_db()
    lonely.refresh_from_db()
    assert mention.event_id not in (story["first"].pk, story["second"].pk)
    assert lonely.event_id == story["second"].pk  # an event's only mention stays


def test_it_unlocks_all_fields_with_the_bulk_action(curator_client, story):
    event = story["first"]
    event.locked_fields = ["title", "actors"]
    event.save()
    _action(curator_client, "unlock_all", [event])
    event.refresh_from_db()
    assert event.locked_fields == []


def test_it_adds_an_alias_to_an_actor_inline(curator_client, story):
    actor = make_actor("Freedonia", "Freedonian Republic")
    url = _change(Actor, actor.pk)
    data = change_form_data(curator_client.get(url))
    extra = int(data["aliases-INITIAL_FORMS"])  # the inline's blank row follows the saved ones
    data[f"aliases-{extra}-alias"] = "Fredonia"
    data[f"aliases-{extra}-actor"] = str(actor.pk)
    response = curator_client.post(url, data)
    assert response.status_code == 302
    assert sorted(actor.aliases.values_list("alias", flat=True)) == ["Fredonia", "Freedonian Republic"]


def test_it_warns_before_merging_events_far_apart_and_needs_a_tick_to_go_on(curator_client, story):
    first, second = story["first"], story["second"]
    Event.objects.filter(pk=second.pk).update(date_start=WED + dt.timedelta(days=400), event_type="statement")
    confirm = _action(curator_client, "merge_events", [first, second])
    page = confirm.content.decode()
    assert "Check before merging" in page and "400 days apart" in page and "different types" in page
    refused = _action(curator_client, "merge_events", [first, second], post="yes", survivor=str(first.pk))
    assert refused.status_code == 200 and Event.objects.filter(merged_into__isnull=False).count() == 0
    done = _action(
        curator_client, "merge_events", [first, second], post="yes", survivor=str(first.pk), confirm_warnings="yes"
    )
    assert done.status_code == 302 and Event.objects.get(pk=second.pk).merged_into_id == first.pk


def test_it_unmerges_from_the_list_of_merged_away_events(curator_client, story):
    first, second = story["first"], story["second"]
    curation.events_merge(events=[first, second], into=first)
    url = reverse("admin:timeline_event_changelist")
    assert [e.pk for e in curator_client.get(url).context["cl"].queryset] == [first.pk]  # merged-away hidden
    data = {"action": "unmerge_events", "_selected_action": [str(second.pk)]}
    assert curator_client.post(url + "?merged=yes", data).status_code == 302
    second.refresh_from_db()
    assert second.merged_into_id is None and second.mentions.count() == 1
    assert curator_client.get(f"/events/{second.slug}/").status_code == 200


def test_it_shows_and_reads_dates_as_iso_in_the_admin(curator_client, story):
    page = curator_client.get(_change(Event, story["first"].pk)).content.decode()
    assert 'value="2025-02-26"' in page


def test_it_locks_the_login_after_repeated_failures(client, settings):
    cache.clear()
    settings.LOGIN_FAILURES_ALLOWED = 3
    make_curator("locked-out", password="right-password-123")
    url = reverse("admin:login")
    for _ in range(3):
        assert client.post(url, {"username": "locked-out", "password": "wrong"}).status_code == 200
    refused = client.post(url, {"username": "locked-out", "password": "right-password-123"})
    assert refused.status_code == 429 and "Too many failed sign-ins" in refused.content.decode()
    cache.clear()
