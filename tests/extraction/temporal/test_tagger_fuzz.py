"""Any text, any publication date: the tagger never raises and its output is always well formed."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.extraction.temporal.calendar import is_valid_value
from timeline.extraction.temporal.tagger import tag

WORDS = [
    "on", "the", "same", "day", "Monday", "Friday", "last", "next", "week", "year", "May", "March", "2025",
    "1990s", "26", "February", "2300", "GMT", "8am", "(", ")", "days", "later", "ago", "three", "quarter",
    "first", "of", "since", "start", "every", "annually", "now", "recently", "12:30", "26/02/2025", ",", ".",
    "\n", "'82", "fiscal", "mid-", "early", "seconds", "7,961", "Q3", "spring", "tonight", "a", "will", "said",
]  # fmt: skip
TYPES = {"DATE", "TIME", "DURATION", "SET"}
PRECISIONS = {"day", "week", "month", "quarter", "year", "decade", "unknown"}
ANCHOR_KINDS = {"absolute", "dct", "previous"}

texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
)
dcts = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


@settings(max_examples=400, deadline=None)
@given(text=texts, dct=dcts)
def test_it_never_fails_and_returns_well_formed_expressions(text: str, dct: date | None) -> None:
    found = tag(text, dct)
    previous_end = 0
    for timex in found:
        assert 0 <= previous_end <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in TYPES
        assert is_valid_value(timex.value, timex.type), timex
        assert timex.precision in PRECISIONS
        assert timex.anchor_kind in ANCHOR_KINDS
        if timex.type in {"DURATION", "SET"}:
            assert timex.range_start is None and timex.range_end is None
        if timex.range_start is not None:
            assert timex.range_end is not None and timex.range_start <= timex.range_end
        previous_end = timex.end


@settings(max_examples=100, deadline=None)
@given(text=texts)
def test_it_leaves_relative_dates_unplaced_without_a_publication_date(text: str) -> None:
    for timex in tag(text, None):
        if timex.anchor_kind == "dct":
            assert timex.range_start is None


def test_a_weekday_in_a_report_of_the_first_day_of_year_one_does_not_fail() -> None:
    for timex in tag("MONDAY", date(1, 1, 1)):
        assert is_valid_value(timex.value, timex.type)
