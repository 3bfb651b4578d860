"""Grammar rules for dates anchored to the day the article mentioned before.

"two days later", "the next day", "on the same day", "days after", "the same period a year earlier": their date
follows from the last day (or period) mentioned, not from the publication date; without one, the publication
date stands in (anchor_kind then says "dct").
"""

from __future__ import annotations

import re
from datetime import date

from timeline.extraction.temporal.calendar import shift_days, week_value
from timeline.extraction.temporal.grammar import (
    Context,
    Handler,
    Reading,
    Resolver,
    date_reading,
    day_reading,
    unresolved,
)
from timeline.extraction.temporal.lexicon import number_value
from timeline.extraction.temporal.rules.relative import part_suffix, shift_resolver


def _later(m: re.Match[str], text: str) -> Resolver | None:
    unit = m.group("unit").lower()
    direction = -1 if (m.group("dir") or m.group("dir2")).lower() in {"earlier", "before", "prior"} else 1
    amount = number_value(m.group("n")) if m.group("n") else None
    if m.group("n") and amount is None:
        return None
    if m.group("n") and m.group("dir2") and m.group("alone") is None:
        return None  # "two weeks after the crash": a duration before an event, not a date after the last one
    if m.group("dir") and re.match(r"\s+than\b", text[m.end() : m.end() + 8]):
        return None  # "a month earlier than usual": a difference, a duration
    if m.group("dir2") and m.group("alone") is None and not m.group("n"):
        return None  # "days before the vote": a vague duration before an event
    if amount is None and not m.group("plural"):
        return None  # "the day after": the anchored-day rule's
    if amount is None:  # "days later", "weeks after": a vague span after the day mentioned before
        return _vague_after(unit, direction)
    if amount != int(amount):
        return None
    if unit == "year":
        return _years_from_previous(direction * int(amount))
    return shift_resolver(direction * int(amount), unit, previous=True)


_MONTH_OR_QUARTER = re.compile(r"\d{4}-(?:\d\d|Q[1-4]|H[12])")


def _years_from_previous(n: int) -> Resolver:
    """ "a year earlier", "two years later": counted from the period mentioned last, at its grain.

    After "exports rose in December" a year earlier is the December before; after "talks broke down in 2021"
    a year later is 2022; after a day it is that day a year away; with nothing mentioned, from the dct.
    """
    by_day = shift_resolver(n, "year", previous=True)

    def resolve(ctx: Context) -> Reading:
        year, period = ctx.previous_year, ctx.previous_period
        if year is None or (period and period.startswith(f"{year:04d}-") and not _MONTH_OR_QUARTER.fullmatch(period)):
            return by_day(ctx)  # nothing dated yet, or the last period was a day or a week of that year
        if not 1 <= year + n <= 9999:
            return unresolved("year", "previous", "XXXX")
        rest = period[4:] if period and _MONTH_OR_QUARTER.fullmatch(period) and period.startswith(f"{year:04d}") else ""
        reading = date_reading(f"{year + n:04d}{rest}", None, "previous")
        return Reading(
            "DATE",
            reading.value,
            reading.range_start,
            reading.range_end,
            reading.precision,
            date(year, 7, 1),
            "previous",
        )

    return resolve


def _vague_after(unit: str, direction: int) -> Resolver:
    def resolve(ctx: Context) -> Reading:
        anchor = ctx.previous
        if anchor is None or unit not in {"day", "week"}:
            return unresolved("unknown", "previous")
        days = (1, 6) if unit == "day" else (7, 27)
        first = shift_days(anchor, direction * days[0])
        last = shift_days(anchor, direction * days[1])
        if first is None or last is None:
            return unresolved("unknown", "previous")
        first, last = min(first, last), max(first, last)
        value = week_value(first) if unit == "day" else f"{first.year:04d}-{first.month:02d}"
        return Reading("DATE", value, first, last, "week" if unit == "day" else "month", anchor, "previous")

    return resolve


ANCHORED_DAYS = {
    "same": 0,
    "that": 0,
    "this": 0,
    "next": 1,
    "following": 1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
}


def _anchored_day(m: re.Match[str], text: str) -> Resolver | None:
    word = (m.group("which") or m.group("which2") or "same").lower()
    offset = ANCHORED_DAYS.get(word, 0)
    if m.group("dir"):
        offset = 1 if m.group("dir").lower() == "after" else -1
    part = m.group("part")
    suffix = part_suffix(part) if part else ""
    type_ = "TIME" if suffix else "DATE"

    def resolve(ctx: Context) -> Reading:
        anchor = ctx.previous or ctx.dct
        kind = "previous" if ctx.previous else "dct"
        if anchor is None:
            return unresolved("day", "previous", "XXXX-XX-XX" + suffix, type_)
        day = shift_days(anchor, offset)
        return day_reading(day, anchor, kind, suffix, type_) if day else unresolved("day", kind)

    return resolve


def _same_period_last_year(m: re.Match[str], text: str) -> Resolver | None:
    """ "the same month a year earlier", "the same period last year": the period mentioned before, a year back."""
    unit = m.group("unit").lower()

    def resolve(ctx: Context) -> Reading:
        period = ctx.previous_period
        kind = "previous"
        if period is None and ctx.dct is not None:
            period, kind = (
                (
                    ctx.dct.isoformat()[:7]
                    if unit != "quarter"
                    else f"{ctx.dct.year:04d}-Q{(ctx.dct.month - 1) // 3 + 1}"
                ),
                "dct",
            )
        if period is None:
            return unresolved("month", "previous", "XXXX-XX")
        year, rest = int(period[:4]), period[4:]
        if unit == "month" and re.match(r"-\d\d-\d\d", rest):
            rest = rest[:3]
        if unit == "quarter" and re.match(r"-\d\d", rest):
            rest = f"-Q{(int(rest[1:3]) - 1) // 3 + 1}"
        if rest.startswith("-W"):
            return unresolved("week", kind, "XXXX-WXX")
        value = f"{year - 1:04d}{rest}"
        reading = date_reading(value, None, kind)
        return Reading(
            "DATE", value, reading.range_start, reading.range_end, reading.precision, ctx.previous or ctx.dct, kind
        )

    return resolve


_ORDINAL_NUMBER = re.compile(r"(\d+)(?:st|nd|rd|th)?")
_ORDINAL_WORDS = {"first": 1, "opening": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6}
_ORDINAL_WORDS |= {"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}


def _ordinal_day(m: re.Match[str], text: str) -> Resolver | None:
    """ "the third day of the strike", "its 99th day", "day 10": counted from the day the events began.

    The day mentioned before is the first day; a day written right beside the expression ("on Tuesday",
    "Monday was the 15th day") is that very day, which the tagger settles afterwards (`dated_beside`).
    """
    word = (m.group("ord") or m.group("num")).lower()
    number = _ORDINAL_WORDS.get(word)
    if number is None:
        found = _ORDINAL_NUMBER.fullmatch(word)
        number = int(found.group(1)) if found else None
    if not number or number > 5000:
        return None
    running = re.search(r"straight|consecutive", m.group(0), re.IGNORECASE) is not None

    def resolve(ctx: Context) -> Reading:
        if ctx.previous is not None and not running:  # "for a third straight day": today, the latest of a run
            day = shift_days(ctx.previous, number - 1)
            return day_reading(day, ctx.previous, "previous") if day else unresolved("day", "previous")
        if ctx.dct is None:
            return unresolved("day", "dct")
        return day_reading(ctx.dct, ctx.dct, "dct")

    return resolve


_PART_WORDS = {"morning": "MO", "dawn": "MO", "daybreak": "MO", "sunrise": "MO", "afternoon": "AF", "evening": "EV"}
_PART_WORDS |= {"dusk": "EV", "sunset": "EV", "nightfall": "EV", "night": "NI"}


def _part_of_day_alone(m: re.Match[str], text: str) -> Resolver | None:
    """ "by evening", "at dawn", "until nightfall": that part of the day mentioned before (or of the dct)."""
    suffix = "T" + _PART_WORDS[m.group("part").lower()]

    def resolve(ctx: Context) -> Reading:
        anchor, kind = (ctx.previous, "previous") if ctx.previous else (ctx.dct, "dct")
        if anchor is None:
            return unresolved("day", "dct", "XXXX-XX-XX" + suffix, "TIME")
        return day_reading(anchor, anchor, kind, suffix, "TIME")

    return resolve


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "part-of-day-alone": _part_of_day_alone,
    "ordinal-day": _ordinal_day,
    "same-period-last-year": _same_period_last_year,
    "later": _later,
    "anchored-day": _anchored_day,
}
