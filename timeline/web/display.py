"""How the public pages say things: event dates by precision, an article's text cut at its passages,
and a public change log from an event's history. Plain functions over plain values and model rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")


def day_label(value: date) -> str:
    """'26 Feb 2025'."""
    return f"{value.day} {MONTHS[value.month - 1][:3]} {value.year}"


def date_label(start: date | None, end: date | None, precision: str) -> str:
    """An event's date as a reader says it, at the precision it is known to."""
    if start is None:
        return "date unknown"
    if precision == "day":
        return day_label(start)
    if precision == "week":
        return f"week of {day_label(start)}"
    if precision == "month":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if precision == "quarter":
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if precision == "year":
        return str(start.year)
    if precision == "decade":
        return f"the {start.year // 10 * 10}s"
    if end is None or end == start:
        return f"around {day_label(start)}"
    return f"between {day_label(start)} and {day_label(end)}"


def range_label(start: date | None, end: date | None) -> str:
    """The exact days a date covers: '1 Feb 2025 – 7 Feb 2025', or one day."""
    if start is None:
        return ""
    if end is None or end == start:
        return day_label(start)
    return f"{day_label(start)} – {day_label(end)}"


@dataclass
class Piece:
    """A stretch of an article's text; a passage when ``passage`` is set."""

    text: str
    passage: Any = None


@dataclass
class Paragraph:
    pieces: list[Piece] = field(default_factory=list)


def _add_plain(paragraphs: list[Paragraph], text: str) -> None:
    chunks = PARAGRAPH_BREAK.split(text)
    for number, chunk in enumerate(chunks):
        if number > 0 and paragraphs[-1].pieces:
            paragraphs.append(Paragraph())
        if chunk.strip():
            paragraphs[-1].pieces.append(Piece(chunk))


def article_paragraphs(text: str, passages: Sequence[Any]) -> list[Paragraph]:
    """Cut ``text`` into paragraphs of plain stretches and passages (objects with start, end, paragraph).

    Every character of the text lands in exactly one piece; a passage whose offsets fall outside the
    text or overlap an earlier one is left as plain text rather than misplaced.
    """
    paragraphs = [Paragraph()]
    position = 0
    last_paragraph = None
    for passage in sorted(passages, key=lambda p: (p.start, p.end)):
        if passage.start < position or passage.end > len(text) or passage.end <= passage.start:
            continue
        _add_plain(paragraphs, text[position : passage.start])
        if last_paragraph is not None and passage.paragraph != last_paragraph and paragraphs[-1].pieces:
            paragraphs.append(Paragraph())
        paragraphs[-1].pieces.append(Piece(text[passage.start : passage.end], passage))
        last_paragraph = passage.paragraph
        position = passage.end
    _add_plain(paragraphs, text[position:])
    return [paragraph for paragraph in paragraphs if paragraph.pieces]


# What the public change log reports, and how it names each field.
LOGGED_FIELDS = {
    "title": "title",
    "summary": "summary",
    "event_type": "type",
    "date_start": "start date",
    "date_end": "end date",
    "precision": "date precision",
    "date_disputed": "sources disagree on the date",
    "status": "status",
    "publisher_count": "publishers",
}
REWORDED_FIELDS = {"title", "summary"}


@dataclass(frozen=True)
class Change:
    when: Any
    what: str


def _show(value: Any) -> str:
    if isinstance(value, date):
        return day_label(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if value in (None, ""):
        return "none"
    return str(value)


def change_log(records: Iterable[Any]) -> list[Change]:
    """Public lines from history records (newest first): when, and what changed, never by whom."""
    ordered = sorted(records, key=lambda r: r.history_date)
    changes: list[Change] = []
    previous = None
    for record in ordered:
        if record.history_type == "+" or previous is None:
            changes.append(Change(record.history_date, "first recorded"))
        else:
            parts = []
            for name, label in LOGGED_FIELDS.items():
                old, new = getattr(previous, name, None), getattr(record, name, None)
                if old == new:
                    continue
                if name in REWORDED_FIELDS:
                    parts.append(f"{label} revised")
                else:
                    parts.append(f"{label}: {_show(old)} → {_show(new)}")
            if parts:
                changes.append(Change(record.history_date, "; ".join(parts)))
        previous = record
    changes.reverse()
    return changes
