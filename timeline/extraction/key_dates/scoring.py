"""How important a day is, from the evidence a collection holds about it, and which days to pick.

Every weight is in ``WEIGHTS`` (and the kinds of happening in ``TYPE_WEIGHTS``). Each count is put on a log
scale against the largest count of its kind among the candidate days, so one weight means the same in a
collection of 30 reports as in one of 3,000. The days are then picked greedily, best first; a day within
``spread_days`` of a day already picked is worth less (two days of one happening are one entry of a timeline).
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass, fields
from datetime import date

# How much a day weighs by the weightiest kind of happening reported on it. Happenings that change the
# situation (violence, votes, deals, sanctions, deployments) outweigh words about it.
TYPE_WEIGHTS: dict[str, float] = {
    "attack": 1.0,
    "election": 1.0,
    "agreement": 0.9,
    "sanctions": 0.8,
    "troop deployment": 0.8,
    "missile test": 0.8,
    "military exercise": 0.5,
    "diplomatic meeting": 0.6,
    "other": 0.6,
    "statement": 0.3,
}


@dataclass(frozen=True)
class Weights:
    sources: float  # publishers reporting a happening dated to the day
    references: float  # reports naming the day in a sentence, published on the day or soon after
    later_references: float  # reports published later that look back at the day ("since the coup on 1 February")
    published_after: float  # reports published on the day or within `after_days` after it
    kind: float  # the weightiest kind of happening of the day (TYPE_WEIGHTS)
    after_days: int  # how long after a day its coverage counts as about it
    later_days: int  # how long after a day a report counts as looking back
    spread_days: int  # days this close to a picked day are worth less
    spread_penalty: float  # what they keep of their score, per picked day that close
    min_reference_articles: int  # a day no event is dated to needs this many reports naming it...
    span_margin_days: int  # ...and must lie within the collection's period (from this long before its first report)
    unknown_kind: float  # the kind weight of a day only named in sentences (no event dated to it: kind unknown)
    later_prior: float  # 0: look-backs counted as they are; above 0: as a share of the reports published later,
    # smoothed by this many reports (a day near the end of a collection has had little time to be looked back at)


WEIGHTS = Weights(
    sources=1.0,
    references=1.0,
    later_references=1.5,
    published_after=0.5,
    kind=0.5,
    after_days=2,
    later_days=2,
    spread_days=1,
    spread_penalty=0.5,
    min_reference_articles=2,
    span_margin_days=7,
    unknown_kind=0.6,
    later_prior=5.0,
)


@dataclass(frozen=True)
class DayEvidence:
    day: date
    events: int = 0  # happenings dated to the day (day precision)
    sources: int = 0  # their publishers, summed over the happenings
    references: int = 0  # reports naming the day, published on it or before `later_days` passed
    later_references: int = 0  # reports naming the day, published `later_days` or more after it
    published_after: int = 0  # reports published on the day or within `after_days` after it
    published_later: int = 0  # reports published `later_days` or more after the day (that could look back)
    kind: float = 0.0  # TYPE_WEIGHTS of the weightiest kind of happening that day


@dataclass(frozen=True)
class ScoredDay:
    day: date
    score: float


_COUNTS = ("sources", "references", "later_references", "published_after")


def type_weight(event_type: str) -> float:
    return TYPE_WEIGHTS.get(event_type, TYPE_WEIGHTS["other"])


def day_scores(evidence: list[DayEvidence], weights: Weights = WEIGHTS) -> dict[date, float]:
    """Each day's score: the weighted sum of its counts, each on a log scale against the largest of its kind."""
    values = {e.day: _counts(e, weights) for e in evidence}
    tops = {name: max((v[name] for v in values.values()), default=0) for name in _COUNTS}
    scores = {}
    for e in evidence:
        total = weights.kind * (e.kind if e.events else weights.unknown_kind)
        for name in _COUNTS:
            top = tops[name]
            if top:
                total += getattr(weights, name) * math.log1p(values[e.day][name]) / math.log1p(top)
        scores[e.day] = total
    return scores


def _counts(e: DayEvidence, weights: Weights) -> dict[str, float]:
    counts = {name: float(getattr(e, name)) for name in _COUNTS}
    if weights.later_prior > 0:
        # as a share of the reports that could look back, in the units of a count (per hundred reports)
        counts["later_references"] = 100 * e.later_references / (e.published_later + weights.later_prior)
    return counts


def pick_days(evidence: list[DayEvidence], count: int, weights: Weights = WEIGHTS) -> list[ScoredDay]:
    """The `count` best days in date order, each day near an already picked one discounted (lazy greedy:
    a discount only lowers a score, so a day still on top after its discount is the best left)."""
    if count <= 0:
        return []
    scores = day_scores(evidence, weights)
    heap = [(-score, day.toordinal(), 0) for day, score in scores.items()]
    heapq.heapify(heap)
    picked: dict[int, float] = {}
    while heap and len(picked) < count:
        negative, ordinal, seen = heapq.heappop(heap)
        near = sum(1 for o in range(ordinal - weights.spread_days, ordinal + weights.spread_days + 1) if o in picked)
        if near != seen:
            discounted = scores[date.fromordinal(ordinal)] * weights.spread_penalty**near
            heapq.heappush(heap, (-discounted, ordinal, near))
            continue
        picked[ordinal] = -negative
    return [ScoredDay(day=date.fromordinal(o), score=round(s, 4)) for o, s in sorted(picked.items())]


def weights_with(**changes: float) -> Weights:
    """WEIGHTS with some values changed (for measuring one weight at a time)."""
    values = {f.name: getattr(WEIGHTS, f.name) for f in fields(Weights)}
    values.update(changes)
    return Weights(**values)  # type: ignore[arg-type]
