from __future__ import annotations

from datetime import date

import pytest

from tests.web_factories import make_article, make_event, make_publisher, make_sample_timeline
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db


def test_it_shows_the_article_with_each_passage_at_its_anchor(client):
    sample = make_sample_timeline()
    article = sample["articles"][0]
    html = client.get(article.get_absolute_url()).text
    assert "North Korea fires missile into the sea" in html and "Wire Service" in html
    assert "28 February 2025" in html and "given with the article" in html
    for index in range(4):
        assert f'id="passage-{index}"' in html
    launch = sample["events"]["launch"]
    assert f'href="{launch.get_absolute_url()}"' in html


def test_it_links_only_public_events_from_passages(client):
    article = make_article(title="T", sentences=["One thing happened.", "Another thing happened."])
    p0, p1 = article.passages.order_by("index")
    shown = make_event(title="Shown event", start=date(2025, 1, 1), passages=(p0,))
    hidden = make_event(title="Hidden event", start=date(2025, 1, 1), passages=(p1,), status=Event.Status.REJECTED)
    html = client.get(article.get_absolute_url()).text
    assert shown.get_absolute_url() in html and hidden.get_absolute_url() not in html


def test_it_links_the_duplicate_both_ways(client):
    original = make_article(title="Original report", sentences=["Same words."])
    copy = make_article(title="Syndicated copy", sentences=["Same words, again."])
    Article.objects.filter(pk=copy.pk).update(duplicate_of=original)
    assert f'href="{original.get_absolute_url()}"' in client.get(copy.get_absolute_url()).text
    assert f'href="{copy.get_absolute_url()}"' in client.get(original.get_absolute_url()).text


def test_it_says_when_the_publication_date_is_unknown(client):
    article = make_article(title="Undated", sentences=["Text."])
    assert "publication date not known" in client.get(article.get_absolute_url()).text


def test_it_shows_script_in_the_text_as_text(client):
    pub = make_publisher("Press")
    article = make_article(
        title="<script>alert('t')</script>", publisher=pub, sentences=["Before <script>alert('x')</script> after."]
    )
    html = client.get(article.get_absolute_url()).text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in html


def test_it_shows_the_original_address_without_linking_out(client):
    article = make_article(title="T", sentences=["Text."])
    Article.objects.filter(pk=article.pk).update(url="https://news.example.org/story")
    html = client.get(article.get_absolute_url()).text
    assert "https://news.example.org/story" in html and 'href="https://news.example.org' not in html


def test_it_answers_404_for_an_unknown_article(client):
    assert client.get("/articles/999999/").status_code == 404


def test_it_reads_a_bounded_number_of_queries(client, django_assert_max_num_queries):
    article = make_article(title="Long", sentences=[f"Sentence {i}." for i in range(40)])
    for passage in article.passages.all()[:20]:
        make_event(title=f"Event {passage.index}", start=date(2025, 1, 1), passages=(passage,))
    with django_assert_max_num_queries(5):
        client.get(article.get_absolute_url())


def test_it_answers_only_get(client):
    article = make_article(title="T", sentences=["Text."])
    assert client.post(article.get_absolute_url()).status_code == 405
