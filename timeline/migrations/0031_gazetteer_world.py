"""Add the world's states, more international bodies, leaders and places to the gazetteer: only what is missing.

The rows come from a frozen file (gazetteer_world.json) that later code does not change, so this migration does
the same thing whatever the built-in table becomes.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify


def rows():
    data = json.loads((Path(__file__).parent / "gazetteer_world.json").read_text(encoding="utf-8"))
    return [(row["name"], row["kind"], row["aliases"]) for row in data]


def add_missing(apps, schema_editor):
    Actor = apps.get_model("timeline", "Actor")
    ActorAlias = apps.get_model("timeline", "ActorAlias")
    taken = set(ActorAlias.objects.values_list("alias", flat=True))
    slugs = set(Actor.objects.values_list("slug", flat=True))
    for name, kind, aliases in rows():
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
    dependencies = [("timeline", "0030_event_title_index")]

    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
