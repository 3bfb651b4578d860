"""Whether a sentence tells a happening at all, or a view, a plan, a question, a guess or what may come.

Analysts' and experts' views are analysis. A photo caption tells a scene in the present ("A vendor watches a
broadcast on a street screen ..."), not a happening; a pledge to try again ("vowed to try once more") is a plan.
A report tells what happened in the indicative past ("fired", "signed", "said it had intercepted"). Modals and
the future ("would", "could", "will", "is expected to", "plans to"), guesses ("likely", "probably"), questions
and background markers ("in recent years") tell of something else, and make no timeline entry. A sentence
whose own act comes first and is past still reports it ("X fired a missile that could reach ...", "X warned
that it would retaliate"); a plain "said" before a modal is only the telling of a view or a plan
("officials said the launch was likely to ...", "the agency said it will try again").
"""

from __future__ import annotations

import re
from functools import lru_cache

from timeline.extraction.events.clauses import BACKGROUND_WORDS, SENTENCE_MEMO, main_part, mask_quotes, report_frame
from timeline.extraction.prefilter import guard_patterns

_I = re.IGNORECASE
MODAL = re.compile(
    r"\b(?:could|might|(?-i:may)|would|should|will|shall|if|whether|plans?\s+to|planned\s+to|intends?\s+to|"
    r"aims?\s+to|hopes?\s+to|expect(?:s|ed|ing)?\s+(?:[\w’'-]+\s+){1,4}?to\s+(?!(?:the|a|an)\b)\w+|(?:trying|seeking|working|looking)\s+to|expected\s+to|unlikely|likely|probably|possibly|perhaps|"
    r"(?:is|are|was|were)\s+(?:certain|bound|set|poised|due|scheduled|slated|going|about)\s+to|"
    r"(?:is|are)\s+to\s+(?!be\s+(?:found|seen)\b)\w+|soon(?!\s+after))\b|['’]ll\b",
    _I,
)
HYPOTHETICAL = re.compile(
    # "would have done", not "would have serious consequences" (a verb "have" of what may come)
    r"\b(?:could|might|may|would|should|must)\s+(?:not\s+)?have\s+(?:been\s+\w+|(?-i:[a-z]+(?:ed|en))\b|"
    r"(?:done|made|gone|had|seen|known|taken|given|come|left|won|lost|sent|met|held|put|set|hit|let|kept|got|"
    r"fought|sold|told|said|thought|brought|bought|caught|struck|shot|run|begun|become)\b)|\bit (?:was|is|has been) "
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


# A pledge to try again is a plan: "The agency vowed to try once more", "vowed to launch again".
_REPEAT_PLEDGE = re.compile(
    r"^(?:[\w’'-]+\s+){1,6}?(?:pledg(?:ed|es)|vow(?:ed|s)|promis(?:ed|es))\s+(?:that\s+\w+\s+(?:would|will)\s+|to\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:another|again|anew|(?:a|its)\s+(?:second|third|fourth|fifth|new|fresh|next)\s+"
    r"(?:attempt|launch|try|test|round|bid))\b",
    _I,
)
# A photo caption tells a scene in the present: "A vendor watches a broadcast on a street screen ...",
# "Smoke is seen over the harbour ...", "Two men stand by a burnt-out car".
_SCENE_VERBS = (
    r"watch|look|stand|walk|sit|gather|hold|wave|pose|gesture|ride|pass|react|rise|billow|inspect|queue|wait|"
    r"carr(?:y|ies)|cheer|mourn|pray|burn|shelter|flee|celebrate|attend|speak|talk|arrive|leave|survey|clear|search"
)
_CAPTION = re.compile(
    r"^(?:(?:A|An|One|Two|Three|Four|Five|Several|Some|Many|Local)\s+(?:[\w-]+\s+){0,3}?|"
    r"(?:People|Residents|Protesters|Demonstrators|Civilians|Children|Women|Men|Smoke|Flames|Explosions|Rescuers|"
    r"Firefighters|Supporters|Mourners|Onlookers|Commuters|Passengers|Worshippers|Journalists)\s+)"
    rf"(?-i:(?:{_SCENE_VERBS})(?:s|es)?)\b(?![^.]*\b(?:said|told|says|added)\b)"
    r"|^(?:[\w’'-]+\s+){1,5}?(?-i:is|are)\s+seen\s+(?:in|at|on|near|over|during|as|after|outside|inside)\b",
)


@lru_cache(maxsize=SENTENCE_MEMO)
def is_caption(sentence: str) -> bool:
    """Whether the sentence is a photo caption: a scene told in the present, not a report of a happening."""
    return bool(_CAPTION.match(sentence.strip()))


# Analysis told by those who comment on the news, not by those who make it: "analysts said", "an expert said".
_ANALYST = re.compile(
    r"^(?:(?:some|many|other|several|most|one|an?|the)\s+)?(?:[\w-]+\s+){0,2}?(?:analysts?|experts?|observers?|"
    r"commentators?|scholars?|academics?|pundits?|researchers?|think[- ]tanks?)\b",
    _I,
)


# Those whose science or trade is to foresee: what they say may come is their view ("economists warned that the
# curbs would hurt exporters"), though what they measured is news ("seismologists recorded a quake").
_FORECASTER = re.compile(
    r"^(?:(?:some|many|other|several|most|one|an?|the)\s+)?(?:[\w-]+\s+){0,2}?(?:economists?|scientists?|"
    r"geologists?|seismologists?|volcanologists?|meteorologists?|forecasters?|historians?|strategists?)\b",
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def is_analysis(sentence: str) -> bool:
    """Whether the sentence passes on the view of an analyst, an expert or an observer."""
    if _ANALYST.match(sentence.strip()) and _PLAIN_TELLING.search(mask_quotes(sentence)):
        return True  # "A scholar asked by the radio, ..., said ..."
    frame = report_frame(sentence)
    return frame is not None and bool(_ANALYST.match(frame.speaker.strip()))


@lru_cache(maxsize=SENTENCE_MEMO)
def is_question(sentence: str) -> bool:
    return mask_quotes(sentence).rstrip(" \"”’'").endswith("?")


# An answer to another's act, promised in someone's words: "Chile will respond to the expulsions, its ministry said",
# "said that a response would follow", "would take retaliatory steps". The future is the vow's; the vow itself was
# made, on the day of its telling: a warning that makes news, not a plan or a guess.
_RESPONSE_VOW = re.compile(
    r"\b(?:will|would|shall)\s+(?:(?:\w+\s+)?(?:respond|retaliate|reciprocate|hit\s+back|"
    r"take\s+(?:[\w-]+\s+){0,2}?(?:(?:response|retaliatory|reciprocal|mirror|counter)[\s-]+(?:measures|steps|action)|"
    r"countermeasures)))\b|"
    r"\b(?:response|retaliation|reply)\s+(?:will|would)\s+follow\b",
    _I,
)
_QUOTE_MARKS = re.compile(r"[\"“”]")  # a scare quote around the vow's words: 'would take "firm steps"'
_VIEW_VERBS = frozenset("believed believes thought thinks predicted predicts suggested suggests estimated".split())


@lru_cache(maxsize=SENTENCE_MEMO)
def vows_response(sentence: str) -> bool:
    """Whether the sentence tells someone's vow to answer another's act ("X will respond, the ministry said")."""
    if not _RESPONSE_VOW.search(_QUOTE_MARKS.sub("", sentence)):
        return False  # the common case, settled without parsing the clauses
    frame = report_frame(sentence)
    if frame is None or frame.verb.lower() in _VIEW_VERBS or _ANALYST.match(frame.speaker.strip()):
        return False  # a bare future is the writer's guess; an observer's view is no vow
    return bool(_RESPONSE_VOW.search(_QUOTE_MARKS.sub("", frame.told)))


# A measure announced by those who take it: "Japan said on Monday it would restrict exports of three chemicals",
# "the ministry said it will expel two diplomats". The decision is the news of the day it was told, though its
# words look ahead; a plan to try, a hope or a forecast are not measures.
_MEASURE = re.compile(
    r"^(?:it|they|the\s+(?:government|country|ministry|cabinet|council|bloc|alliance)|(?-i:[A-Z][\w’'-]+))\s+"
    r"(?:would|will)\s+(?:(?:also|now|immediately|temporarily)\s+)?"
    r"(?:restrict|ban|impose|suspend|halt|close|shut|expel|withdraw|pull\s+out|remove|introduce|tighten|cut|end|"
    r"lift|freeze|recall|sever|quit|leave|boycott|scrap|cancel|deploy|curb|block|bar|revoke|terminate|downgrade|"
    r"raise|tax)\b",
    _I,
)
_TOLD_LEAD = re.compile(r"^(?:(?:on|late on|early on|late|early)\s+\w+\s+)?(?:that\s+)?", _I)
_CONDITION = re.compile(r"\b(?:if|unless|could|might|may|should|whether|considering|consider)\b", _I)


@lru_cache(maxsize=SENTENCE_MEMO)
def announces_measure(sentence: str) -> bool:
    """Whether the sentence tells a measure announced by those who take it ("X said it would restrict exports")."""
    frame = report_frame(sentence)
    if frame is None or frame.verb.lower() in _VIEW_VERBS or _ANALYST.match(frame.speaker.strip()):
        return False
    told = mask_quotes(frame.told).strip()
    told = _TOLD_LEAD.sub("", told)  # "said on Monday that it would ..."
    return bool(_MEASURE.match(told)) and not _CONDITION.search(told)


@lru_cache(maxsize=SENTENCE_MEMO)
def tells_no_happening(sentence: str) -> bool:
    """Whether the sentence tells a view, a plan, a guess, a question or what may come, not a happening."""
    if is_question(sentence) or is_caption(sentence):
        return True
    if _ANALYST.search(sentence) and is_analysis(sentence):
        return True  # a commentator's view, whatever its tense
    if vows_response(sentence):
        return False  # "X will respond, the ministry said": the vow is the happening, told in its own future
    if _REPEAT_PLEDGE.match(mask_quotes(main_part(sentence)).strip()):
        return True  # a pledge to try again tells a plan
    masked = mask_quotes(sentence)
    if not (MODAL.search(masked) or HYPOTHETICAL.search(masked)):
        return False  # the common case, settled without parsing the clauses
    if announces_measure(sentence):
        return False  # "X said on Monday it would restrict exports": the decision is the day's news
    frame = report_frame(sentence)
    if frame is not None and _FORECASTER.match(frame.speaker.strip()):
        return True  # "economists warned that the curbs could hurt exporters": a forecast, not a warning made news
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


@lru_cache(maxsize=SENTENCE_MEMO)
def background(sentence: str) -> bool:
    """Whether the sentence marks itself as background ("previously", "in recent years", "for decades")."""
    return bool(BACKGROUND_WORDS.search(mask_quotes(sentence)))


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
