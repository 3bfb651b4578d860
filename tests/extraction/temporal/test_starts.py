"""Which rule patterns can only match where a word starts, and that the tagger's shortcut gives finditer's matches."""

from __future__ import annotations

import json
import re

import pytest

from tests.paths import DATA
from timeline.extraction.temporal.starts import starts_at_words
from timeline.extraction.temporal.tagger import RULES, _matches_at_word_starts, _matches_by_search, _Triggers

HELDOUT = DATA / "timex_heldout.json"


@pytest.mark.parametrize(
    "pattern",
    [
        r"\bnoon\b",
        r"\b(?:the\s+)?(?P<n>\d+)\s+days\b",
        r"(?<![\w$.])(?P<y>\d{4})",
        r"(?:(?<=mid-)|(?<![\w,]))march",
        r"\b(?:a|b)c|\bd",
        r"^\w+",
    ],
)
def test_it_proves_word_starts_for_patterns_that_open_on_a_boundary_and_a_letter(pattern: str) -> None:
    assert starts_at_words(re.compile(pattern, re.IGNORECASE))


@pytest.mark.parametrize(
    "pattern",
    [
        r"\s*\bmonday",  # may begin with a space
        r"\b(?:a|-)",  # "-" is not a word character
        r"(?<!\w)x?",  # may match nothing
        r"(?<=\d)\s*per\s+day",  # begins after a digit, inside a word
        r"day",  # no boundary: "today"
        r"(?<![$])\d+",  # the look-behind allows a letter before
        r"(?<=a)b",  # a letter before
        r"[^\s]x",  # a negated set may begin with anything
        r"\bx|y",  # one alternative without a boundary
        r"'\d0s",
    ],
)
def test_it_makes_no_claim_where_a_match_may_begin_elsewhere(pattern: str) -> None:
    assert not starts_at_words(re.compile(pattern, re.IGNORECASE))


def test_it_proves_it_for_most_rules_of_the_grammar() -> None:
    proven = [rule.name for rule in RULES if starts_at_words(rule.pattern)]
    assert len(proven) >= len(RULES) - 5
    assert "per-unit" not in proven  # "3 million a day" begins after the digit


def _texts() -> list[str]:
    sentences = json.loads(HELDOUT.read_text(encoding="utf-8"))["sentences"]
    return [s["text"] for s in sentences] + [
        "Talks resumed on 3 March 2024 at 10:30 a.m. (0830 GMT), mid-March, and again\nin the 1990s for 25 days.",
        "Exports fell in the third quarter of last year; on Tuesday the index, at 1,587 points, was the highest.",
    ]


def test_it_finds_at_word_starts_what_a_search_of_the_windows_finds() -> None:
    proven = [rule for rule in RULES if starts_at_words(rule.pattern)]
    for text in _texts():
        triggers = _Triggers(text)
        for rule in proven:
            assert [m.span() for m in _matches_at_word_starts(rule, text, triggers)] == [
                m.span() for m in _matches_by_search(rule, text, triggers)
            ], (rule.name, text)
