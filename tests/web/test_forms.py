from __future__ import annotations

from datetime import date

from timeline.models import Actor
from timeline.web.forms import TimelineFilterForm
from timeline.web.selectors import TimelineFilters


def _actors():
    return [Actor(name="Japan", slug="japan", kind="country")]


def test_it_reads_every_filter_from_the_query():
    form = TimelineFilterForm(
        {
            "type": "sanctions",
            "actor": "japan",
            "date_from": "2025-01-01",
            "date_to": "2025-03-31",
            "q": "  shipping firms ",
            "verified": "on",
            "rows": "actor",
        },
        actors=_actors(),
    )
    assert form.filters() == TimelineFilters(
        event_type="sanctions",
        actor="japan",
        date_from=date(2025, 1, 1),
        date_to=date(2025, 3, 31),
        text="shipping firms",
        verified_only=True,
    )
    assert form.row_mode() == "actor"


def test_it_ignores_an_invalid_field_and_keeps_the_rest():
    form = TimelineFilterForm({"type": "picnic", "actor": "atlantis", "date_from": "soon", "q": "x"}, actors=_actors())
    assert form.filters() == TimelineFilters(text="x")
    assert set(form.errors) == {"type", "actor", "date_from"}


def test_it_swaps_a_reversed_period():
    form = TimelineFilterForm({"date_from": "2025-03-01", "date_to": "2025-01-01"}, actors=[])
    filters = form.filters()
    assert (filters.date_from, filters.date_to) == (date(2025, 1, 1), date(2025, 3, 1))


def test_it_defaults_to_no_filter_and_rows_by_type():
    form = TimelineFilterForm(None, actors=[])
    assert form.filters() == TimelineFilters()
    assert form.row_mode() == "type"
