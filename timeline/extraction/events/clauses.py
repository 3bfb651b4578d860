"""The parts of a news sentence: the telling ("X said that ...") and the clause that carries the happening.

Shallow rules over words and punctuation, no parser: a leading adverbial is a phrase up to a comma that
opens with a time or circumstance word; a reporting frame is a short subject before a speech verb with a
clause after it (or after the happening: "..., the ministry said."); relative and trailing subordinate
clauses hang off the main clause after "which", "who", "where", a comma and "after", and so on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from timeline.extraction.events.verbs import past_to_base
from timeline.extraction.lexicon import speech
from timeline.extraction.lexicon.calendar_words import MONTHS, WEEKDAYS
from timeline.extraction.prefilter import guard_patterns

_I = re.IGNORECASE
# The clause readings below are asked of one sentence several times (by the classifier, the modality test, the
# headline writer and the tense test), and so are the tests built on them (detection, modality, headline_check):
# each keeps its last few answers. A few dozen is one sentence's worth.
SENTENCE_MEMO = 32
_QUOTE = re.compile(r"[\"“][^\"”]*[\"”]")

_LEAD_WORDS = (
    r"on|in|at|during|after|before|earlier|later|last|this\s+(?:week|month|year|morning|afternoon|evening|weekend|time)|yesterday|today|tonight|hours|days|weeks|months|minutes|"
    r"moments|(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:hours?|days?|weeks?|months?|years?|minutes?)|"
    r"meanwhile|however|separately|also|since|following|amid|with|as|when|while|once|according|under|despite|"
    r"speaking|asked|instead|still|but|and|so|then|late|early|overnight|shortly|within|by|for|from|now|"
    + "|".join(WEEKDAYS)
)
# "Hours before the summit, ...", "Last week, when asked about ..., ...", "On Monday, ..."
_LEAD_PHRASE = re.compile(rf"^(?:{_LEAD_WORDS})\b(?:[^,;:\"“]|,(?=\d)){{0,90}},\s+", _I)
_LEAD_CONNECTIVE = re.compile(r"^(?:but|and|so|yet|meanwhile|however|still|instead|separately|also)\b,?\s+", _I)
_LEAD_TIME = re.compile(
    r"^(?:(?:earlier|later|late|early)\s+(?:on\s+)?(?:this|last|that|the same|on)?\s*(?:week|month|year|day|morning|"
    r"evening|night|today|yesterday|[A-Z][a-z]+day)|yesterday|today|tonight|on\s+[A-Z][a-z]+day)\b,?\s+",
    _I,
)

SPEECH_PAST = "|".join(speech.REPORT_PAST)
SPEECH_PRESENT = "|".join(speech.REPORT_PRESENT)
# Verbs that may take a clause without "that" ("Officials said the missile was ...").
_BARE_CLAUSE = re.compile(r"^(?:said|says|say|told|tells|added|adds|believes?|believed|thinks?|thought|insisted)$", _I)
_SPEECH = re.compile(
    rf"\b(?:(?:has|have|had)\s+)?(?P<verb>{SPEECH_PAST}|{SPEECH_PRESENT})\b"
)  # lower case: not "States"
_OBJECT = re.compile(
    r"^\s+(?:to\s+)?(?:reporters|journalists|lawmakers|parliament|"
    # the gathering told: "told a news conference that ...", "told the official wire service that ..."
    r"(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:conference|briefing|meeting|rally|crowd|session|audience|assembly|"
    r"summit|forum|newspaper|agency|broadcaster|television|radio|interviewer|committee|council)|"
    r"the\s+[a-z]+|[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)"
    r"(?=\s|,)"
)
# between the speech verb and "that" only a time or manner adverbial: "said on Friday that", "warned again that"
_FILLER = (
    r"on|in|at|last|this|earlier|later|late|early|yesterday|today|tonight|the|same|day|week|month|year|morning|"
    r"afternoon|evening|night|previously|also|publicly|again|repeatedly|for|first|time|then|now|only|\d+|"
    + "|".join((*WEEKDAYS, *MONTHS))
)
_BEFORE_THAT = re.compile(rf"^(?:\s+(?:{_FILLER})\b){{0,5}}\s+that\s+", _I)
_APPOSITIVE = re.compile(
    r"(,(?<=[A-Za-z’'],)\s+(?:the|a|an|its|his|her|their|who|which|also|whose|himself|herself|now|then|in|[a-z]+ing|(?-i:[a-z]+ed))\b(?:[^,;\"“]|,(?=\d)){0,90},)\s+"
    r"(?=[a-z])(?!(?:including|and|or|but|among|such)\b)"  # after an aside comes the verb, not "including ..."
)
_SUBJECT_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|did|does|will|would|could|can|after|before|when|while|because|as|if|"
    r"came|went|took|made|gave|began|became|saw|got|held|met|sent|left|won|lost|fell|rose)\b|"
    r"(?<!\bthe )(?<!\ba )(?<!\ban )\b(?-i:[a-z]+ed)\b",
    _I,
)
_TRAILING_FRAME = re.compile(
    rf",\s+(?P<speaker>(?!(?:and|but|which|who|as|while|after|when|where)\b)[^,;\"“]{{2,80}}?)\s+"
    rf"(?:(?:has|have|had)\s+)?(?P<verb>(?-i:{SPEECH_PAST}|says|reports))\b(?P<after>[^,.;]{{0,30}})(?=[,.;]|$)",
    _I,
)
_ACCORDING = re.compile(r"(?:^|,\s+)according to\s+(?P<speaker>[^,.;]{2,80})(?=[,.;]|$)", _I)


@dataclass(frozen=True)
class Frame:
    """A sentence told as a report: who told it, with which verb, and the clause that carries what happened."""

    speaker: str
    verb: str
    told: str


@lru_cache(maxsize=SENTENCE_MEMO)
def mask_quotes(text: str) -> str:
    """The text with quotations blanked out (same length, so offsets still hold)."""
    return _QUOTE.sub(lambda m: " " * len(m.group(0)), text)


_DETERMINED = re.compile(r"\b(?:the|a|an|its|this|that|his|her|their|our)\s+(?:[\w-]+\s+){0,2}$", _I)


_NOUN_PHRASE_LEAD = re.compile(r"^(?:in|with|under|at|during|for)\s+(?:a|an|the|its|his|her|their)\b", _I)


def _speech_verb(text: str) -> bool:
    """Whether a speech verb is used as a verb: "in a report to members" holds the noun, "X reported" the verb."""
    if _NOUN_PHRASE_LEAD.match(text) and not re.search(r"\b(?:who|which|that)\b", text, _I):
        return False  # "In a report to member states on Tuesday, ...": a prepositional phrase holds no clause
    return any(not _DETERMINED.search(text[: m.start()]) for m in _SPEECH.finditer(text))


_DEFINITE = re.compile(r"^the\s+(?:[a-z-]+\s+){0,2}(?P<head>[a-z]+)$", _I)


def definite_referent(description: str, recent: list[str]) -> str:
    """The actor a definite description stands for ("the agency" after the International Atomic Energy
    Agency): the last one named whose name holds the description's head noun; "" when none does."""
    m = _DEFINITE.match(description.strip())
    if not m:
        return ""
    head = m["head"].lower()
    for name in reversed(recent):
        if head in (w.lower() for w in re.findall(r"[\w'-]+", name)):
            return name
    return ""


@lru_cache(maxsize=SENTENCE_MEMO)
def strip_lead(sentence: str) -> str:
    """The sentence without leading connectives, time adverbials and circumstance phrases ("Hours before X, ")."""
    s = sentence.strip()
    for _ in range(4):
        before = s
        s = _LEAD_CONNECTIVE.sub("", s, count=1)
        s = _LEAD_TIME.sub("", s, count=1)
        m = _LEAD_PHRASE.match(s)
        if m and len(s) - m.end() > 20 and not _speech_verb(m.group(0)):
            s = s[m.end() :]
            relative = re.match(r"(?:which|who|where|whose)\b(?:[^,;]|,(?=\d)){0,120},\s+", s, _I)
            if relative:  # "For Seoul, which first reported ..., the admission ...": the aside goes too
                s = s[relative.end() :]
        if s == before:
            break
    return s


# The role runs to the first comma (a lower-case letter among its first 61 characters): checked once by the
# lookahead and read without backtracking, instead of trying every split of it again when no name follows.
_TITLED_NAME = re.compile(
    r"^(?P<role>(?=[^,;\"“]{2,60}?[a-z])[^,;\"“]*+),\s+(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){1,3}),\s+(?=[a-z])"
)


# a name, then its role with no article ("Yoon Duk-yong, co-chairman of the inquiry, told ..."), then the verb
_BARE_ROLE = re.compile(
    r"^(?P<name>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}),\s+(?P<role>(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*))?\s+"
    r"(?:of|for|at|to|in)\s+[^,;\"“]{2,80}),\s+(?=(?-i:[a-z]))(?!(?:including|and|or|but|among|such)\b)"
)


def aside_spans(text: str) -> list[tuple[int, int]]:
    """Where the asides after a name lie ("The Rubymar, a ship struck two weeks ago, sank ..."): what they
    say, and the time they give, belongs to the aside, not to the sentence's happening."""
    if text.count(",") < 2:
        return []
    return [m.span(1) for m in _APPOSITIVE.finditer(text) if not _SPEECH.search(m.group(1))]


def _titled_name(m: re.Match[str]) -> str:
    """ "Peru's foreign minister, Ana Souza," -> "Ana Souza"; a role holding a verb or a speech verb is a clause
    ("X says he agreed a truce with his counterpart, Y, that ...") and stays whole."""
    role = m.group("role")
    if _SUBJECT_VERB.search(role) or re.search(r"\b(?:says|said|tells|told|agrees|agreed)\b", role, _I):
        return m.group(0)
    return m.group("name") + " "


@lru_cache(maxsize=SENTENCE_MEMO)
def strip_appositives(text: str) -> str:
    """Asides after a name ("Kim Yo Jong, the leader's sister, accused ...") left out; a role before a name
    ("Iran's foreign minister, Hossein Amir-Abdollahian, said ...") gives way to the name."""
    if text.count(",") < 2:
        return text  # an aside sits between two commas
    text = _TITLED_NAME.sub(lambda m: m.group("name") + " ", text, count=1)
    return _APPOSITIVE.sub(lambda m: m.group(0) if _SPEECH.search(m.group(1)) else " ", text)


def strip_title_appositives(text: str) -> str:
    """strip_appositives for a headline: a role that holds a verb is a clause, and the name after it stays
    where it is ("X says he agreed a truce with his counterpart, Y, that ..." keeps its opening)."""
    if text.count(",") < 2:
        return text
    role = _BARE_ROLE.match(text)
    if role and not _SUBJECT_VERB.search(role["role"]):
        text = role["name"] + " " + text[role.end() :]  # "Yoon, co-chairman of the team, told ..."
    text = _TITLED_NAME.sub(_titled_name, text, count=1)
    for m in _APPOSITIVE.finditer(text):
        if _PARTICIPLE_ASIDE.match(m.group(1)) and _has_finite_verb(text[: m.start()]):
            # "Russia began air strikes, saying it targeted militants, though ...": a participle after a
            # complete clause starts what follows it, not an aside; the headline stops before it
            return text[: m.start()]

    def aside(m: re.Match[str]) -> str:
        if _SPEECH.search(m.group(1)):
            return m.group(0)
        # "struck Gori, the town nearest the border, killing five": the participle keeps its comma
        return ", " if _PARTICIPLE_ASIDE.match(text, m.end() - 2) else " "

    return _APPOSITIVE.sub(aside, text)


_PARTICIPLE_ASIDE = re.compile(r",\s+(?-i:[a-z]+ing)\b")


def _has_finite_verb(text: str) -> bool:
    """Whether the text holds a past verb we know (or an auxiliary) after its first word."""
    table = past_to_base()
    return bool(_SUBJECT_VERB.search(text)) or any(w.strip(",;:").lower() in table for w in text.split()[1:])


_NAME_LIST = re.compile(r"^(?:[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,\s+)+[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*\s+and\s+")


def _is_subject(text: str) -> bool:
    words = text.split()
    listed = _NAME_LIST.sub("", text)  # "The United States, South Korea and Japan"
    return 0 < len(words) <= 10 and "," not in listed and not _SUBJECT_VERB.search(text)


def _leading_frame(s: str, m: re.Match[str]) -> Frame | None:
    rest = s[m.end() :]
    verb = m.group("verb").lower()
    obj = _OBJECT.match(rest) if verb in ("told", "tells", "reported", "said") else None
    if obj and not _BEFORE_THAT.match(rest[obj.end() :]) and verb not in ("told", "tells"):
        obj = None
    if obj:
        rest = rest[obj.end() :]
    that = _BEFORE_THAT.match(rest)
    if that:
        return Frame(s[: m.start()].strip(), m.group("verb"), rest[that.end() :].strip())
    if (_BARE_CLAUSE.match(verb) or _NAMED_CLAUSE.match(rest)) and len(rest.split()) >= 3:
        return Frame(s[: m.start()].strip(), m.group("verb"), rest.strip(" ,"))
    return None


# "reported Iran tested ...": a name and a finite verb after the speech verb make a clause
_NAMED_CLAUSE = re.compile(r"^\s*(?:[A-Z][\w’'-]*\s+){1,3}(?:[a-z]+ed|had|has|have|was|were|is|are|will)\b")


# a told clause with no subject of its own: the telling is a relative clause ("what X said was ...")
_NO_SUBJECT = re.compile(r"(?:was|were|is|are|had|has|have|would|will|could|might)\b", re.IGNORECASE)


@lru_cache(maxsize=SENTENCE_MEMO)
def report_frame(sentence: str) -> Frame | None:
    """The telling and the told of a reported sentence, or None when the sentence is not told as a report."""
    s = strip_appositives(strip_lead(sentence.strip().rstrip(".")))
    masked = mask_quotes(s)
    for m in _SPEECH.finditer(masked):
        if re.search(r"\b(?:the|a|an|its|this|that|his|her|their|our|new|latest)\s+$", s[: m.start()], _I):
            continue  # "The report says ...": "report" is the subject's noun, not its verb
        if _is_subject(s[: m.start()].strip()):
            frame = _leading_frame(s, m)
            if frame is not None and not _NO_SUBJECT.match(frame.told):
                return frame  # not "bombed what the minister said was a camp": the telling is inside an object
        break
    for t in _TRAILING_FRAME.finditer(masked):
        speaker = s[t.start("speaker") : t.end("speaker")].strip()
        told = s[: t.start()].strip()
        if len(told.split()) >= 4 and len(speaker.split()) <= 8:
            return Frame(speaker, t.group("verb"), told)
    a = _ACCORDING.search(masked)
    if a:
        told = (s[: a.start()] + s[a.end() :]).strip(" ,")
        if len(told.split()) >= 4:
            return Frame(a.group("speaker").strip(), "said", told)
    return None


_RELATIVE = re.compile(r"(?P<before>[\w’']+)\s+(?:that|which|who|whom|whose|where)\s+(?:[^,;]|,(?=\d))*", _I)
_NOT_A_NOUN = re.compile(
    rf"^(?:and|or|so|such|now|{SPEECH_PAST}|{SPEECH_PRESENT}|saying|adding|warning|showed|shows)$", _I
)
_MEASURE = r"(?:\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|\d+)?\s*(?:hours?|days?|weeks?|months?|years?|minutes?)|\s+(?:shortly|soon|just|only|long))?"
_TRAILING_CLAUSE = re.compile(
    r"(?:,|\s+—|\s+–|;)\s+(?:where|which|who|whom|whose|when|while|after|before|as|amid|although|though|but|"
    r"so that|including|in what|in the first|the (?:first|last|second|third|fourth|fifth|only|latest|biggest|largest)|"
    r"a move|a step|its|their|his|her|making|"
    r"leaving|saying|adding|ending|bringing|prompting|taking|reinforcing|days|hours|weeks|months|a month|without|"
    rf"(?-i:[a-z]+ing)|and (?:{SPEECH_PAST})|and (?-i:[a-z]+ed)|and (?:he|she|they|it|we) (?-i:[a-z]+))\b.*$|"
    rf"\s+and (?:{SPEECH_PAST})\b.*$",
    _I,
)
_SUBORDINATE = re.compile(
    _MEASURE + r"(?<!\bfor)(?<!\bso)(?<!\bsuch)(?<!\blong)(?<!\bsoon)(?<!\bwell)(?<!\bmuch)(?<!\bfar)"
    # "treated as a hostile act", "viewed as a signal": "as" gives the verb its complement, not a new clause
    r"(?<!\btreated)(?<!\bseen)(?<!\bdescribed)(?<!\bknown)(?<!\bregarded)(?<!\bdesignated)(?<!\bviewed)"
    r"\s+(?:after|before|while|amid|although|because|as|when|since|until|unless|if)\s+"
    r"(?!(?:was|were|is|are|had|has|the same|long|well|soon|much|many|far|part)\b).*$",
    _I,
)


_PREPOSITION = re.compile(r"^(?:of|in|on|at|about|with|for|from|by|to|into|over|after|before|since|like)$", _I)


def _drop_relatives(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        before = m.group("before")
        if (
            _NOT_A_NOUN.match(before)
            or (before.lower().endswith("ed") and len(before) > 4)
            or _PREPOSITION.match(before)
        ):
            return m.group(0)  # "ratified that treaty", "about that": a verb or a preposition, no noun to qualify
        return before

    return _RELATIVE.sub(repl, text)


_SUBORDINATE_ONLY = re.compile(
    r",\s+(?:(?:a|an|one|two|three|four|five|six|several|few|\d+)\s+(?:hours?|days?|weeks?|months?|years?)\s+)?"
    r"(?:where|which|who|whom|whose|when|while|after|before|as|amid|although|though|including|in what|so that)\b"
    r"(?:[^,;]|,(?=\d))*(?=[,;]|$)",  # "10,000" holds no clause boundary
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def main_clause(text: str) -> str:
    """The clause before any trailing subordinate or relative clause (at least three words of it)."""
    s = text.strip().rstrip(".")
    for pattern in (_TRAILING_CLAUSE, _SUBORDINATE):
        cut = pattern.sub("", s, count=1).rstrip(" ,;")
        if len(cut.split()) >= 3:
            s = cut
    return s


@lru_cache(maxsize=SENTENCE_MEMO)
def main_part(sentence: str) -> str:
    """The sentence without leading adverbials, asides, relative and subordinate clauses (the telling kept)."""
    s = strip_appositives(strip_lead(sentence)).strip().rstrip(".")
    return _drop_relatives(_SUBORDINATE_ONLY.sub("", s))


@lru_cache(maxsize=SENTENCE_MEMO)
def core_clause(sentence: str) -> str:
    """The part of a sentence that carries its happening: the told clause of a report, without relative or
    subordinate clauses (coordinated main clauses stay: "... landed in Pyongyang, and was met by Kim")."""
    s = strip_appositives(strip_lead(sentence)).strip().rstrip(".")
    frame = report_frame(s)
    if frame is not None:
        s = frame.told
    return _drop_relatives(_SUBORDINATE_ONLY.sub("", s))


# the tense of the telling: what a sentence's first verb group says about when its happening lies
_MODAL_WORDS = frozenset("will would could can may might should must shall 'll won't wouldn't couldn't".split())
_PERFECT_AUX = frozenset("has have had 've 'd hasn't haven't hadn't".split())
_PAST_BE = frozenset("was were".split())
_ADVERBS = frozenset(
    "not never also already previously long since just recently repeatedly now still reportedly".split()
)
_IRREGULAR_PAST = frozenset(
    "said told met held sent struck shot won began became took flew led brought fought gave made left spoke sought "
    "broke hit put shut set cut lost chose rose sank swore overthrew drove fled stood wrote saw came went ran".split()
)
BACKGROUND_WORDS = re.compile(
    r"\b(?:previously|in recent (?:years|months|weeks|decades)|for (?:years|decades|months)|historically|"
    r"traditionally|used to|long (?:been|had|sought)|"
    # a habit, not a happening: "has repeatedly accused", "have often warned"
    r"(?:has|have|had)\s+(?:repeatedly|frequently|often|regularly|always)\s+(?-i:[a-z]+ed))\b",
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def told_in_simple_past(sentence: str) -> bool:
    """Whether the sentence tells its happening in the simple past ("troops stormed a depot", "X said ..."),
    the tense in which a report tells what has just happened. The perfect ("have denied", "had vowed"), the
    present ("places Finland under ..."), modals and markers of background ("previously", "for years") are the
    tenses of background, of a state of things or of what may come."""
    if BACKGROUND_WORDS.search(sentence):
        return False
    words = re.findall(r"[\w’'-]+", mask_quotes(main_part(sentence)).replace("’", "'"))
    for i, word in enumerate(words):
        w = word.lower()
        if w in _MODAL_WORDS or w in _PERFECT_AUX:
            return False
        if w in _PAST_BE or w in _IRREGULAR_PAST:
            return True
        if i > 0 and w.endswith("ed") and len(w) > 4 and word[:1].islower() and w not in _ADVERBS:
            return True
    return False


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
