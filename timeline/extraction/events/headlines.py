"""Event titles: a short headline ("North Korea test-fires a Hwasong-18 ICBM") written from the reporting sentence.

The title is the clause that carries the happening. For a reported happening ("X said on Thursday that Y had
fired ...") that is the told clause; for a statement it is the telling itself ("X warns ..."). Time
expressions, leading adverbials, asides in brackets or between commas and trailing subordinate clauses go;
a leading pronoun takes the name of the actor it stands for; the main verb is put in the headline present
when it is a verb we know; a long title is cut at a clause or phrase boundary, never inside a phrase.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache, lru_cache

from timeline.extraction.events.clauses import (
    SENTENCE_MEMO,
    main_clause,
    report_frame,
    strip_appositives,
    strip_lead,
    strip_title_appositives,
)
from timeline.extraction.events.headline_check import (
    GENEROUS_CHARS,
    TOLD_BY,
    fault_weight,
    headline_faults,
    leading_cut,
    pointing_object,
    strip_dateline,
    trimmed_sentence,
    unnamed_subject,
    unquote_short,
)
from timeline.extraction.events.subjects import name_subject, owned_by_pronoun
from timeline.extraction.events.verbs import (
    BASES,
    IRREGULAR,
    PARTICIPLE_PAST,
    PRESENT,
    past,
    past_only_present,
    past_to_base,
    third_person,
)
from timeline.extraction.lexicon import speech
from timeline.extraction.lexicon.calendar_words import MONTHS, WEEKDAY_TITLES, WEEKDAYS
from timeline.extraction.prefilter import guard_patterns

MAX_CHARS = 90
SLACK = 8  # a phrase may end a few characters past the limit rather than be cut inside
_I = re.IGNORECASE

_SAYS = set(speech.QUOTING)

_TIME_WORDS = re.compile(
    r"\s*,?\s*\b(?:(?:on|in|at|during|since|by|from|of|late|early|earlier|later)\s+)*(?:the\s+)?"
    r"(?:(?:previous|following|same|next)\s+(?:day|morning|afternoon|evening|night|week)|"
    r"(?:early|late)\s+hours|(?:this|yesterday|tomorrow)\s+(?:morning|afternoon|evening)|yesterday|today|tonight|"
    r"(?:earlier|later)\s+(?:this|that|last)\s+(?:week|month|year)|(?:this|last)\s+(?:week|month|year)|"
    r"(?:the\s+)?(?:day|night|week|month|year)\s+before|for the first time|(?-i:[A-Z][a-z]+|local)\s+time|"
    rf"(?:on\s+)?(?:last\s+)?(?-i:{'|'.join(WEEKDAY_TITLES)})(?!['’]s)(?:\s+(?:morning|night|evening))?)\b"
    r"(?!['’]s\b)",  # "last week's removal": the time names the happening that follows it
    _I,
)
_PREP_BEFORE = re.compile(
    r"(?:(?:\s*,)?\s+|^)(?:(?:on|in|at|during|since|by|from|of|over|throughout|within|until|through|for|to|between|late|early|earlier|later|"
    r"approximately|about|around|"
    r"roughly|nearly|just|shortly|before|after)\s+)*(?:the\s+)?$",
    _I,
)
_AUXILIARY = re.compile(
    r"^(?P<subject>.{2,80}?)\s+(?P<aux>had been|has been|have been|had|has|have)\s+(?P<verb>[\w-]+)\b", _I
)
_PRONOUN = re.compile(r"^(?:he|she|it|they)\b\s*", _I)
_BOUNDARY = re.compile(
    r",\s(?![A-Z])|;\s|\s(?=(?:and|but|in|on|at|to|for|with|from|by|near|over|into|off|after|toward|towards|against|"
    r"across|amid|during|without|under|while|as|who|which|where|aboard|through|via|along|around|between|among|"
    r"including|outside|inside|beyond|ahead|of|that)\s)"
)
_VERB_FORMS = set(IRREGULAR) | {third_person(b) for b in BASES} | {past(b) for b in BASES} | set(BASES)
# "part of", "millions of": the words before "of" do not stand alone
_QUANTITY = set(
    "part most some many much none tens lots rest half each both all one two three number series group "
    "millions thousands hundreds dozens billions members".split()
)
_STOP_END = set(
    "a an the and or but of to in on at for with by from as into that this these those its his her their our "
    "is are was were be been has have had who which where when while after before than about over near "
    "called named dubbed known including two three four five six seven eight nine ten".split()
)


def _remove_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text without the time expressions at `spans` (and a preposition before each one).

    Edited from the right in one pass: the text before `cut` is as given, the edited text after it is kept
    as pieces (in reverse order), so each span costs its own neighbourhood, not the length of the text.
    """
    cut, after = len(text), []  # the text is text[:cut] + "".join(reversed(after))
    for start, end in sorted(spans, reverse=True):
        if end > cut:  # a span reaching into text already edited: go on from the edited text as it stands
            text, after = text[:cut] + "".join(reversed(after)), []
            cut = len(text)
        if not (0 <= start < end <= cut):
            continue
        tail = _Tail(text[end:cut], after)
        if re.match(r"['’]s\b", tail.lead(3)):
            after.append(text[start:cut])  # "Thursday's launch": the day names the launch
            cut = start
            continue
        before = _last_non_space(text, start)
        if before > 0 and text[before - 1] == "," and tail.first_non_space() == ",":
            if not _PARTICIPLE_AFTER.match(tail.lead(40)):
                tail.drop_comma()  # "The summit, five days ago, set" -> "The summit set"
            head_end, kept = before - 1, ""  # "struck Gori, on Tuesday, killing five" -> "struck Gori, killing five"
        elif _DETERMINED_TIME.search(text, max(0, start - 8), start) and _NOUN_AFTER.match(tail.lead(24)):
            head_end, kept = start, ""  # "the April 25 quake": the date names the quake, its article stays
        else:
            head_end, kept = _preposition_before(text, start)
            if (
                text[head_end:start].lstrip().startswith(",")  # "The launch over Japan, on Aug. 29, took"
                and not kept.strip()
                and tail.first_non_space() == ","
                and _VERB_AFTER.match(tail.lead(40))
            ):
                tail.drop_comma()  # the aside goes with both its commas, before the verb
        joiner = "" if not (head_end or kept) or re.match(r"^[,.;:]", tail.lead(1)) or tail.empty() else " "
        if tail.blank():
            after.clear()
        else:
            tail.lstrip()
            after.append(joiner)
        after.append(kept)
        cut = head_end
    return re.sub(r"\s{2,}", " ", text[:cut] + "".join(reversed(after)))


_VERB_AFTER = re.compile(r"\s*,\s+(?!(?-i:[a-z]+ing)\b)(?-i:[a-z]+)\b")
_PARTICIPLE_AFTER = re.compile(r"\s*,\s+(?-i:[a-z]+ing)\b")
_DETERMINED_TIME = re.compile(r"\b(?:the|a|an)\s+$", _I)
# a noun after a date: "the July 15 attack", not "the 25th, when ..." or "the 25th of"
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|of|to|in|on|at|for|with|by|from|as|that|which|when|while|after|before|is|was|were|are|"
    r"has|had|have|will|would)\b)(?-i:[a-z][a-z-]{2,})\b",
    _I,
)


class _Tail:
    """What follows a span while `_remove_spans` edits: `rest` (text not yet edited), then the edited pieces."""

    def __init__(self, rest: str, after: list[str]) -> None:
        self.rest, self.after = rest, after

    def _pieces(self) -> Iterator[str]:
        yield self.rest
        yield from reversed(self.after)

    def lead(self, k: int) -> str:
        out = ""
        for piece in self._pieces():
            out += piece[: k - len(out)]
            if len(out) >= k:
                break
        return out

    def first_non_space(self) -> str:
        for piece in self._pieces():
            m = _NON_SPACE.search(piece)
            if m:
                return m.group()
        return ""

    def empty(self) -> bool:
        return not self.lead(1)

    def blank(self) -> bool:
        return not self.first_non_space()

    def lstrip(self) -> None:
        """Drop the spacing the tail starts with, then keep `rest` as the first edited piece."""
        while not self.rest.strip() and self.after:
            self.rest = self.after.pop()
        self.after.append(self.rest.lstrip())

    def drop_comma(self) -> None:
        """The tail without its spacing and the comma it starts with (its spacing is dropped later)."""
        self.lstrip()
        self.rest = self.after.pop()[1:]


_NON_SPACE = re.compile(r"\S")


def _last_non_space(text: str, end: int) -> int:
    """The end of text[:end] with trailing spacing removed."""
    i = end
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _preposition_before(text: str, start: int) -> tuple[int, str]:
    """Where text[:start] ends once a preposition before a time expression is removed (_PREP_BEFORE),
    and what is left after the removed words (a final newline the pattern's "$" stops before).

    The pattern is searched in a window before `start`, widened while its match could reach further back.
    """
    width = 64
    while True:
        low = max(0, start - width)
        m = _PREP_BEFORE.search(text, low, start)
        if m is None:
            return start, ""
        if low == 0 or m.start() - low > 16:  # its words are short: a longer run would reach the window's edge
            return m.start(), text[m.end() : start]
        width *= 4


_PREPOSITION = re.compile(r"\s+(?:of|in|at|from|for|on|between|with|near|to)\s+.*$", _I)


def _without(text: str, spans: list[tuple[int, int]], pattern: re.Pattern[str]) -> tuple[str, list[tuple[int, int]]]:
    """The text with each match of `pattern` made one space, and the spans moved with the text after it."""
    for m in reversed(list(pattern.finditer(text))):
        shift = m.end() - m.start() - 1
        text = text[: m.start()] + " " + text[m.end() :]
        spans = [(a - shift, b - shift) if a >= m.end() else (a, b) for a, b in spans]
    return text, spans


# "also" before a verb: "Japan also condemns", "a submarine also arrived"
_ALSO = re.compile(r"(?<=\w)\s+also\s+(?=(?-i:[a-z]))(?![^\"“”]*[\"”])", _I)
_ADVERB = re.compile(r"(?:\s+(?:first|also|later|then|now|again|already|reportedly|finally|last|still|today))+$", _I)
_SINGULAR_S = set(
    "states nations philippines netherlands maldives seychelles bahamas comoros news series "
    "headquarters politics brussels paris athens".split()
)


def _is_plural(subject: str) -> bool:
    subject = _ADVERB.sub("", _PREPOSITION.sub("", subject))  # "Leaders of the Group of Seven": "Leaders"
    words = subject.split()
    if not words:
        return False
    last = words[-1]
    if " and " in subject or last.lower() in ("they", "we", "people", "police", "children"):
        return True
    if last.lower().endswith("men") and (last[:1].islower() or len(words) == 1):
        return True  # "gunmen", "fishermen", "women"
    if last[:1].isupper() and len(words) > 1:
        return False  # a name: "The United States", "South Korea"
    bare = last.lower()
    return bare.endswith("s") and not bare.endswith(("ss", "us", "is")) and bare not in _SINGULAR_S


def headline_verb(clause: str) -> str:
    """The clause with its main verb in the headline present ("North Korea had fired" -> "North Korea fires")."""
    table = past_to_base()
    aux = _AUXILIARY.match(clause)
    if aux and aux.group("verb").lower() in table and not _has_verb(aux.group("subject"), table):
        subject, verb = aux.group("subject"), aux.group("verb")
        if aux.group("aux").lower().endswith("been"):  # passive: headlines drop the auxiliary
            return f"{subject} {verb}{clause[aux.end() :]}"
        base = table[verb.lower()]
        return f"{subject} {base if _is_plural(subject) else third_person(base)}{clause[aux.end() :]}"
    words = clause.split(" ")
    for i, w in enumerate(words[:12]):
        bare = w.strip(",;:").lower()
        if bare in table and i > 0:
            subject = " ".join(words[:i])
            after = words[i + 1].lower() if i + 1 < len(words) else ""
            if (
                _has_verb(subject, table)
                or words[i - 1].lower() in _NOT_A_SUBJECT_END
                or words[i - 1].endswith(",")  # "The exercises, named ...": an aside
                or (i > 1 and words[i - 1].lower() in ("it", "they", "he", "she", "we"))  # "the missile it launched"
                or after == "by"  # a participle: "soldiers captured by Ukraine"
                or _finite_verb_follows(words[i + 1 :], table)  # "a soldier captured in May died"
            ):
                return clause
            plural = _is_plural(subject)
            words[i] = (table[bare] if plural else third_person(table[bare])) + w[len(bare) :]
            for j in range(i + 1, min(len(words) - 1, i + 24)):
                k = j + 2 if words[j + 1].lower() in _THEN and j + 2 < len(words) else j + 1  # "and later ..."
                if words[j] in ("and", "but") and words[k].lower() in table:  # "arrived ... and held talks"
                    base = table[words[k].lower()]
                    words[k] = base if plural else third_person(base)
                    break
                if words[j] in ("and", "but") and words[k] == "did" and words[k + 1 : k + 2] == ["not"]:
                    words[k] = "do" if plural else "does"  # "condemns the attack but did not name ..."
                    break
                if words[j].endswith((",", ";")):
                    break
            return " ".join(words)
        if bare in ("is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "did", "does"):
            return clause
    return clause


_THEN = frozenset("later then also quickly soon swiftly promptly subsequently".split())
_NOT_A_SUBJECT_END = {"the", "a", "an", "was", "were", "is", "are", "not", "never", "neither", "nor", "also", "been"}


# the subject a told clause opens with, up to its first verb ("(that) the visiting leader ")
_TOLD_SUBJECT = (
    r"^(?P<subject>(?:that\s+)?(?:(?!(?:would|will|had|has|have|was|were|is|are|if|that)\b)[\w’'.-]+\s+){1,%d}?)"
)
_BACKSHIFTED_STATE = re.compile(
    _TOLD_SUBJECT % 6 + r"(?P<be>was|were)\s+(?=(?:still\s+|now\s+)?(?:ready|prepared|willing|open|determined)\b)",
    re.IGNORECASE,
)
_ANNOUNCING = frozenset("say announce confirm tell state".split())
_BACKSHIFTED_FUTURE = re.compile(
    _TOLD_SUBJECT % 8 + r"would\s+(?!have\b|not\b|never\b|be\s+(?:\w+\s+)?(?:likely|able)\b)", re.IGNORECASE
)


def told_clause(clause: str) -> str:
    """A reported clause in headline form: the pluperfect gives way to the past ("had placed" -> "placed")."""
    participle = r"(?=[\w-]+ed\b|(?:" + "|".join(IRREGULAR) + r")\b)"  # "had test-fired" too
    # "300 homes had been damaged by ...": before "by" a bare participle reads as an attribute, so "were" stays
    clause = re.sub(
        r"^(?P<subject>.{2,80}?)\s+had been\s+(?=[\w-]+\s+by\b)",
        lambda m: f"{m['subject']} {'were' if _is_plural(m['subject']) else 'was'} ",
        clause,
        count=1,
    )
    # "her body had been found": a participle that ends the clause keeps its "was" ("says her body was found")
    clause = re.sub(
        r"^(?P<subject>.{2,80}?)\s+had been\s+(?P<done>[\w-]+)\s*$",
        lambda m: f"{m['subject']} {'were' if _is_plural(m['subject']) else 'was'} {m['done']}",
        clause,
        count=1,
    )
    clause = re.sub(r"\bhad been\s+" + participle, "", clause)
    clause = re.sub(r"\bhad\s+" + participle, "", clause)
    # "troops have flown" keeps its participle after the perfect's auxiliary
    return re.sub(
        r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bbeen\s)\b(?:" + "|".join(PARTICIPLE_PAST) + r")\b",
        lambda m: PARTICIPLE_PAST[m.group(0)],
        clause,
    )


_ATTRIBUTE_BEFORE = frozenset("a an the by in on with from of his her its their".split())


def _finite_verb_follows(rest: list[str], table: dict[str, str]) -> bool:
    """Whether another past-tense verb follows in the same clause (so the word before was a participle)."""
    before = ""
    for w in rest[:6]:
        bare = w.strip(",;:").lower()
        if bare in ("that", "which", "who", "and", "but", "or", "to", "as", "when", "while", "after", "before"):
            return False
        if before in _ATTRIBUTE_BEFORE:
            pass  # "by armoured train", "a guided missile": a participle before its noun is an attribute
        elif bare in table or (bare.endswith("ed") and len(bare) >= 4 and w[:1].islower()):
            return True
        before = bare
        if w.endswith((",", ";")):
            return False
    return False


def _has_verb(text: str, table: dict[str, str]) -> bool:
    return any(w.strip(",;:").lower() in table for w in text.split())


# "aboard his slow, armoured train": a comma after a determiner and one word lies inside a noun phrase
_INSIDE_NOUN = re.compile(r"\b(?:a|an|the|his|her|its|their|our|this|that|these|those)\s+[\w-]+$", _I)
# "a deep political, legal, fiscal ...", "the premier, his defence minister and ...": a list goes on
_LIST_COMMA = re.compile(
    r",\s+(?!(?:which|who|where|when|while|as|after|before|[a-z]+ing)\b)[\w’'-]+(?:\s+[\w’'-]+){0,3}(?:,|\s+(?:and|or)\s)"
)


LONGEST_CHARS = 200  # a sentence with nowhere to cut well is kept whole up to this length


def _cut(title: str, max_chars: int) -> str:
    """The title cut at the last clause boundary (a comma that does not go on with a list, a semicolon) that
    keeps at least half of `max_chars`; with none there, the whole title up to GENEROUS_CHARS. A longer title is
    cut at the first clause boundary past half of `max_chars`, else kept whole up to LONGEST_CHARS, else cut
    before a place, a time or a new clause (never before what a verb or a noun needs: "to ...", "of ...",
    "with ..."), else at the first such boundary further on; never between two words of one phrase."""
    if len(title) <= max_chars:
        return title
    clause_ends, adjunct_ends = [], []
    for m in _BOUNDARY.finditer(title):
        head = title[: m.start()].rstrip(" ,;")
        last = head.split()[-1] if head.split() else ""
        if len(head.split()) < 4 or last.lower() in _STOP_END:
            continue
        if title[m.start()] in ",;":
            if not _LIST_COMMA.match(title, m.start()) and not _INSIDE_NOUN.search(head):
                clause_ends.append(m.start())
        elif _phrase_may_end(title, m, last) and (_ADJUNCT_START.match(title, m.end()) or _and_verb(title, m.end())):
            adjunct_ends.append(m.start())
    clause_ends = [c for c in clause_ends if not _MODAL_LEFT.search(title[:c])]  # "could, case by case | , be"
    short = [c for c in clause_ends if max_chars // 2 <= c <= max_chars + SLACK]
    if short:
        return title[: short[-1]].rstrip(" ,;")
    if len(title) <= GENEROUS_CHARS:
        return title  # no clause ends early enough: the whole title rather than a phrase cut short
    fitting = [c for c in clause_ends if max_chars // 2 <= c <= GENEROUS_CHARS]
    if fitting:
        return title[: fitting[0]].rstrip(" ,;")
    if len(title) <= LONGEST_CHARS:
        return title
    for least in (GENEROUS_CHARS // 2, max_chars // 2):  # rather a title of half the length or more
        fitting = [c for c in adjunct_ends if least <= c <= GENEROUS_CHARS]
        if fitting:
            return title[: fitting[-1]].rstrip(" ,;")
    later = [c for c in clause_ends + adjunct_ends if c > GENEROUS_CHARS]
    return title[: min(later)].rstrip(" ,;") if later else title  # never between two words of one phrase


# a modal whose verb has not come yet: "warns an attack could, case by case"
_MODAL_LEFT = re.compile(
    r"\b(?:could|would|will|can|may|might|should|must)\b(?:,?\s+(?!(?:be|have|not)\b)[a-z]+){0,4},?$", _I
)


def _and_verb(title: str, at: int) -> bool:
    """Whether "and" at `at` joins a second verb ("... the regime | and scrapping the results")."""
    words = title[at:].split(" ", 2)
    return len(words) > 1 and words[0] == "and" and (words[1].endswith("ing") or words[1] in _VERB_FORMS)


_PARTICLES = frozenset("over on in off out along around through up down".split())
# where a clause may stop before a phrase: a place or a time after it, or a new clause
_ADJUNCT_START = re.compile(
    r"(?:in|on|at|near|during|from|across|over|aboard|outside|inside|along|around|between|among|through|via|"
    r"toward|towards|amid|including|after|before|while|as|who|which|where|that|when|because|although)\s",
    _I,
)


def _phrase_may_end(title: str, m: re.Match[str], last: str) -> bool:
    after = title[m.end() :].split(" ", 2)
    nxt = after[0] if after else ""
    if nxt == "of" and last.lower() in _QUANTITY:
        return False
    if nxt.lower() in _PARTICLES and last.lower() in _VERB_FORMS:
        return False  # "give | up its claims": the particle belongs to the verb
    if nxt == "that" and (last.lower() in _VERB_FORMS or last.lower() in _SAYS or last.lower().endswith(("ed", "s"))):
        return False  # "says | that ...": what is said goes on
    before = title[: m.start()].split()
    determined = len(before) > 1 and before[-2].lower() in (
        "the",
        "a",
        "an",
        "this",
        "that",
        "its",
        "their",
        "his",
        "her",
    )
    if (last.lower().endswith("ing") and not determined) or last.lower() in ("of", "to"):
        return False  # "a day before giving | up ...": the verb goes on ("the fighting | in ..." may stop)
    if nxt == "as" and re.search(r"\bas\s+(?:[\w-]+\s+){0,2}[\w-]+$", title[: m.start()], _I):
        return False  # "felt as far away | as Delhi": a comparison goes on
    if nxt in ("to", "as") and (last.lower() in _VERB_FORMS or last.lower().endswith("ed")):
        return False  # "agrees to suspend", "appeared to be": the verb needs what follows
    return not (nxt == "and" and last[:1].isupper() and len(after) > 1 and after[1][:1].isupper())


_POOR_START = re.compile(r"^(?:the \w+ (?:it|they|came|of)\b|what|it|they|he|she|this|that|there)\b", _I)


@lru_cache(maxsize=SENTENCE_MEMO)
def title_quality(title: str) -> int:
    """How well a title reads as a headline: a known verb in the headline present near its start, a subject
    that is not a pronoun or a dangling "the launch it ...", no cut-off ending, not too long."""
    words = title.split()
    score = 2 if any(w.lower() in PRESENT for w in words[1:8]) else 0
    if _POOR_START.match(title):
        score -= 2
    elif re.match(r"^(?:the|a|an)\s+(?:two\s+)?[a-z]", title, _I):
        score -= 1  # "The two leaders ...", "The exercises ...": the actor goes unnamed
    elif words and words[0][:1].isupper():
        score += 1  # a name first: who did it
    if words and words[-1].lower() in _STOP_END:
        score -= 2
    if len(title) > MAX_CHARS:
        score -= 1
    return score - fault_weight(title)


_SENTENCE_START = frozenset(
    "this that these those we it there the our they he she you a an more fewer less some many several about "
    "around nearly almost most all both each".split()
)


def _lower_first_word(told: str) -> str:
    """A quotation's first word in lower case after "X says" ("This is ..." -> "this is ..."), names kept."""
    first = told.split(" ", 1)[0]
    return told[:1].lower() + told[1:] if first.lower() in _SENTENCE_START else told


def _balance_quotes(title: str) -> str:
    if title.count('"') % 2:
        title = title[: title.rfind('"')].rstrip(" ,;:")
    if title.count("“") > title.count("”"):
        title = title[: title.rfind("“")].rstrip(" ,;:")
    return title


def write_title(
    sentence: str,
    *,
    statement: bool = False,
    time_spans: list[tuple[int, int]] | None = None,
    antecedent: str = "",
    previous_sentence: str | None = None,
    earlier_sentences: Sequence[str] = (),
    country: str = "",
    group: str = "",
    max_chars: int = MAX_CHARS,
) -> str:
    """A headline for the event a sentence reports.

    `time_spans` are the sentence's time expressions (character offsets into it), left out of the title;
    `antecedent` is the actor a leading pronoun stands for, when the article named one just before;
    `previous_sentence`, when given, is the article's sentence before this one: a pronoun takes an actor only
    when that sentence's subject names it (or is itself a name that agrees), else the pronoun stays and the
    title is left to the event's other passages. `earlier_sentences`, when given, are all the article's sentences
    before this one (the last is `previous_sentence`): an object pointing back ("condemns the launch") is named
    from the nearest that tells it. `country` is the country the article is about so far (the one it names
    most): a subject that names no one ("the state broadcaster") is named from the earlier sentences or that country;
    `group` is the international body the article names most ("NATO"), whose members "the allies" may be.
    """
    sentence, time_spans = _edited(sentence.strip(), time_spans or [], _GLUED_COMMA, lambda m: ", ")  # "Deif,in"
    plain = ""
    if previous_sentence is not None:
        antecedent = checked_antecedent(sentence, antecedent, previous_sentence)
    if not antecedent and len(earlier_sentences) > 1:
        antecedent = person_before(sentence, earlier_sentences)
    if previous_sentence and (owner := _POSSESSIVE_START.match(sentence)):
        # "Its last two tests suggested ..." after "North Korea has launched ...": North Korea's tests
        named = checked_antecedent(f"{'they' if owner[1].lower() == 'their' else 'it'} x", "", previous_sentence)
        known = len(named.split()) > 1 or any(f" {named}" in e for e in [previous_sentence, *earlier_sentences])
        if named and known and not _PERSON_START.match(named):  # a name, not a word that opens a sentence
            mark = "’" if named.endswith("s") else ("" if named.endswith(("'s", "’s")) else "'s")
            sentence, time_spans = _edited(sentence, time_spans, _POSSESSIVE_START, lambda m: f"{named}{mark} ")
    described = _described_referent(sentence, previous_sentence or "")
    sentence, time_spans = _edited(sentence, time_spans, _QUOTED_AS_SAYING, lambda m: f"{m['source']} said that ")
    # "Japan also condemned ...": the report's thread, not the headline's
    sentence, time_spans = _without(sentence, time_spans, _ALSO)
    sentence, time_spans = _edited(sentence, time_spans, _WHAT_NAME_SAID, lambda m: f"what {m['name']} says {m['be']}")
    time_spans = [(a, b) for a, b in time_spans if not _NOT_A_TIME.match(sentence[a:b])]
    cut = leading_cut(sentence)  # "SEOUL, Oct 31 (Reuters) - ...", "The big picture: ...": no part of a headline
    sentence, time_spans = sentence[cut:], [(a - cut, b - cut) for a, b in (time_spans or []) if a >= cut]
    sentence, time_spans = _dated_background(sentence, time_spans)
    # "The same day the ministers met, Georgia and Russia swapped ...": the clause that dates it goes
    sentence, time_spans = _edited(
        sentence, time_spans, _SAME_DAY_CLAUSE, lambda m: "" if _clause_has_verb(m["clause"].split()) else m[0]
    )
    s = _remove_spans(sentence, time_spans)
    s = _TIME_WORDS.sub("", s)
    s = _LEFT_JOINER.sub(" ", s)  # "..., on May 4 and May 9, ...": the "and" between two dates goes with them
    undated = s
    s = _strip_outer_quotes(s.strip()).lstrip(" ,;:")
    if s.count("”") > s.count("“"):
        s = s.replace("”", "", 1)  # a quotation that opened the sentence: '“...,” X said' reads as 'X says ...'
    s = re.sub(r"\s*\([^)]{0,80}\)", "", s)
    s = _DASH_ASIDE.sub(" ", s)  # "The raids – which the army mostly repelled – followed ...": the aside goes
    s = strip_title_appositives(strip_lead(s))
    frame = report_frame(s)
    spoken_for = _first_person_quote(undated) or _quote_then_speaker(
        undated, earlier_sentences or [previous_sentence or ""]
    )
    if spoken_for:
        body = spoken_for
    elif frame is not None:
        told = re.split(r",?\s+and that\s+|,?\s+and said\s+", frame.told, maxsplit=1)[0]
        main = main_clause(told)
        # "describing the talks as a failure was wrong": a clause cut before its verb is no clause
        told = main if len(main.split()) >= 3 and _clause_has_verb(main.split()) else told
        speaker = frame.speaker
        if _PRONOUN.match(speaker) and antecedent:
            speaker = antecedent
        elif _PRONOUN.match(speaker):
            speaker = _speaker_before(speaker, earlier_sentences or [previous_sentence or ""]) or speaker
        bidden = _TOLD_TO.search(s) if frame.verb.lower() in ("told", "tells") and _TO_VERB.match(told) else None
        ordered = frame.verb.lower() in ("told", "tells") and _WHOM_TO.match(told)
        said = told.split()
        own = [w for i, w in enumerate(said) if not (i > 0 and said[i - 1].lower() == "to")]  # not "to leave"
        if ordered and not bidden and not _clause_has_verb(["", *own]):
            # "the government told 34 rescue teams to go home": an order, its object told with it
            body = f"{speaker} {'tell' if _is_plural(speaker) else 'tells'} {told}"
        elif bidden is not None:
            # "the junta told Denmark to pull out its forces": an order, told with whom it was given to
            tells = "tell" if _is_plural(speaker) else "tells"
            body = f"{speaker} {tells} {bidden['whom']} {told}"
        elif statement or not _INTENT.match(told) or _PRONOUN.match(speaker):
            # a claim told by a speaker, in a leading or a trailing clause ("..., the minister said"), is the
            # speaker's word, not fact, whatever the happening's kind: "The minister says ..."
            verb = frame.verb.lower()
            table = past_to_base()
            base = "say" if verb in _SAYS else table.get(verb, verb)
            if base == verb and verb.endswith("s") and verb not in table:
                base = verb[:-1]  # already present ("confirms")
            spoken = base if _is_plural(speaker) else third_person(base)
            told = told_clause(_lower_first_word(told))
            if base in _ANNOUNCING:
                # "confirms the leader would visit": the future the report back-shifted is the future again (not
                # after "warns", where "would hurt trade" is what would follow if ...)
                told = _BACKSHIFTED_FUTURE.sub(lambda m: f"{m['subject']}will ", told, count=1)
                # "said Ukraine was ready to hand them over": a readiness that holds when told ("says ... is ready")
                told = _BACKSHIFTED_STATE.sub(
                    lambda m: f"{m['subject']}{'is' if m['be'].lower() == 'was' else 'are'} ", told, count=1
                )
            body = f"{speaker} {spoken} {told}"
            plain = told[:1].upper() + told[1:]  # what was told, should the speaker go unnamed (below)
        else:
            # "The ministry answered that it would send troops": what it says it will do, not what it did
            says = "say" if _is_plural(speaker) else "says"
            intent = re.sub(r"\band would\b", "and will", _INTENT.sub(lambda m: m["who"] + " will", told, count=1))
            body = f"{speaker} {says} {intent}"
    else:
        clause = main_clause(s)
        body = clause if len(clause.split()) >= 4 else s
        body = headline_verb(_resolve(body, antecedent))
    body = _before_long_quote(_unquote_told(body))
    if spoken_for or frame is not None:
        body = unquote_reported(body)
    if described:
        body = _DESCRIBED.sub(described + " ", body, count=1)
        body = (
            re.sub(r"^the\s+(?-i:[a-z]+)\b", described, body, count=1, flags=_I)
            if body.lower().startswith("the ")
            else body
        )
    if earlier_sentences or previous_sentence:
        body = name_object(body, earlier_sentences or previous_sentence or "")
    if country:
        body = owned_by_pronoun(body)  # "Its air force ..." -> "The air force ...", named below
    if unnamed_subject(body[:1].upper() + body[1:]):
        body = name_subject(
            body[:1].upper() + body[1:], earlier_sentences or [previous_sentence or ""], country, group=group
        )
        body = _named_happening(body, earlier_sentences or [previous_sentence or ""])
        bare = headline_verb(plain) if plain and not statement else ""
        if bare and (earlier_sentences or previous_sentence):
            bare = name_object(bare, earlier_sentences or previous_sentence or "")
        named = body[:1].upper() + body[1:]
        if bare and unnamed_subject(named) and fault_weight(bare) < fault_weight(named):
            # "The institute says an aftershock shook the region": a speaker no sentence names adds nothing to
            # a happening that tells itself ("A magnitude 3.9 aftershock shakes the region")
            body = bare
    body = _first_clause(body.strip())
    title = _balance_quotes(_cut(unquote_short(body).rstrip(" .,:;—–"), max_chars)).rstrip(" .,:;—–")
    title = title[:1].upper() + title[1:]
    if title and fault_weight(title):
        return _better_title(title, undated.strip(), antecedent)
    return title or _cut(sentence.strip().rstrip("."), max_chars)


_SAME_DAY_CLAUSE = re.compile(
    r"^(?:on\s+)?the\s+(?:same|next|following|previous)\s+(?:day|week|morning|night|evening|afternoon)\s+"
    r"(?:that\s+|when\s+)?(?P<clause>(?-i:[a-z])[^,;\"“]{3,80}?),\s+(?=\w)",
    _I,
)
# "The Cheonan sank near the island; 46 sailors died", "X met Y: five soldiers for fifteen": a second clause
_SECOND_CLAUSE = re.compile(r"[;:]\s+(?=\S)")


def _first_clause(body: str) -> str:
    """The title up to a semicolon or a colon that follows a clause of its own (four words or more, with a
    verb): what comes after it is a second sentence, or a detail of the first."""
    for m in _SECOND_CLAUSE.finditer(body):
        head = body[: m.start()]
        if head.count('"') % 2 or head.count("“") != head.count("”"):
            continue  # inside a quotation
        words = head.split()
        verb = _clause_has_verb(words) or any(
            past_only_present(w.lower(), b) for b, w in zip(words, words[1:], strict=False)
        )
        if len(words) >= 4 and verb and not _SAYS_END.search(head):
            return head
        return body
    return body


_SAYS_END = re.compile(r"\b(?:says|said|say|told|tells|adds|added|writes|wrote|as follows)$", _I)


_WHOM_TO = re.compile(r"^(?:[^\s,;]+\s+){0,4}?[^\s,;]+\s+to\s+(?-i:[a-z]+)\b")  # whom: five words at most
_POSSESSIVE_START = re.compile(r"^(its|their)\s+(?=(?-i:[a-z]))", _I)
_PERSON_START = re.compile(r"^(?:president|prime|minister|mr|mrs|ms|dr|general|king|queen|leader)\b", _I)
# "told Denmark to pull out its forces": an order, and to whom it was given
_TO_VERB = re.compile(r"^to\s+(?-i:[a-z]+)\b", re.IGNORECASE)
_TOLD_TO = re.compile(r"\b(?:told|tells)\s+(?P<whom>[^,;]{2,60}?)\s+to\s+(?-i:[a-z]+)\b", re.IGNORECASE)
# "it would no longer ...", "they will send ...": the speaker's own intent, told with a pronoun for itself
_INTENT = re.compile(r"^(?P<who>it|they|he|she)\s+(?:would|will)\b", _I)
_LEFT_JOINER = re.compile(r"\s+(?:and|or|to|through)\s*,\s*")
# the clause a telling reports ("confirms that ...") or one it is set against ("after ..."); not a relative
# clause ("drones that troops have flown ...": a description of a thing, not the happening)
_INNER_CLAUSE = re.compile(
    r"(?:(?<=\s)(?:says|said|confirms|confirmed|shows|showed|reports|reported|announces|announced|warns|warned|"
    r"claims|claimed|adds|added|notes|noted|believes|believed|finds|found|states|stated|holds|held|suggests|"
    r"suggested|indicates|indicated|insists|insisted|argues|argued|concludes|concluded)\s+that|\s(?:after|as|when))"
    r"\s+(?=\w)"
)
_SECOND_TOLD = re.compile(r",?\s+and\s+that\s+.*$", _I)  # "..., and that it sent ...": a second told clause


@lru_cache(maxsize=SENTENCE_MEMO)
def _better_title(title: str, sentence: str, antecedent: str) -> str:
    """When the compressed title does not read as a headline: the sentence itself trimmed, or the clause it
    reports ("The admission confirms ... that Pyongyang sent soldiers ...": "Pyongyang sends soldiers ..."),
    whichever fails least; the compression where none does better."""
    candidates = [title, headline_verb(_resolve(trimmed_sentence(sentence), antecedent))]
    if _DANGLING_TAIL.search(title):  # "... inside the networks for about": the phrase the time left behind goes
        candidates.append(_DANGLING_TAIL.sub("", title))
    for m in _INNER_CLAUSE.finditer(sentence):
        inner = trimmed_sentence(told_clause(main_clause(_SECOND_TOLD.sub("", sentence[m.end() :]))))
        if len(inner.split()) >= 4:
            candidates.append(headline_verb(inner))
    for c in list(candidates):
        # "The palace says King Harald declared ...": what a speaker it does not name told, when that opens on
        # a name
        frame = report_frame(strip_appositives(c))
        if frame is not None and _UNNAMED_SPEAKER.match(frame.speaker):
            told = _AGE_ASIDE.sub(r"\1 ", strip_appositives(frame.told), count=1)  # "Jan Novak, 64, won"
            told = headline_verb(told_clause(told))
            told = told[:1].upper() + told[1:]  # "leader Ana Roe observed ...": a title opens on a capital
            if _OPENS_ON_NAME.match(told):
                candidates.append(told)
    if headline_faults(title) == ["unnamed subject"]:  # only a clause that opens on a name does better
        candidates = [title, *(c for c in candidates[1:] if _OPENS_ON_NAME.match(c))]
    return min(candidates, key=fault_weight)


_DANGLING_TAIL = re.compile(
    r"\s+(?:for|of|at|with|by|from|since|until)(?:\s+(?:about|around|nearly|some|almost|"
    r"approximately|roughly|just|the))?\s*$|\s+(?:about|around|nearly|approximately|roughly)\s*$",
    _I,
)
_AGE_ASIDE = re.compile(r"^([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*),\s+\d{1,3},\s+")
# "the election board", "an army spokesman": a speaker that names no one
_UNNAMED_SPEAKER = re.compile(r"^(?:the|a|an)\s+(?-i:[a-z][\w-]*)(?:\s+(?-i:[a-z][\w-]*)){0,4}$", _I)
# "King Harald declares", "Oslo's council votes": a name first, not "The", "Two" or "Some"
_OPENS_ON_NAME = re.compile(
    r"^(?!(?:The|A|An|This|That|These|Those|Some|Many|Much|Several|All|Both|Each|Every|Such|Another|No|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|More|Most|"
    r"About|Around|Over|Nearly|At|In|On|It|They|He|She|We|I|There|Its|Their|His|Her)\b)[A-Z]"
)


_CAME_AFTER = re.compile(
    r"^(?:(?:the|its|this|that|their)\s+(?:[\w-]+\s+){0,2}|news\s+(?:[\w-]+\s+){0,5}?)(?:came|comes|followed|follows)\s+(?:just\s+|only\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:after|before)\s+(?=\w)",
    _I,
)


def _dated_background(sentence: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """ "The test came hours after a missile was fired on Sunday": where every time expression lies in the
    clause after "after"/"before", that clause is the happening the sentence dates, and it gives the title."""
    m = _CAME_AFTER.match(sentence)
    if m is None or not spans or any(start < m.end() for start, _ in spans):
        return sentence, spans
    rest = re.split(r",\s+(?:and|while|but)\s+", sentence[m.end() :], maxsplit=1)[0]
    return rest, [(a - m.end(), b - m.end()) for a, b in spans if b - m.end() <= len(rest)]


def _resolve(clause: str, antecedent: str) -> str:
    """A leading "he", "she", "it" or "they" replaced by the actor it stands for (when known)."""
    m = _PRONOUN.match(clause)
    if m and antecedent:
        return antecedent + " " + clause[m.end() :]
    return clause


# "Wire services quoted the aviation authority as saying that ...": the body quoted is the one who said it
_QUOTED_AS_SAYING = re.compile(
    r"^.{2,120}?\b(?:quoted|cited)\s+(?P<source>(?:the\s+)?[A-Z][^,;]{1,80}?)(?:,[^,;]{1,40},)?\s+as\s+saying\s+"
    r"(?:that\s+)?",
)
# "bombed what India's foreign secretary, Vijay Gokhale, said was a camp": the name stands for the description
_WHAT_NAME_SAID = re.compile(
    r"\bwhat\s+[^,;]{2,60},\s+(?P<name>(?-i:[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})),\s+(?:said|says)\s+"
    r"(?P<be>was|were|is|are)\b"
)
_SAID_QUOTE = re.compile(r"^(?P<head>.{2,120}?\b(?:says|say|said))[,:]?\s+[\"“‘](?P<told>[^\"“”]{8,})[\"”’]?$")


def _unquote_told(body: str) -> str:
    """ "X says, “the voters are taking back their country”" -> "X says the voters are taking back their
    revolution": the quotation marks go when what is quoted is a complete clause; otherwise it stays as it is
    (and the title gives way to the sentence or another passage)."""
    m = _SAID_QUOTE.match(body.strip())
    if m is None:
        return body
    told = m["told"].strip().rstrip(' .,!?”"’')
    words = told.split()
    if len(words) < 3 or not _clause_has_verb(words):
        return body
    return f"{m['head']} {_lower_first_word(told)}"


def _clause_has_verb(words: list[str]) -> bool:
    table = past_to_base()
    finite = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "must"}
    bare = (w.strip("\"“”‘’'").lower() for w in words[1:])  # 'the world "can forget ...': a quotation's verb
    return any(w in finite or w in table or w in PRESENT for w in bare)


_NAME_RUN = re.compile(r"(?:[A-Z][\w’'.-]*)(?:\s+(?:of\s+|al-|bin\s+)?[A-Z][\w’'.-]*)*")
_VERB_AT = re.compile(
    r"\s(?:is|are|was|were|has|have|had|will|would|said|says|told|(?-i:(?:[a-z]+-)?[a-z]+ed)|"
    r"(?!(?:its|this|his|us|as|less|across|towards|news|hers|ours|theirs)\b)(?-i:[a-z]+s))\b"
)


def _speaker_before(pronoun: str, earlier: Sequence[str], reach: int = 3) -> str:
    """The person a trailing "he said" stands for: the named subject of the nearest of the sentences just before
    that has one ("President Anna Lindqvist on Monday signed ..." ... '"...," she said'), else ""."""
    for previous in list(earlier)[-reach:][::-1]:
        name = checked_antecedent(f"{pronoun} said", "", previous)
        if name:
            return name
    return ""


# a name's last word that marks a country or a body, not a person ("North Korea", "Security Service")
_NOT_PERSON_END = frozenset(
    "korea states kingdom union nations republic ministry council agency service forces army navy party court "
    "house office command staff government media guard bank commission committee assembly parliament".split()
)
PERSON_REACH = 4


def person_before(sentence: str, earlier: Sequence[str], reach: int = PERSON_REACH) -> str:
    """The person a leading "he" or "she" stands for when the sentence just before names no one in its
    subject ("For Santos, it was a first trip abroad."): the named subject of the nearest earlier sentence whose
    subject names anyone, when that name is a person's (two words or more, not a country or a body) and the
    sentence just before speaks of them; "" otherwise, and "" when the nearest named subject is someone or
    something else."""
    pronoun = _PRONOUN.match(sentence.strip())
    if pronoun is None or pronoun.group(0).strip().lower() not in ("he", "she"):
        return ""
    calendar = {w.lower() for w in (*MONTHS, *WEEKDAYS)}
    for previous in list(earlier)[-reach:][::-1]:
        before = strip_appositives(strip_lead(strip_dateline(previous.strip())))
        verb = _VERB_AT.search(before)
        subject = before[: verb.start()] if verb else ""
        names = [
            n
            for n in _NAME_RUN.findall(subject)
            if n.lower() not in calendar | _SENTENCE_START | {"on", "in", "at", "for"}
        ]
        if not names:
            continue  # "It was ...", "The trip was ...": no one named, look further back
        name = names[0]
        words = name.split()
        if not subject.startswith(name) or len(words) < 2 or " of " in name:
            return ""
        if words[-1].lower() in _NOT_PERSON_END or words[0].lower() in calendar:
            return ""
        said = {w.strip(",.;:’'").lower() for w in list(earlier)[-1].split()}
        return name if said & {w.lower() for w in words} else ""  # the sentence before speaks of them
    return ""


def checked_antecedent(sentence: str, antecedent: str, previous: str) -> str:
    """The actor a leading pronoun of `sentence` stands for, checked against the sentence before: the given
    antecedent when the previous sentence's subject names it, else the name that subject is when it agrees
    with the pronoun (a body or country for "it", a person's name for "he"/"she"), else none."""
    pronoun = _PRONOUN.match(sentence.strip())
    if pronoun is None:
        return antecedent
    before = strip_appositives(strip_lead(strip_dateline(previous.strip())))
    verb = _VERB_AT.search(before)
    subject = before[: verb.start()] if verb else before
    word = pronoun.group(0).strip().lower()
    owned = _OWNED_BODY.fullmatch(subject.strip())
    if owned and word == "it":
        return owned.group(0)  # "China's coast guard said ... It accused ...": the coast guard, not China
    if _DESCRIBED_HEAD.match(subject.strip()):
        return ""  # "The plan that Sarkozy brokered said ... It ...": the plan, which no name stands for
    if antecedent and any(w in subject for w in antecedent.split() if len(w) > 2 and w[:1].isupper()):
        return antecedent
    calendar = {w.lower() for w in (*MONTHS, *WEEKDAYS)}
    names = [n for n in _NAME_RUN.findall(subject) if n.lower() not in calendar | {"the", "a", "an", "on", "in", "at"}]
    if not names:
        return ""
    name = names[0]  # the subject's first name
    plural = word == "they"
    if word in ("he", "she"):
        return name if len(name.split()) >= 2 else ""
    return name if _is_plural(name) == plural or " and " not in name else ""


# "China's coast guard", "India's foreign ministry": a body named by its owner
_OWNED_BODY = re.compile(r"(?-i:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s(?:\s+(?-i:[a-z][\w-]*)){1,3}")
# "The six-point plan that ...", "the talks Sarkozy brokered": a subject whose head is a common noun
_DESCRIBED_HEAD = re.compile(
    r"^(?:the|a|an|this|that)\s+(?:[\w-]+\s+){0,2}?(?-i:[a-z][\w-]*)\s+(?:that|which|who|whom)\b", _I
)
_NOT_A_TIME = re.compile(r"^(?:the\s+)?(?:future|past|present|moment)$", _I)  # "talks on the future of ..."
_DASH_ASIDE = re.compile(r"\s[–—]\s[^–—]{1,200}?\s[–—]\s")
# '"We announce a new chapter," the rebels said': the speakers' own words in their name
_FIRST_PERSON = re.compile(
    r"^\s*[\"“](?:\((?P<w>[Ww])\)e|(?P<we>We)|(?P<i>I))\s+(?P<verb>[a-z]+)\b(?P<more>[^\"“”]{6,}?)[,.]?\s*[\"”],?\s+"
    r"(?P<speaker>(?:the\s+)?[^,\"“”]{2,60}?)\s+(?:said|says|announced|declared|added|stated|wrote)\b"
)


def _first_person_quote(sentence: str) -> str:
    """A quotation in the first person told by a named speaker, as the speaker's own clause: '"We announce a new
    chapter," the rebels said' -> "The rebels announce a new chapter"; "" when the quotation
    does not open with "we" or "I" and a verb."""
    m = _FIRST_PERSON.match(sentence)
    if m is None:
        return ""
    verb, table = m["verb"], past_to_base()
    if verb in table:
        base = table[verb]
    elif verb in BASES:
        base = verb
    else:
        return ""  # "We are ...", "I will ...": not a verb we can put in the speaker's mouth
    speaker = m["speaker"].strip()
    plural = bool(m["w"] or m["we"]) and _is_plural(speaker)
    more = m["more"].strip().lstrip(",").strip()
    clause = f"{speaker} {base if plural else third_person(base)} {more}"
    return clause[:1].upper() + clause[1:]


# '"The talks have failed," the envoy told reporters': a quotation first, then who said it
_QUOTE_THEN_SPEAKER = re.compile(
    r"^\s*[\"“](?P<quote>[^\"“”]{12,}?)[,.]?\s*[\"”],?\s+(?P<speaker>(?:the\s+)?[^,\"“”]{2,60}?)\s+"
    r"(?:said|says|told|added|declared|stated|wrote|announced)\b"
)


def _quote_then_speaker(sentence: str, earlier: Sequence[str]) -> str:
    """A quotation told by a speaker after it, as the speaker's statement: '"Today the talks have failed," the
    envoy told reporters' -> "The envoy says the talks have failed" (a quotation is never the title by itself,
    nor the act of whoever it names first); "" when the sentence is not such a quotation or the quotation is
    not a clause."""
    m = _QUOTE_THEN_SPEAKER.match(sentence)
    if m is None:
        return ""
    quote = strip_lead(m["quote"].strip().lstrip(",;: ")).rstrip(" ,.")
    if len(quote.split()) < 3 or not _clause_has_verb(quote.split()) or re.search(r"[\"“”]", quote):
        return ""
    speaker = m["speaker"].strip()
    if _PRONOUN.fullmatch(speaker):
        speaker = _speaker_before(speaker, earlier)
        if not speaker:
            return ""
    says = "say" if _is_plural(speaker) else "says"
    clause = f"{speaker} {says} {_lower_first_word(told_clause(quote))}"
    return clause[:1].upper() + clause[1:]


# "The country pledged ...": a description that stands for the actor the sentence before is about
_DESCRIBED = re.compile(r"^the\s+(?:country|nation|government|regime|state|kingdom|republic)\s+(?=(?-i:[a-z]))", _I)
_PERSON_WORDS = frozenset("president minister mr mrs ms dr general leader prime secretary king queen".split())


_DEFINITE_HEAD = re.compile(r"^the\s+(?P<head>(?-i:[a-z]+))(?=(?:['’]s)?\s+(?-i:[a-z]))", _I)


def _named_in(head: str, previous: str) -> str:
    """The name in `previous` that holds `head` as a word ("the agency" -> "International Atomic Energy
    Agency"), when exactly one does."""
    names = {n for n in _NAME_RUN.findall(previous) if head in n.lower().split() and len(n.split()) > 1}
    if len(names) != 1:
        return ""
    name = names.pop()
    return f"the {name}" if re.search(r"\bthe\s+" + re.escape(name), previous) else name


def _described_referent(sentence: str, previous: str) -> str:
    """The name a leading "the country" (or "the government", "the regime") stands for: the subject of the
    sentence before when that subject is a short name and not a person's; a leading "the agency" (any
    description) the name in the sentence before that holds its noun; "" otherwise."""
    if not previous:
        return ""
    definite = _DEFINITE_HEAD.match(sentence.strip())
    if definite and not _DESCRIBED.match(sentence.strip()):
        return _named_in(definite["head"].lower(), previous)
    if not _DESCRIBED.match(sentence.strip()):
        return ""
    before = strip_appositives(strip_lead(strip_dateline(previous.strip())))
    verb = _VERB_AT.search(before)
    subject = before[: verb.start()] if verb else ""
    calendar = {w.lower() for w in (*MONTHS, *WEEKDAYS)}
    names = [n for n in _NAME_RUN.findall(subject) if n.lower() not in calendar | {"the", "a", "an", "on", "in", "at"}]
    if len(names) != 1 or len(names[0].split()) > 3 or {w.lower() for w in names[0].split()} & _PERSON_WORDS:
        return ""
    return names[0]


# words that make a noun phrase no more definite than "the launch" ("the same treaty", "the latest test")
_VAGUE = frozenset(
    "same latest recent new first second third last previous other such whole entire said above earlier".split()
)
# words that cannot stand before a noun in its phrase: a verb, a preposition or a conjunction ends the phrase
_NOT_MODIFIER = frozenset(
    "a an the this that these those and or but of to in on at for with by from as is are was were be been has "
    "have had will would could should may might not its their his her it they he she which who what when".split()
)
_POST_END = re.compile(
    r"\s(?:in|at|on|near|off|along|across|inside|outside|over|into|from|during|under|by|last|this|that|which|who|signed|agreed|reached|earlier|later|since|after|before|when|as|and|"
    r"but|to|is|was|were|are|has|had|will|would)\b|[,.;:()—–]",
    _I,
)
_MAX_PHRASE_WORDS = 6


# The readings of an earlier sentence for a noun (_fuller_phrase, _actor_owner, _doer, _verb_object) are asked again
# for each later title that points back (name_object, _named_happening look up to a dozen sentences back): they are
# kept for the article, and forgotten when the next one begins (new_article).
_ARTICLE_MEMO = 512


def new_article() -> None:
    """Forget the readings kept for the sentences of the article before."""
    for memo in (_fuller_phrase, _verb_object, _actor_owner, _doer):
        memo.cache_clear()


# "launch vehicle", "test site": the noun naming a thing or a place, not the happening
_COMPOUND_TAIL = (
    r"(?:vehicles?|sites?|pads?|facilit(?:y|ies)|range|areas?|systems?|windows?|centres?|centers?|grounds?|"
    r"zones?|tubes?|platforms?|rockets?|missiles?|programmes?|programs?)\b"
)


@cache
def _stems(noun: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in TOLD_BY[noun]) + r")", _I)


@lru_cache(maxsize=_ARTICLE_MEMO)
def _fuller_phrase(sentence: str, noun: str) -> str | None:
    """How `sentence` names the happening `noun` stands for with more words than "the <noun>": "the mutual defence
    treaty", "the treaty on comprehensive strategic partnership", "North Korea's launch". "" when the sentence
    uses the noun only as bare as the title does (it points back too), None when it does not use it."""
    found = None
    for m in re.finditer(rf"\b{noun}\b(?!\s+{_COMPOUND_TAIL})", sentence, _I):
        found = found if found is not None else ""
        head = sentence[: m.start()].split()
        mods: list[str] = []
        while head and len(mods) < 3 and head[-1].lower() not in _NOT_MODIFIER and re.fullmatch(r"[\w-]+", head[-1]):
            mods.insert(0, head.pop())
        owner = head[-1] if head and re.search(r"\w['’]s?$", head[-1]) else ""
        if owner and not mods:
            name = _NAME_RUN.search(" ".join(head[-4:]) + " ")
            if name and name.group(0).strip().endswith(owner) and owner.lower().rstrip("'’s") not in _CALENDAR:
                return f"{name.group(0).strip()} {noun}"
        if mods and head and head[-1].lower() in {"the", "a", "an"} and {w.lower() for w in mods} - _VAGUE:
            if not any(w[-2:] in {"ly"} or w.lower().endswith("ing") for w in mods):
                return f"the {' '.join(mods)} {noun}"
        after = sentence[m.end() :]
        post = re.match(r"\s+(?:on|between|with|for|of)\s+", after, _I)
        if post and head and head[-1].lower() in {"the", "a", "an"}:
            tail = after[: (_POST_END.search(after, post.end()) or re.search(r"$", after)).start()]
            if 1 <= len(tail.split()) - 1 <= _MAX_PHRASE_WORDS - 1 and not re.search(
                r"\b(?:it|them|this|that)\s*$", tail
            ):
                return f"the {noun}{tail}"
    return found


_CALENDAR = frozenset(w.lower() for w in (*MONTHS, *WEEKDAYS, "today", "yesterday", "tomorrow", "tonight"))
_AUX_RUN = re.compile(r"\s*(?:(?:has|have|had|also|again|then|later|reportedly|successfully|first|just)\s+)*", _I)


def _telling_verb(clause: str, noun: str) -> bool:
    """Whether `clause` opens on the verb that tells the happening `noun` stands for ("has test-fired",
    "accused"), not on another verb it only follows ("blamed Israel for the attack")."""
    stems = _stems(noun)
    if noun in {"claim", "remarks"}:  # a claim is told by a verb of saying anywhere after the speaker
        return bool(stems.search(clause))
    if stems.match(clause, _AUX_RUN.match(clause).end()):
        return True
    # "The agency said its third try to reach orbit ...": the speaker's own happening, told in its words
    said = re.match(r"\s*(?:said|says|announced|claimed|confirmed)\b", clause, _I)
    own = re.compile(
        r"\b(?:(?:its|their)\s+(?:[\w-]+\s+){0,3}?|(?:that\s+)?(?:it|they)\s+(?:(?:had|has|have)\s+)?)" + stems.pattern,
        _I,
    )  # "said its third try", "said that it had test-fired"
    return bool(said and own.search(clause))


_ED_VERB = re.compile(r"(?<!\sbe)(?<!\sbeen)(?<!\swas)(?<!\swere)(?<!\sis)(?<!\sare)\s(?P<verb>(?-i:[a-z-]+ed))\s+")
_DURATION = re.compile(r"\s+for\s+(?:\w+\s+)?(?:years|months|weeks|days|decades)\b", _I)  # "for ten years"
_OBJECT_START = re.compile(
    r"(?:a|an|the|its|their|his|her|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|"
    r"thousands|several|some)\s|(?-i:[A-Z])|(?-i:[a-z]+\s+)?(?-i:[a-z]{3,}s)(?:\s+(?:against|on|of|in|to)\s|$)",
    _I,
)


@lru_cache(maxsize=_ARTICLE_MEMO)
def _verb_object(sentence: str, noun: str) -> str:
    """ "the capture of two soldiers" when `sentence` tells the happening by its verb with a short object
    ("troops have captured two soldiers in ..."), "" otherwise."""
    if noun not in {"capture", "deployment", "launch", "test", "invasion", "monitoring"}:
        return ""
    passive = re.match(
        r"^(?P<thing>(?:the|a|an)\s+(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:was|were|had\s+been|has\s+been)\s+(?P<verb>[\w-]+ed)\b",
        strip_lead(strip_dateline(sentence.strip())),
        _I,
    )
    if passive and _stems(noun).match(passive["verb"]):  # "The new missile was launched from ...": the thing itself
        thing = passive["thing"]
        if len(thing.split()) < 3 and not re.search(r"\s(?-i:[A-Z0-9])", thing):
            return ""  # "the missile": as bare as the title's word
        return f"the {noun} of {thing[:1].lower()}{thing[1:]}"
    # the first verb that tells it ("vetoed the renewal of a panel that has monitored ...": "monitored")
    m = next((v for v in _ED_VERB.finditer(sentence) if _stems(noun).match(v["verb"])), None)
    if m is None:
        return ""
    rest = _DURATION.split(sentence[m.end() :].lstrip(), maxsplit=1)[0]
    end = _POST_END.search(" " + rest)
    tail = rest[: max(0, end.start() - 1)] if end else rest
    if not 1 <= len(tail.split()) <= 5 or not _OBJECT_START.match(tail):
        return ""
    return f"the {noun} of {tail}"


@lru_cache(maxsize=_ARTICLE_MEMO)
def _actor_owner(sentence: str, noun: str) -> str:
    """The actor of `sentence` as an owner ("North Korea's") when the sentence is a name doing what `noun`
    stands for ("North Korea test-fired ..."), "" otherwise."""
    before = _LEAD_DAY.sub("", _BRACKETS.sub("", strip_dateline(sentence.strip())))
    before = strip_appositives(strip_lead(before))
    verb = _VERB_AT.search(before)
    if verb is None or not _telling_verb(before[verb.start() :], noun):
        return ""
    subject = re.sub(r"^the\s+", "", before[: verb.start()].strip(" ,"), flags=_I)
    if _NAME_RUN.fullmatch(subject) is None or _PRONOUN.match(subject) or re.search(r"['’]s?$", subject):
        return ""
    if subject.lower() in _CALENDAR:
        return ""
    if re.match(r"\s*(?:have|has|had|were|are|will|would|could|(?-i:[a-z]+ed))\b", before[verb.end() :], _I):
        return ""  # "Ukrainian troops have captured": a plural noun taken for the verb; the subject is no name
    words = subject.split()
    while len(words) > 1 and words[0].lower() in _CALENDAR:
        words.pop(0)  # "Tuesday (May 2) Ruritania launched ...": the day opens the sentence, not the actor
    while len(words) > 1 and words[0].lower() in _PERSON_WORDS:
        words.pop(0)  # "Leader Kim Jong Un" -> "Kim Jong Un"
    if len(words) > 4:
        return ""
    actor = " ".join(words)
    return actor + ("’" if actor.endswith("s") else "'s")


def name_object(title: str, earlier: str | Sequence[str]) -> str:
    """A title's object that points back ("condemns the test", "ratifies that treaty") made explicit from the
    article's earlier sentences (`earlier`, in article order): the nearest one that tells the happening, by its
    noun or its verb, gives the fuller phrase it used ("the mutual defence treaty") or its actor as owner
    ("condemns North Korea's test"). A sentence that points back as barely is passed over; a nearer one that
    tells the happening in a way that gives neither leaves the title as it is (it is the audit's to flag)."""
    found = pointing_object(title)
    if not found:
        return _owned_happening(title, earlier)
    at = title.find(found)
    if title[:at].strip().lower().split(" ", 1)[0] in {"the", "a", "an"} and at < 4:
        return title
    noun = found.split()[-1].lower()
    if not TOLD_BY.get(noun):
        return title
    sentences = [earlier] if isinstance(earlier, str) else list(earlier)
    nouns = [noun, *(k for k in TOLD_BY if k != noun and k.startswith(TOLD_BY[noun]))]  # "the test": "the launch"
    for sentence in reversed(sentences[-12:]):
        phrases = [_fuller_phrase(sentence, n) for n in nouns]
        phrase = next((p for p in phrases if p), None)
        if phrase and any(n in title[:at] for n in _NAME_RUN.findall(phrase)):
            return title  # "Iran carried out the attack | on Iran": the phrase names the title's own actor
        if phrase:  # "the launch of a missile" names what, and the actor may still be named as its owner
            return _owned_happening(title[:at] + phrase + title[at + len(found) :], sentences)
        if "" in phrases and not _actor_owner(sentence, noun):
            continue  # "The launch followed ...": it points back as well
        owner = _actor_owner(sentence, noun) or _doer(sentence, noun)
        if not owner and (of := _verb_object(sentence, noun)):
            return title[:at] + of + title[at + len(found) :]
        if owner:
            if owner.lower().startswith(title.lower().split(" ", 1)[0]):
                return title  # "North Korea ... North Korea's test": the title's own actor
            return f"{title[:at]}{owner} {found.split()[-1]}{title[at + len(found) :]}"
        told = re.search(_stems(noun).pattern + rf"[\w-]*(?!\s+{_COMPOUND_TAIL})\b", sentence, _I)
        if told and not re.search(
            r"\b(?:can|could|may|might|would|should|will|whoever)\s+(?:\w+\s+){0,2}$", sentence[: told.start()]
        ):
            if _passed_over(sentence, told):
                continue
            return title  # told there, but by no name and no fuller phrase (not "it can be fired": no happening)
    return title


# "condemns the launch of a long-range missile": what was launched is said, but not who launched it
_UNOWNED_OF = re.compile(
    r"(?<=\s)the\s+(?P<noun>launch|test|deployment|invasion|attack|strike)\s+of\s+"
    r"(?=(?:a|an|\d[\d,]*|two|three|four|five|several|dozens|hundreds|thousands)\s)",
    _I,
)


def _owned_happening(title: str, earlier: str | Sequence[str]) -> str:
    """ "condemns the launch of a missile" -> "condemns Ruritania's launch of a missile": the happening's actor,
    from the nearest earlier sentence that tells it with a name as its subject; the title as it is when the
    nearest one that tells it names no actor, or names the title's own subject."""
    m = _UNOWNED_OF.search(title)
    if m is None or m.start() < 3:
        return title
    noun = m["noun"].lower()
    sentences = [earlier] if isinstance(earlier, str) else list(earlier)
    for sentence in reversed(sentences[-12:]):
        owner = _actor_owner(sentence, noun) or _doer(sentence, noun)
        if owner:
            if owner.lower().startswith(title.lower().split(" ", 1)[0]):
                return title
            return f"{title[: m.start()]}{owner} {m['noun']} of {title[m.end() :]}"
        told = re.search(_stems(noun).pattern + r"[\w-]*\b", sentence, _I)
        if told is None or _passed_over(sentence, told):
            continue
        if re.search(
            r"\b(?:the|this|that)\s+$|\b(?:can|could|may|might|would|should|will)\s+(?:\w+\s+){0,2}$",
            sentence[: told.start()],
            _I,
        ):
            continue  # "The launch followed ...", "it can be fired": it points back as well, or tells no happening
        return title
    return title


_HAPPENING_SUBJECT = re.compile(
    rf"^the\s+(?P<noun>{'|'.join(k for k, v in TOLD_BY.items() if v)})\b(?=\s+(?-i:[a-z]))", _I
)


def _named_happening(title: str, earlier: Sequence[str]) -> str:
    """A title whose subject is the bare happening ("The test originated from ...") names it by its actor from the
    nearest earlier sentence that tells it with one ("Ruritania conducted a test ..." -> "Ruritania's test
    originated from ..."); a sentence that tells it by no name stops the search, as for an object."""
    m = _HAPPENING_SUBJECT.match(title)
    if m is None:
        return title
    noun = m["noun"].lower()
    for sentence in list(earlier)[-12:][::-1]:
        owner = _actor_owner(sentence, noun) or _doer(sentence, noun)
        if owner:
            return f"{owner} {m['noun']}{title[m.end() :]}"
        told = re.search(_stems(noun).pattern + r"[\w-]*\b", sentence, _I)
        if told and not _passed_over(sentence, told) and not re.match(rf"\s*the\s+{noun}\b", sentence, _I):
            return title
    return title


_BRACKETS = re.compile(r"\s*\([^()]{0,40}\)")
_LEAD_DAY = re.compile(rf"^(?:on\s+)?(?:{'|'.join(WEEKDAY_TITLES)}),?\s+(?=(?-i:[A-Z]))", _I)  # "Tuesday Ruritania ..."


@lru_cache(maxsize=_ARTICLE_MEMO)
def _doer(sentence: str, noun: str) -> str:
    """ "Ruritania's" when `sentence` opens on a name that carried out the happening ("Ruritania conducted a
    rocket test ...", "Ruritania carried out a combined operation ..." for an attack), "" otherwise."""
    kind = rf"(?:{noun}|operation|assault|raid|offensive)" if noun in ("attack", "strike") else noun
    m = re.match(
        rf"^(?P<name>(?-i:[A-Z])[\w’'.-]*(?:\s+(?-i:[A-Z])[\w’'.-]*){{0,3}})\s+(?:conducted|carried\s+out|staged|held|"
        rf"mounted)\s+(?:a|an|its|the)\s+(?:[\w-]+\s+){{0,3}}{kind}\b",
        strip_lead(strip_dateline(sentence.strip().lstrip("\"“‘'"))),
        _I,
    )
    if m is None or m["name"].lower() in _CALENDAR:
        return ""
    return m["name"] + ("’" if m["name"].endswith("s") else "'s")


# "the Hwasong-9 that Ruritania tested in May": a telling inside a relative clause describes a thing
_RELATIVE_TELLER = re.compile(r"\b(?:that|which)\s+(?:(?-i:[A-Z])[\w’'.-]*\s+){1,3}$", _I)
# "The missile was fired from ...": the happening told by its thing alone, with no one named
_BARE_PASSIVE = re.compile(r"^(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been)\s+$", _I)


_TELLER_BEFORE = re.compile(r"^.{0,80}?\b(?:said|says|reported|confirmed|added)\s+(?:that\s+)?", _I)


def _passed_over(sentence: str, told: re.Match[str]) -> bool:
    """Whether a sentence that tells the happening by its verb says no more of it than the title (so the search
    for a fuller naming goes on back): a telling in a relative clause ("the rocket that Ruritania tested in
    May"), a verb in its base form ("lets crews hide and launch it"), or a passive naming only the thing ("The
    missile was fired from ...")."""
    before = strip_lead(strip_dateline(sentence[: told.start()].strip())) + " "
    before = _TELLER_BEFORE.sub("", before)  # "The ministry said the missiles were fired ...": what it told
    if _RELATIVE_TELLER.search(sentence[: told.start()]) or _BARE_PASSIVE.match(before.lstrip()):
        return True
    word = told.group(0).lower()
    return word in {"launch", "fire", "test", "strike", "attack"} and bool(
        re.match(r"\s+(?:it|them|a|an|the)\b", sentence[told.end() :], _I)
    )


_GLUED_COMMA = re.compile(r"(?<=[a-z]),(?=[a-z])")


def _edited(
    text: str, spans: list[tuple[int, int]], pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
) -> tuple[str, list[tuple[int, int]]]:
    """The text with each match of `pattern` replaced, and the time spans moved with it (a span inside a
    replaced stretch goes)."""
    out, kept, shift, last = [], list(spans), 0, 0
    moved: list[tuple[int, int]] = []
    for m in pattern.finditer(text):
        out.append(text[last : m.start()])
        new = repl(m)
        out.append(new)
        last = m.end()
        delta = len(new) - (m.end() - m.start())
        for a, b in kept:
            if b <= m.start():
                moved.append((a + shift, b + shift))
        kept = [(a, b) for a, b in kept if a >= m.end()]
        shift += delta
    out.append(text[last:])
    moved += [(a + shift, b + shift) for a, b in kept]
    return "".join(out), moved


_TRAILING_QUOTE = re.compile(r"\s[\"“](?P<quoted>[^\"“”]+)[\"”]?[\s.,]*$")  # a quotation the clause ends on
_HEAD_END = re.compile(r"(?:,|\s+(?:that|which|who|saying|as))\s*$", _I)


def _before_long_quote(body: str) -> str:
    """A clause that goes on into a long quotation ('calls the launch a violation that "needlessly raises
    tensions ..."') stops before it, when what comes before is a clause of four words or more."""
    m = _TRAILING_QUOTE.search(body)
    if m is None or len(m["quoted"].split()) <= 8:
        return body  # a short quotation loses its marks instead (unquote_short)
    head = _HEAD_END.sub("", body[: m.start()]).rstrip(" ,;:")
    told = re.search(r"\b(?:says?|said|warns?|adds?|insists?|urges?)\s+(?P<subject>[^,;]*)$", head, _I)
    if told and len(told["subject"].split()) <= 4 and not _clause_has_verb(["", *told["subject"].split()]):
        # 'X says the bloc "urges both sides to ..."': the quotation carries the told clause's verb
        return body[: m.start()] + " " + m["quoted"].strip().rstrip(" .,")
    return head if len(head.split()) >= 4 else body


# "X says (that) ...": what follows is the speaker's word told in the report's own clause
_SAYS_THAT = re.compile(r"^.{2,120}?\b(?:says|say)\s+(?:that\s+)?(?=\S)")


def unquote_reported(body: str) -> str:
    """'X says the bloc "encourages both sides to return to talks"' -> 'X says the bloc encourages both sides to
    return to talks': a headline tells what was said in its own clause, so the quotation marks inside what a
    speaker says go (with a "that" after "says"), when they pair up; otherwise the title is left as it is."""
    m = _SAYS_THAT.match(body)
    if m is None or not re.search(r"[\"“”]", body[m.end() :]):
        return body
    told = body[m.end() :]
    if told.count('"') % 2 or told.count("“") != told.count("”") or re.search(r"[\"“”]", body[: m.end()]):
        return body
    told = re.sub(r"\s*[\"“”]\s*(?=[,.;:]|$)|(?<=\s)[\"“”]\s*|[\"“”]", lambda q: q.group(0).strip(' "“”'), told)
    said = re.sub(r"\s+that\s+$", " ", body[: m.end()])
    return said + re.sub(r"\s{2,}", " ", told).strip()


def _strip_outer_quotes(s: str) -> str:
    """The sentence without the quotation mark it opens on, and without the one it ends on when that one
    closes nothing left open ('... to prevent the "land grab."' keeps its pair)."""
    if s[:1] in "\"“'":
        s = s[1:].lstrip()
    if s[-1:] in "\"”'" and (s.count('"') % 2 == 1 or s.count("”") > s.count("“") or s.endswith("'")):
        s = s[:-1].rstrip()
    return s


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
