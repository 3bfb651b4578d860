"""Triggers that keep EventTally exact whatever writes the event table (ORM saves, bulk writes, raw SQL).

PostgreSQL uses statement-level triggers with transition tables, so a bulk insert costs one
aggregate per statement; SQLite has only row-level triggers. Existing events are counted once here.
"""

from django.db import migrations

TALLY = "timeline_eventtally"
KEY = "period_kind, period, event_type, status, merged"

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION timeline_event_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO {TALLY} ({KEY}, count)
    SELECT k.kind, k.period, o.event_type, o.status, o.merged_into_id IS NOT NULL, -count(*)
    FROM old_rows o
    CROSS JOIN LATERAL (VALUES ('day', o.date_start),
                               ('month', date_trunc('month', o.date_start)::date)) AS k(kind, period)
    WHERE o.date_start IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ({KEY}) DO UPDATE SET count = {TALLY}.count + EXCLUDED.count;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    INSERT INTO {TALLY} ({KEY}, count)
    SELECT k.kind, k.period, n.event_type, n.status, n.merged_into_id IS NOT NULL, count(*)
    FROM new_rows n
    CROSS JOIN LATERAL (VALUES ('day', n.date_start),
                               ('month', date_trunc('month', n.date_start)::date)) AS k(kind, period)
    WHERE n.date_start IS NOT NULL
    GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT ({KEY}) DO UPDATE SET count = {TALLY}.count + EXCLUDED.count;
  END IF;
  RETURN NULL;
END $$;
"""
PG_TRIGGERS = [
    "CREATE TRIGGER timeline_event_tally_ins AFTER INSERT ON timeline_event "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_tally()",
    "CREATE TRIGGER timeline_event_tally_del AFTER DELETE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_tally()",
    "CREATE TRIGGER timeline_event_tally_upd AFTER UPDATE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_event_tally()",
]
PG_DROP = [
    "DROP TRIGGER IF EXISTS timeline_event_tally_ins ON timeline_event",
    "DROP TRIGGER IF EXISTS timeline_event_tally_del ON timeline_event",
    "DROP TRIGGER IF EXISTS timeline_event_tally_upd ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_event_tally()",
]


def _sqlite_change(row: str, sign: str) -> str:
    return " ".join(
        f"INSERT INTO {TALLY} ({KEY}, count) VALUES ('{kind}', {period}, {row}.event_type, {row}.status, "
        f"{row}.merged_into_id IS NOT NULL, {sign}1) ON CONFLICT ({KEY}) DO UPDATE SET count = count {sign} 1;"
        for kind, period in (("day", f"{row}.date_start"), ("month", f"strftime('%Y-%m-01', {row}.date_start)"))
    )


SQLITE_TRIGGERS = [
    "CREATE TRIGGER timeline_event_tally_ins AFTER INSERT ON timeline_event "
    f"WHEN NEW.date_start IS NOT NULL BEGIN {_sqlite_change('NEW', '+')} END",
    "CREATE TRIGGER timeline_event_tally_del AFTER DELETE ON timeline_event "
    f"WHEN OLD.date_start IS NOT NULL BEGIN {_sqlite_change('OLD', '-')} END",
    "CREATE TRIGGER timeline_event_tally_upd_old AFTER UPDATE OF date_start, event_type, status, merged_into_id "
    f"ON timeline_event WHEN OLD.date_start IS NOT NULL BEGIN {_sqlite_change('OLD', '-')} END",
    "CREATE TRIGGER timeline_event_tally_upd_new AFTER UPDATE OF date_start, event_type, status, merged_into_id "
    f"ON timeline_event WHEN NEW.date_start IS NOT NULL BEGIN {_sqlite_change('NEW', '+')} END",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS timeline_event_tally_ins",
    "DROP TRIGGER IF EXISTS timeline_event_tally_del",
    "DROP TRIGGER IF EXISTS timeline_event_tally_upd_old",
    "DROP TRIGGER IF EXISTS timeline_event_tally_upd_new",
]

MONTH = {"postgresql": "date_trunc('month', date_start)::date", "sqlite": "strftime('%Y-%m-01', date_start)"}


def create_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = [PG_FUNCTION, *PG_TRIGGERS]
    elif vendor == "sqlite":
        statements = SQLITE_TRIGGERS
    else:
        raise RuntimeError(f"event tallies need triggers written for {vendor}")
    merged = "merged_into_id IS NOT NULL"
    for kind, period in (("day", "date_start"), ("month", MONTH[vendor])):
        statements.append(
            f"INSERT INTO {TALLY} ({KEY}, count) SELECT '{kind}', {period}, event_type, status, {merged}, count(*) "
            f"FROM timeline_event WHERE date_start IS NOT NULL GROUP BY 2, 3, 4, 5"
        )
    for sql in statements:
        schema_editor.execute(sql, params=None)


def drop_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    for sql in PG_DROP if vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(sql, params=None)
    schema_editor.execute(f"DELETE FROM {TALLY}", params=None)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0002_scale_indexes_tally_ingestjob")]

    operations = [migrations.RunPython(create_triggers, drop_triggers)]
