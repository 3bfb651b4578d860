"""The data migration that hashes stored articles by their raw text."""

import hashlib
import importlib

import pytest
from django.apps import apps

from timeline.ingest.service import article_ingest, content_hash
from timeline.models import Article, Publisher

pytestmark = pytest.mark.django_db

migration = importlib.import_module("timeline.migrations.0021_content_hash_raw_text")

TEXT = "Talks in Geneva\n3 June 2024\n\nNegotiators met in Geneva on Monday to discuss a prisoner exchange, officials said."


def _old_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_it_hashes_stored_articles_by_their_raw_text_and_keeps_copies_apart():
    gazette, weekly = Publisher.objects.create(name="Gazette"), Publisher.objects.create(name="Reprint Weekly")
    first = Article.objects.create(raw_text=TEXT, text="cleaned", publisher=gazette, content_hash=_old_hash("a"))
    copy = Article.objects.create(raw_text=TEXT + "\n", text="cleaned", publisher=weekly, content_hash=_old_hash("b"))
    twin = Article.objects.create(raw_text=TEXT, text="cleaned 2", publisher=weekly, content_hash=_old_hash("c"))
    migration.raw_text_hashes(apps, None)
    hashes = dict(Article.objects.values_list("id", "content_hash"))
    assert hashes[first.pk] == content_hash(TEXT)
    assert hashes[copy.pk] == content_hash(TEXT, publisher="Reprint Weekly")
    assert hashes[twin.pk] == _old_hash("c")  # a copy the old hashes kept apart stays apart
    assert not article_ingest(raw_text=TEXT, publisher="Gazette").created
    assert not article_ingest(raw_text=TEXT, publisher="Reprint Weekly").created


def test_it_goes_back_to_the_hashes_of_the_cleaned_text():
    Article.objects.create(raw_text=TEXT, text="cleaned", content_hash=content_hash(TEXT))
    migration.cleaned_text_hashes(apps, None)
    assert Article.objects.get().content_hash == _old_hash("cleaned")
