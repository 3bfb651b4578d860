"""A GIN index over the events' title+summary text search vector, on PostgreSQL only.

SQLite has no such index; timeline.web.search falls back to substring matching there.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "event_search_gin"


def _index() -> GinIndex:
    # The same expression as timeline.web.search.event_search_vector(), written out so the migration stays fixed.
    return GinIndex(SearchVector("title", "summary", config="english"), name=INDEX_NAME)


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("timeline", "Event"), _index())


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("timeline", "Event"), _index())


class Migration(migrations.Migration):
    dependencies = [("timeline", "0004_curators_group")]

    operations = [migrations.RunPython(create_index, drop_index)]
