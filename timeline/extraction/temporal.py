"""The TIMEX3 time-expression tagger: finds dates, times, durations and sets in English news text.

`tag(text, dct)` returns the expressions in document order with their TIMEX3 type and value, and for
dates the range of days they cover and its precision, resolved against the publication date (dct) or,
for "two days later" and "on the same day", against the day the article mentioned before.

The grammar is a set of compiled regular expressions (temporal_rules_*.py); where several rules match
overlapping text, the longest match wins. Each expression records the rule that produced it and the
date it was resolved against, so a curator can see why, and re-tagging with a corrected dct re-resolves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.extraction import temporal_rules_absolute, temporal_rules_extent, temporal_rules_relative
from timeline.extraction.temporal_calendar import is_valid_value
from timeline.extraction.temporal_grammar import Context, Reading, Resolver, Rule

__all__ = ["Timex", "tag", "is_valid_value", "RULES"]

RULES: list[Rule] = [*temporal_rules_absolute.RULES, *temporal_rules_relative.RULES, *temporal_rules_extent.RULES]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str
    range_start: date | None
    range_end: date | None
    precision: str
    rule: str
    anchor: date | None
    anchor_kind: str


@dataclass
class _Candidate:
    start: int
    end: int
    rule: Rule
    resolver: Resolver


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for rule in RULES:
        for match in rule.pattern.finditer(text):
            start, end = rule.span(match)
            if end <= start:
                continue
            try:
                resolver = rule.handler(match, text)
            except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError):
                resolver = None
            if resolver is not None:
                found.append(_Candidate(start, end, rule, resolver))
    return found


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest matches first (then the rule's priority, then the earliest); no two chosen ones overlap."""
    chosen: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start)):
        if any(cand.start < end and start < cand.end for start, end in taken):
            continue
        chosen.append(cand)
        taken.append((cand.start, cand.end))
    chosen.sort(key=lambda c: c.start)
    return chosen


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\r\n,(":
        start += 1
    while end > start and text[end - 1] in " \t\r\n,(":
        end -= 1
    return start, end


def tag(text: str, dct: date | None) -> list[Timex]:
    """The time expressions in `text`, in order, resolved against the publication date `dct` (or None)."""
    if not isinstance(text, str) or not text:
        return []
    ctx = Context(text=text, dct=dct)
    result: list[Timex] = []
    for cand in _select(_candidates(text)):
        try:
            reading = cand.resolver(ctx)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError):
            reading = None
        if reading is None or not is_valid_value(reading.value, reading.type):
            continue
        start, end = _trim(text, cand.start, cand.end)
        if end <= start:
            continue
        result.append(_timex(text, start, end, cand.rule.name, reading))
        if reading.type in {"DATE", "TIME"} and reading.precision == "day" and reading.range_start is not None:
            if reading.value not in {"PRESENT_REF"}:
                ctx.previous = reading.range_start
                ctx.previous_start = start
    return result


def _timex(text: str, start: int, end: int, rule: str, reading: Reading) -> Timex:
    return Timex(
        start=start,
        end=end,
        text=text[start:end],
        type=reading.type,
        value=reading.value,
        range_start=reading.range_start,
        range_end=reading.range_end,
        precision=reading.precision,
        rule=rule,
        anchor=reading.anchor,
        anchor_kind=reading.anchor_kind,
    )
