"""Grammar rules for dates relative to the publication date or to the day mentioned before.

"yesterday", "on Wednesday", "last week", "earlier this month", "three days ago" resolve against the
publication date (dct); "two days later", "the next day", "on the same day" resolve against the last day
the article mentioned.
"""

from __future__ import annotations

import re
from datetime import date

from timeline.extraction.temporal.calendar import (
    safe_date,
    shift_days,
    shift_months,
    week_start,
    week_value,
    weekday_after,
    weekday_before,
)
from timeline.extraction.temporal.grammar import (
    Context,
    Handler,
    Reading,
    Resolver,
    constant,
    date_reading,
    day_reading,
    days_named,
    preceding_word,
    present_schedule_before,
    tense_of,
    unresolved,
)
from timeline.extraction.temporal.lexicon import (
    MONTH_STEMS,
    ORDINALS,
    PARTS_OF_DAY,
    month_number,
    number_value,
    weekday_number,
)

DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}


def part_suffix(word: str | None) -> str:
    return f"T{PARTS_OF_DAY[word.lower()]}" if word else ""


def _day_word(m: re.Match[str], text: str) -> Resolver | None:
    word = m.group("word").lower()
    part = m.group("part")
    offset = DAY_WORDS[word]
    if m.group("extra"):
        offset += -1 if "before" in m.group("extra").lower() else 1
    suffix = "TNI" if word == "tonight" else part_suffix(part)
    type_ = "TIME" if suffix else "DATE"

    def resolve(ctx: Context) -> Reading:
        if ctx.dct is None:
            return unresolved("day", "dct", "XXXX-XX-XX" + suffix, type_)
        day = shift_days(ctx.dct, offset)
        if day is None:
            return unresolved("day", "dct")
        return day_reading(day, ctx.dct, "dct", suffix, type_)

    return resolve


def _last_night(m: re.Match[str], text: str) -> Resolver | None:
    part = m.group("part").lower()
    rel = m.group("rel").lower()

    def resolve(ctx: Context) -> Reading:
        suffix = part_suffix(part)
        if ctx.dct is None:
            return unresolved("day", "dct", "XXXX-XX-XX" + suffix, "TIME")
        offset = -1 if rel == "last" and part == "night" else 0
        offset = 1 if rel == "tomorrow" else offset
        day = shift_days(ctx.dct, offset) or ctx.dct
        return day_reading(day, ctx.dct, "dct", suffix, "TIME")

    return resolve


def resolve_weekday(weekday: int, rel: str, ctx: Context, start: int, end: int) -> date | None:
    """The day a weekday name points to, from its modifier ("last", "next", "this") or its sentence's tense."""
    dct = ctx.dct
    if dct is None:
        return None
    if rel in {"last", "past"}:
        return weekday_before(dct, weekday, strict=True)
    if rel in {"next", "coming"}:
        return weekday_after(dct, weekday, strict=True)
    if rel == "this":
        monday = week_start(dct)
        return shift_days(monday, weekday) if monday else None
    if ctx.notes.get("story"):
        return weekday_before(dct, weekday)  # within a story told in the past: the one after its last day
    if present_schedule_before(ctx.text, start, end) or tense_of(ctx.text, start, end) == "future":
        return weekday_after(dct, weekday)
    return weekday_before(dct, weekday)


# "The Sunday Times", "Monday Night Football": a weekday inside the title of a paper or a show.
_TITLE_AFTER_WEEKDAY = re.compile(
    r"[^\S\n]+(?:Times|Telegraph|Mirror|Post|Express|Herald|Mail|Tribune|Independent|Observer|Standard|Star|Sport|"
    r"Age|Review|Journal|Gazette|Edition|Night\s+Football|Night\s+Live)\b"
)


_THE_SAME = re.compile(r"\bthe\s+same\s+$", re.IGNORECASE)
_LEAD_WORDS = {"on", "by", "since", "until", "till", "from", "last", "next", "this", "every", "each", "late", "early"}
_LEAD_WORDS |= {"through", "before", "after", "and", "or", "but", "of", "in", "at", "that", "since", "until", "as"}
_NAME_AFTER = re.compile(rf"[^\S\n]+(?!(?:{'|'.join(MONTH_STEMS)}|Morning|Afternoon|Evening|Night)[a-z]*\b)[A-Z][a-z]")


def _weekday(m: re.Match[str], text: str) -> Resolver | None:
    name = m.group("day")
    if not name[0].isupper() or _TITLE_AFTER_WEEKDAY.match(text, m.end("day")):
        return None
    if not m.group("rel") and _NAME_AFTER.match(text, m.end("day")):
        before = text[max(0, m.start() - 40) : m.start()].rstrip(" \t\"'“‘(")
        word = re.search(r"([A-Z]?[a-z]+)[ \t]+$", text[max(0, m.start() - 20) : m.start()])
        in_name = word is not None and word.group(1)[0].isupper() and word.group(1).lower() not in _LEAD_WORDS
        if in_name or preceding_word(text, m.start()) == "the" or not before or before[-1] in ".!?\n:":
            return None  # "the Friday Mosque", "Good Friday Agreement", "Wednesday Addams is": inside a name
    weekday = weekday_number(name)
    rel = (m.group("rel") or "").lower()
    part = m.group("part")
    suffix = part_suffix(part)
    type_ = "TIME" if suffix else "DATE"
    start, end = m.span()
    week = {"last": -7, "this": 0, "next": 7}.get((m.group("week") or "").lower()) if not rel else None
    same = not rel and _THE_SAME.search(text, max(0, m.start() - 12), m.start()) is not None

    def resolve(ctx: Context) -> Reading:
        named = days_named(ctx).get(weekday) if same else None
        if named is not None:  # "on the same Wednesday": the Wednesday the text named before
            return day_reading(named, named, "previous", suffix, type_)
        monday = week_start(ctx.dct) if ctx.dct is not None and week is not None else None
        # "on Tuesday last week", "Monday next week": that weekday of the week named, counted from the report's
        day = (
            shift_days(monday, weekday + week) if monday is not None else resolve_weekday(weekday, rel, ctx, start, end)
        )
        if day is None:
            return unresolved("day", "dct", f"XXXX-WXX-{weekday + 1}{suffix}", type_)
        return day_reading(day, ctx.dct, "dct", suffix, type_)

    return resolve


def _relative_unit(m: re.Match[str], text: str) -> Resolver | None:
    rel = re.sub(r"\s+", " ", m.group("rel").lower())
    unit = m.group("unit").lower()
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}.get(rel.split()[-1], 0)

    if rel == "the next" and preceding_word(text, m.start()) in {"in", "within", "over", "during", "for", "throughout"}:
        return None  # "in the next month": a span ahead, the duration rule's
    anchored = unit == "year" and ((rel.startswith("the ") and step != 0) or rel == "that")
    follows_previous_day = unit in {"week", "month"} and rel in {"the following", "the previous", "the next", "that"}

    def resolve(ctx: Context) -> Reading:
        if follows_previous_day and ctx.previous is not None:  # "the following week": after the day just mentioned
            return unit_reading(unit, step, ctx.previous, "previous")
        if anchored and ctx.previous_year is not None:  # "the previous year": before the year just mentioned
            return unit_reading(unit, step, date(ctx.previous_year, 7, 1), "previous")
        if ctx.dct is None:
            return unresolved(unit if unit != "weekend" else "week", "dct", _unknown_value(unit))
        return unit_reading(unit, step, ctx.dct, "dct")

    return resolve


def _year_before(m: re.Match[str], text: str) -> Resolver | None:
    """ "the year before", "the year previous", "the year after": next to the year mentioned before."""
    step = 1 if m.group("dir").lower() in {"after", "later"} else -1

    def resolve(ctx: Context) -> Reading:
        anchor = date(ctx.previous_year, 7, 1) if ctx.previous_year else ctx.dct
        if anchor is None:
            return unresolved("year", "previous", "XXXX")
        return unit_reading("year", step, anchor, "previous" if ctx.previous_year else "dct")

    return resolve


def _unknown_value(unit: str) -> str:
    return {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "quarter": "XXXX-QX"}.get(unit, "XXXX")


def unit_reading(unit: str, step: int, anchor: date, kind: str) -> Reading:
    """The week/month/year/... `step` units from the one holding `anchor`."""
    if unit in {"week", "weekend"}:
        day = shift_days(anchor, 7 * step)
        if day is None:
            return unresolved("week", kind)
        if unit == "weekend":
            saturday = weekday_before(day, 5) if day.weekday() == 6 else weekday_after(day, 5)
            return date_reading(week_value(saturday or day) + "-WE", anchor, kind)
        return date_reading(week_value(day), anchor, kind)
    if unit == "month":
        ym = shift_months(anchor, step)
        return date_reading(f"{ym[0]:04d}-{ym[1]:02d}", anchor, kind) if ym else unresolved("month", kind)
    if unit == "quarter":
        ym = shift_months(anchor, 3 * step)
        if ym is None:
            return unresolved("quarter", kind)
        return date_reading(f"{ym[0]:04d}-Q{(ym[1] - 1) // 3 + 1}", anchor, kind)
    if unit == "decade":
        return date_reading(f"{(anchor.year // 10 + step):03d}", anchor, kind)
    if unit == "century":
        return Reading("DATE", f"{anchor.year // 100 + step:02d}", None, None, "unknown", anchor, kind)
    year = anchor.year + step
    if not 1 <= year <= 9999:
        return unresolved("year", kind)
    return date_reading(f"{year:04d}", anchor, kind)


def _the_unit(m: re.Match[str], text: str) -> Resolver | None:
    """ "the weekend", "(earlier in) the week", "the end of the year": the unit holding the publication date.

    A weekend takes the sentence's tense: "were closed over the weekend" is the one before a weekday dct,
    "will rest at the weekend" the one after.
    """
    unit = m.group("unit").lower()
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if ctx.dct is None:
            return unresolved("week" if "week" in unit else unit, "dct", _unknown_value(unit))
        past = ctx.notes.get("story") or tense_of(ctx.text, start, end) == "past"
        if unit == "weekend" and ctx.dct.weekday() < 5 and past:
            return unit_reading(unit, -1, ctx.dct, "dct")
        return unit_reading(unit, 0, ctx.dct, "dct")

    return resolve


SHIFT_UNITS = {"day": 1, "week": 7, "fortnight": 14, "month": 0, "year": 0}


def shifted(anchor: date, n: int, unit: str) -> tuple[str, date | None]:
    """(value, day) for `n` units from `anchor`, at the unit's grain."""
    if unit in {"day", "week", "fortnight"}:
        day = shift_days(anchor, n * SHIFT_UNITS[unit])
        return (day.isoformat(), day) if day else ("XXXX-XX-XX", None)
    if unit == "month":
        ym = shift_months(anchor, n)
        return (f"{ym[0]:04d}-{ym[1]:02d}", None) if ym else ("XXXX-XX", None)
    year = anchor.year + n * (10 if unit == "decade" else 1)
    return (f"{year:04d}", None) if 1 <= year <= 9999 else ("XXXX", None)


def _ago(m: re.Match[str], text: str) -> Resolver | None:
    unit = m.group("unit").lower()
    amount = number_value(m.group("n"))
    if amount is None or amount != int(amount):
        return constant(Reading("DATE", "PAST_REF", None, None, "unknown", None, "dct"))
    n = -int(amount)
    return shift_resolver(n, unit, previous=False)


def shift_resolver(n: int, unit: str, *, previous: bool) -> Resolver:
    def resolve(ctx: Context) -> Reading:
        anchor = (ctx.previous or ctx.dct) if previous else ctx.dct
        kind = "previous" if previous and ctx.previous else "dct"
        if anchor is None:
            return unresolved("day" if unit in {"day", "week"} else unit, kind)
        value, _day = shifted(anchor, n, unit)
        return date_reading(value, anchor, kind)

    return resolve


def _first_week_of(m: re.Match[str], text: str) -> Resolver | None:
    n = ORDINALS.get(m.group("ord").lower(), 1)
    month = month_number(m.group("month"))
    year_text = m.group("year")
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if year_text:
            year = int(year_text)
        elif ctx.dct is None:
            return unresolved("week", "dct", "XXXX-WXX")
        else:
            dct = ctx.dct
            future = tense_of(ctx.text, start, end) == "future"
            year = (
                dct.year if (month <= dct.month) != future or month == dct.month else dct.year + (1 if future else -1)
            )
        first_of_month = safe_date(year, month, 1)
        if first_of_month is None:
            return unresolved("week", "dct")
        last_of_month = shift_days(safe_date(year + month // 12, month % 12 + 1, 1) or first_of_month, -1)
        first = shift_days(first_of_month, 7 * (n - 1)) if n > 0 else shift_days(last_of_month or first_of_month, -6)
        if first is None:
            return unresolved("week", "dct")
        last = shift_days(first, 6) or first
        middle = shift_days(first, 3) or first
        anchor_kind = "absolute" if year_text else "dct"
        return Reading("DATE", week_value(middle), first, last, "week", None if year_text else ctx.dct, anchor_kind)

    return resolve


def _overnight(m: re.Match[str], text: str) -> Resolver | None:
    """ "shelling continued overnight": the night before the dct (the night ahead in a future sentence).

    Only the adverb: "an overnight curfew", "overnight rates" name a kind of thing, not a time.
    """
    if preceding_word(text, m.start()) in {"a", "an", "the", "of", "its", "their", "his", "her", "our"}:
        return None
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if ctx.dct is None:
            return unresolved("day", "dct", "XXXX-XX-XXTNI", "TIME")
        future = tense_of(ctx.text, start, end) == "future"
        day = ctx.dct if future else shift_days(ctx.dct, -1)
        if day is None:
            return unresolved("day", "dct", "XXXX-XX-XXTNI", "TIME")
        return day_reading(day, ctx.dct, "dct", "TNI", "TIME")

    return resolve


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "year-before": _year_before,
    "day-word": _day_word,
    "last-night": _last_night,
    "overnight": _overnight,
    "weekday": _weekday,
    "relative-unit": _relative_unit,
    "the-unit": lambda m, t: _the_unit(_UnitProxy(m), t),
    "ago": _ago,
    "first-week-of": _first_week_of,
}


class _UnitProxy:
    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str) -> str:
        return self._match.group("unit") or self._match.group("unit2")

    def span(self) -> tuple[int, int]:
        return self._match.span()
