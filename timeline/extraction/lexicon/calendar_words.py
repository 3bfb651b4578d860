"""The names of months and weekdays, with their abbreviations, as the news writes them in English."""

from __future__ import annotations

MONTHS = {
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
WEEKDAY_ABBREVIATIONS = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}

# Every spelling of a month, full or abbreviated, to its number (1 = January).
MONTH_WORDS = {**MONTHS, **MONTH_ABBREVIATIONS}
# "January" ... "December" and "Monday" ... "Sunday", in calendar order.
MONTH_TITLES = tuple(name.capitalize() for name in MONTHS)
WEEKDAY_TITLES = tuple(name.capitalize() for name in WEEKDAYS)
# The three-letter stems that open every month and weekday word ("Jan", "Mon").
MONTH_STEMS = tuple(name[:3] for name in MONTH_TITLES)
WEEKDAY_STEMS = tuple(name[:3].capitalize() for name in WEEKDAYS)
