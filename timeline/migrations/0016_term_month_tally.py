"""TermMonthTally and the PostgreSQL triggers that keep it exact.

Events inserted, deleted, or updated in their search text, start, type, status or merge move the
counts of the lexemes of their search text (English configuration, as timeline.web.search). One
statement-level trigger per operation aggregates the whole statement's rows. Existing events are
counted once here, in SQL. SQLite gets the table but no triggers: it never reads it.
"""

from django.db import migrations, models

TALLY = "timeline_termmonthtally"
KEY = "lexeme, month, event_type, status, merged"
UPSERT = f"ON CONFLICT ({KEY}) DO UPDATE SET count = {TALLY}.count + EXCLUDED.count"


def _count(rows: str, sign: str) -> str:
    """The signed counts per tally key of the events in ``rows`` (SQL)."""
    return (
        f"SELECT t.lexeme, date_trunc('month', r.date_start)::date, r.event_type, r.status, "
        f"r.merged_into_id IS NOT NULL, {sign}count(*) FROM {rows} r "
        "CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('english'::regconfig, r.search_text))) AS t(lexeme) "
        "WHERE r.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5"
    )


CHANGED = (
    "(SELECT o.* FROM old_rows o JOIN new_rows n ON n.id = o.id WHERE "
    "(o.search_text, o.date_start, o.event_type, o.status, o.merged_into_id) IS DISTINCT FROM "
    "(n.search_text, n.date_start, n.event_type, n.status, n.merged_into_id))"
)
CHANGED_NEW = CHANGED.replace("SELECT o.*", "SELECT n.*")

PG_FUNCTION = f"""
CREATE OR REPLACE FUNCTION timeline_term_month_tally() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO {TALLY} ({KEY}, count) {_count("new_rows", "")} {UPSERT};
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO {TALLY} ({KEY}, count) {_count("old_rows", "-")} {UPSERT};
  ELSE
    INSERT INTO {TALLY} ({KEY}, count)
    SELECT lexeme, month, event_type, status, merged, sum(n) FROM (
      {_count(CHANGED, "-")} UNION ALL {_count(CHANGED_NEW, "")}
    ) AS d(lexeme, month, event_type, status, merged, n)
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(n) <> 0 {UPSERT};
  END IF;
  RETURN NULL;
END $$;
"""
PG_TRIGGERS = [
    "CREATE TRIGGER timeline_event_term_ins AFTER INSERT ON timeline_event "
    "REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_term_month_tally()",
    "CREATE TRIGGER timeline_event_term_del AFTER DELETE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION timeline_term_month_tally()",
    "CREATE TRIGGER timeline_event_term_upd AFTER UPDATE ON timeline_event "
    "REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows "
    "FOR EACH STATEMENT EXECUTE FUNCTION timeline_term_month_tally()",
]
PG_DROP = [
    "DROP TRIGGER IF EXISTS timeline_event_term_ins ON timeline_event",
    "DROP TRIGGER IF EXISTS timeline_event_term_del ON timeline_event",
    "DROP TRIGGER IF EXISTS timeline_event_term_upd ON timeline_event",
    "DROP FUNCTION IF EXISTS timeline_term_month_tally()",
]


def create_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"INSERT INTO {TALLY} ({KEY}, count) {_count('timeline_event', '')}", params=None)
    for sql in [PG_FUNCTION, *PG_TRIGGERS]:
        schema_editor.execute(sql, params=None)


def drop_triggers(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_DROP:
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0015_actor_link_covering_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="TermMonthTally",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("lexeme", models.TextField()),
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
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("lexeme", "month", "event_type", "status", "merged"), name="termmonthtally_unique_key"
                    )
                ],
            },
        ),
        migrations.RunPython(create_triggers, drop_triggers),
    ]
