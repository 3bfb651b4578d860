"""Add names that open with "North" to the gazetteer (the North Atlantic Alliance, the North Sea, North Africa), so
that "the North" (North Korea, as Seoul's news calls it) is not read inside them: only what is missing.

The rows come from a frozen file (gazetteer_north.json) that later code does not change, so this migration does
the same thing whatever the built-in table becomes.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify


def rows():
    data = json.loads((Path(__file__).parent / "gazetteer_north.json").read_text(encoding="utf-8"))
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
    dependencies = [("timeline", "0031_gazetteer_world")]

    operations = [migrations.RunPython(add_missing, migrations.RunPython.noop)]
