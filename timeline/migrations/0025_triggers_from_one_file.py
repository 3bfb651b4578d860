"""The triggers of migrations 0003-0018, now read from timeline/sql/<database>.sql (the same definitions).

This migration reads the live SQL files on purpose: the triggers are declared in one place, and every later
migration that changes them calls the same installer, so the database ends with what the files say today.
"""

from django.db import migrations

from timeline.triggers import triggers_install


def install(apps, schema_editor) -> None:
    triggers_install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0024_pending_happening")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
