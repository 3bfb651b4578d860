"""Publication dates: the years the timeline can place, and header dates in free form ("31 October 2024,
21:35", "Updated 3 hours ago", "Publié le 12 mars 2024").

Free-form dates are read by dateparser, with an explicit list of languages, once the fixed header forms of
timeline.extraction.clean.header_dates have found nothing. A relative one ("3 hours ago", "Tuesday") is read only
against a reference time the caller gives (when the page was captured): a file's modification time is no
such time (a copy or a checkout resets it), and a page undated in itself stays undated. Only a short line
that carries a publication label, or that has a digit and nothing but a date in it, is tried.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import dateparser

PUBLISHED_YEARS = (1900, 2100)  # a publication date outside these years is not one the timeline can place
LANGUAGES = ["en", "de", "fr", "es", "it", "pt", "nl"]
MAX_CHARS = 60  # a header date line is short


def published_in_range(day: date) -> bool:
    """Whether a publication date falls within PUBLISHED_YEARS."""
    return PUBLISHED_YEARS[0] <= day.year <= PUBLISHED_YEARS[1]


_LABEL = re.compile(
    r"^(?:(?:last\s+|first\s+)?(?:published|updated|modified|posted)(?:\s+on|\s+at)?"
    r"|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|publié(?:\s+le)?|mis à jour(?:\s+le)?|publicado(?:\s+el)?"
    r"|actualizado(?:\s+el)?|pubblicato(?:\s+il)?|aggiornato(?:\s+il)?|gepubliceerd(?:\s+op)?|bijgewerkt(?:\s+op)?)"
    r"\s*:?\s+",
    re.I,
)
_DAY_AND_YEAR = re.compile(r"\b\d{1,2}\b.*\b(?:19|20)\d{2}\b|\b(?:19|20)\d{2}\b.*\b\d{1,2}\b")
_RELATIVE = re.compile(r"\d+\s+\w+\s+ago\b|\bhace\s+\d|\bil y a\s+\d|\bvor\s+\d|\d+\s+\w+\s+fa\b|\bhá\s+\d", re.I)
# a clock time joined by a word ("à 14h05", "um 14:05 Uhr", "a las 14:05"): the day is read without it
_CLOCK_AFTER = re.compile(r"\s*,?\s+(?:à|um|a las|alle|om|at)\s+\d{1,2}(?:[:h.]\d{2})?(?:\s*uhr)?\s*$", re.I)


def free_form_date(line: str, reference: datetime | None = None) -> tuple[date, datetime | None, str, str] | None:
    """The publication date a header line gives in free form: (day, time or None, the line, "free form")."""
    stripped = line.strip()
    if len(stripped) > MAX_CHARS:
        return None
    label = _LABEL.match(stripped)
    rest = stripped[label.end() :] if label else stripped
    if not label and not (_DAY_AND_YEAR.search(rest) or _RELATIVE.search(rest)):
        return None  # a bare "Monday", "2024" or a name: without a label, a day and a year, or "... ago"
    base = reference or datetime.now()
    found = None
    for text in dict.fromkeys((rest, _CLOCK_AFTER.sub("", rest))):
        found = _parse(text, base)
        if found is not None:
            break
    if found is None or not published_in_range(found.date()) or found > base + timedelta(days=1):
        return None
    if reference is None and _parse(text, _OTHER_BASE) != found:
        return None  # "3 hours ago", "Tuesday": a date only against the time the page was saved, not known here
    has_time = bool(re.search(r"\d{1,2}[:h.]\d{2}", rest) or _RELATIVE.search(rest))
    return found.date(), (found if has_time else None), stripped, "free form"


_OTHER_BASE = datetime(2001, 6, 15, 12, 0)  # a second base: a date that moves with the base is a relative one


def _parse(text: str, base: datetime) -> datetime | None:
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    return dateparser.parse(text, languages=LANGUAGES, settings=settings)
