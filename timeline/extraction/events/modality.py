"""Whether a sentence tells a happening at all, or a view, a plan, a question, a guess or what may come.

A report tells what happened in the indicative past ("fired", "signed", "said it had intercepted"). Modals and
the future ("would", "could", "will", "is expected to", "plans to"), guesses ("likely", "probably"), questions
and background markers ("in recent years") tell of something else, and make no timeline entry. A sentence
whose own act comes first and is past still reports it ("X fired a missile that could reach ...", "X warned
that it would retaliate"); a plain "said" before a modal is only the telling of a view or a plan
("officials said the launch was likely to ...", "the agency said it will try again").
"""

from __future__ import annotations

import re

from timeline.extraction.events.clauses import BACKGROUND_WORDS, main_part, mask_quotes
from timeline.extraction.prefilter import guard_patterns

_I = re.IGNORECASE
MODAL = re.compile(
    r"\b(?:could|might|(?-i:may)|would|should|will|shall|if|whether|plans?\s+to|planned\s+to|intends?\s+to|"
    r"aims?\s+to|hopes?\s+to|(?:trying|seeking|working|looking)\s+to|expected\s+to|unlikely|likely|probably|possibly|perhaps|"
    r"(?:is|are|was|were)\s+(?:certain|bound|set|poised|due|scheduled|slated|going|about)\s+to|"
    r"(?:is|are)\s+to\s+(?!be\s+(?:found|seen)\b)\w+|soon(?!\s+after))\b|['’]ll\b",
    _I,
)
HYPOTHETICAL = re.compile(
    r"\b(?:could|might|may|would|should|must)\s+(?:not\s+)?have\s+(?:been\s+)?\w+|\bit (?:was|is|has been) "
    r"(?:suggested|claimed|rumou?red)\b",
    _I,
)
_PAST = re.compile(r"\b\w+ed\b|\b(?:sent|met|held|flew|struck|took|won|began|fired|led|saw|came|broke|shot)\b", _I)
_PLAIN_TELLING = re.compile(
    r"\b(?:said|says|told|stated|added|noted|explained|believed|thought|according to|reported|cited|citing)\b", _I
)
_SUBORDINATE = re.compile(r"\s(?:when|where|which|who|whom|whose|while|because|although|though)\s", _I)
_PERFECT_TELLING = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:said|told|stated|added|noted|claimed)\b", _I)
_PERFECT_BEFORE = re.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?$", _I)


def _act_before_modal(outside: str, first: re.Match[str]) -> bool:
    """Whether a past act (not a plain telling, not a perfect) comes before the first modal."""
    head = _PLAIN_TELLING.sub(" ", outside[: first.start()])
    return any(not _PERFECT_BEFORE.search(head[: m.start()]) for m in _PAST.finditer(head))


def is_question(sentence: str) -> bool:
    return mask_quotes(sentence).rstrip(" \"”’'").endswith("?")


def tells_no_happening(sentence: str) -> bool:
    """Whether the sentence tells a view, a plan, a guess, a question or what may come, not a happening."""
    if is_question(sentence):
        return True
    masked = mask_quotes(sentence)
    if not (MODAL.search(masked) or HYPOTHETICAL.search(masked)):
        return False  # the common case, settled without parsing the clauses
    outside = mask_quotes(main_part(sentence))
    outside = _SUBORDINATE.split(outside, maxsplit=1)[0]  # "... when the minister would only say ...": an aside
    if HYPOTHETICAL.search(outside):
        return True
    first = MODAL.search(outside)
    if first is None:
        return False
    if _PERFECT_TELLING.search(outside[: first.start()]):
        return True  # "officials have said the delay was likely ...": a view held, not a happening told
    return not _act_before_modal(outside, first)


def background(sentence: str) -> bool:
    """Whether the sentence marks itself as background ("previously", "in recent years", "for decades")."""
    return bool(BACKGROUND_WORDS.search(mask_quotes(sentence)))


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
