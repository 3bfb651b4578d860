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
HOVER = "<b>%{customdata[1]}</b><br>%{customdata[2]}<extra>%{y}</extra>"
NOTHING_TO_DRAW = {
    "text": "No dated events to draw",
    "showarrow": False,
    "xref": "paper",
    "yref": "paper",
    "x": 0.5,
    "y": 0.5,
    "font": {"size": 15, "color": "#6b655c"},
}
CONFIG = {"displaylogo": False, "responsive": True, "modeBarButtonsToRemove": ["select2d", "lasso2d"]}


@dataclass
class Marks:
    """The x/y/customdata columns of one trace."""

    x: list = field(default_factory=list)
    y: list[str] = field(default_factory=list)
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


def _collect(events: Iterable[Event], rows: str) -> tuple[dict[tuple[str, bool], Marks], list[str]]:
    marks: dict[tuple[str, bool], Marks] = {}
    seen_rows: dict[str, None] = {}
    for event in events:
        if event.date_start is None:
            continue
        status = "verified" if event.status == Event.Status.VERIFIED else "new"
        ranged = _is_range(event)
        bucket = marks.setdefault((status, ranged), Marks())
        label = date_label(event.date_start, event.date_end, event.precision)
        for row in event_rows(event, rows):
            seen_rows.setdefault(row, None)
            bucket.y.append(row)
            bucket.customdata.append([event.slug, _short(event.title), label])
            if ranged:
                end_exclusive: date = event.date_end + timedelta(days=1)
                bucket.base.append(event.date_start.isoformat())
                bucket.x.append((end_exclusive - event.date_start).days * DAY_MS)
            else:
                bucket.x.append(event.date_start.isoformat())
    return marks, sorted(seen_rows, key=str.casefold)


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


def timeline_layout(*, row_names: list[str]) -> go.Layout:
    height = max(230, min(900, 90 + 46 * len(row_names)))
    return go.Layout(
        height=height,
        margin={"l": 10, "r": 10, "t": 10, "b": 40},
        font={"family": FONT, "size": 13, "color": "#2b2b2b"},
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="#fbfaf7",
        hovermode="closest",
        hoverlabel={"bgcolor": "#ffffff", "bordercolor": "#c9c3b8", "font": {"family": FONT, "size": 13}},
        barmode="overlay",
        dragmode="pan",
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom", "bgcolor": "rgba(0,0,0,0)"},
        xaxis={"type": "date", "showgrid": True, "gridcolor": "#e6e1d8", "zeroline": False, "automargin": True},
        yaxis={
            "type": "category",
            "categoryorder": "array",
            "categoryarray": list(reversed(row_names)),  # first row at the top
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
    figure = go.Figure(data=traces, layout=timeline_layout(row_names=row_names)).to_plotly_json()
    # The per-event columns join after plotly has built the traces: it would validate and copy every element.
    for trace, key in zip(figure["data"], keys, strict=True):
        column = marks[key]
        trace.update(x=column.x, y=column.y, customdata=column.customdata)
        if key[1]:
            trace["base"] = column.base
    if not traces:
        figure["layout"]["annotations"] = [NOTHING_TO_DRAW]
        figure["layout"]["xaxis"]["visible"] = figure["layout"]["yaxis"]["visible"] = False
    figure["layout"].pop("template", None)  # plotly.js defaults are enough; the template is ~10 kB
    figure["config"] = CONFIG
    return figure
