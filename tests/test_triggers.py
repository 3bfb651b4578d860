import re
from datetime import date

import pytest
from django.db import connection

from timeline.models import Event, EventTally
from timeline.triggers import installed_triggers, trigger_statements, triggers_install

pytestmark = pytest.mark.django_db


def _file_triggers() -> list[str]:
    names = (re.match(r"CREATE TRIGGER (\w+)", sql) for sql in trigger_statements(connection.vendor))
    return sorted(m.group(1) for m in names if m)


def test_it_installs_exactly_the_triggers_of_the_file() -> None:
    assert installed_triggers(connection) == _file_triggers()
    assert len(_file_triggers()) >= 20


def test_it_reinstalls_them_and_the_tallies_still_count() -> None:
    triggers_install(connection)
    assert installed_triggers(connection) == _file_triggers()
    Event.objects.create(slug="e", title="A launch", event_type="missile test", date_start=date(2024, 3, 12))
    day = EventTally.objects.get(period_kind="day", period=date(2024, 3, 12), event_type="missile test")
    assert day.count == 1


def test_it_splits_function_bodies_and_trigger_bodies_whole() -> None:
    for sql in trigger_statements(connection.vendor):
        assert sql.startswith("CREATE") and sql.rstrip().endswith(";")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="deferred tallies and search texts are PostgreSQL's")
def test_it_defers_tallies_and_search_texts_to_one_apply_and_then_they_are_exact() -> None:
    from django.db import transaction

    from tests.ingest.recount import stale_search_texts, tally_mismatches
    from timeline.ingest.locking import derived_apply, derived_defer

    with transaction.atomic():
        derived_defer()
        event = Event.objects.create(slug="d", title="A drill", event_type="missile test", date_start=date(2024, 5, 2))
        event.title = "A naval drill near the coast"
        event.save(update_fields=["title"])
        assert not EventTally.objects.filter(period=date(2024, 5, 2)).exists()  # kept as deltas
        event.refresh_from_db()
        assert event.search_text == ""  # built once, at the end
        derived_apply()
        event.refresh_from_db()
        assert event.search_text.startswith("A naval drill near the coast")
        assert EventTally.objects.get(period_kind="day", period=date(2024, 5, 2)).count == 1
        assert tally_mismatches() == {} and stale_search_texts() == 0
        # after the apply, each write moves the tallies at once again
        Event.objects.create(slug="e", title="A second drill", event_type="missile test", date_start=date(2024, 5, 2))
        assert EventTally.objects.get(period_kind="day", period=date(2024, 5, 2)).count == 2
