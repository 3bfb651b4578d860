"""The words of a sentence: content words for comparing sentences, and a short title written from it."""

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


def keywords(text: str) -> frozenset[str]:
    """Content words, crudely stemmed, for lexical similarity."""
    out = set()
    for w in re.findall(r"[a-z0-9][a-z0-9,'’-]*", text.lower()):
        w = w.strip(",'’-")
        if len(w) < 3 or w in _STOP:
            continue
        out.add(_stem(w))
    return frozenset(out)


@lru_cache(maxsize=65536)
def _stem(w: str) -> str:
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


_LEAD = re.compile(
    r"^(?:(?:(?:on|earlier|later|amid|after|before|in|at|during|according to|confirming|while|meanwhile)\b[^,]{0,40},\s*)"
    r"|(?:(?:early |late |earlier |later )?on\s+(?:the\s+)?[A-Z]\w+(?:\s+\d{1,2})?\s+)|(?:but|and|so)\s+)",
    _I,
)
_TAIL = re.compile(
    r",\s*(?:the\s+)?[^,]{0,60}\b(?:said|says|warns|warned|reported|reports|has said|have said)\s*\.?$", _I
)


_ATTRIBUTION = re.compile(
    r"^(?:according to [^,]{1,60},\s*|[A-Z][^,\"“]{0,80}?\s+(?:says|said|reported|reports|claims|claimed)\s+(?:that\s+)?)"
)
_SUBORDINATE = re.compile(
    r"\s+(?:amid|while|after|as|which|—|–)\s+|,\s+(?:a|an|the|after|as|which|who|taking|reinforcing)\s+"
)


def write_title(sentence: str, max_words: int = 14) -> str:
    """A short title from the sentence: its main clause, without leading adverbials, attribution or asides."""
    s = sentence.strip().strip("\"“”'")
    s = _LEAD.sub("", s, count=1)
    s = _TAIL.sub("", s)
    s = re.sub(r"\s*\([^)]{0,60}\)", "", s)
    told = _ATTRIBUTION.sub("", s, count=1)
    if len(told.split()) >= 5:
        s = told[:1].upper() + told[1:]
    head = _SUBORDINATE.split(s, maxsplit=1)[0]
    if len(head.split()) >= 6:
        s = head
    words = s.rstrip(" .,:;").split()
    if len(words) > max_words:
        rest = words[max_words:]
        words = words[:max_words]
        while words and rest and words[-1][:1].isupper() and rest[0][:1].isupper():
            rest.insert(0, words.pop())  # do not cut a name in two
        while words and words[-1].lower().strip(",") in _STOP | {"and", "or", "of"}:
            words.pop()
    title = " ".join(words).rstrip(",;:")
    if title.count('"') % 2:  # no quotation left open
        title = title[: title.rfind('"')].rstrip(" ,;:")
    if title.count("“") > title.count("”"):
        title = title[: title.rfind("“")].rstrip(" ,;:")
    return title[:1].upper() + title[1:] if title else sentence[:80]
