from datetime import date, datetime

from timeline.extraction.clean.header_dates import header_date, is_clock


def test_it_reads_the_fixed_header_date_forms_with_their_time():
    assert header_date("Published: 5 March 2024")[:2] == (date(2024, 3, 5), None)
    assert header_date("October 31, 2024 9:35 pm")[:2] == (date(2024, 10, 31), datetime(2024, 10, 31, 21, 35))
    assert header_date("2025-02-28 13:40:43")[3] == "iso"
    assert header_date("12.03.2024 14:05")[0] == date(2024, 3, 12)


def test_it_reads_a_time_before_the_date():
    day, at, _, _ = header_date("Updated 2:05 PM EDT, Tue March 12, 2024")
    assert (day, at) == (date(2024, 3, 12), datetime(2024, 3, 12, 14, 5))


def test_it_refuses_impossible_or_out_of_range_dates():
    assert header_date("31 February 2024") is None
    assert header_date("9999-12-31") is None


def test_it_tells_a_bare_clock_field():
    assert is_clock("2:05 PM EDT") and is_clock("14.05")
    assert not is_clock("2:05 PM on Tuesday")
