"""Calendar arithmetic behind the date tagger: TIMEX3 values, the days they cover, weekdays, weeks, quarters.

Plain functions on `datetime.date`; no text handling here. A TIMEX3 value such as "2025-W05" or "2025-Q1"
is turned into the first and last day it covers by `value_range`, and checked by `is_valid_value`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MIN_YEAR = 1
MAX_YEAR = 9999

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_TIME_PART = r"T(?:\d{2}(?::\d{2}(?::\d{2})?)?|MO|AF|EV|NI|DT|XX)(?:Z|[+-]\d{2}(?::?\d{2})?)?"
_DATE_VALUE = re.compile(
    r"^(?:"
    r"(?:\d{4}|X{4})(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?)?"  # 2025, 2025-02, 2025-02-26, XXXX-XX-XX
    r"|(?:\d{4}|X{4})-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?"  # 2025-W05, 2025-W05-WE, XXXX-WXX-3
    r"|(?:\d{4}|X{4})-(?:Q[1-4]|H[12]|SP|SU|FA|WI|QX)"  # 2025-Q1, 2025-H2, 2025-SP
    r"|\d{3}|\d{2}|\d{3}X|\d{2}XX"  # decade 199, century 19
    r"|FY\d{4}"
    r"|PRESENT_REF|PAST_REF|FUTURE_REF"
    r")"
    rf"(?:{_TIME_PART})?$"
)
_DURATION_VALUE = re.compile(
    r"^P(?=[\dX]|T)(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|ML|Y|Q|M|W|D|H))*"
    r"(?:T(?=[\dX])(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)


# The shapes of TIMEX3 values, compiled once: value_range runs for every expression tagged.
_MONTH_OR_DAY_START = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?")
_WEEK_START = re.compile(r"^(\d{4})-W(\d{2})")
_DAY_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK_OR_WEEKDAY_START = re.compile(r"^(\d{4})-W(\d{2})(?:-(WE|\d))?")
_MONTH_ONLY = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER_ONLY = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF_ONLY = re.compile(r"^(\d{4})-H([12])$")
_SEASON_ONLY = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR_ONLY = re.compile(r"^(\d{4})$")
_DECADE_ONLY = re.compile(r"^(\d{3})$")


def is_valid_value(value: str, type_: str) -> bool:
    """Whether `value` is a well-formed TIMEX3 value for a timex of type `type_`."""
    if type_ == "DURATION":
        return bool(_DURATION_VALUE.match(value)) or value in {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}
    if type_ == "SET":
        return bool(_DURATION_VALUE.match(value) or _DATE_VALUE.match(value))
    if type_ in {"DATE", "TIME"}:
        if not _DATE_VALUE.match(value):
            return False
        return _calendar_ok(value)
    return False


def _calendar_ok(value: str) -> bool:
    m = _MONTH_OR_DAY_START.match(value)
    if m:
        month = int(m.group(2))
        if not 1 <= month <= 12:
            return False
        if m.group(3) is not None:
            day = int(m.group(3))
            return 1 <= day <= calendar.monthrange(max(int(m.group(1)), 1), month)[1]
        return True
    m = _WEEK_START.match(value)
    if m:
        return 1 <= int(m.group(2)) <= iso_weeks_in_year(int(m.group(1)))
    return True


def iso_weeks_in_year(year: int) -> int:
    return date(year, 12, 28).isocalendar()[1] if MIN_YEAR <= year <= MAX_YEAR else 53


def safe_date(year: int, month: int, day: int) -> date | None:
    """A date, or None where the parts do not make one."""
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return None
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return date(year, month, day)


def shift_days(day: date, days: int) -> date | None:
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def shift_months(day: date, months: int) -> tuple[int, int] | None:
    """The (year, month) `months` months after day's month."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    return year, month + 1


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def week_start(day: date) -> date | None:
    return shift_days(day, -day.weekday())


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def weekday_before(dct: date, weekday: int, *, strict: bool = False) -> date | None:
    """The most recent `weekday` (0 = Monday) on or before dct (strictly before with strict)."""
    delta = (dct.weekday() - weekday) % 7
    if strict and delta == 0:
        delta = 7
    return shift_days(dct, -delta)


def weekday_after(dct: date, weekday: int, *, strict: bool = False) -> date | None:
    """The next `weekday` on or after dct (strictly after with strict)."""
    delta = (weekday - dct.weekday()) % 7
    if strict and delta == 0:
        delta = 7
    return shift_days(dct, delta)


def value_range(value: str) -> tuple[date | None, date | None, str]:
    """First day, last day (inclusive) and precision of a DATE/TIME value; (None, None, "unknown") if open."""
    try:
        return _value_range(value)
    except (ValueError, OverflowError):
        return None, None, "unknown"


def _value_range(value: str) -> tuple[date | None, date | None, str]:
    none: tuple[date | None, date | None, str] = (None, None, "unknown")
    m = _DAY_START.match(value)
    if m:
        day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return day, day, "day"
    m = _WEEK_OR_WEEKDAY_START.match(value)
    if m:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3) == "WE":
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        if m.group(3):
            day = monday + timedelta(days=int(m.group(3)) - 1)
            return day, day, "day"
        return monday, monday + timedelta(days=6), "week"
    m = _MONTH_ONLY.match(value)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        return date(year, month, 1), month_end(year, month), "month"
    m = _QUARTER_ONLY.match(value)
    if m:
        year, quarter = int(m.group(1)), int(m.group(2))
        return date(year, 3 * quarter - 2, 1), month_end(year, 3 * quarter), "quarter"
    m = _HALF_ONLY.match(value)
    if m:
        year, half = int(m.group(1)), int(m.group(2))
        return date(year, 6 * half - 5, 1), month_end(year, 6 * half), "quarter"
    m = _SEASON_ONLY.match(value)
    if m:
        year = int(m.group(1))
        first, last = SEASON_MONTHS[m.group(2)]
        if m.group(2) == "WI":
            return date(year, 12, 1), month_end(year + 1, 2), "quarter"
        return date(year, first, 1), month_end(year, last), "quarter"
    m = _YEAR_ONLY.match(value)
    if m:
        year = int(m.group(1))
        return date(year, 1, 1), date(year, 12, 31), "year"
    m = _DECADE_ONLY.match(value)
    if m:
        decade = int(m.group(1)) * 10
        if decade < MIN_YEAR:
            return none
        return date(decade, 1, 1), date(decade + 9, 12, 31), "decade"
    return none
