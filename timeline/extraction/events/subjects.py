"""Naming a title's subject when it is a description that names no one.

A headline says who acted. Reports often go on with a description of an actor they named before ("the agency",
"the state media", "the rebels"); a title written from such a sentence names the actor instead:
- a description whose noun is part of a name the article gave before ("the agency" after "the International
  Atomic Energy Agency") takes that name;
- a body every country has ("the state media", "the foreign ministry", "the military") takes the country the
  article is about as its owner ("North Korea's state media"); "the country" takes the country's name.
The title is left as it is when no earlier sentence settles it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.extraction.events.verbs import PRESENT, past_to_base
from timeline.extraction.prefilter import guard_patterns

_I = re.IGNORECASE
REACH = 12  # how many sentences back a description may find its name

# bodies a country has, named by their function: the country they belong to names them
_OWNED = re.compile(
    r"^the\s+(?P<body>(?:state(?:-run)?\s+(?:media|television|tv|radio|broadcaster|news\s+agency))|"
    r"(?:foreign|defen[cs]e|interior|health|finance|justice)\s+ministry|military|army|navy|air\s+force|"
    r"armed\s+forces|coast\s*guard|government|authorities|police|parliament|rebels|opposition|central\s+bank|"
    r"election\s+(?:commission|authority)|national\s+election\s+(?:commission|authority)|"
    r"(?:electoral|election)\s+(?:tribunal|court|council|board|body)|(?:constitutional|supreme|high|top|military)\s+"
    r"court|tribunal|senate|congress|cabinet|legislature|national\s+assembly|junta|presidency|security\s+forces|"
    r"border\s+guards?|(?:[a-z]+\s+){0,2}?(?:border\s+)?crossings|"
    r"(?:country|nation)['’]s\s+[a-z]+(?:\s+[a-z]+)?)(?=\s+(?-i:[a-z]))",
    _I,
)
_COUNTRY = re.compile(r"^the\s+(?:country|nation)(?=\s+(?-i:[a-z]))", _I)
# "The agency says", "The council's members meet": the description's noun, to look for in an earlier name
_HEAD = re.compile(r"^the\s+(?P<head>(?-i:[a-z]+))(?=(?:['’]s)?\s+(?-i:[a-z]))", _I)
_NAME_RUN = re.compile(r"(?:[A-Z][\w’'.-]*)(?:\s+(?:of\s+(?:the\s+)?|for\s+|on\s+)?[A-Z][\w’'.-]*)*")
# words that begin a sentence, not a name
_VERBS = frozenset("is are was were has have had will would could can may might must also says said".split())
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december today yesterday".split()
)
_NOT_NAME = frozenset("the a an this that these those it its their his her on in at after before but and".split())


def _name_holding(head: str, sentence: str) -> str:
    """The one multi-word name in `sentence` that holds `head` as a word ("agency": "International Atomic
    Energy Agency"), with "the" when the sentence gives it one; "" when none or several do."""
    names = set()
    for m in _NAME_RUN.finditer(sentence):
        words = m.group(0).split()
        while words and words[0].lower() in _NOT_NAME:
            words.pop(0)
        if len(words) > 1 and head in (w.lower().strip("’'") for w in words[1:]):  # not "Leaders of ..."
            names.add(" ".join(words))
    if len(names) != 1:
        return ""
    name = names.pop()
    return f"the {name}" if re.search(r"\bthe\s+" + re.escape(name), sentence, _I) else name


def _owner(country: str) -> str:
    return country + ("’" if country.endswith("s") else "'s")


_ITS = re.compile(r"^(?:its|their)\s+", _I)


def owned_by_pronoun(title: str) -> str:
    """A title opening with "Its" before a body every country has ("Its air force shoots down ...") as one that
    opens with the description ("The air force shoots down ..."), for name_subject to name its owner; other
    titles as they are."""
    m = _ITS.match(title)
    if m is None or not _OWNED.match("the " + title[m.end() :]):
        return title
    return "The " + title[m.end() :]


def name_subject(title: str, earlier: Sequence[str], country: str = "", group: str = "") -> str:
    """The title with a leading description that names no one replaced by the name it stands for: the
    name holding its noun in the nearest of the `earlier` sentences (in article order), else, for a body every
    country has, the owner `country` (the country the article is about, "" when unknown), and for members
    ("the allies", "the leaders") the body `group` the article names most ("NATO allies")."""
    if country and (m := _COUNTRY.match(title)):
        return country + title[m.end() :]
    if country and (m := _OWNED.match(title)) and not re.search(r"['’]s\b", m["body"]):
        return _owner(country) + " " + m["body"] + title[m.end() :]
    head = _HEAD.match(title)
    if head is not None and _verb_or_owner(title[head.end() :]):
        for sentence in list(earlier)[-REACH:][::-1]:
            name = _name_holding(head["head"].lower(), sentence)
            if name:
                return _capital(name + title[head.end() :])
            if described := _described_as(head["head"].lower(), sentence):
                return described + title[head.end() :]
            if head["head"].lower() in _MEMBERS and (named := _group_of(head["head"].lower(), sentence)):
                return f"The {named} {head['head']}{title[head.end() :]}"
        if head["head"].lower() in _MEMBERS and group and len(group.split()) <= 4:
            return f"{group} {head['head']}{title[head.end() :]}"  # "NATO allies review ..."
    return title


_VESSELS = ("ship", "vessel", "carrier", "tanker", "freighter", "boat")


def _described_as(head: str, sentence: str) -> str:
    """The name an earlier sentence describes by `head` in an aside ("The Vega Star, a Maltese-flagged cargo
    carrier, sank ...": "The Vega Star" for "the carrier"); "" when none does."""
    kind = rf"(?:{'|'.join(_VESSELS)})" if head in _VESSELS else head  # "the ship" for "a bulk carrier"
    m = re.search(
        rf"(?P<name>(?:\bthe\s+)?(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){{0,3}}),\s+(?:a|an|the)\s+"
        rf"(?:[\w’'-]+\s+){{0,4}}?{kind}\b",
        sentence,
        _I,
    )
    if m is None or {w.lower() for w in m["name"].split()} & (_NOT_NAME | _CALENDAR) - {"the"}:
        return ""  # "On Tuesday, the agency ...": a day is no name
    if re.search(r"\b(?:on|in|at|by|since|from|until)\s+$", sentence[: m.start()], _I):
        return ""  # "In Kyiv, the city council ...": a place set before the sentence, not described
    return _capital(m["name"])


# people named by the body they belong to: "the leaders" of the Group of Seven, "the ministers" of the bloc
_MEMBERS = frozenset("leaders ministers allies members envoys delegates lawmakers ambassadors".split())
_GROUP = r"(?P<name>(?-i:[A-Z][\w’'.-]*)(?:\s+(?:of\s+)?(?-i:[A-Z][\w’'.-]*)){0,4})"


def _group_of(head: str, sentence: str) -> str:
    """The body whose members `head` names in `sentence` ("Leaders of the Group of Seven", "the NATO
    leaders"): "Group of Seven", "NATO"; "" when the sentence names none."""
    m = re.search(rf"\b{head}\s+of\s+(?:the\s+)?{_GROUP}", sentence, _I) or re.search(rf"{_GROUP}\s+{head}\b", sentence)
    if m is None or m["name"].split()[0].lower() in _NOT_NAME:
        return ""
    return m["name"]


def _verb_or_owner(rest: str) -> bool:
    """Whether the description's noun is its last word: a verb or an owner's "'s" follows ("the agency says",
    "the agency's board"), not another noun ("the state media")."""
    if re.match(r"['’]s\b", rest):
        return True
    word = rest.split(" ", 2)[1].lower() if len(rest.split(" ", 2)) > 1 else ""
    return word in _VERBS or word in past_to_base() or word in PRESENT


def _capital(title: str) -> str:
    return title[:1].upper() + title[1:]


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
