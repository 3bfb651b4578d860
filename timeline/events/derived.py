"""What an event takes from its mentions, one rule each: its date and whether its sources dispute it, how
many publishers stand behind it, the actors a text names, and the slug a new event is given.

Ingest (events/update.py, ingest/service.py), curation (events/curation.py), the export and the pages
all call these, so the figures they show cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from django.db import connection
from django.utils.text import slugify

from timeline.extraction import cluster
from timeline.extraction.cluster import DateRange
from timeline.extraction.gazetteer import Gazetteer, gazetteer_from_rows
from timeline.extraction.pipeline import CONTEXT_RULE, PUBLICATION_RULE, TELLING_RULE
from timeline.models import Actor, Article, Event, Mention

# A title's opening run of capitalised words ("The UK Foreign Office", "North Korean"), up to its verb.
_OPENING_NAME = re.compile(r"(?:[A-Z][\w’'.-]*(?:\s+|$))+")
# dates that count only where no sentence gives the happening's own day
WEAK_RULES = (PUBLICATION_RULE, CONTEXT_RULE, TELLING_RULE)
# "The coast guard says ...", "The broadcaster reports that ...": a speaker's telling opens the title
_TELLING = re.compile(
    r"^(?:[\w’'.,-]+\s+){1,8}?(?:says|say|reports|report|confirms|confirm|announces|announce|claims|claim)\s+"
    r"(?:that\s+)?"
)
SLUG_BASE_MAX = 100
SLUG_MAX = 120


def event_date(mentions: Iterable[Mention]) -> tuple[DateRange | None, bool]:
    """The event's date and whether its sources disagree on it.

    The best-supported date wins, the most precise among equally supported ones (cluster.best_date); a copy
    of an article is not a second witness, and dates read only from a publication date or the context count
    only where no sentence gives one. Disputed: some witness gives a range that does not overlap the date.
    """
    text_votes: list[tuple[DateRange, float]] = []
    weak_votes: list[tuple[DateRange, float]] = []
    seen: set[tuple[int, date, date]] = set()
    for m in mentions:
        if m.date_start is None:
            continue
        art = m.passage.article
        key = (art.duplicate_of_id or art.id, m.date_start, m.date_end or m.date_start)
        if key in seen:
            continue
        seen.add(key)
        vote = (DateRange(m.date_start, m.date_end or m.date_start, m.precision), 1.0)
        (weak_votes if m.date_rule in WEAK_RULES else text_votes).append(vote)
    return cluster.best_date(text_votes or weak_votes)


def publisher_count(articles: Iterable[Article]) -> int:
    """Distinct publishers behind these articles. An article of unknown publisher counts once, unless it is a
    near-duplicate of another article (a copy is not an independent source)."""
    publishers: set[int] = set()
    anonymous: set[int] = set()
    for art in articles:
        if art.publisher_id is not None:
            publishers.add(art.publisher_id)
        elif art.duplicate_of_id is None:
            anonymous.add(art.id)
    return len(publishers) + len(anonymous)


def event_publisher_count(*, event: Event) -> int:
    """The publisher count of a stored event, from the articles of its mentions."""
    articles = Article.objects.filter(passages__mentions__event=event).distinct()
    return publisher_count(articles.only("id", "publisher_id", "duplicate_of_id"))


def actors_named_in(text: str, candidates: Iterable[Actor]) -> list[Actor]:
    """The candidate actors whose name or one of whose aliases the text names, as whole words (the gazetteer's
    rule: "Iran" is not found in "Iranian" unless "Iranian" is one of its aliases)."""
    candidates = list(candidates)
    rows = [
        (alias, actor.name, actor.kind, exact)
        for actor in candidates
        for alias, exact in [(actor.name, False), *((a.alias, a.case_sensitive) for a in actor.aliases.all())]
        if alias
    ]
    named = {hit.actor for hit in gazetteer_from_rows(rows).find(text)}
    return [actor for actor in candidates if actor.name in named]


def title_subject(title: str, gazetteer: Gazetteer, fallback: str = "", event_type: str = "") -> str:
    """The actor a title is about: the head of its opening name ("Israeli Prime Minister Benjamin Netanyahu
    warns" is about Netanyahu, "The UK Foreign Office urges" about the United Kingdom); where the title
    opens with no name the gazetteer knows, the fallback (the event's lead actor). A happening other than a
    statement that a speaker tells ("The coast guard says Ruritania fired ...") is about the told clause's
    actor, not the speaker's."""
    telling = _TELLING.match(title) if event_type and event_type != "statement" else None
    if telling is not None:
        return title_subject(title[telling.end() :], gazetteer, fallback)
    opening = _OPENING_NAME.match(title)
    hits = [h for h in gazetteer.find(title) if opening and h.end <= opening.end()]
    return hits[-1].actor if hits else fallback


def event_slug(*, start: date | None, subject: str, event_type: str) -> str:
    """A new event's slug, its date and its subject: "2023-12-18-north-korea-missile-test"; unique among all
    events. A stored event keeps its slug whatever changes later: permalinks are stable."""
    return unique_slug(Event, event_slug_base(start=start, subject=subject, event_type=event_type), SLUG_MAX)


def event_slug_base(*, start: date | None, subject: str, event_type: str) -> str:
    """What event_slug makes unique: the date, the subject and the kind."""
    words = (start.isoformat() if start else "undated", slugify(subject), slugify(event_type))
    return "-".join(w for w in words if w)[:SLUG_BASE_MAX]


def unique_slug(model: type, base: str, max_length: int) -> str:
    """`base`, or `base-2`, `base-3`... the first not yet taken by a row of `model`."""
    return unique_slugs(model, [base], max_length)[0]


def unique_slugs(model: type, bases: list[str], max_length: int) -> list[str]:
    """For each base in turn, the slug unique_slug would give if the rows before it had been saved already
    (one query for all)."""
    bases = [b.strip("-") or "item" for b in bases]
    if not bases:
        return []
    taken = _slugs_starting(model, {b[: max_length - 4] for b in bases})
    slugs = []
    for base in bases:
        slug, n = base, 1
        while slug in taken:
            n += 1
            suffix = f"-{n}"
            slug = base[: max_length - len(suffix)] + suffix
        taken.add(slug)
        slugs.append(slug)
    return slugs


def _slugs_starting(model: type, prefixes: set[str]) -> set[str]:
    """The slugs of `model` that start with one of these prefixes: model.objects.filter(Q(slug__startswith=...) |
    ...) written out, as a new event asks it for every article ingested (Django took longer to compile it than
    the database to run it)."""
    quote = connection.ops.quote_name
    column = connection.ops.lookup_cast("startswith", "SlugField") % quote(model._meta.get_field("slug").column)
    test = f"{column} {connection.operators['startswith'] % '%s'}"
    prefixes = sorted(prefixes)
    params = [f"{connection.ops.prep_for_like_query(p)}%" for p in prefixes]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT slug FROM {model._meta.db_table} WHERE {' OR '.join([test] * len(prefixes))}", params)
        return {slug for (slug,) in cursor.fetchall()}
