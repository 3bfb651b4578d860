"""The part of a sentence that tells one happening, when a sentence tells two.

News often packs two happenings into one sentence: "Congress removed the president and police detained him
hours later", "Albania cut ties on Wednesday; the diplomats flew out on Thursday", "Pakistan said it shot down
two jets, a day after Indian warplanes struck a camp". A mention's evidence is the clause of its own happening,
so that the passage shown under an event tells that event, and the other happening's words do not pull it
towards the other event.

A sentence is cut only where the part that follows begins a clause of its own: a semicolon; ", and" or "and"
followed by a new subject and a verb of an act or of speech in the past; or a trailing "(a day) after" /
"following" clause with a verb of an act. Everything else (coordinated verbs of one subject, lists, relative
clauses, asides) stays with its clause.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from timeline.extraction.events.clauses import SENTENCE_MEMO
from timeline.extraction.lexicon.actions import ACTION_PAST, PHRASAL_PAST
from timeline.extraction.lexicon.speech import REPORT_PAST

_I = re.IGNORECASE
# irregular past forms of acts that the act lexicon lists under another form or not at all
_MORE_PAST = frozenset("began became came went fought sank overthrew rose stood saw".split())
_ACTS = ACTION_PAST | _MORE_PAST | {p.split("_")[0] for p in PHRASAL_PAST}
_PAST = "|".join(sorted(_ACTS, key=len, reverse=True))
SPEECH_PAST = "|".join(REPORT_PAST)
_ACT_WORD = re.compile(rf"\b(?:{_PAST})\b", _I)
_ANY_PAST = re.compile(rf"\b(?:{_PAST}|{SPEECH_PAST}|(?-i:[a-z]{{3,}}ed))\b", _I)

_TIME_LEAD = r"(?:(?:on|late on|early on|by|in|at|hours later|later|then|days later)\b[^,;]{0,30}?,?\s+)?"
# a subject of a few words, none of them a verb of being or having (so "15 more were wounded" opens no clause)
_SUBJECT = (
    r"(?!(?:in|on|at|by|for|with|from|to|into|as)\b)"
    rf"(?:(?!(?:was|were|is|are|been|being|had|has|have|it|they|he|she|we|but|{_PAST}|{SPEECH_PAST})\b)"
    r"[\w’'.-]+\s+){1,5}?"
)
_ACTIVE = r"(?:had\s+|have\s+|has\s+|later\s+|then\s+|also\s+)?"
# "... removed the president from office and police detained him": a new subject with its own verb in the
# active voice (passive tails, "and 15 were wounded", tell the same happening's toll)
_AND_NEW_CLAUSE = re.compile(
    rf"(?P<cut>(?P<comma>,)?\s+and\s+){_TIME_LEAD}(?P<subject>{_SUBJECT}){_ACTIVE}"
    rf"(?-i:(?:{_PAST}|{SPEECH_PAST})|(?P<regular>[a-z]{{3,}}ed))\b",
    _I,
)
_HOW_MANY = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+)\s+"
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)\s+"
_ABOUT = r"(?:(?:about|some|nearly|almost|less than|more than|just|only|barely)\s+)?"
_MEASURE = rf"{_ABOUT}(?:{_HOW_MANY})?{_UNIT}"
# what opens a clause of an earlier happening: "after", "a day after", "about two weeks following"
AFTER_OPENER = rf"{_ABOUT}(?:{_HOW_MANY})?(?:{_UNIT})?(?:after|following)\s+"
# ", a day after Indian warplanes struck", ", following the army's seizure of": an earlier happening told as the
# reason or the moment of this one, with a verb of its own
_AFTER_CLAUSE = re.compile(
    rf"(?P<cut>(?:,\s+(?:{_MEASURE}|shortly\s+|just\s+)?|\s+{_ABOUT}{_HOW_MANY}{_UNIT})"
    r"(?:after|following)\s+)"
    rf"(?=(?:[\w’'.-]+\s+){{0,9}}?(?:had\s+|have\s+|has\s+|was\s+|were\s+)?(?-i:(?:{_PAST})|[a-z]{{3,}}ed)\b)",
    _I,
)
_SEMICOLON = re.compile(rf"(?P<cut>;\s+)(?=[^;]*\b(?:(?-i:{_PAST}|{SPEECH_PAST})|(?-i:[a-z]{{3,}}ed))\b)")
_QUOTED = re.compile(r"[\"“][^\"”]*[\"”]")
_NAME_END = re.compile(r"(?-i:[A-Z][\w’'.-]*)$")
MIN_WORDS = 4  # a part shorter than this is no clause of its own ("; she did")


def _cut_ok(masked: str, start: int, m: re.Match[str]) -> bool:
    """Whether a candidate cut opens a clause of its own after the text from `start`."""
    before = masked[start : m.start("cut")]
    if len(before.split()) < MIN_WORDS:
        return False
    if m.re is not _AND_NEW_CLAUSE:
        return True
    if not (_ACT_WORD.search(before) or (m.group("comma") and _ANY_PAST.search(before))):
        return False  # "the two presidents and their ministers met", "the police and the army had left": one subject
    if _NAME_END.search(before.rstrip()) and not m.group("comma"):
        return False  # "until Lisbon and Madrid agreed", "after the Taliban and other groups took"
    return bool(m.group("comma")) or m.group("regular") is None


class Clause(NamedTuple):
    start: int
    end: int
    after: bool  # opened by "(a day) after" / "following": an earlier happening, told as this one's cause


@lru_cache(maxsize=SENTENCE_MEMO)
def clauses(sentence: str) -> tuple[Clause, ...]:
    """The sentence's clauses that may each tell a happening, with offsets into it, in order; the whole sentence
    when it has one. Boundaries inside quotations are not cuts."""
    masked = _QUOTED.sub(lambda m: "x" * len(m.group(0)), sentence)
    candidates = sorted(
        (m for pattern in (_SEMICOLON, _AND_NEW_CLAUSE, _AFTER_CLAUSE) for m in pattern.finditer(masked)),
        key=lambda m: m.start("cut"),
    )
    cuts: list[tuple[int, bool]] = [(0, False)]
    for m in candidates:
        if m.start("cut") > cuts[-1][0] and _cut_ok(masked, cuts[-1][0], m):
            cuts.append((m.start("cut"), m.re is _AFTER_CLAUSE))
    if len(cuts) > 1 and len(sentence[cuts[-1][0] :].split()) < MIN_WORDS:
        cuts.pop()
    bounds = [c for c, _ in cuts[1:]] + [len(sentence)]
    return tuple(Clause(*_trimmed(sentence, c, end), after) for (c, after), end in zip(cuts, bounds, strict=True))


def clause_spans(sentence: str) -> tuple[tuple[int, int], ...]:
    """The (start, end) offsets of the sentence's clauses (clauses())."""
    return tuple((c.start, c.end) for c in clauses(sentence))


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The span without the connective and spaces at its edges ("; ", ", and ", ", a day after ")."""
    part = sentence[start:end]
    lead = re.match(r"[\s,;]*(?:and\s+)?", part)
    skip = lead.end() if lead and lead.end() < len(part) else 0
    trail = len(part.rstrip(" ,;"))
    return start + skip, start + max(skip, trail)


def happening_clauses(
    sentence: str, at: int | None, day: date | None, times: list[tuple[int, date]]
) -> list[tuple[int, int]]:
    """The sentence cut where it tells more than one happening, as (start, end) offsets into it: first the part
    that tells the happening dated by the expression at `at` (the first clause when `at` is None), then each
    other part. Neighbouring clauses stay together unless the one further out is opened by "(a day) after"
    (an earlier happening) or gives a day of its own other than `day` (`times`: where the sentence's date
    expressions start and the day each gives); "the army seized the airport and the president fled on Sunday"
    is one happening of Sunday, "they cut ties on Wednesday; the envoys flew out on Thursday" two."""
    parts = clauses(sentence)
    if len(parts) == 1:
        return [(0, len(sentence))]
    starts = [c.start for c in parts]
    own = next((i for i, c in enumerate(parts) if at is not None and c.start <= at < c.end), 0)
    # the clauses that give a day of their own other than the happening's (each expression found in its clause
    # by bisection: the cost grows with the clauses and the expressions, not with their product)
    dated_apart = set()
    for t, d in times:
        i = bisect_right(starts, t) - 1
        if i >= 0 and t < parts[i].end and d != day:
            dated_apart.add(i)

    def apart(outer: int, inner: int) -> bool:
        return parts[max(outer, inner)].after or outer in dated_apart

    merged: list[list[int]] = [[0]]
    for i in range(1, len(parts)):
        # clause i joins the group before it unless one of them stands apart from the other
        if apart(i, i - 1) if i > own else apart(i - 1, i):
            merged.append([i])
        else:
            merged[-1].append(i)
    spans = [(parts[g[0]].start, parts[g[-1]].end) for g in merged]
    first = next(k for k, g in enumerate(merged) if own in g)
    return [spans[first], *(s for k, s in enumerate(spans) if k != first)]
