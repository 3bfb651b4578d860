"""Key dates in Chromium: the short list loads above the full list, opens an event, and keeps K in the address."""

from __future__ import annotations

import re

import pytest

from tests.web.test_key_dates import REPORTS
from timeline.ingest.service import article_ingest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clean_tallies")]


def test_the_key_dates_load_open_an_event_and_keep_their_count_in_the_address(open_page, artifacts):
    for publisher, published, text in REPORTS:
        article_ingest(raw_text=text, publisher=publisher, published=published)
    page = open_page("/")
    page.wait_for_selector("#key-dates .key-date")
    page.screenshot(path=str(artifacts / "key-dates-1-page.png"), full_page=True)
    days = page.locator("#key-dates .key-date").evaluate_all("(items) => items.map((li) => li.dataset.date)")
    assert "2024-03-04" in days and days == sorted(days)
    coup = page.locator('#key-dates .key-date[data-date="2024-03-04"]')
    assert "seized" in coup.inner_text()

    coup.locator(".key-date-events a").first.click()
    page.wait_for_selector("#event-panel .event, #event-panel article, #event-panel h2:not(:has-text('Pick an event'))")
    assert "2024" in page.inner_text("#event-panel")

    page.goto(page.url.split("/events/")[0] + "/")
    page.fill("#id_key_dates", "1")
    page.press("#id_key_dates", "Enter")
    page.wait_for_url(re.compile(r"key_dates=1"))
    page.wait_for_function("() => document.querySelectorAll('#key-dates .key-date').length === 1")
    assert page.locator("#key-dates .key-date").get_attribute("data-date") == "2024-03-04"
    page.screenshot(path=str(artifacts / "key-dates-2-one-day.png"), full_page=True)

    page.reload()
    page.wait_for_function("() => document.querySelectorAll('#key-dates .key-date').length === 1")
    assert page.input_value("#id_key_dates") == "1"
