"""Verbs of speech and report: the words with which the news attributes what someone said.

One vocabulary; the rules that need a narrower set take it from here by name.
"""

from __future__ import annotations

# Past forms of the verbs that report speech or a judgement ("said", "warned", "estimated").
REPORT_PAST = (
    "said told announced confirmed reported claimed warned stated added insisted admitted revealed disclosed "
    "acknowledged believed estimated replied answered noted wrote argued alleged declared denied vowed pledged "
    "promised threatened predicted explained suggested assessed"
).split()
# Present and base forms of the same verbs ("says", "say", "warns", "warn").
REPORT_PRESENT = (
    "says say tells announces confirms reports claims warns states adds insists admits reveals discloses "
    "acknowledges believes believe estimates replies notes writes argues alleges declares denies vows pledges "
    "promises threatens predicts explains suggests assesses tell announce confirm report claim warn state add insist "
    "admit reveal acknowledge estimate note write argue allege declare deny vow pledge promise threaten predict"
).split()

# Plain attribution: the verbs that only say who spoke ("..., the ministry said").
ATTRIBUTION = ("said", "says", "told", "stated", "added")
# Attribution that may introduce the very words quoted or paraphrased in a headline.
QUOTING = (*ATTRIBUTION, "say", "replied", "answered", "noted", "wrote", "explained")
# Attribution that dates the saying rather than the happening when a day follows ("announced on Monday").
DATED_SAYING = (*ATTRIBUTION, "announced", "confirmed", "reported", "claimed", "disclosed", "revealed")
# Attribution after a definite description of the source ("the agency reported").
TELLING = (*ATTRIBUTION, "reported")
