"""Which days a passage names by a date expression, resolved against its article's publication date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from timeline.extraction.segment import Passage
from timeline.extraction.temporal.tagger import Timex

_DAY_TYPES = ("DATE", "TIME")


@dataclass(frozen=True)
class DayReference:
    passage: int  # the passage's index in its article
    day: date
    text: str  # the date expression


def day_references(passages: list[Passage], timexes: list[Timex]) -> list[DayReference]:
    """Every expression that names one day ("on February 1", "Tuesday's vote", "yesterday"), with its passage;
    a passage naming the same day twice counts once."""
    found: dict[tuple[int, date], DayReference] = {}
    ordered = sorted(passages, key=lambda p: p.start)
    i = 0
    for t in sorted(timexes, key=lambda t: t.start):
        if t.type not in _DAY_TYPES or t.precision != "day" or t.range_start is None:
            continue
        if t.range_end is not None and t.range_end != t.range_start:
            continue
        while i < len(ordered) and ordered[i].end <= t.start:
            i += 1
        if i == len(ordered) or ordered[i].start > t.start:
            continue  # between passages (a header line the segmenter left out)
        key = (ordered[i].index, t.range_start)
        found.setdefault(key, DayReference(passage=ordered[i].index, day=t.range_start, text=t.text))
    return list(found.values())
