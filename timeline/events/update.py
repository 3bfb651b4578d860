"""Keeping an event in step with its mentions: date, dispute, publisher count, actors and places.

Every write here respects Event.locked_fields: a field a curator fixed is never recomputed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date, datetime
from functools import cache

from django.db import connection, transaction
from django.utils import timezone
from django.utils.text import slugify
from simple_history.utils import get_change_reason_from_object

from timeline.events.derived import WEAK_RULES, event_date, publisher_count, unique_slug
from timeline.events.matching import EVENT_ORDER, gazetteer_current
from timeline.extraction.events.title_choice import TitleCandidate, best_title
from timeline.extraction.gazetteer import Gazetteer
from timeline.ingest.locking import write_lock
from timeline.ingest.rows import rows_as_models, rows_insert
from timeline.models import Actor, Article, Event, Mention, Passage


def _actors(names: Counter[str], gaz: Gazetteer, default_kind: str) -> list[Actor]:
    """The Actor rows for these names, created where the gazetteer knows a name the table lacks."""
    found = {a.name: a for a in Actor.objects.filter(name__in=list(names))}
    return [found.get(name) or _actor(name, gaz.kinds.get(name, default_kind)) for name in names]


def _actor(name: str, kind: str) -> Actor:
    actor = Actor.objects.filter(name=name).first()
    if actor is None:
        actor = Actor.objects.create(name=name, slug=unique_slug(Actor, slugify(name) or "actor", 200), kind=kind)
    return actor


def link_actors(events: list[Event], names: dict[int, tuple[set[str], set[str]]]) -> None:
    """Add the actors and places found for each event, in a few queries (never where a curator locked them)."""
    gaz = gazetteer_current(fresh=False)
    wanted = {n for e in events for n in names[e.id][0] | names[e.id][1]}
    if not wanted:
        return
    names_asked = sorted(wanted)
    with connection.cursor() as cursor:  # written out: asked once per article ingested
        cursor.execute(
            f"SELECT name, id FROM timeline_actor WHERE name IN ({', '.join(['%s'] * len(names_asked))})", names_asked
        )
        by_name = dict(cursor.fetchall())
    if wanted - set(by_name):
        write_lock()  # one creator of actors at a time: two ingests finding the same new name make one actor
    for name in wanted - set(by_name):
        by_name[name] = _actor(name, gaz.kinds.get(name, "country")).id
    actor_rows, place_rows = [], []
    actor_link, place_link = Event.actors.through, Event.places.through
    for e in events:
        actors, places = names[e.id]
        if not e.is_locked("actors"):
            actor_rows += [actor_link(event_id=e.id, actor_id=by_name[n]) for n in actors]
        if not e.is_locked("places"):
            place_rows += [place_link(event_id=e.id, actor_id=by_name[n]) for n in places]
    rows_insert(actor_rows, ignore_conflicts=True)
    rows_insert(place_rows, ignore_conflicts=True)


def event_refresh(event: Event, *, actors: set[str] | None = None, places: set[str] | None = None) -> None:
    """Recompute an event's date, publisher count, actors and places from its mentions (locked fields stay).

    With `actors`/`places` given (the names a new article found), those are added; without, they are
    gathered from the facts stored with all the event's mentions.
    """
    mentions = list(event.mentions.select_related("passage__article").order_by("passage__article_id", "passage__index"))
    if not mentions:
        return
    changed = _refreshed(event, mentions)
    if changed:
        event.save(update_fields=[*changed, "updated_at"])
    if actors is not None and places is not None and not actors and not places:
        return
    if actors is None or places is None:
        # what extraction found in each passage, as stored with the mention (the text is not read again)
        actors = {a for m in mentions for a in m.actors} if actors is None else actors
        places = {p for m in mentions for p in m.places} if places is None else places
    _add_actors(event, actors, places)


_ARTICLE_TEXTS = ("passage__article__raw_text", "passage__article__text", "passage__article__dropped")  # unread
# what the refresh reads of each mention (its date, its headline and the sentence it came from, and who reported
# it when: event_date, _best_title, publisher_count), by model; loading the rest (timestamps above all) cost more
# than the query
_REFRESH_READS = (
    (Mention, "m", ("id", "event_id", "passage_id", "date_rule", "date_start", "date_end", "precision", "title")),
    (Passage, "p", ("id", "article_id", "index", "text")),
    (Article, "a", ("id", "publisher_id", "published", "published_at", "duplicate_of_id")),
)
_UNREAD = ("search_text", "search_vector")  # what the refresh does not read of an event (kept by triggers)


class EventWrites:
    """Changes to events kept to be written together: one UPDATE of the fields any of them changed, and one
    history row per event (instead of a write per step that changed something)."""

    def __init__(self) -> None:
        self._events: dict[int, Event] = {}
        self._fields: set[str] = set()

    def add(self, event: Event, fields: list[str]) -> None:
        self._events[event.id] = event
        self._fields.update(fields)

    def write(self) -> None:
        if not self._events:
            return
        now = timezone.now()
        events = list(self._events.values())
        for event in events:
            event.updated_at = now
        with transaction.atomic(savepoint=False):
            _events_update(events, sorted(self._fields), now)
            events_history_add(events, "~", now)
        self._events, self._fields = {}, set()


def _events_update(events: list[Event], fields: list[str], now: datetime) -> None:
    """Write these fields of the events (and updated_at) in one UPDATE written out here: Django's bulk_update
    builds the same CASE expressions through its compiler, which took longer than the database ran them."""
    cast = connection.vendor == "postgresql"  # a CASE of untyped literals is text there: say each column's type
    table = connection.ops.quote_name(Event._meta.db_table)
    pk = connection.ops.quote_name(Event._meta.pk.column)
    sets, params = [], []
    for name in fields:
        field = Event._meta.get_field(name)
        column = connection.ops.quote_name(field.column)
        value = f"CAST(%s AS {field.cast_db_type(connection)})" if cast else "%s"
        sets.append(f"{column} = CASE {pk} {' '.join([f'WHEN %s THEN {value}'] * len(events))} ELSE {column} END")
        for event in events:
            params += [event.pk, field.get_db_prep_save(getattr(event, field.attname), connection)]
    stamp = Event._meta.get_field("updated_at")
    sets.append(f"{connection.ops.quote_name(stamp.column)} = %s")
    params.append(stamp.get_db_prep_save(now, connection))
    params += [e.pk for e in events]
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET {', '.join(sets)} WHERE {pk} IN ({', '.join(['%s'] * len(events))})", params
        )


@cache
def _event_history_model() -> type:
    """Event's history model (``Event.history`` builds a new manager class at each access)."""
    return Event.history.model


def events_history_add(events: list[Event], kind: str, when: datetime) -> None:
    """One history row per event (kind "+" created, "~" changed) as the event now stands in the database,
    copied there by one INSERT ... SELECT (simple_history's bulk_history_create builds a model instance per
    row and sends every field back). The events are written and locked by this transaction, so the row read
    is the event as it was saved. Rows are added in the order given."""
    if not events:
        return
    history = _event_history_model()
    whos = {(history.get_default_history_user(e), get_change_reason_from_object(e) or None) for e in events}
    if len(whos) > 1:  # a user or reason set on one event only: simple_history's own way, row by row
        Event.history.bulk_history_create(events, update=kind == "~", default_date=when, default_change_reason=None)
        return
    ((user, reason),) = whos
    quote = connection.ops.quote_name
    tracked = [f.column for f in history.tracked_fields]
    columns = [*tracked, "history_date", "history_change_reason", "history_type", "history_user_id"]
    pk = quote(Event._meta.pk.column)
    order = " ".join(["WHEN %s THEN %s"] * len(events))
    sql = (
        f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"SELECT {', '.join(quote(c) for c in tracked)}, %s, %s, %s, %s FROM {quote(Event._meta.db_table)} "
        f"WHERE {pk} IN ({', '.join(['%s'] * len(events))}) ORDER BY CASE {pk} {order} END"
    )
    stamp = history._meta.get_field("history_date").get_db_prep_save(when, connection)
    params: list[object] = [stamp, reason, kind, getattr(user, "pk", None), *(e.pk for e in events)]
    for n, event in enumerate(events):
        params += [event.pk, n]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def events_refresh(
    events: list[Event],
    *,
    before_write: Callable[[list[Event]], None] | None = None,
    writes: EventWrites | None = None,
) -> list[Event]:
    """event_refresh for several events at once, their actors and places left as they are: the events and
    their mentions read afresh in two queries, one write (and one history row) per event changed (kept in
    `writes` when given, for the caller to write with others). The events are read locked (PostgreSQL: in id
    order, until commit), so two ingests refreshing one event take turns and the second reads the first's
    mentions. `before_write` is called with the events whose days are about to change, before any event is
    written. The events as read afresh, in the order given."""
    fresh = {e.id: e for e in _events_locked([e.id for e in events])}
    by_event: dict[int, list[Mention]] = {i: [] for i in fresh}
    for m in _refresh_mentions(list(fresh)):
        by_event[m.event_id].append(m)
    own = writes is None
    writes = EventWrites() if writes is None else writes
    ordered = [fresh[e.id] for e in events if e.id in fresh]
    book = TitleBook(ordered)
    # every title a headline may be chosen from, read in one query (the database does not change in the loop)
    book.read({e.title for e in ordered} | {m.title[:300] for ms in by_event.values() for m in ms if m.title})
    moved = []
    for event in ordered:
        if by_event[event.id]:
            changed = _refreshed(event, by_event[event.id], book)
            book.shows(event)
            if changed:
                writes.add(event, changed)
            if {"date_start", "date_end"} & set(changed):
                moved.append(event)
    if moved and before_write is not None:
        before_write(moved)
    if own:
        writes.write()
    return ordered


def _events_locked(ids: list[int]) -> list[Event]:
    """These events (but their search text), in id order, locked until commit (PostgreSQL: FOR NO KEY UPDATE):
    the read Event.objects.defer(...).select_for_update(no_key=True) makes, written out (one per article
    ingested)."""
    if not ids:
        return []
    names = tuple(f.attname for f in Event._meta.concrete_fields if f.attname not in _UNREAD)
    quote = connection.ops.quote_name
    sql = (
        f"SELECT {', '.join(quote(n) for n in names)} FROM {Event._meta.db_table}"
        f" WHERE id IN ({', '.join(['%s'] * len(ids))}) ORDER BY id ASC"
    )
    if connection.features.has_select_for_update:
        sql += " FOR NO KEY UPDATE" if connection.features.has_select_for_no_key_update else " FOR UPDATE"
    with connection.cursor() as cursor:
        cursor.execute(sql, ids)
        return rows_as_models(Event, names, cursor.fetchall())


def _refresh_mentions(event_ids: list[int]) -> list[Mention]:
    """The mentions of these events with what the refresh reads of them, their passages and their articles
    (those loaded with them, as select_related does), by event, article and passage: one statement written out."""
    if not event_ids:
        return []
    quote = connection.ops.quote_name
    columns = ", ".join(f"{alias}.{quote(n)}" for _, alias, names in _REFRESH_READS for n in names)
    sql = (
        f"SELECT {columns} FROM timeline_mention m INNER JOIN timeline_passage p ON m.passage_id = p.id"
        " INNER JOIN timeline_article a ON p.article_id = a.id"
        f" WHERE m.event_id IN ({', '.join(['%s'] * len(event_ids))})"
        ' ORDER BY m.event_id ASC, p.article_id ASC, p."index" ASC'
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, event_ids)
        rows = cursor.fetchall()
    built, at = [], 0
    for model, _, names in _REFRESH_READS:
        built.append(rows_as_models(model, names, (row[at : at + len(names)] for row in rows)))
        at += len(names)
    mentions, passages, articles = built
    to_passage, to_article = Mention._meta.get_field("passage"), Passage._meta.get_field("article")
    for mention, passage, article in zip(mentions, passages, articles, strict=True):
        to_article.set_cached_value(passage, article)
        to_passage.set_cached_value(mention, passage)
    return mentions


def _refreshed(event: Event, mentions: list[Mention], book: TitleBook | None = None) -> list[str]:
    """Set the event's date, dispute, title and publisher count from its mentions (not where a curator locked
    them); the fields that changed."""
    best, disputed = event_date(mentions)
    changed: list[str] = []
    if best is not None:
        for field, value in (("date_start", best.start), ("date_end", best.end), ("precision", best.precision)):
            if not event.is_locked(field) and getattr(event, field) != value:
                setattr(event, field, value)
                changed.append(field)
    if event.date_disputed != disputed:
        event.date_disputed = disputed
        changed.append("date_disputed")
    if not event.is_locked("title"):
        title = _best_title(event, mentions, book)
        if title and title != event.title:
            event.title = title  # the slug stays: permalinks do not follow the wording
            changed.append("title")
    count = publisher_count({m.passage.article for m in mentions})
    if count != event.publisher_count:
        event.publisher_count = count
        changed.append("publisher_count")
    return changed


def event_retitle_if_shared(event: Event) -> None:
    """A new event whose title another event already shows takes a title of its own (title_choice)."""
    events_retitle_if_shared([event])


def events_retitle_if_shared(
    events: list[Event],
    *,
    mentions: dict[int, list[Mention]] | None = None,
    unsaved: list[Event] | None = None,
    writes: EventWrites | None = None,
) -> TitleBook | None:
    """event_retitle_if_shared for each event in turn (each sees the titles those before it took), with a few
    queries for all and one write (and history row) per event retitled. `mentions`: each event's mentions,
    when the caller has them all (with their passages and articles); read otherwise. `unsaved`: other events
    whose titles changed in memory (kept in `writes`), which the database does not show yet. The titles read,
    for events_retitle_if_shown_since."""
    events = [e for e in events if not e.is_locked("title")]
    if not events:
        return None
    by_event: dict[int, list[Mention]] = {e.id: [] for e in events}
    if mentions is not None:
        by_event.update({i: mentions.get(i, []) for i in by_event})
    else:
        rows = Mention.objects.filter(event_id__in=list(by_event)).select_related("passage__article")
        for m in rows.defer(*_ARTICLE_TEXTS):
            by_event[m.event_id].append(m)
    book = TitleBook([*events, *(unsaved or [])])
    book.read({e.title for e in events} | {m.title[:300] for ms in by_event.values() for m in ms if m.title})
    own = writes is None
    writes = EventWrites() if writes is None else writes
    retitled = []
    for event in events:
        if not book.shown_by_another(event):
            continue
        title = _best_title(event, by_event[event.id], book)
        if title and title != event.title:
            event.title = title
            book.shows(event)
            writes.add(event, ["title"])
            retitled.append(event)
    if own:
        writes.write()
    if retitled:
        book.read({e.title for e in retitled})  # a title best_title wrote afresh: who else shows it, as of now
    return book


def events_retitle_if_shown_since(events: list[Event], book: TitleBook | None) -> None:
    """Once no other ingest can store an event (write_lock): if another event that ``book`` did not see (stored
    by an ingest running at the same time) shows the title of one of these new events, they choose again. One
    query when none does, as on an ingest alone."""
    events = [e for e in events if not e.is_locked("title")]
    if not events or book is None:
        return
    titles, ids = list({e.title for e in events}), [e.id for e in events]
    sql = "SELECT id FROM timeline_event WHERE title IN ({}) AND NOT id IN ({}) ORDER BY {}"
    with connection.cursor() as cursor:  # written out: asked once per article ingested
        cursor.execute(
            sql.format(", ".join(["%s"] * len(titles)), ", ".join(["%s"] * len(ids)), EVENT_ORDER), [*titles, *ids]
        )
        others = [pk for (pk,) in cursor.fetchall()]
    if not book.saw_all(others):
        events_retitle_if_shared(events)


class TitleBook:
    """The titles events show, read from the database for the titles asked about (once each), and kept in
    step in memory for the events being written here, whose new titles are not saved yet."""

    def __init__(self, mine: list[Event]) -> None:
        self._mine = {e.id for e in mine}
        self._rows: dict[int, tuple[str, str, bool]] = {}  # id -> title, status, merged
        self._read: set[str] = set()
        for event in mine:
            self.shows(event)

    def shows(self, event: Event) -> None:
        """The event now shows its title (changed in memory)."""
        self._rows[event.id] = (event.title, event.status, event.merged_into_id is not None)

    def read(self, titles: set[str]) -> None:
        """Read the events showing these titles (those not read yet), in one query."""
        missing = titles - self._read
        if missing:
            # written out: asked two or three times per article ingested
            sql = "SELECT id, title, status, merged_into_id FROM timeline_event WHERE title IN ({}) ORDER BY {}"
            with connection.cursor() as cursor:
                cursor.execute(sql.format(", ".join(["%s"] * len(missing)), EVENT_ORDER), list(missing))
                rows = cursor.fetchall()
            for pk, title, status, merged in rows:
                if pk not in self._mine:
                    self._rows[pk] = (title, status, merged is not None)
            self._read |= missing

    def saw_all(self, ids: Iterable[int]) -> bool:
        """Whether every one of these events was read (or written) here."""
        return all(pk in self._rows for pk in ids)

    def shown_by_another(self, event: Event) -> bool:
        self.read({event.title})
        return any(pk != event.id and title == event.title for pk, (title, _, _) in self._rows.items())

    def taken(self, event: Event, titles: set[str]) -> set[str]:
        """Which of these titles another event, public (neither rejected nor merged), shows."""
        self.read(titles)
        return {
            title
            for pk, (title, status, merged) in self._rows.items()
            if pk != event.id and title in titles and status != Event.Status.REJECTED and not merged
        }


def _best_title(event: Event, mentions: list[Mention], book: TitleBook | None = None) -> str:
    """The best headline among the event's passages (title_choice), from those that give the event's own day
    or none of their own; ties go to the wording most sources share, then to the first to report."""
    own = [
        m
        for m in mentions
        if m.title
        and (event.date_start is None or m.date_start in (None, event.date_start) or m.date_rule in WEAK_RULES)
    ] or [m for m in mentions if m.title]
    if not own:
        return ""

    def reported(m: Mention) -> tuple[str, int, int]:
        art = m.passage.article
        when = art.published_at.isoformat() if art.published_at else (art.published or date.max).isoformat()
        return (when, art.id, m.passage.index)

    own.sort(key=reported)
    candidates = [TitleCandidate(title=m.title, sentence=m.passage.text, order=i) for i, m in enumerate(own)]
    if event.title and any(not m.title for m in mentions):
        # passages stored before headlines were kept per passage: the title they gave still competes
        candidates.append(TitleCandidate(title=event.title, order=-1))
    taken = (book or TitleBook([event])).taken(event, {c.title[:300] for c in candidates})
    return best_title(candidates, event.event_type, taken=taken)[:300]


def _add_actors(event: Event, actors: set[str], places: set[str]) -> None:
    """Add the actors and places named by the event's passages (not where a curator locked them)."""
    gaz = gazetteer_current(fresh=False)
    for name, names, kind in (("actors", actors, "country"), ("places", places, "place")):
        if names and not event.is_locked(name):
            getattr(event, name).add(*_actors(Counter(names), gaz, kind))
