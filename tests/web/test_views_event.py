from __future__ import annotations

import re
from datetime import date

import pytest

from tests.web_factories import make_article, make_event, make_publisher, make_sample_timeline
from timeline.models import Event

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def sample():
    return make_sample_timeline()


@pytest.fixture
def launch(sample) -> Event:
    return sample["events"]["launch"]


def _meta(html: str, prop: str) -> str:
    match = re.search(rf'<meta property="{prop}" content="([^"]*)">', html)
    assert match, f"{prop} missing"
    return match.group(1)


def test_it_shows_the_event_with_every_source_passage(client, launch):
    response = client.get(launch.get_absolute_url())
    assert response.status_code == 200
    html = response.text
    assert "<h1" in html and launch.title in html
    assert "26 Feb 2025" in html and "missile test" in html and "verified" in html
    assert "North Korea" in html and "Sea of Japan" in html
    assert "2 publishers, 2 passages" in html
    assert html.count("<blockquote") == 2
    assert "Wire Service" in html and "Daily Ledger" in html and "27 Feb 2025" in html
    assert "“on Wednesday”" in html and "weekday-before-anchor" not in html and "rule:" not in html
    for mention in launch.mentions.select_related("passage__article"):
        assert f'href="/articles/{mention.passage.article_id}/#passage-{mention.passage.index}"' in html


def test_it_gives_open_graph_description_and_canonical_tags(client, launch):
    html = client.get(launch.get_absolute_url()).text
    url = f"http://testserver{launch.get_absolute_url()}"
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:title") == launch.title
    assert _meta(html, "og:url") == url
    assert _meta(html, "og:description").startswith("26 Feb 2025: A ballistic missile")
    assert f'<link rel="canonical" href="{url}">' in html
    assert re.search(r'<meta name="description" content="26 Feb 2025: [^"]+">', html)


def test_it_states_the_precision_of_a_ranged_date(client, sample):
    html = client.get(sample["events"]["drills"].get_absolute_url()).text
    assert "week of 1 Feb 2025" in html and "known to the week: 1 Feb 2025 – 7 Feb 2025" in html


def test_it_lists_the_dates_the_sources_give_when_they_disagree(client, launch):
    mention = launch.mentions.first()
    mention.date_start = mention.date_end = date(2025, 2, 25)
    mention.save()
    Event.objects.filter(pk=launch.pk).update(date_disputed=True)
    html = client.get(launch.get_absolute_url()).text
    assert "Sources disagree on the date" in html
    assert re.search(r"They give: (25 Feb 2025; 26 Feb 2025|26 Feb 2025; 25 Feb 2025)\.", html)


def test_it_returns_the_panel_fragment_to_htmx(client, launch):
    response = client.get(launch.get_absolute_url(), **HTMX)
    assert "<html" not in response.text and "<h2" in response.text and launch.title in response.text
    assert "Copy link" in response.text and f'value="http://testserver{launch.get_absolute_url()}"' in response.text
    assert "HX-Push-Url" not in response  # the address stays on the timeline, with the event in it


def test_it_redirects_a_merged_event_permanently_to_the_survivor(client, sample):
    a, b, survivor = (sample["events"][k] for k in ("protest", "condemn", "launch"))
    Event.objects.filter(pk=a.pk).update(merged_into=b)
    Event.objects.filter(pk=b.pk).update(merged_into=survivor)
    response = client.get(a.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == survivor.get_absolute_url()


def test_it_answers_404_for_rejected_unknown_or_merged_into_rejected(client, sample):
    rejected, merged = sample["events"]["protest"], sample["events"]["condemn"]
    Event.objects.filter(pk=rejected.pk).update(status=Event.Status.REJECTED)
    Event.objects.filter(pk=merged.pk).update(merged_into=rejected)
    assert client.get(rejected.get_absolute_url()).status_code == 404
    assert client.get(merged.get_absolute_url()).status_code == 404
    assert client.get("/events/no-such-event/").status_code == 404


def test_it_shows_a_public_change_log_without_user_names(client, launch, django_user_model):
    curator = django_user_model.objects.create_user(username="curator-jane", password="x")
    launch = Event.objects.get(pk=launch.pk)
    launch.status = Event.Status.VERIFIED
    launch.title = "North Korea fires a ballistic missile"
    launch._history_user = curator
    launch.save()
    html = client.get(launch.get_absolute_url()).text
    assert "Changes" in html and "first recorded" in html and "Headline revised" in html
    assert "curator-jane" not in html


def test_it_escapes_titles_and_passages(client):
    pub = make_publisher("<i>Evil</i> Press")
    article = make_article(title="<script>alert(1)</script>", publisher=pub, sentences=["<script>alert(2)</script>"])
    event = make_event(title="<script>alert(3)</script>", start=date(2025, 1, 1), passages=(article.passages.get(),))
    html = client.get(event.get_absolute_url()).text
    assert "<script>alert" not in html and "<i>Evil</i>" not in html
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in html and "&lt;script&gt;alert(2)&lt;/script&gt;" in html


def test_it_reads_a_bounded_number_of_queries(client, launch, django_assert_max_num_queries):
    with django_assert_max_num_queries(7):
        client.get(launch.get_absolute_url())


def test_it_answers_only_get(client, launch):
    assert client.post(launch.get_absolute_url()).status_code == 405


def test_it_marks_the_clause_that_tells_the_event_in_a_two_happening_sentence(client):
    from timeline.ingest.service import article_ingest

    article_ingest(
        raw_text="Rebels take the capital\nPublished 9 June 2024\n\nRebels stormed the presidential palace in the "
        "capital of Ruritania on Saturday; the president fled the country on Sunday.\n",
        publisher="Gazette",
    )
    fled = Event.objects.get(date_start=date(2024, 6, 9))
    html = client.get(fled.get_absolute_url()).text
    assert '<mark class="clause">the president fled the country on Sunday.</mark>' in html
    assert '<span class="context">Rebels stormed the presidential palace' in html
