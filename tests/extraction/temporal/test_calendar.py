"""TIMEX3 values: what is well formed, and the days a value covers."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extraction.temporal.calendar import is_valid_value, value_range, weekday_after, weekday_before


@pytest.mark.parametrize(
    ("value", "type_"),
    [
        ("2025-02-26", "DATE"),
        ("2025-02", "DATE"),
        ("2025", "DATE"),
        ("2025-W05", "DATE"),
        ("2025-W05-WE", "DATE"),
        ("XXXX-WXX-3", "DATE"),
        ("2025-Q1", "DATE"),
        ("2025-H2", "DATE"),
        ("2025-SP", "DATE"),
        ("199", "DATE"),
        ("19", "DATE"),
        ("FY2007", "DATE"),
        ("PRESENT_REF", "DATE"),
        ("XXXX-XX-XX", "DATE"),
        ("2025-02-26T08:00", "TIME"),
        ("2025-02-26T23:00Z", "TIME"),
        ("2025-02-26TNI", "TIME"),
        ("P3D", "DURATION"),
        ("PT86M", "DURATION"),
        ("P2.5Y", "DURATION"),
        ("PXY", "DURATION"),
        ("PXDE", "DURATION"),
        ("P1W", "SET"),
        ("XXXX-WXX-1", "SET"),
    ],
)
def test_it_accepts_well_formed_values(value: str, type_: str) -> None:
    assert is_valid_value(value, type_)


@pytest.mark.parametrize(
    ("value", "type_"),
    [
        ("2025-13", "DATE"),
        ("2025-02-30", "DATE"),
        ("2025-W54", "DATE"),
        ("26-02-2025", "DATE"),
        ("P", "DURATION"),
        ("PT", "DURATION"),
        ("3D", "DURATION"),
        ("P3D", "DATE"),
        ("2025", "DURATION"),
        ("", "DATE"),
        ("2025-02-26", "EVENT"),
    ],
)
def test_it_rejects_malformed_values(value: str, type_: str) -> None:
    assert not is_valid_value(value, type_)


@pytest.mark.parametrize(
    ("value", "first", "last", "precision"),
    [
        ("2025-02-26", date(2025, 2, 26), date(2025, 2, 26), "day"),
        ("2025-02-26T08:00", date(2025, 2, 26), date(2025, 2, 26), "day"),
        ("2025-W05", date(2025, 1, 27), date(2025, 2, 2), "week"),
        ("2025-W05-WE", date(2025, 2, 1), date(2025, 2, 2), "week"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2025-Q1", date(2025, 1, 1), date(2025, 3, 31), "quarter"),
        ("2025-H2", date(2025, 7, 1), date(2025, 12, 31), "quarter"),
        ("2024-WI", date(2024, 12, 1), date(2025, 2, 28), "quarter"),
        ("2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
        ("199", date(1990, 1, 1), date(1999, 12, 31), "decade"),
        ("PAST_REF", None, None, "unknown"),
        ("XXXX-XX-XX", None, None, "unknown"),
    ],
)
def test_it_gives_the_days_a_value_covers(value: str, first: date | None, last: date | None, precision: str) -> None:
    assert value_range(value) == (first, last, precision)


def test_it_finds_weekdays_around_a_day() -> None:
    friday = date(2025, 2, 28)
    assert weekday_before(friday, 2) == date(2025, 2, 26)
    assert weekday_before(friday, 4) == friday
    assert weekday_before(friday, 4, strict=True) == date(2025, 2, 21)
    assert weekday_after(friday, 0) == date(2025, 3, 3)
    assert weekday_after(friday, 4, strict=True) == date(2025, 3, 7)
