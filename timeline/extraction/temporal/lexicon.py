"""Words of English time expressions, and the regular-expression fragments the grammar is built from."""

from __future__ import annotations

import re

from timeline.extraction.lexicon.calendar_words import (  # noqa: F401  (the grammar's words, re-exported)
    MONTH_ABBREVIATIONS,
    MONTH_STEMS,
    MONTHS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
)

NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "couple of": 2,
    "a couple of": 2,
    "a dozen": 12,
    "dozen": 12,
}
VAGUE_QUANTITIES = {"several", "few", "a few", "many", "some", "the last few", "numerous", "a number of", "multiple"}

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "last": -1,
    "final": -1,
    "1st": 1,
    "2nd": 2,
    "3rd": 3,
    "4th": 4,
    "5th": 5,
}

# Unit word -> (TIMEX3 duration unit, is a time-of-day unit)
UNITS = {
    "second": ("S", True),
    "minute": ("M", True),
    "hour": ("H", True),
    "day": ("D", False),
    "night": ("D", False),
    "week": ("W", False),
    "fortnight": ("W", False),
    "month": ("M", False),
    "quarter": ("Q", False),
    "year": ("Y", False),
    "decade": ("DE", False),
    "century": ("CE", False),
}

SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}

PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}


# Literal words one of which a match must contain: rules only run near them (found with str.find).
# Month names count only when capitalised, so their triggers are case-sensitive.
MONTH_TRIGGERS = tuple(word for stem in MONTH_STEMS for word in (stem, stem.upper()))
UNIT_TRIGGERS = (
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "fortnight",
    "month",
    "quarter",
    "year",
    "decade",
    "centur",
)
PART_TRIGGERS = ("morning", "afternoon", "evening", "night")


def alternation(words: object) -> str:
    """A regex alternation of words, longest first, spaces matching any run of whitespace."""
    items = sorted((str(w) for w in words), key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


MONTH_NAME = alternation(MONTHS)
MONTH_ABBR = alternation(MONTH_ABBREVIATIONS) + r"\.?"
MONTH = rf"(?:{MONTH_NAME}|{MONTH_ABBR})"
WEEKDAY = alternation(WEEKDAYS)
NUMBER_WORD = alternation(k for k in NUMBER_WORDS if k not in {"a", "an"})
NUMBER = rf"(?:\d+(?:\.\d+)?|{NUMBER_WORD}(?:[\s-]+(?:{NUMBER_WORD}))?)"
DAY_NUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR4 = r"(?:1[6-9]\d\d|20\d\d)"
UNIT = alternation(UNITS)
ORDINAL_WORD = alternation(ORDINALS)


def month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def weekday_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return WEEKDAYS.get(word, WEEKDAY_ABBREVIATIONS.get(word, 0))


def number_value(text: str) -> float | None:
    """The number a numeral or number word denotes ("3", "three", "twenty-five", "a"); None if vague."""
    words = re.sub(r"[\s-]+", " ", text.lower().strip()).replace(",", "")
    if words in NUMBER_WORDS:
        return float(NUMBER_WORDS[words])
    try:
        return float(words)
    except ValueError:
        pass
    total = 0.0
    for part in words.split(" "):
        if part == "and":
            continue
        if part not in NUMBER_WORDS:
            return None
        value = NUMBER_WORDS[part]
        total = total * value if value == 100 and total else total + value
    return total or None


def format_number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


# The word lists the rule files (resources/en/) refer to by name: %{MONTH} in a pattern, %{MONTH_TRIGGERS} in
# a rule's trigger words.
PATTERN_WORDS = {
    "MONTH": MONTH,
    "MONTH_NAME": MONTH_NAME,
    "MONTH_ABBR": MONTH_ABBR,
    "WEEKDAY": WEEKDAY,
    "NUMBER": NUMBER,
    "DAY_NUM": DAY_NUM,
    "YEAR4": YEAR4,
    "ORDINAL": ORDINAL_WORD,
    "PART_OF_DAY": alternation(PARTS_OF_DAY),
    "SEASON": alternation(SEASONS),
}
TRIGGER_WORDS = {"MONTH_TRIGGERS": MONTH_TRIGGERS, "UNIT_TRIGGERS": UNIT_TRIGGERS, "PART_TRIGGERS": PART_TRIGGERS}
