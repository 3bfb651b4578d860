"""Downloads of the timeline's current view (the same filters) in every export format, streamed."""

from __future__ import annotations

from django.http import HttpRequest, StreamingHttpResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from timeline.events.export import export_chunks
from timeline.web import selectors
from timeline.web.forms import TimelineFilterForm

LABELS = {"csv": "CSV", "json": "JSON", "ics": "iCalendar", "timelinejs": "TimelineJS"}
FORMATS = {  # name: (media type, file name)
    "json": ("application/json", "timeline.json"),
    "csv": ("text/csv", "timeline.csv"),
    "ics": ("text/calendar", "timeline.ics"),
    "timelinejs": ("application/json", "timeline-timelinejs.json"),
}


def export_links(request: HttpRequest, query: str) -> list[tuple[str, str]]:
    """(label, link) of each download of the view whose filters are ``query``."""
    base = reverse("timeline_download")
    return [(LABELS[fmt], f"{base}?{query + '&' if query else ''}format={fmt}") for fmt in LABELS]


def base_url(request: HttpRequest) -> str:
    """The site's address, so exported links are absolute."""
    return request.build_absolute_uri("/").rstrip("/")


@require_safe
def timeline_download(request: HttpRequest) -> StreamingHttpResponse:
    """The events of the timeline's filters in ``format`` (json, csv, ics, timelinejs; JSON when unknown)."""
    fmt = request.GET.get("format", "json")
    fmt = fmt if fmt in FORMATS else "json"
    form = TimelineFilterForm(request.GET or None, actors=selectors.actors_in_public_events())
    events = selectors.events_for_timeline(filters=form.filters())
    media_type, filename = FORMATS[fmt]
    chunks = export_chunks(fmt=fmt, events=events, base_url=base_url(request))
    response = StreamingHttpResponse(chunks, content_type=f"{media_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
