"""Tense clues: read from the lower-cased text as from the case-blind pattern; present-tense schedules."""

from __future__ import annotations

import re
import sys

import pytest

from timeline.extraction.temporal.grammar import _CLUE, _FOLDS_ONTO_ASCII, _clues, present_schedule_before, tense_of


def test_it_knows_every_character_outside_ascii_that_folds_onto_an_ascii_letter() -> None:
    folding = {chr(c) for c in range(128, sys.maxunicode + 1) if re.match(r"[a-z]", chr(c), re.IGNORECASE)}
    assert folding == {c for c in folding if _FOLDS_ONTO_ASCII.match(c)}
    assert all(_FOLDS_ONTO_ASCII.match(c) is None or c in folding for c in map(chr, range(128, 0x10000)))


def test_it_keeps_word_and_space_characters_what_they_are_when_lower_casing() -> None:
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1 or lower == char:
            continue
        assert (re.match(r"\w", char) is None) == (re.match(r"\w", lower) is None), hex(code)
        assert (re.match(r"\s", char) is None) == (re.match(r"\s", lower) is None), hex(code)


@pytest.mark.parametrize(
    "text",
    [
        "Officials SAID the Board Will meet on Monday, and we'll see; it was Expected.",
        "“The talks,” he said on Tuesday, “will resume” — ministers WON'T travel.",
        "The court ſaid it will rule; the İstanbul office RULED, and the KELVIN team agreed to act.",
        "İİİ said will was",
    ],
)
def test_it_finds_the_same_clues_as_the_case_blind_pattern(text: str) -> None:
    expected = [(m.span(), m.group("future") is not None, m.group("promise") is not None) for m in _CLUE.finditer(text)]
    found = [
        (m.span(), m.group("future") is not None, m.group("promise") is not None) for m in _clues(text, 0, len(text))
    ]
    assert found == expected


def test_it_reads_the_tense_from_the_nearest_clue() -> None:
    text = "Ministers SAID on Monday that they Will Meet again next week."
    assert tense_of(text, text.index("Monday"), text.index("Monday") + 6) == "past"


@pytest.mark.parametrize(
    ("text", "ahead"),
    [
        ("The board meets on Monday to set rates.", True),
        ("The court rules on Tuesday.", True),
        ("In Geneva, the summit opens on Friday.", True),
        ("Parliament votes on Thursday, and the result is due at night.", True),
        ("The board met on Monday.", False),  # past form
        ("The minister said on Monday that talks would resume.", False),
        ("The peace talks on Monday ended without a deal.", False),  # a plural noun: the verb follows the day
        ("The trade talks on Monday were tense.", False),
        ("Iran held the peace talks on Monday.", False),  # the noun phrase does not open the clause
        ("The press on Monday ran the story.", False),  # "press", "crisis", "campus" are no verbs in -s
        ("The crisis on Monday deepened.", False),
        ("Indonesians cast ballots on Wednesday.", False),
    ],
)
def test_it_tells_a_present_tense_schedule_from_a_past_day(text: str, ahead: bool) -> None:
    day = next(w for w in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday") if w in text)
    start = text.index(day)
    assert present_schedule_before(text, start, start + len(day)) is ahead
