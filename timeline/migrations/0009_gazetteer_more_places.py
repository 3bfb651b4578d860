"""Add the built-in gazetteer entries that came after 0007 (seas, straits, front-line towns): only what is missing."""

from django.db import migrations
from django.utils.text import slugify


def add_missing(apps, schema_editor):
    from timeline.extraction.gazetteer import BUILTIN

    Actor = apps.get_model("timeline", "Actor")
    ActorAlias = apps.get_model("timeline", "ActorAlias")
    taken = set(ActorAlias.objects.values_list("alias", flat=True))
    slugs = set(Actor.objects.values_list("slug", flat=True))
    for name, kind, aliases in BUILTIN:
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
