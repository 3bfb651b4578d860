"""The key dates of the timeline's current view: a short list above the full one, or a page of its own.

The timeline's results fragment loads this list with htmx (so the timeline answers before the days are
weighed); without JavaScript the same URL is a page linked from the list. The filters and the number of days
come from the same query string as the timeline's.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from timeline.web import selectors
from timeline.web.forms import TimelineFilterForm
from timeline.web.key_dates import KeyDate, key_dates

SHOWN_EVENTS = 3  # event links under a day; the day's own link lists them all
_NOT_CARRIED = {"date_from", "date_to", "start", "end", "page", "event"}


@dataclass(frozen=True)
class KeyDateRow:
    key_date: KeyDate
    url: str  # the timeline narrowed to that day, with the other filters kept

    @property
    def more(self) -> int:
        return max(0, len(self.key_date.events) - SHOWN_EVENTS)

    @property
    def shown_events(self) -> list:
        return self.key_date.events[:SHOWN_EVENTS]


def _day_url(request: HttpRequest, day: str) -> str:
    pairs = [(k, v) for k, v in request.GET.items() if k not in _NOT_CARRIED and v.strip()]
    return f"{reverse('timeline')}?{urlencode([*pairs, ('date_from', day), ('date_to', day)])}"


@require_GET
def key_dates_list(request: HttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET or None, actors=selectors.actors_in_public_events())
    count = form.key_date_count()
    days = key_dates(filters=form.filters(), count=count) if count else []
    context = {
        "form": form,
        "count": count,
        "rows": [KeyDateRow(key_date=d, url=_day_url(request, d.day.isoformat())) for d in days],
        "query": urlencode([(k, v) for k, v in request.GET.items() if v.strip()]),
    }
    fragment = bool(getattr(request, "htmx", False)) and not request.htmx.history_restore_request  # type: ignore[attr-defined]
    return render(request, "timeline/_key_dates.html" if fragment else "timeline/key_dates.html", context)
