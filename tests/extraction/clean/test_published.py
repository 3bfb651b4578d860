from datetime import date, datetime

import pytest

from timeline.extraction.clean.lines import clean_text
from timeline.extraction.clean.published import free_form_date, published_in_range

SAVED = datetime(2024, 3, 14, 12, 0)


@pytest.mark.parametrize(
    "line, day, at",
    [
        ("Updated 3 hours ago", date(2024, 3, 14), datetime(2024, 3, 14, 9, 0)),
        ("Published: 2 days ago", date(2024, 3, 12), datetime(2024, 3, 12, 12, 0)),
        ("Publié le 12 mars 2024 à 14h05", date(2024, 3, 12), datetime(2024, 3, 12, 14, 5)),
        ("Veröffentlicht am 12. März 2024", date(2024, 3, 12), None),
        ("12 de marzo de 2024", date(2024, 3, 12), None),
        ("Posted on Tuesday", date(2024, 3, 12), None),
    ],
)
def test_it_reads_free_form_header_dates_against_the_time_the_file_was_saved(line, day, at):
    found = free_form_date(line, SAVED)
    assert found is not None and (found[0], found[1]) == (day, at) and found[2] == line


@pytest.mark.parametrize(
    "line",
    ["Monday", "Review of 2023", "2,000 troops sent", "By Ann Lee", "Published 12 March 2031", "1 January 1850"],
)
def test_it_takes_no_date_from_a_line_that_is_not_one_it_can_place(line):
    assert free_form_date(line, SAVED) is None


def test_it_dates_an_article_from_a_relative_header_line():
    cleaned = clean_text(
        "Troops cross the border\nUpdated 3 hours ago\n\nTroops crossed the border on Monday, officials said.",
        reference=SAVED,
    )
    assert cleaned.meta.published == date(2024, 3, 14)
    assert "Updated" not in cleaned.text


def test_it_places_publication_dates_between_1900_and_2100():
    assert published_in_range(date(1900, 1, 1)) and published_in_range(date(2100, 12, 31))
    assert not published_in_range(date(1, 1, 1)) and not published_in_range(date(9999, 12, 31))


def test_it_leaves_a_relative_header_date_unread_without_the_time_the_page_was_saved():
    assert free_form_date("Updated 3 hours ago") is None and free_form_date("Posted on Tuesday") is None
    assert free_form_date("Veröffentlicht am 12. März 2024")[0] == date(2024, 3, 12)
