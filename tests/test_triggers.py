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
