"""Full-text search over events' titles and summaries.

On PostgreSQL the words are matched with a text search vector (English stemming, web-search
syntax: quoted phrases, ``or``, ``-word``) that a GIN expression index serves, so a search stays
fast at a million events. Elsewhere (SQLite) every word must appear, case-insensitively, in the
title or the summary. Selectors call ``events_search`` and need not know which database runs.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Q, QuerySet

from timeline.models import Event

SEARCH_CONFIG = "english"
MAX_WORDS = 12


def event_search_vector() -> SearchVector:
    """The expression the GIN index covers; queries must use exactly this one to be served by it."""
    return SearchVector("title", "summary", config=SEARCH_CONFIG)


def events_search(*, qs: QuerySet[Event], text: str) -> QuerySet[Event]:
    """The events of ``qs`` that match ``text``; ``qs`` unchanged when ``text`` holds no word."""
    words = text.split()[:MAX_WORDS]
    if not words:
        return qs
    if connections[qs.db].vendor == "postgresql":
        query = SearchQuery(" ".join(words), search_type="websearch", config=SEARCH_CONFIG)
        return qs.annotate(search_vector=event_search_vector()).filter(search_vector=query)
    for word in words:
        qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    return qs
