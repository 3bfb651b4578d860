"""Writes a curator makes by hand: review states, merges, splits, locks and re-anchoring an article.

Every function is keyword-only and saves events one by one, so django-simple-history records who
made the change and why (the change reason). Extraction never writes a field listed in
Event.locked_fields; the functions here keep that promise too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from timeline.events.derived import (
    actors_named_in,
    event_date,
    event_publisher_count,
    event_slug,
    publisher_count,
    title_subject,
)
from timeline.events.matching import gazetteer_current
from timeline.models import Article, Event, Mention

REASON_MAX = 100  # simple-history's change reason column


class CurationError(ValueError):
    """A curation request that cannot be carried out (for example, splitting an event's only mention)."""


def _save_with_history(event: Event, *, user: AbstractBaseUser | None, reason: str) -> None:
    """Save an event so that its history row names the curator and the reason."""
    if user is not None and user.is_authenticated:
        event._history_user = user
    event._change_reason = reason[:REASON_MAX]
    event.save()
    for attr in ("_history_user", "_change_reason"):
        if hasattr(event, attr):
            delattr(event, attr)


def _refresh_from_mentions(event: Event, *, dates: bool) -> None:
    """Recompute what an event takes from its mentions (events/derived.py: the rules ingest follows too);
    never a locked field."""
    mentions = list(event.mentions.select_related("passage__article"))
    event.publisher_count = publisher_count({m.passage.article for m in mentions})
    best, event.date_disputed = event_date(mentions)
    if dates and best is not None and not any(event.is_locked(f) for f in ("date_start", "date_end", "precision")):
        event.date_start, event.date_end, event.precision = best.start, best.end, best.precision


def events_set_status(*, events: Iterable[Event], status: str, user: AbstractBaseUser | None = None) -> int:
    """Verify or reject events (a rejected event is kept, hidden from the public). Returns how many changed."""
    if status not in Event.Status.values:
        raise CurationError(f"unknown status {status!r}")
    changed = 0
    with transaction.atomic():
        for event in events:
            if event.status == status:
                continue
            event.status = status
            _save_with_history(event, user=user, reason=f"marked {status}")
            changed += 1
    return changed


def event_lock_fields(*, event: Event, fields: Iterable[str], user: AbstractBaseUser | None = None) -> list[str]:
    """Add fields to the event's locks (only lockable ones); returns the locks now in force."""
    unknown = set(fields) - set(Event.LOCKABLE_FIELDS)
    if unknown:
        raise CurationError(f"fields that cannot be locked: {', '.join(sorted(unknown))}")
    locks = [f for f in Event.LOCKABLE_FIELDS if f in set(event.locked_fields or []) | set(fields)]
    if locks != list(event.locked_fields or []):
        event.locked_fields = locks
        _save_with_history(event, user=user, reason="locked " + ", ".join(sorted(set(fields))))
    return locks


def event_unlock_fields(
    *, event: Event, fields: Iterable[str] | None = None, user: AbstractBaseUser | None = None
) -> list[str]:
    """Remove locks (all of them when fields is None), so extraction may update those fields again."""
    current = list(event.locked_fields or [])
    drop = set(current) if fields is None else set(fields)
    locks = [f for f in current if f not in drop]
    if locks != current:
        event.locked_fields = locks
        _save_with_history(event, user=user, reason="unlocked " + ", ".join(sorted(drop & set(current))))
    return locks


MERGE_SPREAD_DAYS = 3  # a merge of events whose dates lie further apart than this asks the curator to confirm


def merge_warnings(events: Iterable[Event]) -> list[str]:
    """What a curator should check before merging ``events``: dates far apart, different types."""
    events = list(events)
    warnings = []
    starts = sorted(e.date_start for e in events if e.date_start is not None)
    if starts and (starts[-1] - starts[0]).days > MERGE_SPREAD_DAYS:
        warnings.append(
            f"Their dates lie {(starts[-1] - starts[0]).days} days apart ({starts[0].isoformat()} to "
            f"{starts[-1].isoformat()}): one happening is usually reported within {MERGE_SPREAD_DAYS} days."
        )
    types = sorted({e.get_event_type_display() for e in events})
    if len(types) > 1:
        warnings.append(f"They are of different types: {', '.join(types)}.")
    return warnings


def survivor_default(events: Iterable[Event]) -> Event:
    """The event a merge keeps unless the curator picks another: the earliest created."""
    return min(events, key=lambda e: (e.created_at, e.pk))


def events_merge(*, events: Iterable[Event], into: Event, user: AbstractBaseUser | None = None) -> Event:
    """Merge events into one: their mentions move to `into`, actors and places unite.

    The merged-away events are kept as rejected with merged_into pointing at the survivor, so their
    permalinks can redirect; events merged into them earlier now point at the survivor directly. Each moved
    mention remembers the event it came from (``merged_from``), and a mention of a passage the survivor
    already cites stays with its event, so ``event_unmerge`` can restore every merged-away event whole.
    The survivor's date is chosen again from all its mentions: the best-supported, most precise one.
    """
    others = [e for e in events if e.pk != into.pk]
    if not others:
        raise CurationError("a merge needs at least two events")
    if any(e.merged_into_id is not None for e in [into, *others]):
        raise CurationError("an event that was already merged away cannot take part in a merge")
    with transaction.atomic():
        survivor = Event.objects.select_for_update().get(pk=into.pk)
        taken = set(Mention.objects.filter(event=survivor).values_list("passage_id", flat=True))
        actor_ids: set[int] = set()
        place_ids: set[int] = set()
        for other in others:
            for mention in Mention.objects.filter(event=other):
                if mention.passage_id in taken:
                    continue  # the survivor already cites this passage: the mention stays, hidden, with its event
                mention.event = survivor
                mention.merged_from = other
                mention.save(update_fields=["event", "merged_from"])
                taken.add(mention.passage_id)
            actor_ids.update(other.actors.values_list("pk", flat=True))
            place_ids.update(other.places.values_list("pk", flat=True))
        if not survivor.is_locked("actors"):
            survivor.actors.add(*actor_ids)
        if not survivor.is_locked("places"):
            survivor.places.add(*place_ids)
        _refresh_from_mentions(survivor, dates=True)  # the date ingest would give the mentions together
        if any(o.status == Event.Status.VERIFIED for o in others) and survivor.status == Event.Status.NEW:
            survivor.status = Event.Status.VERIFIED
        slugs = ", ".join(o.slug for o in others)
        _save_with_history(survivor, user=user, reason=f"merged in {slugs}")
        for other in others:
            other.merged_into = survivor
            other.status = Event.Status.REJECTED
            _save_with_history(other, user=user, reason=f"merged into {survivor.slug}")
            for earlier in Event.objects.filter(merged_into=other):
                earlier.merged_into = survivor
                _save_with_history(earlier, user=user, reason=f"merged into {survivor.slug} (via {other.slug})")
    return survivor


def _status_before_merge(event: Event) -> str:
    """The review state an event had before it was merged away (new when its history does not say)."""
    for record in event.history.order_by("-history_date", "-history_id"):
        if record.merged_into_id is None and record.status != Event.Status.REJECTED:
            return record.status
    return Event.Status.NEW


def event_unmerge(*, event: Event, user: AbstractBaseUser | None = None) -> Event:
    """Undo the merge that took ``event`` away: its mentions come back from the event that absorbed them, it
    takes its review state from before the merge and its permalink shows it again. Returns the event that had
    absorbed it, its dates and counts recomputed from the mentions it keeps.
    """
    if event.merged_into_id is None:
        raise CurationError("this event was not merged into another one")
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        survivor = Event.objects.select_for_update().get(pk=event.merged_into_id)
        moved = Mention.objects.filter(merged_from=event)
        returned = moved.count()
        moved.update(event=event, merged_from=None)
        event.merged_into = None
        event.status = _status_before_merge(event)
        _refresh_from_mentions(event, dates=True)
        _save_with_history(event, user=user, reason=f"unmerged from {survivor.slug} ({returned} mentions back)")
        _refresh_from_mentions(survivor, dates=True)
        _save_with_history(survivor, user=user, reason=f"unmerged {event.slug}")
    return survivor


def _title_from_passage(text: str, limit: int = 100) -> str:
    words = " ".join(text.split())
    if len(words) <= limit:
        return words
    cut = words[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def mention_split(*, mention: Mention, user: AbstractBaseUser | None = None) -> Event:
    """Move a mention out of its event into a new event of its own; returns the new event.

    The new event takes its type and date from the mention, its title from the passage, and those of
    the old event's actors and places that the passage names. The old event recomputes what it
    derives from its remaining mentions.
    """
    with transaction.atomic():
        old = Event.objects.select_for_update().get(pk=mention.event_id)
        if old.mentions.count() < 2:
            raise CurationError("this is the event's only mention; there is nothing to split it from")
        passage_text = mention.passage.text
        title = _title_from_passage(passage_text)
        actors = actors_named_in(passage_text, old.actors.prefetch_related("aliases"))
        subject = title_subject(
            title, gazetteer_current(fresh=False), actors[0].name if actors else "", mention.event_type
        )
        new = Event(
            slug=event_slug(start=mention.date_start, subject=subject, event_type=mention.event_type),
            title=title,
            event_type=mention.event_type,
            date_start=mention.date_start,
            date_end=mention.date_end,
            precision=mention.precision,
            status=Event.Status.NEW,
        )
        _save_with_history(new, user=user, reason=f"split from {old.slug}")
        mention.event = new
        mention.save(update_fields=["event"])
        new.actors.set(actors)
        new.places.set(actors_named_in(passage_text, old.places.prefetch_related("aliases")))
        _refresh_from_mentions(new, dates=False)
        _save_with_history(new, user=user, reason=f"split from {old.slug}")
        _refresh_from_mentions(old, dates=True)
        _save_with_history(old, user=user, reason=f"split off {new.slug}")
    return new


def article_events(*, article: Article) -> list[Event]:
    """The events an article backs."""
    return list(Event.objects.filter(mentions__passage__article=article).distinct())


def article_set_published(
    *, article: Article, published: dt.date | None, user: AbstractBaseUser | None = None
) -> list[Event]:
    """Correct an article's publication date and re-resolve every relative date that depended on it.

    The date is marked as set by a curator; extraction runs again for the article against the new
    date (services.article_reextract never writes a locked field). Returns the article's events.
    """
    from timeline.ingest import (
        service as services,
    )  # the service layer imports the pipeline; keep it out of import time

    with transaction.atomic():
        article.published = published
        if article.published_at is not None and (published is None or article.published_at.date() != published):
            article.published_at = None  # a time on another day would contradict the curator
        article.published_source = Article.DateSource.CURATOR if published else Article.DateSource.UNKNOWN
        article.save(update_fields=["published", "published_at", "published_source"])
        started = timezone.now()
        services.article_reextract(article)
        events = article_events(article=article)
        if user is not None and user.is_authenticated:
            # Name the curator on the history rows the re-extraction wrote.
            reason = f"article {article.pk} re-dated to {published}"[:REASON_MAX]
            Event.history.filter(
                id__in=[e.pk for e in events], history_date__gte=started, history_user_id__isnull=True
            ).update(history_user_id=user.pk, history_change_reason=reason)
    return events


def article_set_publisher(*, article: Article, user: AbstractBaseUser | None = None) -> None:
    """After a curator changes an article's publisher: recount publishers behind its events."""
    for event in Event.objects.filter(Q(mentions__passage__article=article)).distinct():
        count = event_publisher_count(event=event)
        if count != event.publisher_count:
            event.publisher_count = count
            _save_with_history(event, user=user, reason=f"publisher of article {article.pk} changed")
