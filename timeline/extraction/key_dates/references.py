"""Which days a passage names by a date expression, resolved against its article's publication date."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from timeline.extraction.segment import Passage
from timeline.extraction.temporal.tagger import Timex

_DAY_TYPES = ("DATE", "TIME")


@dataclass(frozen=True)
class DayReference:
    passage: int  # the index of the first passage naming the day
    day: date
    text: str  # the date expression there
    sentences: int = 1  # how many of the article's passages name the day


def day_references(passages: list[Passage], timexes: list[Timex]) -> list[DayReference]:
    """The days an article names by expressions of one day ("on February 1", "Tuesday's vote", "yesterday"):
    one per day, with the first passage naming it and how many passages do."""
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
    by_day: dict[date, DayReference] = {}
    for (_, day), ref in sorted(found.items(), key=lambda item: (item[0][1], item[0][0])):
        first = by_day.get(day)
        by_day[day] = ref if first is None else replace(first, sentences=first.sentences + 1)
    return list(by_day.values())
