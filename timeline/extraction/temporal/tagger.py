"""The TIMEX3 time-expression tagger: finds dates, times, durations and sets in English news text.

`tag(text, dct)` returns the expressions in document order with their TIMEX3 type and value, and for
dates the range of days they cover and its precision, resolved against the publication date (dct) or,
for "two days later" and "on the same day", against the day the article mentioned before.

The grammar is data (resources/en/rules/*.toml, read by rulebook.py): each rule a regular expression naming
the normalisation (a function of the rules/ modules) that turns its match into a value. Where several rules match
overlapping text, the longest match wins. Each expression records the rule that produced it and the
date it was resolved against, so a curator can see why, and re-tagging with a corrected dct re-resolves it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from timeline.extraction.temporal.calendar import is_valid_value
from timeline.extraction.temporal.grammar import Context, Reading, Resolver, Rule, clause_bounds, days_named
from timeline.extraction.temporal.rulebook import load_rules
from timeline.extraction.temporal.rules.periods import MOD_BEFORE, MOD_RULES
from timeline.extraction.temporal.starts import starts_at_words

__all__ = ["Timex", "tag", "is_valid_value", "RULES"]

RULES: list[Rule] = load_rules("en")  # resources/en/: every rule's pattern, normalisation and examples
MARGIN = 120  # how far past the last possible start a match is searched for (longer than any expression)


@dataclass(frozen=True)
class Timex:
    start: int  # character offsets into the text given to tag()
    end: int
    text: str  # text[start:end]
    type: str  # "DATE" | "TIME" | "DURATION" | "SET"
    value: str  # TIMEX3 value: "2025-02-26", "2025-W05", "2025-Q1", "199", "P3D", "PRESENT_REF", "XXXX-WXX-3", ...
    range_start: date | None  # first day covered (a TIME: its day); None for durations, sets, unresolved values
    range_end: date | None  # last day covered, inclusive
    precision: str  # "day" | "week" | "month" | "quarter" | "year" | "decade" | "unknown"
    rule: str  # the grammar rule that produced it, e.g. "weekday", "same-day-as-previous"
    anchor: date | None  # the date it was resolved against; None for absolute dates
    anchor_kind: str  # "absolute" | "dct" | "previous"


@dataclass
class _Candidate:
    start: int
    end: int
    rule: Rule
    resolver: Resolver


class _Triggers:
    """Where each trigger word occurs in one text, found once and shared by every rule that needs it.

    A trigger with a capital letter is looked for as written ("Mar" for March, not "market"); the others in
    the lower-cased text.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._found = _occurrences(text.lower(), _LOWER_WORDS)
        self._found.update(_occurrences(text, _CASED_WORDS))
        self._hits: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        self._word_starts: list[int] | None = None

    def word_starts(self) -> list[int]:
        """Every place where a word begins (a word character after a non-word one, or at the start), in order."""
        if self._word_starts is None:
            # The text split into runs of non-word and word characters, alternately: each word starts where
            # the lengths of the runs before it add up to.
            ends = list(accumulate(map(len, _WORD_RUN.split(self.text))))
            self._word_starts = ends[:-1:2]
        return self._word_starts

    def positions(self, word: str) -> list[int]:
        return self._found.get(word, [])

    def hits(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """(start, end) of every occurrence of any of `words`, sorted; computed once per set of words."""
        found = self._hits.get(words)
        if found is None:
            places = self._found
            found = [(at, at + len(word)) for word in words if word in places for at in places[word]]
            found.sort()
            self._hits[words] = found
        return found


def _occurrences(haystack: str, groups: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, list[int]]:
    """Where each word occurs in `haystack` (overlapping occurrences too); words that do not occur are left out.

    The words come grouped by their first character: a group whose character is absent (a quick scan) is skipped.
    """
    found: dict[str, list[int]] = {}
    find = haystack.find
    for first, words in groups:
        if first not in haystack:
            continue
        for word in words:
            at = find(word)
            if at < 0:
                continue
            places = [at]
            at = find(word, at + 1)
            while at >= 0:
                places.append(at)
                at = find(word, at + 1)
            found[word] = places
    return found


def _by_first_character(words: set[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups: dict[str, list[str]] = {}
    for word in sorted(words):
        groups.setdefault(word[0], []).append(word)
    return tuple((first, tuple(group)) for first, group in groups.items())


_CASED = {word for rule in RULES for word in rule.triggers if word != word.lower()}
_LOWER_WORDS = _by_first_character({word for rule in RULES for word in rule.triggers} - _CASED)
_CASED_WORDS = _by_first_character(_CASED)
_WORD_RUN = re.compile(r"(\w+)")
_AT_WORD_STARTS = {rule.pattern for rule in RULES if starts_at_words(rule.pattern)}


def _windows(triggers: _Triggers, words: tuple[str, ...], reach: int) -> list[tuple[int, int]]:
    """Merged ranges of positions where a match holding one of the trigger words may start."""
    merged: list[tuple[int, int]] = []
    for at, end in triggers.hits(words):
        lo = at - reach if at > reach else 0
        if merged and lo <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((lo, end))
    return merged


def _matches(rule: Rule, text: str, triggers: _Triggers) -> Iterable[re.Match[str]]:
    """The rule's matches, as finditer would give them, searching only near its trigger words."""
    if not rule.triggers:
        return rule.pattern.finditer(text)
    if rule.pattern in _AT_WORD_STARTS:
        return _matches_at_word_starts(rule, text, triggers)
    return _matches_by_search(rule, text, triggers)


def _matches_by_search(rule: Rule, text: str, triggers: _Triggers) -> Iterator[re.Match[str]]:
    """Each window searched from its first possible start up to MARGIN past its last."""
    size = len(text)
    last_end = 0
    for lo, hi in _windows(triggers, rule.triggers, rule.reach):
        pos = max(lo, last_end)
        while pos <= hi:
            endpos = min(size, hi + MARGIN)
            match = rule.pattern.search(text, pos, endpos)
            if match is None or match.start() > hi:
                break
            if endpos < size and match.end() > endpos - 10:
                match = rule.pattern.match(text, match.start())  # near the cut: match against the whole text
                if match is None:
                    pos += 1
                    continue
            yield match
            last_end = match.end()
            pos = match.end() if match.end() > match.start() else match.start() + 1


def _matches_at_word_starts(rule: Rule, text: str, triggers: _Triggers) -> list[re.Match[str]]:
    """The same matches for a rule that can only match where a word starts: tried there alone.

    `search` would try every character of the window and then up to MARGIN past it before giving up; only
    the word starts within the window can begin a match, so the pattern is tried at those and nowhere else.
    """
    size = len(text)
    starts = triggers.word_starts()
    count = len(starts)
    match_at = rule.pattern.match
    found: list[re.Match[str]] = []
    last_end = 0
    for lo, hi in _windows(triggers, rule.triggers, rule.reach):
        i = bisect.bisect_left(starts, lo if lo > last_end else last_end)
        endpos = hi + MARGIN if hi + MARGIN < size else size
        while i < count:
            at = starts[i]
            if at > hi:
                break
            match = match_at(text, at, endpos)
            if match is None:
                i += 1
                continue
            if endpos < size and match.end() > endpos - 10:
                match = match_at(text, at)  # near the cut: match against the whole text
                if match is None:
                    i += 1
                    continue
            found.append(match)
            last_end = match.end()
            i = bisect.bisect_left(starts, last_end if last_end > at else at + 1, i + 1)
    return found


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    triggers = _Triggers(text)
    for rule in RULES:
        if rule.triggers and not triggers.hits(rule.triggers):
            continue  # none of its trigger words in the text: no match
        for match in _matches(rule, text, triggers):
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
    starts: list[int] = []  # the chosen spans, sorted by start; they never overlap, so ends are sorted too
    ends: list[int] = []
    for cand in sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start)):
        at = bisect.bisect_left(starts, cand.start)
        if at < len(starts) and starts[at] < cand.end:
            continue  # a chosen span starts inside this one
        if at > 0 and ends[at - 1] > cand.start:
            continue  # the chosen span before it runs into it
        starts.insert(at, cand.start)
        ends.insert(at, cand.end)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _extend_modifiers(text: str, chosen: list[_Candidate]) -> None:
    """Take "early", "the end of", "mid-" into the span of the date they narrow ("since the start of 2022")."""
    previous_end = 0
    for cand in chosen:
        if cand.rule.name in MOD_RULES:
            found = MOD_BEFORE.search(text, max(previous_end, cand.start - 48), cand.start)
            if found:
                cand.start = found.start()
        previous_end = cand.end


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
    chosen = _select(_candidates(text))
    _extend_modifiers(text, chosen)
    story = _Story(dct)
    for cand in chosen:
        try:
            reading = story.resolve(cand, ctx)
        except (ValueError, KeyError, IndexError, TypeError, AttributeError, OverflowError):
            reading = None
        if reading is None or not is_valid_value(reading.value, reading.type):
            continue
        start, end = _trim(text, cand.start, cand.end)
        if end <= start:
            continue
        story.follow(cand, reading, text)
        result.append(_timex(text, start, end, cand.rule.name, reading))
        if reading.type == "DATE" and reading.range_start and reading.precision in {"day", "week", "month", "quarter"}:
            ctx.previous_period = reading.value
        if reading.type in {"DATE", "TIME"} and reading.range_start and reading.precision != "decade":
            ctx.previous_year = reading.range_start.year
        if reading.type in {"DATE", "TIME"} and reading.precision == "day" and reading.range_start is not None:
            ctx.previous = reading.range_start
            ctx.previous_start = start
            days_named(ctx)[reading.range_start.weekday()] = reading.range_start  # for "the same Wednesday"
    return _date_clock_times(text, _date_ordinal_days(text, result))


# A report about an earlier period: when the first date an article gives is written out with its year and lies
# months or years before the publication date ("On Oct. 3, 2023, protesters gathered..."), the bare weekdays,
# months, days of the month, holidays and "the end of the month" of the sentences after it fall in that story's
# time, counted on from the last day it mentioned, not from the publication date. A deictic expression
# ("yesterday", "last week", "two days ago") or a recent date ends the story.
_STORY_GAP = timedelta(days=180)
_STORY_PRECISIONS = {"day", "month", "quarter"}
# Each story rule is resolved as if published this many days after the story's last day: a weekday then falls
# in the week after it, a month within the year after it, a day of the month nearest to five months after it.
_STORY_RULES = {"weekday": 6, "month": 330, "month-day": 150, "day-month": 150, "holiday": 150, "season": 330}
_STORY_RULES |= {"the-unit": 0}
_STORY_IGNORES = {"clock-time", "noon-midnight", "local-time-beside-utc"}


class _Story:
    def __init__(self, dct: date | None) -> None:
        self.dct = dct
        self.start: date | None = None  # the story's first day
        self.after = 0  # where its sentence ends: the story's time applies from there on
        self.open = dct is not None  # whether a story may still begin (only with the article's first date)

    def resolve(self, cand: _Candidate, ctx: Context) -> Reading | None:
        shift = _STORY_RULES.get(cand.rule.name)
        if self.start is None or shift is None or cand.start < self.after or ctx.dct is None:
            return cand.resolver(ctx)
        anchor = ctx.previous if ctx.previous is not None and ctx.previous >= self.start else self.start
        if cand.rule.name == "the-unit" and "weekend" in ctx.text[cand.start : cand.end].lower():
            shift = 6
        published = ctx.dct
        ctx.dct = anchor + timedelta(days=shift)
        ctx.notes["story"] = True
        try:
            reading = cand.resolver(ctx)
        finally:
            ctx.dct = published
            ctx.notes.pop("story", None)
        if reading is None or reading.anchor_kind != "dct":
            return reading
        return replace(reading, anchor=anchor, anchor_kind="previous")

    def follow(self, cand: _Candidate, reading: Reading, text: str) -> None:
        """Begin or end the story after an expression."""
        if reading.type not in {"DATE", "TIME"} or reading.range_end is None or cand.rule.name in _STORY_IGNORES:
            return
        assert self.dct is not None or not self.open
        # (measured as a difference: a report dated in the first months of year 1 has no day half a year before)
        old = self.dct is not None and self.dct - reading.range_end > _STORY_GAP
        if self.start is None:
            if self.open and reading.anchor_kind == "absolute" and old and reading.precision in _STORY_PRECISIONS:
                self.start = reading.range_start
                self.after = clause_bounds(text, cand.start, cand.end)[1]
            if not (reading.anchor_kind == "absolute" and old):
                self.open = False
        elif (reading.anchor_kind == "dct" and cand.rule.name not in _STORY_RULES) or (
            reading.anchor_kind == "absolute" and not old
        ):
            self.start, self.open = None, False


_CLOCK_RULES = {"clock-time", "noon-midnight"}
_BETWEEN_TIME_AND_DATE = re.compile(r"[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?")


def _date_clock_times(text: str, found: list[Timex]) -> list[Timex]:
    """Put a clock time on the day written right after it ("at 16:15 UTC, June 1st") rather than the dct's."""
    for i, (timex, following) in enumerate(zip(found, found[1:], strict=False)):
        if timex.rule not in _CLOCK_RULES or following.precision != "day" or following.range_start is None:
            continue
        if following.type != "DATE" or "T" not in timex.value:
            continue
        gap = _BETWEEN_TIME_AND_DATE.fullmatch(text, timex.end, following.start)
        if gap is None:
            continue
        day = following.range_start
        value = day.isoformat() + timex.value[timex.value.index("T") :]
        found[i] = replace(
            timex,
            value=value,
            range_start=day,
            range_end=day,
            anchor=following.anchor,
            anchor_kind=following.anchor_kind,
        )
    return found


# a clock time that names its time zone ("8:20 p.m. EDT", "16:15 GMT") may be of another zone than the report's
_ZONE = re.compile(r"\b(?:GMT|UTC|Z|[A-Z]{2,4}T)\b")
PUBLICATION_SLACK = timedelta(minutes=30)  # how late after its publication a report may still tell an hour of the day


def clocks_before_publication(found: list[Timex], published_at: datetime | None) -> list[Timex]:
    """Put an hour told with no day of its own on the day before the report's, when that hour had not yet come when
    the report was published: "the blast struck at 9:22 p.m." in a report of 8:15 a.m. tells of the evening before.

    Only hours the tagger put on the publication day (no day written with them or named in their sentence) and
    written without a zone of their own, against a publication time of day that is known (not midnight) and stamped
    with the publisher's own offset from UTC (a stamp in UTC says nothing of the local clock)."""
    offset = published_at.utcoffset() if published_at is not None else None
    if published_at is None or not offset or published_at.time() == time(0, 0):
        return found  # a stamp in UTC (or of no zone) tells nothing of the clocks where the news happened
    published_hour = datetime.combine(date.min, published_at.time())
    for i, timex in enumerate(found):
        if timex.rule not in _CLOCK_RULES or timex.anchor_kind != "dct" or "T" not in timex.value:
            continue
        if timex.range_start != published_at.date() or _ZONE.search(timex.text):
            continue
        hour = _hour_of(timex.value)
        if hour is None or datetime.combine(date.min, hour) <= published_hour + PUBLICATION_SLACK:
            continue
        day = timex.range_start - timedelta(days=1)
        found[i] = replace(timex, value=day.isoformat() + timex.value[timex.value.index("T") :], range_start=day,
                           range_end=day)  # fmt: skip
    return found


def _hour_of(value: str) -> time | None:
    """The hour and minute of a TIMEX3 time value ("2010-03-27T21:22"), or None (a part of day: "T-EV")."""
    m = re.match(r"\d{4}-\d\d-\d\dT(\d\d):(\d\d)", value)
    return time(int(m.group(1)), int(m.group(2))) if m and int(m.group(1)) < 24 else None


# Between an ordinal day and the day it is: "on Thursday, the third day of", "its 99th day on Tuesday",
# "Monday was the 15th day", "day 10 of the strike, Wednesday".
_BESIDE_AFTER = re.compile(
    r"(?:[^\S\n]+of[^\S\n]+(?:the[^\S\n]+|its[^\S\n]+)?[\w-]+(?:[^\S\n]+[\w-]+)?)?[^\S\n]*,?[^\S\n]*(?:on[^\S\n]+)?"
)
_BESIDE_BEFORE = re.compile(r"[^\S\n]*(?:,|was|is|marked|marks|became|will\s+be)[^\S\n]*(?:its[^\S\n]+)?")


def _date_ordinal_days(text: str, found: list[Timex]) -> list[Timex]:
    """Give an ordinal day ("the third day") the date written right beside it, when there is one."""
    for i, timex in enumerate(found):
        if timex.rule != "ordinal-day":
            continue
        beside = None
        if i + 1 < len(found) and _BESIDE_AFTER.fullmatch(text, timex.end, found[i + 1].start):
            beside = found[i + 1]
        elif i > 0 and _BESIDE_BEFORE.fullmatch(text, found[i - 1].end, timex.start):
            beside = found[i - 1]
        if beside is None or beside.type != "DATE" or beside.precision != "day" or beside.range_start is None:
            continue
        found[i] = replace(
            timex,
            value=beside.value,
            range_start=beside.range_start,
            range_end=beside.range_end,
            anchor=beside.anchor,
            anchor_kind=beside.anchor_kind,
        )
    return found


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
