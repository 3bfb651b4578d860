"""The date tagger on literal sentences, one family of expressions at a time."""

from __future__ import annotations

from datetime import UTC, date

import pytest

from timeline.extraction.temporal.tagger import Timex, tag

FRIDAY = date(2025, 2, 28)


def only(text: str, dct: date | None = FRIDAY) -> Timex:
    found = tag(text, dct)
    assert len(found) == 1, found
    return found[0]


def find(text: str, needle: str, dct: date | None = FRIDAY) -> Timex:
    for timex in tag(text, dct):
        if needle in timex.text:
            return timex
    raise AssertionError(f"{needle!r} not tagged in {text!r}: {tag(text, dct)}")


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Filed on 2025-02-26 in Seoul.", "2025-02-26", "2025-02-26"),
        ("It happened on 26 February 2025.", "26 February 2025", "2025-02-26"),
        ("It happened on February 26, 2025.", "February 26, 2025", "2025-02-26"),
        ("It happened on Feb. 26, 2025, in Seoul.", "Feb. 26, 2025", "2025-02-26"),
        ("It happened on the 26th of February 2025.", "the 26th of February 2025", "2025-02-26"),
        ("Talks resume on Wednesday, February 26, 2025.", "Wednesday, February 26, 2025", "2025-02-26"),
        ("The order was dated 26/02/2025.", "26/02/2025", "2025-02-26"),
        ("The order was dated 02/26/2025.", "02/26/2025", "2025-02-26"),
    ],
)
def test_it_reads_explicit_dates(text: str, expression: str, value: str) -> None:
    timex = only(text)
    assert (timex.text, timex.type, timex.value) == (expression, "DATE", value)
    assert timex.range_start == timex.range_end == date.fromisoformat(value)
    assert (timex.precision, timex.anchor_kind) == ("day", "absolute")


def test_it_puts_a_bare_part_of_the_day_on_the_day_just_mentioned() -> None:
    found = tag("It happened on Feb. 26, 2025, at dawn.", FRIDAY)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Feb. 26, 2025", "DATE", "2025-02-26"),
        ("dawn", "TIME", "2025-02-26TMO"),
    ]


def test_it_gives_a_date_with_a_clock_time_the_time_type() -> None:
    timex = only("31 October 2024, 21:35")
    assert (timex.text, timex.type, timex.value) == ("31 October 2024, 21:35", "TIME", "2024-10-31T21:35")
    assert timex.range_start == date(2024, 10, 31)


def test_it_reads_numeric_dates_only_where_day_and_month_cannot_be_swapped_or_the_dct_settles_it() -> None:
    assert tag("Signed 03/04/2025.", date(2025, 3, 5)) == []
    assert only("Signed 28/7/07.", date(2007, 8, 1)).value == "2007-07-28"
    assert only("Signed 7/28/99.", date(2007, 8, 1)).value == "1999-07-28"
    assert only("Signed 05/05/2025.", None).value == "2025-05-05"


def test_it_places_a_day_and_month_in_the_nearest_year() -> None:
    assert only("The vote was held on December 30.", date(2025, 1, 3)).value == "2024-12-30"
    assert only("The vote will be held on March 3.", FRIDAY).value == "2025-03-03"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("Prices rose in November 2008.", "2008-11", "month"),
        ("Exports fell in 2009.", "2009", "year"),
        ("It peaked in the 1990s.", "199", "decade"),
        ("Sales doubled in the third quarter of 2009.", "2009-Q3", "quarter"),
        ("Sales doubled in the first half of 2009.", "2009-H1", "quarter"),
        ("The plant opened in spring 2009.", "2009-SP", "quarter"),
        ("Results for fiscal 2007 were flat.", "FY2007", "year"),
    ],
)
def test_it_reads_months_years_decades_quarters_seasons(text: str, value: str, precision: str) -> None:
    timex = only(text)
    assert (timex.value, timex.precision) == (value, precision)


def test_it_gives_ranges_for_coarse_dates() -> None:
    decade = only("It peaked in the 1990s.")
    assert (decade.range_start, decade.range_end) == (date(1990, 1, 1), date(1999, 12, 31))
    quarter = only("Sales doubled in the third quarter of 2009.")
    assert (quarter.range_start, quarter.range_end) == (date(2009, 7, 1), date(2009, 9, 30))


def test_it_reads_a_bare_month_as_the_nearest_one_the_tense_allows() -> None:
    assert only("Congress rejected the proposal in October.", date(2004, 11, 24)).value == "2004-10"
    assert only("The sale should be completed in October.", date(2009, 6, 5)).value == "2009-10"
    assert only("Sales fell in December.", date(2025, 1, 10)).value == "2024-12"


class TestWeekdays:
    def test_it_takes_a_past_tense_weekday_as_the_one_before(self) -> None:
        timex = only("The general was fired on Wednesday.")
        assert (timex.value, timex.rule, timex.anchor, timex.anchor_kind) == (
            "2025-02-26",
            "weekday",
            FRIDAY,
            "dct",
        )

    def test_it_takes_a_future_tense_weekday_as_the_coming_one(self) -> None:
        assert only("The ministers will meet on Monday.").value == "2025-03-03"
        assert only("Markets stay closed until Tuesday.").value == "2025-03-04"

    def test_it_reads_a_short_regular_past_form_as_past(self) -> None:
        # "used" and "died" are past forms too short for the "-ed" clue; a modal further on does not win
        assert only("The mayor used a rally on Tuesday to ask why towns must pay more.").value == "2025-02-25"
        assert only("The old poet died on Tuesday, and crowds could gather at his house.").value == "2025-02-25"

    def test_it_takes_a_weekday_without_tense_as_the_most_recent(self) -> None:
        assert only("Protests in the capital on Tuesday").value == "2025-02-25"

    def test_it_takes_the_publication_weekday_as_that_day(self) -> None:
        assert only("Officials said on Friday that talks had failed.").value == "2025-02-28"

    def test_it_reads_last_and_next_weekdays(self) -> None:
        assert only("They met last Friday.").value == "2025-02-21"
        assert only("They meet next Friday.").value == "2025-03-07"

    def test_it_keeps_a_weekday_unresolved_without_a_publication_date(self) -> None:
        timex = only("The general was fired on Wednesday.", None)
        assert (timex.value, timex.range_start, timex.precision, timex.anchor_kind) == (
            "XXXX-WXX-3",
            None,
            "day",
            "dct",
        )

    def test_it_reads_a_weekday_with_a_part_of_day_as_a_time(self) -> None:
        timex = only("The blast came on Thursday night.")
        assert (timex.text, timex.type, timex.value) == ("Thursday night", "TIME", "2025-02-27TNI")


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("He spoke yesterday.", "2025-02-27", "day"),
        ("He speaks today.", "2025-02-28", "day"),
        ("He speaks tomorrow.", "2025-03-01", "day"),
        ("Troops moved last week.", "2025-W08", "week"),
        ("Troops move this week.", "2025-W09", "week"),
        ("Troops move next week.", "2025-W10", "week"),
        ("Prices rose last month.", "2025-01", "month"),
        ("Prices rose earlier this month.", "2025-02", "month"),
        ("Prices rose last year.", "2024", "year"),
        ("Prices rose late last year.", "2024", "year"),
        ("Prices will rise next year.", "2026", "year"),
        ("It has fired 100 missiles since the start of 2022.", "2022", "year"),
        ("The trial ended three days ago.", "2025-02-25", "day"),
        ("Rebels took the town this weekend.", "2025-W09-WE", "week"),
    ],
)
def test_it_resolves_words_relative_to_the_publication_date(text: str, value: str, precision: str) -> None:
    timex = only(text)
    assert (timex.value, timex.precision) == (value, precision)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The board meets on Monday.", "2024-03-18"),  # dct Wednesday 13 March 2024: a schedule points ahead
        ("The court rules on Tuesday.", "2024-03-19"),
        ("The summit opens on Friday.", "2024-03-15"),
        ("The board met on Monday.", "2024-03-11"),  # past forms and reports point back
        ("The chairman said on Monday that the board would meet.", "2024-03-11"),
        ("The peace talks on Monday ended without a deal.", "2024-03-11"),
    ],
)
def test_it_reads_a_present_tense_schedule_as_ahead_and_a_past_form_as_behind(text: str, value: str) -> None:
    (timex,) = [t for t in tag(text, date(2024, 3, 13)) if t.rule == "weekday"]
    assert timex.value == value


def test_it_covers_the_first_week_of_a_month() -> None:
    timex = only("Troops were redeployed in the first week of February.")
    assert (timex.range_start, timex.range_end, timex.precision) == (date(2025, 2, 1), date(2025, 2, 7), "week")
    assert timex.rule == "first-week-of-month"


class TestAnchoredToThePreviousDate:
    def test_it_anchors_the_same_day_to_the_date_before(self) -> None:
        text = "He flew to Moscow on Thursday. On the same day, Seoul said more troops had been sent."
        timex = find(text, "same day")
        assert (timex.value, timex.anchor, timex.anchor_kind) == ("2025-02-27", date(2025, 2, 27), "previous")
        assert timex.rule == "same-day-as-previous"

    def test_it_counts_days_later_from_the_date_before(self) -> None:
        text = "The talks opened on 3 January 2025. Two days later, they collapsed."
        timex = find(text, "Two days later")
        assert (timex.value, timex.anchor_kind) == ("2025-01-05", "previous")

    def test_it_reads_the_next_day_from_the_date_before(self) -> None:
        text = "The strike began on 3 January 2025. The next day, the unions met."
        assert find(text, "next day").value == "2025-01-04"

    def test_it_spans_days_after_from_the_date_before(self) -> None:
        text = "The ceasefire was signed on 3 January 2025. The shelling resumed days after."
        timex = find(text, "days after")
        assert (timex.range_start, timex.range_end, timex.anchor_kind) == (
            date(2025, 1, 4),
            date(2025, 1, 9),
            "previous",
        )

    def test_it_keeps_a_duration_before_an_event_a_duration(self) -> None:
        timex = only("Two weeks after the crash, the airline resumed flights.", FRIDAY)
        assert (timex.text, timex.type, timex.value) == ("Two weeks", "DURATION", "P2W")


def test_it_puts_a_local_time_beside_gmt_on_the_local_day() -> None:
    text = "South Korea's military said the missiles were launched at around 8am (2300 GMT Tuesday) over the sea."
    timex = find(text, "2300 GMT Tuesday", date(2025, 2, 28))
    assert (timex.type, timex.value, timex.range_start) == ("TIME", "2025-02-26T08:00", date(2025, 2, 26))
    assert timex.rule == "local-time-beside-utc"


def test_it_reads_clock_times_on_the_publication_day() -> None:
    assert only("The index closed at 16:08 UTC.").value == "2025-02-28T16:08Z"
    assert only("The vote opens at 10:30 a.m.").value == "2025-02-28T10:30"
    assert only("Markets open at 0800 UTC.").value == "2025-02-28T08:00Z"


@pytest.mark.parametrize(
    ("text", "type_", "value"),
    [
        ("The siege lasted three years.", "DURATION", "P3Y"),
        ("It lasted 90 days.", "DURATION", "P90D"),
        ("A 12-year low.", "DURATION", "P12Y"),
        ("It took almost two and a half years.", "DURATION", "P2.5Y"),
        ("The flight took 86 minutes.", "DURATION", "PT86M"),
        ("The feud has gone on for decades.", "DURATION", "PXDE"),
        ("Prices have doubled over the past decade.", "DURATION", "P10Y"),
        ("Sales fell for six straight days.", "DURATION", "P6D"),
        ("The council meets every week.", "SET", "P1W"),
        ("The report is published annually.", "SET", "P1Y"),
        ("Inspectors visit twice a year.", "SET", "P1Y"),
        ("The plant loses $5bn a year.", "SET", "P1Y"),
    ],
)
def test_it_types_durations_and_sets_and_keeps_them_off_the_timeline(text: str, type_: str, value: str) -> None:
    timex = only(text)
    assert (timex.type, timex.value) == (type_, value)
    assert (timex.range_start, timex.range_end) == (None, None)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Talks are currently stalled.", "PRESENT_REF"),
        ("The rebels now hold the city.", "PRESENT_REF"),
        ("Recently, the army withdrew.", "PAST_REF"),
        ("At the time, the army held the city.", "PAST_REF"),
        ("These days, most tickets are sold online.", "PRESENT_REF"),
        ("Such attacks were rare in the past.", "PAST_REF"),
        ("Talks may resume in the near future.", "FUTURE_REF"),
    ],
)
def test_it_tags_vague_references_and_keeps_them_off_the_timeline(text: str, value: str) -> None:
    timex = only(text)
    assert (timex.value, timex.range_start, timex.precision, timex.anchor) == (value, None, "unknown", FRIDAY)


@pytest.mark.parametrize(
    "text",
    [
        "The talks may fail.",
        "Protesters march on the capital.",
        "We will see.",
        "It was the second launch and the fourth test this decade-long programme had seen in a row",
        "taking between 7,961 and 7,973 seconds to reach their targets",
        "The missiles traveled 1,587km.",
        "Police counted 2300 protesters.",
        "A second missile followed.",
        "The Apple iLife '11 suite.",
    ],
)
def test_it_rejects_what_only_looks_like_a_date(text: str) -> None:
    assert [t for t in tag(text, FRIDAY) if t.type in {"DATE", "TIME"}] == []


def test_it_never_takes_a_time_of_day_for_a_date() -> None:
    for timex in tag("Ian Payne 4am - 7am", FRIDAY):
        assert timex.type == "TIME"


def test_it_accepts_may_and_march_as_months_where_a_date_is_meant() -> None:
    assert only("The accord was signed in May.", FRIDAY).value == "2024-05"
    assert only("Elections are due on March 9.", FRIDAY).value == "2025-03-09"


def test_it_never_runs_an_expression_across_a_line_break() -> None:
    found = tag("Markets closed until Friday\nSeptember 18, 2008\nThe exchange stayed shut.", date(2008, 9, 18))
    assert [t.text for t in found] == ["Friday", "September 18, 2008"]


def test_it_returns_expressions_in_order_without_overlap() -> None:
    text = "On Monday, 3 March 2025, two days after the vote, officials met at 10:00 GMT and again on Friday."
    found = tag(text, date(2025, 3, 7))
    assert [t.start for t in found] == sorted(t.start for t in found)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for t in found:
        assert text[t.start : t.end] == t.text


def test_it_re_resolves_with_a_corrected_publication_date() -> None:
    text = "Nato said earlier on Monday that troops had been sent."
    assert only(text, None).value == "XXXX-WXX-1"
    assert only(text, date(2024, 10, 31)).value == "2024-10-28"


def test_it_skips_now_in_a_title_case_label() -> None:
    assert tag("Your support helps us. Read more Support Now", FRIDAY) == []
    assert only("Now the rebels hold the city.").value == "PRESENT_REF"


def test_it_reads_a_month_of_a_relative_year() -> None:
    timex = only("Franchises won't be renewed after October of next year.", date(2009, 5, 15))
    assert (timex.text, timex.value) == ("October of next year", "2010-10")


def test_it_puts_a_clock_time_on_the_date_written_after_it() -> None:
    found = tag("At a press conference at 16:15 UTC, June 1st, the chief executive spoke.", date(2009, 6, 4))
    assert [(t.text, t.value) for t in found] == [("16:15 UTC", "2009-06-01T16:15Z"), ("June 1st", "2009-06-01")]


@pytest.mark.parametrize(
    "text",
    [
        "The Russell 2000 Index of smaller companies dropped.",
        "It will cut 789, or about a quarter, of its dealers.",
        "This is not a day anybody can be prepared for.",
    ],
)
def test_it_rejects_names_fractions_and_days_that_measure_nothing(text: str) -> None:
    assert tag(text, FRIDAY) == []


def test_it_reads_annual_amounts_as_a_year_long() -> None:
    found = tag("GM posted its first annual loss since 1992.", date(2006, 1, 27))
    assert [(t.text, t.type, t.value) for t in found] == [("annual", "DURATION", "P1Y"), ("1992", "DATE", "1992")]


def test_it_reads_day_ranges_from_their_first_to_their_last_day() -> None:
    timex = only("The summit, held on Dec. 12-13, 2023, ended without a deal.")
    assert (timex.text, timex.value, timex.range_start, timex.range_end) == (
        "Dec. 12-13, 2023",
        "2023-12-12",
        date(2023, 12, 12),
        date(2023, 12, 13),
    )
    assert only("Talks run from 12 to 14 March 2025.").range_end == date(2025, 3, 14)


def test_it_reads_mid_month_and_keeps_could_last_weeks_a_duration() -> None:
    assert (only("A decision is due by mid-March.").text, only("A decision is due by mid-March.").value) == (
        "mid-March",
        "2025-03",
    )
    timex = only("The trial could last weeks.")
    assert (timex.type, timex.value) == ("DURATION", "PXW")


def test_it_reads_the_same_period_a_year_earlier_from_the_period_before() -> None:
    text = "Sales fell 9% in the third quarter of 2009 from the same period a year earlier."
    timex = find(text, "same period", date(2009, 10, 16))
    assert (timex.value, timex.anchor_kind) == ("2008-Q3", "previous")
    month = find("Sales fell in March from the same month last year.", "same month", date(2009, 4, 2))
    assert month.value == "2008-03"


def test_it_reads_eastern_time_before_a_date() -> None:
    found = tag("The strike hit at 10:30 a.m. ET on Jan. 5.", date(2024, 3, 14))
    assert [(t.text, t.value) for t in found] == [("10:30 a.m. ET", "2024-01-05T10:30"), ("Jan. 5", "2024-01-05")]


def test_it_tells_recurring_annual_events_from_annual_amounts() -> None:
    assert only("Jobs gave the annual keynote to the developers' conference.").type == "SET"
    assert only("Jobs spoke at the annual Worldwide Developers Conference.").type == "SET"
    assert only("The carmaker posted an annual profit.").type == "DURATION"


def test_it_keeps_consecutive_quarters_a_duration() -> None:
    timex = only("Japan entered a recession after two consecutive quarters of negative growth.")
    assert (timex.type, timex.value) == ("DURATION", "P2Q")


def test_it_takes_early_and_late_into_a_weekday_and_end_into_a_year() -> None:
    found = tag("Fighting flared early Tuesday, officials said late Monday, and will end by end-2025.", FRIDAY)
    assert [(t.text, t.value) for t in found] == [
        ("early Tuesday", "2025-02-25"),
        ("late Monday", "2025-02-24"),
        ("end-2025", "2025"),
    ]


def test_it_keeps_the_determiner_of_a_noun_out_of_an_adjectival_duration() -> None:
    assert only("The two-day visit ended.").text == "two-day"


def test_it_reads_a_clock_time_with_its_weekday() -> None:
    timex = only("A third blast came at about 0200 GMT on Sunday.", date(2025, 6, 11))
    assert (timex.text, timex.value) == ("0200 GMT on Sunday", "2025-06-08T02:00Z")


def test_it_takes_a_clock_time_to_the_date_of_its_own_sentence_only() -> None:
    found = tag("The accord was signed on 14 February. The blast came at 3pm.", date(2025, 6, 11))
    assert [(t.text, t.value) for t in found] == [("14 February", "2025-02-14"), ("3pm", "2025-06-11T15:00")]
    found = tag("On 14 February the blast came at 3pm.", date(2025, 6, 11))
    assert found[-1].value == "2025-02-14T15:00"


def test_it_reads_the_previous_and_following_year_from_the_year_mentioned_before() -> None:
    text = "Costs fell to $118bn last year, $19.8bn less than the year previous."
    assert [(t.text, t.value) for t in tag(text, date(2010, 1, 28))] == [
        ("last year", "2009"),
        ("the year previous", "2008"),
    ]
    found = tag("Crops failed in 2001, and the following year the rains returned.", date(2010, 1, 28))
    assert (found[-1].text, found[-1].value, found[-1].anchor_kind) == ("the following year", "2002", "previous")


def test_it_names_relative_fiscal_years_by_the_publication_year() -> None:
    timex = only("Sales doubled at the very beginning of the financial year.", date(2007, 1, 18))
    assert (timex.text, timex.value, timex.range_start) == ("the very beginning of the financial year", "FY2007", None)


def test_it_skips_now_and_soon_in_compound_adjectives() -> None:
    assert tag("He spoke against the now-cancelled deal at the soon-to-open terminal.", FRIDAY) == []


TUESDAY = date(2024, 3, 12)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Schools will stay closed through Wednesday.", "Wednesday", "2024-03-13"),
        ("Roads remain blocked until Friday.", "Friday", "2024-03-15"),
        ("Spain declared three days of mourning starting Thursday.", "Thursday", "2024-03-14"),
        ("The truce expires at noon on Saturday.", "Saturday", "2024-03-16"),
        ("The market opens on Monday after the holiday.", "Monday", "2024-03-18"),
        ("The rebels pledged to disarm by Friday.", "Friday", "2024-03-15"),
        ("Shops closed early on Saturday.", "Saturday", "2024-03-09"),
    ],
)
def test_it_reads_the_tense_of_stay_verbs_schedules_and_promises(text: str, expression: str, value: str) -> None:
    assert find(text, expression, TUESDAY).value == value


def test_it_puts_midnight_on_the_day_written_after_it() -> None:
    assert find("The pact expires at midnight on Sunday.", "midnight", TUESDAY).value == "2024-03-17T24:00"


def test_it_leaves_a_weekday_inside_a_newspaper_title_alone() -> None:
    assert tag("The Sunday Times reported the deal.", TUESDAY) == []
    assert [t.text for t in tag("Sunday's vote led the Sunday Telegraph.", TUESDAY)] == ["Sunday"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Several roads were closed over the weekend.", "2024-W10-WE"),
        ("Fans will gather at the weekend.", "2024-W11-WE"),
        ("Thousands marched this past weekend.", "2024-W10-WE"),
    ],
)
def test_it_places_the_weekend_by_tense(text: str, value: str) -> None:
    assert only(text, TUESDAY).value == value


def test_it_counts_the_following_week_from_the_day_mentioned_before() -> None:
    found = tag("The court ruled on Jan. 9, and the following week the cabinet resigned.", TUESDAY)
    assert [t.value for t in found] == ["2024-01-09", "2024-W03"]


@pytest.mark.parametrize(
    ("text", "dct", "expression", "value"),
    [
        ("Exports rose in December from a year earlier.", date(2025, 1, 2), "a year earlier", "2023-12"),
        ("Talks broke down in 2021. A year later, fighting resumed.", TUESDAY, "A year later", "2022"),
        ("Sales rose in the third quarter from a year earlier.", TUESDAY, "a year earlier", "2022-Q3"),
        ("The bridge opened on March 3, 2020, and two years later it closed.", TUESDAY, "two years later", "2022"),
        ("Turnout was 61%, up from 54% a year earlier.", TUESDAY, "a year earlier", "2023"),
    ],
)
def test_it_counts_years_from_the_period_mentioned_last(text: str, dct: date, expression: str, value: str) -> None:
    assert find(text, expression, dct).value == value


def test_it_does_not_take_shortly_before_a_time_for_the_future() -> None:
    assert [t.text for t in tag("The blast was heard shortly after midnight.", TUESDAY)] == ["midnight"]
    assert only("Results are expected shortly.", TUESDAY).value == "FUTURE_REF"


@pytest.mark.parametrize(
    ("text", "dct", "expression", "value"),
    [
        ("The rebels promised to hand over weapons by mid-January.", date(2024, 12, 30), "mid-January", "2025-01"),
        ("The company cut its forecast for the second half.", TUESDAY, "the second half", "2024-H2"),
        ("Profit fell in the second half.", date(2024, 3, 12), "the second half", "2023-H2"),
        ("Prices have risen each month since the summer.", TUESDAY, "summer", "2023-SU"),
        ("The festival returns this summer.", TUESDAY, "this summer", "2024-SU"),
        ("The lender's H1 profit beat forecasts.", date(2024, 8, 1), "H1", "2024-H1"),
        ("Margins narrowed in H2 2023.", TUESDAY, "H2 2023", "2023-H2"),
    ],
)
def test_it_chooses_the_year_of_months_halves_and_seasons(text: str, dct: date, expression: str, value: str) -> None:
    assert find(text, expression, dct).value == value


@pytest.mark.parametrize(
    "text",
    ["Critics say the 2024 Act gives police sweeping powers.", "Green H2 output is rising.", "The H1 heading."],
)
def test_it_leaves_law_titles_and_hydrogen_alone(text: str) -> None:
    assert tag(text, TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The decree was signed 3.4.2024 in Bern.", TUESDAY, "2024-04-03"),
        ("The hearing is set for 12/03/2024.", TUESDAY, "2024-03-12"),
        ("The hearing is set for 12/03/2024.", date(2024, 11, 20), "2024-12-03"),
        ("Bookings for 25/12/2024 sold out.", TUESDAY, "2024-12-25"),
    ],
)
def test_it_reads_dotted_dates_day_first_and_slashed_ones_nearest_the_dct(text: str, dct: date, value: str) -> None:
    assert only(text, dct).value == value


def test_it_leaves_release_numbers_and_undated_ambiguous_dates_out() -> None:
    assert tag("Version 1.2.2024 fixed the bug.", TUESDAY) == []
    assert tag("The hearing is set for 12/03/2024.", None) == []
    assert tag("The hearing is set for 12/03/2024.", date(2024, 7, 1)) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Officials will meet on the 20th to review the sanctions.", "2024-03-20"),
        ("The convoy was hit on the 2nd.", "2024-03-02"),
        ("The talks ended on the 30th, officials said.", "2024-01-30"),
    ],
)
def test_it_reads_a_day_of_the_month_alone(text: str, value: str) -> None:
    assert only(text, TUESDAY).value == value


def test_it_does_not_take_an_ordinal_floor_or_century_for_a_day() -> None:
    assert tag("He lives on the 20th floor.", TUESDAY) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Heavy shelling continued overnight, the governor said.", "2024-03-11TNI"),
        ("Talks will continue overnight and into Wednesday.", "2024-03-12TNI"),
    ],
)
def test_it_reads_overnight_as_the_night_by_tense(text: str, value: str) -> None:
    assert find(text, "overnight", TUESDAY).value == value


def test_it_leaves_overnight_as_an_adjective_alone() -> None:
    assert tag("An overnight curfew was imposed.", TUESDAY) == []
    assert tag("Overnight rates rose.", TUESDAY) == []


WEDNESDAY = date(2025, 6, 18)


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("The storm is forecast to make landfall early Friday.", "Friday", "2025-06-20"),
        ("The company is poised to report results on Monday.", "Monday", "2025-06-23"),
        ("Voters head to the polls on Sunday.", "Sunday", "2025-06-22"),
    ],
)
def test_it_reads_forecasts_and_polling_days_as_future(text: str, expression: str, value: str) -> None:
    assert find(text, expression, WEDNESDAY).value == value


def test_it_takes_a_month_before_a_surname_for_a_first_name() -> None:
    assert tag("April Ryan asked the first question.", WEDNESDAY) == []
    assert only("In April Merkel said no.", WEDNESDAY).value == "2025-04"
    assert only("Prices rose in June, Eurostat said.", WEDNESDAY).value == "2025-06"


def test_it_dates_a_promise_by_its_verb_when_the_day_comes_first() -> None:
    found = tag("On Friday, the leaders agreed to tighten sanctions.", date(2023, 5, 21))
    assert [t.value for t in found] == ["2023-05-19"]
    assert find("The rebels agreed to disarm by Friday.", "Friday", date(2023, 5, 21)).value == "2023-05-26"


THURSDAY = date(2025, 9, 25)


@pytest.mark.parametrize(("text", "value"), [("Polls close at 20:00.", "T20:00"), ("It passed at 23:59.", "T23:59")])
def test_it_reads_evening_clock_times_written_with_a_colon(text: str, value: str) -> None:
    assert only(text, THURSDAY).value == "2025-09-25" + value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The verdict is due on Monday.", "2025-09-29"),
        ("The envoy arrives in Kabul on Saturday.", "2025-09-27"),
        ("Parliament reconvenes on Tuesday.", "2025-09-30"),
        ("The payment was due on Monday.", "2025-09-22"),
    ],
)
def test_it_reads_timetable_verbs_in_the_present_as_future(text: str, value: str) -> None:
    assert only(text, THURSDAY).value == value


def test_it_takes_a_weekday_between_the_and_a_capitalised_noun_for_a_name() -> None:
    assert tag("The Friday Mosque in Herat was damaged.", THURSDAY) == []
    assert find("On the Friday before Easter, he left.", "Friday", THURSDAY).value == "2025-09-19"


def test_it_reads_a_day_of_the_month_from_the_date_just_mentioned() -> None:
    found = tag("Talks began on Feb. 28 and ended on the 3rd.", date(2025, 4, 10))
    assert [t.value for t in found] == ["2025-02-28", "2025-03-03"]


def test_it_does_not_end_a_sentence_at_an_abbreviation() -> None:
    found = tag("Talks began on Feb. 3 and ended on the 7th.", date(2025, 4, 10))
    assert [t.value for t in found] == ["2025-02-03", "2025-02-07"]


def test_it_places_a_bare_season_after_the_season_just_mentioned() -> None:
    found = tag("The crisis began in the autumn of 2023 and deepened through the winter.", date(2025, 4, 10))
    assert [t.value for t in found] == ["2023-FA", "2023-WI"]


@pytest.mark.parametrize(
    "text",
    [
        "The Seven Days War is still taught in schools.",
        "The Hundred Years' War shaped both nations.",
        "The 24 Hours of Le Mans race was cancelled.",
        "The Good Friday Agreement ended the conflict.",
        "Wednesday Addams is a fictional character.",
        "Guests in Room 1984 complained about the noise.",
        "Flight 2020 was delayed.",
    ],
)
def test_it_leaves_names_and_labels_that_hold_time_words_alone(text: str) -> None:
    assert tag(text, date(2025, 2, 11)) == []


def test_it_still_reads_time_words_in_a_title_case_headline_and_after_a_lead_word() -> None:
    assert only("Talks Collapse After Three Days", date(2025, 2, 11)).value == "P3D"
    assert only("On Friday Merkel said no.", date(2025, 2, 11)).value == "2025-02-07"
    assert only("Easter Monday is a holiday.", date(2025, 2, 11)).rule == "holiday"


def test_it_reads_a_bare_plural_before_of_as_a_vague_span_but_not_an_era() -> None:
    assert only("The runoff was delayed by weeks of unrest.", TUESDAY).value == "PXW"
    assert only("The truce came after weeks of negotiations.", TUESDAY).value == "PXW"
    assert tag("In the days of the empire, trade grew.", TUESDAY) == []


def test_the_same_weekday_is_the_one_the_text_named_before():
    text = "Ties were cut on Wednesday, September 7. Britain said on the same Wednesday that the hack was theirs."
    found = {t.text: t.value for t in tag(text, date(2022, 9, 14))}
    assert found["Wednesday, September 7"] == "2022-09-07"
    assert [t.value for t in tag(text, date(2022, 9, 14)) if t.text == "Wednesday"] == ["2022-09-07"]
    # with no Wednesday named before, it is read as any bare weekday
    assert [t.value for t in tag("They met on the same Wednesday.", date(2022, 9, 14))] == ["2022-09-14"]


def test_an_hour_not_yet_come_when_the_report_was_published_is_of_the_day_before():
    from datetime import datetime, timedelta, timezone

    from timeline.extraction.temporal.tagger import clocks_before_publication

    seoul = timezone(timedelta(hours=9))
    text = "The blast struck the stern at about 9:22 p.m., and rescuers reached the ship at 7 a.m."
    found = clocks_before_publication(tag(text, date(2010, 3, 27)), datetime(2010, 3, 27, 8, 15, tzinfo=seoul))
    assert [(t.text, t.range_start) for t in found] == [("9:22 p.m.", date(2010, 3, 26)), ("7 a.m.", date(2010, 3, 27))]
    # a stamp in UTC says nothing of the local clock; an hour with a zone of its own is left as the tagger read it
    utc = datetime(2010, 3, 27, 8, 15, tzinfo=UTC)
    assert clocks_before_publication(tag(text, date(2010, 3, 27)), utc)[0].range_start == date(2010, 3, 27)
    zoned = clocks_before_publication(
        tag("It landed at 22:43 GMT.", date(2010, 3, 27)), datetime(2010, 3, 27, 8, 15, tzinfo=seoul)
    )
    assert zoned[0].range_start == date(2010, 3, 27)
