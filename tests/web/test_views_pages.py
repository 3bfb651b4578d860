"""Checks over every public page: nothing loaded from or linked to another host, CSRF header for htmx."""

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


def test_it_sends_the_csrf_token_with_every_htmx_request(pages):
    html = pages["/"].text
    assert '<body hx-headers=\'{"X-CSRFToken": "' in html
