"""The read-only JSON API: ``/api/events/`` (the timeline's filters as query parameters, cursor pages) and
``/api/events/<slug>/``, each event in the export's shape (timeline.export).

Pages follow the timeline's order (date, then id; undated events last). ``next`` is the link to the following
page, null on the last one. Answers carry an ETag and may be cached for a minute; a bad parameter is a 400
naming it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
from datetime import date

from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseNotModified
from django.views.decorators.http import require_safe

from timeline.events.export import event_record, event_records
from timeline.models import Event
from timeline.web import selectors
from timeline.web.downloads import base_url
from timeline.web.forms import TimelineFilterForm

PAGE_DEFAULT, PAGE_MAX = 50, 200
MAX_AGE = 60


def _cached(request: HttpRequest, payload: dict, status: int = 200) -> HttpResponse:
    body = json.dumps(payload, ensure_ascii=False)
    etag = '"' + hashlib.sha256(body.encode()).hexdigest()[:32] + '"'
    if status == 200 and etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = HttpResponse(body, status=status, content_type="application/json")
    response["ETag"] = etag
    response["Cache-Control"] = f"public, max-age={MAX_AGE}" if status == 200 else "no-cache"
    response["Vary"] = "Accept-Encoding"
    return response


def _bad(request: HttpRequest, errors: dict[str, str]) -> HttpResponse:
    return _cached(request, {"errors": errors}, status=400)


def encode_cursor(event: Event) -> str:
    raw = f"{event.date_start.isoformat() if event.date_start else ''}|{event.pk}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date | None, int]:
    """The (date, id) a cursor stands for; ValueError when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, pk = raw.split("|")
        return (date.fromisoformat(day) if day else None), int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValueError("not a cursor from this API") from exc


def after_cursor(events: QuerySet[Event], cursor: tuple[date | None, int]) -> QuerySet[Event]:
    """The events that follow the cursor in the timeline's order (date, id; undated last)."""
    day, pk = cursor
    if day is None:
        return events.filter(date_start__isnull=True, pk__gt=pk)
    return events.filter(Q(date_start__gt=day) | Q(date_start=day, pk__gt=pk) | Q(date_start__isnull=True))


@require_safe
def events_list(request: HttpRequest) -> HttpResponse:
    form = TimelineFilterForm(request.GET or None, actors=selectors.actors_in_public_events())
    errors = {name: " ".join(e) for name, e in form.errors.items()} if form.is_bound and not form.is_valid() else {}
    limit_text = request.GET.get("limit", "")
    limit = PAGE_DEFAULT
    if limit_text:
        if not limit_text.isdigit() or not 1 <= int(limit_text) <= PAGE_MAX:
            errors["limit"] = f"a whole number from 1 to {PAGE_MAX}"
        else:
            limit = int(limit_text)
    events = selectors.events_for_timeline(filters=form.filters())
    if request.GET.get("cursor"):
        try:
            events = after_cursor(events, decode_cursor(request.GET["cursor"]))
        except ValueError:
            errors["cursor"] = "not a cursor from this API: use the next link of a page"
    if errors:
        return _bad(request, errors)
    page = list(events[: limit + 1])
    following = None
    if len(page) > limit:
        page = page[:limit]
        query = request.GET.copy()
        query["cursor"] = encode_cursor(page[-1])
        following = request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    chosen = Event.objects.filter(pk__in=[e.pk for e in page])
    rows = {row["slug"]: row for row in event_records(chosen, base_url=base_url(request))}
    return _cached(request, {"events": [rows[e.slug] for e in page], "next": following})


@require_safe
def event_item(request: HttpRequest, slug: str) -> HttpResponse:
    event = selectors.public_events().filter(slug=slug[:200]).first()
    if event is None:
        return _cached(request, {"errors": {"slug": "no public event has this slug"}}, status=404)
    return _cached(request, event_record(event, base_url=base_url(request)))
