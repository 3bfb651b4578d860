"""The timeline in Chromium: click a mark, read the panel, open the permalink, land on the passage; filter."""

from __future__ import annotations

import re

import pytest

from tests.web_factories import make_sample_timeline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("clean_tallies")]

# Where a mark of the event with this slug sits on screen, from plotly's own drawing of the figure.
MARK_CENTRE = """(slug) => {
  const gd = document.getElementById("timeline-chart");
  const traces = gd.querySelectorAll(".scatterlayer .trace, .barlayer .trace");
  for (const trace of traces) {
    for (const node of trace.querySelectorAll(".point")) {
      const d = node.__data__;
      const cd = gd.data[d.trace ? d.trace.index : trace.__data__[0].trace.index].customdata[d.i];
      if (cd && cd[0] === slug) {
        const box = node.getBoundingClientRect();
        return {x: box.x + box.width / 2, y: box.y + box.height / 2};
      }
    }
  }
  return null;
}"""

CHART_TITLES = """() => {
  const gd = document.getElementById("timeline-chart");
  return gd.data.flatMap((trace) => trace.customdata.map((c) => c[1]));
}"""


def _wait_for_chart(page) -> None:
    try:
        page.wait_for_selector("#timeline-chart .scatterlayer .point", timeout=15_000)
    except Exception as exc:
        raise AssertionError(f"no mark drawn on the chart; page errors: {page.errors}") from exc


def test_it_opens_an_event_from_the_chart_and_follows_it_to_a_passage(open_page, live_server, artifacts):
    sample = make_sample_timeline()
    launch = sample["events"]["launch"]
    page = open_page("/")
    _wait_for_chart(page)
    page.screenshot(path=str(artifacts / "timeline-1-page.png"), full_page=True)

    centre = page.evaluate(MARK_CENTRE, launch.slug)
    assert centre, "the launch has no mark on the chart"
    page.mouse.move(centre["x"], centre["y"])
    page.mouse.click(centre["x"], centre["y"])
    page.wait_for_selector(f"#event-panel #event-{launch.slug}")
    page.wait_for_url(re.compile(r"\?event=" + re.escape(launch.slug) + "$"))
    panel = page.inner_text("#event-panel")
    assert launch.title in panel and "26 Feb 2025" in panel and "Wire Service" in panel
    assert page.locator("#timeline-chart .main-svg").count() > 0, "the graph div must survive the panel swap"
    shapes = page.evaluate("() => document.getElementById('timeline-chart').layout.shapes.map((s) => s.x0)")
    assert shapes == ["2025-02-26"], "the chart marks the selected event's date"
    assert page.locator(".event-item.is-selected").evaluate_all("(items) => items.map((i) => i.dataset.slug)") == [
        launch.slug
    ]
    page.screenshot(path=str(artifacts / "timeline-2-panel.png"), full_page=True)

    permalink = open_page(launch.get_absolute_url())
    assert permalink.locator("h1").inner_text() == launch.title
    assert permalink.locator("blockquote").count() == 2
    permalink.screenshot(path=str(artifacts / "timeline-3-permalink.png"), full_page=True)

    link = permalink.locator(".source figcaption a").first
    href = link.get_attribute("href")
    link.click()
    permalink.wait_for_url(re.compile(re.escape(href) + "$"))
    target = permalink.locator(":target")
    assert target.get_attribute("id") == href.split("#")[1]
    background = target.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), "the passage named in the URL is not highlighted"
    permalink.screenshot(path=str(artifacts / "timeline-4-passage.png"), full_page=True)

    for opened in (page, permalink):
        assert opened.foreign_requests == [] and opened.errors == []


def test_it_filters_the_chart_and_list_by_type(open_page, artifacts):
    make_sample_timeline()
    page = open_page("/")
    _wait_for_chart(page)
    assert page.locator(".event-item").count() == 8

    page.select_option("#id_type", "sanctions")
    page.wait_for_url(re.compile(r"[?&]type=sanctions"))
    page.wait_for_function("document.querySelectorAll('.event-item').length === 2")
    page.wait_for_function(f"({CHART_TITLES})().length === 2")  # redrawn after the swap
    titles = page.evaluate(CHART_TITLES)
    assert sorted(titles) == ["New sanctions take effect", "United States sanctions North Korean shipping firms"]
    assert page.locator("#timeline-chart").count() == 1
    page.screenshot(path=str(artifacts / "timeline-5-filtered.png"), full_page=True)

    page.reload()  # the URL alone restores the state, server-side
    _wait_for_chart(page)
    assert page.locator(".event-item").count() == 2
    assert page.input_value("#id_type") == "sanctions"
    assert page.errors == []


def test_it_opens_an_event_from_the_list_beside_the_chart_on_a_narrow_screen(open_page, artifacts):
    sample = make_sample_timeline()
    drills = sample["events"]["drills"]
    page = open_page("/", width=420, height=860)
    _wait_for_chart(page)
    page.click(f'.event-title[href="{drills.get_absolute_url()}"]')
    page.wait_for_selector(f"#event-panel #event-{drills.slug}")
    page.wait_for_url(re.compile(r"\?event=" + re.escape(drills.slug) + "$"))
    chart_bottom, panel_top = page.evaluate(
        """() => [document.getElementById("timeline-chart").getBoundingClientRect().bottom,
                  document.getElementById("event-panel").getBoundingClientRect().top]"""
    )
    assert panel_top >= chart_bottom, "on a narrow screen the panel sits below the chart"
    page.screenshot(path=str(artifacts / "timeline-6-narrow.png"), full_page=True)
    assert page.errors == []
