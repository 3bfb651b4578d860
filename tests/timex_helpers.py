"""A time expression placed by hand in a sentence, for tests of the stages after the tagger."""

from __future__ import annotations

from datetime import date

from timeline.extraction.temporal.tagger import Timex


def timex(text: str, phrase: str, day: date, precision: str = "day", end: date | None = None) -> Timex:
    """The DATE ``phrase`` of ``text``, covering ``day`` (to ``end``) at ``precision``."""
    start = text.index(phrase)
    return Timex(start, start + len(phrase), phrase, "DATE", "", day, end or day, precision, "test", None, "dct")
