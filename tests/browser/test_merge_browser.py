"""A curator merges two events in the admin with Chromium, then the merged-away permalink lands on the survivor."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from tests.curation_data import make_actor, make_article, make_curator, make_event
from tests.paths import ROOT

DOCS = ROOT / "docs"  # docs/admin-event.png: run with UPDATE_DOCS_SCREENSHOTS=1 to refresh it
PASSWORD = "a-long-curator-password"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]  # the live server reads committed rows


@pytest.fixture
def page(browser):
    """A page in a fresh context of the Chromium that tests/browser/conftest.py starts (or skips without)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


@pytest.fixture
def two_reports():
    nk = make_actor("North Korea", "Pyongyang")
    sk = make_actor("South Korea", "Seoul")
    first_article = make_article(
        sentences=["Pyongyang fired a ballistic missile on Wednesday.", "Seoul said it flew 600 kilometres."],
        publisher="Wire One",
        published=dt.date(2025, 2, 28),
        title="North Korea fires missile",
    )
    second_article = make_article(
        sentences=["North Korea launched a ballistic missile into the sea on Wednesday, Seoul said."],
        publisher="Wire Two",
        published=dt.date(2025, 2, 27),
        title="Missile launched into the sea",
    )
    wednesday = dt.date(2025, 2, 26)
    first = make_event(
        "North Korea fires a ballistic missile",
        passages=first_article.passages.all(),
        date_start=wednesday,
        date_text="on Wednesday",
        actors=[nk, sk],
    )
    second = make_event(
        "Missile launched into the sea",
        passages=second_article.passages.all(),
        date_start=wednesday,
        date_text="on Wednesday",
        actors=[nk],
    )
    return first, second


def test_it_merges_two_events_in_the_admin_and_redirects_the_old_permalink(live_server, page, two_reports, artifacts):
    survivor, merged = two_reports
    make_curator("cora", password=PASSWORD)

    page.goto(f"{live_server.url}/admin/login/?next=/admin/timeline/event/")
    page.fill("#id_username", "cora")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/timeline/event/")

    for event in (survivor, merged):
        page.check(f'input[name="_selected_action"][value="{event.pk}"]')
    page.select_option('select[name="action"]', "merge_events")
    page.click('button[name="index"]')
    page.wait_for_selector('input[name="survivor"]')
    assert page.is_checked(f'input[name="survivor"][value="{survivor.pk}"]')  # the earliest created by default
    page.screenshot(path=str(artifacts / "admin-merge-confirmation.png"), full_page=True)

    page.click('input[type=submit][value="Merge into the chosen event"]')
    page.wait_for_url(f"**/admin/timeline/event/{survivor.pk}/change/")
    assert "Merged 2 events" in page.inner_text(".messagelist")
    assert page.locator("#mentions-group tbody tr.has_original").count() == 3
    page.screenshot(path=str(artifacts / "admin-event-after-merge.png"), full_page=True)

    page.fill("#id_title", "North Korea fires a ballistic missile into the sea")
    page.click('input[name="_continue"]')
    page.wait_for_selector(".curation-note")
    assert "title" in page.inner_text(".curation-note")  # the edit locked the title
    assert page.is_checked('input[name="locked_fields"][value="title"]')
    page.screenshot(path=str(artifacts / "admin-event-locked.png"), full_page=True)
    if os.environ.get("UPDATE_DOCS_SCREENSHOTS") == "1":  # the committed picture changes only when asked
        page.screenshot(path=str(DOCS / "admin-event.png"), full_page=True)

    page.click("a.historylink")
    page.wait_for_url(f"**/admin/timeline/event/{survivor.pk}/history/")
    history = page.inner_text("#content")
    assert f"merged in {merged.slug}" in history and "edited in the admin: title" in history and "cora" in history
    page.screenshot(path=str(artifacts / "admin-event-history.png"), full_page=True)

    response = page.goto(f"{live_server.url}/events/{merged.slug}/")
    assert response is not None and response.ok
    assert page.url == f"{live_server.url}/events/{survivor.slug}/"
    assert response.request.redirected_from is not None
    assert response.request.redirected_from.url.endswith(f"/events/{merged.slug}/")
    assert "North Korea fires a ballistic missile into the sea" in page.inner_text("body")
    page.screenshot(path=str(artifacts / "permalink-after-merge.png"), full_page=True)


def test_it_warns_before_a_merge_far_apart_and_unmerges_it(live_server, page, two_reports, artifacts):
    first, second = two_reports
    second.date_start = second.date_end = dt.date(2024, 6, 1)
    second.event_type = "statement"
    second.save()
    make_curator("cora", password=PASSWORD)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/timeline/event/")
    page.fill("#id_username", "cora")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_url("**/admin/timeline/event/")

    for event in (first, second):
        page.check(f'input[name="_selected_action"][value="{event.pk}"]')
    page.select_option('select[name="action"]', "merge_events")
    page.click('button[name="index"]')
    page.wait_for_selector(".merge-warnings")
    warning = page.inner_text(".merge-warnings")
    assert "days apart" in warning and "different types" in warning
    page.screenshot(path=str(artifacts / "admin-merge-warning.png"), full_page=True)
    page.check('input[name="confirm_warnings"]')
    page.click('input[type=submit][value="Merge into the chosen event"]')
    page.wait_for_url(f"**/admin/timeline/event/{first.pk}/change/")

    page.goto(f"{live_server.url}/admin/timeline/event/?merged=yes")
    page.check(f'input[name="_selected_action"][value="{second.pk}"]')
    page.select_option('select[name="action"]', "unmerge_events")
    page.click('button[name="index"]')
    page.wait_for_selector(".messagelist")
    assert "Unmerged 1 event" in page.inner_text(".messagelist")
    page.screenshot(path=str(artifacts / "admin-unmerged.png"), full_page=True)

    response = page.goto(f"{live_server.url}/events/{second.slug}/")
    assert response is not None and response.status == 200 and page.url.endswith(f"/events/{second.slug}/")
    assert "Missile launched into the sea" in page.inner_text("h1")
