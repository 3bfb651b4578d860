"""Scores a time-expression tagger against the MEANTIME corpus by the rules of TempEval-3.

MEANTIME documents are token lists; `load_document` rebuilds the text from the tokens (spaces between
tokens except before closing punctuation and after opening brackets, one line per sentence), keeps each
token's character offsets, and turns every TIMEX3 markable into a gold span over that text with its type and
value. MEANTIME annotates only the start of each document (the title, the dateline and the first
sentences); the annotated region ends with the last sentence holding any markable, and system expressions
after it are not scored (the tagger still reads the whole document). The publication date is the CREATION_TIME timex (or, where a document lacks one, the full date in its
dateline sentence).

Scoring (TempEval-3): a strict match has the same span, a relaxed match overlaps. Precision is matched system
expressions over system expressions, recall matched gold over gold. Type and value accuracy are counted over
relaxed matches; value F1 = relaxed F1 x value accuracy. Per-type figures select gold and system expressions
of that type.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline.extraction.lexicon.calendar_words import MONTHS

TYPES = ("DATE", "TIME", "DURATION", "SET")
_NO_SPACE_BEFORE = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "]",
    "}",
    "%",
    "'s",
    "n't",
    "'re",
    "'ve",
    "'ll",
    "'d",
    "'m",
    "''",
}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "``", "#"}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    type: str
    value: str
    text: str = ""


@dataclass
class Document:
    name: str
    text: str
    dct: date | None
    gold: list[Span]
    annotated_end: int = 0


@dataclass
class Scores:
    gold: int = 0
    system: int = 0
    strict_system: int = 0
    strict_gold: int = 0
    relaxed_system: int = 0
    relaxed_gold: int = 0
    pairs: int = 0
    type_correct: int = 0
    value_correct: int = 0
    errors: list[tuple[str, Span | None, Span | None]] = field(default_factory=list)

    def add(self, other: Scores) -> None:
        for name in (
            "gold",
            "system",
            "strict_system",
            "strict_gold",
            "relaxed_system",
            "relaxed_gold",
            "pairs",
            "type_correct",
            "value_correct",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors)

    def figures(self) -> dict[str, float]:
        def prf(sys_hits: int, gold_hits: int) -> tuple[float, float, float]:
            p = sys_hits / self.system if self.system else 0.0
            r = gold_hits / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        sp, sr, sf = prf(self.strict_system, self.strict_gold)
        rp, rr, rf = prf(self.relaxed_system, self.relaxed_gold)
        type_acc = self.type_correct / self.pairs if self.pairs else 0.0
        value_acc = self.value_correct / self.pairs if self.pairs else 0.0
        return {
            "gold": self.gold,
            "system": self.system,
            "strict_p": sp,
            "strict_r": sr,
            "strict_f1": sf,
            "relaxed_p": rp,
            "relaxed_r": rr,
            "relaxed_f1": rf,
            "type_acc": type_acc,
            "value_acc": value_acc,
            "type_f1": rf * type_acc,
            "value_f1": rf * value_acc,
        }


def _join_tokens(tokens: list[tuple[str, str, int]]) -> tuple[str, dict[str, tuple[int, int]]]:
    """The text of (t_id, token, sentence) triples and each token's offsets in it."""
    parts: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    length = 0
    previous: tuple[str, int] | None = None
    for t_id, word, sentence in tokens:
        word = word or ""
        if previous is not None:
            if sentence != previous[1]:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or previous[0] in _NO_SPACE_AFTER:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        offsets[t_id] = (length, length + len(word))
        parts.append(word)
        length += len(word)
        previous = (word, sentence)
    return "".join(parts), offsets


def load_document(path: Path) -> Document:
    root = ET.parse(path).getroot()
    tokens = [(t.get("t_id", ""), t.text or "", int(t.get("sentence", "0"))) for t in root.iter("token")]
    sentence_of = {t_id: sentence for t_id, _, sentence in tokens}
    text, offsets = _join_tokens(tokens)
    gold: list[Span] = []
    dct: date | None = None
    dateline: date | None = None
    markables = root.find("Markables")
    last_sentence = max(
        (sentence_of[a.get("t_id", "")] for a in root.iter("token_anchor") if a.get("t_id") in sentence_of), default=0
    )
    annotated_end = max((end for t_id, (_, end) in offsets.items() if sentence_of[t_id] <= last_sentence), default=0)
    for node in markables if markables is not None else []:
        if node.tag != "TIMEX3":
            continue
        ids = [a.get("t_id", "") for a in node.findall("token_anchor") if a.get("t_id") in offsets]
        value = node.get("value", "")
        if node.get("functionInDocument") == "CREATION_TIME":
            dct = _iso_day(value) or dct
        if not ids:
            continue  # an empty timex: implied, not written
        start = min(offsets[i][0] for i in ids)
        end = max(offsets[i][1] for i in ids)
        if all(sentence_of[i] == 1 for i in ids) and _iso_day(value):
            dateline = dateline or _iso_day(value)
        gold.append(Span(start, end, node.get("type", ""), value, text[start:end]))
    gold.sort(key=lambda s: (s.start, s.end))
    if dct is None and dateline is None:
        dateline = _dateline_day(" ".join(word for t_id, word, sentence in tokens if sentence == 1))
    return Document(path.stem, text, dct or dateline, gold, annotated_end)


_MONTHS = list(MONTHS)


def _dateline_day(line: str) -> date | None:
    """The date of a Wikinews dateline such as "February 03 , 2009"."""
    m = re.match(r"^\s*([A-Za-z]+)\s+(\d{1,2})\s*,?\s*(\d{4})\s*$", line)
    if not m or m.group(1).lower() not in _MONTHS:
        return None
    try:
        return date(int(m.group(3)), _MONTHS.index(m.group(1).lower()) + 1, int(m.group(2)))
    except ValueError:
        return None


def _iso_day(value: str) -> date | None:
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def load_corpus(directory: Path) -> list[Document]:
    """Every annotated document under `directory` (its intra-doc_annotation folder when there is one)."""
    base = directory / "intra-doc_annotation" if (directory / "intra-doc_annotation").is_dir() else directory
    return [load_document(p) for p in sorted(base.rglob("*.xml"))]


def score_document(gold: list[Span], system: list[Span]) -> Scores:
    """TempEval-3 counts for one document: strict and relaxed hits, and attribute agreement on relaxed pairs."""
    scores = Scores(gold=len(gold), system=len(system))
    gold_spans = {(g.start, g.end) for g in gold}
    system_spans = {(s.start, s.end) for s in system}
    scores.strict_system = sum((s.start, s.end) in gold_spans for s in system)
    scores.strict_gold = sum((g.start, g.end) in system_spans for g in gold)
    scores.relaxed_system = sum(any(_overlap(s, g) for g in gold) for s in system)
    scores.relaxed_gold = sum(any(_overlap(g, s) for s in system) for g in gold)
    used: set[int] = set()
    for g in gold:
        best = None
        for k, s in enumerate(system):
            if k in used or not _overlap(g, s):
                continue
            shared = min(g.end, s.end) - max(g.start, s.start)
            if best is None or shared > best[0]:
                best = (shared, k)
        if best is None:
            scores.errors.append(("missed", g, None))
            continue
        used.add(best[1])
        s = system[best[1]]
        scores.pairs += 1
        scores.type_correct += s.type == g.type
        scores.value_correct += s.value == g.value
        if s.value != g.value or s.type != g.type:
            scores.errors.append(("value", g, s))
    for k, s in enumerate(system):
        if k not in used and not any(_overlap(s, g) for g in gold):
            scores.errors.append(("spurious", None, s))
    return scores


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


Tagger = Callable[[str, date | None], Iterable[Span]]


@dataclass
class Report:
    overall: Scores
    by_type: dict[str, Scores]
    documents: int


def evaluate(documents: list[Document], tagger: Tagger) -> Report:
    overall = Scores()
    by_type = {t: Scores() for t in TYPES}
    for doc in documents:
        system = sorted(
            (s for s in tagger(doc.text, doc.dct) if s.start < doc.annotated_end), key=lambda s: (s.start, s.end)
        )
        overall.add(score_document(doc.gold, system))
        for type_ in TYPES:
            per = score_document([g for g in doc.gold if g.type == type_], [s for s in system if s.type == type_])
            per.errors.clear()
            # Attribute accuracy per type: gold of this type against any system expression.
            full = score_document([g for g in doc.gold if g.type == type_], system)
            per.pairs, per.type_correct, per.value_correct = full.pairs, full.type_correct, full.value_correct
            by_type[type_].add(per)
    return Report(overall, by_type, len(documents))


def format_report(title: str, report: Report) -> str:
    header = (
        f"{'':10}{'gold':>6}{'sys':>6}{'strictP':>9}{'strictR':>9}{'strictF1':>9}{'relaxP':>9}{'relaxR':>9}"
        f"{'relaxF1':>9}{'typeAcc':>9}{'valAcc':>9}{'valueF1':>9}"
    )
    lines = [f"{title} ({report.documents} documents)", header]
    for name, scores in [("overall", report.overall), *report.by_type.items()]:
        f = scores.figures()
        lines.append(
            f"{name:10}{f['gold']:>6}{f['system']:>6}{f['strict_p']:>9.3f}{f['strict_r']:>9.3f}{f['strict_f1']:>9.3f}"
            f"{f['relaxed_p']:>9.3f}{f['relaxed_r']:>9.3f}{f['relaxed_f1']:>9.3f}{f['type_acc']:>9.3f}"
            f"{f['value_acc']:>9.3f}{f['value_f1']:>9.3f}"
        )
    return "\n".join(lines)


def ours(text: str, dct: date | None) -> list[Span]:
    """Our tagger, as spans."""
    from timeline.extraction.temporal.tagger import tag

    return [Span(t.start, t.end, t.type, t.value, t.text) for t in tag(text, dct)]


def dateparser_baseline(text: str, dct: date | None) -> list[Span]:
    """`dateparser.search_dates(text, languages=["en"])`, located in the text in order, every hit a DATE."""
    from datetime import datetime

    import dateparser.search

    settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
    try:
        found = dateparser.search.search_dates(text, languages=["en"], settings=settings) or []
    except Exception:  # noqa: BLE001 - the baseline's own failures count as finding nothing
        found = []
    spans: list[Span] = []
    cursor = 0
    for substring, moment in found:
        at = text.find(substring, cursor)
        if at < 0:
            at = text.find(substring)
            if at < 0:
                continue
        else:
            cursor = at + len(substring)
        spans.append(Span(at, at + len(substring), "DATE", moment.date().isoformat(), substring))
    return spans


def corpus_report(documents: list[Document], *, baseline: bool = True, errors: int = 0) -> Iterable[str]:
    """The report `evaluate_timex` prints: our scores (with `errors` of our errors listed), then the baseline's,
    each with the time it took."""
    runs: list[tuple[str, Tagger]] = [("ours", ours)] + ([("dateparser.search_dates", dateparser_baseline)] * baseline)
    for title, tagger in runs:
        started = time.perf_counter()
        report = evaluate(documents, tagger)
        yield format_report(title, report) + f"\n({time.perf_counter() - started:.2f}s)\n"
        for kind, gold, system in report.overall.errors[:errors] if title == "ours" else []:
            yield (
                f"  {kind:8} gold={gold.text if gold else '-'!r} {gold.value if gold else ''}"
                f"  ours={system.text if system else '-'!r} {system.value if system else ''}"
            )
