"""Writes: ingest an article, store what extraction found, re-read an article after its date changes.

The pipeline (timeline.extraction) returns plain data; this module turns it into rows. Events are shared
between articles: each happening an article reports is matched against stored events near its date
(same type, overlapping actors, shared words) and joins the best one, or becomes a new event.
Extraction never writes a field a curator locked, and never attaches anything to a rejected event.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import lru_cache

from django.db import transaction
from django.db.models import Count, Exists, Max, OuterRef, Q, Sum
from django.db.models.functions import Length
from django.utils import timezone
from django.utils.text import slugify

from timeline.extraction import cluster
from timeline.extraction.cluster import DateRange, EventProfile
from timeline.extraction.events import keywords, statement_speaker
from timeline.extraction.gazetteer import Gazetteer, builtin_aliases, gazetteer_from_rows
from timeline.extraction.pipeline import (
    CONTEXT_RULE,
    PUBLICATION_RULE,
    ArticleEvent,
    ArticleExtraction,
    extract_cleaned,
)
from timeline.extraction.pipeline import extract_article as pipeline_extract
from timeline.models import Actor, ActorAlias, Article, Event, Mention, Passage, Publisher

INFERRED_RULE = "inferred"
_WEAK_DATES = (Article.DateSource.UNKNOWN, Article.DateSource.INFERRED)
REPORT_WINDOW_DAYS = 14
MAX_CANDIDATES = 60
NEAR_DUPLICATE_WINDOW_DAYS = 120  # how far apart in publication date two copies of a story are looked for  # stored events compared with one happening
INFER_MIN_SCORE = 1.5  # an undated article takes a date only from a clear match  # how far back an undated report may reach for the happening it reports


@dataclass
class IngestResult:
    article: Article
    created: bool
    passages: int = 0
    events_new: int = 0
    events_updated: int = 0


@dataclass
class _StoreCounts:
    new: int = 0
    updated: int = 0
    created: list[Event] = field(default_factory=list)


# ---------------------------------------------------------------- gazetteer

_GAZ_CACHE: dict[tuple[int, int, int, int], Gazetteer] = {}


def gazetteer_current(*, fresh: bool = True) -> Gazetteer:
    """The gazetteer as stored (Actor + ActorAlias), rebuilt only when the alias table changed.

    With fresh=False the gazetteer last built is reused without asking the database (within one ingest).
    """
    if not fresh and _GAZ_CACHE:
        return next(iter(_GAZ_CACHE.values()))
    stats = ActorAlias.objects.aggregate(
        n=Count("id"), latest=Max("id"), chars=Sum(Length("alias")), owners=Sum("actor_id")
    )
    key = (stats["n"] or 0, stats["latest"] or 0, stats["chars"] or 0, stats["owners"] or 0)
    if key not in _GAZ_CACHE:
        if key[0] == 0:
            gaz = gazetteer_from_rows([(e.alias, e.actor, e.kind, e.case_sensitive) for e in builtin_aliases()])
        else:
            rows = list(ActorAlias.objects.values_list("alias", "actor__name", "actor__kind", "case_sensitive"))
            gaz = gazetteer_from_rows(rows)
        _GAZ_CACHE.clear()
        _GAZ_CACHE[key] = gaz
    return _GAZ_CACHE[key]


def _actors(names: Counter[str], gaz: Gazetteer, default_kind: str) -> list[Actor]:
    """The Actor rows for these names, created where the gazetteer knows a name the table lacks."""
    found = {a.name: a for a in Actor.objects.filter(name__in=list(names))}
    return [found.get(name) or _actor(name, gaz.kinds.get(name, default_kind)) for name in names]


def _actor(name: str, kind: str) -> Actor:
    actor = Actor.objects.filter(name=name).first()
    if actor is None:
        actor = Actor.objects.create(name=name, slug=_unique_slug(Actor, slugify(name) or "actor", 200), kind=kind)
    return actor


# ---------------------------------------------------------------- ingest


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@transaction.atomic
def article_ingest(
    *,
    raw_text: str,
    title: str = "",
    url: str = "",
    publisher: str = "",
    published: date | None = None,
    published_at: datetime | None = None,
    source_name: str = "",
) -> IngestResult:
    """Clean, read and store one article; the same cleaned text twice is one article."""
    gaz = gazetteer_current()
    if published_at is not None and timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at, UTC)
    ex = pipeline_extract(
        raw_text, published=published, published_at=published_at, title=title, publisher=publisher, gazetteer=gaz
    )
    if not ex.text.strip():
        raise ValueError("no article text left after cleaning")
    digest = content_hash(ex.text)
    existing = Article.objects.filter(content_hash=digest).first()
    if existing is not None:
        return IngestResult(article=existing, created=False)
    stored_at = ex.published_at
    if stored_at is not None and timezone.is_naive(stored_at):
        stored_at = timezone.make_aware(stored_at, UTC)
    source = {
        "given": Article.DateSource.METADATA,
        "header": Article.DateSource.HEADER,
    }.get(ex.published_source, Article.DateSource.UNKNOWN)
    article = Article.objects.create(
        title=ex.title[:500],
        url=url,
        publisher=_publisher(ex.publisher),
        published=ex.published,
        published_at=stored_at,
        published_source=source,
        raw_text=raw_text,
        text=ex.text,
        dropped=[{"line": d.line, "reason": d.reason} for d in ex.dropped],
        content_hash=digest,
        source_name=source_name[:500],
    )
    passages = _store_passages(article, ex)
    twin = _link_near_duplicate(article, passages)
    if twin is not None and article.published is not None and twin.published_source in _WEAK_DATES:
        _set_inferred(twin, article.published)  # a dated copy says more than an undated one's guess
        article_reextract(twin, gazetteer=gaz)
    if article.published is None:
        inferred = _infer_published(article, ex, gaz)
        if inferred is not None:
            _set_inferred(article, inferred)
            ex = extract_cleaned(article.text, published=inferred, title=article.title, gazetteer=gaz)
    counts = _store_events(article, ex, passages)
    if article.published is not None:
        _resolve_undated(gaz, counts.created)
    return IngestResult(
        article=article, created=True, passages=len(passages), events_new=counts.new, events_updated=counts.updated
    )


def _publisher(name: str) -> Publisher | None:
    name = name.strip()[:200]
    if not name:
        return None
    return Publisher.objects.get_or_create(name=name)[0]


def _store_passages(article: Article, ex: ArticleExtraction) -> list[Passage]:
    rows = [
        Passage(article=article, index=p.index, paragraph=p.paragraph, start=p.start, end=p.end, text=p.text)
        for p in ex.passages
    ]
    return Passage.objects.bulk_create(rows)


def _set_inferred(article: Article, day: date) -> None:
    article.published = day
    article.published_source = Article.DateSource.INFERRED
    article.save(update_fields=["published", "published_source"])


# ---------------------------------------------------------------- near-duplicates and date inference


def _link_near_duplicate(article: Article, passages: list[Passage]) -> Article | None:
    """Link the article to an earlier one with nearly the same text (found through shared sentences)."""
    longest = sorted(passages, key=lambda p: len(p.text), reverse=True)[:5]
    texts = [p.text for p in longest if len(p.text) >= 60]
    if not texts:
        return None
    shared = Passage.objects.filter(text__in=texts).exclude(article=article).order_by()
    if article.published is not None:
        # through the publication-date index: copies appear within weeks of each other (or carry no date)
        reach = timedelta(days=NEAR_DUPLICATE_WINDOW_DAYS)
        shared = shared.filter(
            Q(article__published__isnull=True)
            | Q(article__published__range=(article.published - reach, article.published + reach))
        )
    candidate_ids = set(shared.values_list("article_id", flat=True))
    mine = cluster.shingles(article.text)
    for other in Article.objects.filter(id__in=candidate_ids).order_by("id"):
        if cluster.containment(mine, cluster.shingles(other.text)) >= cluster.NEAR_DUPLICATE:
            target = other.duplicate_of or other
            article.duplicate_of = target
            article.save(update_fields=["duplicate_of"])
            return target
    return None


def _infer_published(article: Article, ex: ArticleExtraction, gaz: Gazetteer) -> date | None:
    """An undated article's date: that of a dated near-duplicate, else the date its happenings point to."""
    twins = Article.objects.filter(
        Q(id=article.duplicate_of_id) | Q(duplicate_of=article) | Q(duplicate_of_id=article.duplicate_of_id),
        published__isnull=False,
    ).exclude(id=article.id)
    if article.duplicate_of_id or article.duplicates.exists():
        twin = twins.order_by("id").first()
        if twin is not None:
            return twin.published
    votes: dict[date, list[float]] = {}
    for group in ex.events:
        event, score = _best_match_scored(group, ex, exclude_article=article.id, min_score=INFER_MIN_SCORE)
        if event is not None and event.status != Event.Status.REJECTED and event.date_start is not None:
            vote = votes.setdefault(event.date_start, [0, 0.0])
            vote[0] += 1
            vote[1] += score
    if not votes:
        return None
    # the date most of its happenings point to; the report is no older than the latest of those
    return max(votes, key=lambda d: (votes[d][0], votes[d][1], d))


UNDATED_RECHECK = 50  # undated articles looked at again after each dated ingest
_READINGS: dict[tuple[int, str], ArticleExtraction] = {}


def _undated_reading(article: Article, gaz: Gazetteer) -> ArticleExtraction:
    """The article read without a publication date (kept for the process: it is read after every new event)."""
    key = (article.id, article.content_hash)
    if key not in _READINGS:
        if len(_READINGS) > 256:
            _READINGS.clear()
        _READINGS[key] = extract_cleaned(article.text, title=article.title, gazetteer=gaz)
    return _READINGS[key]


def _resolve_undated(gaz: Gazetteer, new_events: list[Event]) -> None:
    """Date undated articles from what is stored now, and re-check inferred dates new events may overturn.

    An inferred date is provisional: a new event of the same kind with the same actors may be the
    happening an undated article really reports, so those articles are inferred again.
    """
    if not new_events:
        return  # nothing new to match against
    types = {e.event_type for e in new_events}
    articles = list(Article.objects.filter(published__isnull=True).order_by("-id")[:UNDATED_RECHECK])
    if Article.objects.filter(published_source=Article.DateSource.INFERRED).exists():
        actors = set(Event.actors.through.objects.filter(event__in=new_events).values_list("actor_id", flat=True))
        articles += list(
            Article.objects.filter(
                published_source=Article.DateSource.INFERRED,
                duplicate_of__isnull=True,
                passages__mentions__event__event_type__in=types,
                passages__mentions__event__actors__in=actors,
            )
            .exclude(duplicates__published_source__in=[Article.DateSource.HEADER, Article.DateSource.METADATA])
            .distinct()
            .order_by("-id")[:UNDATED_RECHECK]
        )
    for article in articles:
        ex = _undated_reading(article, gaz)
        fresh = [g for g in ex.events if g.event_type in types]
        if not any(
            _best_match(g, ex, exclude_article=article.id, min_score=INFER_MIN_SCORE) in new_events for g in fresh
        ):
            continue  # none of its happenings is one of the new events: nothing changed for it
        inferred = _infer_published(article, ex, gaz)
        if inferred is not None and inferred != article.published:
            _set_inferred(article, inferred)
            article_reextract(article, gazetteer=gaz)


# ---------------------------------------------------------------- events


def _candidates(group: ArticleEvent, exclude_article: int | None = None) -> list[tuple[Event, EventProfile]]:
    """Stored events of the group's type near its date, each with what clustering compares."""
    qs = Event.objects.filter(event_type=group.event_type)
    if group.date is not None and group.date_basis == "publication":
        # reported without a date of its own: a happening of the days before the report
        qs = qs.filter(
            Q(date_start__isnull=True)
            | Q(date_start__lte=group.date.end, date_start__gte=group.date.start - timedelta(days=REPORT_WINDOW_DAYS))
        )
    elif group.date is not None:
        reach = timedelta(days=cluster.DISPUTE_WINDOW_DAYS)
        qs = qs.filter(
            Q(date_start__isnull=True)
            | Q(date_start__lte=group.date.end + reach, date_end__gte=group.date.start - reach)
        )
    if exclude_article is not None:
        # events only this article backs are its own reading, not evidence about it
        others = Mention.objects.filter(event=OuterRef("pk")).exclude(passage__article_id=exclude_article)
        qs = qs.filter(Exists(others))
    events = list(qs.order_by("-date_start")[:MAX_CANDIDATES])
    if not events:
        return []
    ids = [e.id for e in events]
    actors: dict[int, set[str]] = {i: set() for i in ids}
    for event_id, name in Event.actors.through.objects.filter(event_id__in=ids).values_list("event_id", "actor__name"):
        actors[event_id].add(name)
    texts: dict[int, list[tuple[int, str]]] = {i: [] for i in ids}
    mentions = Mention.objects.filter(event_id__in=ids)
    if exclude_article is not None:
        mentions = mentions.exclude(passage__article_id=exclude_article)  # compare with the others' words only
    for event_id, passage_id, text in mentions.values_list("event_id", "passage_id", "passage__text"):
        texts[event_id].append((passage_id, text))
    return [(e, _event_profile(e, actors[e.id], texts[e.id])) for e in events]


@lru_cache(maxsize=100_000)
def _passage_keywords(text: str) -> frozenset[str]:
    """Keywords of a stored passage, kept by text (the same sentence in many events is read once)."""
    return keywords(text)


def _event_profile(event: Event, actors: set[str], texts: list[tuple[int, str]]) -> EventProfile:
    words: Counter[str] = Counter()
    for _, text in texts:
        words.update(_passage_keywords(text))
    speakers = set()
    if event.event_type == "statement":
        for _, text in texts:
            speaker = statement_speaker(text, gazetteer_current(fresh=False))
            if speaker:
                speakers.add(speaker)
    rng = None
    if event.date_start is not None:
        rng = DateRange(event.date_start, event.date_end or event.date_start, event.precision)
    return EventProfile(event_type=event.event_type, actors=actors, speakers=speakers, keywords=words, date=rng)


def _group_profile(group: ArticleEvent, ex: ArticleExtraction) -> EventProfile:
    words: Counter[str] = Counter()
    for i in group.mentions:
        words.update(ex.mentions[i].keywords)
    return EventProfile(
        event_type=group.event_type,
        actors=set(group.actors),
        speakers=set(group.speakers),
        keywords=words,
        date=group.date if group.date_basis in ("text", "context") else None,
    )


def _best_match(
    group: ArticleEvent, ex: ArticleExtraction, exclude_article: int | None = None, min_score: float = 0.0
) -> Event | None:
    return _best_match_scored(group, ex, exclude_article, min_score)[0]


def _best_match_scored(
    group: ArticleEvent, ex: ArticleExtraction, exclude_article: int | None = None, min_score: float = 0.0
) -> tuple[Event | None, float]:
    """The stored event this happening most likely is, and how strongly it matched.

    Among the events that pass the match rules, the one sharing the most distinctive words wins:
    words that every candidate shares (the actors' names, "missile") tell the candidates nothing apart.
    """
    prof = _group_profile(group, ex)
    candidates = _candidates(group, exclude_article)
    passing = []
    for event, profile in candidates:
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


def _store_events(
    article: Article,
    ex: ArticleExtraction,
    passages: list[Passage],
    previous: dict[int, set[int]] | None = None,
) -> _StoreCounts:
    """Attach each of the article's happenings to a stored event, or create one.

    `previous` maps event id -> passage indexes that backed it before a re-extraction: a happening
    built on the same passages goes back to the same event, so permalinks survive a date correction.
    """
    counts = _StoreCounts()
    by_index = {p.index: p for p in passages}
    touched: list[Event] = []
    pending: list[Mention] = []
    found_names: dict[int, tuple[set[str], set[str]]] = {}
    created: set[int] = set()
    for group in ex.events:
        indexes = {ex.mentions[i].passage for i in group.mentions}
        event = None
        own = _previous_event(previous, indexes, article) if previous else None
        if own is not None and (own.status == Event.Status.VERIFIED or own.locked_fields):
            event = own  # a curator worked on it: the passages stay with it
        if event is None:
            event = _best_match(group, ex)
        if event is None:
            event = own  # back to the event these passages built before: its permalink holds
        if event is not None and event.status == Event.Status.REJECTED:
            continue  # a curator rejected this happening: attach nothing to it
        if event is None:
            if group.date is None:
                continue  # undated and unknown: wait until the article's date is known
            event = _create_event(group, publishers=1 if (article.publisher_id or not article.duplicate_of_id) else 0)
            created.add(event.id)
            counts.created.append(event)
            counts.new += 1
        else:
            counts.updated += 1
        for i in group.mentions:
            pending.append(_mention_row(event, by_index[ex.mentions[i].passage], ex, group, i))
        touched.append(event)
        names = found_names.setdefault(event.id, (set(), set()))
        names[0].update(group.actors)
        names[1].update(group.places)
    Mention.objects.bulk_create(pending, ignore_conflicts=True)
    events = list({e.id: e for e in touched}.values())
    for event in events:
        if event.id not in created:  # a new event's date and count were set from this article
            event_refresh(event, actors=set(), places=set())
    _link_actors(events, found_names)
    return counts


def _link_actors(events: list[Event], names: dict[int, tuple[set[str], set[str]]]) -> None:
    """Add the actors and places found for each event, in a few queries (never where a curator locked them)."""
    gaz = gazetteer_current(fresh=False)
    wanted = {n for e in events for n in names[e.id][0] | names[e.id][1]}
    if not wanted:
        return
    by_name = {a.name: a for a in Actor.objects.filter(name__in=wanted)}
    for name in wanted - set(by_name):
        by_name[name] = _actor(name, gaz.kinds.get(name, "country"))
    actor_rows, place_rows = [], []
    for e in events:
        actors, places = names[e.id]
        if not e.is_locked("actors"):
            actor_rows += [Event.actors.through(event_id=e.id, actor_id=by_name[n].id) for n in actors]
        if not e.is_locked("places"):
            place_rows += [Event.places.through(event_id=e.id, actor_id=by_name[n].id) for n in places]
    Event.actors.through.objects.bulk_create(actor_rows, ignore_conflicts=True)
    Event.places.through.objects.bulk_create(place_rows, ignore_conflicts=True)


def _previous_event(previous: dict[int, set[int]], indexes: set[int], article: Article) -> Event | None:
    """The event these passages backed before a re-extraction, if no other article backs it."""
    for eid, idx in previous.items():
        if idx & indexes and not Mention.objects.filter(event_id=eid).exclude(passage__article=article).exists():
            return Event.objects.filter(id=eid).first()
    return None


def _create_event(group: ArticleEvent, publishers: int) -> Event:
    start = group.date.start if group.date else None
    lead_actor = group.actors[0] if group.actors else (group.places[0] if group.places else "")
    if group.lead_actor:
        lead_actor = group.lead_actor
    base = "-".join(
        s for s in (start.isoformat() if start else "undated", slugify(lead_actor), slugify(group.event_type)) if s
    )
    return Event.objects.create(
        slug=_unique_slug(Event, base[:100], 120),
        title=group.title[:300],
        summary=group.summary,
        event_type=group.event_type,
        date_start=start,
        date_end=group.date.end if group.date else None,
        precision=group.date.precision if group.date else "unknown",
        date_disputed=group.date_disputed,
        publisher_count=publishers,
    )


def _unique_slug(model: type, base: str, max_length: int) -> str:
    base = base.strip("-") or "item"
    taken = set(model.objects.filter(slug__startswith=base[: max_length - 4]).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        suffix = f"-{n}"
        slug = base[: max_length - len(suffix)] + suffix
    return slug


def _mention_row(event: Event, passage: Passage, ex: ArticleExtraction, group: ArticleEvent, i: int) -> Mention:
    m = ex.mentions[i]
    fields: dict[str, object] = {"event_type": m.event_type}
    if m.date is not None:
        fields.update(
            date_text=m.date.text[:200],
            date_value=m.date.value[:40],
            date_rule=m.date.rule[:80],
            date_anchor=m.date.anchor,
            date_start=m.date.start,
            date_end=m.date.end,
            precision=m.date.precision,
        )
    elif group.date_basis == "context" and group.date is not None:
        fields.update(
            date_rule=CONTEXT_RULE,
            date_anchor=ex.published,
            date_start=group.date.start,
            date_end=group.date.end,
            precision=group.date.precision,
        )
    elif group.date_basis == "publication" and ex.published is not None:
        fields.update(
            date_rule=PUBLICATION_RULE,
            date_anchor=ex.published,
            date_start=ex.published,
            date_end=ex.published,
            precision="day",
        )
    return Mention(event=event, passage=passage, **fields)


def _publisher_count(mentions: list[Mention]) -> int:
    """Distinct publishers behind the mentions (as curation.event_publisher_count counts them)."""
    publishers: set[int] = set()
    anonymous: set[int] = set()
    for m in mentions:
        art = m.passage.article
        if art.publisher_id is not None:
            publishers.add(art.publisher_id)
        elif art.duplicate_of_id is None:
            anonymous.add(art.id)
    return len(publishers) + len(anonymous)


def event_refresh(event: Event, *, actors: set[str] | None = None, places: set[str] | None = None) -> None:
    """Recompute an event's date, publisher count, actors and places from its mentions (locked fields stay).

    With `actors`/`places` given (the names a new article found), those are added; without, they are
    read again from all the event's passages.
    """
    mentions = list(event.mentions.select_related("passage__article").order_by("passage__article_id", "passage__index"))
    if not mentions:
        return
    text_votes: list[tuple[DateRange, float]] = []
    pub_votes: list[tuple[DateRange, float]] = []
    seen: set[tuple[int, date, date]] = set()
    for m in mentions:
        if m.date_start is None:
            continue
        art = m.passage.article
        root = art.duplicate_of_id or art.id
        key = (root, m.date_start, m.date_end or m.date_start)
        if key in seen:
            continue  # a copy of an article is not a second witness
        seen.add(key)
        rng = DateRange(m.date_start, m.date_end or m.date_start, m.precision)
        weak = m.date_rule in (PUBLICATION_RULE, INFERRED_RULE, CONTEXT_RULE)
        (pub_votes if weak else text_votes).append((rng, 1.0))
    best, disputed = cluster.best_date(text_votes or pub_votes)
    changed: list[str] = []
    if best is not None:
        for field, value in (("date_start", best.start), ("date_end", best.end), ("precision", best.precision)):
            if not event.is_locked(field) and getattr(event, field) != value:
                setattr(event, field, value)
                changed.append(field)
    if event.date_disputed != disputed:
        event.date_disputed = disputed
        changed.append("date_disputed")
    count = _publisher_count(mentions)
    if count != event.publisher_count:
        event.publisher_count = count
        changed.append("publisher_count")
    if changed:
        event.save(update_fields=[*changed, "updated_at"])
    if actors is not None and places is not None and not actors and not places:
        return
    if actors is None or places is None:
        gaz = gazetteer_current(fresh=False)
        hits = [h for m in mentions for h in gaz.find(m.passage.text)]
        actors = {h.actor for h in hits if h.kind != "place"} if actors is None else actors
        places = {h.actor for h in hits if h.kind == "place"} if places is None else places
    _add_actors(event, actors, places)


def _add_actors(event: Event, actors: set[str], places: set[str]) -> None:
    """Add the actors and places named by the event's passages (not where a curator locked them)."""
    gaz = gazetteer_current(fresh=False)
    for name, names, kind in (("actors", actors, "country"), ("places", places, "place")):
        if names and not event.is_locked(name):
            getattr(event, name).add(*_actors(Counter(names), gaz, kind))


# ---------------------------------------------------------------- re-extraction


@transaction.atomic
def article_reextract(article: Article, *, gazetteer: Gazetteer | None = None) -> None:
    """Read a stored article again against its current publication date, keeping events and curator locks.

    Mentions are rebuilt; a happening backed by the same passages as before stays on the same event
    (its permalink holds), and the event's date follows the new reading unless a curator locked it.
    """
    gaz = gazetteer or gazetteer_current()
    old = Mention.objects.filter(passage__article=article).values_list("event_id", "passage__index")
    previous: dict[int, set[int]] = {}
    for event_id, index in old:
        previous.setdefault(event_id, set()).add(index)
    Mention.objects.filter(passage__article=article).delete()
    ex = extract_cleaned(article.text, published=article.published, title=article.title, gazetteer=gaz)
    passages = list(article.passages.order_by("index"))
    if [(p.start, p.end) for p in passages] != [(p.start, p.end) for p in ex.passages]:
        article.passages.all().delete()
        passages = _store_passages(article, ex)
    _store_events(article, ex, passages, previous=previous)
    now = dict(Mention.objects.filter(passage__article=article).values_list("passage__index", "event_id"))
    for event in Event.objects.filter(id__in=previous):
        if event.mentions.exists():
            event_refresh(event)
            continue
        if event.status != Event.Status.NEW or event.locked_fields:
            continue  # a curator's event stays, even empty
        moved_to = {now[i] for i in previous[event.id] if i in now}
        if len(moved_to) == 1:
            # its passages now back another event: the old permalink redirects there
            event.merged_into_id = moved_to.pop()
            event.save(update_fields=["merged_into", "updated_at"])
        else:
            event.delete()  # nothing backs it any more and no curator touched it
