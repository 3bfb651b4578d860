"""The sentence shown for a key date: a reported happening of that day that reads on its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extraction.clean.furniture import strip_dateline

MAX_WORDS = 45
MIN_WORDS = 6
# A sentence opening on a pronoun or a bare pointer needs the sentence before it to be understood.
_NEEDS_CONTEXT = re.compile(
    r"^(?:he|she|it|they|we|i|you|this|that|these|those|there|its|his|her|their|such|both|the two|"
    r"but|and|or|so|also|however|meanwhile|instead|then|later|earlier|"
    # "The statement said ...": a thing named by what it is, which the sentences before have told
    r"the (?:statement|announcement|move|decision|incident|development|news|step|measure|remarks|comments|"
    r"report|agency|ministry|official|officials|spokesman|spokeswoman|spokesperson|group|country|leader|"
    r"new \w+|latest|same|other|former|latter))\b",
    re.IGNORECASE,
)
_QUOTE_OPEN = re.compile(r"^[\"“‘']")
_QUESTION = re.compile(r"\?\s*[\"”’']?\s*$")
# Plans, forecasts and conditions: a sentence that tells what happened is preferred to them.
_TENTATIVE = re.compile(r"\b(?:will|would|could|might|may|plans? to|expected to|is to|are to)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    text: str  # the passage's sentence
    own_day: bool  # the passage reports a happening dated to that day (not only a sentence naming it)
    fresh: bool  # its report was published on the day or just after (a report, not a look back)
    dated: bool  # the sentence names the day itself ("on Tuesday")
    lede: bool  # the first sentence of its report, where news says what happened
    rank: int  # its event's place among the day's events (0: the day's main happening)
    order: int  # lower first when all else is equal (earliest report, earlier sentence)


def readable(text: str) -> str:
    """The sentence without a leading dateline and with its spaces collapsed; "" when it cannot stand alone."""
    sentence = " ".join(strip_dateline(" ".join(text.split()))[0].split())
    words = sentence.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return ""
    if _NEEDS_CONTEXT.match(sentence) or _QUOTE_OPEN.match(sentence) or _QUESTION.search(sentence):
        return ""
    if not sentence[0].isupper() and not sentence[0].isdigit():
        return ""
    return sentence


def best_summary(candidates: list[Candidate], fallback: str) -> str:
    """The first readable sentence that tells what happened, among the day's own happenings reported fresh
    (ledes first, the main happening first, earliest report first), then the others, then sentences naming the
    day; a plan or forecast only when nothing else reads alone; `fallback` (an event title) when none does."""
    ranked = sorted(candidates, key=lambda c: (not c.own_day, not c.fresh, not c.dated, not c.lede, c.rank, c.order))
    readable_ones = [sentence for sentence in (readable(c.text) for c in ranked) if sentence]
    return next((s for s in readable_ones if not _TENTATIVE.search(s)), readable_ones[0] if readable_ones else fallback)
