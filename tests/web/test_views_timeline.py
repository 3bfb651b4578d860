from __future__ import annotations

import json
import re
from datetime import date

import pytest

from tests.web_factories import make_event, make_sample_timeline
from timeline.models import Event
from timeline.web.views import PAGE_SIZE

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def sample():
    return make_sample_timeline()


def _figure(response) -> dict:
    match = re.search(r'<script id="timeline-figure" type="application/json">(.*?)</script>', response.text, re.S)
    assert match, "the figure JSON is missing"
    return json.loads(match.group(1))


def _listed(response) -> list[str]:
    return re.findall(r'class="event-title" href="[^"]+"[^>]*>([^<]+)</a>', response.text)


def test_it_renders_the_whole_page_with_chart_filters_panel_and_list(client, sample):
    response = client.get("/")
    assert response.status_code == 200
    html = response.text
    assert 'id="timeline-chart"' in html and 'id="event-panel"' in html and 'id="filters"' in html
    assert "vendor/plotly/plotly-basic.min.js" in html and "django_htmx/htmx-2.min.js" in html
    assert len(_listed(response)) == 8
    assert "26 Feb 2025" in html and "week of 1 Feb 2025" in html and "April 2025" in html and ">2024<" in html


def test_it_lists_events_under_month_and_year_headings_with_summary_and_sources(client, sample):
    html = client.get("/").text
    headings = re.findall(r'<li class="list-heading" role="presentation"><h2>([^<]+)</h2>', html)
    assert headings == ["2024", "February 2025", "March 2025", "April 2025"]
    assert "A ballistic missile launched from near Pyongyang came down in the Sea of Japan." in html
    assert re.search(r"Sources:\s*<a [^>]*>\[1\] Daily Ledger</a> <a [^>]*>\[2\] Wire Service</a>", html)


def test_it_loads_plotly_asynchronously_and_has_no_inline_script(client, sample):
    html = client.get("/").text
    assert re.search(r'<script id="plotly-script" src="[^"]*plotly-basic\.min\.js" async></script>', html)
    for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", html, re.S):
        assert "src=" in attrs or 'type="application/json"' in attrs, f"inline script: {body[:80]}"


def test_it_applies_filters_from_the_query_string(client, sample):
    response = client.get("/", {"type": "sanctions", "verified": "on"})
    assert _listed(response) == ["United States sanctions North Korean shipping firms"]
    figure = _figure(response)
    assert [c[1] for trace in figure["data"] for c in trace["customdata"]] == [
        "United States sanctions North Korean shipping firms"
    ]
    assert 'value="sanctions" selected' in response.text


def test_it_answers_htmx_with_the_results_fragment_and_a_clean_url(client, sample):
    response = client.get("/", {"type": "statement", "actor": "", "q": "", "rows": "type"}, **HTMX)
    assert "<html" not in response.text and 'id="timeline-chart"' not in response.text
    assert len(_listed(response)) == 2 and _figure(response)["data"]
    assert response["HX-Push-Url"] == "/?type=statement"  # empty fields and the default row mode left out
    by_actor = client.get("/", {"type": "statement", "rows": "actor"}, **HTMX)
    assert by_actor["HX-Push-Url"] == "/?type=statement&rows=actor"


def test_it_renders_the_full_page_for_an_htmx_history_restore(client, sample):
    response = client.get("/", {"type": "statement"}, HTTP_HX_REQUEST="true", HTTP_HX_HISTORY_RESTORE_REQUEST="true")
    assert "<html" in response.text


def test_it_shows_rows_per_actor_when_asked(client, sample):
    figure = _figure(client.get("/", {"rows": "actor"}))
    assert "Japan" in figure["layout"]["yaxis"]["ticktext"]


def test_it_shows_an_empty_state(client, sample):
    response = client.get("/", {"q": "nothing-like-this"})
    assert "No events match" in response.text
    assert _figure(response)["data"] == []


def test_it_reports_an_invalid_filter_and_ignores_it(client, sample):
    response = client.get("/", {"date_from": "next tuesday"})
    assert response.status_code == 200
    assert "This filter was ignored" in response.text
    assert len(_listed(response)) == 8


def test_it_paginates_the_list_and_keeps_the_filters_in_page_links(client):
    for day in range(1, PAGE_SIZE + 6):
        make_event(title=f"Statement number {day}", start=date(2025, 1, day % 28 + 1), event_type="statement")
    first = client.get("/", {"type": "statement"})
    assert len(_listed(first)) == PAGE_SIZE
    assert 'href="?type=statement&amp;page=2"' in first.text
    second = client.get("/", {"type": "statement", "page": "2"}, **HTMX)
    assert len(_listed(second)) == 5
    assert second["HX-Push-Url"] == "/?type=statement&page=2"
    assert len(_figure(second)["data"][0]["x"]) == PAGE_SIZE + 5  # the chart shows every match, not one page


def test_it_links_each_event_to_its_permalink_for_the_script_to_open_in_the_panel(client, sample):
    event = sample["events"]["launch"]
    html = client.get("/").text
    assert f'class="event-title" href="{event.get_absolute_url()}" data-slug="{event.slug}"' in html


def test_it_opens_the_event_named_in_the_address_in_the_panel(client, sample):
    event = sample["events"]["launch"]
    html = client.get("/", {"type": "missile test", "event": event.slug}).text
    panel = html.split('id="event-panel"', 1)[1].split("</aside>", 1)[0]
    assert f'data-slug="{event.slug}"' in panel and "Copy link" in panel
    assert f"<title>{event.title} · Geopolitical timeline</title>" in html
    assert f'property="og:url" content="http://testserver{event.get_absolute_url()}"' in html


def test_it_ignores_an_unknown_event_in_the_address(client, sample):
    response = client.get("/", {"event": "no-such-event"})
    assert response.status_code == 200 and "Pick an event" in response.text


def test_it_never_shows_rejected_or_merged_events(client, sample):
    Event.objects.filter(pk=sample["events"]["protest"].pk).update(status=Event.Status.REJECTED)
    Event.objects.filter(pk=sample["events"]["condemn"].pk).update(merged_into=sample["events"]["ministers"])
    response = client.get("/")
    listed = _listed(response)
    assert "Japan protests the launch" not in listed and "Ministers condemn the February launch" not in listed
    titles = [c[1] for trace in _figure(response)["data"] for c in trace["customdata"]]
    assert "Japan protests the launch" not in titles


def test_it_reads_a_bounded_number_of_queries_whatever_the_number_of_events(client, django_assert_max_num_queries):
    make_sample_timeline()
    for day in range(1, 29):
        make_event(title=f"Extra {day}", start=date(2025, 5, day))
    with django_assert_max_num_queries(9):  # one of them fetches the listed events' sources
        client.get("/", {"rows": "actor"})
    with django_assert_max_num_queries(9):
        client.get("/", {"q": "launch", "actor": "japan"}, **HTMX)


def test_it_answers_only_get(client):
    assert client.post("/").status_code == 405
