"""Grammar rules for clock times: "8am", "10:30 a.m. ET", "16:15 UTC", "2300 GMT Tuesday", "8am (2300 GMT Tuesday)".

A clock time is a TIME on the day written with it, else on the day the same sentence mentioned, else on the
publication date. A local time given beside GMT/UTC is put on the local day: "8am (2300 GMT Tuesday)" is
Wednesday morning where the clock reads 8am.
"""

from __future__ import annotations

import re

from timeline.extraction.temporal.calendar import shift_days
from timeline.extraction.temporal.grammar import (
    Context,
    Handler,
    Reading,
    Resolver,
    clause_bounds,
    constant,
    day_reading,
    extent,
    unresolved,
)
from timeline.extraction.temporal.lexicon import weekday_number
from timeline.extraction.temporal.rules.relative import resolve_weekday


def _hour(m: re.Match[str]) -> tuple[int, int] | None:
    hour = int(m.group("h"))
    minute = int(m.group("min") or 0)
    ap = (m.group("ap") or "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ap.startswith("p") else 0)
    if hour > 24 or minute > 59:
        return None
    return hour, minute


def _clock(m: re.Match[str], text: str) -> Resolver | None:
    hm = _hour(m)
    if hm is None:
        return None
    compact = m.group("compact")
    if compact and not (m.group("zone") or m.group("ap")):
        return None  # "2300" alone is a number
    zone = (m.group("zone") or "").upper()
    zulu = "Z" if zone in {"GMT", "UTC", "Z"} and not m.group("offset") else ""
    time_text = f"T{hm[0]:02d}:{hm[1]:02d}{zulu}"
    day_word = m.group("dayword")
    start, end = m.span()
    weekday = m.group("wd")

    def resolve(ctx: Context) -> Reading:
        day = None
        if weekday:
            day = resolve_weekday(weekday_number(weekday), "", ctx, start, end)
        elif day_word and ctx.dct:
            day = shift_days(ctx.dct, {"today": 0, "yesterday": -1, "tomorrow": 1}[day_word.lower()])
        elif ctx.dct:
            same_sentence = ctx.previous_start >= clause_bounds(ctx.text, start, end)[0]
            day = ctx.previous if ctx.previous and same_sentence else ctx.dct
        if day is None:
            return unresolved("day", "dct", "XXXX-XX-XX" + time_text, "TIME")
        return day_reading(day, ctx.dct, "dct", time_text, "TIME")

    return resolve


def _local_beside_utc(m: re.Match[str], text: str) -> Resolver | None:
    """ "8am (2300 GMT Tuesday)": the local time, on the local day implied by the UTC day and the offset."""
    local = _hour(_Named(m, "l"))
    utc = _hour(_Named(m, "u"))
    if local is None or utc is None:
        return None
    offset = (local[0] - utc[0] + 12) % 24 - 12
    day_shift = 1 if utc[0] + offset >= 24 else -1 if utc[0] + offset < 0 else 0
    weekday = m.group("wd")
    start, end = m.span()
    time_text = f"T{local[0]:02d}:{local[1]:02d}"

    def resolve(ctx: Context) -> Reading:

        if ctx.dct is None:
            return unresolved("day", "dct", "XXXX-XX-XX" + time_text, "TIME")
        if weekday:
            utc_day = resolve_weekday(weekday_number(weekday), "", ctx, start, end)
            day = shift_days(utc_day, day_shift) if utc_day else None
        else:
            day = ctx.dct
        if day is None:
            return unresolved("day", "dct", "XXXX-XX-XX" + time_text, "TIME")
        return day_reading(day, ctx.dct, "dct", time_text, "TIME")

    return resolve


class _Named:
    """Reads the groups of one of the two clock times in a match under the plain names."""

    def __init__(self, match: re.Match[str], prefix: str) -> None:
        self._match, self._prefix = match, prefix

    def group(self, name: str) -> str | None:
        return self._match.group(self._prefix + name)


def _clock_checked(m: re.Match[str], text: str) -> Resolver | None:
    """A clock time needs a colon with two-digit minutes, am/pm, or a time zone; a bare number is no time."""
    if m.group("compact"):
        proxy = _Compact(m)
        if not m.group("zone"):
            return None
        return _clock(proxy, text)  # type: ignore[arg-type]
    if not (m.group("min") or m.group("ap") or m.group("zone")):
        return None
    if m.group("min") and not (m.group("ap") or m.group("zone")) and "." in m.group(0)[: m.end("min") - m.start()]:
        return None  # "3.45" is a number
    if m.group("zone") and m.group("zone").lower() == "hrs" and not m.group("min"):
        return None
    return _clock(m, text)


class _Compact:
    """Presents "2300 GMT" with the group names of "23:00 GMT"."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match
        self.re = match.re

    def group(self, name: str) -> str | None:
        if name == "h":
            return self._match.group("h0")
        if name == "min":
            return self._match.group("m0")
        return self._match.group(name)

    def span(self) -> tuple[int, int]:
        return self._match.span()


def _noon(m: re.Match[str]) -> Resolver:
    hour = "12:00" if m.group("t").lower() in {"noon", "midday"} else "24:00"

    def resolve(ctx: Context) -> Reading:
        if ctx.dct is None:
            return unresolved("day", "dct", f"XXXX-XX-XXT{hour}", "TIME")
        return day_reading(ctx.dct, ctx.dct, "dct", f"T{hour}", "TIME")

    return resolve


def _race_time(m: re.Match[str], text: str) -> Resolver | None:
    """ "2:24:33", "1:32.4": a time taken (hours, minutes, seconds), not a time of day."""
    hours, minutes, seconds = (m.group("h") or "0", m.group("mi") or m.group("mi2"), m.group("s") or m.group("s2"))
    parts = [(int(hours), "H"), (int(minutes), "M")]
    value = "PT" + "".join(f"{amount}{unit}" for amount, unit in parts if amount)
    fraction = m.group("frac") or ""
    if int(seconds) or fraction:
        value += f"{int(seconds)}{fraction}S"
    return constant(extent("DURATION", value)) if value != "PT" else None


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "local-beside-utc": _local_beside_utc,
    "clock-time": lambda m, t: _clock_checked(m, t),
    "race-time": _race_time,
    "noon-midnight": lambda m, t: _noon(m),
}
