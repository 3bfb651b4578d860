"""Writes: ingest an article, store what extraction found, re-read an article after its date changes.

The pipeline (timeline.extraction) returns plain data; this module turns it into rows. Events are shared
between articles: each happening an article reports is matched against stored events near its date
(timeline.events.matching) and joins the best one, or becomes a new event (timeline.ingest.event_store).
Extraction never writes a field a curator locked, and never attaches anything to a rejected event.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone

from timeline.events.matching import (
    candidate_days,
    gazetteer_current,
    infer_published,
    near_duplicate_candidates,
    near_duplicate_of,
    pending_match,
    pending_profiles,
)
from timeline.events.update import event_refresh, events_retitle_if_shown_since
from timeline.extraction.clean.characters import strip_control, text_fingerprint
from timeline.extraction.clean.published import PUBLISHED_YEARS, published_in_range
from timeline.extraction.cluster import mention_words
from timeline.extraction.events.dating import DateBasis
from timeline.extraction.gazetteer import Gazetteer
from timeline.extraction.key_dates.references import day_references
from timeline.extraction.pipeline import (
    ArticleExtraction,
    extract_cleaned,
)
from timeline.extraction.pipeline import extract_article as pipeline_extract
from timeline.ingest.event_store import store_events
from timeline.ingest.locking import (
    CONFLICT_RETRIES,
    LostToAnotherWriter,
    day_keys,
    derived_apply,
    derived_defer,
    ingest_locks,
    lock_key,
    lost_to_another_writer,
    store_lock,
    write_lock,
)
from timeline.ingest.readers import ArticleInput, ReadError, read_file
from timeline.ingest.rows import rows_insert
from timeline.models import Article, DateReference, Event, Mention, Passage, PendingHappening, Publisher

logger = logging.getLogger(__name__)

_WEAK_DATES = (Article.DateSource.UNKNOWN, Article.DateSource.INFERRED)


@dataclass
class IngestResult:
    article: Article
    created: bool
    passages: int = 0
    events_new: int = 0
    events_updated: int = 0


# ---------------------------------------------------------------- ingest


@lru_cache(maxsize=8)
def content_hash(raw_text: str, *, publisher: str = "") -> str:
    """An article's identity: its raw text normalised (with the publisher for another site's copy). Kept for
    the last few texts: an ingest asks it two or three times of one text (before reading it, under its locks)."""
    return text_fingerprint(raw_text, publisher=publisher)


def _refusal(raw_text: str, published: date | None) -> str | None:
    """Why an article is refused before it is read, if it is."""
    limit = settings.INGEST_MAX_CHARS
    if len(raw_text) > limit:
        return f"too long: {len(raw_text)} characters (the limit is {limit}, setting INGEST_MAX_CHARS)"
    if published is not None and not published_in_range(published):
        low, high = PUBLISHED_YEARS
        return f"publication date {published.isoformat()} is outside the years {low}-{high}"
    if not raw_text.strip():
        return "no text"
    return None


def _stored_copy(raw_text: str, publisher: str) -> tuple[str, Article | None]:
    """The hash the article is stored under, and the article already stored under it, if any."""
    digest = content_hash(raw_text)
    existing = _stored_under(digest)
    if existing is not None and _republished_elsewhere(existing, publisher):
        # another site's copy of the same text: its own article, linked to the first as a near-duplicate
        digest = content_hash(raw_text, publisher=publisher)
        existing = _stored_under(digest)
    return digest, existing


def _stored_under(digest: str) -> Article | None:
    """The article stored under this hash, if any: asked twice per article ingested, and usually none is, so
    the question is written out and the row read only when there is one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM timeline_article WHERE content_hash = %s", [digest])
        row = cursor.fetchone()
    return None if row is None else Article.objects.filter(id=row[0]).first()


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
    """Clean, read and store one article; the same raw text twice is one article, found before any reading.

    ValueError, with the reason, for an article that cannot be stored: too long, a publication date outside
    PUBLISHED_YEARS, or nothing left after cleaning.
    """
    raw_text, title, url, publisher = (strip_control(v) for v in (raw_text, title, url, publisher))
    refusal = _refusal(raw_text, published)
    if refusal:
        raise ValueError(refusal)
    digest, existing = _stored_copy(raw_text, publisher)
    if existing is not None:
        return IngestResult(article=existing, created=False)
    gaz = gazetteer_current()
    if published_at is not None and timezone.is_naive(published_at):
        published_at = timezone.make_aware(published_at, UTC)
    ex = pipeline_extract(
        raw_text, published=published, published_at=published_at, title=title, publisher=publisher, gazetteer=gaz
    )
    if not ex.text.strip():
        raise ValueError("nothing left after cleaning")
    with transaction.atomic():  # read in parallel above; below, workers wait only for those it may collide with
        _collision_locks(ex, raw_text)
        digest, existing = _stored_copy(raw_text, publisher)  # again: another worker may have stored it meanwhile
        if existing is not None:
            return IngestResult(article=existing, created=False)
        derived_defer()  # tallies and search texts once, at the end: two ingests write side by side till then
        result = _article_store(ex, raw_text=raw_text, url=url, digest=digest, source_name=source_name, gaz=gaz)
        derived_apply()  # under write_lock, just before commit
        return result


def _collision_locks(ex: ArticleExtraction, raw_text: str) -> None:
    """Wait for the workers storing an article this one could collide with, and hold them off until commit."""
    keys = collision_keys(ex, raw_text)
    if keys is None:
        store_lock()
    else:
        ingest_locks(keys)


def collision_keys(ex: ArticleExtraction, raw_text: str) -> set[int] | None:
    """The lock keys of what this article could collide on with another being stored (timeline.ingest.locking):
    the same text, a happening on the same days. None when it waits for all (store_lock).

    A new publisher needs no lock (get_or_create waits for the other's row, then takes it), and a copy of the
    story stored meanwhile is looked for again under write_lock. An undated article (its happenings' days are
    known only once its date is inferred) waits for all, and so does every article while articles of unknown
    or inferred date are stored: a new event may date them, and re-reading them touches events on any day."""
    if ex.published is None or _weak_dates_stored(published_null=False):
        return None
    keys = {lock_key("article", content_hash(raw_text))}
    for group in ex.events:
        days = candidate_days(group)
        if days is not None:
            keys |= day_keys(*days)
    return keys


def _offset_minutes(moment: datetime | None) -> int | None:
    """The offset from UTC, in minutes, of a publication time as its source gave it (None: no time, or no zone)."""
    offset = moment.utcoffset() if moment is not None else None
    return None if offset is None else int(offset.total_seconds() // 60)


def _article_store(
    ex: ArticleExtraction, *, raw_text: str, url: str, digest: str, source_name: str, gaz: Gazetteer
) -> IngestResult:
    """Store a read article: its row and passages, its near-duplicate link, and its happenings as events."""
    stored_at = ex.published_at
    if stored_at is not None and timezone.is_naive(stored_at):
        stored_at = timezone.make_aware(stored_at, UTC)
    source = {
        "given": Article.DateSource.METADATA,
        "header": Article.DateSource.HEADER,
    }.get(ex.published_source, Article.DateSource.UNKNOWN)
    (article,) = rows_insert(  # one statement, as Article.objects.create sends it, without compiling it
        [
            Article(
                title=ex.title[:500],
                url=url,
                publisher_id=_publisher_id(ex.publisher),
                published=ex.published,
                published_at=stored_at,
                published_offset=_offset_minutes(ex.published_at),
                published_source=source,
                raw_text=raw_text,
                text=ex.text,
                dropped=[{"line": d.line, "reason": d.reason} for d in ex.dropped],
                content_hash=digest,
                source_name=source_name[:500],
            )
        ]
    )
    passages = _store_passages(article, ex)
    compared = near_duplicate_candidates(article, passages)
    twin = near_duplicate_of(article, passages, compared)
    if twin is not None:
        article.duplicate_of = twin
        article.save(update_fields=["duplicate_of"])
    if twin is not None and article.published is not None and twin.published_source in _WEAK_DATES:
        store_lock()  # the copy's events are read again: wait for every other writer
        _set_inferred(twin, article.published)  # a dated copy says more than an undated one's guess
        article_reextract(twin, gazetteer=gaz)
    if article.published is None:
        _store_pending(article, ex)
        inferred = infer_published(article, pending_profiles(article))
        if inferred is not None:
            _set_inferred(article, inferred)
            ex = extract_cleaned(article.text, published=inferred, title=article.title, gazetteer=gaz)
    _store_date_references(article, ex, passages, replace=False)

    counts = store_events(article, ex, passages)
    # From here to commit one ingest at a time (a few statements): every article and event committed meanwhile
    # is in sight, and this one is seen by every ingest that gets here after it.
    write_lock()
    if near_duplicate_of(article, passages, near_duplicate_candidates(article, passages) - compared):
        raise LostToAnotherWriter("a copy of this article was stored meanwhile")  # read again: it is the twin
    events_retitle_if_shown_since(counts.created, counts.titles)
    if article.published is not None:
        _resolve_undated(gaz, counts.created)
    return IngestResult(
        article=article, created=True, passages=len(passages), events_new=counts.new, events_updated=counts.updated
    )


def _weak_dates_stored(*, published_null: bool) -> bool:
    """Whether any stored article has no date of its own: its source unknown or inferred (``published_null``:
    or no date at all). Asked once or twice per article ingested, so written out."""
    sql = "SELECT 1 FROM timeline_article WHERE published_source IN (%s, %s)"
    params = [source.value for source in _WEAK_DATES]
    if published_null:
        sql = "SELECT 1 FROM timeline_article WHERE published IS NULL OR published_source = %s"
        params = [Article.DateSource.INFERRED.value]
    with connection.cursor() as cursor:
        cursor.execute(sql + " LIMIT 1", params)
        return cursor.fetchone() is not None


def _republished_elsewhere(existing: Article, publisher: str) -> bool:
    """The same text under another publisher's name: a republication, not the same file again."""
    name = publisher.strip().lower()
    return bool(name) and existing.publisher is not None and existing.publisher.name.strip().lower() != name


def _publisher_id(name: str) -> int | None:
    """The id of the publisher of this name, stored now if it is new (the question written out: asked once per
    article ingested)."""
    name = name.strip()[:200]
    if not name:
        return None
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM timeline_publisher WHERE name = %s", [name])
        row = cursor.fetchone()
    return row[0] if row is not None else Publisher.objects.get_or_create(name=name)[0].id


def _store_passages(article: Article, ex: ArticleExtraction) -> list[Passage]:
    rows = [
        Passage(article=article, index=p.index, paragraph=p.paragraph, start=p.start, end=p.end, text=p.text)
        for p in ex.passages
    ]
    return rows_insert(rows)


def _store_date_references(
    article: Article, ex: ArticleExtraction, passages: list[Passage], *, replace: bool = True
) -> None:
    """The days the article's sentences name, read afresh (a re-read replaces them; a new article has none)."""
    if replace:
        DateReference.objects.filter(article=article).delete()
    by_index = {p.index: p for p in passages}
    rows_insert(
        [
            DateReference(
                article=article,
                passage=by_index[r.passage],
                day=r.day,
                text=r.text[:200],
                sentences=r.sentences,
                lag=(ex.published - r.day).days if ex.published else None,
            )
            for r in day_references(ex.passages, ex.timexes)
            if r.passage in by_index
        ]
    )


def _set_inferred(article: Article, day: date) -> None:
    article.published = day
    article.published_source = Article.DateSource.INFERRED
    article.save(update_fields=["published", "published_source"])


UNDATED_RECHECK = 50  # undated articles looked at again after each dated ingest


def _store_pending(article: Article, ex: ArticleExtraction) -> None:
    """Keep what matching needs of each happening an undated article reports (read once, at ingest)."""
    rows = []
    for group in ex.events:
        words = {w for i in group.mentions for w in mention_words(ex.mentions[i])}
        own = group.date if group.date_basis == DateBasis.CLAUSE else None
        rows.append(
            PendingHappening(
                article=article,
                event_type=group.event_type,
                actors=list(group.actors),
                speakers=list(group.speakers),
                keywords=sorted(words),
                date_start=own.start if own else None,
                date_end=own.end if own else None,
                precision=own.precision if own else "unknown",
            )
        )
    rows_insert(rows)


def _resolve_undated(gaz: Gazetteer, new_events: list[Event]) -> None:
    """Date undated articles from what is stored now, and re-check inferred dates new events may overturn.

    An inferred date is provisional: a new event of the same kind with the same actors may be the
    happening an undated article really reports, so those articles are inferred again.
    """
    if not new_events:
        return  # nothing new to match against
    if not _weak_dates_stored(published_null=True):
        return  # every article has a date of its own (one query, instead of two, in the usual case)
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
        happenings = pending_profiles(article)  # stored at its ingest: the text is not read again to check
        if not any(pending_match(h, article)[0] in new_events for h in happenings if h.event_type in types):
            continue  # none of its happenings is one of the new events: nothing changed for it
        inferred = infer_published(article, happenings)
        if inferred is not None and inferred != article.published:
            _set_inferred(article, inferred)
            article_reextract(article, gazetteer=gaz)


# ---------------------------------------------------------------- re-extraction


@transaction.atomic
def article_reextract(article: Article, *, gazetteer: Gazetteer | None = None) -> None:
    """Read a stored article again against its current publication date, keeping events and curator locks.

    Mentions are rebuilt; a happening backed by the same passages as before stays on the same event
    (its permalink holds), and the event's date follows the new reading unless a curator locked it.
    """
    store_lock()
    gaz = gazetteer or gazetteer_current()
    old = Mention.objects.filter(passage__article=article).values_list("event_id", "passage__index")
    previous: dict[int, set[int]] = {}
    for event_id, index in old:
        previous.setdefault(event_id, set()).add(index)
    Mention.objects.filter(passage__article=article).delete()
    ex = extract_cleaned(
        article.text,
        published=article.published,
        published_at=article.published_local,
        title=article.title,
        gazetteer=gaz,
    )
    passages = list(article.passages.order_by("index"))
    if [(p.start, p.end) for p in passages] != [(p.start, p.end) for p in ex.passages]:
        article.passages.all().delete()
        passages = _store_passages(article, ex)
    _store_date_references(article, ex, passages)
    store_events(article, ex, passages, previous=previous)
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


# ---------------------------------------------------------------- files


@dataclass
class FileIngest:
    results: list[IngestResult]
    skipped: list[str]  # records of the file left out, each with where and why


def file_ingest(*, path: Path, max_bytes: int) -> FileIngest:
    """Ingest every article of one file, each in its own savepoint: a bad record leaves no trace and the
    others are stored.

    Bad records of a JSON list or a JSONL file are left out and named in ``skipped`` ("line 4: nothing left
    after cleaning"). ReadError when the file cannot be read, or when its only article cannot be stored.
    """
    try:
        read = read_file(path, max_bytes=max_bytes)
    except ReadError:
        raise
    except Exception as exc:  # whatever a file holds, the run goes on to the next one
        logger.debug("cannot read %s", path, exc_info=True)
        raise ReadError(f"cannot read: {type(exc).__name__}: {exc}") from exc
    done = FileIngest(results=[], skipped=list(read.skipped))
    for item in read.articles:
        try:
            done.results.append(_item_ingest(item))
        except Exception as exc:  # one record's failure, whatever it is, is that record's alone
            reason = str(exc) if isinstance(exc, ValueError) else f"could not be stored ({type(exc).__name__}: {exc})"
            if not isinstance(exc, ValueError):
                logger.debug("cannot store %s %s", path, item.where, exc_info=True)
            if not item.where:
                raise ReadError(reason) from exc
            done.skipped.append(f"{item.where}: {reason}")
    return done


def _item_ingest(item: ArticleInput) -> IngestResult:
    """One record, in its own transaction; tried again when it lost a deadlock or a serialization conflict."""
    for attempt in range(1, CONFLICT_RETRIES + 1):
        try:
            return article_ingest(
                raw_text=item.raw_text,
                title=item.title,
                url=item.url,
                publisher=item.publisher,
                published=item.published,
                published_at=item.published_at,
                source_name=item.source_name,
            )
        except (OperationalError, LostToAnotherWriter) as exc:
            if attempt == CONFLICT_RETRIES or not lost_to_another_writer(exc) or connection.in_atomic_block:
                raise
            logger.info("%s: conflict with another writer, trying again (%s)", item.source_name, exc)
    raise AssertionError("unreachable")
