"""Checks over every public page: nothing loaded from another host (links out only to the original reports, in a
new tab), no CSRF cookie on a public GET, a Content-Security-Policy, HEAD answered, styled error pages."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest

from tests.web_factories import make_sample_timeline
from timeline.models import Article

pytestmark = pytest.mark.django_db

URL_ATTRIBUTES = {"src", "href", "action", "hx-get", "hx-post", "srcset", "poster", "data"}


class UrlCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "noopener" in (dict(attrs).get("rel") or ""):
            return  # a link out to an original report, opened in a new tab: nothing is loaded from there
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value:
                self.urls.extend(part.split()[0] for part in value.split(",") if part.strip())


def _foreign(html: str) -> list[str]:
    collector = UrlCollector()
    collector.feed(html)
    return [url for url in collector.urls if urlsplit(url).netloc not in ("", "testserver") or url.startswith("//")]


@pytest.fixture
def pages(client):
    sample = make_sample_timeline()
    Article.objects.filter(pk=sample["articles"][0].pk).update(url="https://elsewhere.example.com/a")
    urls = ["/", "/?type=sanctions&rows=actor", "/?q=nothing-at-all"]
    urls += [event.get_absolute_url() for event in sample["events"].values()]
    urls += [article.get_absolute_url() for article in sample["articles"]]
    return {url: client.get(url) for url in urls}


def test_it_references_no_other_host_from_any_page(pages):
    for url, response in pages.items():
        assert response.status_code == 200, url
        assert _foreign(response.text) == [], url


def test_it_detects_a_foreign_reference():
    assert _foreign('<script src="https://cdn.example.com/x.js"></script><a href="//cdn.example.com/y">y</a>') == [
        "https://cdn.example.com/x.js",
        "//cdn.example.com/y",
    ]
    assert _foreign('<a href="/events/x/">x</a><link rel="canonical" href="http://testserver/events/x/">') == []


def test_it_sets_no_csrf_cookie_on_public_pages(pages):
    for url, response in pages.items():
        assert "csrftoken" not in response.cookies, url
        assert "X-CSRFToken" not in response.text, url


def test_it_sends_a_content_security_policy_without_inline_scripts(pages):
    for url, response in pages.items():
        policy = response["Content-Security-Policy"]
        assert "script-src 'self';" in policy and "unsafe-eval" not in policy, url


def test_it_links_out_to_original_reports_in_a_new_tab(pages):
    html = pages["/"].text
    assert 'href="https://elsewhere.example.com/a" target="_blank" rel="noopener"' in html


@pytest.mark.parametrize("url", ["/", "/?type=sanctions", "/api/events/"])
def test_it_answers_head_on_public_pages(client, url):
    make_sample_timeline()
    response = client.head(url)
    assert response.status_code == 200 and response.content == b""


def test_it_answers_head_on_an_event_and_an_article(client):
    sample = make_sample_timeline()
    assert client.head(sample["events"]["launch"].get_absolute_url()).status_code == 200
    assert client.head(sample["articles"][0].get_absolute_url()).status_code == 200


@pytest.mark.parametrize("path", ["/no/such/page/", "/events/no-such-event/", "/articles/999999/"])
def test_it_shows_a_styled_not_found_page_with_a_way_back(client, settings, path):
    settings.DEBUG = False
    response = client.get(path)
    assert response.status_code == 404
    assert "We could not find that page" in response.text and 'href="/"' in response.text
    assert "timeline.css" in response.text


def test_it_has_a_styled_server_error_page_with_a_way_back():
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and 'href="/"' in html
