"""Grammar rules for named days of the year: Christmas, New Year's Day, Easter, Thanksgiving and the like.

A holiday without a year is the occurrence nearest the publication date, bent by the sentence's tense, like
"March 3". Only days that fall on the same date in most of the English-speaking world, or that are computed
by a fixed rule (Easter, the US Monday holidays), are known.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from timeline.extraction.lexicon.calendar_words import MONTH_STEMS, WEEKDAY_STEMS
from timeline.extraction.temporal.calendar import safe_date, shift_days
from timeline.extraction.temporal.grammar import Context, Handler, Reading, Resolver, day_reading, unresolved
from timeline.extraction.temporal.rules.days import nearest_yearly


def easter(year: int) -> date | None:
    """Easter Sunday of a Gregorian year (the anonymous Gregorian computus)."""
    if not 1583 <= year <= 9999:
        return None
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_century, century_rest = divmod(century, 4)
    moon_correction = (century + 8) // 25
    epact_shift = (century - moon_correction + 1) // 3
    epact = (19 * golden + century - leap_century - epact_shift + 15) % 30
    quarter, rest_rest = divmod(rest, 4)
    weekday_shift = (32 + 2 * century_rest + 2 * quarter - epact - rest_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_shift) // 451
    month, day = divmod(epact + weekday_shift - 7 * correction + 114, 31)
    return date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date | None:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 for the last."""
    first = safe_date(year, month, 1)
    if first is None:
        return None
    if n > 0:
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = safe_date(year + month // 12, month % 12 + 1, 1)
    if following is None:
        return None
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date | None]:
    return lambda year: safe_date(year, month, day)


def _from_easter(days: int) -> Callable[[int], date | None]:
    def day_in(year: int) -> date | None:
        sunday = easter(year)
        return shift_days(sunday, days) if sunday else None

    return day_in


HOLIDAYS: dict[str, Callable[[int], date | None]] = {
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "new year's eve": _fixed(12, 31),
    "new year's day": _fixed(1, 1),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "may day": _fixed(5, 1),
    "armistice day": _fixed(11, 11),
    "bastille day": _fixed(7, 14),
    "easter sunday": _from_easter(0),
    "easter monday": _from_easter(1),
    "easter": _from_easter(0),
    "good friday": _from_easter(-2),
    "thanksgiving": lambda year: nth_weekday(year, 11, 3, 4),
    "thanksgiving day": lambda year: nth_weekday(year, 11, 3, 4),
    "memorial day": lambda year: nth_weekday(year, 5, 0, -1),
    "labor day": lambda year: nth_weekday(year, 9, 0, 1),
    "martin luther king day": lambda year: nth_weekday(year, 1, 0, 3),
}
_NAMES = "|".join(
    re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+") for name in sorted(HOLIDAYS, key=len, reverse=True)
)

PATTERN_WORDS = {"HOLIDAY": _NAMES}  # %{HOLIDAY} in the rule files


def _unknown_year_value(day_in: Callable[[int], date | None]) -> str:
    """ "XXXX-12-25" for a holiday on a fixed date, "XXXX-XX-XX" for one that moves (Easter)."""
    samples = {(d.month, d.day) for d in (day_in(2001), day_in(2002)) if d}
    if len(samples) == 1:
        month, day = samples.pop()
        return f"XXXX-{month:02d}-{day:02d}"
    return "XXXX-XX-XX"


_NAME_GOES_ON = re.compile(rf"[^\S\n]+(?!(?:{'|'.join(MONTH_STEMS + WEEKDAY_STEMS)}|Eve|Day)[a-z]*\b)[A-Z][a-z]")


def _holiday(m: re.Match[str], text: str) -> Resolver | None:
    name = m.group("name")
    if not name[0].isupper():
        return None
    key = re.sub(r"\s+", " ", name.lower().replace("’", "'"))
    day_in = HOLIDAYS[key]
    year_text = m.group("year")
    if not year_text and _NAME_GOES_ON.match(text, m.end()):
        return None  # "the Good Friday Agreement", "Easter Island": the holiday names something else
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if year_text:
            day = day_in(int(year_text))
            return day_reading(day, None, "absolute") if day else unresolved("day", "absolute")
        day = nearest_yearly(day_in, ctx, start, end)
        if day is None:
            return unresolved("day", "dct", _unknown_year_value(day_in))
        return day_reading(day, ctx.dct, "dct")

    return resolve


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "holiday": _holiday,
}
