"""Choosing an event's title among the headlines written from each of its passages.

Every passage that reports a happening yields a candidate headline (titles.write_title). The one that heads
the event names who acted (not "he", "the test" or "analysts"), carries the event's own verb (fired, met,
signed, warned), names what is distinctive about it (the weapon, the treaty), is not a background clause
("came hours after ...", "was the fifth ..."), and is compact. Among equals the wording most sources share
wins, then the source that reported first.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import lru_cache

from timeline.extraction.events.headline_check import (
    fault_weight,
    headline_faults,
    is_caption,
    pointing_object,
    trimmed_sentence,
)
from timeline.extraction.events.headlines import MAX_CHARS, title_quality
from timeline.extraction.events.verbs import BASES, PRESENT, past_to_base
from timeline.extraction.prefilter import guard_patterns

_I = re.IGNORECASE

# the verbs (headline present, past and participle) that carry each kind of happening
_EVENT_VERBS: dict[str, tuple[str, ...]] = {
    "missile test": ("test-fire", "fire", "launch", "test", "lift off", "lifts off"),
    "diplomatic meeting": ("meet", "met", "hold talks", "holds talks", "held talks", "hold a summit", "visit"),
    "agreement": ("sign", "ratif", "agree", "conclude", "adopt"),
    "statement": (
        "say",
        "said",
        "warn",
        "confirm",
        "condemn",
        "accuse",
        "announce",
        "deny",
        "denie",
        "call",
        "reject",
        "vow",
        "threaten",
        "claim",
        "urge",
    ),
    "troop deployment": ("send", "sent", "deploy", "dispatch", "station", "move", "arriv"),
    "attack": ("strike", "struck", "attack", "kill", "shell", "bomb", "hit", "capture", "recapture"),
    "sanctions": ("sanction", "impose", "freeze", "blacklist", "ban"),
    "election": ("elect", "win", "won", "vote", "re-elect"),
    "military exercise": ("hold", "held", "stage", "conduct", "begin", "began", "launch"),
}
# what a happening of each kind is about: a title naming it says what happened
_EVENT_OBJECTS: dict[str, tuple[str, ...]] = {
    "missile test": ("missile", "icbm", "rocket", "satellite", "warhead", "projectile"),
    "diplomatic meeting": ("talks", "summit", "meeting", "visit", "counterpart"),
    "agreement": ("treaty", "agreement", "pact", "deal", "accord", "law", "partnership"),
    "troop deployment": ("troops", "soldiers", "units", "forces", "brigades", "shells"),
    "attack": ("strike", "attack", "soldiers", "troops", "forces"),
    "sanctions": ("sanctions", "assets", "exports", "ban"),
    "election": ("election", "vote", "presidency", "seats"),
    "military exercise": ("exercises", "drills", "manoeuvres", "maneuvers"),
}
# a subject that does not say who acted
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|we|this|that|these|those|there|what|its|their)\b", _I)
_GENERIC_START = re.compile(
    r"^(?:(?:the|a|an|this|that)\s+(?:\w+\s+)?"
    r"(?:test|missile|launch|rocket|summit|meeting|talks|agency|admission|deal|move|decision|visit|attack|strike|"
    r"report|statement|leaders?|officials?|ministry|country|government|agreement|treaty|deployment|exercises?)\b|"
    r"(?:analysts|officials|experts|observers|diplomats|critics|sources|reports|some|many|others)\b)",
    _I,
)
# a clause that sets the happening against another, rather than telling it
_BACKGROUND = re.compile(
    r"\b(?:came|comes|come|followed|follows)\s+(?:just\s+|only\s+)?(?:\w+\s+){0,2}"
    r"(?:after|before|amid|as|days?|hours?|weeks?|in\s+a|at\s+a)\b|"
    r"\b(?:was|is|were|marks?|marked)\s+(?:the|its|their)\s+(?:\w+\s+)?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|latest|last|\d+(?:st|nd|rd|th))\b|"
    r"\bsets?\s+the\s+(?:tone|stage)\b|\bnotes?\s+the\s+timing\b|\bwas\s+(?:in|at)\s+[A-Z]",
)
# "The army says ...", "The agency reports ...": a speaker's telling, its happening in what follows
_TOLD = re.compile(
    r"^(?:[\w’'.,-]+\s+){1,8}?(?:says|say|reports|report|confirms|confirm|announces|announce|claims|claim)\s+(?:that\s+)?"
)
_PASSIVE = re.compile(r"^\S+(?:\s+\S+){0,6}?\s+(?:was|were|is|are|has been|had been|have been)\s+\w+ed\b", _I)
_NAME = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z]")
_CODED = re.compile(r"\b[A-Z][A-Za-z]*-\d+\w*\b|\b[A-Z]{3,}s?\b")  # "Hwasong-19", "ICBM": the thing itself
_WORD = re.compile(r"[\w'’-]+")
IDEAL_MIN, IDEAL_MAX = 30, 80
POINTING_PENALTY = 2


@dataclass(frozen=True)
class TitleCandidate:
    """A headline written from one passage of an event, with where its source stands in reporting order."""

    title: str
    sentence: str = ""
    order: int = 0  # lower reports first (publication time, then position in the article)


# titles and sentences scored: an event's stored headlines are scored again each time a report joins it, so
# what a title or sentence says on its own is kept for many of them (a few hundred bytes each)
TITLE_MEMO = 4096


def title_score(title: str, event_type: str, *, distinctive: frozenset[str] = frozenset()) -> float:
    """How well `title` heads an event of `event_type`; `distinctive` holds the (lower-case) words that mark
    this event among others of its kind (the weapon's name, the treaty's)."""
    if not title.split():
        return -100.0
    score, lower = _own_score(title, event_type)
    if distinctive & lower:
        score += 1 + min(1, len(distinctive & lower) - 1) * 0.5
    length = len(title)
    if length < IDEAL_MIN:
        score -= (IDEAL_MIN - length) / 15
    elif length > IDEAL_MAX:
        score -= min(2.0, (length - IDEAL_MAX) / (MAX_CHARS - IDEAL_MAX + 1))
    return score


@lru_cache(maxsize=TITLE_MEMO)
def _own_score(title: str, event_type: str) -> tuple[float, frozenset[str]]:
    """title_score before the event's distinctive words and the length are counted, and the title's words in
    lower case."""
    words = title.split()
    score = float(title_quality(title))
    if _PRONOUN_START.match(title):
        score -= 3
    elif _GENERIC_START.match(title):
        score -= 2
    elif words[0][:1].isupper():
        score += 1  # a name first
    phrase = main_verb_phrase(words)
    verbs = _EVENT_VERBS.get(event_type, ())
    told = _TOLD.match(title) if event_type != "statement" else None
    if told:  # "The army says Ruritania fired a missile": the happening is the told clause's
        phrase = main_verb_phrase(title[told.end() :].split())
    if phrase and any(re.search(r"\b" + re.escape(v), phrase) for v in verbs):
        score += 2 if not _PASSIVE.match(title) else 1
    if _BACKGROUND.search(title):
        score -= 4
    if pointing_object(title):
        score -= POINTING_PENALTY  # "condemns the launch": which one, the title alone does not say
    lower = frozenset(w.lower().strip("'’") for w in _WORD.findall(title))
    if lower & set(_EVENT_OBJECTS.get(event_type, ())):
        score += 1
    return score, lower


_AUX = frozenset("is are was were has have had will would could can may might be been".split())


def main_verb_phrase(words: list[str]) -> str:
    """The title's main verb with the word after it ("holds talks", "was fired"), in lower case; "" if none
    is found among the first words."""
    table = past_to_base()
    for i, w in enumerate(words[1:9], start=1):
        bare = w.strip(",;:").lower()
        if not w[:1].islower():
            continue
        if bare in _AUX or bare in PRESENT or bare in table or bare in BASES or re.fullmatch(r"[a-z-]{2,}ed", bare):
            after = words[i + 1].lower().strip(",;:") if i + 1 < len(words) else ""
            if bare not in _AUX and (after == "by" or after in table or re.fullmatch(r"[a-z]{2,}ed", after)):
                continue  # a participle ("soldiers captured by", "a soldier captured died"): the verb comes later
            return " ".join(x.lower().strip(",;:") for x in words[i : i + 2])
    return ""


def distinctive_words(candidates: Sequence[TitleCandidate]) -> frozenset[str]:
    """The coded names ("Hwasong-19", "ICBM") and names that at least two of the passages share: what the
    sources agree the event is about."""
    coded: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for c in candidates:
        own_coded, own_named = _names_in(c.sentence or c.title)
        coded.update(own_coded)
        named.update(own_named)
    keep = {w for w in coded}
    if len(candidates) > 1:
        keep |= {w for w, n in named.items() if n >= 2}
    return frozenset(keep)


@lru_cache(maxsize=TITLE_MEMO)
def _names_in(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The coded names and the names (not the first word) of one candidate's text, in lower case."""
    coded = frozenset(m.group(0).lower() for m in _CODED.finditer(text))
    return coded, frozenset(m.group(0).lower() for m in _NAME.finditer(text) if m.start() > 0)


def _norm(title: str) -> str:
    return " ".join(w.lower() for w in _WORD.findall(title))


@lru_cache(maxsize=TITLE_MEMO)
def passes_checks(title: str) -> bool:
    """Whether a headline reads as one on its own: a named subject, a verb, nothing cut off or quoted, and no
    object pointing back ("condemns the launch"). A candidate that passes heads the event before any that fails,
    whatever their scores."""
    return not headline_faults(title) and not pointing_object(title)


@lru_cache(maxsize=TITLE_MEMO)
def _caption(sentence: str) -> bool:
    """is_caption, kept for the many sentences an event's headlines come from."""
    return is_caption(sentence)


CAPTION_PENALTY = 6  # a picture's caption heads an event only when nothing else tells it


def best_title(candidates: Sequence[TitleCandidate], event_type: str, *, taken: Collection[str] = ()) -> str:
    """The best-scoring candidate title; ties go to the most-supported wording, then the earliest source.

    `taken` holds the titles other events show: a title another event shows is not chosen while another
    candidate, or the best candidate's own sentence trimmed, is free (two happenings never share a title)."""
    usable = [c for c in candidates if c.title.strip()]
    if not usable:
        return ""
    distinctive = distinctive_words(usable)
    support = Counter(_norm(c.title) for c in usable)

    def score(c: TitleCandidate) -> float:
        value = title_score(c.title, event_type, distinctive=distinctive)
        return value - CAPTION_PENALTY if c.sentence and _caption(c.sentence) else value

    def failing(c: TitleCandidate) -> bool:
        return not passes_checks(c.title) or bool(c.sentence and _caption(c.sentence))

    ranked = sorted(usable, key=lambda c: (failing(c), -round(score(c), 3), -support[_norm(c.title)], c.order))
    used = {_norm(t) for t in taken}
    free = [c for c in ranked if _norm(c.title) not in used]
    if free and not passes_checks(free[0].title) and free[0].sentence:
        # no candidate reads as a headline ("condemns the launch", "X says the first convoy to enter ..."): the
        # best one's sentence, trimmed, where it does (it says which launch, it keeps its verb)
        whole = trimmed_sentence(free[0].sentence)
        better = whole and (passes_checks(whole) or fault_weight(whole) < fault_weight(free[0].title))
        if better and _norm(whole) not in used:
            return whole
    if free:
        return free[0].title
    whole = trimmed_sentence(ranked[0].sentence) if ranked[0].sentence else ""
    if whole and _norm(whole) not in used and fault_weight(whole) <= fault_weight(ranked[0].title):
        return whole
    return ranked[0].title


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
