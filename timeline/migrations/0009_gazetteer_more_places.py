"""Add the built-in gazetteer entries that came after 0007 (seas, straits, front-line towns): only what is missing."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify


def builtin():
    """The gazetteer as it stood when this migration was written (a frozen file: later code does not change it)."""
    rows = json.loads((Path(__file__).parent / "gazetteer_seed.json").read_text(encoding="utf-8"))
    return [(row["name"], row["kind"], row["aliases"]) for row in rows]


def add_missing(apps, schema_editor):
    Actor = apps.get_model("timeline", "Actor")
    ActorAlias = apps.get_model("timeline", "ActorAlias")
    taken = set(ActorAlias.objects.values_list("alias", flat=True))
    slugs = set(Actor.objects.values_list("slug", flat=True))
    for name, kind, aliases in builtin():
        actor = Actor.objects.filter(name=name).first()
        if actor is None:
            slug = slugify(name)
            if slug in slugs:
                continue  # a curator's actor already holds this slug
            actor = Actor.objects.create(name=name, slug=slug, kind=kind)
            slugs.add(slug)
        for alias in aliases:
            text = alias.lstrip("=")
            if text not in taken:
                taken.add(text)
                ActorAlias.objects.create(actor=actor, alias=text, case_sensitive=alias.startswith("="))


class Migration(migrations.Migration):
    dependencies = [("timeline", "0008_actoralias_plural")]

    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
