"""The machinery of the date tagger's grammar: rules, the resolution context, readings and tense clues.

A rule is a compiled regular expression with a handler. The handler looks at the match (and the text around
it) and either rejects it (None) or returns a resolver; resolvers run later, in document order, with the
context (the publication date and the last day mentioned), and return a `Reading`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from timeline.extraction.temporal.calendar import value_range


@dataclass
class Context:
    """What resolution needs besides the match: the text, the publication date, the last day mentioned."""

    text: str
    dct: date | None
    previous: date | None = None
    previous_start: int = -1
    previous_period: str | None = None  # the value of the last day, week, month or quarter mentioned
    previous_year: int | None = None  # the year of the last date mentioned, of any precision
    notes: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Reading:
    type: str
    value: str
    range_start: date | None
    range_end: date | None
    precision: str
    anchor: date | None
    anchor_kind: str


Resolver = Callable[[Context], "Reading | None"]
Handler = Callable[[re.Match[str], str], "Resolver | None"]


@dataclass(frozen=True)
class Example:
    """A rule's worked example: in `text` published on `dct`, the rule finds `expression` with `value`."""

    text: str
    dct: str  # ISO date
    expression: str
    value: str


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler
    priority: int = 0
    triggers: tuple[str, ...] = ()  # lower-case words one of which every match contains; () runs it everywhere
    reach: int = 64  # how far before its trigger word a match may start
    examples: tuple[Example, ...] = ()

    def span(self, match: re.Match[str]) -> tuple[int, int]:
        for group in ("t", "t2"):  # the part of the match that is the expression, when it is not all of it
            if group in self.pattern.groupindex and match.start(group) >= 0:
                return match.span(group)
        return match.span()


def compile_rule(
    name: str,
    pattern: str,
    handler: Handler,
    *,
    priority: int = 0,
    flags: int = re.IGNORECASE,
    triggers: tuple[str, ...] = (),
) -> Rule:
    """A rule whose pattern never runs across a line break (a line break ends a sentence, a caption, a header)."""
    pattern = pattern.replace(r"[\s-]", r"(?:[^\S\n]|-)").replace(r"\s", r"[^\S\n]")
    return Rule(name, re.compile(pattern, flags), handler, priority, triggers)


def date_reading(value: str, anchor: date | None, anchor_kind: str, type_: str = "DATE") -> Reading:
    """A reading whose range and precision follow from its TIMEX3 value."""
    start, end, precision = value_range(value)
    return Reading(type_, value, start, end, precision, anchor, anchor_kind)


def days_named(ctx: Context) -> dict[int, date]:
    """The last day the text named for each weekday so far (0 is Monday): what "the same Wednesday" points back to."""
    found = ctx.notes.setdefault("days_named", {})
    assert isinstance(found, dict)
    return found


def day_reading(day: date, anchor: date | None, anchor_kind: str, suffix: str = "", type_: str = "DATE") -> Reading:
    return Reading(type_, day.isoformat() + suffix, day, day, "day", anchor, anchor_kind)


def unresolved(precision: str, anchor_kind: str, value: str = "XXXX-XX-XX", type_: str = "DATE") -> Reading:
    return Reading(type_, value, None, None, precision, None, anchor_kind)


def extent(type_: str, value: str) -> Reading:
    """A duration or a set: never placed on the timeline."""
    return Reading(type_, value, None, None, "unknown", None, "absolute")


def constant(reading: Reading) -> Resolver:
    return lambda ctx: reading


# Tense clues: the verb nearest to the expression within its sentence decides past or future.
_FUTURE_WORDS = (
    r"will|won't|wo\s+n't|shall|'ll|going\s+to|gonna|is\s+to|are\s+to|would|scheduled|planned|plans?\s+to|"
    r"expected|expects?|due\s+to|set\s+to|upcoming|intends?|aims?\s+to|hopes?\s+to|to\s+be\s+held|to\s+meet|"
    r"to\s+visit|to\s+hold|to\s+travel|to\s+begin|to\s+start|to\s+vote|will\s+be|should|could|might|must|"
    r"until|till|wants?\s+to|seeks?\s+to|remain|remains|next|coming|starting|"
    r"(?P<promise>(?:promised|pledged|vowed|agreed|threatened|decided|planned|hoped|aimed|wanted|sought|promises|"
    r"pledges|vows)\s+to)|"
    r"(?:forecast|predicted|likely|poised|slated|on\s+track|on\s+course)\s+to|"
    r"(?:(?:is|are)\s+due|expires|begins|starts|opens|closes|resumes|reopens|reconvenes|convenes|arrives|departs|"
    r"takes\s+effect|takes\s+office|(?:go|goes|head|heads)\s+to\s+the\s+polls)"
    r"(?=\s+(?:on|at|in|from|this|next|early|late)\b)"
)
_PAST_WORDS = (
    r"was|were|had|did|said|told|announced|came|met|took|made|gave|went|saw|held|sent|began|left|won|lost|"
    r"fell|rose|hit|struck|spoke|wrote|ran|shot|led|paid|sold|bought|brought|caught|fought|flew|knew|"
    r"became|ago|earlier|last|since|[a-z]{3,}ed|"
    # regular past forms too short for the ending above: "used a speech on Thursday", "died on Friday"
    r"used|died|fled|tied|eyed|owed|axed"
)
# Past clue words that are never participles: "will be held", "is sold" take their tense from the auxiliary,
# but nothing comes before "was" or "ago" to change theirs.
_FINITE_ONLY = {
    "was",
    "were",
    "had",
    "did",
    "ago",
    "earlier",
    "last",
    "since",
    "came",
    "went",
    "saw",
    "began",
    "ran",
    "flew",
    "knew",
    "became",
    "rose",
    "fell",
    "took",
    "gave",
    "spoke",
    "wrote",
}
_NOT_PAST = {"need", "speed", "proceed", "indeed", "exceed", "succeed", "embed", "shed", "feed", "bred"}
_CLUE = re.compile(rf"\b(?:(?P<future>{_FUTURE_WORDS})|(?P<past>{_PAST_WORDS}))\b", re.IGNORECASE)
# The same clues, case-sensitive, for the lower-cased text: the regex engine then rules out most alternatives
# by their first letter alone, some three times faster. It finds the same matches wherever lower-casing keeps
# every character in its place and no character outside ASCII folds onto an ASCII letter (the dotted and
# dotless i, the long s, the Kelvin sign): then a letter of the pattern matches a character of the text
# ignoring case exactly when it equals its lower case.
_CLUE_LOWER = re.compile(_CLUE.pattern)
_FOLDS_ONTO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _clues(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """The clue words in text[lo:hi] (matched in the lower-cased text when that gives the same matches)."""
    lower, alike = _lowered(text)
    if alike:
        return _CLUE_LOWER.finditer(lower, lo, hi)
    return _CLUE.finditer(text, lo, hi)


@lru_cache(maxsize=4)
def _lowered(text: str) -> tuple[str, bool]:
    """The text lower-cased, and whether it is lower_case_alike: once per text, not once per expression."""
    lower = text.lower()
    return lower, lower_case_alike(text, lower)


def lower_case_alike(text: str, lower: str) -> bool:
    """Whether a case-blind pattern without capitals finds in `text` what it finds case-sensitively in `lower`."""
    return text.isascii() or (len(lower) == len(text) and _FOLDS_ONTO_ASCII.search(text) is None)


_ABBREVIATIONS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen col lt sgt gov sen rep no a.m p.m u.s u.n "
    "e.g i.e".split()
)
# A sentence ends at a stop and a space before a capital (or a quote or a digit), unless the stop closes an
# abbreviation ("Feb. 3", "Mr. Lee"); at "!" or "?"; and at a line break.
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[\"'“‘(\[A-Z0-9])|[!?]\s|\n")
_WORD_BEFORE_STOP = re.compile(r"(?:^|[\s(])([A-Za-z.]{1,4})$")


def _ends_sentence(text: str, at: int) -> bool:
    """Whether the stop at `at` ends a sentence rather than an abbreviation."""
    if text[at] != ".":
        return True
    word = _WORD_BEFORE_STOP.search(text, max(0, at - 5), at)
    return word is None or word.group(1).lower() not in _ABBREVIATIONS


def clause_bounds(text: str, start: int, end: int, reach: int = 160) -> tuple[int, int]:
    """The sentence around [start, end), cut to `reach` characters each side."""
    left = max(0, start - reach)
    lo = left
    for m in _SENTENCE_END.finditer(text, left, start + 1):  # one past, so the capital after a stop is seen
        if m.end() <= start and _ends_sentence(text, m.start()):
            lo = m.end()
    limit = min(len(text), end + reach)
    hi = limit
    for m in _SENTENCE_END.finditer(text, end, limit):
        if _ends_sentence(text, m.start()):
            hi = m.start() + 1
            break
    return lo, hi


def tense_of(text: str, start: int, end: int) -> str | None:
    """ "future", "past" or None: the tense the nearest clue word in the sentence gives the expression.

    Clue words before the expression count at their distance, those after it at twice their distance (more
    beyond a comma): "officials said late Monday, and will meet again" is a past Monday.
    """
    lo, hi = clause_bounds(text, start, end)
    best: tuple[int, str] | None = None
    for m in _clues(text, lo, hi):
        if m.start() >= start and m.end() <= end:
            continue
        word = m.group(0).lower()
        kind = "future" if m.group("future") else "past"
        if m.group("promise") and m.start() >= end and not word.startswith(("promises", "pledges", "vows")):
            kind = "past"  # "On Friday, leaders agreed to act": the day is the agreeing's, not the acting's
        if kind == "past" and (word in _NOT_PAST or _FUTURE_ONLY.fullmatch(word)):
            continue
        participle = word.endswith("ed") or word not in _FINITE_ONLY
        if kind == "past" and participle and _AUXILIARY_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # "should be completed", "is expected": the auxiliary carries the tense, not the participle
        if m.end() <= start:
            distance = start - m.end()
        else:  # a verb after the expression governs it less often, and not at all across a comma
            distance = 2 * (m.start() - end) + (40 if "," in text[end : m.start()] else 0)
        if best is None or distance < best[0] or (distance == best[0] and kind == "future"):
            best = (distance, kind)
    return best[1] if best else None


_AUXILIARY_BEFORE = re.compile(
    r"\b(?:be|been|being|is|are|am|to|get|gets|stay|stays|remain|remains|keep|kept)\s+$", re.IGNORECASE
)
_FUTURE_ONLY = re.compile(r"scheduled|planned|expected|intended", re.IGNORECASE)


def preceding_word(text: str, start: int) -> str:
    """The word right before `start` (lower case), skipping spaces."""
    m = re.search(r"([A-Za-z']+)[\s,-]*$", text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def is_capitalised(word: str) -> bool:
    return bool(word) and word[0].isupper()


# A present-tense schedule: "The board meets on Monday", "Parliament votes on Tuesday". The clause opens on its
# subject (a determiner and one singular noun, or one capitalised name), whose verb in the third person present
# stands right before "on": the day lies ahead. A plural noun in that place ("the peace talks on Monday") is
# told apart by the verb that follows the day ("...on Monday ended", "...on Monday were"), and a noun ending
# in s is never taken for the subject.
_CLAUSE_OPENS = (
    r"(?:^|(?<=[.!?:;\"“(\n])|(?<=[.!?:;\"“(,][^\S\n])|(?<=\band[^\S\n])|(?<=\bbut[^\S\n])|(?<=\bwhile[^\S\n])|"
    r"(?<=\bwhen[^\S\n])|(?<=\bas[^\S\n])|(?<=\bwhere[^\S\n]))"
)
_SCHEDULE_BEFORE = re.compile(
    _CLAUSE_OPENS + r"[^\S\n]*(?:(?i:the|a|an|its|their|his|her|this)[^\S\n]+[a-z][a-z-]*[a-rt-z]|"
    r"(?!(?:The|An?|Its|Their|His|Her|This|That|These|Those)\b)[A-Z][a-z]+[a-rt-z])"
    r"[^\S\n]+(?P<verb>[a-z]+[a-hj-rtv-z]s)[^\S\n]+on[^\S\n]+$"
)
_FINITE_VERB_AFTER = re.compile(
    r"[^\S\n]*(?:was|were|is|are|has|have|had|will|would|could|can|may|might|should|must|did|does|do|[a-z]{3,}ed)\b"
)


def present_schedule_before(text: str, start: int, end: int) -> bool:
    """Whether the day at [start, end) follows "on" after a present-tense verb whose subject opens the clause."""
    if _SCHEDULE_BEFORE.search(text, max(0, start - 80), start) is None:
        return False
    return _FINITE_VERB_AFTER.match(text, end) is None
