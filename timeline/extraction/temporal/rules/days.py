"""Grammar rules for dates written to the day: ISO dates, "26 February 2025", "Feb. 26", "26/02/2025", ranges."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from timeline.extraction.temporal.calendar import safe_date, shift_months
from timeline.extraction.temporal.grammar import (
    Context,
    Handler,
    Reading,
    Resolver,
    clause_bounds,
    day_reading,
    is_capitalised,
    tense_of,
    unresolved,
)
from timeline.extraction.temporal.lexicon import (
    month_number,
)


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))  # type: ignore[union-attr]


def _time_suffix(m: re.Match[str]) -> str:
    if "hh" not in m.re.groupindex or m.group("hh") is None:
        return ""
    hour = int(m.group("hh"))
    if m.group("ap"):
        hour = hour % 12 + (12 if m.group("ap").lower() == "p" else 0)
    return f"T{hour:02d}:{m.group('mm')}" + ("Z" if m.group("z") else "")


def _full_date(m: re.Match[str], text: str) -> Resolver | None:
    if not is_capitalised(m.group("month")):
        return None
    day = safe_date(int(m.group("year")), month_number(m.group("month")), _day_number(m.group("day")))
    if day is None:
        return None
    suffix = _time_suffix(m)
    type_ = "TIME" if suffix else "DATE"
    return lambda ctx: day_reading(day, None, "absolute", suffix, type_)


def _closest_year(month: int, day_of_month: int, ctx: Context, start: int, end: int) -> date | None:
    """The year that puts a day-and-month mention nearest the publication date, bent by the sentence's tense."""
    return nearest_yearly(lambda year: safe_date(year, month, day_of_month), ctx, start, end)


def nearest_yearly(day_in: Callable[[int], date | None], ctx: Context, start: int, end: int) -> date | None:
    """Of a yearly day (`day_in(year)`), the one nearest the publication date, bent by the sentence's tense."""
    dct = ctx.dct
    if dct is None:
        return None
    tense = tense_of(ctx.text, start, end)
    options = [d for d in (day_in(dct.year + k) for k in (-1, 0, 1) if 1 < dct.year + k < 9999) if d]
    if not options:
        return None

    def cost(d: date) -> float:
        gap = (d - dct).days
        if tense == "past" and gap > 7:
            return abs(gap) + 200
        if tense == "future" and gap < -7:
            return abs(gap) + 200
        return abs(gap)

    return min(options, key=cost)


def _month_day(m: re.Match[str], text: str) -> Resolver | None:
    if not is_capitalised(m.group("month")):
        return None
    month, day_of_month = month_number(m.group("month")), _day_number(m.group("day"))
    if safe_date(2000, month, day_of_month) is None:
        return None
    start, end = m.span()
    suffix = _time_suffix(m)
    type_ = "TIME" if suffix else "DATE"

    def resolve(ctx: Context) -> Reading:
        day = _closest_year(month, day_of_month, ctx, start, end)
        if day is None:
            return unresolved("day", "dct", f"XXXX-{month:02d}-{day_of_month:02d}{suffix}", type_)
        return day_reading(day, ctx.dct, "dct", suffix, type_)

    return resolve


def _day_range(m: re.Match[str], text: str) -> Resolver | None:
    """ "Dec. 12-13, 2023", "12 to 14 March": the first day, with a range to the last."""
    if not is_capitalised(m.group("month")):
        return None
    month = month_number(m.group("month"))
    first_day, last_day = _day_number(m.group("day")), _day_number(m.group("day2"))
    if last_day <= first_day or safe_date(2000, month, last_day) is None:
        return None
    year_text = m.group("year")
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if year_text:
            first, kind, anchor = safe_date(int(year_text), month, first_day), "absolute", None
        else:
            first, kind, anchor = _closest_year(month, first_day, ctx, start, end), "dct", ctx.dct
        if first is None:
            return unresolved("day", kind, f"XXXX-{month:02d}-{first_day:02d}")
        last = safe_date(first.year, month, last_day) or first
        return Reading("DATE", first.isoformat(), first, last, "day", anchor, kind)

    return resolve


def _iso(m: re.Match[str], text: str) -> Resolver | None:
    day = safe_date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    if day is None:
        return None
    suffix = ""
    if m.group("hh"):
        if int(m.group("hh")) > 23:
            return None
        suffix = f"T{int(m.group('hh')):02d}:{m.group('mm')}" + (":" + m.group("ss") if m.group("ss") else "")
        suffix += "Z" if m.group("z") else ""
    type_ = "TIME" if suffix else "DATE"
    return lambda ctx: day_reading(day, None, "absolute", suffix, type_)


_VERSION_BEFORE = re.compile(r"\b(?:version|v|release|build|update|firmware)\.?\s*$", re.IGNORECASE)


def _numeric(m: re.Match[str], text: str) -> Resolver | None:
    """ "26/02/2025", "3.4.2024": day and month by the one reading that is a date.

    Dotted dates are written day first (the European order). Where a slashed date reads both ways
    ("12/03/2024"), the reading within weeks of the publication date wins if the other is months away;
    otherwise (or without a publication date) it is left out.
    """
    a, b, year_text = int(m.group("a")), int(m.group("b")), m.group("y")
    dotted = m.group("sep") == "."
    if dotted and (len(year_text) != 4 or _VERSION_BEFORE.search(text, max(0, m.start() - 12), m.start())):
        return None  # "version 1.2.2024": a release number
    both = bool(safe_date(2000, b, a) and safe_date(2000, a, b) and a != b)
    if not (safe_date(2000, b, a) or safe_date(2000, a, b)):
        return None

    def resolve(ctx: Context) -> Reading | None:
        year = int(year_text)
        if len(year_text) == 2:  # "7/28/07": the century that keeps the year near the publication date
            ref = ctx.dct.year if ctx.dct else 2000
            year += 2000 if 2000 + year <= ref + 10 else 1900
        if dotted:
            day = safe_date(year, b, a)
        elif both:
            if ctx.dct is None:
                return None
            dct = ctx.dct
            readings = sorted((abs((d - dct).days), d) for d in (safe_date(year, b, a), safe_date(year, a, b)) if d)
            if len(readings) < 2 or readings[0][0] > 45 or readings[1][0] <= 90:
                return None  # neither reading is clearly the one near the publication date
            day = readings[0][1]
        else:
            day = safe_date(year, b, a) or safe_date(year, a, b)
        return day_reading(day, None, "absolute") if day else None

    return resolve


def _day_of_month(m: re.Match[str], text: str) -> Resolver | None:
    """ "on the 20th": that day of the month nearest the publication date, bent by the sentence's tense."""
    day_of_month = _day_number(m.group("day"))
    if not 1 <= day_of_month <= 31:
        return None
    start, end = m.span("t")

    def resolve(ctx: Context) -> Reading:
        dct = ctx.dct
        if dct is None:
            return unresolved("day", "dct", f"XXXX-XX-{day_of_month:02d}")
        if ctx.previous is not None and ctx.previous_start >= clause_bounds(ctx.text, start, end)[0]:
            # "began on Feb. 3 and ended on the 7th": the first such day from the date just mentioned
            for k in (0, 1):
                ym = shift_months(ctx.previous, k)
                day = safe_date(ym[0], ym[1], day_of_month) if ym else None
                if day is not None and day >= ctx.previous:
                    return day_reading(day, ctx.previous, "previous")
        tense = tense_of(ctx.text, start, end)
        options = []
        for k in (-2, -1, 0, 1):  # two back: "on the 30th" in March is January's when February has none
            ym = shift_months(dct, k)
            day = safe_date(ym[0], ym[1], day_of_month) if ym else None
            if day is not None:
                options.append(day)

        def cost(day: date) -> int:
            gap = (day - dct).days
            wrong_side = (tense == "past" and gap > 0) or (tense == "future" and gap < 0)
            return abs(gap) + (100 if wrong_side else 0)

        return day_reading(min(options, key=cost), dct, "dct")

    return resolve


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "iso": _iso,
    "full-date": _full_date,
    "month-day": _month_day,
    "day-range": _day_range,
    "day-of-month": _day_of_month,
    "numeric": _numeric,
}


# How far before its trigger a match may start ("Wednesday, the 26th of " before "Feb").
