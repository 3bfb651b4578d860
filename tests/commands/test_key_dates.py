import io
import json
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from timeline.ingest.service import article_ingest

pytestmark = pytest.mark.django_db

REPORTS = [
    (date(2024, 3, 4), "Soldiers seized the presidential palace in Niger on Monday and detained the president."),
    (date(2024, 3, 6), "France said on Wednesday that it was following events in Niger closely."),
    (date(2024, 3, 12), "Since the coup on March 4, the junta has arrested dozens of ministers in Niger."),
]


def key_dates(*args):
    out = io.StringIO()
    call_command("key_dates", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


@pytest.fixture
def story():
    for published, text in REPORTS:
        article_ingest(raw_text=text, publisher="Gazette", published=published)


def test_it_prints_the_days_as_a_json_list_in_date_order(story):
    days = key_dates("--count", "2")
    assert [d["date"] for d in days] == ["2024-03-04", "2024-03-06"]
    assert all(set(d) == {"date", "summary", "events", "score"} for d in days)
    assert days[0]["summary"].startswith("Soldiers seized") and days[0]["events"]
    assert days[0]["score"] > days[1]["score"]


def test_it_takes_the_timelines_filters(story):
    assert [d["date"] for d in key_dates("--count", "5", "--type", "statement")] == ["2024-03-06"]
    assert [d["date"] for d in key_dates("--count", "5", "--text", "France")] == ["2024-03-06"]
    assert [d["date"] for d in key_dates("--count", "5", "--date-to", "2024-03-05")] == ["2024-03-04"]


def test_a_bad_count_or_filter_is_a_message_not_a_traceback(story):
    with pytest.raises(CommandError, match="between 1 and"):
        key_dates("--count", "0")
    with pytest.raises(CommandError, match="date_from"):
        key_dates("--date-from", "yesterday")
    with pytest.raises(CommandError, match="type"):
        key_dates("--type", "picnic")
    with pytest.raises(CommandError, match="actor"):
        key_dates("--actor", "nobody-at-all")


def test_an_empty_database_gives_an_empty_list():
    assert key_dates("--count", "3") == []
