from datetime import date

import pytest

from timeline.ingest.service import article_ingest

pytestmark = pytest.mark.django_db

REPORTS = [
    (date(2024, 3, 4), "Soldiers seized the presidential palace in Niger on Monday and detained the president."),
    (date(2024, 3, 6), "France said on Wednesday that it was following events in Niger closely."),
    (date(2024, 3, 12), "Since the coup on March 4, the junta has arrested dozens of ministers in Niger."),
]


@pytest.fixture
def story():
    for published, text in REPORTS:
        article_ingest(raw_text=text, publisher="Gazette", published=published)


def test_it_answers_htmx_with_the_list_and_a_plain_visit_with_a_page(client, story):
    fragment = client.get("/key-dates/?key_dates=1", headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment and fragment.count('class="key-date"') == 1
    assert 'data-date="2024-03-04"' in fragment and "Soldiers seized" in fragment
    page = client.get("/key-dates/?key_dates=1").content.decode()
    assert "<html" in page and "Back to the timeline" in page and 'data-date="2024-03-04"' in page


def test_each_day_links_to_the_timeline_narrowed_to_it_with_the_other_filters_kept(client, story):
    body = client.get("/key-dates/?type=attack&date_from=2024-01-01&key_dates=2").content.decode()
    assert "/?type=attack&amp;key_dates=2&amp;date_from=2024-03-04&amp;date_to=2024-03-04" in body
    assert "2024-03-06" not in body  # the statement is not an attack


def test_the_timeline_loads_the_key_dates_with_its_own_query_and_hides_them_at_zero(client, story):
    body = client.get("/?key_dates=5&type=attack").content.decode()
    assert 'hx-get="/key-dates/?type=attack&amp;key_dates=5"' in body
    assert 'id="key-dates"' not in client.get("/?key_dates=0").content.decode()
    assert 'id="key-dates"' in client.get("/").content.decode()  # 15 by default


def test_bad_values_fall_back_and_never_fail(client, story):
    for query in ("key_dates=abc", "key_dates=-3", "key_dates=100000", "date_from=2024-99-99", "actor=nobody"):
        response = client.get(f"/key-dates/?{query}")
        assert response.status_code == 200, query
    assert client.post("/key-dates/").status_code == 405


def test_an_empty_view_says_so(client):
    assert "No day stands out" in client.get("/key-dates/", headers={"HX-Request": "true"}).content.decode()
