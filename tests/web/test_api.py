from __future__ import annotations

import pytest

from tests.web_factories import make_sample_timeline

pytestmark = pytest.mark.django_db


@pytest.fixture
def sample():
    return make_sample_timeline()


def test_it_lists_events_in_the_export_shape_with_absolute_links(client, sample):
    data = client.get("/api/events/").json()
    assert len(data["events"]) == 8 and data["next"] is None
    first = data["events"][0]
    assert {"slug", "url", "title", "summary", "type", "date_start", "date_end", "precision", "status", "actors",
            "places", "publishers", "sources"} <= set(first)  # fmt: skip
    assert first["url"].startswith("http://testserver/events/")
    assert [e["date_start"] for e in data["events"]] == sorted(e["date_start"] for e in data["events"])


def test_it_applies_the_timeline_filters(client, sample):
    data = client.get("/api/events/", {"type": "sanctions", "verified": "on"}).json()
    assert [e["title"] for e in data["events"]] == ["United States sanctions North Korean shipping firms"]


def test_it_pages_with_a_cursor_without_gaps_or_repeats(client, sample):
    seen, url = [], "/api/events/?limit=3"
    while url:
        data = client.get(url).json()
        assert len(data["events"]) <= 3
        seen += [e["slug"] for e in data["events"]]
        url = data["next"]
    assert len(seen) == len(set(seen)) == 8


def test_it_rejects_bad_parameters_by_name(client, sample):
    response = client.get("/api/events/", {"verified": "maybe", "limit": "0", "cursor": "???"})
    assert response.status_code == 400
    assert set(response.json()["errors"]) == {"verified", "limit", "cursor"}


def test_it_serves_one_event_with_caching_headers(client, sample):
    slug = sample["events"]["launch"].slug
    response = client.get(f"/api/events/{slug}/")
    assert response.status_code == 200 and response.json()["slug"] == slug
    assert "max-age=60" in response["Cache-Control"] and response["ETag"]
    again = client.get(f"/api/events/{slug}/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_it_answers_404_for_a_hidden_or_unknown_event(client, sample):
    assert client.get("/api/events/no-such-event/").status_code == 404
