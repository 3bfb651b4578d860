"""Event detection: which sentences report something that happened, of what kind, who was involved and when.

A sentence is an event mention when it holds a trigger of one of the event types (a missile launch, troops
moved, a meeting held, a statement that warns, vows, confirms or condemns ...). Its date is the time
expression in the sentence that can date a past happening (a day, week or month; not a future date, not a
time-zone conversion in brackets, not a reference inside a quotation when one outside exists).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter, deque
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from timeline.extraction.clean.lines import is_headline
from timeline.extraction.events.clauses import (
    BACKGROUND_WORDS,
    SENTENCE_MEMO,
    aside_spans,
    core_clause,
    definite_referent,
    main_part,
    mask_quotes,
    report_frame,
    told_in_simple_past,
)
from timeline.extraction.events.dating import RECENT_DAYS, DateInfo, in_since_clause, lede, pick_date
from timeline.extraction.events.headlines import new_article, write_title
from timeline.extraction.events.modality import background, is_analysis, tells_no_happening, vows_response
from timeline.extraction.events.spans import AFTER_OPENER, happening_clauses
from timeline.extraction.events.wording import keywords
from timeline.extraction.gazetteer import COUNTRY, ORGANISATION, PERSON, PLACE, Gazetteer, default_gazetteer
from timeline.extraction.lexicon import speech
from timeline.extraction.lexicon.actions import ACTION_PAST, PHRASAL_PAST
from timeline.extraction.lexicon.calendar_words import MONTHS, WEEKDAYS
from timeline.extraction.lexicon.event_types import (
    AGREEMENT,
    ATTACK,
    DIPLOMATIC_MEETING,
    ELECTION,
    MILITARY_EXERCISE,
    MISSILE_TEST,
    OTHER,
    SANCTIONS,
    STATEMENT,
    TROOP_DEPLOYMENT,
)
from timeline.extraction.prefilter import guard_patterns
from timeline.extraction.segment import Passage

_I = re.IGNORECASE
_MISSILE_NOUN = re.compile(
    r"\b(?:missiles?|ICBMs?|IRBMs?|SLBMs?|rockets?|projectiles?|warheads?|hypersonic|ballistic|satellite launch)\b", _I
)
_MISSILE_ACT = re.compile(
    r"\b(?:launch(?:ed|es|ing)?|fir(?:ed|es|ing)|test(?:ed|s|ing)?|test-fir\w*|flew|fly|flies|flying|crash(?:ed|es)|"
    r"land(?:ed|s)|splash\w*|detect(?:ed)?|track(?:ed)?|trajector\w*|travell?ed)\b",
    _I,
)
_LAUNCH_NOUN = re.compile(
    r"(?:\b(?:the|this|that|its|first|latest|recent|missile|test)\s+|['’]s\s+)(?:launch(?:es)?|firing|test(?:-firing)?)\b"
    r"(?!\s+(?:a|an|of\s+a)\s+(?:campaign|bid|probe|investigation|inquiry))",
    _I,
)
_TROOPS = re.compile(
    r"\b(?:troops?|soldiers?|forces|units?|personnel|servicemen|battalions?|brigades?|divisions?|contingent|"
    r"warships?|fighter jets|aircraft carriers?|reservists?|conscripts)\b",
    _I,
)
_DEPLOY = re.compile(
    r"\b(?:deploy(?:ed|s|ing|ment)?|redeploy(?:ed|s|ing|ment)?|sent|send(?:s|ing)?|dispatch(?:ed|es)?|arriv(?:ed|es|ing)|"
    r"mass(?:ed|ing)|station(?:ed|s)|mov(?:ed|es|ing)|withdr(?:ew|awn|awal)|pulled? (?:out|back)|head(?:ed|ing) (?:to|toward)|"
    r"reinforc(?:ed|ements?)|posted|transferred|provided|mobili[sz](?:ed|es|ing|ation)|call(?:ed|s|ing)?[ -]up)\b",
    _I,
)
_MEETING = re.compile(
    r"\b(?:met|meets|held talks|hold talks|holds talks|holding talks|for talks with|"
    r"host(?:ed|s)\b(?!\s+(?:\w+\s+){0,3}?(?:troops|forces|bases|soldiers|refugees|migrants))|received (?:a|the) delegation|"
    r"received (?-i:(?:[A-Z]\w+ )+)(?:president|prime minister|foreign minister|leader)|visited|visits|"
    r"summit (?:in|with|on)|sent a delegation|(?:talks|negotiations|peace\s+conference)\s+(?:[\w’'-]+\s+){0,5}?"
    r"(?:opened|began|started|got\s+under\s+way|kicked\s+off)(?!\s+to\b)|welcom(?:ed|es) (?-i:(?:[A-Z][\w’'-]+ ){1,4})(?:at|to|in)|(?:held|hold|holds|holding) (?:\w+ )?(?:talks|call)|(?:held|convened) (?:an? |its )?(?:emergency |extraordinary |special |urgent |closed-door )(?:meeting|session)|delegation (?:of [\w ]{0,40})?to meet)\b",
    _I,
)
_SANCTION = re.compile(
    r"\bsanctions?\b.{0,60}\b(?:impos|announc|slapp|lift|extend|expand|new)\w*|"
    r"\b(?:impos|announc|adopt|tighten|toughen|widen|broaden|approv|unveil|slapp|extend|expand)\w*\b.{0,60}\bsanctions\b",
    _I,
)
# the names of days and months: "fired on Sunday" is a time, "fired on a patrol" an attack
_CALENDAR_NAMES = "|".join([*WEEKDAYS, *MONTHS])
_ATTACK = re.compile(
    r"\b(?:attack(?:ed|s)?|ambush(?:ed|es)?|air ?strikes?|strikes? on|struck|shell(?:ed|ing)|bomb(?:ed|ing)|shot down|invad(?:ed|es)|"
    r"kill(?:ed|ing)|captur(?:ed|es)|seiz(?:ed|es)|took back|recaptur(?:ed|es)|offensive|"
    # arson is an attack: "rioters set fire to a police station", "torched two cars", "burned down the town hall"
    r"open(?:ed|s)\s+fire\s+(?:on|at)|"
    # armed force by other words: "fired on a patrol", "shot dead two officers", "gunned down", "stormed the
    # parliament" (not "stormed out"), "raided the camp", "pounded the town", "detonated a car bomb"
    rf"fired\s+(?:on|upon|at)\s+(?!(?:the\s+)?(?:\d|{_CALENDAR_NAMES}|dawn|dusk|night|"
    r"noon|midnight|(?:the\s+)?(?:same\s+)?(?:morning|afternoon|evening|night|day|weekend)|least|random|will)\b)|shot\s+dead|gunned\s+down|storm(?:ed|s)\s+(?!out\b|off\b)|raid(?:ed|s)\s+(?:the|a|an|their|its)\s|"
    r"bombard(?:ed|s)|pound(?:ed|s)\s+(?=(?-i:[A-Z])|the\b)|detonat(?:ed|es)|infiltrat(?:ed|es)\s+(?:into\s+)?(?=(?-i:[A-Z])|(?:northern|southern|eastern|western|central)\s)|"
    # an abduction told as the act ("abducted 300 pupils", "were kidnapped on Friday"), not its victims named later
    # ("schoolboys abducted from their school last week were freed")
    r"(?:abduct(?:ed|s)|kidnapp(?:ed|s))\s+(?=(?:more\s+than\s+|at\s+least\s+|about\s+|nearly\s+|some\s+)?"
    r"(?:\d|the\b|an?\b|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|scores|several|(?-i:[A-Z])))|"
    r"(?:was|were|been)\s+(?:abducted|kidnapped)\b|"
    # force at sea short of arms: "fired water cannon at a supply boat", "came under water cannon fire", "rammed"
    r"(?:fired|firing|fires|used|turned)\s+(?:\w+\s+){0,2}?water\s+cannons?\s+(?:on|at|against)|water\s+cannon\s+fire|"
    r"ramm(?:ed|ing)\s+(?:a|an|the|its|their|two|three|several)\s|"
    r"set\s+fire\s+to|set\s+(?:[\w’'-]+\s+){1,4}?(?:on\s+fire|ablaze)|torch(?:ed|es)|firebomb(?:ed|s)|"
    r"(?:burn(?:ed|t)|burn(?:ed|t)\s+down)\s+(?:[\w’'-]+\s+){0,5}?(?:offices?|buildings?|homes?|houses?|headquarters|"
    r"(?:police\s+)?stations?|vehicles?|cars?|buses|shops?|churches|mosques|synagogues|embass(?:y|ies)|town\s+hall))\b",
    _I,
)
# the texts that bind the parties, one or several ("signed 15 agreements", "a protocol on pulling back troops")
_PACT_NOUNS = r"agreements?|treat(?:y|ies)|deals?|accords?|pacts?|ceasefires?|truces?|protocols?|memorand(?:um|a)"
_AGREEMENT = re.compile(
    r"\b(?:sign(?:ed|s)|agreed|reached|struck|concluded|ratif(?:ied|ies|ying))\b.{0,60}\b"
    rf"(?:{_PACT_NOUNS}|membership|accession|admission)\b|"
    # a text named by what it is, once its signing is told: "the document was signed on Monday"
    rf"\b(?:{_PACT_NOUNS}|documents?)\b[^,;]{{0,25}}\b(?:was|were|is|has been|had been|have been)\s+"
    r"(?:formally\s+|finally\s+)?(?:signed|agreed|reached|concluded|ratified)\b|"
    rf"\b(?:{_PACT_NOUNS})\b.{{0,60}}\b(?:took|takes|came into|comes into|entered into|has entered into|have entered into)\s+"
    r"(?:effect|force)\b|"
    # "agreed on Friday on the first section of their border": agreeing on a text, not "agreed that ..."
    r"\bagreed\s+(?:(?:late\s+|early\s+)?on\s+[A-Z]\w+\s+)?(?:on|upon)\s+(?:the|a|an|their|its|new)\s+(?!need\b|importance\b)",
    _I,
)
# verbs that tell a view rather than report a happening
_OPINION = frozenset(
    "note notes noted argue argues argued believe believes believed think thinks thought suggest suggests suggested "
    "predict predicts predicted".split()
)
# "agreed to lay down their weapons", "agreed to release prisoners": an agreement on an act
_AGREED_TO = re.compile(
    # (one side's own step, "agreed to resign", "agreed to step down", is no agreement between parties)
    r"\b(?:agreed|agree|agrees)\s+(?:\w+\s+){0,2}?to\s+"
    r"(?!be\b|resign|step\b|quit\b|stand\b|retire\b|(?:the|a|an|this|that|its|their)\b)\w+",
    _I,
)
# happenings of no type of their own that still make news: coups, arrests, resignations, oaths of office, decisions
# taken by a vote (a veto, a resolution adopted, a law passed)
_OTHER_ACT = re.compile(
    r"\b(?:detain(?:ed|s)|arrest(?:ed|s)|overthr(?:ew|own)|ous(?:ted|ts)|seiz(?:ed|es) power|staged? a coup|"
    r"removed (?:\w+ )?from (?:power|office)|resign(?:ed|s)|stepped down|(?:was|were) sworn in|took office|"
    r"(?:was|were) assassinated|vetoe[ds]|(?:adopt|pass|approv)(?:ed|es|s) (?:an? |the )?(?:\w+ ){0,3}?"
    r"(?:resolution|law|bill|motion|amendment)s?|declared (?:a state of emergency|martial law)|"
    # a border or a passage closed or reopened: "closed three crossings", "sealed the strait", "the airport reopened"
    r"(?:clos(?:ed|es)|shut|shuts|reopen(?:ed|s)|seal(?:ed|s))\s+(?:[\w’'-]+\s+){0,5}?(?:borders?|crossings?|"
    r"crossing\s+points?|border\s+posts?|checkpoints?|airspace|embass(?:y|ies)|consulates?|airports?|ports?|straits?)|"
    r"(?:borders?|crossings?|crossing\s+points?|border\s+posts?|checkpoints?|airspace|airports?|straits?)\s+"
    r"(?:was\s+|were\s+)?(?:closed|shut|reopened)\b(?!\s+(?:to|for)\s+(?:years|months|decades))|"
    # a count, a process or a service stopped or taken up again: "halted the vote count", "the talks resumed"
    r"(?:halt(?:ed|s)|suspend(?:ed|s)|paus(?:ed|es)|stopped|stops|resum(?:ed|es)|restart(?:ed|s)|froze|freezes)\s+"
    r"(?:[a-z]+ing\s+)?(?:its|the|their|his|her|all|a)\s+(?:[\w-]+\s+){0,2}?(?:count|counting|tally|talks|negotiations|"
    r"flights|operations|exports|imports|deliveries|shipments|production|services?|trading|aid|broadcasts?|"
    r"publication|results|cooperation|inspections)|"
    r"(?:count|counting|tally|talks|negotiations|flights|trading|voting|operations|deliveries|exports)\s+"
    r"(?:was\s+|were\s+|had\s+been\s+)?(?:resumed|halted|suspended|paused|stopped|restarted)\b|"
    # a decision taken by a government or a body, to do something: "decided on Monday to expel two envoys"
    r"decided\s+(?:(?:late\s+|early\s+)?on\s+\w+\s+|(?:last|this)\s+\w+\s+)?to\s+(?!be\b|(?:the|a|an)\b)(?-i:[a-z]+)|"
    # a leader or an envoy arriving in a country or a city: "the president arrived in Rome on Friday"
    r"(?:arrived|arrives|landed|lands)\s+in\s+(?-i:[A-Z])\w+|"
    r"expell?(?:ed|s)|recall(?:ed|s) (?:its|the) ambassador|"
    # an envoy called in, to protest or to be told a decision: "summoned the French ambassador on Monday"
    r"summon(?:ed|s)\s+(?:[\w’'-]+\s+){0,4}?(?:ambassadors?|envoys?|charg[ée]s? d['’]affaires|diplomats?)|evacuat(?:ed|es)|took to the streets|"
    r"block(?:ed|aded) (?:\w+ ){0,2}(?:roads?|highways?|border|crossings?|ports?|bridges?)|"
    r"(?:staged|held) (?:\w+ ){0,2}(?:protests?|demonstrations?|rall(?:y|ies)|strikes?)|"
    # a crowd gathering somewhere: "hundreds rallied outside the embassy", "students marched through the capital"
    r"(?:rallied|marched|demonstrated|protested)\s+(?:outside|in\s+front\s+of|through|near|across|at|in)\s|"
    # a vote that decides: "the assembly voted 88 to 40 to remove the governor"
    r"voted\s+(?:[\w,]+\s+){0,6}?to\s+(?:remove|impeach|oust|dismiss|expel|approve|reject|suspend|censure|ratify|"
    r"adopt|repeal|dissolve|extend|lift|end|strip)\b|impeach(?:ed|es)\b|"
    # a court's or a judge's decision on a person: "sentenced him to ten years", "ordered him to remain in custody"
    r"(?:sentenc|convict|acquitt|indict)(?:ed|s)\s+(?:\w+\s+){0,4}?(?:to|of|on|for)\s|(?:was|were)\s+(?:sentenced|convicted|"
    r"acquitted|indicted|jailed)\b|ordered\s+(?:[\w’'.-]+\s+){1,4}?to\s+(?:be\s+held|remain|stay)\s+in\s+(?:\w+\s+)?"
    r"(?:detention|custody|jail|prison)|"
    # aid or a convoy reaching its destination: "the first convoy of food aid reached the town on Wednesday"
    r"\bconvoys?\b[^.;]{0,80}?\b(?:reached|arrived\s+in|arrived\s+at|entered|crossed\s+into)\s|became (?:\w+['’]s )?(?:the )?(?:new )?"
    r"(?:president|prime minister|chancellor|leader)|"
    # a nomination or an appointment to an office: "nominated Jane Roe to form a cabinet", "was appointed envoy"
    r"(?<!\bnewly )(?<!\bthe )(?:nominat|appoint)(?:ed|es|s)\s+(?-i:[A-Z])\w*|(?:nominat|appoint)(?:ed|es|s)\s+(?:a|an|the|his|her|its|their)\s+"
    r"(?:new\s+)?(?:\w+\s+)?(?:minister|premier|prime minister|chief|head|commander|envoy|ambassador|governor|"
    r"successor|candidate|deputy)|(?:was|were|has been|had been)\s+(?:nominated|appointed)\b)\b",
    _I,
)
# joining an alliance or a union: "Finland became the 31st member of NATO", "Sweden joined the alliance"
_JOINED = re.compile(
    r"\b(?:joined|joins|acceded to|became (?:the \w+|a full|a) member of|was admitted to)\s+(?:the\s+)?"
    r"(?:[A-Z]{2,}|alliance|bloc|union|(?:[A-Z][\w-]+ ){1,3}(?:Union|Alliance|Organi[sz]ation|Community|League))",
)
# a statement told in the past perfect: what had been said before the news ("had warned", "had said")
_HAD_TOLD = re.compile(rf"\bhad\s+(?:\w+\s+)?(?:{'|'.join(speech.REPORT_PAST)})\b", _I)
# a toll over the days before the telling: a count of the killed or wounded, in the perfect
_TOLL = re.compile(
    r"\b(?:\d[\d,.]*|dozens|hundreds|thousands)\b[^.;]{0,60}?\b(?:have|has|had)\s+(?:now\s+)?been\s+"
    r"(?:killed|wounded|injured)\b|\b(?:\d[\d,.]*|dozens|hundreds|thousands)\b[^.;]{0,60}?\b(?:have|has|had)\s+died\b",
    _I,
)
# a satellite placed in orbit, or reaching it: the outcome of a launch ("placed two weather satellites in polar orbit")
_IN_ORBIT = re.compile(
    r"\b(?:placed|places|put|puts|sent|sends|launched|launches)\b[^.;]{0,60}?\bsatellites?\b[^.;]{0,40}?"
    r"\b(?:in|into)\s+(?:\w+\s+)?orbit\b|\bsatellites?\b[^.;]{0,40}?\b(?:reached|entered|went into)\s+(?:\w+\s+){0,2}orbit\b",
    _I,
)
# missiles fired at a target, or from aircraft: an attack, not a test
_STRIKE_CUE = re.compile(
    r"\b(?:fired|launched)\s+(?:[\w-]+\s+){0,3}?at\s+(?!(?:least|around|about|dawn|night|noon|midnight|\d)\b)|"
    r"\bfrom\s+(?:\w+\s+){0,3}?(?:jets|warplanes|aircraft|drones)\b|\b(?:killing|killed|destroyed|air ?strikes?)\b",
    _I,
)
_ELECTION = re.compile(
    r"\b(?:won|wins|elected|re-elected|voted|vote was held|went to the polls|(?:was|were) (?:defeated|ousted|beaten)|lost)\b.{0,80}|\belection\b.{0,40}\b(?:held|won)\b|"
    # a text put to the people: "voters endorsed the new constitution in Sunday's referendum"
    r"\b(?:endorsed|approved|rejected|backed|adopted)\b.{0,160}\b(?:referendum|plebiscite)\b",
    _I,
)
_RESULT = re.compile(r"\b(?:declared|proclaimed|named|confirmed)\b.{0,60}\bthe winner\b", _I)
# "hours after a board proclaimed X the winner, the generals ...": a result the sentence measures its own news from
_AFTER_IT = re.compile(r"\b(?:after|since|following)\b[^,;]*$", _I)
# a speech act coordinated after the act ("met the leaders on Thursday and urged them ..."): the act leads
_AND_THEN = re.compile(r"\band\s+(?:also\s+|then\s+)?$", _I)
_ELECTION_NOUN = re.compile(r"\b(?:election|presidency|polls|referendum|vote)\b", _I)
_EXERCISE = re.compile(
    r"\b(?:exercises?|drills?|war games|manoeuvres|maneuvers)\b.{0,60}\b(?:held|conduct\w*|stag\w*|began|begin|launched|kicked off)\b|"
    r"\b(?:held|conduct\w*|stag\w*|began|launched|kicked off)\b.{0,60}\b(?:joint )?(?:exercises?|drills?|war games|manoeuvres)\b",
    _I,
)
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|the\\s+(?:morning|evening|night)|\\d"
# Speech acts that make news on their own.
_STRONG_SPEECH = re.compile(
    r"\b(?:warn(?:ed|s|ing)?|vow(?:ed|s)?|pledg(?:ed|es)|affirm(?:ed|s)?|confirm(?:ed|s)?|condemn(?:ed|s)?|denounc(?:ed|es)|"
    r"accus(?:ed|es|ing)|blam(?:ed|es)\s+(?!on\b)(?=(?-i:[A-Z]))|threaten(?:ed|s)?|announc(?:ed|es)|declar(?:ed|es)|demand(?:ed|s)?|urg(?:ed|es)|"
    r"criticis(?:ed|es)|criticiz(?:ed|es)|slamm?(?:ed|s)|reject(?:ed|s)|denied|denies|insist(?:ed|s)?|promis(?:ed|es)|"
    r"(?:issued|published|released) (?:a|an) (?:statement|communiqu[ée])|protest(?:ed|s)\s+(?:\w+\s+){0,3}?(?:against|to|over)\b|"
    r"lodged (?:a|an) (?:formal )?protest|conced(?:ed|es)|apologi[sz](?:ed|es)|"
    # an appeal is news of its own: "appealed to the donors", "issued an appeal for ...", "called on the allies to ..."
    r"appeal(?:ed|s)?\s+(?:to|for)|(?:an|his|her|their|its|the) appeal (?:to|for)|plead(?:ed|s|ing)?\s+(?:for|with)|"
    rf"call(?:ed|s)\s+(?:for|on\s+(?!(?:{_DAYS})\b))|offer(?:ed|s)\s+to|"
    # a leader appearing on screen speaks to the public: "appeared in a video", "appeared on national TV"
    r"appear(?:ed|s)\s+(?:on|in)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+)?(?:video|television|TV|broadcast|address)|"
    # a post is a public statement: "wrote on Twitter that ...", "posted on her account", "tweeted"
    r"(?:wrote|posted)\s+on\s+(?:Twitter|X|Facebook|Telegram|Instagram|Truth Social|social media|"
    r"(?:his|her|its|their)\s+(?:[\w-]+\s+)?(?:account|channel|page|website|blog))|tweeted|"
    # so does one who speaks to a public through a medium: "addressed voters in a recorded message"
    r"address(?:ed|es)\s+(?:[\w’'-]+\s+){1,4}?(?:in|on|via|through)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:video|speech|broadcast|message|letter|address)|address(?:ed|es)\s+the\s+nation|"
    # a telling before the press is news of its own: "told a news conference that ..."
    r"(?:told|tells|addressed|addresses)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:news|press)\s+"
    r"(?:conference|briefing)|"
    # or speaks to a gathering from afar: "spoke to the summit in a filmed message", "addressed the forum by video"
    r"(?:spoke|speaks|address(?:ed|es))\s+(?:to\s+)?(?:[\w’'-]+\s+){1,4}?(?:in|via|through|by)\s+(?:a\s+|an\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:video|videolink|broadcast|recorded\s+message)|"
    # an occasion used to say something: "used an interview on Sunday to question why ..."
    r"used\s+(?:a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,2}?(?:speech|address|interview|video|message|statement|"
    r"appearance|news conference|press conference|briefing)\b[^.;]{0,60}?\bto\s+"
    r"(?!(?:the|a|an|his|her|its|their|this|that|be)\b)(?-i:[a-z]+))\b",
    _I,
)
_SAID = re.compile(rf"\b(?:{'|'.join(speech.ATTRIBUTION)}|wrote|according to)\b", _I)
_EVALUATES = re.compile(
    r"\b(?:call(?:ed|s)|condemn(?:ed|s)|denounc(?:ed|es)|criticis(?:ed|es)|criticiz(?:ed|es)|slamm?(?:ed|s)|decr(?:ied|ies))\s+"
    r"(?:the|this|its|[A-Z][\w’']*(?:['’]s)?)\s+(?:\w+\s+)?(?:launch|test|attack|strike|move|deployment|decision|sanctions|"
    r"downing|shooting|killing|killings|seizure|invasion|expulsions?|coup|raid|bombing|sinking|storming|incident|"
    r"annexation|blockade|embargo|ruling|verdict|vote|referendum|election|drills|exercises)",
)
_QUOTE = re.compile(r"[\"“][^\"”]*[\"”]")
# a quotation of a few words inside the telling's own wording ("held phone talks and “strongly condemned” ...")
_SCARE_QUOTE = re.compile(r"[\"“]((?:[\w’'-]+\s+){0,2}[\w’'-]+)[\"”]")
# the happening as the subject of a verdict: "the drills were a danger to the whole region"
_VERDICT = re.compile(
    r"^(?:the|its|this|that|these|those|their|[A-Z]\w+['’]s)\s+(?:[\w-]+\s+){0,3}?(?:launch(?:es)?|tests?|attacks?|"
    r"strikes?|move|deployment|drills?|exercises?|decision|sanctions)\s+(?:was|were|is|are)(?:\s+|$)(?:(?:a|an|the)\s+)?"
    r"(?!(?:carried|conducted|launched|fired|held|staged|made|seen|detected|observed|announced)\b)",
    _I,
)
# the nouns that name a happening of each type ("Thursday's election", "Monday's launch")
EVENT_NOUNS = {
    MISSILE_TEST: frozenset("launch launches test tests firing".split()),
    DIPLOMATIC_MEETING: frozenset("summit talks meeting visit".split()),
    ATTACK: frozenset("attack attacks strike strikes raid offensive bombing assault".split()),
    AGREEMENT: frozenset("agreement deal treaty ceasefire truce accord signing".split()),
    ELECTION: frozenset("election elections vote poll polls referendum runoff ballot".split()),
    MILITARY_EXERCISE: frozenset("exercise exercises drills drill manoeuvres".split()),
}


@dataclass(frozen=True)
class EventMention:
    passage: int
    event_type: str
    title: str
    summary: str
    actors: tuple[str, ...]
    places: tuple[str, ...]
    speaker: str
    date: DateInfo | None  # the date the sentence itself gives, if any
    keywords: frozenset[str]
    simple_past: bool = False  # told as a report tells what has just happened (told_as_news)
    # a time expression of its own that does not date it to a day ("last year", "in recent weeks"): it tells of
    # another time than the report's, so neither the lede nor the report's day can date it
    other_time: bool = False
    # the clause that tells this happening, as offsets into the article's text: the whole passage, or the part of
    # it that holds the mention's date when the sentence tells two happenings (spans.py)
    span: tuple[int, int] | None = None


@lru_cache(maxsize=SENTENCE_MEMO)
def _outside_quotes(text: str) -> str:
    return _QUOTE.sub(lambda m: " " * len(m.group(0)), text)


_NEGATION = re.compile(
    r"\b(?:not|never|neither|nor|no|yet to|declined to|refused to|failed to|did\s*n['’]t|has\s*n['’]t|have\s*n['’]t|won['’]t)"
    r"\s+(?:\w+\s+){0,2}$",
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def strong_speech(text: str) -> bool:
    """Whether the text holds a speech act that makes news (warned, vowed, confirmed ...) that is not negated."""
    for m in _STRONG_SPEECH.finditer(text):
        if not _NEGATION.search(text[max(0, m.start() - 40) : m.start()]):
            return True
    return False


def _speech_follows_act(main: str, *, missile_context: bool) -> bool:
    """Whether every speech act of the main clause is coordinated after an act of a specific kind."""
    speech = list(_STRONG_SPEECH.finditer(main))
    if not all(_AND_THEN.search(main[: m.start()]) for m in speech):
        return False
    first = main[: speech[0].start()]
    return _kind_of_act(first, missile_context=missile_context, late=True) not in (None, OTHER)


# A gerund after a preposition is not the clause's act: it tells the manner or the topic of another one ("the
# attempts to frighten Russia by imposing sanctions had failed"). Its word is kept out of the choice of the kind.
_NOT_THE_ACT = re.compile(
    r"\b(?:by|of|for|from|without|against|about|over|instead\s+of)\s+(?P<verb>[a-z]\w*ing)\b",
    _I,
)


def _without_dependent_verbs(clause: str) -> str:
    """The clause with the verbs that are not its act blanked out (see _NOT_THE_ACT)."""
    return _NOT_THE_ACT.sub(lambda m: m.group(0)[: m.start("verb") - m.start()] + "_" * len(m.group("verb")), clause)


# prisoners taken are no attack: "three sailors captured by the navy", "captured an enemy pilot"
_PEOPLE_TAKEN = re.compile(
    r"\b(?:(?:soldiers?|troops|fighters?|servicem[ae]n|prisoners?|hostages?|civilians?|crew|sailors?|pilots?)\s+"
    r"(?:who\s+were\s+|were\s+|was\s+)?captured|captur(?:ed|es|ing)\s+(?:\w+\s+){0,4}?"
    r"(?:soldiers?|troops|fighters?|servicem[ae]n|prisoners?|crew|sailors?|pilots?))\b",
    _I,
)


# "the soldiers captured by Ukraine over the weekend have turned ...": the captured are the subject of the clause's
# own verb in the perfect, which comes later; the capture is not what the sentence reports (though "soldiers
# captured by the rebels were shown on television" still tells of their captivity)
_SUBJECT_OF_ANOTHER_VERB = re.compile(r"\s+by\b[^,;]{0,100}?\s(?:have|has|had)\s+(?!been\b)(?-i:[a-z]+)", _I)


# an agreement suspended, scrapped or left is no agreement made: "the cabinet agreed to suspend part of the 2018
# military agreement", "withdrew from the treaty"
_UNDOING = re.compile(
    r"\b(?:suspend(?:ed|s|ing)?|scrap(?:ped|s|ping)?|withdr(?:ew|aw|awn|awing|aws)\s+from|pull(?:ed|s)?\s+out\s+of|"
    r"qu(?:it|its)\s+the|exit(?:ed|s)?\s+the|abandon(?:ed|s)?|terminat(?:ed|es|e)|tore\s+up|tear\s+up|annul(?:led|s)?|"
    r"revok(?:ed|es|e)|renounc(?:ed|es|e)|breach(?:ed|es)?|violat(?:ed|es|e))\b",
    _I,
)


# the forces of nature, and the words that tell of armed force beside them ("shelled the town after the quake")
_HAZARD = re.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|aftershocks?|tsunamis?|eruptions?|volcano(?:es)?|floods?|flooding|"
    r"cyclones?|hurricanes?|typhoons?|(?:tropical|winter|severe|dust|snow|ice)\s+storms?|landslides?|mudslides?|avalanches?|wildfires?|bushfires?|"
    r"heatwaves?|droughts?)\b",
    _I,
)
_ARMED = re.compile(
    r"\b(?:troops|soldiers|forces|militants?|rebels?|gunmen|fighters|army|military|missiles?|rockets?|shells?|"
    r"shelled|bombs?|bombed|drones?|air\s?strikes?|artillery|insurgents?|police)\b",
    _I,
)


# a ceremony that marks an agreement: "for a ceremony marking the state's entry into the bloc", "at a
# ceremony for the signing of the treaty"
_CEREMONY_OF_AGREEMENT = re.compile(
    r"\bceremon(?:y|ies)\b.{0,40}?\b(?:mark(?:ed|ing|s)?|celebrat\w*|for|of)\b.{0,40}?\b"
    r"(?:accession|membership|signing|treaty|agreement|accord|pact)\b",
    _I,
)


# a summit the sentence's act comes from or is placed against is not its meeting: "flew home from the summit in
# Lima", "ahead of the summit in Rome"
_ANOTHER_SUMMIT = re.compile(
    r"\b(?:from|after|before|ahead\s+of|since)\s+(?:the|a|an|this|last|its|their|his|her)\s+(?:[\w-]+\s+){0,4}?summit\b",
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def _kind_of_act(clause: str, *, missile_context: bool, late: bool, strict: bool = True) -> str | None:
    """The specific type a clause's happening has: missile tests and exercises first, the rest after speech.

    `strict` keeps out the verbs that are not the clause's act (_NOT_THE_ACT); without it, any trigger counts,
    which tells whether the sentence speaks of a happening at all.
    """
    if not late:
        if (_MISSILE_NOUN.search(clause) and _MISSILE_ACT.search(clause)) or (
            missile_context and _LAUNCH_NOUN.search(clause)
        ):
            return ATTACK if _STRIKE_CUE.search(clause) else MISSILE_TEST
        if _IN_ORBIT.search(clause):
            return MISSILE_TEST  # a satellite put into orbit: a launch, told by its outcome
        if _EXERCISE.search(clause):
            return MILITARY_EXERCISE
        result = _RESULT.search(clause)
        if result and _ELECTION_NOUN.search(clause) and not _AFTER_IT.search(clause, 0, result.start()):
            return ELECTION  # "declared X the winner of the election": the result, told before any speech act
        return None
    acts = _without_dependent_verbs(clause) if strict else clause
    if _TROOPS.search(clause) and _DEPLOY.search(acts):
        return TROOP_DEPLOYMENT
    if _MEETING.search(_ANOTHER_SUMMIT.sub(" ", clause)):
        # a meeting held for the ceremony of an accession or a signing is a facet of that agreement
        return AGREEMENT if _CEREMONY_OF_AGREEMENT.search(clause) else DIPLOMATIC_MEETING
    if _SANCTION.search(acts):
        return SANCTIONS
    if _AGREEMENT.search(clause) or _JOINED.search(clause) or _AGREED_TO.search(clause):
        return OTHER if _UNDOING.search(clause) else AGREEMENT
    if _ELECTION.search(clause) and _ELECTION_NOUN.search(clause):
        return ELECTION
    taken = [m.span() for m in _PEOPLE_TAKEN.finditer(acts)]
    if any(not any(a <= m.start() and m.end() <= b for a, b in taken) for m in _ATTACK.finditer(acts)):
        return ATTACK
    if _OTHER_ACT.search(clause) or any(
        not _SUBJECT_OF_ANOTHER_VERB.match(acts, m.end()) for m in _PEOPLE_TAKEN.finditer(acts)
    ):
        return OTHER
    return None


# Speech verbs that only pass on what happened: the news is what they tell, when it is a happening.
_TELLING = re.compile(r"(?:announc(?:ed|es)|confirm(?:ed|s)|claim(?:ed|s))", _I)
# what follows the telling is a clause of its own ("... that they had", "... they have"), not a noun it tells of
_TOLD_CLAUSE = re.compile(r"^[^,.;]{0,40}?\bthat\b|^\s*(?:they|it|he|she|we)\s+(?:had|has|have|were|was)\b", _I)


def _reported_happening(main: str, outside: str) -> str | None:
    """The kind of an attack or other happening that the main clause's speech acts merely pass on.

    "The officers announced they had taken the port" tells of the taking; "the president vowed to retaliate
    for the attack" stays a statement (a vow is news of its own, and so are a warning or a condemnation).
    """
    speech = list(_STRONG_SPEECH.finditer(main))
    if not speech or not all(_TELLING.fullmatch(m.group(0)) for m in speech):
        return None
    told = outside[outside.find(speech[-1].group(0)) + len(speech[-1].group(0)) :]
    if _TOLD_CLAUSE.search(told):
        kind = _kind_of_act(told, missile_context=False, late=True)
        return kind if kind in (ATTACK, OTHER) else None
    # the happening told first and its telling after it ("The treaty has come into force, the foreign
    # ministry announced"): the news is the happening
    frame = report_frame(outside)
    if frame is None or not _TELLING.fullmatch(frame.verb) or not _PERFECT_OR_PAST_ACT.search(frame.told):
        return None
    if report_frame(frame.told) is not None or _SAID.search(frame.told) or _DISCLOSED.search(frame.told):
        return None  # "a newspaper reported that the battalion had crossed, the alliance confirmed": a telling of a telling
    kind = _kind_of_act(frame.told, missile_context=False, late=True)
    # (of a kind of its own: an act of no set kind, dated only by its telling, would be no event at all)
    return kind if kind not in (None, STATEMENT, OTHER) else None


# a telling inside the told: "a newspaper reported that the battalion had crossed, the alliance confirmed"
_DISCLOSED = re.compile(
    r"\b(?:reveal(?:ed|s)|report(?:ed|s)|disclos(?:ed|es)|show(?:ed|s)|found|learn(?:ed|t)|"
    r"announc(?:ed|es)|confirm(?:ed|s)|claim(?:ed|s)|warn(?:ed|s))\b",
    _I,
)
# a told clause in the perfect or the past of an act ("has come into force", "had seized", "were expelled")
_PERFECT_OR_PAST_ACT = re.compile(r"\b(?:has|have|had|was|were)\s+(?:been\s+)?(?-i:[a-z]+(?:ed|en|n|t))\b", _I)


# a relative clause that tells what happened within the happening its noun names: "the visit, during which ..."
_WITHIN = re.compile(r",\s+(?:during|in|at|on)\s+which\s+(?P<clause>[^,;]+)", _I)


@lru_cache(maxsize=SENTENCE_MEMO)
def classify(sentence: str, *, missile_context: bool) -> str | None:
    """The event type a sentence reports, or None when it reports no event.

    The type comes from the clause that carries the happening (the told clause of a report, without relative
    and trailing clauses), not from any keyword in the sentence: "supplied shells and missiles that Russian
    forces have fired" is no missile test. A sentence whose trigger lies only outside that clause is a
    statement when it is told as a report, and "other" when it is not.
    """
    outside = _outside_quotes(sentence)
    if _EVALUATES.search(outside) or _EVALUATES.search(_SCARE_QUOTE.sub(r"\1", sentence)):
        return STATEMENT  # "called the drills a danger", "met and “firmly condemned” the test"
    if vows_response(sentence):
        return STATEMENT  # "X will respond to the expulsions, the ministry said": a vow, whatever it answers
    whole = _kind_of_act(outside, missile_context=missile_context, late=False) or _kind_of_act(
        outside, missile_context=missile_context, late=True, strict=False
    )
    strong = strong_speech(sentence)
    if whole is None and not strong:
        # "the premier said the cabinet was willing to step aside": an offer, or no trigger at all
        return STATEMENT if offers(sentence) else None
    frame = report_frame(sentence)
    if frame is not None and frame.verb.lower() in _OPINION:
        return STATEMENT  # "Analysts note that the timing of the launch ...": a view, not a happening
    if frame is not None and _VERDICT.match(_outside_quotes(frame.told).strip()):
        return STATEMENT  # "X said the drills were a danger": a verdict on the happening
    core = _outside_quotes(core_clause(sentence))
    kind = _kind_of_act(core, missile_context=missile_context, late=False)
    if kind:
        return kind
    if (
        whole == ELECTION
        and frame is not None
        and _kind_of_act(frame.told, missile_context=False, late=True) == ELECTION
    ):
        return ELECTION  # "voters endorsed the text, which ..., in Sunday's referendum, the board said": the vote told
    strong_outside = strong_speech(outside)
    if strong and not strong_outside and _SAID.search(outside):
        return STATEMENT  # "I can confirm ...", "I affirm ...": the speech act is the news
    main = _outside_quotes(main_part(sentence))
    reported = _reported_happening(main, outside)
    if reported:
        return reported  # "the militia said it had seized the port": the telling reports the happening
    after = _SPEECH_AFTER_ACT.search(main)
    if strong_outside and after and not strong_speech(main[: after.start()]) and acted(main[: after.start()]):
        # "Ruritania expelled two envoys on Monday, accusing them of spying": the act is the news, the why follows
        return OTHER
    if (
        strong_outside
        and strong_speech(_SUBORDINATE_TAIL.split(main, maxsplit=1)[0])
        and not _speech_follows_act(main, missile_context=missile_context)
    ):
        # not "..., who announced ..." (the speech act of a relative clause is not the news), nor "X resigned after
        # the army chief urged him to" (speech told in a clause of the why)
        return STATEMENT
    kind = _kind_of_act(core, missile_context=missile_context, late=True)
    if kind:
        return kind
    if whole is None:
        return None
    if frame is None:
        within = _WITHIN.search(outside)
        kind = within and (
            _kind_of_act(within["clause"], missile_context=missile_context, late=False)
            or _kind_of_act(within["clause"], missile_context=missile_context, late=True)
        )
        if kind:
            return kind  # "the trip, during which they signed a pact, ...": the happening within the one named
    return STATEMENT if frame is not None else OTHER


_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# what stops the search for the main clause's verb: a verb of speech or a view, a modal, the past perfect of
# background, a form of "be" or "have" before a state ("was a critic"), an infinitive's "to"
_NOT_ACTED = frozenset(
    (*speech.REPORT_PAST, *speech.REPORT_PRESENT, *_OPINION, "had", "would", "could", "might", "may", "will", "must",
     "should", "can", "to", "not", "never", "seemed", "appeared", "remained", "became", "is", "are", "has", "have",
     # the main verb is another ("the seizure came hours after a court extended ..."), or a subordinate clause begins
     "came", "went", "followed", "marked", "meant", "showed", "proved", "looked", "wanted", "hoped", "tried",
     "after", "before", "when", "while", "because", "since", "until", "following", "if", "whether", "who", "which")
)  # fmt: skip


# a trailing participle clause: ", citing ...", ", killing ...": its time is its own, not the main clause's
_PARTICIPLE_TAIL = re.compile(r",\s+(?!including\b|according\b|during\b)(?-i:[a-z]+ing)\b")
# the speech that follows an act as its reason or its words: "..., accusing Tehran of ...", "..., saying ..."
_SPEECH_AFTER_ACT = re.compile(
    r",\s+(?:accusing|saying|warning|blaming|vowing|calling|citing|claiming|condemning|denouncing|pledging)\b", _I
)
# a labelled summary listing several happenings ("Key points: ...; ...; ...")
_SUMMARY_LIST = re.compile(
    r"^(?:key\s+(?:points|facts|events|developments)|what\s+we\s+know|in\s+brief|at\s+a\s+glance|the\s+latest|"
    r"catch\s+up|summary|recap|in\s+short)\s*[:–—-]\s[^;]+;",
    _I,
)
# where a subordinate clause of time or cause begins: what follows tells why or when, not the sentence's own act
_SUBORDINATE_TAIL = re.compile(r"\s(?:after|when|because)\s", _I)
_DETERMINERS = frozenset("the a an its their his her this that".split())
_AUXILIARIES = frozenset("was were is are may might will would could can has have had must should".split())


def _judges(sentence: str) -> bool:
    """Whether the sentence tells a verdict on the happening, as "X said the attack was "utterly unacceptable""."""
    frame = report_frame(sentence)
    return frame is not None and bool(_VERDICT.match(_outside_quotes(frame.told).strip()))


@lru_cache(maxsize=SENTENCE_MEMO)
def acted(sentence: str) -> bool:
    """Whether the sentence's main clause tells an act in the simple past ("the freighter left Greek waters",
    "forty hostages were freed", "the ministry pushed back the deadline"), by the first verb after its subject."""
    words = [w.lower().replace("’", "'") for w in _WORD.findall(_outside_quotes(main_part(sentence)))]
    for i, w in enumerate(words[1:12], start=1):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _NOT_ACTED and f"{w}_{nxt}" not in PHRASAL_PAST:  # "came", but "came into force"
            return False
        if (w in ACTION_PAST or f"{w}_{nxt}" in PHRASAL_PAST) and words[i - 1] not in _DETERMINERS:
            # (a participle with its agent, "the soldiers captured by Ukraine over the weekend have ...", reaches
            # further before its clause's own verb)
            if _AUXILIARIES.isdisjoint(words[i + 1 : i + (17 if nxt == "by" else 7)]):
                return True  # not "the banned party": a participle before its noun
            # "The shots fired on Sunday may be ...", "boys abducted last week were freed ...": a participle after
            # its noun, whose clause's own verb comes later
    return False


# an office holder named with the office: "Interior Minister Jane Roe", "Prime Minister John Doe"
_TITLED_NAME = re.compile(
    r"(?-i:\b(?:President|Prime Minister|(?:[A-Z][a-z]+ )?Minister|Chancellor|King|Queen|Emir|Secretary(?: of State)?|"
    r"General|Gen\.|Colonel|Col\.|Commander|Spokes(?:man|woman|person)|Ambassador|Envoy|Mayor|Governor)\s+"
    r"(?P<name>[A-Z][\w’'.-]+(?:\s+(?:(?:al|el)-|(?:de|van|von|bin)\s+)?[A-Z][\w’'.-]*){1,3}))"
)


# a body the sentence opens with under its initials: "The OSCE has reported ...", "KCNA said ..."
_INITIALS_SUBJECT = re.compile(r"^(?:The\s+)?(?P<name>[A-Z]{2,6})\b(?!\.)")


@lru_cache(maxsize=SENTENCE_MEMO)
def titled_name(sentence: str) -> str:
    """The name of an office holder the sentence names with the office ("" when none)."""
    m = _TITLED_NAME.search(_outside_quotes(sentence))
    if not m:
        return ""
    name = m.group("name")
    # the full stop that ends the sentence is not part of the name ("... President Jane Roe."); an initial is
    return name[:-1] if name.endswith(".") and not _INITIAL_END.search(name) else name


_INITIAL_END = re.compile(r"(?:\b[A-Z]|\bJr|\bSr)\.$")


@lru_cache(maxsize=SENTENCE_MEMO)
def initials_subject(sentence: str) -> str:
    """The body a sentence opens with under its initials ("The OSCE has reported ..."; "" when none)."""
    m = _INITIALS_SUBJECT.match(_outside_quotes(sentence).strip())
    return m.group("name") if m else ""


_READY = re.compile(r"\b(?:is|are|was|were)\s+(?:now\s+|also\s+)?(?:ready|willing|prepared|preparing)\s+to\b", _I)


@lru_cache(maxsize=SENTENCE_MEMO)
def offers(sentence: str) -> bool:
    """Whether the sentence reports an offer or a declared readiness ("X said the government is ready to ...")."""
    outside = _outside_quotes(sentence)
    if not _READY.search(outside):
        return False
    frame = report_frame(sentence)
    return frame is not None and frame.verb.lower() not in _OPINION and bool(_READY.search(_outside_quotes(frame.told)))


# the present perfect of fresh news ("the minister has ordered a call-up", "the navy has announced ..."),
# unless the sentence tells a tally, a stance held or a span of time ("have so far captured", "has long denied")
_TALLY = re.compile(
    r"\b(?:so far|to date|since|already|ever|yet|until now|thus far|"
    r"for (?:\w+ )?(?:years|months|weeks|decades|days))\b|\b(?:this|last) (?:year|month|decade)\b|"
    r"\b(?:around|about|nearly|almost|more than|over|at least|some|up to)\s+\d",
    _I,
)
_PERFECT_ADVERBS = frozenset("now just also officially formally reportedly finally recently".split())
# a stance held or a cause ("have rejected such claims", "have called for ...", "have caused shortages")
_STANCES = frozenset("denied rejected insisted maintained argued called led long always never repeatedly".split())
_PARTICIPLES = frozenset(
    "told met held sent struck shot won begun become taken withdrawn flown led brought fought given made left "
    "spoken sought broken hit put shut set cut lost chosen sunk sworn overthrown driven fled stood written seen "
    "said come gone run".split()
)


def _fresh_perfect(sentence: str) -> bool:
    if BACKGROUND_WORDS.search(sentence) or _TALLY.search(mask_quotes(sentence)):
        return False
    words = re.findall(r"[\w’'-]+", mask_quotes(main_part(sentence)).replace("’", "'"))
    for i, word in enumerate(words):
        w = word.lower()
        if w in ("has", "have"):
            rest = [x.lower() for x in words[i + 1 : i + 5] if x.lower() not in _PERFECT_ADVERBS]
            if not rest or rest[0] in _STANCES:
                return False
            if rest[0] == "been":  # "has been arrested" is news; "has been shipping", "was long a critic" states
                rest = rest[1:]
            return bool(rest) and (rest[0] in _PARTICIPLES or (rest[0].endswith("ed") and len(rest[0]) > 4))
        if w in ("had", "was", "were", "will", "would", "could", "may", "might", "should", "must", "can"):
            return False
        if i > 0 and w.endswith("ed") and len(w) > 4 and word[:1].islower():
            return False
    return False


# a span the telling covers ("denied trading weapons for most of the period"), and a stance told in the present
# ("Aid groups warn that ...", "Both sides deny ..."): background, not the day's news
_SPAN = re.compile(
    r"\bfor (?:most|much|all|part) of\b|\bthroughout\b|^(?:[\w’'-]+\s+){1,6}?(?-i:warn|say|deny|insist|argue|fear|"
    r"believe|claim|accuse|maintain|suspect)\s+(?:that\b|\w)",
    _I,
)


@lru_cache(maxsize=SENTENCE_MEMO)
def told_as_news(sentence: str) -> bool:
    """Whether the sentence tells its happening as a report tells what has just happened: in the simple past
    ("troops stormed a depot"), or in the present perfect of breaking news ("the defence minister has
    approved the mobilization of reservists") that no tally, stance or span of time turns into background."""
    if _SPAN.search(mask_quotes(sentence)):
        return False
    return told_in_simple_past(sentence) or _fresh_perfect(sentence)


_PROPER_NAME = re.compile(r"[A-Z][\w’'.-]+(?:\s+(?:de|da|del|van|von|al|bin|[A-Z][\w’'.-]+)){1,4}")


def _speaker(sentence: str, hits: list[Any]) -> str:
    """The person or body a statement is attributed to: the actor nearest a speech verb."""
    verbs = [m.start() for m in _SAID.finditer(sentence)] + [m.start() for m in _STRONG_SPEECH.finditer(sentence)]
    people = [h for h in hits if h.kind in (PERSON, ORGANISATION)] or [h for h in hits if h.kind == COUNTRY]
    if verbs and not people:
        # a speaker the gazetteer does not know, named as the subject of the telling ("Maria Lopez said ...")
        frame = report_frame(sentence)
        return frame.speaker if frame is not None and _PROPER_NAME.fullmatch(frame.speaker) else ""
    if not verbs or not people:
        return ""
    # "Ana Roe, the sister of the president, accused ...": a name inside an aside describes the speaker
    asides = aside_spans(sentence)
    people = [h for h in people if not any(a <= h.start < b for a, b in asides)] or people
    # the subject just before the verb ("Russian and North Korean officials said") or just after it ("said
    # Peskov"), before a name the rest of the sentence brings up ("..., on his way to meet President Putin")
    named = [h for h in hits if h.kind in (PERSON, ORGANISATION, COUNTRY)]
    named = [h for h in named if not any(a <= h.start < b for a, b in asides)] or named
    said = [m.start() for m in _SAID.finditer(sentence)]
    subjects = [h for h in named if any(_SUBJECT_OF.fullmatch(sentence, h.end, v) for v in verbs)] or [
        h for h in named if any(_INVERTED.fullmatch(sentence, v, h.start) for v in said)
    ]
    best = min(subjects or people, key=lambda h: min(abs(h.start - v) for v in verbs))
    return best.actor


# between a speaker and its verb: a few words of role or title, no clause boundary ("officials ... said"), an aside
# naming the office holder ("Iran's foreign minister, Hossein Amir-Abdollahian, blamed ...")
_ROLE_WORD = r"\s+(?!(?:and|but|for|to|of|at|in|on|with|from|that|after|before|over)\b)[\w’'-]+"
_SUBJECT_OF = re.compile(
    rf"(?:['’]s)?(?:{_ROLE_WORD}){{0,3}}?(?:,[^,]{{1,80}},)?(?:{_ROLE_WORD}){{0,4}}\s+(?:has\s+|have\s+|had\s+|also\s+|later\s+)*"
)
# a verb, then its speaker ("said Dmitry Peskov", "said the Kremlin's spokesman")
_INVERTED = re.compile(r"\w+\s+(?:(?:the|its|a)\s+)?(?:[\w’'-]+\s+){0,2}")


def statement_speaker(sentence: str, gazetteer: Gazetteer | None = None) -> str:
    """Who a statement sentence is attributed to ("" when no known actor is near a speech verb)."""
    gaz = gazetteer or default_gazetteer()
    return _speaker(sentence, gaz.find(sentence))


def detect(
    text: str, passages: list[Passage], timexes: list[Any], dct: date | None, gazetteer: Gazetteer
) -> list[EventMention]:
    """The event mentions among the passages of one cleaned article."""
    new_article()  # the titles' look-ups into earlier sentences are the article's own
    missile_context = bool(_MISSILE_NOUN.search(text))
    timexes, report_day = _updated_page(timexes, dct)
    near = _TimexIndex(timexes)
    mentions: list[EventMention] = []
    antecedents: dict[str, str] = {}  # the last person and the last body or country the article named
    recent: list[str] = []  # every actor named so far, in order
    countries: Counter[str] = Counter()  # how often each country was named so far (the title's owner of "the army")
    bodies: Counter[str] = Counter()  # how often each body was named so far (whose "allies" or "leaders" meet)
    prior = {p.index: q.text for q, p in zip(passages, passages[1:], strict=False)}  # the sentence before each
    earlier = [q.text for q in passages]  # the article's sentences in order
    position = {q.index: i for i, q in enumerate(passages)}
    news_day = lede_day(text, passages, timexes, dct)
    body = [q.text for q in passages if not is_headline(q.text)]
    lede_texts = [body[i] for i in sorted(lede(body))]
    before = {p.index: q.index for q, p in zip(passages, passages[1:], strict=False)}  # the passage before each
    told: tuple[int, frozenset[str], DateInfo] | None = None  # the last dated telling: passage, tellers, date
    body_told: tuple[int, tuple[str, frozenset[str]], DateInfo] | None = None  # the same, told by a body
    # each passage, and after a passage that tells a happening in one of its clauses, its other clauses, each as
    # a passage of its own (of the same index): "the army seized the airport and the president fled on Sunday"
    queue: deque[tuple[Passage, bool]] = deque((p, False) for p in passages)
    while queue:
        p, other_clause = queue.popleft()
        if is_headline(p.text):
            continue
        previous = dict(antecedents)
        hits = gazetteer.find(p.text)
        referent = ""  # "the agency said ...": the body named before whose name holds "agency"
        # (the names first: most sentences hold one, and that settles it without the pattern's scan)
        if recent and not any(h.kind in (PERSON, ORGANISATION) for h in hits) and _DEFINITE_TELLER.search(p.text):
            frame = report_frame(p.text)
            referent = definite_referent(frame.speaker, recent) if frame is not None else ""
        country = max(countries, key=lambda c: (countries[c], c in recent[-6:]), default="")
        group = max(bodies, key=lambda c: (bodies[c], c in recent[-6:]), default="")
        if not other_clause:  # (the passage has counted its names)
            recent.extend(h.actor for h in hits)
            countries.update(h.actor for h in hits if h.kind == COUNTRY)
            bodies.update(h.actor for h in hits if h.kind == ORGANISATION)
        for kind in ("person", "body"):  # the first named in the sentence: most often its subject
            first = next((h for h in hits if (h.kind == PERSON) == (kind == "person") and h.kind != PLACE), None)
            if first is not None:
                antecedents[kind] = first.actor
        # a second clause opened by "(a day) after" is judged by the clause it opens
        judged = p.text[len(_OPENER.match(p.text).group(0)) :] if other_clause else p.text
        event_type = classify(judged, missile_context=missile_context)
        outside = _outside_quotes(p.text)
        if tells_no_happening(p.text) and not (offers(p.text) and not is_analysis(p.text)):
            continue  # a view, a plan, a guess, a question or what may come (an offer on conditions is news)
        if _SUMMARY_LIST.match(p.text):
            continue  # "Key points: X happened; then Y; ...": the page's summary of happenings its sentences tell
        nouns = EVENT_NOUNS.get(event_type, frozenset())
        if event_type == ELECTION and _RESULT.search(outside):
            nouns = frozenset()  # a declared result dates to its declaration, not to "Sunday's election"
        timexes_near = near.within(p.start, p.end)  # the passage's own expressions, and none far from it
        own_clause = _after_clause_times(p, timexes_near, missile_context=missile_context)
        info = (
            own_clause and pick_date(p, text, own_clause, report_day, statement=event_type == STATEMENT, nouns=nouns)
        ) or pick_date(p, text, timexes_near, report_day, statement=event_type == STATEMENT, nouns=nouns)
        if info is None and news_day is not None and _BESIDE_THE_NEWS.match(p.text.strip()):
            info = news_day  # "Hours before the summit, ...": the day of the happening the report opens with
        if info is None and _NEAR_THE_LAST.match(p.text.strip()):
            # "Hours earlier, ...": the day of the last sentence before it that gives one (a few sentences back)
            back = passages[max(0, position[p.index] - _NEAR_BACK) : position[p.index]]
            info = next((d for q in reversed(back) if (d := _day_of(q, text, near, report_day))), None)
        if info is None and news_day is not None and _gathering_of_the_news(p.text, lede_texts):
            info = news_day  # "spoke to the forum by video": the gathering the report opens with, on its day
        own_times = [t for t in timexes_near if p.start <= t.start < p.end and not in_since_clause(p, text, t)]
        if info is not None and dct is not None and (dct - info.end).days > BACKGROUND_YEARS_DAYS:
            continue  # "Russia invaded Ukraine in February 2022", told in 2024: background, not the news
        if info is None and (background(p.text) or _background(p, timexes_near, dct)):
            continue  # "The panel was created in 2009": dated only by its own, older expression, or not at all
        if info is None and _ONGOING.search(outside):
            continue  # "have carried out strikes since January": a campaign under way, not a happening of a day
        if info is None and _TALLY_OF_HAPPENINGS.search(outside):
            continue  # "has fired more than a dozen missiles this year": a tally of many happenings
        if event_type is None and info is not None and _SAID.search(outside) and _QUOTE.search(p.text):
            event_type = STATEMENT  # a quoted remark the article dates: "..., X said on Thursday."
        if event_type == ATTACK and _TOLL.search(outside) and report_frame(p.text) is not None:
            # "Over 300 troops were killed, the minister has said": a count someone gives is their statement
            event_type = STATEMENT
            info = replace(info, telling=False) if info is not None else None
        if event_type is None and info is not None and info.telling and report_frame(p.text) is not None:
            event_type = STATEMENT  # a claim the article dates by its telling: "X said on Monday that ..."
            info = replace(info, telling=False)  # the telling is the statement: its day is the statement's own
        if event_type is None and info is not None and not info.telling and report_frame(p.text) is not None:
            # "the commission said on Tuesday that those who voted on July 25 had backed it": the telling is dated
            # too, and with no happening of a known kind in what it tells, the telling is the news
            said = pick_date(p, text, timexes_near, report_day, statement=True)
            if said is not None and said.text != info.text and said.precision == "day":
                event_type, info = STATEMENT, said
        if (
            event_type is None
            and info is not None
            and not info.telling
            and info.precision == "day"
            and acted(judged)
            and not re.search(re.escape(info.text) + r"['’]s\b", p.text)  # "Sunday's vote" names another happening
            and info.text not in "".join(_PARTICIPLE_TAIL.split(p.text, maxsplit=1)[1:])  # "..., citing Jan. 6's riot"
        ):
            event_type = OTHER  # "the court threw out the appeals on Monday": an act of its own day, of no set kind
        leading = None  # the leading clause that tells the happening, where the main clause tells none
        if event_type is None and info is not None and not info.telling and info.precision == "day":
            # "When parliament elected her on Wednesday, it ignored ...": the leading clause's act is the news
            lead = _LEADING_ACT.match(p.text)
            if lead and p.start + lead.start("clause") <= info.at < p.start + lead.end("clause"):
                clause = lead.group("clause")
                event_type = classify(clause, missile_context=missile_context) or (OTHER if acted(clause) else None)
                leading = (p.start, p.start + lead.end("clause"))
        if event_type is None:
            continue
        if other_clause and (info is None or not p.start <= info.at < p.end):
            continue  # a second clause is a happening of its own only on a day it gives itself
        tellers = frozenset(h.actor for h in hits if h.kind in (PERSON, ORGANISATION))
        if event_type == STATEMENT and info is None and told is not None and told[0] == before.get(p.index):
            if tellers & told[1] or (_HE_SHE.match(p.text) and told[1]):
                info = replace(told[2], telling=False)  # the same speaker going on: "Zelensky warned that ..."
        if event_type == STATEMENT and info is None and body_told is not None and body_told[0] == before.get(p.index):
            if _same_body(body_told[1], _teller_body(p.text, gazetteer)):
                info = replace(body_told[2], telling=False)  # "The ministry said on Monday ... Its spokesman said ..."
        if (
            event_type == STATEMENT
            and not (strong_speech(p.text) or offers(p.text) or vows_response(p.text) or _EVALUATES.search(outside))
            and not ((tellers or titled_name(p.text)) and _judges(p.text))
            and info is None
        ):
            continue
        if event_type == STATEMENT and _HAD_TOLD.search(main_part(outside)):
            continue  # "Officials had warned earlier this week that ...": told as background to the report's news
        if event_type == STATEMENT and info is None and _DOCUMENT_SUBJECT.match(p.text):
            continue  # "The statement blamed Seoul for the breakdown": more of a telling the report gave before
        if event_type == OTHER and (info is None or info.telling):
            continue  # an ambiguous sentence is an event only when the article dates it
        actors = tuple(dict.fromkeys([*(h.actor for h in hits if h.kind != PLACE), *([referent] if referent else [])]))
        if not any(h.kind in (PERSON, ORGANISATION) for h in hits):
            titled = titled_name(p.text)  # "Interior Minister Jane Roe": an office holder the gazetteer lacks
            actors = (*actors, titled) if titled else actors
        if not actors and initials_subject(p.text):
            actors = (initials_subject(p.text),)  # a body the gazetteer lacks, named by its initials
        places = tuple(dict.fromkeys(h.actor for h in hits if h.kind == PLACE))
        if info is not None and (info.telling or event_type == STATEMENT) and tellers:
            told = (p.index, tellers, info)
        if info is not None and (info.telling or event_type == STATEMENT):
            body = _teller_body(p.text, gazetteer)
            body_told = (p.index, body, info) if body is not None else None
        span, *other_clauses = [leading] if leading else _clauses(p, info, timexes_near)
        told_in = p  # the clause that tells the happening, where the sentence tells two
        # a leading clause or a second one without its "When ..." or "a day after ..."
        opener = len(_OPENER.match(text, span[0], span[1]).group(0)) if leading or other_clause else 0
        if span != (p.start, p.end) or opener:
            a, b = span[0] + opener, span[1]
            told_in = Passage(index=p.index, paragraph=p.paragraph, start=a, end=b, text=text[a:b])
            if not leading:  # (a leading clause was typed by its own words above)
                event_type = classify(told_in.text, missile_context=missile_context) or (
                    OTHER if acted(told_in.text) else event_type
                )
        if event_type == ATTACK and _HAZARD.search(told_in.text) and not _ARMED.search(told_in.text):
            # nature's force is no attack: "an earthquake struck", "the tsunami killed three" (of no set kind, so
            # that the quake that "struck" in one report and "hit" in the next is one happening)
            event_type = OTHER
        mentions.append(
            EventMention(
                passage=p.index,
                event_type=event_type,
                title=write_title(
                    told_in.text,
                    statement=event_type == STATEMENT,
                    time_spans=[
                        (t.start - told_in.start, t.end - told_in.start)
                        for t in timexes_near
                        if told_in.start <= t.start < told_in.end and t.type in _DATED
                    ],
                    antecedent=_antecedent(told_in.text, previous),
                    previous_sentence=prior.get(p.index, ""),
                    earlier_sentences=earlier[max(0, position[p.index] - 12) : position[p.index]],
                    country=country,
                    group=group,
                ),
                summary=p.text,
                span=span,
                actors=actors,
                places=places,
                speaker=(_speaker(p.text, hits) or referent) if event_type == STATEMENT else "",
                date=info,
                keywords=keywords(text[span[0] : span[1]]),
                simple_past=told_as_news(p.text),
                other_time=info is None and any(_another_time(t, dct, text) for t in own_times),
            )
        )
        if not other_clause:
            queue.extendleft(
                (Passage(index=p.index, paragraph=p.paragraph, start=a, end=b, text=text[a:b]), True)
                for a, b in reversed(other_clauses)
            )
    return mentions


_DATED = ("DATE", "TIME")
_WHEN = r"(?:when|once|as\s+soon\s+as)\s+"
_OPENER = re.compile(rf"(?:{_WHEN}|{AFTER_OPENER})?", _I)  # "When ...", "a day after ..."
# a clause of when or after that opens the sentence, whose main clause tells no happening of its own
_LEADING_ACT = re.compile(rf"^(?:{_WHEN}|after\s+)(?P<clause>[^,;]{{12,}}),\s+", _I)


def _clauses(p: Passage, info: DateInfo | None, timexes: list[Any]) -> list[tuple[int, int]]:
    """The parts of the passage that tell different happenings, as offsets into the article's text: first the
    one that tells the mention's (the one holding its date), then the others (spans.happening_clauses)."""
    at = info.at - p.start if info is not None and p.start <= info.at < p.end else None
    times = [
        (t.start - p.start, t.range_start)
        for t in timexes
        if p.start <= t.start < p.end and t.type in _DATED and t.range_start is not None
    ]
    day = info.start if info is not None else None
    return [(p.start + a, p.start + b) for a, b in happening_clauses(p.text, at, day, times)]


# a clause told after the sentence's main one: "Crews searched the ruins on Sunday after a storm hit on Saturday"
_AFTER = re.compile(
    r"(?<!\bhours)(?<!\bdays)(?<!\bweeks)(?<!\bshortly)(?<!\bsoon)(?<!\bjust)(?<!\bthe day)(?<!\bmoments)"
    r"\s+(?:after|following)\s+(?=(?:the|a|an|its|their|his|her|this|that)\s|(?-i:[A-Z]))",
    _I,
)


def _after_clause_times(p: Passage, timexes: list[Any], *, missile_context: bool) -> list[Any]:
    """The time expressions of a trailing "after" clause that holds the sentence's happening, when its main clause
    holds none ("Crews searched the ruins on Sunday after a storm hit the coast late on Saturday": the storm is
    the news the sentence carries, and Saturday its day; the search on Sunday is its aftermath). Empty otherwise."""
    m = _AFTER.search(p.text)
    if m is None:
        return []
    main, after = _outside_quotes(p.text[: m.start()]), _outside_quotes(p.text[m.end() :])
    if _kind_of_act(main, missile_context=missile_context, late=False) or _kind_of_act(
        main, missile_context=missile_context, late=True, strict=False
    ):
        return []
    if (
        strong_speech(main)
        or _SAID.search(main)
        or not (
            _kind_of_act(after, missile_context=missile_context, late=False)
            or _kind_of_act(after, missile_context=missile_context, late=True, strict=False)
            or strong_speech(after)
        )
    ):
        return []
    return [t for t in timexes if t.start >= p.start + m.end()]


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _updated_page(timexes: list[Any], dct: date | None) -> tuple[list[Any], date | None]:
    """A live page updated the day after its recorded date, whose text gives that next day in full ("April 14,
    2024" on a page of April 13): the report reaches into that day, and a bare weekday naming it ("at 3:30 a.m.
    on Sunday") is that day, not the same weekday a week before. Returns the expressions and the last day the
    report may tell of."""
    if dct is None:
        return timexes, dct
    next_day = dct + timedelta(days=1)
    if not any(t.anchor_kind == "absolute" and t.precision == "day" and t.range_start == next_day for t in timexes):
        return timexes, dct
    name = _WEEKDAY_NAMES[next_day.weekday()]
    week_before = dct - timedelta(days=6)
    moved = [
        replace(t, range_start=next_day, range_end=next_day, value=next_day.isoformat() + t.value[10:])
        if t.anchor_kind == "dct" and t.range_start == week_before and name in t.text.lower()
        else t
        for t in timexes
    ]
    return moved, next_day


# a sentence that places its happening beside the report's main one: "Hours before the summit, ...", "After the
# parade, ...": on the day the report's opening sentences give
_BESIDE_THE_NEWS = re.compile(
    r"^(?:(?:hours|minutes|moments|shortly|just|soon)\s+(?:before|after)|(?:after|before|during|following|"
    r"on the sidelines of|at the end of)\s+)\s*the\s+(?:[\w-]+\s+){0,2}?(?:summit|parade|talks|meeting|visit|"
    r"ceremony|launch|vote|election|speech|address|funeral|inauguration|signing|rally|session|conference)\b",
    _I,
)


# a sentence placed hours from the one before it: "Hours earlier, ...", "Later that day, ...", "That evening, ..."
_NEAR_THE_LAST = re.compile(
    r"^(?:(?:hours|minutes|moments)\s+(?:earlier|later)|(?:earlier|later)\s+(?:that|the\s+same)\s+"
    r"(?:day|morning|afternoon|evening|night)|(?:that|in\s+the)\s+(?:same\s+)?(?:morning|afternoon|evening|night))\s*,",
    _I,
)


_NEAR_BACK = 3  # how many sentences back "Hours earlier" may look for the day it counts from


def _day_of(passage: Passage, text: str, near: _TimexIndex, report_day: date | None) -> DateInfo | None:
    """The day a sentence gives its happening (None when it gives none finer than a day)."""
    info = pick_date(passage, text, near.within(passage.start, passage.end), report_day, statement=False)
    return replace(info, telling=False) if info is not None and info.precision == "day" else None


# a gathering named with the definite article ("spoke to the forum", "at the summit"): the one the report opens with
_THE_GATHERING = re.compile(
    r"\b(?:to|at|before|addressed|attended|joined)\s+the\s+(?:[\w-]+\s+){0,2}?(?P<noun>forum|summit|conference|"
    r"session|assembly|congress|gathering|rally|ceremony)\b",
    _I,
)


def _gathering_of_the_news(sentence: str, lede_texts: list[str]) -> bool:
    """Whether the sentence places its happening at a gathering that the report's opening sentences name."""
    m = _THE_GATHERING.search(_outside_quotes(sentence))
    if m is None:
        return False
    noun = re.compile(rf"\b{m.group('noun')}\b", _I)
    return any(noun.search(t) for t in lede_texts if t != sentence)


def lede_day(text: str, passages: list[Passage], timexes: list[Any], dct: date | None) -> DateInfo | None:
    """The day the report's opening sentences give its news, when they give one within days of the report."""
    if dct is None:
        return None
    body = [p for p in passages if not is_headline(p.text)]
    for i in sorted(lede([p.text for p in body])):
        info = pick_date(body[i], text, timexes, dct)
        if info is not None and info.precision == "day" and 0 <= (dct - info.start).days <= RECENT_DAYS:
            return info
    return None


class _TimexIndex:
    """The time expressions that start within a span of the text, found by bisection when the tagger gives them
    in order of their start (it does), so that each passage looks at its own and not at all of the article's."""

    def __init__(self, timexes: list[Any]) -> None:
        self.timexes = timexes
        self.starts = [t.start for t in timexes]
        self.ordered = all(a <= b for a, b in zip(self.starts, self.starts[1:], strict=False))

    def within(self, start: int, end: int) -> list[Any]:
        """Every expression starting from `start` to `end` (inclusive), in the order given."""
        if not self.ordered:
            return [t for t in self.timexes if start <= t.start <= end]
        return self.timexes[bisect_left(self.starts, start) : bisect_right(self.starts, end)]


# how long the happening itself lasted: "met for about half a day", "talked for two days"
_LASTED = re.compile(
    r"\bfor\s+(?:about|around|nearly|almost|some|just|only|over|more than|less than)?\s*(?:half\s+)?$", _I
)


def _another_time(t: Any, dct: date | None, text: str = "") -> bool:
    """Whether a time expression places its sentence at another time than the report's days ("last year", "in
    the last few weeks"); "by Friday morning" in a report of that Friday, "in the hours before", or how long the
    happening lasted ("met for a day"), does not."""
    if t.type == "DURATION":
        if re.fullmatch(r"P[1-6]D", str(t.value)) and _LASTED.search(text[max(0, t.start - 24) : t.start]):
            return False
        if text and (_QUANTITY_OF_TIME.match(text, t.end) or "-" in t.text):
            return False  # "to fund three months of relief", "a three-year loan": an amount, not a time of the sentence
        return not str(t.value).startswith("PT")
    if t.type not in _DATED:
        return False
    if t.range_start is None or t.range_end is None or dct is None:
        return True
    return not (0 <= (dct - t.range_end).days <= RECENT_DAYS and t.range_start <= dct)


_QUANTITY_OF_TIME = re.compile(r"\s+of\s+(?!(?:the|this|last|next|that)\b)")
BACKGROUND_YEARS_DAYS = 365  # a happening dated this long before its report is told as background
BACKGROUND_DAYS = 180  # a time expression this long before the article tells of background, not of the news


def _background(p: Passage, timexes: list[Any], dct: date | None) -> bool:
    """Whether the sentence's own time expressions all lie long before the article (and none dates it)."""
    if dct is None:
        return False
    own = [t for t in timexes if p.start <= t.start < p.end and t.type in _DATED and t.range_end is not None]
    return bool(own) and all((dct - t.range_end).days > BACKGROUND_DAYS for t in own)


# the bodies that speak through their staff: "the foreign ministry in Lima said ..." and, next, "foreign ministry
# spokeswoman Ana Ruiz said ..." tell one telling
_BODY = re.compile(
    r"\b(?:(?:foreign|defen[cs]e|interior|justice|finance|economy|trade|health|emergenc(?:y|ies)|state)\s+"
    r"(?:ministry|department|office)|embassy|kremlin|white house|pentagon|presidency|general staff|government|"
    r"foreign office|army|navy)\b",
    _I,
)


def speaking_bodies(sentence: str) -> set[str]:
    """The bodies that speak through their staff a sentence names ("foreign ministry", "kremlin"), lowercased."""
    return {" ".join(m.group(0).lower().split()) for m in _BODY.finditer(sentence)}


def _teller_body(sentence: str, gazetteer: Gazetteer) -> tuple[str, frozenset[str]] | None:
    """The body a telling is attributed to (its name in lower case) and the countries its speaker names."""
    frame = report_frame(sentence)
    if frame is None:
        return None
    m = _BODY.search(frame.speaker)
    if m is None:
        return None
    countries = frozenset(h.actor for h in gazetteer.find(frame.speaker) if h.kind == COUNTRY)
    return " ".join(m.group(0).lower().split()), countries


def _same_body(a: tuple[str, frozenset[str]], b: tuple[str, frozenset[str]] | None) -> bool:
    """Whether two tellings come from one body: the same kind of body, of no other country."""
    return b is not None and a[0] == b[0] and (not a[1] or not b[1] or bool(a[1] & b[1]))


_DEFINITE_TELLER = re.compile(rf"(?:^|,\s+)the\s+(?:[\w-]+\s+){{0,3}}?(?:{'|'.join(speech.TELLING)})\b", _I)
_ONGOING = re.compile(r"\b(?:has|have)\s+(?:been\s+)?(?:\w+\s+)?(?-i:[a-z]+(?:ed|en|t))\b.{0,120}\bsince\b", _I)
# a count of happenings over a span, in the perfect: "has launched more than a dozen missiles this year", "have
# carried out 14 strikes so far": a tally of many, not one happening of a day
_TALLY_OF_HAPPENINGS = re.compile(
    r"\b(?:has|have)\s+(?:now\s+|already\s+|so far\s+)?(?-i:[a-z]+(?:ed|en|t))\s+(?:\w+\s+){0,3}?"
    r"(?:more than |over |about |nearly |at least |some )?(?:a dozen|dozens of|scores of|several|\d+|two|three|four|five|"
    r"six|seven|eight|nine|ten|eleven|twelve|\w+teen|\w+ty)\s+(?:\w+\s+){0,3}?"
    r"(?:missiles|rockets|launches|tests|strikes|attacks|raids|drills|exercises|rounds)\b"
    r".{0,60}?\b(?:this year|so far|to date|since\b|until now|thus far|in recent (?:weeks|months))",
    _I,
)
_HE_SHE = re.compile(r"^\s*(?:he|she)\b", _I)
# a text the report named before, as the subject that goes on telling: "The statement blamed ...", "The letter said"
_DOCUMENT_SUBJECT = re.compile(
    r"^\s*(?:the|that|this|its|their)\s+(?:statement|communiqu[ée]|letter|declaration|document|text|notice|message)\s",
    _I,
)
_IT_THEY = re.compile(r"^\s*(?:it|they)\b", _I)


def _antecedent(sentence: str, previous: dict[str, str]) -> str:
    """The actor a sentence's leading pronoun stands for: the person or the body named last before it."""
    if _HE_SHE.match(sentence):
        return previous.get("person", "")
    if _IT_THEY.match(sentence):
        return previous.get("body", "")
    return ""


guard_patterns(globals())  # every pattern above first looks for its words with str.find (prefilter.py)
