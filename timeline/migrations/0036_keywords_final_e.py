"""Stored content words follow the stemmer: a final "e" goes from a stem of five letters or more, so that a
mention stored before ("accuse") and one read now ("accus") still share the word."""

from django.db import migrations

BATCH = 2000


def _restem(words: list[str]) -> list[str]:
    return list(dict.fromkeys(w[:-1] if len(w) > 4 and w.endswith("e") else w for w in words))


def forwards(apps, schema_editor) -> None:
    for name in ("Mention", "PendingHappening"):
        model = apps.get_model("timeline", name)
        changed = []
        for row in model.objects.only("id", "keywords").iterator(chunk_size=BATCH):
            words = _restem(row.keywords or [])
            if words != (row.keywords or []):
                row.keywords = words
                changed.append(row)
            if len(changed) >= BATCH:
                model.objects.bulk_update(changed, ["keywords"])
                changed = []
        if changed:
            model.objects.bulk_update(changed, ["keywords"])


class Migration(migrations.Migration):
    dependencies = [("timeline", "0035_article_published_offset")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
