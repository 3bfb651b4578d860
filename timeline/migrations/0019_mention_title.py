from django.db import migrations, models


def add_column(apps, schema_editor) -> None:
    """SQLite gets a plain ADD COLUMN: rebuilding the table (Django's way there) would break the search
    triggers that read timeline_mention."""
    field = models.CharField(blank=True, default="", max_length=300)
    field.set_attributes_from_name("title")
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("ALTER TABLE timeline_mention ADD COLUMN title varchar(300) NOT NULL DEFAULT ''")
    else:
        schema_editor.add_field(apps.get_model("timeline", "Mention"), field)


def drop_column(apps, schema_editor) -> None:
    schema_editor.execute("ALTER TABLE timeline_mention DROP COLUMN title")


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0018_event_search_vector"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_column, drop_column)],
            state_operations=[
                migrations.AddField(
                    model_name="mention",
                    name="title",
                    field=models.CharField(
                        blank=True, help_text="the headline written from this passage", max_length=300
                    ),
                ),
            ],
        )
    ]
