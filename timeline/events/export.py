"""The timeline as data: DESIGN.md's export shape (JSON, CSV, TimelineJS, ICS), streamed at constant memory.

This is the one exporter. ``manage.py export_events`` writes with it, and so should every other way out of
the app (download buttons, the JSON API):

- ``event_records(events)`` yields each event of a queryset as the contract's dict (``slug``, ``url``,
  ``title``, ... ``sources``), reading it in keyset-paginated chunks, so the caller may pass the timeline's
  filtered queryset and a million events never sit in memory at once. ``event_record(event)`` is one event.
- ``article_records()`` yields the articles' dicts the same way.
- ``export_write(out, fmt=...)`` writes a whole export (``json``, ``csv``, ``timelinejs`` or ``ics``) to a
  text stream as it reads; ``export_chunks(fmt=...)`` yields the same text piece by piece (for a
  ``StreamingHttpResponse``). Pass ``events=`` to export a filtered selection.

Events leave out rejected ones and those merged into another (``public_events()``); dated events come in
date order, then undated ones, each by id.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import date, timedelta
from typing import IO, Any

from django.conf import settings
from django.db import reset_queries
from django.db.models import Q, QuerySet
from django.urls import reverse

from timeline.models import Article, Event, Mention, clause_in_passage

CHUNK = 500  # events (or articles) read per query
FORMATS = ("json", "csv", "timelinejs", "ics")
CSV_FIELDS = ["slug", "url", "title", "type", "date_start", "date_end", "precision", "status", "actors", "places",
              "publishers", "sources"]  # fmt: skip


def public_events() -> QuerySet[Event]:
    """The events an export shows: not rejected, not merged into another."""
    return Event.objects.exclude(status=Event.Status.REJECTED).filter(merged_into__isnull=True)


# ---------------------------------------------------------------- records


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _forget_queries() -> None:
    """With DEBUG on, Django keeps the last 9,000 queries: a page's keys make each one long (about 30 MB at a
    million events), so the export forgets them page by page, as a request does when it begins."""
    if settings.DEBUG:
        reset_queries()


def article_records(*, chunk: int = CHUNK) -> Iterator[dict[str, Any]]:
    """Every article as the contract's dict, by id, read ``chunk`` at a time."""
    last = 0
    while True:
        _forget_queries()
        rows = list(
            Article.objects.filter(id__gt=last)
            .order_by("id")
            .values_list("id", "title", "url", "publisher__name", "published", "published_source", "duplicate_of_id")[
                :chunk
            ]
        )
        for aid, title, url, publisher, published, source, duplicate_of in rows:
            yield {
                "id": aid,
                "title": title,
                "url": url,
                "publisher": publisher,
                "published": _iso(published),
                "published_source": source,
                "duplicate_of": duplicate_of,
            }
        if len(rows) < chunk:
            return
        last = rows[-1][0]


def _event_pages(events: QuerySet[Event], chunk: int) -> Iterator[list[Event]]:
    """The events in pages: dated ones by (date_start, id), then undated ones by id; keyset, never OFFSET."""
    dated = events.filter(date_start__isnull=False).order_by("date_start", "id")
    after: Q | None = None
    while True:
        _forget_queries()
        page = list((dated.filter(after) if after is not None else dated)[:chunk])
        if page:
            yield page
        if len(page) < chunk:
            break
        last = page[-1]
        # (date_start, id) after the last one, written so that the index on date_start serves as a range
        after = Q(date_start__gte=last.date_start) & ~Q(date_start=last.date_start, id__lte=last.id)
    undated = events.filter(date_start__isnull=True).order_by("id")
    last_id = 0
    while True:
        _forget_queries()
        page = list(undated.filter(id__gt=last_id)[:chunk])
        if page:
            yield page
        if len(page) < chunk:
            return
        last_id = page[-1].id


def _names(through: type, ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for event_id, name in through.objects.filter(event_id__in=ids).values_list("event_id", "actor__name"):
        found.setdefault(event_id, []).append(name)
    return found


def _records(page: list[Event], url_of: str) -> Iterator[dict[str, Any]]:
    """The contract's dicts for one page of events, in three queries (links, places, sources)."""
    ids = [e.id for e in page]
    actors = _names(Event.actors.through, ids)
    places = _names(Event.places.through, ids)
    sources: dict[int, list[dict[str, Any]]] = {}
    rows = (
        Mention.objects.filter(event_id__in=ids)
        .order_by("passage__article_id", "passage__index", "id")
        .values_list(
            "event_id",
            "passage__article_id",
            "passage__text",
            "passage__start",
            "passage__end",
            "start",
            "end",
            "date_text",
        )
    )
    for event_id, article, sentence, p_start, p_end, c_start, c_end, date_text in rows:
        # the passage is the clause that tells the event; the sentence around it comes beside it
        a, b = clause_in_passage(p_start, p_end, c_start, c_end)
        sources.setdefault(event_id, []).append(
            {
                "article": article,
                "passage": sentence[a:b],
                "start": p_start + a,
                "end": p_start + b,
                "date_text": date_text or None,
                "sentence": sentence,
            }
        )
    for e in page:
        yield {
            "slug": e.slug,
            "url": url_of.replace("__slug__", e.slug),
            "title": e.title,
            "summary": e.summary,
            "type": e.event_type,
            "date_start": _iso(e.date_start),
            "date_end": _iso(e.date_end),
            "precision": e.precision,
            "status": e.status,
            "actors": sorted(actors.get(e.id, [])),
            "places": sorted(places.get(e.id, [])),
            "publishers": e.publisher_count,
            "sources": sources.get(e.id, []),
        }


def _url_template(base_url: str = "") -> str:
    """An event's link with ``__slug__`` for its slug; absolute under ``base_url`` (e.g. https://example.org)."""
    return base_url.rstrip("/") + reverse("event_detail", args=["__slug__"])


def event_records(
    events: QuerySet[Event] | None = None, *, chunk: int = CHUNK, base_url: str = ""
) -> Iterator[dict[str, Any]]:
    """Each event of ``events`` (default: ``public_events()``) as the contract's dict, ``chunk`` at a time."""
    url_of = _url_template(base_url)
    base = public_events() if events is None else events
    for page in _event_pages(base.defer("search_text", "search_vector", "locked_fields"), chunk):
        yield from _records(page, url_of)


def event_record(event: Event, *, base_url: str = "") -> dict[str, Any]:
    """One event as the contract's dict (the shape of an element of the export's ``events``)."""
    return next(_records([event], _url_template(base_url)))


# ---------------------------------------------------------------- formats


def _json_list(items: Iterable[Any], depth: int) -> Iterator[str]:
    """A JSON list written item by item, byte for byte what ``json.dumps(list, indent=2)`` writes at ``depth``."""
    pad = "\n" + "  " * (depth + 1)
    first = True
    for item in items:
        text = json.dumps(item, ensure_ascii=False, indent=2).replace("\n", pad)
        yield ("[" if first else ",") + pad + text
        first = False
    yield "[]" if first else "\n" + "  " * depth + "]"


def json_chunks(events: QuerySet[Event] | None = None, base_url: str = "") -> Iterator[str]:
    """``{"articles": [...], "events": [...]}`` as ``json.dumps(..., indent=2)`` writes it, plus a newline."""
    yield '{\n  "articles": '
    yield from _json_list(article_records(), 1)
    yield ',\n  "events": '
    yield from _json_list(event_records(events, base_url=base_url), 1)
    yield "\n}\n"


def csv_chunks(events: QuerySet[Event] | None = None, base_url: str = "") -> Iterator[str]:
    """One row per event: actors and places joined by "; ", sources as their number."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for e in event_records(events, base_url=base_url):
        row = dict(e)
        row["actors"] = "; ".join(e["actors"])
        row["places"] = "; ".join(e["places"])
        row["sources"] = len(e["sources"])
        writer.writerow(row)
        if buf.tell() > 64 * 1024:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _tl_date(iso: str) -> dict[str, int]:
    y, m, d = iso.split("-")
    return {"year": int(y), "month": int(m), "day": int(d)}


def _slides(events: QuerySet[Event] | None, base_url: str = "") -> Iterator[dict[str, Any]]:
    for e in event_records(events, base_url=base_url):
        if not e["date_start"]:
            continue
        slide: dict[str, Any] = {
            "unique_id": e["slug"],
            "start_date": _tl_date(e["date_start"]),
            "text": {"headline": e["title"], "text": e["summary"]},
            "background": {"url": e["url"]},
            "group": e["type"],
        }
        if e["date_end"] and e["date_end"] != e["date_start"]:
            slide["end_date"] = _tl_date(e["date_end"])
        yield slide


def timelinejs_chunks(events: QuerySet[Event] | None = None, base_url: str = "") -> Iterator[str]:
    """The JSON that TimelineJS reads: one slide per dated event."""
    yield '{\n  "title": {\n    "text": {\n      "headline": "Timeline"\n    }\n  },\n  "events": '
    yield from _json_list(_slides(events, base_url), 1)
    yield "\n}"


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue on lines starting with a space."""
    out, current, size = [], "", 0
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " " + ch, 1 + width
        else:
            current += ch
            size += width
    out.append(current)
    return "\r\n".join(out)


def ics_chunks(events: QuerySet[Event] | None = None, base_url: str = "") -> Iterator[str]:
    """An iCalendar file: each dated event an all-day entry (DTEND is exclusive)."""
    yield "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//geopolitical timeline//export_events//EN\r\n"
    for e in event_records(events, base_url=base_url):
        if not e["date_start"]:
            continue
        start = date.fromisoformat(e["date_start"])
        last = date.fromisoformat(e["date_end"] or e["date_start"])
        end = last + timedelta(days=1) if last < date.max else last
        lines = [
            "BEGIN:VEVENT",
            f"UID:{e['slug']}@timeline",
            f"DTSTAMP:{start.strftime('%Y%m%d')}T000000Z",
            f"DTSTART;VALUE=DATE:{start.strftime('%Y%m%d')}",
            f"DTEND;VALUE=DATE:{end.strftime('%Y%m%d')}",
            f"SUMMARY:{_ics_escape(e['title'])}",
            f"DESCRIPTION:{_ics_escape(e['summary'])}",
            f"CATEGORIES:{_ics_escape(e['type'])}",
            f"URL:{e['url']}",
            "END:VEVENT",
        ]
        yield "".join(_fold(line) + "\r\n" for line in lines)
    yield "END:VCALENDAR\r\n"


_WRITERS = {"json": json_chunks, "csv": csv_chunks, "timelinejs": timelinejs_chunks, "ics": ics_chunks}


def export_chunks(*, fmt: str = "json", events: QuerySet[Event] | None = None, base_url: str = "") -> Iterator[str]:
    """The export in format ``fmt`` as a stream of text pieces (JSON of the whole export, or one of the others);
    event links absolute under ``base_url`` when given."""
    if fmt not in _WRITERS:
        raise ValueError(f"unknown export format {fmt!r}; one of {', '.join(FORMATS)}")
    return _WRITERS[fmt](events, base_url)


def export_write(out: IO[str], *, fmt: str = "json", events: QuerySet[Event] | None = None, base_url: str = "") -> None:
    """Write the export in format ``fmt`` to ``out`` as it is read."""
    for piece in export_chunks(fmt=fmt, events=events, base_url=base_url):
        out.write(piece)
