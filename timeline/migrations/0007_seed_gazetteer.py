"""Seed the gazetteer (Actor + ActorAlias) from the frozen gazetteer_seed.json."""

import json
from pathlib import Path

from django.db import migrations
from django.utils.text import slugify


def builtin():
    """The gazetteer as it stood when this migration was written (a frozen file: later code does not change it)."""
    rows = json.loads((Path(__file__).parent / "gazetteer_seed.json").read_text(encoding="utf-8"))
    return [(row["name"], row["kind"], row["aliases"]) for row in rows]


def seed(apps, schema_editor):
    Actor = apps.get_model("timeline", "Actor")
    ActorAlias = apps.get_model("timeline", "ActorAlias")
    taken = set(ActorAlias.objects.values_list("alias", flat=True))
    slugs = set(Actor.objects.values_list("slug", flat=True))
    for name, kind, aliases in builtin():
        actor = Actor.objects.filter(name=name).first()
        if actor is None:
            if slugify(name) in slugs:
                continue  # an actor already stored under another name holds this slug
            actor = Actor.objects.create(name=name, slug=slugify(name), kind=kind)
            slugs.add(actor.slug)
        for alias in aliases:
            text = alias.lstrip("=")
            if text in taken:
                continue
            taken.add(text)
            ActorAlias.objects.create(actor=actor, alias=text, case_sensitive=alias.startswith("="))


def unseed(apps, schema_editor):
    Actor = apps.get_model("timeline", "Actor")
    Actor.objects.filter(
        name__in=[name for name, _, _ in builtin()], events__isnull=True, events_here__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("timeline", "0006_passage_search_index")]

    operations = [migrations.RunPython(seed, unseed)]
