"""The verbs of the news and their forms: base, past, participle, third person (for headlines in the present).

A closed list of the verbs that report happenings; the regular forms are derived from the base form, the
irregular ones are listed. A verb not in the list keeps the tense the sentence gives it.
"""

from __future__ import annotations

from functools import lru_cache

# Verbs of the news, in their base form; regular past, participle and third person are derived from these.
BASES = (
    "accuse adopt agree allege announce annex approve arrest arrive assassinate attack ban block blame bomb "
    "call capture cease claim close condemn conduct confirm cross declare deliver demand deny deploy destroy detain "
    "dismiss dispatch elect end evacuate expand expel extend fail fire free hand host impose invade join kill "
    "land launch lift mass move name offer open order place pledge praise promise protest publish raid ratify recapture "
    "reject release issue report resign restrict return sanction seize shell sign stage station suspend supply target "
    "test test-fire threaten tighten topple track transfer urge veto visit vow warn welcome withdraw wound "
    "accept advance amend appoint back breach cancel charge collapse convict crash criticise criticize dissolve "
    "drop endorse enter evacuate execute expel halt inaugurate intercept investigate monitor nominate observe "
    "oppose oust pass patrol pause postpone propose reach recall reopen repel resume retreat sail sentence storm "
    "summon support surround unveil violate vote "
    # more of what reports tell people and bodies doing
    "abduct acknowledge acquit admit apologise apologize appear ask besiege bury celebrate collide commemorate "
    "concede convene demolish denounce deport detonate devalue disclose disrupt drown encircle enact erupt explode "
    "extradite flatten hospitalise hospitalize identify imprison injure kidnap liberate mourn occupy overturn pull "
    "rattle recover regain reinstate retake reveal strand sue unfreeze receive"
).split()
# verbs whose base is as often a noun ("a prisoner swap", "the rescue"): known by their past form only, so that
# "swapped" takes the headline present while "swap" is never read as a verb
PAST_ONLY_BASES = (
    "ambush appeal board clash damage delay default jail mark pardon push rescue reshuffle sack swap torch tour".split()
)
IRREGULAR = {  # past / participle -> base
    "said": "say",
    "told": "tell",
    "met": "meet",
    "held": "hold",
    "sent": "send",
    "struck": "strike",
    "shot": "shoot",
    "won": "win",
    "began": "begin",
    "begun": "begin",
    "became": "become",
    "took": "take",
    "taken": "take",
    "withdrew": "withdraw",
    "withdrawn": "withdraw",
    "flew": "fly",
    "flown": "fly",
    "led": "lead",
    "brought": "bring",
    "fought": "fight",
    "gave": "give",
    "given": "give",
    "made": "make",
    "left": "leave",
    "spoke": "speak",
    "sought": "seek",
    "broke": "break",
    "broken": "break",
    "hit": "hit",
    "put": "put",
    "shut": "shut",
    "set": "set",
    "cut": "cut",
    "lost": "lose",
    "chose": "choose",
    "chosen": "choose",
    "rose": "rise",
    "sank": "sink",
    "sunk": "sink",
    "swore": "swear",
    "sworn": "swear",
    "overthrew": "overthrow",
    "overthrown": "overthrow",
    "drove": "drive",
    "driven": "drive",
    "fled": "flee",
    "stood": "stand",
    "wrote": "write",
    "written": "write",
    "broadcast": "broadcast",
    "upheld": "uphold",
    "spent": "spend",
    "found": "find",
    "paid": "pay",
    "blew": "blow",
    "fell": "fall",
    "froze": "freeze",
    "sold": "sell",
    "bought": "buy",
    "caught": "catch",
    "quit": "quit",
    "kept": "keep",
    "ran": "run",
    "swept": "sweep",
    "shook": "shake",
    "tore": "tear",
    "overran": "overrun",
    "threw": "throw",
    "thrown": "throw",
    "travelled": "travel",
    "traveled": "travel",
}
PARTICIPLE_PAST = {
    "begun": "began",
    "taken": "took",
    "given": "gave",
    "flown": "flew",
    "withdrawn": "withdrew",
    "broken": "broke",
    "chosen": "chose",
}
_DOUBLED = {
    "ban": "banned",
    "plan": "planned",
    "stop": "stopped",
    "ship": "shipped",
    "expel": "expelled",
    "repel": "repelled",
    "patrol": "patrolled",
    "cancel": "cancelled",
    "drop": "dropped",
    "swap": "swapped",
    "kidnap": "kidnapped",
}


def past(base: str) -> str:
    if base in _DOUBLED:
        return _DOUBLED[base]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ied"
    return base + "ed"


def third_person(base: str) -> str:
    """The present third person singular of a base form ("launch" -> "launches", "ratify" -> "ratifies",
    "veto" -> "vetoes")."""
    if base.endswith(("s", "sh", "ch", "x", "z")) or (base.endswith("o") and base[-2:-1] not in "aeiou"):
        return base + "es"
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return base[:-1] + "ies"
    return base + "s"


@lru_cache(maxsize=1)
def past_to_base() -> dict[str, str]:
    table = {past(b): b for b in BASES}
    table.update({past(b): b for b in PAST_ONLY_BASES})
    table.update(IRREGULAR)
    return table


PRESENT = (
    {third_person(b) for b in BASES}
    | set(BASES)
    | {third_person(b) for b in IRREGULAR.values()}
    | set(IRREGULAR.values())
)
# the headline present of the verbs known by their past only: "swaps" is a verb; "swap" is one after a subject
# that names someone or is plural ("Georgia and Russia swap prisoners"), a noun after an article ("a swap")
PAST_ONLY_THIRD = frozenset(third_person(b) for b in PAST_ONLY_BASES)


def past_only_present(word: str, before: str) -> bool:
    """Whether `word` (lower case) is the headline present of a verb known by its past only, given the word
    before it as written."""
    if word in PAST_ONLY_THIRD:
        return True
    bare = before.strip(",;:")
    return word in PAST_ONLY_BASES and (bare[:1].isupper() or (bare.endswith("s") and not bare.endswith(("'s", "’s"))))
