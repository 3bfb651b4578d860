"""Event.search_text: an event's title, summary and source passages in one column, kept by triggers.

The search then reads one indexed column of one table instead of ORing the events' vectors with the
passages' through mentions. Triggers keep it exact: an event's title or summary written, a mention
added, moved or removed, a passage's text changed. On PostgreSQL a GIN index over its English text
search vector serves the search (the older per-table search indexes go); SQLite scans it with LIKE.
Existing rows are filled by one UPDATE in SQL.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations, models

INDEX_NAME = "event_search_text_gin"
NL = {"postgresql": "chr(10)", "sqlite": "char(10)"}
AGG = {"postgresql": "string_agg(p.text, chr(10) ORDER BY p.id)", "sqlite": "group_concat(p.text, char(10))"}


def document(vendor: str, row: str) -> str:
    """The SQL of the search text of the event ``row`` (a table alias or NEW)."""
    passages = (
        f"(SELECT {AGG[vendor]} FROM timeline_mention m JOIN timeline_passage p ON p.id = m.passage_id "
        f"WHERE m.event_id = {row}.id)"
    )
    nl = NL[vendor]
    return f"COALESCE({row}.title, '') || {nl} || COALESCE({row}.summary, '') || {nl} || COALESCE({passages}, '')"


# PostgreSQL: a BEFORE trigger computes the text on every write of an event row, so a stale value a
# client writes back is replaced; mention and passage changes touch their events' rows to fire it.
PG_FUNCTIONS = [
    f"""
CREATE OR REPLACE FUNCTION timeline_event_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := {document("postgresql", "NEW")};
  RETURN NEW;
END $$;
""",
    """
CREATE OR REPLACE FUNCTION timeline_mention_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE timeline_event e SET search_text = '' WHERE e.id IN (SELECT event_id FROM new_rows);
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE timeline_event e SET search_text = '' WHERE e.id IN (SELECT event_id FROM old_rows);
  END IF;
  RETURN NULL;
END $$;
""",
    """
CREATE OR REPLACE FUNCTION timeline_passage_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE timeline_event e SET search_text = '' WHERE e.id IN (
    SELECT m.event_id FROM timeline_mention m JOIN new_rows n ON n.id = m.passage_id
    JOIN old_rows o ON o.id = n.id WHERE n.text IS DISTINCT FROM o.text);
  RETURN NULL;
END $$;
""",
]
PG_TRIGGERS = [
    "CREATE TRIGGER timeline_event_search_text BEFORE INSERT OR UPDATE ON timeline_event "
    "FOR EACH ROW EXECUTE FUNCTION timeline_event_search_text()",
    "CREATE TRIGGER timeline_mention_search_ins AFTER INSERT ON timeline_mention "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_mention_search_text()",
    "CREATE TRIGGER timeline_mention_search_upd AFTER UPDATE ON timeline_mention "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_mention_search_text()",
    "CREATE TRIGGER timeline_mention_search_del AFTER DELETE ON timeline_mention "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_mention_search_text()",
    "CREATE TRIGGER timeline_passage_search_upd AFTER UPDATE ON timeline_passage "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_passage_search_text()",
]
PG_DROP = [
    "DROP TRIGGER IF EXISTS timeline_event_search_text ON timeline_event",
    "DROP TRIGGER IF EXISTS timeline_mention_search_ins ON timeline_mention",
    "DROP TRIGGER IF EXISTS timeline_mention_search_upd ON timeline_mention",
    "DROP TRIGGER IF EXISTS timeline_mention_search_del ON timeline_mention",
    "DROP TRIGGER IF EXISTS timeline_passage_search_upd ON timeline_passage",
    "DROP FUNCTION IF EXISTS timeline_event_search_text()",
    "DROP FUNCTION IF EXISTS timeline_mention_search_text()",
    "DROP FUNCTION IF EXISTS timeline_passage_search_text()",
]


def _sqlite_refresh(where: str) -> str:
    return f"UPDATE timeline_event SET search_text = {document('sqlite', 'timeline_event')} WHERE {where};"


# SQLite: row-level AFTER triggers rewrite the text (recursive triggers are off, so the rewrite of an
# event row does not fire its own trigger again).
SQLITE_TRIGGERS = [
    f"CREATE TRIGGER timeline_event_search_ins AFTER INSERT ON timeline_event BEGIN "
    f"{_sqlite_refresh('id = NEW.id')} END",
    f"CREATE TRIGGER timeline_event_search_upd AFTER UPDATE ON timeline_event BEGIN "
    f"{_sqlite_refresh('id = NEW.id')} END",
    f"CREATE TRIGGER timeline_mention_search_ins AFTER INSERT ON timeline_mention BEGIN "
    f"{_sqlite_refresh('id = NEW.event_id')} END",
    f"CREATE TRIGGER timeline_mention_search_upd AFTER UPDATE OF event_id, passage_id ON timeline_mention BEGIN "
    f"{_sqlite_refresh('id IN (OLD.event_id, NEW.event_id)')} END",
    f"CREATE TRIGGER timeline_mention_search_del AFTER DELETE ON timeline_mention BEGIN "
    f"{_sqlite_refresh('id = OLD.event_id')} END",
    f"CREATE TRIGGER timeline_passage_search_upd AFTER UPDATE OF text ON timeline_passage "
    f"WHEN OLD.text IS NOT NEW.text BEGIN "
    f"{_sqlite_refresh('id IN (SELECT event_id FROM timeline_mention WHERE passage_id = NEW.id)')} END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "timeline_event_search_ins",
        "timeline_event_search_upd",
        "timeline_mention_search_ins",
        "timeline_mention_search_upd",
        "timeline_mention_search_del",
        "timeline_passage_search_upd",
    )
]


def _index() -> GinIndex:
    # The same expression as timeline.web.search.search_vector(), written out so the migration stays fixed.
    return GinIndex(SearchVector("search_text", config="english"), name=INDEX_NAME)


def _old_indexes() -> list[tuple[str, GinIndex]]:
    return [
        ("Event", GinIndex(SearchVector("title", "summary", config="english"), name="event_search_gin")),
        ("Passage", GinIndex(SearchVector("text", config="english"), name="passage_search_gin")),
    ]


def create(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise RuntimeError(f"the event search text needs triggers written for {vendor}")
    # Fill existing rows before the triggers exist, so each row is computed once.
    schema_editor.execute(f"UPDATE timeline_event SET search_text = {document(vendor, 'timeline_event')}", params=None)
    statements = [*PG_FUNCTIONS, *PG_TRIGGERS] if vendor == "postgresql" else SQLITE_TRIGGERS
    for sql in statements:
        schema_editor.execute(sql, params=None)
    if vendor == "postgresql":
        event = apps.get_model("timeline", "Event")
        schema_editor.add_index(event, _index())
        for model, index in _old_indexes():
            schema_editor.remove_index(apps.get_model("timeline", model), index)


def drop(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in PG_DROP if vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(sql, params=None)
    if vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("timeline", "Event"), _index())
        for model, index in _old_indexes():
            schema_editor.add_index(apps.get_model("timeline", model), index)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0013_event_covering_index"),
    ]

    # The column is added with plain SQL: Django would rebuild the whole event table on SQLite to add a
    # column with a default, which the triggers of the other tables on it forbid.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AddField(
                    model_name="event",
                    name="search_text",
                    field=models.TextField(
                        blank=True,
                        default="",
                        editable=False,
                        help_text=(
                            "title, summary and source passages in one text; kept by database triggers (timeline.web.search)"
                        ),
                    ),
                ),
            ],
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE timeline_event ADD COLUMN search_text text NOT NULL DEFAULT ''",
                    "ALTER TABLE timeline_event DROP COLUMN search_text",
                ),
            ],
        ),
        migrations.RunPython(create, drop),
    ]
