"""A reader in Chromium: a one-day range, an open event that survives a reload, the copy-link button, a download
of each format, the JSON API with a filter, the phone layout with the filters folded away, and an article that fits a phone."""

from __future__ import annotations

import json
import re

import pytest

from tests.web_factories import make_sample_timeline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clean_tallies")]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1440, "height": 900}


def _wait_for_chart(page) -> None:
    try:
        page.wait_for_selector("#timeline-chart[data-drawn] .scatterlayer .point", timeout=20_000)
    except Exception as exc:
        raise AssertionError(f"no mark drawn on the chart; page errors: {page.errors}") from exc


def _axis(page) -> list[str]:
    return page.evaluate("() => document.getElementById('timeline-chart').layout.xaxis.range.map(String)")


def test_it_shows_a_one_day_range(open_page, artifacts):
    make_sample_timeline()
    page = open_page("/?date_from=2025-03-20&date_to=2025-03-20", **DESKTOP)
    _wait_for_chart(page)
    titles = page.locator(".event-item .event-title").all_inner_texts()
    assert sorted(titles) == ["Foreign ministers of Japan, South Korea and the US meet in Tokyo",
                              "Ministers condemn the February launch"]  # fmt: skip
    low, high = _axis(page)
    assert low.startswith("2025-03-20") and high.startswith("2025-03-21")
    ys = page.evaluate("() => document.getElementById('timeline-chart').data.flatMap((t) => t.y)")
    assert len(ys) == 2
    assert page.input_value("#id_date_from") == "2025-03-20" and page.input_value("#id_date_to") == "2025-03-20"
    page.screenshot(path=str(artifacts / "reader-one-day.png"), full_page=True)
    assert page.errors == []


def test_it_keeps_an_open_event_through_a_reload_and_copies_its_link(open_page, artifacts):
    sample = make_sample_timeline()
    launch = sample["events"]["launch"]
    page = open_page("/?type=missile+test", **DESKTOP)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    _wait_for_chart(page)
    page.click(f'a.event-title[data-slug="{launch.slug}"]')
    page.wait_for_selector(f"#event-panel #event-{launch.slug}")
    page.wait_for_url(re.compile(r"/\?type=missile\+test&event=" + re.escape(launch.slug) + "$"))
    page.wait_for_function(f"document.title.startsWith({json.dumps(launch.title)})")
    before = _axis(page)

    page.reload()
    _wait_for_chart(page)
    page.wait_for_selector(f"#event-panel #event-{launch.slug}")
    assert _axis(page) == before and page.input_value("#id_type") == "missile test"
    assert page.title().startswith(launch.title)
    page.wait_for_function(
        "() => (document.getElementById('timeline-chart').layout.shapes || []).some((s) => s.x0 === '2025-02-26')"
    )

    page.click("#event-panel .copy-link")
    page.wait_for_function("document.querySelector('#event-panel .copy-status').textContent.length > 0")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied.endswith(launch.get_absolute_url()) and copied.startswith("http")
    page.screenshot(path=str(artifacts / "reader-open-event-desktop.png"), full_page=False)
    assert page.errors == [] and page.foreign_requests == []


def test_it_downloads_the_view_in_every_format(open_page, artifacts):
    make_sample_timeline()
    page = open_page("/?type=sanctions", **DESKTOP)
    page.wait_for_selector(".downloads a")
    for label, check in (
        ("CSV", lambda text: text.startswith("slug,url,")),
        ("JSON", lambda text: len(json.loads(text)["events"]) == 2),
        ("iCalendar", lambda text: text.count("BEGIN:VEVENT") == 2),
        ("TimelineJS", lambda text: len(json.loads(text)["events"]) == 2),
    ):
        with page.expect_download() as info:
            page.click(f'.downloads a[data-format="{label}"]')
        path = info.value.path()
        text = open(path, encoding="utf-8").read()
        assert check(text), label
        assert "http://" in text, f"{label}: links are absolute"


def test_it_answers_the_api_with_a_filter(open_page):
    make_sample_timeline()
    page = open_page("/", **DESKTOP)
    response = page.request.get(page.url.rstrip("/") + "/api/events/?type=sanctions&limit=1")
    assert response.ok and "max-age" in response.headers["cache-control"]
    data = response.json()
    assert len(data["events"]) == 1 and data["events"][0]["type"] == "sanctions" and data["next"]
    following = page.request.get(data["next"]).json()
    assert len(following["events"]) == 1 and following["next"] is None


def test_it_puts_the_chart_first_and_folds_the_filters_on_a_phone(open_page, artifacts):
    make_sample_timeline()
    page = open_page("/", **PHONE)
    _wait_for_chart(page)
    assert not page.is_visible("#filters"), "the filters are folded away on a phone"
    chart_top, filters_top = page.evaluate(
        """() => [document.getElementById("timeline-chart").getBoundingClientRect().top,
                  document.getElementById("filters-box").getBoundingClientRect().top]"""
    )
    assert chart_top < filters_top, "the chart comes first"
    legend = page.locator("#timeline-chart .legend").bounding_box()
    toolbar = page.locator("#timeline-chart .modebar-container")
    if toolbar.count():
        box = toolbar.bounding_box()
        if box:
            overlap = not (box["y"] + box["height"] <= legend["y"] or legend["y"] + legend["height"] <= box["y"])
            assert not overlap, "the toolbar covers the legend"
    page.screenshot(path=str(artifacts / "reader-phone.png"), full_page=False)
    page.click(".filters-toggle")
    page.wait_for_selector("#filters", state="visible")
    page.screenshot(path=str(artifacts / "reader-phone-filters.png"), full_page=False)
    assert page.errors == []


def test_an_article_on_a_phone_fits_its_width_with_the_events_its_passages_back(open_page, artifacts):
    sample = make_sample_timeline()
    article = sample["articles"][0]
    page = open_page(f"/articles/{article.id}/", **PHONE)
    page.wait_for_selector(".passage-event")
    overflow = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
    page.screenshot(path=str(artifacts / "reader-article-phone.png"), full_page=True)
    assert overflow <= 0
    assert page.errors == []
