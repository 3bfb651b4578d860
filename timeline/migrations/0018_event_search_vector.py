"""Event.search_vector: the lexemes of the search text, stored (PostgreSQL), and the GIN index over them.

An expression index made PostgreSQL recompute a candidate row's text search vector whenever a search
was combined with another filter it read first (an actor's events) or when a combined bitmap had to
be rechecked (a zoomed range): about a millisecond per 30 rows. A stored vector (positions stripped:
searches match lexemes, not phrases) is read instead. The event trigger of migration 0014 now fills
it along with the search text. SQLite gets the column, always empty: it searches by substring.
"""

from importlib import import_module

from django.contrib.postgres.search import SearchVectorField
from django.db import migrations

OLD_INDEX = "event_search_text_gin"
INDEX = "event_search_vector_gin"
VECTOR = "strip(to_tsvector('english'::regconfig, {text}))"


def _function(with_vector: bool) -> str:
    document = import_module("timeline.migrations.0014_event_search_text").document("postgresql", "NEW")
    vector = f"NEW.search_vector := {VECTOR.format(text='NEW.search_text')};" if with_vector else ""
    return f"""
CREATE OR REPLACE FUNCTION timeline_event_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := {document};
  {vector}
  RETURN NEW;
END $$;
"""


def create(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    # Only the new column changes: the triggers (search text, tallies) have nothing to do meanwhile.
    for sql in (
        "ALTER TABLE timeline_event DISABLE TRIGGER USER",
        f"UPDATE timeline_event SET search_vector = {VECTOR.format(text='search_text')}",
        "ALTER TABLE timeline_event ENABLE TRIGGER USER",
        _function(with_vector=True),
        f"DROP INDEX IF EXISTS {OLD_INDEX}",
        f"CREATE INDEX {INDEX} ON timeline_event USING gin (search_vector)",
    ):
        schema_editor.execute(sql, params=None)


def drop(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    for sql in (
        f"DROP INDEX IF EXISTS {INDEX}",
        "CREATE INDEX event_search_text_gin ON timeline_event "
        "USING gin (to_tsvector('english'::regconfig, COALESCE(search_text, ''::text)))",
        _function(with_vector=False),
    ):
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0017_actor_month_tally"),
    ]

    # Plain SQL adds the column: Django would rebuild the event table on SQLite, which the triggers forbid.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="event",
                    name="search_vector",
                    field=SearchVectorField(
                        editable=False,
                        help_text="the search text's lexemes (PostgreSQL only), kept by a trigger",
                        null=True,
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE timeline_event ADD COLUMN search_vector tsvector NULL",
                    "ALTER TABLE timeline_event DROP COLUMN search_vector",
                ),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
