"""The database triggers (tallies and search text), read from one SQL file per database: timeline/sql/.

``triggers_install`` drops every trigger on the app's tables and creates those of the file, so after it the
database carries exactly what the file says. Migrations call it whenever the file changes.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper

SQL = Path(__file__).resolve().parent / "sql"


def trigger_statements(vendor: str) -> list[str]:
    """The file's statements for ``vendor`` ("postgresql" or "sqlite"), comments left out."""
    path = SQL / f"{vendor}.sql"
    if not path.exists():
        raise RuntimeError(f"no triggers written for {vendor}: the tallies need {path}")
    statements, current, in_body = [], [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not current and (not line.strip() or line.startswith("--")):
            continue
        current.append(line)
        in_body ^= line.count("$function$") % 2 == 1  # PostgreSQL function bodies hold semicolons
        text = "\n".join(current)
        done = sqlite3.complete_statement(text) if vendor == "sqlite" else line.endswith(";") and not in_body
        if done:
            statements.append(text)
            current = []
    return statements


def installed_triggers(connection: BaseDatabaseWrapper) -> list[str]:
    """The names of the triggers on the app's tables, as the database holds them now."""
    sql = {
        "postgresql": "SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgrelid::regclass::text LIKE 'timeline%%'",
        "sqlite": "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name LIKE 'timeline%%'",
    }[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return sorted(row[0] for row in cursor.fetchall())


def triggers_install(connection: BaseDatabaseWrapper) -> None:
    """Replace the triggers on the app's tables with those of the vendor's SQL file (inside a migration, or any
    transaction: the tallies never see a write without their triggers)."""
    statements = trigger_statements(connection.vendor)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT tgname, tgrelid::regclass::text FROM pg_trigger "
                "WHERE NOT tgisinternal AND tgrelid::regclass::text LIKE 'timeline%%'"
            )
            drops = [f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"' for name, table in cursor.fetchall()]
        else:
            drops = [f'DROP TRIGGER IF EXISTS "{name}"' for name in installed_triggers(connection)]
        for sql in [*drops, *statements]:
            cursor.execute(sql)
