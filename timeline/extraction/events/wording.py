"""The words of a sentence: content words, crudely stemmed, for comparing sentences (titles: titles.py)."""

from __future__ import annotations

import re
from functools import lru_cache

_I = re.IGNORECASE
_STOP = set(
    "a an the and or but of to in on at for with by from as into about over after before than that this these those "
    "it its is are was were be been being has have had he she they them his her their we our you your i "
    "said says say told also would could will can may might not no yet which who whom what when where how "
    "there here then so such some more most other very just only up out off one two new mr mrs ms".split()
)


# A count told in words or in figures is one word: "ten people" and "10 people" tell the same toll.
_NUMBER_WORDS = dict(
    zip(
        "three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
        "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety".split(),
        [*map(str, range(3, 21)), *map(str, range(30, 100, 10))],
        strict=True,
    )
)
# Words after a figure that make it a date or a time of day, not a count ("8 December", "6 a.m.").
_NOT_COUNTED = frozenset(
    "january february march april may june july august september october november december jan feb mar apr jun "
    "jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday p.m a.m am pm".split()
)
_WORD = re.compile(r"[a-z0-9][a-z0-9,'’-]*")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z.]*)")


def _counts(w: str, text: str, end: int) -> bool:
    """Whether the figure `w`, ending at `end` in `text`, counts the word after it ("10 people"; not "Bongo,
    64, won")."""
    if not w.isdigit():
        return False
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).rstrip(".") not in _NOT_COUNTED and len(after.group(1)) >= 3


def keywords(text: str) -> frozenset[str]:
    """Content words, crudely stemmed, for lexical similarity; a count is written in figures, whether the
    sentence spells it ("ten people") or not ("10 people")."""
    out = set()
    lowered = text.lower()
    for m in _WORD.finditer(lowered):
        w = m.group(0).strip(",'’-")
        spelled = _NUMBER_WORDS.get(w)
        if spelled:
            out.add(spelled)
            continue
        if w in _STOP or (len(w) < 3 and not _counts(m.group(0), lowered, m.end())):
            continue
        out.add(_stem(w))
    return frozenset(out)


@lru_cache(maxsize=65536)
def _stem(w: str) -> str:
    """A crude stem; a final "e" goes too, so that "accuses", "accuse" and "accused" are one word."""
    stem = _suffix_off(w)
    return stem[:-1] if len(stem) > 4 and stem.endswith("e") else stem


def _suffix_off(w: str) -> str:
    if len(w) > 5 and w.endswith("ing"):
        return w[:-3]
    if len(w) > 4 and w.endswith("ed"):
        return w[:-2]
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 4 and w.endswith(("sses", "shes", "ches", "xes", "zes")):
        return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w
