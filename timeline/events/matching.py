"""Reads behind the writes: the stored gazetteer, the stored events a happening may be, near-duplicates, dates.

Nothing here writes. services.py asks these questions before it stores: which stored event is this
happening (same type, compatible date, shared actors, and among those the most distinctive shared words),
which stored article is this one a copy of, and what date an undated article most likely carries.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date, timedelta
from typing import NamedTuple

from django.db import connection
from django.db.models import Exists, F, OuterRef, Q

from timeline.extraction import cluster
from timeline.extraction.cluster import DateRange, EventProfile
from timeline.extraction.events.dating import DateBasis
from timeline.extraction.gazetteer import Gazetteer, builtin_aliases, gazetteer_from_rows
from timeline.extraction.pipeline import ArticleEvent, ArticleExtraction
from timeline.ingest.rows import rows_as_models
from timeline.models import ActorAlias, Article, Event, Mention, Passage

REPORT_WINDOW_DAYS = 14  # how far back an undated report may reach for the happening it reports
MAX_CANDIDATES = 60  # stored events compared with one happening
NEAR_DUPLICATE_PASSAGE = 60  # characters: the shortest passage a copy of a story is looked for through
NEAR_DUPLICATE_WINDOW_DAYS = 120  # how far apart in publication date two copies of a story are looked for
INFER_MIN_SCORE = 1.5  # an undated article takes a date only from a clear match
INFER_REACH_DAYS = 30  # how far after its best-supported date an undated report's latest happening may lie


_GAZ_CACHE: dict[tuple[int, int, int, int], Gazetteer] = {}


def gazetteer_current(*, fresh: bool = True) -> Gazetteer:
    """The gazetteer as stored (Actor + ActorAlias), rebuilt only when the alias table changed.

    With fresh=False the gazetteer last built is reused without asking the database (within one ingest).
    """
    if not fresh and _GAZ_CACHE:
        return next(iter(_GAZ_CACHE.values()))
    with connection.cursor() as cursor:  # once per article ingested: written out, as Django compiles it slowly
        cursor.execute("SELECT COUNT(id), MAX(id), SUM(LENGTH(alias)), SUM(actor_id) FROM timeline_actoralias")
        key = tuple(int(v or 0) for v in cursor.fetchone())
    if key not in _GAZ_CACHE:
        if key[0] == 0:
            gaz = gazetteer_from_rows([(e.alias, e.actor, e.kind, e.case_sensitive) for e in builtin_aliases()])
        else:
            rows = list(ActorAlias.objects.values_list("alias", "actor__name", "actor__kind", "case_sensitive"))
            gaz = gazetteer_from_rows(rows)
        _GAZ_CACHE.clear()
        _GAZ_CACHE[key] = gaz
    return _GAZ_CACHE[key]


def candidates(
    group: ArticleEvent | EventProfile, exclude_article: int | None = None, *, basis: str = ""
) -> list[tuple[Event, EventProfile]]:
    """Stored events of the happening's kind near its date, each with what clustering compares as a whole.

    `group` is an article's happening (its date and date basis are read from it) or a bare profile (a
    pending happening of an undated article: its date, if any, is its own, with `basis`).
    """
    events = list(_candidate_events(group, exclude_article, basis=basis)[:MAX_CANDIDATES])
    facts = _mention_facts(events, exclude_article)
    return [(e, event_profile(e, facts[e.id])) for e in events]


def candidate_window(group: ArticleEvent | EventProfile, basis: str = "") -> tuple[str, date, date] | None:
    """How far a happening's stored candidates may lie: ("start", low, high) bounds an event's start day,
    ("span", low, high) asks its days to overlap; None when the happening has no date (any day matches)."""
    when = group.date
    if isinstance(group, ArticleEvent):
        basis = group.date_basis
    if when is None:
        return None
    if basis in (DateBasis.LEDE, DateBasis.REPORT):
        # reported without a date of its own: a happening of the days before the report
        return ("start", when.start - timedelta(days=REPORT_WINDOW_DAYS), when.end)
    reach = timedelta(days=cluster.DISPUTE_WINDOW_DAYS)
    return ("span", when.start - reach, when.end + reach)


def _candidate_events(group: ArticleEvent | EventProfile, exclude_article: int | None = None, *, basis: str = ""):
    """The stored events a happening may be, in the order they are compared (latest first, then the first stored)."""
    qs = Event.objects.filter(event_type__in=cluster.candidate_kinds(group.event_type))
    window = candidate_window(group, basis)
    if window is not None:
        kind, low, high = window
        near = (
            Q(date_start__lte=high, date_start__gte=low)
            if kind == "start"
            else Q(date_start__lte=high, date_end__gte=low)
        )
        qs = qs.filter(Q(date_start__isnull=True) | near)
    if exclude_article is not None:
        # events only this article backs are its own reading, not evidence about it
        others = Mention.objects.filter(event=OuterRef("pk")).exclude(passage__article_id=exclude_article)
        qs = qs.filter(Exists(others))
    return qs.order_by(F("date_start").desc(nulls_last=True), "id")


def _in_window(event: Event, kinds: frozenset[str], window: tuple[str, date, date] | None) -> bool:
    """Whether `event` passes the filter of _candidate_events (read in Python from a pool already fetched)."""
    if event.event_type not in kinds:
        return False
    if window is None or event.date_start is None:
        return True
    kind, low, high = window
    if kind == "start":
        return low <= event.date_start <= high
    return event.date_start <= high and event.date_end is not None and event.date_end >= low


def _candidate_order(event: Event) -> tuple:
    """The order of _candidate_events: latest start first, undated last, then the first stored (or added) first."""
    start = event.date_start
    return (start is None, -(start.toordinal() if start else 0), event.id if event.id is not None else 1 << 62)


def _mention_facts(events: list[Event], exclude_article: int | None) -> dict[int, list[MentionFacts]]:
    """What the stored mentions of these events tell matching, by event id (one query)."""
    return {i: _facts(rows) for i, rows in _mention_rows(events, exclude_article).items()}


def _mention_rows(events: list[Event], exclude_article: int | None) -> dict[int, list[tuple]]:
    """The stored mentions of these events as read for matching (raw rows: their article, keywords and actors
    as JSON text, speaker, date basis and date), by event id (one query)."""
    ids = [e.id for e in events if e.id is not None]
    found: dict[int, list[tuple]] = {i: [] for i in ids}
    if not ids:
        return found
    # written out (one statement per article ingested: Django's compiler took about as long as the database);
    # the same rows in the same order as Mention's own (its passage's article, then its index)
    sql = (
        "SELECT m.event_id, p.article_id, m.keywords, m.actors, m.speaker, m.date_basis, m.date_start, m.date_end,"
        " m.precision FROM timeline_mention m INNER JOIN timeline_passage p ON p.id = m.passage_id"
        f" WHERE m.event_id IN ({', '.join(['%s'] * len(ids))})"
    )
    params: list[object] = list(ids)
    if exclude_article is not None:
        sql += " AND NOT p.article_id = %s"  # compare with the others' words only
        params.append(exclude_article)
    with connection.cursor() as cursor:
        cursor.execute(sql + ' ORDER BY p.article_id ASC, p."index" ASC', params)
        for event_id, *row in cursor.fetchall():
            found[event_id].append(tuple(row))
    return found


def _facts(rows: list[tuple]) -> list[MentionFacts]:
    loads = json.loads
    facts = []
    for article_id, words, actors, speaker, basis, start, end, precision in rows:
        own = start if basis in DATED_BASES and precision == "day" and start == (end or start) else None
        facts.append(MentionFacts(article_id, frozenset(loads(words)), tuple(loads(actors)), speaker, own))
    return facts


# The profiles of the stored events last compared, by what they are made of (the event's kind and date, its
# mentions' rows as read): the events near a report's days are compared again for each report of those days, and
# are as they were unless a report joined them meanwhile.
_PROFILES: dict[tuple, EventProfile] = {}
PROFILES_KEPT = 2000


def _stored_profile(event: Event, rows: list[tuple]) -> EventProfile:
    """event_profile of a stored event from its mentions' rows (_mention_rows), kept for the next report."""
    key = (event.id, event.event_type, event.date_start, event.date_end, event.precision, tuple(rows))
    profile = _PROFILES.get(key)
    if profile is None:
        if len(_PROFILES) >= PROFILES_KEPT:
            _PROFILES.clear()
        profile = _PROFILES[key] = event_profile(event, _facts(rows))
    return profile


def candidate_days(group: ArticleEvent) -> tuple[frozenset[str], date, date] | None:
    """The kinds and the days (first, last) of the stored events a dated happening may be, or may create: an
    event of those kinds that starts on one of those days, or whose days overlap them (None when undated).
    Two happenings that may be one event share a kind and a day."""
    window = candidate_window(group)
    if window is None:
        return None
    return cluster.candidate_kinds(group.event_type), window[1], window[2]


def _candidate_ids_sql(wanted: list[tuple[frozenset[str], tuple[str, date, date] | None]]) -> tuple[str, list]:
    """The ids of the first MAX_CANDIDATES events of _candidate_events (no article left out)
    for each (kinds, window), in one statement written out here (Django's compiler took longer to build the
    same query than the database to run it)."""
    if connection.vendor == "postgresql":
        return _candidate_ids_lateral(wanted)
    parts, params = [], []
    for n, (kinds, window) in enumerate(wanted):
        kinds = sorted(kinds)
        where = f"event_type IN ({', '.join(['%s'] * len(kinds))})"
        params += kinds
        if window is not None:
            kind, low, high = window
            reach = "date_start >= %s" if kind == "start" else "date_end >= %s"
            where += f" AND (date_start IS NULL OR (date_start <= %s AND {reach}))"
            params += [high, low]
        parts.append(
            f"SELECT id FROM (SELECT id FROM timeline_event WHERE {where} "
            f"ORDER BY date_start IS NULL, date_start DESC, id LIMIT {MAX_CANDIDATES}) AS c{n}"
        )
    return " UNION ".join(parts), params


_CANDIDATE_READS = ("id", "event_type", "date_start", "date_end", "precision", "status", "merged_into_id")
EVENT_ORDER = "date_start ASC, id ASC"  # Event's own order (Meta.ordering), for reads written out


def _candidate_ids_lateral(wanted: list[tuple[frozenset[str], tuple[str, date, date] | None]]) -> tuple[str, list]:
    """_candidate_ids_sql on PostgreSQL: one subquery run for each (kinds, window) of a list, instead of one
    subquery each joined by UNION, which the database took longer to plan (a report asks for some ten windows)
    than to run. Each window is given as bounds of the start day (open ones infinite, so that the index on kind
    and start day serves every window) and, for a "span", the least last day."""
    rows, params = [], []
    for kinds, window in wanted:
        kind, low, high = window if window is not None else ("any", None, None)
        rows.append("(%s::text[], %s::date, %s::date, %s::date)")
        params += [
            sorted(kinds),
            low if kind == "start" else "-infinity",
            high if window is not None else "infinity",
            low if kind == "span" else None,
        ]
    sql = (
        f"SELECT c.id FROM (VALUES {', '.join(rows)}) AS w(kinds, first, last, reach) CROSS JOIN LATERAL ("
        "SELECT id FROM timeline_event WHERE event_type = ANY(w.kinds) AND (date_start IS NULL OR (date_start >="
        " w.first AND date_start <= w.last AND (w.reach IS NULL OR date_end >= w.reach)))"
        f" ORDER BY date_start IS NULL, date_start DESC, id LIMIT {MAX_CANDIDATES}) AS c"
    )
    return sql, params


class CandidatePool:
    """The stored events any happening of one article may be, read in two queries for all of them, and the
    events the article adds as its happenings are stored one after the other.

    ``for_group`` gives each happening what ``candidates`` would read for it at that moment: the same
    events in the same order, with the same profiles (an event added here has no mention yet).
    """

    def __init__(self, groups: list[ArticleEvent]) -> None:
        self._events: list[Event] = []
        self._profiles: dict[int, EventProfile] = {}  # by id() of the Event object
        wanted = {}
        for group in groups:
            wanted.setdefault((cluster.candidate_kinds(group.event_type), candidate_window(group)), group)
        if not wanted:
            return
        sql, params = _candidate_ids_sql(list(wanted))
        # what matching reads of a candidate (_in_window, event_profile, the status and merge of the one chosen);
        # the event joined is read again, locked, before anything is written to it (events_refresh). Written out:
        # one statement per article ingested, which Django took longer to compile than the database to run.
        quote = connection.ops.quote_name
        columns = ", ".join(quote(c) for c in _CANDIDATE_READS)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {columns} FROM timeline_event WHERE id IN ({sql}) ORDER BY {EVENT_ORDER}", params)
            events = rows_as_models(Event, _CANDIDATE_READS, cursor.fetchall())
        rows = _mention_rows(events, None)
        for event in events:
            self._add(event, _stored_profile(event, rows[event.id]))

    def _add(self, event: Event, profile: EventProfile) -> None:
        self._events.append(event)
        self._profiles[id(event)] = profile

    def add(self, event: Event) -> None:
        """An event the article creates (saved or not yet): later happenings of the article may join it."""
        self._add(event, event_profile(event, []))

    def for_group(self, group: ArticleEvent) -> list[tuple[Event, EventProfile]]:
        kinds, window = cluster.candidate_kinds(group.event_type), candidate_window(group)
        found = sorted((e for e in self._events if _in_window(e, kinds, window)), key=_candidate_order)
        return [(e, self._profiles[id(e)]) for e in found[:MAX_CANDIDATES]]


DATED_BASES = (DateBasis.CLAUSE, DateBasis.ELSEWHERE)  # a date the report gives the happening, not its own day


class MentionFacts(NamedTuple):
    """What a stored mention tells matching (Mention.keywords, actors, speaker, and its own day if any): a
    tuple, as some thousands are built for each article ingested."""

    article: int
    keywords: frozenset[str]
    actors: tuple[str, ...]
    speaker: str
    day: date | None = None


def event_profile(event: Event, facts: list[MentionFacts]) -> EventProfile:
    """The event as a whole, each article that reports it one source: words counted by how many of its
    articles use them, the actors most of its articles name, the days its articles give of their own."""
    words: dict[int, set[str]] = {}
    named: dict[int, set[str]] = {}
    for f in facts:
        words.setdefault(f.article, set()).update(cluster.fold_words(f.keywords))
        named.setdefault(f.article, set()).update(f.actors)
    counts: Counter[str] = Counter(w for ws in words.values() for w in ws)
    actor_counts: Counter[str] = Counter(a for names in named.values() for a in names)
    naming = sum(1 for names in named.values() if names)
    rng = None
    if event.date_start is not None:
        rng = DateRange(event.date_start, event.date_end or event.date_start, event.precision)
    return EventProfile(
        event_type=event.event_type,
        actors={a for a, c in actor_counts.items() if c * 2 >= naming},
        speakers={f.speaker for f in facts if f.speaker},
        keywords=counts,
        date=rng,
        sources=max(1, len(words)),
        days=tuple(f.day for f in facts if f.day is not None),
    )


def group_profile(group: ArticleEvent, ex: ArticleExtraction) -> EventProfile:
    words: set[str] = set()
    days = []
    for i in group.mentions:
        m = ex.mentions[i]
        words.update(cluster.mention_words(m))
        if m.date is not None and not m.date.telling and m.date.precision == "day" and m.date.start == m.date.end:
            days.append(m.date.start)
    return EventProfile(
        event_type=group.event_type,
        actors=set(group.actors),
        speakers=set(group.speakers),
        keywords=Counter(words),
        date=group.date if group.date_basis in DATED_BASES else None,
        sources=1,
        days=tuple(days),
    )


def best_match(
    group: ArticleEvent,
    ex: ArticleExtraction,
    exclude_article: int | None = None,
    min_score: float = 0.0,
    *,
    pool: CandidatePool | None = None,
) -> Event | None:
    return best_match_scored(group, ex, exclude_article, min_score, pool=pool)[0]


def best_match_scored(
    group: ArticleEvent,
    ex: ArticleExtraction,
    exclude_article: int | None = None,
    min_score: float = 0.0,
    *,
    pool: CandidatePool | None = None,
) -> tuple[Event | None, float]:
    """The stored event this happening most likely is, and how strongly it matched (its candidates taken from
    `pool` when given, read from the database otherwise)."""
    found = pool.for_group(group) if pool is not None else candidates(group, exclude_article)
    if group.date is None and ex.published is not None:
        found = [(e, p) for e, p in found if _recent(e, ex.published)]
    return _best_of(group_profile(group, ex), found, min_score)


def _recent(event: Event, published: date) -> bool:
    """Whether a stored event lies in the days a report's undated sentence may tell of: told without a date
    in a report of known date, a happening is news of the report's last days (REPORT_WINDOW_DAYS) or
    context, never a happening of another year (an undated event is compared as before)."""
    if event.date_start is None:
        return True
    end = event.date_end or event.date_start
    return event.date_start <= published and (published - end).days <= REPORT_WINDOW_DAYS


def _best_of(
    prof: EventProfile, found: list[tuple[Event, EventProfile]], min_score: float
) -> tuple[Event | None, float]:
    """Among the events that pass the match rules, the one sharing the most distinctive words wins:
    words that every candidate shares (the actors' names, "missile") tell the candidates nothing apart."""
    passing = []
    for event, profile in found:
        score = cluster.match_score(profile, prof, same_article=False)
        if score > min_score:
            passing.append((event, profile, score))
    if not passing:
        return None, 0.0
    weights = cluster.distinctive_overlap([p for _, p, _ in passing], prof)
    best, _, best_score = max(zip(passing, weights, strict=True), key=lambda pw: (pw[1], pw[0][2]))[0]
    if best.merged_into_id:
        seen = set()
        while best.merged_into_id and best.id not in seen:
            seen.add(best.id)
            best = best.merged_into
    return best, best_score


def pending_profiles(article: Article) -> list[EventProfile]:
    """The happenings an article reported when it was stored without a date, as matching compares them."""
    return [
        EventProfile(
            event_type=p.event_type,
            actors=set(p.actors),
            speakers=set(p.speakers),
            keywords=Counter(cluster.fold_words(p.keywords)),
            date=DateRange(p.date_start, p.date_end or p.date_start, p.precision) if p.date_start else None,
        )
        for p in article.pending_happenings.all()
    ]


def pending_match(
    profile: EventProfile, article: Article, min_score: float = INFER_MIN_SCORE
) -> tuple[Event | None, float]:
    """The stored event (backed by other articles) a pending happening of `article` most likely is."""
    basis = DateBasis.CLAUSE if profile.date is not None else DateBasis.NONE
    return _best_of(profile, candidates(profile, article.id, basis=basis), min_score)


def near_duplicate_of(
    article: Article, passages: list[Passage], candidate_ids: set[int] | None = None
) -> Article | None:
    """An earlier stored article with nearly the same text (found through shared sentences), or None; only
    among `candidate_ids` when given (near_duplicate_candidates)."""
    if candidate_ids is None:
        candidate_ids = near_duplicate_candidates(article, passages)
    if not candidate_ids:
        return None
    mine = _SHINGLES.get((article.id, article.content_hash)) or cluster.shingles(article.text)
    # kept for the articles stored after it, which compare themselves with it
    _SHINGLES[(article.id, article.content_hash)] = mine
    with connection.cursor() as cursor:  # written out: asked once per article ingested
        ids = sorted(candidate_ids)
        cursor.execute(
            f"SELECT id, content_hash FROM timeline_article WHERE id IN ({', '.join(['%s'] * len(ids))}) ORDER BY id",
            ids,
        )
        keys = cursor.fetchall()
    unread = [pk for pk, digest in keys if (pk, digest) not in _SHINGLES]
    if len(_SHINGLES) + len(unread) > SHINGLES_KEPT:
        _SHINGLES.clear()
    if unread:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id, content_hash, text FROM timeline_article WHERE id IN ({', '.join(['%s'] * len(unread))})",
                unread,
            )
            for pk, digest, text in cursor.fetchall():
                _SHINGLES[(pk, digest)] = cluster.shingles(text)
    for pk, digest in keys:
        theirs = _SHINGLES.get((pk, digest))
        if theirs is None:  # cleared meanwhile (a very long candidate list): read it again
            theirs = cluster.shingles(Article.objects.values_list("text", flat=True).get(id=pk))
        if cluster.containment(mine, theirs) >= cluster.NEAR_DUPLICATE:
            other = Article.objects.select_related("duplicate_of").get(id=pk)
            return other.duplicate_of or other
    return None


# A stored article's text never changes (it is read-only everywhere once stored): the shingles of the articles
# compared are kept for the run, by id and content hash (an id alone may be reused on SQLite after a rollback).
_SHINGLES: dict[tuple[int, str], set[int]] = {}
SHINGLES_KEPT = 500  # about 60 KB each


def near_duplicate_candidates(article: Article, passages: list[Passage]) -> set[int]:
    """The stored articles that share one of the article's longest sentences: those near_duplicate_of compares."""
    longest = sorted(passages, key=lambda p: len(p.text), reverse=True)[:5]
    texts = [p.text for p in longest if len(p.text) >= NEAR_DUPLICATE_PASSAGE]
    if not texts:
        return set()
    # written out: asked twice per article ingested
    sql = (
        "SELECT p.article_id FROM timeline_passage p INNER JOIN timeline_article a ON a.id = p.article_id"
        f" WHERE p.text IN ({', '.join(['%s'] * len(texts))}) AND NOT p.article_id = %s"
    )
    params: list[object] = [*texts, article.id]
    if article.published is not None:
        # through the publication-date index: copies appear within weeks of each other (or carry no date)
        reach = timedelta(days=NEAR_DUPLICATE_WINDOW_DAYS)
        sql += " AND (a.published IS NULL OR a.published BETWEEN %s AND %s)"
        params += [article.published - reach, article.published + reach]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {pk for (pk,) in cursor.fetchall()}


def infer_published(article: Article, happenings: list[EventProfile]) -> date | None:
    """An undated article's date: that of a dated near-duplicate, else the date its happenings (as read without
    a date: pending_profiles) point to."""
    twins = Article.objects.filter(
        Q(id=article.duplicate_of_id) | Q(duplicate_of=article) | Q(duplicate_of_id=article.duplicate_of_id),
        published__isnull=False,
    ).exclude(id=article.id)
    if article.duplicate_of_id or article.duplicates.exists():
        twin = twins.order_by("id").first()
        if twin is not None:
            return twin.published
    votes: dict[date, list[float]] = {}
    for happening in happenings:
        event, score = pending_match(happening, article)
        if event is not None and event.status != Event.Status.REJECTED and event.date_start is not None:
            vote = votes.setdefault(event.date_start, [0, 0.0])
            vote[0] += 1
            vote[1] += score
    if not votes:
        return None

    # A report is no older than the latest happening it tells of: from the date most of its happenings
    # point to, move on to the latest matched date within a few weeks after it (reports also recall
    # the days before); a match far later than the rest is more likely wrong than the rest.
    # Happenings within a few weeks of each other support one another's date: the best-supported stretch wins.
    def support(day: date) -> tuple[int, float, date]:
        near = [v for d, v in votes.items() if abs((d - day).days) <= INFER_REACH_DAYS]
        return (sum(v[0] for v in near), sum(v[1] for v in near), day)

    most = max(votes, key=support)
    return max(d for d in votes if most <= d <= most + timedelta(days=INFER_REACH_DAYS))
