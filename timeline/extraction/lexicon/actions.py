"""Verbs by which the news tells that someone did something: the past forms of acts, not of speech or of views.

A sentence whose main clause acts with one of these verbs, on a day the sentence itself gives, reports a
happening even when no rule of a specific kind knows it ("the court threw out the appeals on Monday", "the
tanker left Iranian waters on Friday"). Speech verbs live in speech.py; verbs that tell a state or a view
("remained", "seemed", "believed") are not here.
"""

from __future__ import annotations

# Past forms, one word each; two-word acts are listed with their particle ("threw out").
ACTION_PAST = frozenset(
    (
        "abandoned abducted abolished abstained accepted accused acquitted adopted advanced agreed airlifted "
        "allowed annexed annulled appointed approved arrested arrived asked assassinated assaulted attacked "
        "authorised authorized awarded banned barred besieged blacklisted blew blocked bombarded bombed "
        "boycotted breached broke brought burned burnt canceled cancelled capsized captured carried cast ceded "
        "charged clashed closed collapsed completed concluded condemned conducted confiscated convened convicted "
        "crashed crossed cut damaged decreed defaulted defeated defected deferred delayed delivered demolished "
        "departed deployed deported derailed designated destroyed detained devalued disappeared dismantled dismissed "
        "dispatched dissolved docked donated downed dropped drove ejected elected enacted encircled ended endorsed "
        "entered erupted evacuated exchanged executed expelled exploded extended extradited fell filed finalised "
        "finalized fined fired flattened fled flew flooded forced freed froze gave granted halted handed hanged "
        "held hijacked hit hosted imposed impounded inaugurated indicted infiltrated injured intercepted introduced invaded "
        "invited issued jailed kidnapped killed landed launched leaked led left liberated lifted lodged looted "
        "lost marched massacred met mobilised mobilized moved named nationalised nationalized nominated occupied "
        "offered opened ordered ousted overran overturned paid pardoned passed paused postponed pounded published pulled "
        "quit raided raised ransacked ratified reached rebuffed recalled recaptured received recognised recognized "
        "reduced refused rejected released relocated removed reopened repatriated replaced rescinded rescued "
        "resigned restored resumed retook returned revoked rode ruled sacked sailed sanctioned sank scrapped "
        "seized sent sentenced severed shelled shook shot shut signed slashed spilled spilt stabbed staged stationed "
        "stormed struck sued summoned surrendered suspended swapped swept took toppled tore torched toured transferred "
        "unveiled upheld vacated vanished vetoed visited voted walked withdrew won wounded"
    ).split()
)
# two-word acts: the verb and its particle ("pushed back the deadline", "called off the talks")
PHRASAL_PAST = frozenset(
    (
        "threw_out pushed_back called_off broke_off cut_off set_off shut_down took_over handed_over pulled_out "
        "sworn_in walked_out drove_out flew_out moved_out brought_forward carried_out stepped_down weighed_anchor let_go came_into "
        "entered_into took_effect gunned_down went_missing"
    ).split()
)
