"""Every time expression of the seed articles, with the value a careful reader gives it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.extraction.temporal.tagger import Timex, tag


def seed(seeds_dir: Path, prefix: str) -> str:
    return next(seeds_dir.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def table(found: list[Timex]) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in found]


def at(found: list[Timex], text: str, nth: int = 0) -> Timex:
    return [t for t in found if t.text == text][nth]


def test_it_tags_seed_000_undated_and_re_resolves_it_once_dated(seeds_dir: Path) -> None:
    text = seed(seeds_dir, "000")
    undated = tag(text, None)
    assert table(undated) == [
        ("86 minutes", "DURATION", "PT86M"),
        ("days", "DURATION", "PXD"),  # "came days after Kim ordered": a span before an event
        ("Earlier in the week", "DATE", "XXXX-WXX"),
        ("the last few weeks", "DURATION", "PXW"),
        ("the next several weeks", "DURATION", "PXW"),
        ("Monday", "DATE", "XXXX-WXX-1"),
        ("Today", "DATE", "XXXX-XX-XX"),
        ("86 minutes", "DURATION", "PT86M"),
    ]
    assert all(t.range_start is None for t in undated)
    assert at(undated, "Monday").anchor_kind == "dct"

    dated = tag(text, date(2024, 10, 31))
    monday = at(dated, "Monday")
    assert (monday.value, monday.range_start, monday.anchor) == ("2024-10-28", date(2024, 10, 28), date(2024, 10, 31))
    assert at(dated, "Earlier in the week").value == "2024-W44"
    assert at(dated, "Today").value == "2024-10-31"


@pytest.mark.parametrize("prefix", ["001", "003"])
def test_it_tags_the_cruise_missile_story(seeds_dir: Path, prefix: str) -> None:
    found = tag(seed(seeds_dir, prefix), date(2025, 2, 28))
    assert at(found, "Wednesday").value == "2025-02-26"
    assert at(found, "this year").value == "2025"
    launch = at(found, "8am (2300 GMT Tuesday)")
    assert (launch.type, launch.value, launch.range_start) == ("TIME", "2025-02-26T08:00", date(2025, 2, 26))
    thursday = at(found, "Thursday")
    assert thursday.value == "2025-02-27"
    same_day = at(found, "the same day")
    assert (same_day.value, same_day.anchor_kind, same_day.anchor) == ("2025-02-27", "previous", date(2025, 2, 27))
    week = at(found, "the first week of February")
    assert (week.range_start, week.range_end, week.precision) == (date(2025, 2, 1), date(2025, 2, 7), "week")
    assert not any("7,9" in t.text or "1,587" in t.text for t in found)


def test_it_tags_seed_003_in_full(seeds_dir: Path) -> None:
    found = tag(seed(seeds_dir, "003"), date(2025, 2, 28))
    assert table(found) == [
        ("2025-02-28", "DATE", "2025-02-28"),
        ("Wednesday", "DATE", "2025-02-26"),
        ("this year", "DATE", "2025"),
        ("8am (2300 GMT Tuesday)", "TIME", "2025-02-26T08:00"),
        ("Wednesday", "DATE", "2025-02-26"),
        ("Thursday", "DATE", "2025-02-27"),
        ("Thursday", "DATE", "2025-02-27"),
        ("the same day", "DATE", "2025-02-27"),
        ("the first week of February", "DATE", "2025-W06"),
    ]


def test_it_tags_seed_002(seeds_dir: Path) -> None:
    found = tag(seed(seeds_dir, "002"), date(2024, 10, 31))
    assert table(found) == [
        ("4am", "TIME", "2024-10-31T04:00"),
        ("7am", "TIME", "2024-10-31T07:00"),
        ("days", "DURATION", "PXD"),
        ("31 October 2024, 21:35", "TIME", "2024-10-31T21:35"),
        ("the coming days", "DATE", "FUTURE_REF"),
        ("Thursday", "DATE", "2024-10-31"),
        ("Thursday", "DATE", "2024-10-31"),
        ("hours", "DURATION", "PTXH"),  # "confirmed the launch hours after its neighbours detected" it
        ("almost a year", "DURATION", "P1Y"),
        ("next week", "DATE", "2024-W45"),
    ]
    election = at(found, "next week")
    assert (election.range_start, election.range_end, election.precision) == (
        date(2024, 11, 4),
        date(2024, 11, 10),
        "week",
    )


def test_it_tags_seed_004(seeds_dir: Path) -> None:
    found = tag(seed(seeds_dir, "004"), date(2025, 5, 6))
    assert table(found) == [
        ("2025-05-06 13:40:43", "TIME", "2025-05-06T13:40:43"),
        ("Wednesday", "DATE", "2025-04-30"),
        ("the start of 2022", "DATE", "2022"),
        ("last year", "DATE", "2024"),
    ]
