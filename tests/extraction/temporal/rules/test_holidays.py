"""Named days of the year in the date tagger."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.temporal.rules.holidays import easter, nth_weekday
from timeline.extraction.temporal.tagger import tag


@pytest.mark.parametrize(
    ("year", "sunday"),
    [(2000, date(2000, 4, 23)), (2019, date(2019, 4, 21)), (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20))],
)
def test_it_computes_easter(year: int, sunday: date) -> None:
    assert easter(year) == sunday


def test_it_finds_the_nth_and_last_weekday_of_a_month() -> None:
    assert nth_weekday(2023, 11, 3, 4) == date(2023, 11, 23)  # Thanksgiving
    assert nth_weekday(2024, 5, 0, -1) == date(2024, 5, 27)  # Memorial Day


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("Sales rose over Christmas.", date(2025, 1, 10), "2024-12-25"),
        ("Talks will resume after Easter.", date(2025, 1, 10), "2025-04-20"),
        ("Thanksgiving 2023 was quiet.", date(2025, 1, 10), "2023-11-23"),
        ("On New Year’s Eve, crowds gathered.", date(2025, 1, 10), "2024-12-31"),
        ("The truce held on Good Friday.", date(2024, 4, 2), "2024-03-29"),
    ],
)
def test_it_dates_holidays_nearest_the_publication_date(text: str, dct: date, value: str) -> None:
    found = tag(text, dct)
    assert [(t.type, t.value, t.rule) for t in found] == [("DATE", value, "holiday")]
    assert found[0].range_start == date.fromisoformat(value)


def test_it_leaves_a_holiday_unresolved_without_a_year_or_dct() -> None:
    timex = tag("Sales rose over Christmas.", None)[0]
    assert (timex.value, timex.range_start, timex.precision) == ("XXXX-12-25", None, "day")
    assert tag("Talks resume after Easter.", None)[0].value == "XXXX-XX-XX"


def test_it_ignores_holiday_words_in_lower_case() -> None:
    assert tag("They sang christmas carols.", date(2025, 1, 10)) == []
