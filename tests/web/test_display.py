from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest

from timeline.templatetags.timeline_display import event_date, event_days
from timeline.web.display import article_paragraphs, change_log, date_label, range_label


@pytest.mark.parametrize(
    ("start", "end", "precision", "expected"),
    [
        (date(2025, 2, 26), date(2025, 2, 26), "day", "26 Feb 2025"),
        (date(2025, 2, 1), date(2025, 2, 7), "week", "week of 1 Feb 2025"),
        (date(2025, 2, 1), date(2025, 2, 28), "month", "February 2025"),
        (date(2025, 4, 1), date(2025, 6, 30), "quarter", "Q2 2025"),
        (date(2024, 1, 1), date(2024, 12, 31), "year", "2024"),
        (date(2020, 1, 1), date(2029, 12, 31), "decade", "the 2020s"),
        (date(2025, 3, 3), date(2025, 3, 3), "unknown", "around 3 Mar 2025"),
        (date(2025, 3, 3), date(2025, 3, 9), "unknown", "between 3 Mar 2025 and 9 Mar 2025"),
        (None, None, "unknown", "date unknown"),
    ],
)
def test_it_says_dates_at_their_precision(start, end, precision, expected):
    assert date_label(start, end, precision) == expected


def test_it_gives_the_exact_days_of_a_range():
    assert range_label(date(2025, 2, 1), date(2025, 2, 7)) == "1 Feb 2025 – 7 Feb 2025"
    assert range_label(date(2025, 2, 1), None) == "1 Feb 2025"
    assert range_label(None, None) == ""


def test_it_exposes_the_labels_as_template_filters():
    @dataclass
    class Dated:
        date_start: date
        date_end: date
        precision: str

    week = Dated(date(2025, 2, 1), date(2025, 2, 7), "week")
    assert event_date(week) == "week of 1 Feb 2025"
    assert event_days(week) == "1 Feb 2025 – 7 Feb 2025"


@dataclass
class FakePassage:
    index: int
    start: int
    end: int
    paragraph: int = 0


def _texts(paragraphs):
    return [[(piece.text, piece.passage.index if piece.passage else None) for piece in p.pieces] for p in paragraphs]


def test_it_wraps_each_passage_and_keeps_every_character():
    text = "Intro line\n\nFirst one. Second one.\n\nThird one."
    passages = [FakePassage(0, 12, 22), FakePassage(1, 23, 34), FakePassage(2, 36, 46, paragraph=1)]
    paragraphs = article_paragraphs(text, passages)
    assert _texts(paragraphs) == [
        [("Intro line", None)],
        [("First one.", 0), ("Second one.", 1)],  # blank gaps are left to the template's spacing
        [("Third one.", 2)],
    ]


def test_it_starts_a_paragraph_when_the_passage_paragraph_changes():
    text = "One. Two."
    paragraphs = article_paragraphs(text, [FakePassage(0, 0, 4, 0), FakePassage(1, 5, 9, 1)])
    assert _texts(paragraphs) == [[("One.", 0)], [("Two.", 1)]]


def test_it_leaves_bad_offsets_as_plain_text():
    text = "Alpha beta. Gamma."
    passages = [FakePassage(0, 0, 11), FakePassage(1, 5, 15), FakePassage(2, 12, 99)]
    paragraphs = article_paragraphs(text, passages)
    assert _texts(paragraphs) == [[("Alpha beta.", 0), (" Gamma.", None)]]


def test_it_renders_an_article_without_passages_as_paragraphs():
    assert _texts(article_paragraphs("A.\n\nB.", [])) == [[("A.", None)], [("B.", None)]]


@dataclass
class Record:
    history_date: datetime
    history_type: str
    title: str = "Launch"
    status: str = "new"
    date_start: date | None = date(2025, 2, 26)
    date_end: date | None = date(2025, 2, 26)
    precision: str = "day"
    date_disputed: bool = False
    event_type: str = "missile test"
    publisher_count: int = 1
    summary: str = ""


def test_it_describes_changes_without_naming_anyone():
    t = [datetime(2025, 3, day, tzinfo=UTC) for day in (1, 2, 3, 4)]
    records = [
        Record(t[3], "~", title="Missile launch", status="verified", publisher_count=2),
        Record(t[2], "~", status="verified"),
        Record(t[1], "~"),  # nothing public changed
        Record(t[0], "+"),
    ]
    changes = change_log(records)
    assert [c.when for c in changes] == [t[3], t[2], t[0]]
    assert changes[0].what == "Headline revised; reported by 1 more publisher"
    assert changes[1].what == "Checked by a curator"
    assert changes[2].what == "first recorded"
