"""Full-text search over events: their titles and summaries, and the passages that report them.

Every word must match (in the title, the summary or one of the event's source passages). On
PostgreSQL a word matches through text search vectors (English stemming: "launched" finds
"launches") that GIN expression indexes serve, so a search stays fast at a million events; words
the English configuration ignores ("the", "of") are dropped. Elsewhere (SQLite) a word matches as a
case-insensitive substring. Selectors call ``events_search`` and need not know which database runs.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connections
from django.db.models import Q, QuerySet

from timeline.models import Event, Mention

SEARCH_CONFIG = "english"
MAX_WORDS = 12


def event_search_vector() -> SearchVector:
    """The expression the event GIN index covers; queries must use exactly this one to be served by it."""
    return SearchVector("title", "summary", config=SEARCH_CONFIG)


def passage_search_vector(prefix: str = "") -> SearchVector:
    """The passage text vector, as indexed (``prefix`` reaches the passage from another model)."""
    return SearchVector(f"{prefix}text", config=SEARCH_CONFIG)


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
        for word in words:
            # Two index scans joined by UNION: an OR across tables would force a scan of every event.
            query = SearchQuery(word, search_type="plain", config=SEARCH_CONFIG)
            in_events = Event.objects.annotate(v=event_search_vector()).filter(v=query).order_by().values("id")
            in_passages = (
                Mention.objects.annotate(v=passage_search_vector("passage__"))
                .filter(v=query)
                .order_by()
                .values("event_id")
            )
            qs = qs.filter(pk__in=in_events.union(in_passages))
        return qs
    for word in words:
        in_passages = Mention.objects.filter(passage__text__icontains=word).values("event_id")
        qs = qs.filter(Q(title__icontains=word) | Q(summary__icontains=word) | Q(pk__in=in_passages))
    return qs
