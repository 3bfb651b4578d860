"""The kinds of happening the timeline tells apart. The database's choices are built from this list."""

from __future__ import annotations

MISSILE_TEST = "missile test"
TROOP_DEPLOYMENT = "troop deployment"
DIPLOMATIC_MEETING = "diplomatic meeting"
STATEMENT = "statement"
SANCTIONS = "sanctions"
ATTACK = "attack"
AGREEMENT = "agreement"
ELECTION = "election"
MILITARY_EXERCISE = "military exercise"
OTHER = "other"

EVENT_TYPES = (
    MISSILE_TEST,
    TROOP_DEPLOYMENT,
    DIPLOMATIC_MEETING,
    STATEMENT,
    SANCTIONS,
    ATTACK,
    AGREEMENT,
    ELECTION,
    MILITARY_EXERCISE,
    OTHER,
)
