"""The timeline figure: plotly.graph_objects built from selected events, sent to the page as JSON.

x is time; one row per event type (or per actor). A day-precision event is a point; an event known to
a week, month, quarter, year or decade is a bar over its whole range (date_end inclusive). Verified
events are filled, new (unverified) ones hollow. Every mark carries [slug, title, date label] in
customdata, so a click can fetch the event's panel.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import plotly.graph_objects as go

from timeline.models import Event, EventType
from timeline.web.display import date_label

DAY_MS = 86_400_000
TYPE_LABELS = dict(EventType.choices)
TITLE_MAX = 90
NO_ACTOR = "(no actor named)"
COLOURS = {"verified": "#23577a", "new": "#c26a2e"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"
HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}<extra>%{customdata[3]}</extra>"
# Marks of one row on one day are spread over this band of the row's height, so none hides another.
SAME_DAY_BAND = 0.56
SAME_DAY_STEP = 0.14
# Without a range asked for, the axis opens on the shortest stretch holding this share of the drawn events.
MOST_EVENTS = 0.95
HOVER_LABEL = {"bgcolor": "#ffffff", "bordercolor": "#8a8377", "font": {"family": FONT, "size": 13, "color": "#1f1d1a"}}
NOTHING_TO_DRAW = {
    "text": "No dated events to draw",
    "showarrow": False,
    "xref": "paper",
    "yref": "paper",
    "x": 0.5,
    "y": 0.5,
    "font": {"size": 15, "color": "#6b655c"},
}
CONFIG = {
    "displaylogo": False,
    "responsive": True,
    "scrollZoom": True,
    "doubleClick": "autosize",
    "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d", "toImage"],
}


@dataclass
class Marks:
    """The x/y/customdata columns of one trace."""

    x: list = field(default_factory=list)
    y: list[float] = field(default_factory=list)
    rows: list[str] = field(default_factory=list)
    base: list[str] = field(default_factory=list)
    customdata: list[list[str]] = field(default_factory=list)


def event_rows(event: Event, rows: str) -> list[str]:
    """The rows an event is drawn in: its type, or each of its actors."""
    if rows == "actor":
        names = [actor.name for actor in event.actors.all()]
        return names or [NO_ACTOR]
    return [TYPE_LABELS.get(event.event_type, event.event_type)]


def _short(title: str) -> str:
    title = title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1].rstrip() + "…"
    return html.escape(title)  # plotly renders a subset of HTML in hover text


def _is_range(event: Event) -> bool:
    return event.precision != "day" and event.date_end is not None and event.date_end > event.date_start


def _offsets(n: int) -> list[float]:
    """Vertical offsets of ``n`` marks sharing a row and a day, centred on the row."""
    step = min(SAME_DAY_STEP, SAME_DAY_BAND / max(n - 1, 1))
    return [(k - (n - 1) / 2) * step for k in range(n)]


def _collect(events: Iterable[Event], rows: str) -> tuple[dict[tuple[str, bool], Marks], list[str]]:
    marks: dict[tuple[str, bool], Marks] = {}
    placed: list[tuple[Marks, str, date]] = []
    for event in events:
        if event.date_start is None:
            continue
        status = "verified" if event.status == Event.Status.VERIFIED else "new"
        ranged = _is_range(event)
        bucket = marks.setdefault((status, ranged), Marks())
        label = date_label(event.date_start, event.date_end, event.precision)
        for row in event_rows(event, rows):
            bucket.rows.append(row)
            bucket.customdata.append([event.slug, _short(event.title), label, html.escape(row)])
            placed.append((bucket, row, event.date_start))
            if ranged:
                end_exclusive: date = event.date_end + timedelta(days=1)
                bucket.base.append(event.date_start.isoformat())
                bucket.x.append((end_exclusive - event.date_start).days * DAY_MS)
            else:
                bucket.x.append(event.date_start.isoformat())
    row_names = sorted({row for _, row, _ in placed}, key=str.casefold)
    height = {row: len(row_names) - 1 - i for i, row in enumerate(row_names)}  # first row at the top
    same_day: dict[tuple[str, date], int] = {}
    for _, row, day in placed:
        same_day[(row, day)] = same_day.get((row, day), 0) + 1
    offsets = {key: iter(_offsets(n)) for key, n in same_day.items()}
    for bucket, row, day in placed:
        bucket.y.append(round(height[row] + next(offsets[(row, day)]), 3))
    return marks, row_names


def busiest_range(days: list[date], share: float = MOST_EVENTS) -> tuple[date, date] | None:
    """The shortest stretch of days holding ``share`` of ``days`` (so a lone early event does not stretch the axis)."""
    if not days:
        return None
    days = sorted(days)
    keep = max(1, -(-len(days) * share // 1))
    keep = int(min(keep, len(days)))
    start, end = min(((days[i], days[i + keep - 1]) for i in range(len(days) - keep + 1)), key=lambda r: r[1] - r[0])
    near = (end - start) / 4  # events left out but close to the stretch are drawn whole rather than cut at the edge
    if start - days[0] <= near:
        start = days[0]
    if days[-1] - end <= near:
        end = days[-1]
    return start, end


def padded(start: date, end: date) -> list[str]:
    """An axis range around [start, end] with a margin, so marks at the edges show whole."""
    margin = timedelta(days=max(3, (end - start).days // 20))
    low = start - margin if start - date.min > margin else date.min
    high = end + margin if date.max - end > margin else date.max
    return [low.isoformat(), high.isoformat()]


def _trace(status: str, ranged: bool, marks: Marks) -> go.Scatter | go.Bar:
    colour = COLOURS[status]
    name = "Verified" if status == "verified" else "New, not yet verified"
    common = {
        "name": name + (" · period" if ranged else ""),
        "legendgroup": status,
        "hovertemplate": HOVER,
    }
    if ranged:
        fill = colour if status == "verified" else "rgba(255,255,255,0.6)"
        return go.Bar(
            orientation="h",
            width=0.36,
            marker={"color": fill, "line": {"color": colour, "width": 1.5}},
            **common,
        )
    return go.Scatter(
        mode="markers",
        marker={
            "size": 12,
            "symbol": "circle" if status == "verified" else "circle-open",
            "color": colour,
            "line": {"width": 2, "color": colour},
        },
        **common,
    )


def timeline_layout(*, row_names: list[str], numeric_rows: bool = False) -> go.Layout:
    """The chart's frame; rows as categories, or (``numeric_rows``) as numbers labelled with the row names, which
    lets marks of one day sit side by side within their row."""
    height = max(260, min(900, 120 + 46 * len(row_names)))
    if numeric_rows:
        yaxis = {
            "type": "linear",
            "tickvals": list(range(len(row_names))),
            "ticktext": list(reversed(row_names)),  # first row at the top
            "range": [-0.6, len(row_names) - 0.4],
        }
    else:
        yaxis = {"type": "category", "categoryorder": "array", "categoryarray": list(reversed(row_names))}
    return go.Layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        font={"family": FONT, "size": 13, "color": "#2b2b2b"},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="#fbfaf7",
        hovermode="closest",
        hoverlabel=HOVER_LABEL,
        barmode="overlay",
        dragmode="zoom",
        showlegend=True,
        # Above the chart, at the left; on a narrow screen timeline.js hides the toolbar, which would cover it.
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "bgcolor": "rgba(0,0,0,0)"},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#e6e1d8", "zeroline": False, "automargin": True},
        yaxis={
            **yaxis,
            "showgrid": True,
            "gridcolor": "#efebe4",
            "automargin": True,
            "fixedrange": True,
        },
    )


def timeline_figure(*, events: Iterable[Event], rows: str = "type") -> dict:
    """The figure as a plain dict {data, layout, config}, small enough to inline with json_script."""
    marks, row_names = _collect(events, rows)
    keys = [(status, ranged) for status in ("verified", "new") for ranged in (False, True) if (status, ranged) in marks]
    traces = [_trace(status, ranged, marks[(status, ranged)]) for status, ranged in keys]
    figure = go.Figure(data=traces, layout=timeline_layout(row_names=row_names, numeric_rows=True)).to_plotly_json()
    # The per-event columns join after plotly has built the traces: it would validate and copy every element.
    for trace, key in zip(figure["data"], keys, strict=True):
        column = marks[key]
        trace.update(x=column.x, y=column.y, customdata=column.customdata)
        if key[1]:
            trace["base"] = column.base
    days = [date.fromisoformat(x) for key in keys if not key[1] for x in marks[key].x]
    for key in keys:
        if key[1]:  # a bar: its first and last day
            for base, width in zip(marks[key].base, marks[key].x, strict=True):
                first = date.fromisoformat(base)
                days += [first, first + timedelta(days=width // DAY_MS - 1)]
    busiest = busiest_range(days)
    if busiest is not None:
        figure["layout"]["xaxis"]["range"] = padded(*busiest)
    if not traces:
        figure["layout"]["annotations"] = [NOTHING_TO_DRAW]
        figure["layout"]["xaxis"]["visible"] = figure["layout"]["yaxis"]["visible"] = False
    figure["layout"].pop("template", None)  # plotly.js defaults are enough; the template is ~10 kB
    figure["config"] = CONFIG
    return figure
