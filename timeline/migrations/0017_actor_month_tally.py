"""ActorMonthTally and the triggers that keep it exact.

An event counts once for an actor it names as an actor, a place or both. A link added counts the
event unless the other link table already names the actor for it; a link removed uncounts it unless
the other table still does. Events whose start, type, status or merge changes move the counts of all
their actors. PostgreSQL uses statement-level triggers with transition tables, SQLite row-level
triggers. Django deletes an event's links before the event, so a deletion needs no event trigger.
Existing links are counted once here, in SQL.
"""

import django.db.models.deletion
from django.db import migrations, models

TALLY = "timeline_actormonthtally"
KEY = "actor_id, month, event_type, status, merged"
UPSERT = f"ON CONFLICT ({KEY}) DO UPDATE SET count = {TALLY}.count + EXCLUDED.count"
MONTH = {"postgresql": "date_trunc('month', {d})::date", "sqlite": "strftime('%Y-%m-01', {d})"}
LINKS = {"timeline_event_actors": "timeline_event_places", "timeline_event_places": "timeline_event_actors"}


def _short(table: str) -> str:
    return table.removeprefix("timeline_event_")


def _pg_links(table: str) -> str:
    other = LINKS[table]

    def side(rows: str, sign: str) -> str:
        return (
            f"INSERT INTO {TALLY} ({KEY}, count) SELECT r.actor_id, date_trunc('month', e.date_start)::date, "
            f"e.event_type, e.status, e.merged_into_id IS NOT NULL, {sign}count(*) FROM {rows} r "
            "JOIN timeline_event e ON e.id = r.event_id WHERE e.date_start IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM {other} o WHERE o.event_id = r.event_id AND o.actor_id = r.actor_id) "
            f"GROUP BY 1, 2, 3, 4, 5 {UPSERT};"
        )

    return f"""
CREATE OR REPLACE FUNCTION timeline_actor_month_{_short(table)}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    {side("old_rows", "-")}
  ELSE
    {side("new_rows", "")}
  END IF;
  RETURN NULL;
END $$;
"""


PG_EVENT = f"""
CREATE OR REPLACE FUNCTION timeline_actor_month_event() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO {TALLY} ({KEY}, count)
  SELECT l.actor_id, date_trunc('month', s.date_start)::date, s.event_type, s.status, s.merged, sum(s.sign)
  FROM (
    SELECT o.id, o.date_start, o.event_type, o.status, o.merged_into_id IS NOT NULL AS merged, -1 AS sign
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.date_start, o.event_type, o.status, o.merged_into_id)
      IS DISTINCT FROM (n.date_start, n.event_type, n.status, n.merged_into_id)
    UNION ALL
    SELECT n.id, n.date_start, n.event_type, n.status, n.merged_into_id IS NOT NULL, 1
    FROM old_rows o JOIN new_rows n ON n.id = o.id
    WHERE (o.date_start, o.event_type, o.status, o.merged_into_id)
      IS DISTINCT FROM (n.date_start, n.event_type, n.status, n.merged_into_id)
  ) s CROSS JOIN LATERAL (
    SELECT actor_id FROM timeline_event_actors WHERE event_id = s.id
    UNION SELECT actor_id FROM timeline_event_places WHERE event_id = s.id
  ) l
  WHERE s.date_start IS NOT NULL
  GROUP BY 1, 2, 3, 4, 5 HAVING sum(s.sign) <> 0 {UPSERT};
  RETURN NULL;
END $$;
"""
PG_TRIGGERS = [
    *(
        f"CREATE TRIGGER {table}_month_{op[:3].lower()} AFTER {op} ON {table} REFERENCING {ref} TABLE AS {name} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_{_short(table)}()"
        for table in LINKS
        for op, ref, name in (("INSERT", "NEW", "new_rows"), ("DELETE", "OLD", "old_rows"))
    ),
    "CREATE TRIGGER timeline_event_actor_month AFTER UPDATE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_actor_month_event()",
]
PG_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_month_{op} ON {table}" for table in LINKS for op in ("ins", "del")),
    "DROP TRIGGER IF EXISTS timeline_event_actor_month ON timeline_event",
    *(f"DROP FUNCTION IF EXISTS timeline_actor_month_{_short(table)}()" for table in LINKS),
    "DROP FUNCTION IF EXISTS timeline_actor_month_event()",
]


def _sqlite_link(table: str, op: str, row: str, sign: str) -> str:
    return (
        f"CREATE TRIGGER {table}_month_{op[:3].lower()} AFTER {op} ON {table} "
        f"WHEN NOT EXISTS (SELECT 1 FROM {LINKS[table]} o WHERE o.event_id = {row}.event_id "
        f"AND o.actor_id = {row}.actor_id) BEGIN "
        f"INSERT INTO {TALLY} ({KEY}, count) SELECT {row}.actor_id, strftime('%Y-%m-01', e.date_start), "
        f"e.event_type, e.status, e.merged_into_id IS NOT NULL, {sign}1 FROM timeline_event e "
        f"WHERE e.id = {row}.event_id AND e.date_start IS NOT NULL {UPSERT}; END"
    )


def _sqlite_event_side(row: str, sign: str) -> str:
    return (
        f"INSERT INTO {TALLY} ({KEY}, count) SELECT l.actor_id, strftime('%Y-%m-01', {row}.date_start), "
        f"{row}.event_type, {row}.status, {row}.merged_into_id IS NOT NULL, {sign}1 FROM ("
        f"SELECT actor_id FROM timeline_event_actors WHERE event_id = {row}.id "
        f"UNION SELECT actor_id FROM timeline_event_places WHERE event_id = {row}.id) l "
        f"WHERE {row}.date_start IS NOT NULL {UPSERT};"
    )


SQLITE_TRIGGERS = [
    *(
        _sqlite_link(table, op, row, sign)
        for table in LINKS
        for op, row, sign in (("INSERT", "NEW", ""), ("DELETE", "OLD", "-"))
    ),
    "CREATE TRIGGER timeline_event_actor_month AFTER UPDATE OF date_start, event_type, status, merged_into_id "
    "ON timeline_event WHEN OLD.date_start IS NOT NEW.date_start OR OLD.event_type IS NOT NEW.event_type "
    "OR OLD.status IS NOT NEW.status OR OLD.merged_into_id IS NOT NEW.merged_into_id BEGIN "
    f"{_sqlite_event_side('OLD', '-')} {_sqlite_event_side('NEW', '')} END",
]
SQLITE_DROP = [
    *(f"DROP TRIGGER IF EXISTS {table}_month_{op}" for table in LINKS for op in ("ins", "del")),
    "DROP TRIGGER IF EXISTS timeline_event_actor_month",
]


def create_triggers(apps, schema_editor) -> None:
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = [*(_pg_links(table) for table in LINKS), PG_EVENT, *PG_TRIGGERS]
    elif vendor == "sqlite":
        statements = list(SQLITE_TRIGGERS)
    else:
        raise RuntimeError(f"actor month tallies need triggers written for {vendor}")
    month = MONTH[vendor].format(d="e.date_start")
    statements.append(
        f"INSERT INTO {TALLY} ({KEY}, count) SELECT l.actor_id, {month}, e.event_type, e.status, "
        "e.merged_into_id IS NOT NULL, count(*) FROM (SELECT event_id, actor_id FROM timeline_event_actors "
        "UNION SELECT event_id, actor_id FROM timeline_event_places) l JOIN timeline_event e ON e.id = l.event_id "
        "WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
    )
    for sql in statements:
        schema_editor.execute(sql, params=None)


def drop_triggers(apps, schema_editor) -> None:
    for sql in PG_DROP if schema_editor.connection.vendor == "postgresql" else SQLITE_DROP:
        schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0016_term_month_tally"),
    ]

    operations = [
        migrations.CreateModel(
            name="ActorMonthTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("month", models.DateField(help_text="first day of the month")),
                (
                    "event_type",
                    models.CharField(
                        choices=[
                            ("missile test", "missile test"),
                            ("troop deployment", "troop deployment"),
                            ("diplomatic meeting", "diplomatic meeting"),
                            ("statement", "statement"),
                            ("sanctions", "sanctions"),
                            ("attack", "attack"),
                            ("agreement", "agreement"),
                            ("election", "election"),
                            ("military exercise", "military exercise"),
                            ("other", "other"),
                        ],
                        max_length=40,
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[("new", "new"), ("verified", "verified"), ("rejected", "rejected")], max_length=10
                    ),
                ),
                ("merged", models.BooleanField(default=False)),
                ("count", models.IntegerField(default=0)),
                (
                    "actor",
                    models.ForeignKey(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="month_tallies",
                        to="timeline.actor",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("actor", "month", "event_type", "status", "merged"), name="actormonthtally_unique_key"
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
