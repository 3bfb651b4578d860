"""The tallies' triggers write deltas, applied in one sorted statement per tally (at once, or at the end of an
ingest); an event's search text is rebuilt only when what it is made of changed, and once per ingest; the term
tally reads the stored lexemes instead of parsing the search text again (timeline/sql/postgresql.sql).

The tallies count the same things as before: nothing is recounted.
"""

from django.db import migrations

from timeline.triggers import triggers_install


def install(apps, schema_editor) -> None:
    triggers_install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0032_gazetteer_north")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
