"""Full-text search over events: their titles and summaries, and the passages that report them.

Every word must match (in the title, the summary or one of the event's source passages). All three
sit in one column, ``Event.search_text``, which database triggers keep exact (migration
``0014_event_search_text``), so a search reads one table. On PostgreSQL a word matches through the
stored text search vector of that column, ``Event.search_vector`` (English stemming: "launched"
finds "launches"; migration ``0018_event_search_vector``), served by a GIN index, so a search stays
one index scan at a million events and costs little per row when another filter leads; words the English
configuration ignores ("the", "of") are dropped. Elsewhere (SQLite) a word matches as a
case-insensitive substring of the column. Selectors call ``events_search`` and need not know which
database runs.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import QuerySet

from timeline.models import Event

SEARCH_CONFIG = "english"
MAX_WORDS = 12


def searchable_words(*, text: str, using: str = "default") -> list[str]:
    """The words of ``text`` a search uses: at most MAX_WORDS; on PostgreSQL without ignored stop words."""
    words = list(dict.fromkeys(text.split()))[:MAX_WORDS]
    if not words or connections[using].vendor != "postgresql":
        return words
    with connections[using].cursor() as cursor:
        cursor.execute(
            "SELECT w FROM unnest(%s::text[]) WITH ORDINALITY AS t(w, i) "
            "WHERE numnode(plainto_tsquery(%s::regconfig, w)) > 0 ORDER BY i",
            [words, SEARCH_CONFIG],
        )
        return [row[0] for row in cursor.fetchall()]


def events_search(*, qs: QuerySet[Event], text: str) -> QuerySet[Event]:
    """The events of ``qs`` matching every word of ``text``; ``qs`` unchanged when ``text`` holds no word."""
    if not text.split():
        return qs
    words = searchable_words(text=text, using=qs.db)
    if connections[qs.db].vendor == "postgresql":
        if not words:
            return qs
        # One query of all the words ANDed: a single bitmap index scan, each word stemmed as before.
        query = SearchQuery(words[0], search_type="plain", config=SEARCH_CONFIG)
        for word in words[1:]:
            query &= SearchQuery(word, search_type="plain", config=SEARCH_CONFIG)
        return qs.filter(search_vector=query)
    for word in words:
        qs = qs.filter(search_text__icontains=word)
    return qs


def single_term(*, text: str, using: str = "default") -> str | None:
    """The one lexeme a PostgreSQL search for ``text`` matches, or None (several words or lexemes, or SQLite).

    An event matches such a search exactly when its search text holds that lexeme: what
    TermMonthTally counts per month.
    """
    if connections[using].vendor != "postgresql":
        return None
    words = searchable_words(text=text, using=using)
    if len(words) != 1:
        return None
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT tsvector_to_array(to_tsvector(%s::regconfig, %s))", [SEARCH_CONFIG, words[0]])
        lexemes = cursor.fetchone()[0]
    return lexemes[0] if len(lexemes) == 1 else None
