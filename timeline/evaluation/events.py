"""Scoring stored events against a gold file (the format of shared/gold/seeds.json).

A system event matches a gold event when one of its source passages from an article of that gold event
contains one of the gold event's quotes for that article (case-insensitive, whitespace collapsed, curly
quotes folded). An event shown is clean when it matches exactly one gold event, carries that event's date
and has no negative passage among its sources. Plain Python: the command gathers the stored events into
SystemEvent values and prints the Report.
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
    title: str = ""

    def date_text(self) -> str:
        if self.date_start is None:
            return "undated"
        end = self.date_end or self.date_start
        span = self.date_start.isoformat() if end == self.date_start else f"{self.date_start}/{end}"
        return f"{span} {self.precision}"


@dataclass
class GoldResult:
    key: str
    tier: str
    matched: list[str] = field(default_factory=list)  # system event keys
    date_ok: bool = False
    mentions_total: int = 0
    mentions_linked: int = 0
    unlinked: list[str] = field(default_factory=list)
    # matched events that name this happening only beside their own: each of their passages holding its quotes
    # also holds a quote of a gold event the event stands for ("the third launch, after May's failure")
    beside: list[str] = field(default_factory=list)

    @property
    def found(self) -> bool:
        return bool(self.matched)

    @property
    def split(self) -> bool:
        return len(self.matched) > 1

    @property
    def split_apart_from_background(self) -> bool:
        """Split over events that tell of it as their own happening (or of no one happening)."""
        return len([k for k in self.matched if k not in self.beside]) > 1


@dataclass
class EventResult:
    """One event shown, judged against the gold.

    Each source passage stands for the gold events whose quotes it holds (one sentence may name a happening
    and, as background, another). The event stands for the gold events every such passage shares: none
    shared is a wrong merge; no passage holding any quote is a false alarm.
    """

    event: SystemEvent
    gold: list[str] = field(default_factory=list)  # the gold events all its quoted passages share
    pieces: list[str] = field(default_factory=list)  # every gold event any of its passages holds
    date_ok: bool = False  # its date is right for one of the shared gold events
    negatives: list[str] = field(default_factory=list)  # negative quotes among its sources

    @property
    def false_alarm(self) -> bool:
        return not self.pieces

    @property
    def wrong_merge(self) -> bool:
        return bool(self.pieces) and not self.gold

    @property
    def misdated(self) -> bool:
        return bool(self.gold) and not self.date_ok

    @property
    def clean(self) -> bool:
        return bool(self.gold) and self.date_ok and not self.negatives

    def faults(self, gold_dates: dict[str, str]) -> list[str]:
        out = []
        if self.false_alarm:
            out.append("false alarm (matches no gold event)")
        if self.wrong_merge:
            out.append(f"wrong merge of {', '.join(self.pieces)}")
        if self.misdated:
            wanted = " or ".join(gold_dates.get(k, "?") for k in self.gold)
            out.append(f"misdated: {self.event.date_text()}, gold {wanted}")
        out += [f"negative source: {q}" for q in self.negatives]
        return out


@dataclass
class Report:
    gold: list[GoldResult]
    negative_events: list[tuple[str, str]]  # (system event, quote)
    unmatched: list[str]
    events: list[EventResult] = field(default_factory=list)
    gold_dates: dict[str, str] = field(default_factory=dict)

    def tier(self, tier: str) -> list[GoldResult]:
        return [g for g in self.gold if g.tier == tier]

    @property
    def clean(self) -> list[EventResult]:
        return [e for e in self.events if e.clean]

    @property
    def required_dated(self) -> list[GoldResult]:
        return [g for g in self.tier("required") if g.found and g.date_ok]

    @property
    def required_split(self) -> list[GoldResult]:
        return [g for g in self.tier("required") if g.split]

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


def _judge(event: SystemEvent, gold_events: list[dict], negatives: dict[str, list[str]]) -> EventResult:
    result = EventResult(event=event)
    shared: set[str] | None = None
    for source in event.sources:
        text = normalise(source.passage)
        held = [
            g["key"]
            for g in gold_events
            if any(normalise(q) in text for q in g.get("mentions", {}).get(source.article, []))
        ]
        result.pieces += [k for k in held if k not in result.pieces]
        if held:
            shared = set(held) if shared is None else shared & set(held)
        result.negatives += [q for q in negatives.get(source.article, []) if normalise(q) in text]
    result.gold = [k for k in result.pieces if shared and k in shared]
    by_key = {g["key"]: g for g in gold_events}
    result.date_ok = any("date" not in by_key[k] or _date_ok(event, by_key[k]) for k in result.gold)
    return result


def score(gold: dict, events: list[SystemEvent]) -> Report:
    results = []
    for g in gold.get("events", []):
        quotes = [(art, q) for art, qs in g.get("mentions", {}).items() for q in qs]
        res = GoldResult(key=g["key"], tier=g.get("tier", "required"), mentions_total=len(quotes))
        hits = [e for e in events if any(_contains(e, q, art) for art, q in quotes)]
        res.matched = [e.key for e in hits]
        res.date_ok = any(_date_ok(e, g) for e in hits) if "date" in g else bool(hits)
        for art, q in quotes:
            if any(_contains(e, q, art) for e in hits):
                res.mentions_linked += 1
            else:
                res.unlinked.append(f"{art}: {q}")
        results.append(res)
    negative_quotes = gold.get("negatives", {}).get("quotes", {})
    judged = [_judge(e, gold.get("events", []), negative_quotes) for e in events]
    by_key = {g["key"]: g for g in gold.get("events", [])}
    for res in results:
        res.beside = [j.event.key for j in judged if j.event.key in res.matched and _only_beside(j, res.key, by_key)]
    negatives = [(j.event.key, q) for j in judged for q in j.negatives]
    unmatched = [j.event.key for j in judged if j.false_alarm]
    gold_dates = {g["key"]: g.get("date", "undated") for g in gold.get("events", [])}
    return Report(gold=results, negative_events=negatives, unmatched=unmatched, events=judged, gold_dates=gold_dates)


def _only_beside(judged: EventResult, key: str, by_key: dict[str, dict]) -> bool:
    """Whether every passage of the event that holds a quote of gold event `key` also holds a quote of a gold
    event the event stands for (and `key` is not one of those)."""
    if not judged.gold or key in judged.gold:
        return False

    def holds(k: str, source: Source) -> bool:
        text = normalise(source.passage)
        return any(normalise(q) in text for q in by_key[k].get("mentions", {}).get(source.article, []))

    return all(any(holds(k, s) for k in judged.gold) for s in judged.event.sources if holds(key, s))


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f}%)" if whole else f"{part}/{whole}"


def format_summary(report: Report) -> list[str]:
    """The headline figures, then one line per faulty event with its sources' articles."""
    shown = report.events
    required = report.tier("required")
    lines = [
        f"events shown: {len(shown)}",
        f"clean events (one gold event, right date, no negative source): {_share(len(report.clean), len(shown))}",
        f"false alarms: {sum(e.false_alarm for e in shown)}",
        f"wrong merges: {sum(e.wrong_merge for e in shown)}",
        f"misdated: {sum(e.misdated for e in shown)}",
        f"with a negative source: {sum(bool(e.negatives) for e in shown)}",
        f"required events split: {len(report.required_split)}"
        f" ({sum(g.split_apart_from_background for g in report.required_split)} apart from passages that name"
        " them only beside another event's happening)",
        f"required found with the right date: {_share(len(report.required_dated), len(required))}",
    ]
    faulty = [e for e in shown if not e.clean]
    if faulty:
        lines.append("faulty events:")
    for e in faulty:
        articles = ", ".join(sorted({s.article for s in e.event.sources}))
        lines.append(f"  {e.event.key} | {e.event.title} | {'; '.join(e.faults(report.gold_dates))} | {articles}")
    return lines


def format_report(report: Report, total_events: int) -> str:
    lines = format_summary(report)
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
        beside = f" (named only beside their own happening: {', '.join(g.beside)})" if g.beside else ""
        lines.append(f"  {g.key}: {', '.join(g.matched)}{beside}")
    lines.append(f"events built on a negative passage: {len(report.negative_events)}")
    for key, quote in report.negative_events:
        lines.append(f"  {key}: {quote}")
    lines.append(f"events matching no gold event: {len(report.unmatched)} (of {total_events})")
    for key in report.unmatched:
        lines.append(f"  {key}")
    lines.append(f"targets met: {'yes' if report.targets_met else 'no'}")
    return "\n".join(lines)
