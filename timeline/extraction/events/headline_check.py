"""What keeps a title from reading as a headline, and the plain fallback: the sentence itself, trimmed.

A headline is a complete clause: a named subject, a finite verb, what it acted on. It does not open with a
pronoun, a participle ("Appearing on state TV"), a bare preposition or a label ("The big picture:"); it
carries no dateline ("SEOUL, Oct 31 (Reuters) -") and no quotation; it does not stop inside a phrase
("... a solid-fuel weapon similar"). When the compressed title fails, the sentence trimmed of its dateline,
its attribution and its asides stands in, cut only at a clause boundary.
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.extraction.events.clauses import SENTENCE_MEMO, strip_lead
from timeline.extraction.events.verbs import PRESENT, past_only_present, past_to_base
from timeline.extraction.prefilter import guard_patterns

_I = re.IGNORECASE
GENEROUS_CHARS = 160
# "SEOUL, Oct 31 (Reuters) -", "MOSCOW —", "LIBREVILLE, Gabon (AP) —", "Kyodo [Japan], May 31 :", "TOKYO/SEOUL -"
DATELINE = re.compile(
    r"^(?-i:[A-Z][A-Za-z.'’-]+(?:/[A-Z][A-Za-z.'’-]+)?(?:\s[A-Z][A-Za-z.'’-]+){0,3})(?:\s*\[[^\]]{1,30}\])?"
    r"(?:,\s*[\w .'’-]{1,30}?)?(?:\s*\((?:[A-Za-z. ]{1,20})\))?\s*[-—–:]\s"
)
_LABEL = re.compile(r"^(?:[•·▪*>]+|[-–—]\s)\s*|^(?:[A-Z][a-z]+(?:\s[a-z]+){0,3}):\s+(?=[A-Z])")
_APPROXIMATE = re.compile(
    r"^(?:about|around|over|some|nearly|almost|at least|more than)\s+(?:\d|[a-z]+ty\b|a dozen|dozens|hundreds|thousands)",
    _I,
)
_PARTICIPLE_LEAD = re.compile(r"^[A-Z][a-z]+ing\b[^,;]{0,160},\s+(?=\w)")
_PRONOUN = re.compile(r"^(?:he|she|it|they|we|i|you|this|that|these|those|its|their|his|her|there)\b", _I)
_UNNAMED = re.compile(
    r"^the\s+(?:admission|move|decision|development|announcement|remarks|comments|statement|incident|report|news|"
    r"claim|step|latest|assessment|confirmation)\b",
    _I,
)
# A title opening on an auxiliary or a past form has lost its subject
_AUXILIARY = frozenset(
    "will would could should must shall is are was were has have had did does came went began took gave made".split()
)
_PREPOSITION = frozenset(
    "in on at after before amid among during with without for from by as since following despite under over "
    "into about according against while when where".split()
)
_DANGLING = frozenset(
    "a an the and or but of to in on at for with by from as into that this these those its his her their our is are "
    "was were be been has have had who which where when while after before than about over near approximately "
    "nearly around almost some most similar such including saying during called named dubbed known".split()
)
# verbs that end a headline well ("China protests", "the minister resigns")
_STANDS_ALONE = frozenset(
    "protests protest resigns resign dies die collapses collapse crashes crash sinks sink retreats retreat "
    "surrenders surrender falls fall ends end begins begin".split()
)
# (an apostrophe after an s is an owner's: "Hamas’ attack", "the allies' plan")
_QUOTES = re.compile(r"[\"“”]|(?<!\w)['‘](?=\w)|(?<=\w)(?<!s)['’](?!\w)")
_SHORT_QUOTE = re.compile(r"(?:[\"“]|(?<!\w)[‘'])([^\"“”‘’']{1,60}?)[\"”’'](?!\w)")  # not "Georgia's ..."
_BE = frozenset("is are was were has have had".split())
_ATTRIBUTION = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?[\w’'.\- ]{1,60}?\s+(?:said|says|told\s+\w+|reported|added|stated)(?:\s+on\s+\w+)?\s*\.?$|"
    r",\s+according\s+to\s+[^,]{2,80}\.?$|,\s+(?:said|says)\s+[^,]{2,60}\.?$",
    _I,
)


# Happenings a title may name by a noun alone, with the word stems by which an earlier sentence tells each one
# ("the launch" is told by "launched", "fired" or "a launch of ...")
TOLD_BY: dict[str, tuple[str, ...]] = {
    "test": ("test", "fire", "launch"),
    "launch": ("launch", "fire", "test"),
    "claim": ("claim", "accus", "alleg", "said", "says"),
    "accusation": ("accus", "claim", "alleg"),
    "capture": ("captur", "seiz", "taken prisoner"),
    "deployment": ("deploy", "sent", "send", "dispatch"),
    "decision": ("decid", "decision"),
    "attack": ("attack", "struck", "strike", "launched", "fired"),
    "strike": ("struck", "strike", "attack"),
    "announcement": ("announc",),
    "remarks": ("said", "says", "told"),
    "treaty": ("treaty",),
    "agreement": ("agreement", "deal", "pact", "accord"),
    "deal": ("deal", "agreement", "pact", "accord"),
    "pact": ("pact", "agreement", "deal", "accord"),
    "accord": ("accord", "agreement", "deal", "pact"),
    "offer": ("offer",),
    "visit": ("visit",),
    "vote": ("vote",),
    "invasion": ("invad", "invasion"),
    "incursion": ("incursion",),
    "monitoring": ("monitor",),
    "move": (),
    "statement": (),
}
# "condemns the launch", "ratifies that treaty": an object pointing back at a happening the title does not name
# (not "the launch of ...", "the treaty with ...", "the attack on ...", which say which)
POINTING_OBJECT = re.compile(
    rf"\s(?P<det>the|this|that)\s+(?P<noun>{'|'.join(TOLD_BY)})\b(?!['’-]|\s+(?:of|by|on|in|between|with|to|"
    r"against|from|that|which|signed|agreed|reached|struck|announced|made|carried|conducted|is|was|are|were|"
    r"has|had|will|would)\b)",
    _I,
)
_SAY_THAT = re.compile(r"\b(?:says?|said|warns?|claims?|insists?|argues?|believes?|hopes?|fears?|thinks?|and|so)$", _I)


_SHARE_OF = re.compile(r"(?:percent|per\s+cent|%|share|majority|half|third|quarter)\s+of$", _I)


@lru_cache(maxsize=SENTENCE_MEMO)
def pointing_object(title: str) -> str:
    """The object of a title that points back at a happening without naming it ("the launch" in "Japan condemns
    the launch"), or "" when there is none."""
    for m in POINTING_OBJECT.finditer(title):
        if m.start() < 3:
            continue  # the subject: left to the checks of a title's opening
        if m["det"].lower() == "that" and _SAY_THAT.search(title[: m.start()]):
            continue  # "warns that attack ...": a conjunction, not a pointer
        if _SHARE_OF.search(title[: m.start()]):
            continue  # "wins 60 percent of the vote": a share of the ballots, not a happening
        return m.group(0).strip()
    return ""


_CLAUSE_BOUNDARY = re.compile(
    r",\s|;\s|\s[—–-]\s|(?<!\bfor)(?<!\bso)\s(?=(?:after|before|as(?!\s+(?:long|well|soon|much|many|far|part)\b)|when|"
    r"while|because|although|though|amid|despite|following)\s)",
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def leading_cut(text: str) -> int:
    """How many characters of dateline and label open the text."""
    s, cut = text, 0
    for _ in range(2):
        m = DATELINE.match(s) or _LABEL.match(s)
        if m is None or m.end() == 0:
            break
        s, cut = s[m.end() :], cut + m.end()
    return cut


# ", which failed ...,": a relative clause between commas (or to the end) is an aside, not the title's verb
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,]*(?:,|$)", _I)


def _finite_verb(words: list[str]) -> bool:
    words = _RELATIVE_ASIDE.sub(" ", " ".join(words)).split()
    table = past_to_base()
    return any(
        (w := word.lower().strip(",;:")) in PRESENT
        or w in table
        or w in _BE
        or (w.endswith("ed") and i > 0)
        or past_only_present(w, words[i - 1])
        for i, word in enumerate(words[1:], start=1)
    )


_DEFINITE = re.compile(r"^(?:the|this|that|these|those)\s+", _I)
_MODALS = frozenset("will would could can may might must shall should did does do".split())


@lru_cache(maxsize=SENTENCE_MEMO)
def unnamed_subject(title: str) -> bool:
    """Whether the title's subject is a description that names no one ("The state media issues ...", "The two
    leaders agree ...", "The agency's board meets ..."): it opens on "the" (or "this") and no word before its
    verb is a name."""
    m = _DEFINITE.match(title)
    if m is None:
        return False
    table = past_to_base()
    for i, word in enumerate(title[m.end() :].split()[:10]):
        if word[:1].isupper():
            return False  # "The Syrian rebels", "The U.S. State Department": a name in the subject
        bare = word.strip(",;:").lower()
        if i > 0 and (bare in PRESENT or bare in table or bare in _BE or bare in _MODALS or bare.endswith("ed")):
            return True
    return False


# names that end like a participle ("King Harald", "Beijing says")
_ING_NAMES = frozenset("king beijing nanjing kunming chongqing harbin xining wellington sterling viking".split())


def _participle_first(words: list[str]) -> bool:
    """Whether the title opens on a participle ("Appearing on state TV"), not on a name ending in -ing
    ("King Harald opens", "Beijing says")."""
    first = words[0].strip("\"“'‘").lower()
    if not first.endswith("ing") or first in _ING_NAMES:
        return False
    return not (len(words) > 1 and words[0][:1].isupper() and words[1][:1].isupper())


# an attribution in the middle of a title: what comes before it and what it tells are two clauses
_EMBEDDED_SAID = re.compile(
    r",\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w’'-]+\s+){0,4}?(?:said|says|say|told|added)\s+(?=\w)"
)


def headline_faults(title: str) -> list[str]:
    """Why a title does not read as a headline (empty when it does)."""
    return list(_headline_faults(title))


@lru_cache(maxsize=SENTENCE_MEMO)
def _headline_faults(title: str) -> tuple[str, ...]:
    faults = []
    words = title.split()
    if not words:
        return ("empty",)
    first = words[0].strip("\"“'‘").lower()
    if DATELINE.match(title) or _LABEL.match(title):
        faults.append("dateline or label")
    if _PRONOUN.match(title) or _UNNAMED.match(title) or first in _AUXILIARY or first in past_to_base():
        faults.append("no named subject")  # "Will be met with sanctions", "Came four days after ...": no subject
    elif unnamed_subject(title):
        faults.append("unnamed subject")  # "The two envoys agree ...": someone, but not named
    if (_participle_first(words) or first in _PREPOSITION) and not _APPROXIMATE.match(title):
        faults.append("opens with a phrase, not a subject")
    if not title[:1].isupper() or (len(words[0]) == 1 and words[0] not in ("A", "I")):
        faults.append("starts inside a word or a sentence")
    if len(words) < 3 or not _finite_verb(words):
        faults.append("no verb")
    last = words[-1].lower().strip(",;:")
    bare_verb = (
        last in PRESENT
        and last not in _STANDS_ALONE
        and len(words) > 1
        and words[-2][:1].isupper()
        and not words[-2].endswith(("'s", "’s", "s'", "s’"))  # "condemns North Korea's test": a noun
        and not (len(words) > 2 and words[-3].lower() in ("the", "a", "an", "its", "their", "his", "her"))
    )  # "the Iranian attack": a noun after its article
    if last in _DANGLING or title.rstrip()[-1:] in ",;:" or bare_verb or last in ("says", "say", "said"):
        faults.append("cut off")  # "... at approximately", "Joe Biden meets": what it acted on is missing
    if _QUOTES.search(title):
        faults.append("quotation")  # the mildest fault: counted once, the others twice
    if re.search(r"(?<!\b[A-Z])[.!?]\s+\S", title) or _EMBEDDED_SAID.search(title):
        faults.append("two sentences")  # "... won the vote, the officers said they cancel ...": two clauses spliced
    if _BARE_ATTRIBUTION.match(title) and not re.search(r"\bas saying\b|\bthat\b", title):
        faults.append("attribution only")
    told = _SAYS_THEN.search(title)
    if told and not _told_has_verb(title[told.end() :].split()):
        faults.append("attribution only")  # "X says the first convoy of aid to enter the region": its verb is lost
    return tuple(faults)


_SAYS_THEN = re.compile(r"\b(?:says|say)\s+(?:that\s+)?(?=\S)")


def _told_has_verb(words: list[str]) -> bool:
    """Whether what a title tells someone said holds a verb of its own (or a modal before one)."""
    # an infinitive is no verb of the clause's own ("the first convoy to enter the region")
    finite = [w for i, w in enumerate(words) if not (i > 0 and words[i - 1].lower() == "to")]
    return _finite_verb(["", *finite]) or any(w.lower() in _MODALS for w in words) or _present_before_object(words)


_OBJECT_WORDS = frozenset("the a an both all its their his her this that these those to".split())
_NOT_A_SUBJECT = frozenset("the a an its their his her this that these those of to in on at for".split())


def _present_before_object(words: list[str]) -> bool:
    """Whether a verb we do not list stands in the present after its subject, before its object ("the bloc
    encourages both sides"): a lower-case word in -s after a noun, before an article or a determiner."""
    for i in range(1, len(words) - 1):
        w, before, after = words[i], words[i - 1].lower(), words[i + 1].lower()
        if (
            re.fullmatch(r"(?-i:[a-z]{3,}[^s'’]s)", w)
            and before not in _NOT_A_SUBJECT
            and not before.endswith(("'s", "’s"))
            and after in _OBJECT_WORDS
        ):
            return True
    return False


_PICTURE_CREDIT = re.compile(
    r"\((?:AP|AFP|Reuters|Getty|EPA)[ /]|\bPhoto(?:graph)?\s*(?::|by\b)|\bcredit\s*:|\bfile photo\b|\bpictured\b|"
    r"/\s*(?:AP|AFP|Reuters|Getty Images|EPA)\b",
    _I,
)
# what a picture shows someone doing, in the present: "watches", "is seen", "gather", "stand"
_POSTURE = re.compile(
    r"^(?:[A-Z][\w’'.-]*\s+|(?:a|an|the|two|three|several|many)\s+){1,6}?(?:[a-z-]+\s+){0,3}?"
    r"(?:watch(?:es)?|looks? on|stands?|sits?|walks?|gathers?|poses?|waves?|queues?|rides?|holds? up|waits?|"
    r"(?:is|are) (?:seen|shown|pictured|displayed))\b"
)


@lru_cache(maxsize=SENTENCE_MEMO)
def is_caption(sentence: str) -> bool:
    """Whether a sentence describes a picture (a credit, or someone shown in the present tense doing what a
    photograph shows) rather than tells the news; a caption never heads an event."""
    s = strip_dateline(sentence)
    if _PICTURE_CREDIT.search(s):
        return True
    return bool(_POSTURE.match(s)) and not re.search(r"\b(?:said|says|told|reported|announced)\b", s)


# "Wire services cited the aviation authority": who reported, not what happened
_BARE_ATTRIBUTION = re.compile(r"^.{0,80}?\b(?:quoted|quotes|cited|cites)\s+(?:the\s+)?[A-Z][^,;]*$")


@lru_cache(maxsize=SENTENCE_MEMO)
def fault_weight(title: str) -> int:
    """How badly a title fails as a headline: a quotation or a subject that names no one weighs least, a
    missing subject or verb most."""
    return sum(1 if f in ("quotation", "unnamed subject") else 2 for f in headline_faults(title))


def unquote_short(title: str) -> str:
    """Quotation marks around a phrase of up to eight words go ("accuses Prigozhin of “treason”" -> "... of
    treason"): the title says it in its own clause."""
    return _SHORT_QUOTE.sub(lambda m: m.group(1) if len(m.group(1).split()) <= 8 else m.group(0), title)


@lru_cache(maxsize=SENTENCE_MEMO)
def strip_dateline(text: str) -> str:
    s = text.strip()
    for _ in range(2):
        s = _LABEL.sub("", DATELINE.sub("", s, count=1), count=1).strip()
    return s


# "..., the agency said: 15 trucks carrying ...": the attribution, then the detail it gives
_ATTRIBUTION_THEN_DETAIL = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?[\w’'.\- ]{1,60}?\s+(?:said|says|reported|added|announced):\s.*$", _I
)


@lru_cache(maxsize=SENTENCE_MEMO)
def trimmed_sentence(sentence: str, max_chars: int = GENEROUS_CHARS) -> str:
    """The sentence as a title: no dateline, label, attribution, brackets or leading adverbial; cut only at a
    clause boundary (a comma, a semicolon, a dash) when longer than `max_chars`."""
    s = strip_dateline(sentence).rstrip(" .")
    s = re.sub(r"\s*[(\[][^)\]]{0,80}[)\]]", "", s)
    s = _ATTRIBUTION.sub("", _ATTRIBUTION_THEN_DETAIL.sub("", s)).rstrip(" .,")
    s = strip_lead(
        _PARTICIPLE_LEAD.sub("", s, count=1)
    )  # "Quoting officials, the broadcaster said ...": the broadcaster said ...
    s = unquote_short(s)
    if len(s) > max_chars:
        cuts = [m.start() for m in _CLAUSE_BOUNDARY.finditer(s) if 20 <= m.start() <= max_chars]
        if cuts:
            s = s[: cuts[-1]]
    s = s.rstrip(" ,;:—–-")
    return s[:1].upper() + s[1:]


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
