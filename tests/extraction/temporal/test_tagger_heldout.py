"""The tagger on news it has never seen: wire-style sentences written for this project with hand-made gold.

tests/data/timex_heldout.json holds 380 sentences from many regions and beats, each with its publication date
and the TIMEX3 expressions a careful annotator marks by the TimeML/TempEval-3 guidelines, including
distractors that are not dates. Each batch's gold was written before the tagger was run on it. Spans are matched
relaxed (any overlap); value accuracy counts matched expressions whose value is one of the readings the
gold allows. Figures, relaxed span F1 / value accuracy:

- batch 1 (189 sentences), before any change to the tagger: 0.958 / 0.932 (0.960 / 0.938 once two annotation
  slips were corrected: "within hours" is PTXH, hours taking the T; TimeML marks "now"); now 0.988 / 0.995.
- batch 2 (70 sentences, written after the first round of fixes), first run 0.985 / 0.970; now 0.992 / 1.000.
- batch 3 (47 sentences, written after the second round), first run 0.969 / 0.936; now 0.990 / 0.979.
- batch 4 (24 sentences leaning on the date mentioned before, after the third round), first run 1.000 / 0.953;
  now 1.000 / 1.000.
- batch 5 (26 sentences of names and numbers that look like dates, after the fourth round), first run
  0.588 / 1.000 (six false alarms); now 0.909 / 1.000.
- batch 6 (24 sentences of one day's wire across beats, after the fifth round), first run 0.981 / 0.962,
  left as it is: "breaks for the recess on Tuesday" reads as past, and "summer" in "the summer recess" is tagged.
- all 380: 0.989 / 0.992, day ranges 7 of 7. FLOORS sit a little under.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import pytest

from tests.paths import DATA
from timeline.extraction.temporal.tagger import tag

GOLD = DATA / "timex_heldout.json"
FLOORS = {"span_f1": 0.975, "value_accuracy": 0.98}


@dataclass
class Result:
    gold: int = 0
    system: int = 0
    matched_gold: int = 0
    matched_system: int = 0
    value_right: int = 0
    ranges: int = 0
    ranges_right: int = 0

    @property
    def span_f1(self) -> float:
        precision = self.matched_system / self.system if self.system else 1.0
        recall = self.matched_gold / self.gold if self.gold else 1.0
        return 2 * precision * recall / (precision + recall) if precision + recall else 0.0

    @property
    def value_accuracy(self) -> float:
        return self.value_right / self.matched_gold if self.matched_gold else 0.0


def load() -> list[dict]:
    return json.loads(GOLD.read_text(encoding="utf-8"))["sentences"]


def score(sentences: list[dict], errors: list[str] | None = None) -> Result:
    result = Result()
    for sentence in sentences:
        text = sentence["text"]
        found = tag(text, date.fromisoformat(sentence["dct"]))
        result.system += len(found)
        used: set[int] = set()
        for gold in sentence["timexes"]:
            result.gold += 1
            start = text.index(gold["text"])
            end = start + len(gold["text"])
            match = next((t for t in found if t.start < end and start < t.end and id(t) not in used), None)
            if match is None:
                if errors is not None:
                    errors.append(f"missed {gold['text']!r} in {text!r}")
                continue
            used.add(id(match))
            result.matched_gold += 1
            allowed = gold["value"] if isinstance(gold["value"], list) else [gold["value"]]
            if match.value in allowed:
                result.value_right += 1
            elif errors is not None:
                errors.append(f"value {match.text!r}={match.value} want {allowed} ({sentence['dct']}: {text!r})")
            if "range" in gold:
                result.ranges += 1
                if [str(match.range_start), str(match.range_end)] == gold["range"]:
                    result.ranges_right += 1
                elif errors is not None:
                    errors.append(f"range {match.text!r}={match.range_start}..{match.range_end} want {gold['range']}")
        result.matched_system += len(used)
        if errors is not None:
            errors.extend(f"spurious {t.text!r}={t.value} in {text!r}" for t in found if id(t) not in used)
    return result


def test_it_has_a_broad_held_out_set_with_gold_spans_inside_their_sentences() -> None:
    sentences = load()
    assert len(sentences) >= 150
    assert len({s["dct"] for s in sentences}) >= 10
    assert {g["type"] for s in sentences for g in s["timexes"]} == {"DATE", "TIME", "DURATION", "SET"}
    assert sum(1 for s in sentences if not s["timexes"]) >= 15  # distractors
    for sentence in sentences:
        date.fromisoformat(sentence["dct"])
        for gold in sentence["timexes"]:
            assert gold["text"] in sentence["text"]


def test_it_holds_on_news_it_has_never_seen() -> None:
    errors: list[str] = []
    result = score(load(), errors)
    print(
        f"\nheld-out: span F1 {result.span_f1:.3f}, value accuracy {result.value_accuracy:.3f}, "
        f"ranges {result.ranges_right}/{result.ranges}"
    )
    sentences = load()
    for batch in sorted({s.get("batch", 1) for s in sentences}):
        part = score([s for s in sentences if s.get("batch", 1) == batch])
        print(f"  batch {batch}: span F1 {part.span_f1:.3f}, value accuracy {part.value_accuracy:.3f}")
    print("\n".join(errors))
    assert result.span_f1 >= FLOORS["span_f1"], errors
    assert result.value_accuracy >= FLOORS["value_accuracy"], errors
    assert result.ranges_right == result.ranges, errors


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2024-03-12", True), (["PRESENT_REF", "2024-03-12"], True), ("2024-03-13", False)],
)
def test_it_counts_a_value_right_when_it_is_one_the_gold_allows(value: str | list[str], expected: bool) -> None:
    sentence = {
        "dct": "2024-03-12",
        "text": "Talks resumed on Tuesday.",
        "timexes": [{"text": "Tuesday", "type": "DATE"}],
    }
    sentence["timexes"][0]["value"] = value
    result = score([sentence])
    assert (result.matched_gold, result.value_right == 1) == (1, expected)


KINDS = DATA / "timex_kinds_heldout.json"
# tests/data/timex_kinds_heldout.json: 201 sentences in fourteen kinds of hard cases (year ranges, sets, anaphoric
# and ordinal days, shifts, stories about an earlier period, race times, false alarms...), gold written before
# the rules for them. First run, relaxed span F1 / value accuracy: 0.869 / 0.818; after the rules: 0.990 / 0.996.
KINDS_FLOORS = {"span_f1": 0.98, "value_accuracy": 0.98}


def test_it_holds_on_the_hard_kinds_written_before_their_rules() -> None:
    sentences = json.loads(KINDS.read_text(encoding="utf-8"))["sentences"]
    errors: list[str] = []
    result = score(sentences, errors)
    for kind in sorted({s["kind"] for s in sentences}):
        part = score([s for s in sentences if s["kind"] == kind])
        print(f"  {kind}: span F1 {part.span_f1:.3f}, value accuracy {part.value_accuracy:.3f}")
    assert result.span_f1 >= KINDS_FLOORS["span_f1"], errors
    assert result.value_accuracy >= KINDS_FLOORS["value_accuracy"], errors
