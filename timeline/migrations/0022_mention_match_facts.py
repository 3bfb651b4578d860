from django.db import migrations, models

DATE_BASES = [
    ("text", "a time expression in the sentence itself"),
    ("publication", "the opening of the report: its latest happening, the report's day"),
    ("context", "the same happening, dated elsewhere in the article"),
    ("report", "told in the simple past deeper in the report: the report's day"),
    ("", "no date"),
]
FIELDS = {
    "date_basis": models.CharField(blank=True, choices=DATE_BASES, default="", max_length=12),
    "speaker": models.CharField(blank=True, default="", help_text="who a statement is attributed to", max_length=200),
    "actors": models.JSONField(blank=True, default=list, help_text="actors the passage names (gazetteer names)"),
    "places": models.JSONField(blank=True, default=list, help_text="places the passage names"),
    "keywords": models.JSONField(blank=True, default=list, help_text="the passage's content words, stemmed"),
}
SQLITE = {
    "date_basis": "varchar(12) NOT NULL DEFAULT ''",
    "speaker": "varchar(200) NOT NULL DEFAULT ''",
    "actors": 'text NOT NULL DEFAULT \'[]\' CHECK ((JSON_VALID("actors") OR "actors" IS NULL))',
    "places": 'text NOT NULL DEFAULT \'[]\' CHECK ((JSON_VALID("places") OR "places" IS NULL))',
    "keywords": 'text NOT NULL DEFAULT \'[]\' CHECK ((JSON_VALID("keywords") OR "keywords" IS NULL))',
}


def add_columns(apps, schema_editor) -> None:
    """SQLite gets plain ADD COLUMNs: rebuilding the table (Django's way there) would break the search
    triggers that read timeline_mention."""
    model = apps.get_model("timeline", "Mention")
    for name, field in FIELDS.items():
        if schema_editor.connection.vendor == "sqlite":
            schema_editor.execute(f"ALTER TABLE timeline_mention ADD COLUMN {name} {SQLITE[name]}")
        else:
            field = field.clone()
            field.set_attributes_from_name(name)
            schema_editor.add_field(model, field)


def drop_columns(apps, schema_editor) -> None:
    for name in FIELDS:
        schema_editor.execute(f"ALTER TABLE timeline_mention DROP COLUMN {name}")


def fill_facts(apps, schema_editor) -> None:
    """Mentions stored before these fields read their passage once here; from now on ingest stores them."""
    from timeline.extraction.events.detection import statement_speaker
    from timeline.extraction.events.wording import keywords
    from timeline.extraction.gazetteer import gazetteer_from_rows

    Mention = apps.get_model("timeline", "Mention")
    ActorAlias = apps.get_model("timeline", "ActorAlias")
    if not Mention.objects.exists():
        return
    gaz = gazetteer_from_rows(
        list(ActorAlias.objects.values_list("alias", "actor__name", "actor__kind", "case_sensitive"))
    )
    rules = {"publication date": "publication", "same development, dated elsewhere in the article": "context"}
    for m in Mention.objects.select_related("passage").iterator():
        text = m.passage.text
        hits = gaz.find(text)
        m.actors = list(dict.fromkeys(h.actor for h in hits if h.kind != "place"))
        m.places = list(dict.fromkeys(h.actor for h in hits if h.kind == "place"))
        m.keywords = sorted(keywords(text))
        m.speaker = statement_speaker(text, gaz) if m.event_type == "statement" else ""
        m.date_basis = rules.get(m.date_rule, "text" if m.date_start else "")
        m.save(update_fields=["actors", "places", "keywords", "speaker", "date_basis"])


class Migration(migrations.Migration):
    dependencies = [
        ("timeline", "0021_content_hash_raw_text"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[migrations.RunPython(add_columns, drop_columns)],
            state_operations=[
                migrations.AddField(model_name="mention", name=name, field=field) for name, field in FIELDS.items()
            ],
        ),
        migrations.RunPython(fill_facts, migrations.RunPython.noop),
    ]
