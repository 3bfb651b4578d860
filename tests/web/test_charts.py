from __future__ import annotations

import json
from datetime import date

import pytest

from tests.web_factories import make_actor, make_event, make_sample_timeline
from timeline.models import Event
from timeline.web.charts import DAY_MS, NO_ACTOR, timeline_figure

pytestmark = pytest.mark.django_db


def _figure(rows="type", events=None):
    events = events if events is not None else Event.objects.all()
    return timeline_figure(events=events, rows=rows)


def _traces(figure):
    return {trace["name"]: trace for trace in figure["data"]}


def test_it_draws_day_events_as_points_and_ranges_as_bars():
    make_sample_timeline()
    traces = _traces(_figure())
    points = traces["Verified"]
    assert points["type"] == "scatter" and points["mode"] == "markers"
    assert "2025-02-26" in points["x"]
    bars = traces["New, not yet verified · period"]
    assert bars["type"] == "bar" and bars["orientation"] == "h"
    year = bars["customdata"].index(next(c for c in bars["customdata"] if c[2] == "2024"))
    assert bars["base"][year] == "2024-01-01"
    assert bars["x"][year] == 366 * DAY_MS  # 2024 is a leap year; the end date is inclusive


def test_it_marks_new_and_verified_events_differently():
    make_sample_timeline()
    traces = _traces(_figure())
    assert traces["Verified"]["marker"]["symbol"] == "circle"
    assert traces["New, not yet verified"]["marker"]["symbol"] == "circle-open"
    assert traces["Verified · period"]["marker"]["color"] != traces["New, not yet verified · period"]["marker"]["color"]


def test_it_puts_the_slug_title_and_date_in_customdata():
    event = make_event(title="Talks <b>resume</b>", start=date(2025, 2, 1), end=date(2025, 2, 7), precision="week")
    (trace,) = _figure()["data"]
    assert trace["customdata"] == [[event.slug, "Talks &lt;b&gt;resume&lt;/b&gt;", "week of 1 Feb 2025", "statement"]]
    assert "customdata[1]" in trace["hovertemplate"]


def test_it_has_one_row_per_type_or_per_actor():
    make_sample_timeline()
    make_event(title="Nobody in particular", start=date(2025, 1, 5))
    by_type = _figure()["layout"]["yaxis"]["ticktext"]
    assert sorted(by_type) == sorted(
        ["agreement", "diplomatic meeting", "military exercise", "missile test", "sanctions", "statement"]
    )
    by_actor = _figure("actor", Event.objects.prefetch_related("actors"))
    rows = by_actor["layout"]["yaxis"]["ticktext"]
    assert set(rows) == {"Japan", "North Korea", "South Korea", "United States", NO_ACTOR}
    japan_marks = sum([c[3] for c in trace["customdata"]].count("Japan") for trace in by_actor["data"])
    assert japan_marks == 4


def test_it_sets_marks_of_one_row_and_day_side_by_side():
    for n in range(3):
        make_event(title=f"Statement {n}", start=date(2025, 3, 20))
    (trace,) = _figure()["data"]
    assert len(set(trace["y"])) == 3 and max(trace["y"]) - min(trace["y"]) < 0.6


def test_it_opens_the_axis_on_the_stretch_that_holds_most_events():
    make_event(title="Background of long ago", start=date(2018, 5, 1))
    for day in range(1, 20):
        make_event(title=f"Recent {day}", start=date(2025, 3, day))
    low, high = _figure()["layout"]["xaxis"]["range"]
    assert "2025-02" <= low < "2025-03-01" and "2025-03-19" < high < "2025-04"


def test_it_gives_the_hover_label_dark_text_on_white():
    make_event(title="Anything", start=date(2025, 3, 1))
    label = _figure()["layout"]["hoverlabel"]
    assert label["bgcolor"] == "#ffffff" and label["font"]["color"] == "#1f1d1a"


def test_it_skips_undated_events_and_says_when_nothing_can_be_drawn():
    make_event(title="Undated", start=None)
    figure = _figure()
    assert figure["data"] == []
    assert figure["layout"]["annotations"][0]["text"] == "No dated events to draw"


def test_it_stays_small_without_the_plotly_template():
    make_sample_timeline()
    figure = _figure()
    assert "template" not in figure["layout"]
    assert figure["config"]["displaylogo"] is False
    assert len(json.dumps(figure)) < 6000


def test_it_treats_a_one_day_range_as_a_point():
    make_actor("X")
    make_event(title="Same day", start=date(2025, 5, 5), end=date(2025, 5, 5), precision="week")
    (trace,) = _figure()["data"]
    assert trace["type"] == "scatter"
