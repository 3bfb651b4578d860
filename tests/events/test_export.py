import io
import json

import pytest
from django.core.management import call_command

from bench.synthetic import events_generate
from timeline.events.export import article_records, event_record, event_records, export_chunks, public_events
from timeline.models import Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def generated():
    events_generate(count=40, seed=3, batch_size=40)


def test_it_reads_every_public_event_once_whatever_the_chunk(generated):
    Event.objects.filter(pk=Event.objects.order_by("id").first().pk).update(date_start=None, date_end=None)
    whole = list(event_records(chunk=500))
    assert [e["slug"] for e in list(event_records(chunk=3))] == [e["slug"] for e in whole]
    assert sorted(e["slug"] for e in whole) == sorted(public_events().values_list("slug", flat=True))
    dated = [e["date_start"] for e in whole if e["date_start"]]
    assert dated == sorted(dated) and whole[-1]["date_start"] is None  # dated by date, then undated
    assert len(list(article_records(chunk=7))) == len(list(article_records()))


def test_it_streams_the_same_json_the_contract_gives_at_once(generated):
    streamed = "".join(export_chunks(fmt="json"))
    data = {"articles": list(article_records()), "events": list(event_records())}
    assert streamed == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def test_it_writes_empty_lists_as_json_does():
    assert json.loads("".join(export_chunks(fmt="json"))) == {"articles": [], "events": []}
    assert "".join(export_chunks(fmt="timelinejs")).endswith('"events": []\n}')


def test_it_exports_one_event_and_a_filtered_selection(generated):
    event = public_events().order_by("id").first()
    record = event_record(event)
    assert record["slug"] == event.slug and record["url"] == f"/events/{event.slug}/"
    assert len(record["sources"]) == event.mentions.count()
    chosen = public_events().filter(event_type=event.event_type)
    assert {e["type"] for e in event_records(chosen)} == {event.event_type}


def test_it_exports_a_large_database_in_every_format():
    # thousands of events: one query over all their passages once grew past SQLite's expression limit
    events_generate(count=1200, seed=1, batch_size=1200)
    out = io.StringIO()
    call_command("export_events", stdout=out, stderr=io.StringIO())
    data = json.loads(out.getvalue())
    assert len(data["events"]) == public_events().count() > 1000
    assert sum(len(e["sources"]) for e in data["events"]) > 1000
    for fmt in ("csv", "ics", "timelinejs"):
        out = io.StringIO()
        call_command("export_events", "--format", fmt, stdout=out, stderr=io.StringIO())
        assert out.getvalue()
