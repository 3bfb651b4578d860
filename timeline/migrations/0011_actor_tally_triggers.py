"""Triggers that keep ActorTally exact: links added or removed (actors and places), event status or merge changes.

PostgreSQL uses statement-level triggers with transition tables; SQLite row-level triggers. Django
deletes an event's links before the event, so deleting an event needs no trigger of its own.
"""

from django.db import migrations

TALLY = "timeline_actortally"
KEY = "actor_id, status, merged"
LINKS = ("timeline_event_actors", "timeline_event_places")
UPSERT = f"ON CONFLICT ({KEY}) DO UPDATE SET count = {TALLY}.count + EXCLUDED.count"

PG_LINKS_FUNCTION = f"""
CREATE OR REPLACE FUNCTION timeline_actor_tally_links() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    INSERT INTO {TALLY} ({KEY}, count)
    SELECT r.actor_id, e.status, e.merged_into_id IS NOT NULL, -count(*)
    FROM old_rows r JOIN timeline_event e ON e.id = r.event_id GROUP BY 1, 2, 3 {UPSERT};
  ELSE
    INSERT INTO {TALLY} ({KEY}, count)
    SELECT r.actor_id, e.status, e.merged_into_id IS NOT NULL, count(*)
    FROM new_rows r JOIN timeline_event e ON e.id = r.event_id GROUP BY 1, 2, 3 {UPSERT};
  END IF;
  RETURN NULL;
END $$;
"""
PG_EVENT_FUNCTION = f"""
CREATE OR REPLACE FUNCTION timeline_actor_tally_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO {TALLY} ({KEY}, count)
  SELECT l.actor_id, s.status, s.merged, sum(s.sign)
  FROM (
    SELECT o.id, o.status, o.merged_into_id IS NOT NULL AS merged, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.merged_into_id) IS DISTINCT FROM (n.status, n.merged_into_id)
    UNION ALL
    SELECT n.id, n.status, n.merged_into_id IS NOT NULL, 1
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.status, o.merged_into_id) IS DISTINCT FROM (n.status, n.merged_into_id)
  ) s
  JOIN (SELECT event_id, actor_id FROM timeline_event_actors
        UNION ALL SELECT event_id, actor_id FROM timeline_event_places) l ON l.event_id = s.id
  GROUP BY 1, 2, 3 {UPSERT};
  RETURN NULL;
END $$;
"""
PG_TRIGGERS = [
    *(
        f"CREATE TRIGGER {table}_tally_{op[:3].lower()} AFTER {op} ON {table} REFERENCING {ref} TABLE AS {name} "
        "FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_links()"
        for table in LINKS
        for op, ref, name in (("INSERT", "NEW", "new_rows"), ("DELETE", "OLD", "old_rows"))
    ),
    "CREATE TRIGGER timeline_event_actor_tally AFTER UPDATE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_tally_event()",
]
PG_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_tally_{op} ON {table}" for table in LINKS for op in ("ins", "del")),
    "DROP TRIGGER IF EXISTS timeline_event_actor_tally ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_actor_tally_links()",
    "DROP FUNCTION IF EXISTS timeline_actor_tally_event()",
]


def _sqlite_link(table: str, op: str, row: str, sign: str) -> str:
    return (
        f"CREATE TRIGGER {table}_tally_{op[:3].lower()} AFTER {op} ON {table} BEGIN "
        f"INSERT INTO {TALLY} ({KEY}, count) SELECT {row}.actor_id, e.status, e.merged_into_id IS NOT NULL, {sign}1 "
        f"FROM timeline_event e WHERE e.id = {row}.event_id {UPSERT}; END"
    )


def _sqlite_event_side(row: str, sign: str) -> str:
    return (
        f"INSERT INTO {TALLY} ({KEY}, count) SELECT l.actor_id, {row}.status, {row}.merged_into_id IS NOT NULL, "
        f"{sign}count(*) FROM (SELECT actor_id FROM timeline_event_actors WHERE event_id = {row}.id "
        f"UNION ALL SELECT actor_id FROM timeline_event_places WHERE event_id = {row}.id) l "
        f"WHERE true GROUP BY l.actor_id {UPSERT};"
    )


SQLITE_TRIGGERS = [
    *(
        _sqlite_link(table, op, row, sign)
        for table in LINKS
        for op, row, sign in (("INSERT", "NEW", ""), ("DELETE", "OLD", "-"))
    ),
    "CREATE TRIGGER timeline_event_actor_tally AFTER UPDATE OF status, merged_into_id ON timeline_event "
    "WHEN OLD.status IS NOT NEW.status OR OLD.merged_into_id IS NOT NEW.merged_into_id BEGIN "
    f"{_sqlite_event_side('OLD', '-')} {_sqlite_event_side('NEW', '')} END",
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_tally_{op}" for table in LINKS for op in ("ins", "del")),
    "DROP TRIGGER IF EXISTS timeline_event_actor_tally",
]

FILL = (
    f"INSERT INTO {TALLY} ({KEY}, count) SELECT l.actor_id, e.status, e.merged_into_id IS NOT NULL, count(*) "
    "FROM (SELECT event_id, actor_id FROM timeline_event_actors "
    "UNION ALL SELECT event_id, actor_id FROM timeline_event_places) l "
    "JOIN timeline_event e ON e.id = l.event_id GROUP BY 1, 2, 3"
)


def create_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = [PG_LINKS_FUNCTION, PG_EVENT_FUNCTION, *PG_TRIGGERS]
    elif vendor == "sqlite":
        statements = list(SQLITE_TRIGGERS)
    else:
        raise RuntimeError(f"actor tallies need triggers written for {vendor}")
    for sql in [*statements, FILL]:
        schema_editor.execute(sql, params=None)


def drop_triggers(apps, schema_editor) -> None:
    for sql in PG_DROP if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(sql, params=None)
    schema_editor.execute(f"DELETE FROM {TALLY}", params=None)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0010_actor_tally")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
