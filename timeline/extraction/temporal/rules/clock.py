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
    Reading,
    Resolver,
    Rule,
    clause_bounds,
    compile_rule,
    day_reading,
    unresolved,
)
from timeline.extraction.temporal.lexicon import WEEKDAY, weekday_number
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


RULES: list[Rule] = [
    compile_rule(
        "local-time-beside-utc",
        r"\b(?P<lh>[01]?\d|2[0-3])(?::(?P<lmin>[0-5]\d))?\s*(?P<lap>[ap]\.?m\.?)?\s*\(\s*(?:local\s+time\s*[,;]?\s*)?"
        r"(?P<uh>[01]?\d|2[0-3]):?(?P<umin>[0-5]\d)?\s*(?P<uap>[ap]\.?m\.?)?\s*(?:GMT|UTC|Z)"
        rf"(?:\s+(?:on\s+)?(?P<wd>{WEEKDAY}))?\s*\)",
        _local_beside_utc,
        priority=6,
    ),
    compile_rule(
        "clock-time",
        r"(?<![\w.,:$£€])(?:(?P<compact>(?P<h0>[01]\d|2[0-3])(?P<m0>[0-5]\d))|(?P<h>2[0-4]|[01]?\d)(?:[:.](?P<min>[0-5]\d))?)"
        r"(?:\s*(?P<ap>a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b))?"
        r"(?:\s*(?:\(\s*)?(?P<zone>GMT|UTC|Z\b|local\s+time|hrs\b|EST|EDT|PST|PDT|CET|BST|KST|JST|ET\b|PT\b)"
        r"(?P<offset>\s*[+-]\s*\d{1,2}(?::?\d\d)?)?(?:\s*\))?)?"
        rf"(?:\s+(?:on\s+)?(?:(?P<wd>{WEEKDAY})|(?P<dayword>today|yesterday|tomorrow)))?",
        lambda m, t: _clock_checked(m, t),
        priority=2,
    ),
    compile_rule("noon-midnight", r"\b(?:at\s+)?(?P<t>noon|midday|midnight)\b", lambda m, t: _noon(m)),
]

TRIGGERS: dict[str, tuple[str, ...]] = {
    "clock-time": (":", "am", "pm", "a.m", "p.m", "gmt", "utc", "hrs", "local time", "est", "edt", "pst", "pdt", "cet")
    + ("bst", "kst", "jst"),
    "local-time-beside-utc": ("gmt", "utc"),
    "noon-midnight": ("noon", "midday", "midnight"),
}
REACH: dict[str, int] = {
    "local-time-beside-utc": 36,
    "clock-time": 12,
    "noon-midnight": 4,
}
