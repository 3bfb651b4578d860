"""How the public pages say things: event dates by precision, an article's text cut at its passages,
and a public change log from an event's history. Plain functions over plain values and model rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from timeline.extraction.lexicon.calendar_words import MONTH_TITLES

MONTHS = MONTH_TITLES

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


# What the public change log reports, each change said as a reader would (never field names or counters).
REWORDED = {"title": "headline revised", "summary": "summary revised", "event_type": "type corrected"}
STATUS_WORDS = {"verified": "checked by a curator", "new": "marked as not yet checked", "rejected": "withdrawn"}


@dataclass(frozen=True)
class Change:
    when: Any
    what: str


def _date_change(previous: Any, record: Any) -> str:
    old = date_label(previous.date_start, previous.date_end, previous.precision)
    new = date_label(record.date_start, record.date_end, record.precision)
    return f"date corrected from {old} to {new}" if old != new else ""


def _change_words(previous: Any, record: Any) -> list[str]:
    parts = [words for name, words in REWORDED.items() if getattr(previous, name, None) != getattr(record, name, None)]
    dated = _date_change(previous, record)
    if dated:
        parts.append(dated)
    if previous.date_disputed != record.date_disputed:
        parts.append("sources now disagree on the date" if record.date_disputed else "sources now agree on the date")
    if previous.status != record.status:
        parts.append(STATUS_WORDS.get(record.status, "status changed"))
    old_n, new_n = previous.publisher_count or 0, record.publisher_count or 0
    if new_n > old_n:
        parts.append(f"reported by {new_n - old_n} more publisher{'s' if new_n - old_n > 1 else ''}")
    elif new_n < old_n:
        parts.append("a source was set apart")
    return parts


def change_log(records: Iterable[Any]) -> list[Change]:
    """Public lines from history records (newest first): when, and what changed, never by whom."""
    ordered = sorted(records, key=lambda r: r.history_date)
    changes: list[Change] = []
    previous = None
    for record in ordered:
        if record.history_type == "+" or previous is None:
            changes.append(Change(record.history_date, "first recorded"))
        else:
            parts = _change_words(previous, record)
            if parts:
                changes.append(Change(record.history_date, "; ".join(parts).capitalize()))
        previous = record
    changes.reverse()
    return changes


SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z“\"])")
SENTENCE_MAX = 220


def one_sentence(text: str) -> str:
    """The first sentence of ``text``, cut at a word near ``SENTENCE_MAX`` characters."""
    text = " ".join(text.split())
    first = SENTENCE_END.split(text, maxsplit=1)[0] if text else ""
    if len(first) <= SENTENCE_MAX:
        return first
    return first[:SENTENCE_MAX].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def list_heading(start: date | None, precision: str) -> str:
    """The heading an event is listed under: its month, or its year when known only to the year or coarser."""
    if start is None:
        return "Date unknown"
    if precision in ("year", "decade"):
        return str(start.year)
    return f"{MONTHS[start.month - 1]} {start.year}"
