"""An audit of event titles as a reader sees them: a title is a complete clause with a named subject.

The checks read the title and the sentences it was written from, with their own small vocabulary, so they do
not share the title writer's rules (a fault the writer cannot see, the audit can). Each shown title is checked
for being
- cut off: it ends on a word that needs more ("... at approximately"), or, where its last words are found in
  a source sentence, the sentence goes on there inside the same phrase ("... in an attempt | to topple");
- pronoun/unnamed: it opens with a pronoun or an anaphoric description ("The country pledges"), or names a
  subject that neither its sentence nor the sentence before names (a pronoun resolved to the wrong actor), or
  its object points back at a happening it does not name ("condemns the launch", "ratifies that treaty");
- dateline: it opens with a place or date dateline or carries an agency or site name as a label;
- quoted: it holds quotation marks;
- shared: another event shows the same title;
- no verb: outside asides and relative clauses it has no finite verb;
- caption: its sentence describes a picture (present tense, a picture credit) rather than reports news;
- attribution: it says only who reported ("Wire services cited the aviation authority"), not what happened.
Plain Python: the command passes the stored events.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from timeline.evaluation.events import SystemEvent, normalise

_I = re.IGNORECASE
KINDS = ("cut off", "pronoun/unnamed", "dateline", "quoted", "shared", "no verb", "caption", "attribution")

# A small verb vocabulary of its own (base forms), enough for news headlines and their sentences.
_BASES = frozenset(
    """accept accuse acknowledge add admit adopt agree aim allow announce appear approve arrest arrive ask assure
    attack attempt authorize authorise back ban become begin believe block bomb break bring build call cancel capture
    change charge claim close collapse condemn confirm consider continue control crash cross cut decide declare
    defeat deliver deny deploy destroy detain detect die discuss dismiss dispatch displace draw drop elect end enter
    escalate evacuate expand expel explain extend face fail fall fear fight file find fire flee fly follow force form
    free freeze gain gather give go grant halt hand happen head hear help hit hold host impose include increase
    intercept invade issue join keep kill land launch lead leave lift lose make march mark meet move name need
    negotiate note observe offer open order oust pass plan pledge pose post praise press prevent promise propose
    protest prove provide pull push put quit quote raid raise reach receive recognize recognise reduce reject
    release remain remove replace report request resign respond restore retake return reveal rise rule run sanction
    say see seek seize sell send sentence set shell shoot show sign sink sit speak spend stage stand start state
    stay step stop storm strike suffer supply support surrender suspend take talk target tell test threaten track
    travel try turn urge use veto visit vote vow walk want warn watch wave win withdraw wound cite
    abduct broadcast convene erupt kidnap pull recover rescue surround swap""".split()
)
_IRREGULAR = frozenset(
    """began begun became broke broken brought built came cut drew drawn drove driven fell fallen fled flew flown
    fought found gave given went gone held heard hit kept led left lost made met put ran rose risen said saw seen
    sent set shot shown sat sank spoke spoken spent stood struck stricken took taken told threw thrown won withdrew
    withdrawn wrote written froze frozen sold sought chose chosen oversaw overthrew bought caught dealt hid swept
    undertook understood upheld""".split()
)
_AUXILIARIES = frozenset(
    "is are was were has have had will would can could may might shall should must does did".split()
)
_SPEECH = frozenset(
    "say says said tell tells told report reports reported quote quotes quoted cite cites cited".split()
)
_DETERMINERS = frozenset(
    "the a an its their his her our this these those that of to for with by from in on at no any each every "
    "some many several two three last new".split()
)
_DANGLING = frozenset(
    "a an the and or but nor of to in on at for with by from as into onto that this these those its his her their "
    "our is are was were be been being has have had will would can could who which whose where when while after "
    "before than about over near approximately nearly around almost some most such similar including during "
    "against toward towards between among via per amid despite whether if".split()
)
_PRONOUNS = frozenset("he she it they we i you his her its their this these those there such".split())
_ANAPHORIC = re.compile(r"^(?:the|this|that|these|those)\b", _I)
_SUBORDINATORS = frozenset(
    "after before as when while because although though amid despite following since until unless which who whom "
    "whose where whereas so according prompting leaving saying adding marking raising sparking if".split()
)
_TIME_WORD = (
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|morning|evening|night|"
    r"afternoon|midnight|noon|dawn|dusk|day|days|hours|overnight|now|weeks?|months?|years?|weekend|january|february|march|april|may|june|july|august|"
    r"september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|\d{1,4}(?:st|nd|rd|th)?|"
    r"local\s+time|a\.m\.?|p\.m\.?|\d{1,2}:\d\d)"
)
_TIME_FOLLOW = re.compile(
    r"^(?:(?:on|in|at|by|early|late|last|this|that|earlier|later|the|previous|same|next|following|of|shortly|just|"
    r"before|after|until|within|throughout|for|about|nearly|some|around)\s+)*"
    rf"{_TIME_WORD}\b(?:,?\s+(?:(?:on|in|at|of|the)\s+)*{_TIME_WORD}\b)*",
    _I,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’-]{2,}(?:[ /][A-Z][A-Z.'’-]+)*\s*(?:,|\(|[-—–]\s)|"  # "SEOUL, ", "TOKYO/SEOUL - "
    r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2},\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+)\b|"
    r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){0,2}\s*\([A-Za-z. ]{1,20}\)\s*[-—–:]|"
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b)"
)
_SITE = re.compile(
    r"\((?:Reuters|AP|AFP|UPI|Xinhua|Yonhap|Kyodo|dpa|Bloomberg|TASS)\)|"
    r"\s[|–—-]\s*(?:Reuters|AP News|AFP|BBC(?: News)?|CNN|Al Jazeera|The Guardian|NPR|Yonhap|Kyodo|DW|France 24)\s*$|"
    r"^(?:Reuters|AP|AFP|BBC|CNN)\s*[:|–—-]\s",
)
_QUOTE = re.compile(r"[\"“”«»]|(?<![\w])['‘]|['’](?![\w])(?<!s’)(?<!s')")
_CAPTION_CUE = re.compile(
    r"\((?:AP|AFP|Reuters|Getty|EPA)[ /]|\bPhoto(?:graph)?\s*:|\bPhoto(?:graph)?\s+by\b|\bcredit\s*:|\bfile photo\b|"
    r"/\s*(?:AP|AFP|Reuters|Getty Images|EPA)\b|\bpictured\b",
    _I,
)
_CAPTION_VERBS = re.compile(
    r"\b(?:watch|watches|look|looks|stand|stands|sit|sits|walk|walks|gather|gathers|pose|poses|wave|waves|"
    r"attend|attends|ride|rides|queue|queues|march|marches|hold|holds|wait|waits)\b|\b(?:is|are)\s+(?:seen|shown|"
    r"pictured|displayed)\b",
    _I,
)
_WORD = re.compile(r"[\w’'-]+")


def _forms(base: str) -> set[str]:
    """The finite forms of a verb of the audit's vocabulary: third person present and past."""
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        s, ed = base[:-1] + "ies", base[:-1] + "ied"
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        s, ed = base + "es", base + "ed"
    elif base.endswith("e"):
        s, ed = base + "s", base + "d"
    else:
        s, ed = base + "s", base + "ed"
    out = {s, ed}
    if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnprt]", base) and len(base) <= 4:
        out.add(base + base[-1] + "ed")  # "stopped", "planned"
    return out


_FINITE = frozenset().union(*(_forms(b) for b in _BASES)) | _IRREGULAR | _AUXILIARIES
_PRESENT = frozenset(w for b in _BASES for w in _forms(b) if w.endswith("s")) | {"is", "are", "has", "does"}


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def _is_finite(words: list[str], raw: list[str], i: int) -> bool:
    """Whether the i-th word stands as a finite verb: a verb form not after a determiner, "to" or a demonym."""
    w = words[i].rsplit("-", 1)[-1] if "-" in words[i] else words[i]  # "test-fires"
    if i == 0:
        return False  # the first word is the subject's
    before = words[i - 1]
    if w in _AUXILIARIES:
        return True
    if before in _DETERMINERS or before.endswith("'s"):
        return False  # "Iran's attacks", "the strikes", "to assure"
    after = words[i + 1] if i + 1 < len(words) else ""
    object_follows = after in _OBJECT_START or (i + 1 < len(raw) and raw[i + 1][:1].isupper()) or after.isdigit()
    if w.endswith("s") and not w.endswith("ss") and raw[i - 1][:1].isupper() and not object_follows:
        if re.fullmatch(r"[a-z]+(?:ian|ean|can|ese|ish)", before):
            return False  # "Iranian attacks": a demonym before a plural noun
    if after == "by" and (w.endswith("ed") or w in _IRREGULAR) and before not in _AUXILIARIES:
        return False  # "soldiers captured by Ukraine": a participle
    if w in _FINITE:
        return True
    if not raw[i][:1].islower() or w in _DANGLING or w in _SUBORDINATORS or len(w) < 3:
        return False  # a name or a function word
    if re.fullmatch(r"[a-z'-]*[^s's]s", before) and after in _ARTICLES:
        return True  # "Russian forces recapture the ...": a verb we do not list after a plural subject
    if re.fullmatch(r"[a-z]{3,}[^s's]s", w) and object_follows:
        return True  # "ratifies that treaty", "blames Israel": a verb we do not list, with its object
    if w in _BASES and before != "to":
        j = i - 1
        while j > 0 and (words[j] in _ADVERBS or words[j].endswith("ly")):
            j -= 1  # "officials first report"
        subject = words[j]
        plural = subject in ("they", "we", "i", "you") or bool(re.fullmatch(r"[a-z'-]*[^s's]s", subject))
        if plural or (raw[j][:1].isupper() and "and" in words[:j]):  # "Washington, Seoul and Tokyo condemn"
            return True
        return object_follows and any(re.fullmatch(r"[a-z'-]*[^s's]s", x) for x in words[:i])
    return len(w) >= 5 and w.endswith("ed") and raw[i][:1].islower()  # "targetted", "bombarded"


_ARTICLES = frozenset("the a an its their".split())
_OBJECT_START = frozenset(
    "the a an its his her their that this these those on for with to two three four five six seven eight nine ten "
    "dozens hundreds thousands".split()
)
_ADVERBS = frozenset("also first later then now again still jointly formally swiftly".split())


def _main_words(title: str) -> str:
    """The title without its asides: brackets, dash-enclosed and comma-enclosed relative clauses."""
    s = re.sub(r"\([^)]*\)", " ", title)
    s = re.sub(r"\s[–—-]\s[^–—]*?(?:\s[–—-]\s|$)", " ", s)
    return re.sub(r",\s+(?:which|who|whom|whose|where)\b[^,]*(?:,|$)", " ", s, flags=_I)


def finite_verb_index(text: str) -> int:
    """Where the first finite verb of the text's main clause stands (in words), or -1."""
    raw = _WORD.findall(_main_words(text))
    words = [w.lower().replace("’", "'") for w in raw]
    for i in range(len(words)):
        if _is_finite(words, raw, i):
            return i
    return -1


def _subject(title: str) -> list[str]:
    raw = _WORD.findall(_main_words(title))
    at = finite_verb_index(title)
    return raw[:at] if at > 0 else raw[:3]


def _name_words(words: Sequence[str]) -> list[str]:
    return [w for i, w in enumerate(words) if w[:1].isupper() and (i > 0 or w.lower() not in _DETERMINERS)]


# an object that points back at a happening: "condemns the launch", "ratifies that treaty" (the title alone does
# not say which); "the launch of ...", "the treaty with ..." say it
_POINTING = re.compile(
    r"(?<=\s)(?:the|this|that)\s+(?:launch|test|strike|attack|deployment|capture|treaty|agreement|deal|pact|accord|"
    r"decision|move|claim|accusation|offer|statement|announcement|remarks|visit|vote|invasion|incursion)\b"
    r"(?!['’-]|\s+(?:of|by|on|in|between|with|to|against|from|that|which|who|signed|agreed|reached|is|was|has|will)\b)",
    _I,
)
_CONJUNCTION_THAT = re.compile(r"\b(?:says?|said|warns?|claims?|insists?|argues?|believes?|and|so)\s+that\s+\S+$", _I)


# "64 percent of the vote": a share of the ballots cast, not a happening pointed back at
_SHARE_OF = re.compile(r"(?:percent|per\s+cent|%|share|majority|half|third|quarter)\s+of\s+$", _I)


def _pointing_object(title: str) -> str:
    for m in _POINTING.finditer(title):
        if not _CONJUNCTION_THAT.search(title[: m.end()]) and not _SHARE_OF.search(title[: m.start()]):
            return m.group(0)
    return ""


def _bare(word: str) -> str:
    """A word without its possessive ending ("syria's" -> "syria")."""
    return re.sub(r"'s?$", "", word)


def _unnamed(title: str, source: str, previous: str) -> str:
    words = _WORD.findall(title)
    if not words:
        return "empty"
    if words[0].lower() in _PRONOUNS:
        return "opens with a pronoun"
    subject = _subject(title)
    if _ANAPHORIC.match(title) and not _name_words(subject[1:]):
        return "unnamed subject"
    # "Syria's rebels": the owner's name is "Syria", however its sentence gives it
    names = [_bare(n.lower().replace("’", "'")) for n in _name_words(subject) if len(n) > 2]
    if names and source:
        said = [_bare(w) for w in _words(source)]
        if (
            said
            and said[0] in _PRONOUNS - {"this", "these", "those", "there", "such"}
            and not any(n in said for n in names)
        ):
            before = _subject(previous) if previous else []
            if not any(n in [_bare(w) for w in _words(" ".join(before))] for n in names):
                return "pronoun resolved to an actor that is not the subject of the sentence before"
        elif not any(n in said or n in [_bare(w) for w in _words(previous)] for n in names):
            return "subject named in neither its sentence nor the one before"
    if pointing := _pointing_object(title):
        return f"object points back: '{pointing}'"
    return ""


def _follows_at_boundary(rest: str, ended_on_participle: bool = False, last_word: str = "") -> bool:
    """Whether the source sentence may stop where the title stops: what follows starts a new clause, an aside,
    a time expression or an attribution, or nothing follows."""
    rest = rest.strip()
    if _LIST_GOES_ON.match(rest):
        return False  # "a deep political, legal | , fiscal and moral crisis"
    if not rest or rest[0] in ",;:.!?—–()[]\"“”'’" or rest.startswith("- "):
        return True
    time = _TIME_FOLLOW.match(rest)
    if time and time.end() > 0 and _follows_at_boundary(rest[time.end() :], ended_on_participle, last_word):
        return True
    words = _words(rest)
    if not words:
        return True
    if words[0] in _SUBORDINATORS:
        return True
    if words[0] == "that" and last_word and last_word not in _FINITE and last_word not in _BASES:
        return True  # "... a violation of the resolutions | that ...": a relative clause after a noun
    if words[0] == "and" and len(words) > 1 and words[1] == "that":
        return True  # "... announced that X | and that Y": a second told clause
    if words[0] in ("and", "but", "or", "then"):
        raw = _WORD.findall(rest)
        return any(_is_finite(words, raw, i) for i in range(1, min(len(words), 6)))
    if words[0] in _SPEECH or (len(words) > 1 and words[1] in _SPEECH):
        return True  # "... Pyongyang | said the agency", "... | officials said"
    return words[0] in _ADJUNCT and not ended_on_participle


_LIST_GOES_ON = re.compile(
    r"^,\s+(?!(?:which|who|where|when|while|as|after|before|[a-z]+ing)\b)[\w’'-]+(?:\s+[\w’'-]+){0,3},?\s+(?:and|or)\s+"
    r"[\w’'-]+(?:\s+[\w’'-]+){0,3}\s*(?:[,.;]|\s+to\b|$)"
)
# a place or circumstance after a complete clause ("... took control of the facilities | in the city of X")
_ADJUNCT = frozenset("in at near on across during over from inside outside off along aboard within".split())


def _splice(title: str, sources: Sequence[str]) -> str:
    """Where the title joins words its sentence keeps apart with more than an aside, a time or a bracket
    between them ("... building in Damascus | on Monday, resulting in the deaths of 13 people, | including")."""
    tw = _words(title)
    best = ""
    for s in sources:
        tokens = [t.lower().replace("’", "'") for t in re.findall(r"\b[ap]\.m\.|\d{1,2}:\d\d|[\w’'-]+|[,;:()–—]", s)]
        gaps = []
        for a, b in zip(tw, tw[1:], strict=False):
            starts = [i for i, t in enumerate(tokens) if t == a]
            pairs = [(ia, _find(tokens, b, ia + 1)) for ia in starts]
            if any(ia + 1 < len(tokens) and _same_stem(tokens[ia + 1], b) for ia in starts):
                continue  # "leaders ended" for "leaders end": the verb changed its form in place
            pairs = [(ia, ib) for ia, ib in pairs if ib >= 0]
            if pairs and not any(_removable(tokens[ia + 1 : ib]) for ia, ib in pairs):
                gaps.append(f"{a} .. {b}")
        if not gaps:
            return ""
        best = best or f"spliced: '{gaps[0]}'"
    return best


def _same_stem(a: str, b: str) -> bool:
    n = min(len(a), len(b), 4)
    return n >= 3 and a[:n] == b[:n]


def _find(tokens: list[str], word: str, start: int) -> int:
    for i in range(start, min(len(tokens), start + 40)):
        if tokens[i] == word:
            return i
    return -1


_TIME_TOKEN = re.compile(
    r"^(?:on|in|at|of|the|early|late|last|this|earlier|later|local|time|a\.?m|p\.?m|\d[\d:.]*|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|morning|evening|night|afternoon|midnight|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|"
    r"jul|aug|sep|sept|oct|nov|dec|week|month|year|weekend|overnight|now|spring|summer|autumn|winter|[ap]\.m\.?|"
    r"before|after|shortly|"
    r"had|has|have|been|also|reportedly|formally|"
    r"[a-z]+ly|that|previous|next|same|following|for|first|\d+(?:am|pm|gmt|h)|[,])$"
)
# "over the weekend", "during the night": a preposition that opens a time phrase (not "flew | over Japan")
_TIME_NOUN = frozenset("weekend night week month year morning afternoon evening".split())


def _removable(gap: list[str]) -> bool:
    if not gap:
        return True
    if all(_TIME_TOKEN.match(t) for t in gap):
        return True
    if (
        gap[0] in ("over", "during", "throughout")
        and gap[-1] in _TIME_NOUN
        and all(_TIME_TOKEN.match(t) for t in gap[1:])
    ):
        return True
    if gap[0] in (",", "(", "–", "—") and gap[-1] in (",", ")", "–", "—"):
        return True  # an aside between commas, brackets or dashes
    return gap[0] in ("(", "–", "—") and ")" not in gap[1:-1]


_DETERMINERS_ONE = frozenset({"a", "an", "the", "this", "that"})


def _redetermined(words: Sequence[str], k: int, before: str) -> bool:
    """Whether the title's last `k` words stand in a source after another determiner than the title's ("the air
    strike" against "An air strike destroyed ..."): a noun phrase the title took from that sentence, whole."""
    if len(words) <= k or words[-k - 1] not in _DETERMINERS_ONE:
        return False
    previous = _words(before)[-1:]
    return bool(previous) and previous[0] in _DETERMINERS_ONE and previous[0] != words[-k - 1]


def _cut_off(title: str, sources: Sequence[str]) -> str:
    stripped = title.rstrip()
    if not stripped:
        return "empty"
    if stripped[-1] in ",;:-–—(":
        return "ends on punctuation"
    words = _words(stripped)
    if words and words[-1] in _DANGLING:
        return f"ends on '{words[-1]}'"
    if stripped.count("(") != stripped.count(")"):
        return "unclosed bracket"
    for k in (4, 3, 2):
        if len(words) < k:
            continue
        tail = r"\W+".join(re.escape(w) for w in words[-k:])
        pattern = re.compile(r"(?<![\w])" + tail.replace("'", "['’]") + r"(?![\w])", _I)
        found, ends_well = False, False
        for s in sources:
            for m in pattern.finditer(s):
                if _redetermined(words, k, s[: m.start()]):
                    continue  # "the air strike" named from another sentence's "An air strike destroyed ..."
                found = True
                ends_well = ends_well or _follows_at_boundary(s[m.end() :], words[-1].endswith("ing"), words[-1])
        if ends_well:
            break
        if found:
            for s in sources:
                m = next((m for m in pattern.finditer(s) if not _redetermined(words, k, s[: m.start()])), None)
                if m:
                    return f"the sentence goes on: '{s[m.end() : m.end() + 30].strip()}'"
    return _splice(title, sources)


def _caption(sources: Sequence[str], title: str) -> bool:
    if _CAPTION_CUE.search(title):
        return True
    for s in sources:
        if _CAPTION_CUE.search(s):
            return True
        if not _title_from(title, s):
            continue
        raw = _WORD.findall(s)
        words = _words(s)
        at = next((i for i in range(len(words)) if _is_finite(words, raw, i)), -1)
        if at < 0 or any(w in _SPEECH and _is_finite(words, raw, i) for i, w in enumerate(words)):
            continue
        verb = words[at]
        if (verb in _PRESENT or (verb in ("is", "are") and at + 1 < len(words))) and _CAPTION_VERBS.search(
            " ".join(words[at : at + 2])
        ):
            return True
    return False


def _overlap(title: str, sentence: str) -> int:
    return len({w for w in _words(title) if len(w) > 3} & set(_words(sentence)))


def _title_from(title: str, sentence: str) -> bool:
    """Whether the title was written from this sentence (half its longer words are in it)."""
    tw = {w for w in _words(title) if len(w) > 3}
    return bool(tw) and len(tw & set(_words(sentence))) >= 0.5 * len(tw)


def _attribution_only(title: str) -> bool:
    raw = _WORD.findall(title)
    words = [w.lower() for w in raw]
    at = finite_verb_index(title)
    if at < 0 or words[at] not in _SPEECH or words[at].startswith("report"):
        return False  # "officials report clashes": a report of a happening
    rest_raw, rest = raw[at + 1 :], words[at + 1 :]
    return not any(_is_finite(rest, rest_raw, i) for i in range(1, len(rest))) and "that" not in rest


@dataclass
class TitleAudit:
    titles: int = 0
    faulty: list[tuple[str, list[str]]] = field(default_factory=list)  # (title, its faults) per faulty event

    def count(self, kind: str) -> int:
        return sum(any(f.startswith(kind) for f in fs) for _, fs in self.faulty)

    def lines(self) -> list[str]:
        """ "titles: N faulty (cut off a, ...)", then one line per faulty title with its faults."""
        counts = ", ".join(f"{k} {self.count(k)}" for k in KINDS)
        out = [f"titles: {len(self.faulty)} faulty ({counts}) of {self.titles}"]
        out += [f"  {t} | {'; '.join(fs)}" for t, fs in self.faulty]
        return out


def title_faults(title: str, sources: Sequence[str], previous: Sequence[str] = ()) -> list[str]:
    """What is wrong with one title, given the sentences it was written from and the sentences before them."""
    out = []
    if cut := _cut_off(title, sources):
        out.append(f"cut off ({cut})")
    pairs = list(zip(sources, [*previous, *[""] * len(sources)], strict=False))
    own = sorted(pairs, key=lambda sp: (-_overlap(title, sp[0]), len(sp[0])))[:1]  # the sentence it was written from
    reason = _unnamed(title, *own[0]) if own else _unnamed(title, "", "")
    if reason:
        out.append(f"pronoun/unnamed ({reason})")
    if _DATELINE.match(title) or _SITE.search(title):
        out.append("dateline")
    if _QUOTE.search(title):
        out.append("quoted")
    if finite_verb_index(title) < 0:
        out.append("no verb")
    if _caption([own[0][0]] if own else [], title):
        out.append("caption")
    if _attribution_only(title):
        out.append("attribution")
    return out


def audit_titles(events: Sequence[SystemEvent], previous: dict[str, str] | None = None) -> TitleAudit:
    """The audit of the events' titles; `previous` maps a source passage to the sentence before it."""
    previous = previous or {}
    audit = TitleAudit(titles=len(events))
    shared = Counter(normalise(e.title) for e in events)
    for e in events:
        passages = [s.passage for s in e.sources]
        faults = title_faults(e.title, passages, [previous.get(p, "") for p in passages])
        if shared[normalise(e.title)] > 1:
            faults.append(f"shared (by {shared[normalise(e.title)]} events)")
        if faults:
            audit.faulty.append((e.title, faults))
    return audit
