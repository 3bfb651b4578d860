from timeline.extraction.lexicon.calendar_words import MONTH_STEMS, MONTH_TITLES, MONTH_WORDS, WEEKDAY_STEMS, WEEKDAYS


def test_it_numbers_full_and_abbreviated_months_alike():
    assert MONTH_WORDS["september"] == MONTH_WORDS["sept"] == MONTH_WORDS["sep"] == 9
    assert MONTH_WORDS["may"] == 5


def test_it_lists_month_titles_in_calendar_order():
    assert MONTH_TITLES[0] == "January" and MONTH_TITLES[11] == "December"
    assert MONTH_STEMS[:3] == ("Jan", "Feb", "Mar")


def test_it_counts_weekdays_from_monday():
    assert WEEKDAYS["monday"] == 0 and WEEKDAYS["sunday"] == 6
    assert WEEKDAY_STEMS == ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
