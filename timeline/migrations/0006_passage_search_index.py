"""A GIN index over the passages' text search vector, on PostgreSQL only: the search also reads sources."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "passage_search_gin"


def _index() -> GinIndex:
    # The same expression as timeline.web.search.passage_search_vector(), written out so the migration stays fixed.
    return GinIndex(SearchVector("text", config="english"), name=INDEX_NAME)


def create_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("timeline", "Passage"), _index())


def drop_index(apps, schema_editor) -> None:
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("timeline", "Passage"), _index())


class Migration(migrations.Migration):
    dependencies = [("timeline", "0005_event_search_index")]

    operations = [migrations.RunPython(create_index, drop_index)]
