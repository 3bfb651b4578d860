from datetime import date

from timeline.extraction.key_dates.references import day_references
from timeline.extraction.segment import segment
from timeline.extraction.temporal.tagger import tag

TEXT = (
    "Protesters marched in the capital on Sunday. "
    "Since the coup on February 1, more than 700 people have been killed. "
    "The junta said in March that it would hold elections next year."
)


def references(text: str, dct: date):
    return day_references(segment(text), tag(text, dct))


def test_it_names_each_day_a_sentence_points_to_resolved_against_the_publication_date():
    found = {(r.passage, r.day, r.sentences) for r in references(TEXT, date(2021, 4, 20))}
    assert (0, date(2021, 4, 18), 1) in found  # "on Sunday" before a Tuesday report
    assert (1, date(2021, 2, 1), 1) in found  # a later report looking back


def test_it_leaves_out_months_years_and_durations():
    found = references(TEXT, date(2021, 4, 20))
    assert all(r.passage != 2 for r in found)


def test_an_article_naming_a_day_in_several_sentences_names_it_once_with_their_count():
    text = "The vote was held on 9 August, and on August 9 police broke up the protests. Since August 9 no one slept."
    found = references(text, date(2020, 8, 12))
    assert [(r.passage, r.day, r.sentences) for r in found] == [(0, date(2020, 8, 9), 2)]


def test_no_passages_no_references():
    assert day_references([], tag("on Sunday", date(2021, 4, 20))) == []
