"""Which time expression in a sentence dates the happening it reports.

Only a day, week or month can date a happening; not a future date (a report tells of what happened), not a
time-zone conversion in brackets, not a bound ("since 2022"), and a date inside a quotation only when none
is outside it. The date of the telling ("said on Friday that ...") gives way to the happening's own day.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from typing import Any

from timeline.extraction.events.clauses import aside_spans, report_frame
from timeline.extraction.events.headline_check import DATELINE
from timeline.extraction.lexicon import speech
from timeline.extraction.prefilter import guard_patterns
from timeline.extraction.segment import Passage

_I = re.IGNORECASE
_QUOTE = re.compile(r"[\"“][^\"”]*[\"”]")
_GMT = re.compile(r"\([^)]*\b(?:GMT|UTC)\b[^)]*\)")
_DATE_PRECISIONS = {"day": 0, "week": 1, "month": 2}


class DateBasis(StrEnum):
    """Why a happening has the date it has: every event on the timeline has one of the first three."""

    CLAUSE = "text"  # a time expression in the reporting sentence itself
    LEDE = "publication"  # the opening sentences report the latest happening: the report's own day
    ELSEWHERE = "context"  # the same happening, dated elsewhere in the article
    REPORT = "report"  # told deeper in a report in the simple past ("troops stormed a depot"): the report's day
    NONE = ""  # no basis: the sentence may join a dated happening, never stand on the timeline alone


BACKGROUND_AFTER_DAYS = 30  # a month or more told as over a month before the report is its background
_COARSE = frozenset({"month", "quarter", "year", "decade"})


def is_background(start: date, end: date | None, precision: str, published: date | None) -> bool:
    """Whether a report's happening is background rather than news: dated no finer than a month, and over
    before the report's last month ("in March" in a report of November). Such a happening may support the
    event that tells it with its day; it never stands on the timeline alone."""
    if published is None or precision not in _COARSE:
        return False
    return (published - (end or start)).days > BACKGROUND_AFTER_DAYS


LEDE_SENTENCES = 3  # the opening sentences of a report that tell its news
_DATELINE_WITHIN = 8  # a dateline stands near the top of a page, after its furniture
_LEDE_MIN_WORDS = 6


def lede(texts: list[str]) -> set[int]:
    """The positions of the report's opening sentences among `texts` (the body's sentences, headlines left out).

    A dateline marks where the report's own telling begins; without one, the first sentences long enough to
    report something (captions and furniture before them take their place, as a reader skims past them).
    """
    for i, t in enumerate(texts[:_DATELINE_WITHIN]):
        if DATELINE.match(t) and len(t.split()) >= _LEDE_MIN_WORDS:
            return set(range(i, min(len(texts), i + LEDE_SENTENCES)))
    long_enough = [i for i, t in enumerate(texts) if len(t.split()) >= _LEDE_MIN_WORDS]
    return set(long_enough[:LEDE_SENTENCES])


# an opening that counts the time since its story's happening ("Eight days after Turkish jets brought down a bomber,
# the quarrel ...", "A month since the coup, ..."): the report looks back, and its undated sentences are not news of
# its own day
_LOOKS_BACK = re.compile(
    r"^(?:(?:some|about|nearly|almost|more\s+than|just|only|barely|over)\s+)?(?:a|an|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve|a\s+few|several|\d{1,2})\s+(?:days?|weeks?|months?|years?)\s+(?:after|since)\s",
    _I,
)


def looks_back(texts: list[str], opening: set[int]) -> bool:
    """Whether the report's opening sentence (of `texts`, the body's sentences; `opening` their positions that
    lede() gives) counts the time since its story's happening: a piece written days or more later, whose undated
    sentences the report's day does not date."""
    return bool(opening) and bool(_LOOKS_BACK.match(texts[min(opening)]))


@dataclass(frozen=True)
class DateInfo:
    text: str
    value: str
    rule: str
    anchor: date | None
    anchor_kind: str
    start: date
    end: date
    precision: str
    telling: bool = False  # the date of a report ("said on Friday that ..."), not of what it reports
    at: int = -1  # where the expression starts in the article's text (-1: not known)


def _usable_timex(tx: Any, passage: Passage, text: str, dct: date | None) -> bool:
    if tx.type not in ("DATE", "TIME") or tx.range_start is None or tx.range_end is None:
        return False
    if tx.precision not in _DATE_PRECISIONS:
        return False
    if dct is not None and tx.range_start > dct:
        return False  # a happening that is reported cannot lie after the report
    if tx.anchor_kind == "dct" and _SAME_DAY.search(tx.text):
        return False  # "the same day" with no day named before: the day of a happening the report leaves undated
    if any(a <= tx.start - passage.start < b for a, b in _gmt_spans(passage.text)):
        return False  # a time-zone conversion in brackets names the same moment
    before = text[max(passage.start, tx.start - 12) : tx.start].lower()
    if re.search(r"\b(?:since|until|by|before|through)\s+(?:the\s+)?$", before):
        return False  # a bound, not the time of the happening
    if in_since_clause(passage, text, tx):
        return False  # "... in her first visit since she took office in May": the bound's own time
    return True


def in_since_clause(passage: Passage, text: str, tx: Any) -> bool:
    """Whether a time expression stands in a clause of "since" on the doer's own past ("since she took office in
    May"): the start of a span the sentence measures, not the time of its happening, nor another time it lies in."""
    # only the clause the expression stands in, and never more than SINCE_REACH characters of it: the test costs
    # the same however long the sentence (a line of a hundred thousand words without a comma)
    low = max(passage.start, tx.start - SINCE_REACH)
    cut = max(text.rfind(",", low, tx.start), text.rfind(";", low, tx.start), low)
    return bool(_SINCE_CLAUSE.search(text, cut, tx.start))


# "the same day", "that day": a day the article named before; with none named, not the report's own day
_SAME_DAY = re.compile(r"\bsame\b|^(?:on\s+)?that\s+(?:very\s+)?day$", _I)
SINCE_REACH = 200  # characters before an expression in which its clause of "since" may open
# a clause of "since" on the doer's own past, its subject a pronoun for them ("her first visit since she took office
# in May"): the start of the span the sentence measures. "since the war began in May" names a happening of its own.
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:he|she|they|we|I)\s[^,;]*$", _I)


def _in_quotes(passage: Passage, tx: Any) -> bool:
    rel = tx.start - passage.start
    starts, ends = _quote_spans(passage.text)
    i = bisect_right(starts, rel) - 1  # the last quotation opening at or before the expression
    return i >= 0 and rel < ends[i]


@lru_cache(maxsize=8)
def _gmt_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The time-zone conversions in brackets of a passage (found once per passage)."""
    return tuple((m.start(), m.end()) for m in _GMT.finditer(text))


@lru_cache(maxsize=8)
def _quote_spans(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the quotations of a passage start and end (found once per passage, not once per expression)."""
    found = [(m.start(), m.end()) for m in _QUOTE.finditer(text)]
    return tuple(a for a, _ in found), tuple(b for _, b in found)


RECENT_DAYS = 7  # how far before "said on <day>" a happening told of may lie
_SPEECH_BEFORE = re.compile(
    rf"\b(?:{'|'.join(speech.DATED_SAYING)})\s+(?:on\s+|late\s+|early\s+)?$"
    # "told reporters on Monday that ...": the day of the telling, past the ones it was told to
    r"|\b(?:told|tells)\s+(?:reporters|journalists|lawmakers|parliament|(?:a|the)\s+(?:[\w-]+\s+)?[a-z]+)\s+"
    r"(?:on\s+|late\s+|early\s+)?$"
    # "in a report to member states on Tuesday, the agency said ...": the day of the report
    r"|\b(?:in|with)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,2}?(?:report|statement|letter|interview|speech|briefing)"
    r"\b[\w\s]{0,24}?\s+(?:on\s+)?$",
    _I,
)


# a told clause in the past perfect that runs up to a time expression: what the speaker tells had happened before
_PERFECT_TOLD = re.compile(
    rf"\b(?:{'|'.join(speech.REPORT_PAST)})\s+(?:that\s+)?[^;:\"“]*?\b(?:had|'d)\s+(?:not\s+|already\s+|just\s+)?"
    r"(?:been\s+)?[a-z]+\b[^;:\"“]*$",
    _I,
)


def _dates_the_report(passage: Passage, text: str, tx: Any) -> bool:
    """Whether a time expression dates the telling ("said on Thursday") rather than what is told."""
    if re.match(r"['’]s\b", text[tx.end : tx.end + 2]):
        return False  # "said Thursday's launch ...": the day of the launch
    if _SPEECH_BEFORE.search(text[max(passage.start, tx.start - 60) : tx.start]):
        return True
    return _fronted_telling(passage, text, tx)


# a time the sentence opens with, before its subject: "On Tuesday, the premier told the assembly that ..."
_FRONTED = re.compile(r"^(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?$", _I)


def _fronted_telling(passage: Passage, text: str, tx: Any) -> bool:
    """Whether a time opening the sentence dates a telling that is its main clause ("On Tuesday, the minister
    told parliament that ..."), as "said on Tuesday" does."""
    if not _FRONTED.match(text[passage.start : tx.start]):
        return False
    frame = report_frame(passage.text)
    # the telling leads ("On Tuesday, the minister said ...", "On Sunday the speaker said ..."), not "On Tuesday,
    # rebels seized it, the navy said"
    rest = text[tx.end : passage.end].lstrip(" ,")
    return frame is not None and bool(frame.speaker) and rest.startswith(frame.speaker) and tx.text not in frame.told


# "Thursday's general election": a day in the possessive names the day of the happening that follows it
_NAMED_HAPPENING = re.compile(r"^['’]s((?:\s+[\w-]+){1,3})")


def _names(text: str, tx: Any, nouns: frozenset[str]) -> bool:
    m = _NAMED_HAPPENING.match(text[tx.end : tx.end + 60])
    return bool(m and any(w.lower() in nouns for w in m.group(1).split()))


# "hours after the mayor was named the victor of Sunday's ballot, the council said ...": the time
# belongs to the happening the sentence's own is measured from, not to its own
# "For Ankara, which first raised the matter in June, ...", "... denied it, although they admitted
# last month that ...": the time of a relative or concessive clause is that clause's own
_CONCESSIVE = re.compile(r"(?:,|^)\s+(?:although|though|whereas)\s+[^,;]*$", _I)
_RELATIVE_LEAD = re.compile(r"(?:for|in|to|with|at|by|from|of|like|unlike)\s", _I)
_RELATIVE = re.compile(r",\s+(?:which|who|whose)\s+", _I)
_ANCHOR = re.compile(
    r"(?:\b(?:(?:\w+\s+)?(?:hours|days|minutes|weeks)|shortly|soon|just|moments)\s+(?:after|before)|"
    r"\bin (?:retaliation|response) (?:for|to))\s+"
    # "hours before dawn on Friday": a time of day, not another happening, is what the hours count from
    r"(?!(?:dawn|daybreak|sunrise|first light|noon|midday|midnight|dusk|sunset|nightfall)\b)",
    _I,
)
# a subordinate clause that opens the sentence: "When talks failed in March, ..."
_LEADING_CLAUSE = re.compile(r"^(?:when|after|before|once|as\s+soon\s+as|while)\s+[^,;]+,\s+", _I)
# "The strike came two days after the militia shelled ... on Friday": the news is what came before
_CAME = re.compile(r"\b(?:came|comes|come|was|is)\s+$", _I)
# "..., ignoring the warnings the envoys had issued on Monday": a trailing clause opened by a participle, whose
# time stands with a verb in the past perfect, dates what that clause looks back on
_LOOKING_BACK = re.compile(r"\s*[a-z]+ing\b.*\bhad\s+(?:\w+\s+)?[a-z]+(?:ed|en|t)\b", _I)


def _dates_the_anchor(passage: Passage, tx: Any) -> bool:
    """Each test looks only at the clause the time expression stands in (after the last comma or semicolon
    before it), so a long sentence with many expressions costs time in proportion to its length."""
    before = passage.text[: tx.start - passage.start]
    cut = max(before.rfind(","), before.rfind(";"))
    if cut < 0 and _CONCESSIVE.match(before):
        return True
    if cut >= 0 and before[cut] == ",":
        if _CONCESSIVE.match(before, cut) or _LOOKING_BACK.match(before, cut + 1):
            return True
        # the sentence's only separator ends a leading phrase and opens a relative clause
        first = min((i for i in (before.find(","), before.find(";")) if i >= 0), default=-1)
        if first == cut and _RELATIVE_LEAD.match(before) and _RELATIVE.match(before, cut):
            return True
    # the first anchor of the clause that ends before the expression
    m = next(((s, e) for s, e in _anchors(passage.text) if s > cut and e <= len(before)), None)
    if m is None:
        return False
    end = m[0]
    while end > 0 and before[end - 1].isspace():
        end -= 1
    return not _CAME.search(before, max(0, end - 6), m[0])


@lru_cache(maxsize=32)
def _anchors(text: str) -> tuple[tuple[int, int], ...]:
    """Where a sentence says "hours after", "in response to" ...: found once per sentence, not per expression."""
    return tuple(m.span() for m in _ANCHOR.finditer(text))


_PART_OF_MONTH = re.compile(
    r"^(?:the\s+)?(?:(?P<early>early|beginning of|start of)|(?P<mid>mid|middle of)|(?P<late>late|end of|close of))[\s-]",
    _I,
)


def _part_of_month(tx: Any) -> tuple[date, date, str]:
    """ "early November", "mid-March", "late November", "the end of May": a third of the month, told as finely
    as a week ("late November" is the 21st to the 30th), not the whole month."""
    m = _PART_OF_MONTH.match(tx.text)
    if tx.precision != "month" or m is None or tx.range_start.day != 1:
        return tx.range_start, tx.range_end, tx.precision
    first = tx.range_start
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    if m.group("early"):
        return first, first + timedelta(days=9), "week"
    if m.group("mid"):
        return first + timedelta(days=10), first + timedelta(days=19), "week"
    return first + timedelta(days=20), last, "week"


def pick_date(
    passage: Passage,
    text: str,
    timexes: list[Any],
    dct: date | None,
    *,
    statement: bool = False,
    nouns: frozenset[str] = frozenset(),
) -> DateInfo | None:
    """The time expression that dates the happening a sentence reports.

    For a reported happening ("X said on Thursday that Y had fired ... the previous morning") the date of
    the telling gives way to another date in the sentence; for a statement it is the one wanted. A day that
    names a happening of the sentence's kind ("Thursday's election", with `nouns` the nouns of that kind) wins.
    """
    inside = [t for t in timexes if passage.start <= t.start and t.end <= passage.end]
    usable = [t for t in inside if _usable_timex(t, passage, text, dct)]
    if not usable:
        return None
    outside = [t for t in usable if not _in_quotes(passage, t)]
    pool = outside or usable
    asides = aside_spans(passage.text)
    pool = [t for t in pool if not any(a <= t.start - passage.start < b for a, b in asides)] or pool
    pool = [t for t in pool if not _dates_the_anchor(passage, t)]
    lead = _LEADING_CLAUSE.match(passage.text)
    if lead and any(t.start - passage.start >= lead.end() and t.type in ("DATE", "TIME") for t in inside):
        # "When Peru recalled its envoy in May 2022, Chile did the same a month later": the main clause has a time
        # of its own, and the leading clause's time is its own clause's
        pool = [t for t in pool if t.start - passage.start >= lead.end()]
    if not pool:
        return None
    if statement:
        # "wrote that he had spoken with her the previous night": the time of what was told, not of the telling
        pool = [t for t in pool if not _PERFECT_TOLD.search(text, passage.start, t.start)]
        if not pool:
            return None
    named = [t for t in pool if nouns and _names(text, t, nouns)]
    # "the winner of Sunday's election early on Monday": a possessive day that names a happening of
    # another kind gives way to the sentence's own date
    pool = named or [t for t in pool if not _NAMED_HAPPENING.match(text[t.end : t.end + 60])] or pool
    if len(pool) > 1:
        telling = [t for t in pool if _dates_the_report(passage, text, t)]
        if statement and telling:
            pool = telling
        elif not statement and telling and len(telling) < len(pool):
            # the happening told of, when the sentence gives its day shortly before the telling
            told = min(t.range_start for t in telling)
            tellings = set(telling)  # looked up once per expression: a set, not a list
            recent = [
                t
                for t in pool
                if t not in tellings and t.precision == "day" and 0 <= (told - t.range_start).days <= RECENT_DAYS
            ]
            # else the sentence's other dates: what is told is dated by them, not by the telling
            pool = recent or [t for t in pool if t not in tellings] or pool
    best = min(pool, key=lambda t: (_DATE_PRECISIONS[t.precision], t.start))
    start, end, precision = _part_of_month(best)
    return DateInfo(
        text=best.text,
        value=best.value,
        rule=best.rule,
        anchor=best.anchor,
        anchor_kind=best.anchor_kind,
        start=start,
        end=end,
        precision=precision,
        telling=not statement and _dates_the_report(passage, text, best),
        at=best.start,
    )


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
