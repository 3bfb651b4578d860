"""The data migration that brings stored content words to the stemmer's form."""

import importlib

import pytest
from django.apps import apps

from timeline.ingest.service import article_ingest
from timeline.models import Mention

pytestmark = pytest.mark.django_db

migration = importlib.import_module("timeline.migrations.0036_keywords_final_e")

TEXT = "Accusation\n3 June 2024\n\nRuritania accused Borduria of treason on Monday, the foreign ministry said."


def test_it_restems_stored_words_as_a_mention_read_now_would_be():
    article_ingest(raw_text=TEXT)
    mention = Mention.objects.get()
    now = list(mention.keywords)
    mention.keywords = [w + "e" if w == "accus" else w for w in now] + ["state", "stat"]
    mention.save(update_fields=["keywords"])
    migration.forwards(apps, None)
    mention.refresh_from_db()
    assert mention.keywords == [*now, "stat"]
