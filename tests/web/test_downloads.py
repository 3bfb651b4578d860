from __future__ import annotations

import csv
import io
import json

import pytest

from tests.web_factories import make_sample_timeline

pytestmark = pytest.mark.django_db


def _download(client, **params) -> tuple[str, str]:
    response = client.get("/download/", params)
    assert response.status_code == 200
    return response["Content-Type"], b"".join(response.streaming_content).decode()


def test_it_offers_every_format_for_the_view_on_the_page(client):
    make_sample_timeline()
    html = client.get("/", {"type": "sanctions"}).text
    for fmt in ("csv", "json", "ics", "timelinejs"):
        assert f'href="/download/?type=sanctions&amp;format={fmt}"' in html


def test_it_downloads_the_filtered_view_with_absolute_links_in_every_format(client):
    make_sample_timeline()
    kind, text = _download(client, type="sanctions", format="csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert kind.startswith("text/csv") and len(rows) == 2
    assert all(row["url"].startswith("http://testserver/events/") for row in rows)
    kind, text = _download(client, type="sanctions", format="json")
    assert [e["type"] for e in json.loads(text)["events"]] == ["sanctions", "sanctions"]
    kind, text = _download(client, type="sanctions", format="ics")
    assert kind.startswith("text/calendar") and text.count("BEGIN:VEVENT") == 2 and "URL:http://testserver/" in text
    kind, text = _download(client, type="sanctions", format="timelinejs")
    slides = json.loads(text)["events"]
    assert len(slides) == 2 and all(s["background"]["url"].startswith("http://testserver/") for s in slides)
