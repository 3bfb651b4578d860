"""Scoring stored events against a gold file (the format of shared/gold/seeds.json).

A system event matches a gold event when one of its source passages contains one of the gold quotes
(case-insensitive, whitespace collapsed, curly quotes folded). Plain Python: the command gathers the
stored events into SystemEvent values and prints the Report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "\u00a0": " "})
_FINE = {"day", "week"}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip().lower()


@dataclass(frozen=True)
class Source:
    article: str  # the article's file name, as in the gold file
    passage: str


@dataclass(frozen=True)
class SystemEvent:
    key: str  # slug
    date_start: date | None
    date_end: date | None
    precision: str
    sources: tuple[Source, ...]


@dataclass
class GoldResult:
    key: str
    tier: str
    matched: list[str] = field(default_factory=list)  # system event keys
    date_ok: bool = False
    mentions_total: int = 0
    mentions_linked: int = 0
    unlinked: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.matched)

    @property
    def split(self) -> bool:
        return len(self.matched) > 1


@dataclass
class Report:
    gold: list[GoldResult]
    negative_events: list[tuple[str, str]]  # (system event, quote)
    unmatched: list[str]

    def tier(self, tier: str) -> list[GoldResult]:
        return [g for g in self.gold if g.tier == tier]

    @property
    def targets_met(self) -> bool:
        required = self.tier("required")
        return (
            all(g.found and g.date_ok for g in required)
            and all(g.mentions_linked == g.mentions_total for g in required)
            and not any(g.split for g in self.gold if g.tier in ("required", "stretch"))
            and not self.negative_events
            and len(self.unmatched) <= 3
        )


def _contains(event: SystemEvent, quote: str, article: str | None = None) -> bool:
    q = normalise(quote)
    return any(q in normalise(s.passage) for s in event.sources if article is None or s.article == article)


def _date_ok(event: SystemEvent, gold: dict) -> bool:
    if event.date_start is None:
        return False
    value = gold.get("date", "")
    if "/" in value:
        start, end = (date.fromisoformat(v) for v in value.split("/"))
        ev_end = event.date_end or event.date_start
        return event.precision in _FINE and event.date_start <= end and start <= ev_end
    accepted = {value, gold.get("date_also_accepted", "")} - {""}
    return event.precision == "day" and event.date_start.isoformat() in accepted


def score(gold: dict, events: list[SystemEvent]) -> Report:
    results = []
    matched_any: set[str] = set()
    for g in gold.get("events", []):
        quotes = [(art, q) for art, qs in g.get("mentions", {}).items() for q in qs]
        res = GoldResult(key=g["key"], tier=g.get("tier", "required"), mentions_total=len(quotes))
        hits = [e for e in events if any(_contains(e, q) for _, q in quotes)]
        res.matched = [e.key for e in hits]
        matched_any.update(res.matched)
        res.date_ok = any(_date_ok(e, g) for e in hits) if "date" in g else bool(hits)
        for art, q in quotes:
            if any(_contains(e, q, art) for e in hits):
                res.mentions_linked += 1
            else:
                res.unlinked.append(f"{art}: {q}")
        results.append(res)
    negatives = []
    for art, qs in gold.get("negatives", {}).get("quotes", {}).items():
        for q in qs:
            negatives += [(e.key, q) for e in events if _contains(e, q, art)]
    unmatched = [e.key for e in events if e.key not in matched_any]
    return Report(gold=results, negative_events=negatives, unmatched=unmatched)


def format_report(report: Report, total_events: int) -> str:
    lines = []
    for tier in ("required", "stretch"):
        rows = report.tier(tier)
        ok = [g for g in rows if g.found and g.date_ok]
        lines.append(f"{tier} events found with the right date: {len(ok)}/{len(rows)}")
        for g in rows:
            if not g.found:
                lines.append(f"  missing: {g.key}")
            elif not g.date_ok:
                lines.append(f"  wrong date: {g.key} ({', '.join(g.matched)})")
    required = report.tier("required")
    linked = sum(g.mentions_linked for g in required)
    total = sum(g.mentions_total for g in required)
    lines.append(f"required mentions linked: {linked}/{total}")
    for g in required:
        for u in g.unlinked:
            lines.append(f"  not linked: {g.key}: {u}")
    stretch = report.tier("stretch")
    lines.append(
        f"stretch mentions linked: {sum(g.mentions_linked for g in stretch)}/{sum(g.mentions_total for g in stretch)}"
    )
    split = [g for g in report.gold if g.tier != "optional" and g.split]
    lines.append(f"gold events split over several events: {len(split)}")
    for g in split:
        lines.append(f"  {g.key}: {', '.join(g.matched)}")
    lines.append(f"events built on a negative passage: {len(report.negative_events)}")
    for key, quote in report.negative_events:
        lines.append(f"  {key}: {quote}")
    lines.append(f"events matching no gold event: {len(report.unmatched)} (of {total_events})")
    for key in report.unmatched:
        lines.append(f"  {key}")
    lines.append(f"targets met: {'yes' if report.targets_met else 'no'}")
    return "\n".join(lines)
