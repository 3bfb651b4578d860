"""An article's content_hash becomes the hash of its normalised raw text (it was the hash of the cleaned
text, which changes with the gazetteer): every stored article is hashed again, oldest first.

A later article whose raw text an earlier one already has is another site's copy: it takes the hash
with its publisher, as ingest gives it; one that still collides keeps its old hash, so nothing is lost.
"""

import hashlib
import re
import unicodedata

from django.db import migrations, models

CHUNK = 500

# Frozen: the raw-text normalisation as timeline.extraction.clean.characters had it when this migration was
# written (control characters out, other breaks as newlines, NFC, spacing runs as one space). It is copied
# here so this migration rehashes the same way whatever the live code becomes; do not change it.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def text_fingerprint(text: str, *, publisher: str = "") -> str:
    normal = " ".join(unicodedata.normalize("NFC", _CONTROL.sub("", _BREAKS.sub("\n", text))).split())
    if publisher.strip():
        normal = f"{' '.join(publisher.split()).lower()}\n{normal}"
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _rehash(apps, fingerprint) -> None:
    Article = apps.get_model("timeline", "Article")
    rows = list(Article.objects.order_by("id").values_list("id", "content_hash", "raw_text", "text", "publisher__name"))
    taken: set[str] = set()
    fresh: dict[int, str] = {}
    for pk, old, raw, text, publisher in rows:
        digest = fingerprint(raw, text, "")
        if digest in taken and publisher:
            digest = fingerprint(raw, text, publisher)
        if digest in taken:
            digest = old  # two copies the old hash kept apart: they stay apart
        taken.add(digest)
        fresh[pk] = digest
    # through a value no hash takes, so that no two rows share a hash on the way
    Article.objects.update(content_hash=models.functions.Concat(models.Value("~"), models.F("id")))
    for start in range(0, len(rows), CHUNK):
        chunk = [Article(id=pk, content_hash=fresh[pk]) for pk, *_ in rows[start : start + CHUNK]]
        Article.objects.bulk_update(chunk, ["content_hash"])


def raw_text_hashes(apps, schema_editor) -> None:
    _rehash(apps, lambda raw, text, publisher: text_fingerprint(raw, publisher=publisher))


def cleaned_text_hashes(apps, schema_editor) -> None:
    def cleaned(raw: str, text: str, publisher: str) -> str:
        value = f"{publisher.strip().lower()}\n{text}" if publisher else text
        return hashlib.sha256(value.encode("utf-8")).hexdigest()

    _rehash(apps, cleaned)


class Migration(migrations.Migration):
    dependencies = [("timeline", "0020_date_reference")]

    operations = [
        migrations.AlterField(
            model_name="article",
            name="content_hash",
            field=models.CharField(
                help_text="hash of the normalised raw text (with the publisher, for another site's copy of a stored text)",
                max_length=64,
                unique=True,
            ),
        ),
        migrations.RunPython(raw_text_hashes, cleaned_text_hashes),
    ]
