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
