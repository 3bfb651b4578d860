"""python manage.py export_events [--format json|csv|timelinejs|ics] [--output FILE]: the timeline as data.

The JSON form is the contract in DESIGN.md; rejected events and events merged into another are left out.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from pathlib import Path

from django.core.management.base import BaseCommand, CommandParser

from timeline.models import Article, Event


def export_data() -> dict:
    """Articles and events in the shape of DESIGN.md's export contract."""
    articles = [
        {
            "id": a.id,
            "title": a.title,
            "url": a.url,
            "publisher": a.publisher.name if a.publisher else None,
            "published": a.published.isoformat() if a.published else None,
            "published_source": a.published_source,
            "duplicate_of": a.duplicate_of_id,
        }
        for a in Article.objects.select_related("publisher").order_by("id")
    ]
    events = (
        Event.objects.exclude(status=Event.Status.REJECTED)
        .filter(merged_into__isnull=True)
        .prefetch_related("actors", "places", "mentions__passage")
        .order_by("date_start", "id")
    )
    out = []
    for e in events:
        mentions = sorted(e.mentions.all(), key=lambda m: (m.passage.article_id, m.passage.index))
        out.append(
            {
                "slug": e.slug,
                "url": e.get_absolute_url(),
                "title": e.title,
                "summary": e.summary,
                "type": e.event_type,
                "date_start": e.date_start.isoformat() if e.date_start else None,
                "date_end": e.date_end.isoformat() if e.date_end else None,
                "precision": e.precision,
                "status": e.status,
                "actors": sorted(a.name for a in e.actors.all()),
                "places": sorted(p.name for p in e.places.all()),
                "publishers": e.publisher_count,
                "sources": [
                    {
                        "article": m.passage.article_id,
                        "passage": m.passage.text,
                        "start": m.passage.start,
                        "end": m.passage.end,
                        "date_text": m.date_text or None,
                    }
                    for m in mentions
                ],
            }
        )
    return {"articles": articles, "events": out}


CSV_FIELDS = ["slug", "url", "title", "type", "date_start", "date_end", "precision", "status", "actors", "places",
              "publishers", "sources"]  # fmt: skip


def to_csv(data: dict) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for e in data["events"]:
        row = dict(e)
        row["actors"] = "; ".join(e["actors"])
        row["places"] = "; ".join(e["places"])
        row["sources"] = len(e["sources"])
        writer.writerow(row)
    return buf.getvalue()


def _tl_date(iso: str) -> dict:
    y, m, d = iso.split("-")
    return {"year": int(y), "month": int(m), "day": int(d)}


def to_timelinejs(data: dict) -> str:
    """The JSON that TimelineJS reads: one slide per dated event."""
    events = []
    for e in data["events"]:
        if not e["date_start"]:
            continue
        slide = {
            "unique_id": e["slug"],
            "start_date": _tl_date(e["date_start"]),
            "text": {"headline": e["title"], "text": e["summary"]},
            "group": e["type"],
        }
        if e["date_end"] and e["date_end"] != e["date_start"]:
            slide["end_date"] = _tl_date(e["date_end"])
        events.append(slide)
    return json.dumps({"title": {"text": {"headline": "Timeline"}}, "events": events}, ensure_ascii=False, indent=2)


def _ics_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """RFC 5545 lines are at most 75 octets; longer ones continue on lines starting with a space."""
    out, current = [], ""
    for ch in line:
        if len((current + ch).encode("utf-8")) > 75:
            out.append(current)
            current = " " + ch
        else:
            current += ch
    out.append(current)
    return "\r\n".join(out)


def to_ics(data: dict) -> str:
    """An iCalendar file: each dated event an all-day entry (DTEND is exclusive)."""
    from datetime import date

    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//geopolitical timeline//export_events//EN"]
    for e in data["events"]:
        if not e["date_start"]:
            continue
        start = date.fromisoformat(e["date_start"])
        end = date.fromisoformat(e["date_end"] or e["date_start"]) + timedelta(days=1)
        lines += [
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
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


class Command(BaseCommand):
    help = "Export the timeline's events (JSON by default, to stdout)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=["json", "csv", "timelinejs", "ics"], default="json")
        parser.add_argument("--output", type=Path, help="write to this file instead of stdout")

    def handle(self, *args: object, format: str, output: Path | None, **options: object) -> None:
        data = export_data()
        if format == "json":
            text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
        else:
            text = {"csv": to_csv, "timelinejs": to_timelinejs, "ics": to_ics}[format](data)
        if output is not None:
            output.write_text(text, encoding="utf-8", newline="")
            self.stderr.write(f"{len(data['events'])} events written to {output}")
        else:
            self.stdout.write(text, ending="")
