"""A covering index on PostgreSQL: events picked by id (an actor's, a search's) are counted from the index alone.

The timeline's live counts join a set of event ids to the events for their start date, type, status and
merge; with those columns in the index, PostgreSQL reads no table rows for them. SQLite has no INCLUDE.
"""

from django.db import migrations, models

INDEX = models.Index(
    fields=["id"], include=["date_start", "event_type", "status", "merged_into"], name="event_id_covering"
)


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("timeline", "Event"), INDEX)


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("timeline", "Event"), INDEX)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0012_actor_year_tally")]

    operations = [migrations.RunPython(create_index, drop_index)]
