"""Zooming the timeline in Chromium: from counts over thirty years down to single events, then one event's panel."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import parse_qs, urlparse

import pytest

from bench.synthetic import events_generate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MAX_MARKS = 100  # few marks per view, so a small database shows every zoom level

FIGURE = """() => {
  const gd = document.getElementById("timeline-chart");
  if (!gd || !gd.data || !gd.data.length) return null;
  return {meta: gd.data[0].meta || "", name: gd.data[0].name || "", range: (gd.layout.xaxis.range || []).map(String)};
}"""

# Where the busiest count (or the first single event) sits on screen, from plotly's own drawing.
TARGET = """() => {
  const gd = document.getElementById("timeline-chart");
  let best = null;
  for (const node of gd.querySelectorAll(".scatterlayer .trace .point")) {
    const d = node.__data__;
    const trace = gd.data[d.trace ? d.trace.index : 0];
    const cd = trace.customdata[d.i];
    const weight = trace.meta === "bins" ? cd[2] : 0;
    if (best === null || weight > best.weight) {
      const box = node.getBoundingClientRect();
      best = {weight, x: box.x + box.width / 2, y: box.y + box.height / 2, data: cd, bins: trace.meta === "bins"};
    }
  }
  return best;
}"""


def _figure(page) -> dict:
    page.wait_for_function(f"({FIGURE})() !== null")
    return page.evaluate(FIGURE)


def _wait_for_range(page, start: str) -> dict:
    page.wait_for_function(f"(({FIGURE})() || {{range: []}}).range.join(' ').startsWith({start!r})")
    return _figure(page)


def test_it_zooms_from_thirty_years_down_to_one_event_and_opens_it(open_page, settings, artifacts):
    settings.TIMELINE_MAX_MARKS = MAX_MARKS
    events_generate(count=1200, seed=11, today=dt.date(2025, 6, 1))
    page = open_page("/")

    whole = _figure(page)
    assert whole["meta"] == "bins" and "per year" in whole["name"]
    page.screenshot(path=str(artifacts / "zoom-1-years.png"), full_page=True)

    # A drag or wheel zoom: plotly reports the new x range; timeline.js asks the server for it.
    with page.expect_response(lambda response: "date_from=2019-06-01" in response.url):
        page.evaluate("() => Plotly.relayout('timeline-chart', {'xaxis.range': ['2019-06-01', '2025-06-01']})")
    page.wait_for_function(f"(({FIGURE})() || {{name: ''}}).name.includes('per month')")
    months = _figure(page)
    assert months["meta"] == "bins" and "per month" in months["name"]
    assert re.search(r"date_from=2019-06-01&date_to=2025-05-31", page.url)
    assert page.input_value("#id_date_from") == "2019-06-01" and page.input_value("#id_date_to") == "2025-05-31"
    page.screenshot(path=str(artifacts / "zoom-2-months.png"), full_page=True)

    # Clicking a count opens its period, until single events show.
    for _ in range(4):
        target = page.evaluate(TARGET)
        if not target["bins"]:
            break
        with page.expect_response(lambda response: "date_from=" in response.url) as answer:
            page.mouse.click(target["x"], target["y"])
        _wait_for_range(page, parse_qs(urlparse(answer.value.url).query)["date_from"][0])
    else:
        pytest.fail("still counting after four zooms")
    single = _figure(page)
    assert single["meta"] == ""
    page.screenshot(path=str(artifacts / "zoom-3-events.png"), full_page=True)

    slug = target["data"][0]
    page.mouse.click(target["x"], target["y"])
    page.wait_for_selector(f"#event-panel #event-{slug}")
    page.wait_for_url(re.compile(rf"[?&]event={re.escape(slug)}$"))
    page.screenshot(path=str(artifacts / "zoom-4-panel.png"), full_page=True)
    assert page.errors == [] and page.foreign_requests == []
