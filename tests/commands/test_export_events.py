import io
import json

import pytest
from django.core.management import call_command
from django.db import connection, reset_queries
from django.test.utils import CaptureQueriesContext

from timeline.events.export import article_records, event_records
from timeline.ingest.service import article_ingest
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

TEXT = """Iran fires ballistic missiles toward the Red Sea
12 March 2024

Iran fired two ballistic missiles toward the Red Sea on Tuesday, the Pentagon said.
On Wednesday, Israel warned Iran that it would answer any further launch."""


def export(*args):
    out = io.StringIO()
    call_command("export_events", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.fixture
def stored():
    article_ingest(raw_text=TEXT, publisher="Gazette", url="https://example.org/a")


def test_it_exports_the_design_json_shape(stored):
    data = json.loads(export())
    assert set(data) == {"articles", "events"}
    (article,) = data["articles"]
    assert set(article) == {"id", "title", "url", "publisher", "published", "published_source", "duplicate_of"}
    assert article["publisher"] == "Gazette" and article["published"] == "2024-03-12"
    keys = {"slug", "url", "title", "summary", "type", "date_start", "date_end", "precision", "status", "actors",
            "places", "publishers", "sources"}  # fmt: skip
    assert all(set(e) == keys for e in data["events"])
    launch = next(e for e in data["events"] if e["type"] == "missile test")
    assert launch["date_start"] == launch["date_end"] == "2024-03-12" and launch["precision"] == "day"
    assert launch["url"] == f"/events/{launch['slug']}/"
    (source,) = launch["sources"]
    assert set(source) == {"article", "passage", "start", "end", "date_text", "sentence"}
    assert source["date_text"] == "Tuesday" and source["article"] == article["id"]
    assert (
        source["passage"]
        == source["sentence"]
        == "Iran fired two ballistic missiles toward the Red Sea on Tuesday, the Pentagon said."
    )
    assert "Iran" in launch["actors"] and launch["places"] == ["Red Sea"] and launch["publishers"] == 1


TWO_HAPPENINGS = """Rebels take the capital
Published 9 June 2024

Rebels stormed the presidential palace in the capital of Ruritania on Saturday; the president fled the country on Sunday.
Neighbouring Borduria closed its border on Sunday, its interior ministry said."""


def test_it_exports_the_clause_that_tells_each_event_of_a_two_happening_sentence():
    article_ingest(raw_text=TWO_HAPPENINGS, publisher="Gazette")
    data = json.loads(export())
    by_day = {
        e["date_start"]: s for e in data["events"] for s in e["sources"] if s["sentence"].startswith("Rebels stormed")
    }
    sentence = by_day["2024-06-08"]["sentence"]
    assert (
        by_day["2024-06-08"]["passage"]
        == "Rebels stormed the presidential palace in the capital of Ruritania on Saturday"
    )
    assert by_day["2024-06-09"]["passage"] == "the president fled the country on Sunday."
    text = Article.objects.get().text
    for source in by_day.values():  # the offsets locate the clause in the article's text
        assert text[source["start"] : source["end"]] == source["passage"] and source["passage"] in sentence


def test_it_leaves_rejected_events_out(stored):
    Event.objects.filter(event_type="statement").update(status=Event.Status.REJECTED)
    types = [e["type"] for e in json.loads(export())["events"]]
    assert "statement" not in types and "missile test" in types


def test_it_writes_csv_timelinejs_and_ics(stored, tmp_path):
    csv_text = export("--format", "csv")
    assert csv_text.splitlines()[0].startswith("slug,url,title,type,date_start")
    assert len(csv_text.splitlines()) == 1 + Event.objects.count()
    tl = json.loads(export("--format", "timelinejs"))
    slide = next(e for e in tl["events"] if e["unique_id"].endswith("missile-test"))
    assert slide["start_date"] == {"year": 2024, "month": 3, "day": 12}
    ics = export("--format", "ics")
    assert ics.startswith("BEGIN:VCALENDAR\r\n") and "DTSTART;VALUE=DATE:20240312" in ics
    assert "DTEND;VALUE=DATE:20240313" in ics
    target = tmp_path / "out.json"
    call_command("export_events", "--output", str(target), stdout=io.StringIO(), stderr=io.StringIO())
    assert json.loads(target.read_text())["events"]


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's query planner (PostgreSQL gathers statistics itself)"
)
def test_it_walks_the_events_by_date_after_an_ingest_instead_of_sorting_them_all_for_each_page(tmp_path):
    for n, place in enumerate(["the Red Sea", "the Gulf of Aden", "the Arabian Sea"]):
        (tmp_path / f"{n}.txt").write_text(TEXT.replace("the Red Sea", place).replace("12 March", f"1{n} March"))
    call_command("ingest", str(tmp_path), stdout=io.StringIO(), stderr=io.StringIO())
    with CaptureQueriesContext(connection) as queries:
        export("--format", "csv")
    pages = [q["sql"] for q in queries if 'ORDER BY "timeline_event"."date_start" ASC' in q["sql"]]
    assert pages
    with connection.cursor() as cursor:
        for sql in pages:
            cursor.execute(f"EXPLAIN QUERY PLAN {sql}")
            plan = " ".join(str(row[-1]) for row in cursor.fetchall())
            assert "TEMP B-TREE" not in plan, plan  # a sort of every event for each page of 500


def test_it_keeps_no_growing_log_of_its_queries_with_debug_on(stored, settings):
    settings.DEBUG = True  # as a local run is: Django then keeps every query (the last 9,000) in memory
    reset_queries()
    events = list(event_records(chunk=1))
    articles = list(article_records(chunk=1))
    assert len(events) >= 2 and articles
    assert len(connection.queries) <= 4  # the last page's, not one set per page
