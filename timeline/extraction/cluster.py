"""Clustering: which mentions report the same real happening, and how near-duplicate two articles are.

The same comparison serves mentions inside one article and an article's events against stored events:
compatible type, compatible dates (overlapping ranges; an undated side fits any date), overlapping actors
(a statement also needs a compatible speaker) and shared content words.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from timeline.extraction.events.detection import STATEMENT, EventMention, speaking_bodies
from timeline.extraction.events.wording import keywords
from timeline.extraction.gazetteer import COUNTRY, PERSON, default_gazetteer
from timeline.extraction.lexicon.calendar_words import MONTH_WORDS, WEEKDAYS
from timeline.extraction.lexicon.event_types import AGREEMENT, DIPLOMATIC_MEETING, OTHER
from timeline.extraction.prefilter import guard_patterns

_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5, "unknown": 6}


@dataclass(frozen=True)
class DateRange:
    start: date
    end: date
    precision: str

    def overlaps(self, other: DateRange) -> bool:
        return self.start <= other.end and other.start <= self.end


@dataclass
class EventProfile:
    """What clustering compares: an event as known so far (from one article, or stored), as a whole.

    `keywords` counts, for each word, how many of the event's `sources` (passages) hold it, so the event is
    compared by the words most of its sources share, not by any one member's words: a report that shares
    words with one loose member only does not join (no chaining). `actors` are the actors most sources
    name; `days` the days its sources give of their own (day precision), whose spread stays small.
    """

    event_type: str
    actors: set[str] = field(default_factory=set)
    speakers: set[str] = field(default_factory=set)
    keywords: Counter[str] = field(default_factory=Counter)
    date: DateRange | None = None
    sources: int = 1
    days: tuple[date, ...] = ()
    # for a statement: the country whose leader speaks by role ("the French president"), and the name the
    # sentence gives its teller ("Prigozhin declared ...", lowercased), so a remark joins its own speaker's acts
    leader_of: set[str] = field(default_factory=set)
    tellers: set[str] = field(default_factory=set)
    voice_words: set[str] = field(default_factory=set)  # the words that name the speaker, not the topic
    # the bodies a statement's sentence names ("foreign ministry"): its speaker and a spokesperson of that body
    # ("the foreign ministry in Moscow said", "foreign ministry spokeswoman Maria Zakharova said") are one voice
    bodies: set[str] = field(default_factory=set)


DISPUTE_WINDOW_DAYS = 2  # sources a day or two apart may still tell of one happening (time zones, late night)
MAX_DAY_SPREAD = 2  # the days an event's day-precision sources give lie within this many days of each other
# "the second attempt", "its third launch", "the 32nd member": a happening numbered among others of its kind
_ORDINAL = re.compile(
    r"\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|initial|maiden|\d+(?:st|nd|rd|th))\s+"
    r"(?:[\w-]+\s+)?(?:attempts?|launch(?:es)?|tests?|tr(?:y|ies)|rounds?|members?|bids?)\b"
    # "the first such test in over a year", "its first test since 2017": how recent, not which one
    r"(?!\s+(?:in|since|for)\b)",
    re.IGNORECASE,
)
_SAME_AS = {"initial": "first", "maiden": "first"}
MARK = "#"  # the prefix that sets an ordinal mark apart from the words of a sentence


def ordinal_marks(text: str) -> frozenset[str]:
    """The ordinals that number the happening a sentence tells of ("#second" for "the second attempt")."""
    return frozenset(MARK + _SAME_AS.get(w, w) for w in (m.group(1).lower() for m in _ORDINAL.finditer(text)))


# Words news uses interchangeably for one act, folded to one form so that two tellings of one happening share
# them: rockets "fired" or "launched", a city "seized" or "captured" (stems as content words are kept).
WORD_FAMILIES = {
    "fir": "launch",
    "fire": "launch",
    "captur": "seiz",
    "capture": "seiz",
    "interception": "intercept",
    "intercepted": "intercept",
    "failur": "fail",
    "fails": "fail",
    # people taken and let go, ties broken, leaders pushed out: the same act in the words of different outlets
    "kidnapp": "abduct",
    "kidnap": "abduct",
    "fre": "releas",
    "tie": "relation",
    "brok": "sever",
    "toppl": "oust",
    "detain": "arrest",
    "pupil": "student",
    "schoolboy": "student",
}


def fold_words(words: frozenset[str] | set[str]) -> frozenset[str]:
    """Content words with the words of one act folded to one form (WORD_FAMILIES)."""
    return frozenset(WORD_FAMILIES.get(w, w) for w in words)


def mention_words(mention: EventMention) -> frozenset[str]:
    """What a mention offers for comparison: its content words and the ordinals that number its happening."""
    return fold_words(mention.keywords) | ordinal_marks(mention.summary)


def _days_apart(a: DateRange | None, b: DateRange | None, days: int) -> bool:
    """Whether two day-precise dates lie within `days` of each other."""
    if a is None or b is None or a.precision != "day" or b.precision != "day":
        return False
    return abs((a.start - b.start).days) <= days


def dates_compatible(a: DateRange | None, b: DateRange | None) -> bool:
    """Same day for day precision; otherwise one range nested in the other (an undated side fits any date)."""
    if a is None or b is None:
        return True
    if a.precision == "day" and b.precision == "day":
        return a.overlaps(b)
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> tuple[str, ...]:
    return tuple(w.lower() for w in re.findall(r"[\w’'-]+", name))


def common_actors(a: set[str], b: set[str]) -> set[str]:
    """The actors two sides share, a name counting as the same actor as its longer form ("Ali Bongo" and "Ali
    Bongo Ondimba": one opens the other, in two words or more)."""
    shared = a & b
    for x in a - shared:
        wx = _name_words(x)
        for y in b:
            wy = _name_words(y)
            short, long = sorted((wx, wy), key=len)
            if len(short) >= 2 and long[: len(short)] == short:
                shared.add(x)
                break
    return shared


def _speaker_by_role(a: EventProfile, b: EventProfile) -> bool:
    """One side speaks as a country's leader ("the Turkish president"), the other is a named person who may be
    that leader ("Putin"); the words and the day then decide."""
    return (bool(a.leader_of) and any(_kind(s) == PERSON for s in b.speakers)) or (
        bool(b.leader_of) and any(_kind(s) == PERSON for s in a.speakers)
    )


SAME_SPEAKER_MIN_OVERLAP = 0.2
OTHER_MIN_SHARED = 3  # words two same-day sentences of one report, of the catch-all kind, share to tell one happening
OTHER_MIN_OVERLAP = 0.3
# with a participant in common, fewer: but some words beyond the participant ("Sarkozy flew to Moscow" and
# "Saakashvili accepted the plan Sarkozy brought" are two acts of one day)
OTHER_ACTOR_MIN_SHARED = 3
OTHER_ACTOR_MIN_OVERLAP = 0.15


def _topic(a: EventProfile, b: EventProfile) -> set[str]:
    """The words two tellings share beyond those that name who speaks: what they are about."""
    return (set(a.keywords) & set(b.keywords)) - a.voice_words - b.voice_words


def _same_speaker(a: EventProfile, b: EventProfile) -> bool:
    """Both sides name their speaker, and it is one (by name, or a leader by role and by name, or a body and its
    spokesperson: both sentences name the body, and one side's speaker is among the other's actors)."""
    if not (a.speakers and b.speakers):
        return False
    if a.speakers & b.speakers or _speaker_by_role(a, b):
        return True
    return bool(a.bodies & b.bodies) and bool(a.speakers & b.actors or b.speakers & a.actors)


def _speakers_compatible(a: EventProfile, b: EventProfile, *, same_article: bool) -> bool:
    if not a.speakers or not b.speakers:
        return True
    if a.speakers & b.speakers or _speaker_by_role(a, b):
        return True
    # Within one article "NATO confirmed" and "Rutte said" may tell of one statement when the other
    # sentence names the speaker; across articles, statements by different speakers are different ones.
    return same_article and (bool(a.speakers & b.actors) or bool(b.speakers & a.actors))


_WEAPON_CLASSES = {  # (as content words are kept: "cruise" is "cruis")
    "cruis": "cruise",
    "ballistic": "ballistic",
    "icbm": "ballistic",
    "intercontinental": "ballistic",
    "slbm": "ballistic",
    "irbm": "ballistic",
    "hypersonic": "hypersonic",
    "satellit": "space launch",
}


def _weapon_classes(words: Counter[str]) -> set[str]:
    return {cls for word, cls in _WEAPON_CLASSES.items() if word in words}


def _shares(profile: EventProfile) -> dict[str, float]:
    n = max(1, profile.sources)
    return {w: min(1.0, c / n) for w, c in profile.keywords.items()}


IN_ARTICLE_HELD_SHARE = 1 / 3


def _held(profile: EventProfile, share: float) -> set[str]:
    """The profile's words that at least `share` of its sources hold."""
    n = max(1, profile.sources)
    return {w for w, c in profile.keywords.items() if c >= share * n}


def _core(profile: EventProfile, words: set[str]) -> set[str]:
    """Those of `words` that at least half of the profile's sources hold."""
    n = max(1, profile.sources)
    return {w for w in words if profile.keywords.get(w, 0) * 2 >= n}


def _ordinals(words: set[str]) -> set[str]:
    return {w for w in words if w.startswith(MARK)}


def _ordinals_agree(group: EventProfile, mention: EventProfile) -> bool:
    """An undated sentence that tells of "the first attempt" joins only a happening the report numbers the same
    way: told without a date beside a happening the report does not call the first, it looks back to the start
    of a series ("An earlier attempt had failed as well"). A later number ("the fourth launch this
    year") most often counts the report's own happening."""
    mine = _ordinals(set(mention.keywords))
    return MARK + "first" not in mine or bool(mine & set(group.keywords))


def ordinal_conflict(a: EventProfile, b: EventProfile) -> bool:
    """The first attempt is not the second: both sides number the happening, and differently."""
    mine, theirs = _core(a, _ordinals(set(a.keywords))), _core(b, _ordinals(set(b.keywords)))
    return bool(mine) and bool(theirs) and not mine & theirs


def word_agreement(a: EventProfile, b: EventProfile) -> tuple[float, float]:
    """How many words two profiles share, each weighted by the share of sources holding it on both sides,
    and that weight over the mean size of the smaller side's sources."""
    sa, sb = _shares(a), _shares(b)
    shared = math.fsum(min(sa[w], sb[w]) for w in sa.keys() & sb.keys())
    size = min(math.fsum(sa.values()), math.fsum(sb.values()))
    return shared, shared / max(1.0, size)


def spread_ok(event: EventProfile, other: EventProfile) -> bool:
    """Whether the days the two give of their own lie within MAX_DAY_SPREAD of each other."""
    days = [*event.days, *other.days]
    return not days or (max(days) - min(days)).days <= MAX_DAY_SPREAD


def match_score(event: EventProfile, other: EventProfile, *, same_article: bool, sole: bool = True) -> float:
    """How strongly `other` looks like the same happening as `event` (as a whole); 0 when it cannot be.

    The kind, the date (same day for day precision, nested ranges otherwise), the participants and the
    words most sources share must all agree; an undated side joins only on clear agreement.
    """
    if event.event_type != other.event_type:
        return _facet_score(event, other, same_article=same_article)
    near_miss = False
    if not dates_compatible(event.date, other.date):
        if same_article or not _days_apart(event.date, other.date, DISPUTE_WINDOW_DAYS):
            return 0.0
        if event.event_type == STATEMENT:
            return 0.0  # a speaker's words of Sunday are not those of Saturday: a telling is dated to its day
        near_miss = True  # sources a day or two apart may still tell of one happening
    if not same_article and not spread_ok(event, other):
        return 0.0
    if event.event_type == STATEMENT and not _speakers_compatible(event, other, same_article=same_article):
        return 0.0
    classes, other_classes = _weapon_classes(event.keywords), _weapon_classes(other.keywords)
    if classes and other_classes and not classes & other_classes:
        return 0.0  # a cruise missile test is not a ballistic missile launch
    if ordinal_conflict(event, other):
        return 0.0
    if same_article and other.date is None and not _ordinals_agree(event, other):
        return 0.0  # "An earlier attempt had failed too", undated in a report of the next one: another happening
    shared_actors = len(common_actors(event.actors, other.actors))
    if event.event_type == STATEMENT and _speaker_by_role(event, other):
        shared_actors = max(shared_actors, 1)  # the leader by role and by name is one participant
    both_dated = event.date is not None and other.date is not None
    if event.actors and other.actors and not shared_actors and not (same_article and event.event_type != STATEMENT):
        return 0.0
    if event.event_type == DIPLOMATIC_MEETING and _other_people(event, other):
        return 0.0  # Merkel meeting Medvedev in Sochi is not Rice meeting Sarkozy on the Riviera
    if same_article:
        # one article's sentences tell one story, but a group of several sentences is compared by the words a
        # third of them hold: a word of one loose member does not pull in the next sentence (no chaining)
        mine = _held(event, IN_ARTICLE_HELD_SHARE)
        common = mine & set(other.keywords)
        shared, overlap = len(common), len(common) / max(1, min(len(mine), len(other.keywords)))
    else:
        shared, overlap = word_agreement(event, other)
    if same_article:
        # In one article, one launch or one deployment on one date is one happening; otherwise ask for words in common.
        if both_dated and event.event_type == OTHER:
            # "other" gathers kinds of their own (a resignation, an arrest, a hearing): two of one day are one
            # happening only when they share a participant or most of their words
            clear = (shared_actors and shared >= OTHER_ACTOR_MIN_SHARED and overlap >= OTHER_ACTOR_MIN_OVERLAP) or (
                shared >= OTHER_MIN_SHARED and overlap >= OTHER_MIN_OVERLAP
            )
            return 1.0 + overlap + shared_actors if clear else 0.0
        if both_dated and event.event_type != STATEMENT:
            return 1.0 + overlap + shared_actors
        # an undated sentence of the article's only happening of its kind is that happening; where the article
        # tells of several, it joins one only on words in common
        if sole and event.event_type == STATEMENT and not _same_speaker(event, other):
            # two tellings of one day (or one the report leaves undated), not known to be one voice's: one statement
            # only when they tell of one topic
            return 0.5 + overlap + shared_actors if len(_topic(event, other)) >= 3 and overlap >= 0.25 else 0.0
        # (the catch-all kind gathers acts of all sorts: an undated one of them needs words in common too)
        if sole and (shared >= 2 or overlap >= 0.2 or (not both_dated and event.event_type not in (STATEMENT, OTHER))):
            return 0.5 + overlap + shared_actors
        if not sole and _same_speaker(event, other):
            # one named speaker (by name or by role) on one topic: the words in common beyond those naming
            # the speaker must tell of one topic, and then ask less overlap than two anonymous tellings
            if len(_topic(event, other)) >= 3 and overlap >= SAME_SPEAKER_MIN_OVERLAP:
                return 0.5 + overlap + shared_actors
            return 0.0
        if not sole and shared >= 3 and overlap >= 0.25 and (shared_actors or not (event.actors and other.actors)):
            return 0.5 + overlap + shared_actors
        return 0.0
    if near_miss:
        return overlap if shared >= 5 and overlap >= 0.4 and shared_actors else 0.0
    if not both_dated:
        # undated: only a clear report of the same happening (its participants and most of its words)
        clear = shared >= UNDATED_MIN_SHARED and overlap >= UNDATED_MIN_OVERLAP
        return overlap + 0.5 * shared_actors if clear and (shared_actors or not event.actors) else 0.0
    if shared >= CROSS_MIN_SHARED and overlap >= CROSS_MIN_OVERLAP:
        return overlap + 0.5 * shared_actors
    return 0.0


def _other_people(a: EventProfile, b: EventProfile) -> bool:
    """Both sides name the people who took part, and none of them is on both: two gatherings, not one."""
    pa = {x for x in a.actors if _person_like(x)}
    pb = {x for x in b.actors if _person_like(x)}
    return bool(pa) and bool(pb) and not common_actors(pa, pb)


def _person_like(actor: str) -> bool:
    """A person the gazetteer knows, or a name it does not know written as a person's ("Nicolas Sarkozy")."""
    kind = _kind(actor)
    words = actor.split()
    return kind == PERSON or (not kind and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words))


# Kinds the detector may give one happening: rockets fired at a country are a launch in one report and an
# attack in the next; a coup is "seized power" (other) or an attack.
FACET_KINDS = frozenset({"missile test", "attack", "other"})
FACET_MIN_SHARED = 4.0
FACET_MIN_OVERLAP = 0.25
# one report telling of rockets fired and of an attack on one day, by the same actors, tells of one happening
FACET_ARTICLE_MIN_SHARED = 2.0
FACET_ARTICLE_MIN_OVERLAP = 0.15


def _facet_score(event: EventProfile, other: EventProfile, *, same_article: bool = False) -> float:
    """Two kinds the detector confuses, told of on the same day by the same actors in mostly the same words
    (within one report, in some words: its sentences tell one story)."""
    kinds = {event.event_type, other.event_type}
    if kinds == SUMMIT_KINDS:
        return _summit_score(event, other, same_article=same_article)
    if STATEMENT in kinds and len(kinds & FACET_KINDS) == 1:
        return _telling_in_article(event, other) if same_article else _telling_score(event, other)
    if not kinds <= FACET_KINDS:
        return 0.0
    if same_article:
        return _facet_in_article(event, other)
    if event.date is None or other.date is None:
        return 0.0
    if event.date.precision != "day" or other.date.precision != "day" or not event.date.overlaps(other.date):
        return 0.0
    if not common_actors(event.actors, other.actors) or ordinal_conflict(event, other) or not spread_ok(event, other):
        return 0.0
    shared, overlap = word_agreement(event, other)
    return 0.5 * overlap if shared >= FACET_MIN_SHARED and overlap >= FACET_MIN_OVERLAP else 0.0


# Speech acts that are news of their own rather than a telling of the happening: a vow, a warning, a
# condemnation, a call or demand, an accusation (stems as content words are kept).
_REACTION_STEMS = frozenset(
    "vow warn condemn denounc critici criticiz call urg demand threaten pledg promis accus blam reject slam "
    "unacceptab outrag deplor appal regret dismay".split()
)
TELLING_MIN_SHARED = 4.0  # a statement joins a happening of another kind only on strong agreement
TELLING_MIN_OVERLAP = 0.3


def candidate_kinds(kind: str) -> frozenset[str]:
    """The kinds of stored events a happening of `kind` may turn out to be across reports."""
    if kind in FACET_KINDS or kind == STATEMENT:
        return FACET_KINDS | {STATEMENT}  # a statement may tell of a strike, a launch or a seizure
    if kind in SUMMIT_KINDS:
        return SUMMIT_KINDS  # leaders who meet and sign that day: one report tells the talks, the next the deal
    return frozenset({kind})


# A meeting and what its participants agree or sign at it, told as two kinds by two reports (or two sentences)
SUMMIT_KINDS = frozenset({DIPLOMATIC_MEETING, AGREEMENT})
SUMMIT_MIN_ACTORS = 2  # the participants both sides name: at least two, so that a deal of others stays apart


def _summit_score(event: EventProfile, other: EventProfile, *, same_article: bool) -> float:
    """A meeting and an agreement of the same day between the same participants (at least two in common; two
    named people where one side is an undated sentence of the same report) are one happening: the summit and
    what it produced."""
    undated = event.date is None or other.date is None
    if undated and not same_article:  # in one report, an undated sentence fits its day
        return 0.0
    if not undated and not (
        event.date.precision == "day" and other.date.precision == "day" and event.date.overlaps(other.date)
    ):
        return 0.0
    shared = common_actors(event.actors, other.actors)
    met = event if event.event_type == DIPLOMATIC_MEETING else other
    talks_of_the_deal = same_article and met.date is None and (event if met is other else other).date is not None
    if undated and not talks_of_the_deal:
        # a sentence the report leaves undated: the leaders themselves, named on both sides; but in one report,
        # undated talks beside the dated signing of their participants are the talks that led to it
        shared = {a for a in shared if _kind(a) == PERSON}
    if len(shared) < SUMMIT_MIN_ACTORS or ordinal_conflict(event, other):
        return 0.0
    if not same_article and not spread_ok(event, other):
        return 0.0
    _, overlap = word_agreement(event, other)
    return 0.5 + 0.5 * overlap


def is_reaction(profile: EventProfile) -> bool:
    """Whether most of a statement's sources tell of a vow, warning, condemnation, call or accusation."""
    return any(w.startswith(tuple(_REACTION_STEMS)) for w in _core(profile, set(profile.keywords)))


def _telling_score(event: EventProfile, other: EventProfile) -> float:
    """Across reports, a statement that tells of a happening (the army says it intercepted the missiles, state
    TV confirms the launch, officers say they seized power) is that happening: same day, its speaker among the
    happening's actors, actors and most words in common. A vow, warning, condemnation or call is news of its own."""
    said, done = (event, other) if event.event_type == STATEMENT else (other, event)
    if event.date is None and other.date is None:
        return 0.0
    undated = event.date is None or other.date is None
    if undated:
        # a report that gives its happening no date of its own (the day is the report's) joins only a
        # happening of those days it shares a participant with (the candidates are already of those days)
        if not common_actors(said.actors, done.actors):
            return 0.0
    elif event.date.precision != "day" or other.date.precision != "day" or not event.date.overlaps(other.date):
        return 0.0
    if is_reaction(said) or (said.speakers and done.actors and not said.speakers & done.actors):
        return 0.0
    if said.actors and done.actors and not common_actors(said.actors, done.actors):
        return 0.0
    if ordinal_conflict(event, other) or not spread_ok(event, other):
        return 0.0
    shared, overlap = word_agreement(event, other)
    return 0.5 * overlap if shared >= TELLING_MIN_SHARED and overlap >= TELLING_MIN_OVERLAP else 0.0


# Words by which a statement tells of the happening itself or its direct outcome rather than reacting to it:
# the launcher explains the causes of its failure, the army says it intercepted the missiles, state media
# confirm the launch (stems as content words are kept, after WORD_FAMILIES).
TELLING_CUES = frozenset("fail crash explain caus intercept confirm malfunction abnormal".split())


def _telling_in_article(event: EventProfile, other: EventProfile) -> float:
    """Within one report, a statement joins the happening of another kind it tells of: the same day, no vow,
    warning or call, and either a word of outcome or explanation (failure, causes, intercepted, confirmed)
    from a speaker among the happening's participants or none named, or a teller the report names among the
    happening's own words ("Prigozhin declared ..." beside Prigozhin's march) with more words in common."""
    said, done = (event, other) if event.event_type == STATEMENT else (other, event)
    if not dates_compatible(event.date, other.date) or is_reaction(said) or ordinal_conflict(event, other):
        return 0.0
    if said.date is None and not _ordinals_agree(done, said):
        return 0.0
    common = set(said.keywords) & set(done.keywords)
    overlap = len(common) / max(1, min(len(said.keywords), len(done.keywords)))
    participant = not said.speakers or bool(said.speakers & done.actors)
    if (
        set(said.keywords) & TELLING_CUES
        and participant
        and (not said.actors or common_actors(said.actors, done.actors))
    ):
        return 0.3 + 0.5 * overlap
    # a teller the gazetteer does not know ("Prigozhin declared ...", the speaker found then being at most a
    # country): the name the sentence gives stands for the speaker, and must be among the happening's words
    unknown_teller = all(_kind(s) == COUNTRY for s in said.speakers)
    if unknown_teller and said.tellers & set(done.keywords) and len(common - said.tellers) >= 1 and participant:
        return 0.3 + 0.5 * overlap
    return 0.0


def _facet_in_article(event: EventProfile, other: EventProfile) -> float:
    """Within one report: compatible dates (an undated sentence fits the report's day), an actor in common (or a
    catch-all happening of the day that names no one) and some words in common; more words when a side is
    undated."""
    # a consequence told with no one named ("trains were halted as the missile passed overhead"), of the day
    anonymous = any(p.event_type == OTHER and not p.actors and p.date is not None for p in (event, other))
    if not dates_compatible(event.date, other.date) or not (common_actors(event.actors, other.actors) or anonymous):
        return 0.0
    if ordinal_conflict(event, other) or (other.date is None and not _ordinals_agree(event, other)):
        return 0.0
    common = set(event.keywords) & set(other.keywords)
    overlap = len(common) / max(1, min(len(event.keywords), len(other.keywords)))
    dated = event.date is not None and other.date is not None
    need = (FACET_ARTICLE_MIN_SHARED, FACET_ARTICLE_MIN_OVERLAP) if dated else (3, 0.25)
    return 0.5 * overlap if len(common) >= need[0] and overlap >= need[1] else 0.0


CROSS_MIN_SHARED = 3.0  # weighted words a dated report shares with a stored event of its day
CROSS_MIN_OVERLAP = 0.12
UNDATED_MIN_SHARED = 3.0  # an undated report joins only when it clearly tells of the same happening
UNDATED_MIN_OVERLAP = 0.2


def distinctive_overlap(candidates: list[EventProfile], other: EventProfile) -> list[float]:
    """For each candidate, the words it shares with `other`, weighted by how few candidates hold them."""
    n = len(candidates)
    df: Counter[str] = Counter()
    for c in candidates:
        df.update(set(c.keywords) & set(other.keywords))
    return [math.fsum(math.log((n + 1) / df[w]) for w in set(c.keywords) & set(other.keywords)) for c in candidates]


_LEADER_ROLE = re.compile(
    r"\b[A-Z][\w’'-]+\s+(?:president|prime minister|premier|chancellor|leader|head of state|supreme leader)\b"
)
_TELLING_VERB = (
    r"(?:said|says|declared|declares|announced|announces|claimed|claims|told|stated|added|insisted|confirmed)"
)
_TELLER = re.compile(rf"\b([A-Z][\w’'-]+)\s+(?:(?:has|had|also|later|then)\s+)*{_TELLING_VERB}\b")
CALENDAR_NAMES = frozenset(MONTH_WORDS) | frozenset(WEEKDAYS)
_NOT_A_NAME = frozenset("He She They It We This That The There".split())


def _kind(actor: str) -> str:
    return default_gazetteer().kinds.get(actor, "")


def statement_voices(mention: EventMention) -> tuple[set[str], set[str], set[str]]:
    """Who speaks in a statement beyond its resolved speaker: the country whose leader speaks by role
    ("the Kenyan president said", when the speaker found is that country), the teller's name as the
    sentence gives it, lowercased ("Prigozhin declared"), and the words that name the speaker."""
    if mention.event_type != STATEMENT:
        return set(), set(), set()
    text = mention.summary
    role = _LEADER_ROLE.search(text)
    leader = {mention.speaker} if mention.speaker and _kind(mention.speaker) == COUNTRY and role else set()
    voice = set(fold_words(keywords(f"{mention.speaker} {role.group(0) if role else ''}")))
    gaz = default_gazetteer()
    tellers = {
        m.group(1).lower()
        for m in _TELLER.finditer(text)
        if m.group(1) not in _NOT_A_NAME
        and m.group(1).lower() not in CALENDAR_NAMES  # "on Saturday declared": a day, not a teller
        and not any(h.kind == COUNTRY for h in gaz.find(m.group(1)))
    }
    return leader, tellers, voice | tellers


def profile_of(mention: EventMention) -> EventProfile:
    d = mention.date if mention.date is not None and not mention.date.telling else None
    leader, tellers, voice = statement_voices(mention)
    return EventProfile(
        event_type=mention.event_type,
        actors=set(mention.actors),
        speakers={mention.speaker} if mention.speaker else set(),
        keywords=Counter(mention_words(mention)),
        date=DateRange(d.start, d.end, d.precision) if d else None,
        days=(d.start,) if d is not None and d.precision == "day" else (),
        leader_of=leader,
        tellers=tellers,
        voice_words=voice,
        bodies=speaking_bodies(mention.summary) if mention.event_type == STATEMENT else set(),
    )


def absorb(profile: EventProfile, other: EventProfile) -> None:
    profile.actors |= other.actors
    profile.speakers |= other.speakers
    profile.keywords.update(other.keywords)
    profile.sources += other.sources
    profile.days = (*profile.days, *other.days)
    profile.leader_of |= other.leader_of
    profile.tellers |= other.tellers
    profile.voice_words |= other.voice_words
    profile.bodies |= other.bodies
    if profile.date is None:
        profile.date = other.date


def best_date(votes: list[tuple[DateRange, float]]) -> tuple[DateRange | None, bool]:
    """The best-supported date among (range, weight) votes, and whether the votes disagree."""
    if not votes:
        return None, False
    weight: dict[DateRange, float] = {}
    first: dict[DateRange, int] = {}
    for i, (rng, w) in enumerate(votes):
        weight[rng] = weight.get(rng, 0.0) + w
        first.setdefault(rng, i)
    best = max(weight, key=lambda r: (weight[r], -_PRECISION_RANK.get(r.precision, 6), -first[r]))
    disputed = any(not best.overlaps(r) for r in weight)
    return best, disputed


@dataclass
class MentionGroup:
    """Mentions of one happening within one article."""

    mentions: list[int]
    profile: EventProfile
    date: DateRange | None = None
    disputed: bool = False


BACKGROUND_DAYS = 180
NEWS_DAYS = 14  # an undated statement tells of a happening of the report's last two weeks


def _is_background(group: MentionGroup, published: date | None, days: int = BACKGROUND_DAYS) -> bool:
    d = group.profile.date
    return published is not None and d is not None and (published - d.end).days > days


_GOES_ON = re.compile(r"^(?:He|She)\s+(?!(?:also\s+)?(?:met|visited|signed|ordered|launched|fired)\b)")
CONTINUATION_REACH = 2  # sentences back a statement opening with "He" or "She" looks for its speaker


def _continued(mentions: list[EventMention], i: int, groups: list[MentionGroup]) -> MentionGroup | None:
    """The statement group a statement opening with "He" or "She" goes on with: that of a statement by a named
    person in the sentence just before (a speaker resolved from other names in a pronoun's sentence is a guess)."""
    m = mentions[i]
    if m.event_type != STATEMENT or not _GOES_ON.match(m.summary):
        return None
    for g in groups:
        for j in g.mentions:
            before = mentions[j]
            if (
                before.event_type == STATEMENT
                and before.speaker
                and _kind(before.speaker) == PERSON
                and 0 < m.passage - before.passage <= CONTINUATION_REACH
            ):
                return g
    return None


def _scored(pool: list[MentionGroup], prof: EventProfile, *, lenient: bool = True) -> list[tuple[float, MentionGroup]]:
    """The groups of `pool` that `prof` may join, with their scores. The only group of its kind (among those the
    article dates, when it dates any: an undated sentence that stood apart, "the first attempt also failed",
    is no rival happening) may take a sentence on less agreement."""
    kin = [g for g in pool if g.profile.event_type == prof.event_type]
    kin = [g for g in kin if g.profile.date is not None] or kin
    only = kin[0] if len(kin) == 1 and lenient else None
    scored = [(match_score(g.profile, prof, same_article=True, sole=g is only), g) for g in pool]
    return [(s, g) for s, g in scored if s > 0]


def group_mentions(mentions: list[EventMention], published: date | None = None) -> list[MentionGroup]:
    """Cluster one article's mentions: dated mentions first (finest first), then undated ones join.

    An undated mention tells of the news, so it never joins a happening the article dates long before
    its publication ("The war began with the attack of 7 October 2023" in a report of 2025)."""

    def rank(i: int) -> tuple[int, int, int]:
        d = mentions[i].date
        if d is None:
            return (2, 9, i)
        return (1 if d.telling else 0, _PRECISION_RANK.get(d.precision, 6), i)

    # dated mentions first (finest first), then those dated only by the telling, then undated ones
    order = sorted(range(len(mentions)), key=rank)
    groups: list[MentionGroup] = []
    for i in order:
        prof = profile_of(mentions[i])
        went_on = _continued(mentions, i, groups)
        if went_on is not None and dates_compatible(went_on.profile.date, prof.date):
            went_on.mentions.append(i)  # "He repeated the threat ...": the speaker before goes on
            absorb(went_on.profile, prof)
            continue
        pool = [g for g in groups if prof.date is not None or not _is_background(g, published)]
        if prof.date is None and prof.event_type == STATEMENT:
            # an undated statement tells of the news: not of a happening the report dates weeks before
            pool = [g for g in pool if not _is_background(g, published, NEWS_DAYS)]
        if prof.date is None:
            # an undated sentence tells of the news: a happening of the report's last days first, one the
            # report dates weeks before ("its last test, on 4 July") only on words in common, not for being
            # the report's only happening of its kind
            news = [g for g in pool if not _is_background(g, published, NEWS_DAYS)]
            scored = _scored(news, prof) or _scored(pool, prof, lenient=False)
        else:
            scored = _scored(pool, prof)
        if scored:
            _, g = max(scored, key=lambda sg: sg[0])
            g.mentions.append(i)
            absorb(g.profile, prof)
        else:
            groups.append(MentionGroup(mentions=[i], profile=prof))
    for g in groups:
        g.mentions.sort()
        dated = [m.date for m in (mentions[i] for i in g.mentions) if m.date is not None]
        strong = [d for d in dated if not d.telling]
        votes = [(DateRange(d.start, d.end, d.precision), 1.0) for d in (strong or dated)]
        g.date, g.disputed = best_date(votes)
        g.profile.date = g.date
    groups.sort(key=lambda g: g.mentions[0])
    return groups


_TOKEN = re.compile(r"\w+")


def shingles(text: str, k: int = 5) -> set[int]:
    """Hashed word k-shingles of a text, for near-duplicate detection."""
    words = _TOKEN.findall(text.lower())
    if len(words) < k:
        return {hash(tuple(words))} if words else set()
    return {hash(tuple(words[i : i + k])) for i in range(len(words) - k + 1)}


def resemblance(a: set[int], b: set[int]) -> float:
    """Jaccard resemblance of two shingle sets."""
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def containment(a: set[int], b: set[int]) -> float:
    """How much of the smaller text is inside the larger one."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


NEAR_DUPLICATE = 0.6


def near_duplicate(text_a: str, text_b: str) -> bool:
    """Two articles are near-duplicates when most of the shorter one's shingles are in the other."""
    return containment(shingles(text_a), shingles(text_b)) >= NEAR_DUPLICATE


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
