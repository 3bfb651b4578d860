"""What the timeline page shows for a set of filters and a zoom: the figure, the events listed, their number.

Only the visible range is read: the events that start in it. Over ``MAX_MARKS`` of them, the figure
shows counts per period (timeline.web.aggregation) and the list holds exactly the events counted, so its
length comes with the counts; at or under it, single events are drawn. Either way the figure JSON
stays small. (A long event that began before the range, say a decade-long one, shows once the range
includes its start.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import QuerySet

from timeline.models import Event
from timeline.web import selectors
from timeline.web.aggregation import (
    FIRST_DRAWABLE,
    LAST_DRAWABLE,
    MAX_MARKS,
    binned_figure,
    events_binned,
    tallies_cover,
    tally_bounds,
)
from timeline.web.charts import timeline_figure
from timeline.web.search import single_term
from timeline.web.selectors import TimelineFilters

DATED = ("date_start", "id")  # the order of dated events, served by the event_public_date index
ACTOR_ROWS_PER_EVENT = 3  # the marks an event makes, at most in practice, with one row per actor


@dataclass
class TimelineView:
    figure: dict
    listed: QuerySet[Event]
    total: int | None  # the number of listed events when already known (else the paginator counts them)
    unit: str = ""  # the period counted by ("year", "month", ...), empty when single events show


def timeline_view(
    *,
    events: QuerySet[Event],
    filters: TimelineFilters,
    rows: str = "type",
    start: date | None = None,
    end: date | None = None,
    max_marks: int | None = None,
) -> TimelineView:
    """``events`` are the filtered public events; ``start``/``end`` the zoomed range (None: all of it).

    ``max_marks`` defaults to settings.TIMELINE_MAX_MARKS, else aggregation.MAX_MARKS.
    """
    max_marks = max_marks or getattr(settings, "TIMELINE_MAX_MARKS", MAX_MARKS)
    zoomed = start is not None or end is not None
    if rows == "actor":  # an event is drawn once per actor
        max_marks //= ACTOR_ROWS_PER_EVENT
    first, last = tally_bounds()
    start = start or filters.date_from or first
    end = end or filters.date_to or last
    if start is not None and end is not None:  # the calendar's very edges are never drawn: no period overflows
        start, end = max(start, FIRST_DRAWABLE), min(end, LAST_DRAWABLE)
    if start is None or end is None or start > end:  # nothing dated to draw
        figure = timeline_figure(events=selectors.events_for_chart(events=events.none(), rows=rows), rows=rows)
        return TimelineView(figure=figure, listed=events, total=None)
    whole = not zoomed and not filters.date_from and not filters.date_to
    # One word searched (PostgreSQL) or one actor filtered: counts per month are tallied. Date filters select
    # events by overlap, not by start as the tallies do, so they count live.
    dated = bool(filters.date_from or filters.date_to)
    searched = not dated and filters.text.strip() and not filters.actor
    term = single_term(text=filters.text, using=events.db) if searched else None
    binned = events_binned(
        events=events,
        start=start,
        end=end,
        rows=rows,
        use_tallies=tallies_cover(actor=filters.actor, text=filters.text, rows=rows),
        event_type=filters.event_type,
        verified_only=filters.verified_only,
        max_marks=max_marks,
        actor_year_tallies=whole and not (filters.actor or filters.text.strip() or filters.event_type),
        term=term,
        actor=filters.actor if not dated and not filters.text.strip() else "",
        whole=whole,
    )
    if binned is None:
        # Zoomed, the chart draws the events overlapping the view (a bounded scan, see selectors.LONGEST_EVENT).
        in_view = (
            selectors.events_in_period(events=events, date_from=start, date_to=end).order_by(*DATED)
            if zoomed
            else events
        )
        chart_events = selectors.events_for_chart(events=in_view, rows=rows)[:max_marks]
        figure = timeline_figure(events=chart_events, rows=rows)
        if zoomed:
            figure["layout"]["xaxis"]["range"] = [start.isoformat(), (end + timedelta(days=1)).isoformat()]
        return TimelineView(figure=figure, listed=in_view, total=None)
    figure = binned_figure(binned=binned, start=start, end=end)
    # The list holds the events counted: dated ones, so it is ordered by an index whatever the database
    # (undated events, listed last otherwise, show once the filters leave few enough events to draw).
    listed = events.filter(date_start__gte=start, date_start__lte=end).order_by(*DATED)
    total = binned.events
    return TimelineView(figure=figure, listed=listed, total=total, unit=binned.unit)
