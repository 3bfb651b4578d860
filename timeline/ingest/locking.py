"""Parallel ingest that stays exact: workers wait for each other only where their articles could collide.

Matching a report against stored events and creating the event when none matches must not interleave
with another worker doing the same for a report of the same happening (both would find nothing and both
create it). On PostgreSQL an ingest takes, after reading its text (the costly part, fully parallel), one
transaction-level advisory lock per thing the article could collide on, all in one statement and in one
sorted order (so two workers never wait for each other in a cycle), held until commit:

- each (kind family, day) its dated happenings may be matched on or create an event on
  (timeline.events.matching.candidate_days): two reports of one happening share a kind and a day;
- its text's identity (the same file twice).

Two workers with articles on different days run their matching and their writes side by side. The stored
events an ingest joins are locked (in id order, as it reads them to refresh them from their mentions:
timeline.events.update.events_refresh), so two ingests joining one event take turns and each refreshes it with the other's mentions.
The tallies and the events' search text are derived by triggers; an ingest defers both (``derived_defer``:
the triggers keep deltas and stale marks instead of locking shared counter rows at each write) and applies
them in one sorted statement per tally just before commit (``derived_apply``). Only that last step runs
one ingest at a time (``write_lock``, from there to commit): under it an ingest looks again for a copy of its
story (a near-duplicate, found through shared sentences, which reports on other days share too: no lock
could tell them apart) and for another event showing a new event's title, among what was committed since it
first looked, and starts again if there is a copy.

Everything else that stores (re-reading an article, undated articles whose date is inferred, curation)
takes ``store_lock``: exclusive, it waits for every ingest in progress and holds all others off. An ingest
holds the same lock shared. On SQLite the database's own write lock already serialises writers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import timedelta
from functools import lru_cache

from django.db import connection

STORE_LOCK_KEY = 0x74696D656C696E65  # any constant shared by all workers ("timeline" in ASCII)
WRITE_LOCK_KEY = 0x74616C6C69657321  # the tallies' writer ("tallies!")
MAX_KEYS = 400  # an article that could collide on more (a happening dated only by its year) takes store_lock
CONFLICT_RETRIES = 4  # attempts at a transaction that another writer's transaction made fail
_CONFLICT_CODES = {"40001", "40P01"}  # PostgreSQL: serialization failure, deadlock detected


class LostToAnotherWriter(Exception):
    """What an ingest read before taking write_lock was changed meanwhile by another worker: try again."""


def lost_to_another_writer(exc: BaseException) -> bool:
    """Whether a database error means another transaction got in the way (worth trying again), not bad data."""
    if isinstance(exc, LostToAnotherWriter):
        return True
    code = getattr(exc.__cause__, "sqlstate", None)
    return code in _CONFLICT_CODES or "database is locked" in str(exc)


def _postgres_in_transaction() -> bool:
    if connection.vendor != "postgresql":
        return False
    if not connection.in_atomic_block:
        raise RuntimeError("advisory locks hold until commit: take them inside transaction.atomic()")
    return True


def store_lock() -> None:
    """Wait until no other transaction stores articles or events; held until the current transaction ends."""
    if _postgres_in_transaction():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK_KEY])


def lock_key(*parts: object) -> int:
    """A signed 64-bit advisory lock key for a thing workers may collide on ("day", "attack", "2024-03-12")."""
    digest = hashlib.blake2b("\x1f".join(map(str, parts)).encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


def day_keys(kinds: Iterable[str], first, last) -> frozenset[int]:
    """The keys of every day from first to last for one family of kinds (those that may be one event)."""
    return _family_day_keys(",".join(sorted(kinds)), first, last)


@lru_cache(maxsize=4096)
def _family_day_keys(family: str, first, last) -> frozenset[int]:
    """day_keys, kept for the windows asked last: the reports of one run ask the same days again and again."""
    days = (last - first).days
    return frozenset(lock_key("day", family, (first + timedelta(days=n)).isoformat()) for n in range(days + 1))


def ingest_locks(keys: set[int]) -> bool:
    """Hold store_lock shared and the given keys until the end of the transaction, waiting for whoever holds
    them; store_lock itself (exclusive) when they are too many. False when store_lock was taken instead."""
    if not _postgres_in_transaction():
        return True
    if len(keys) > MAX_KEYS:
        store_lock()
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock_shared(%s)", [STORE_LOCK_KEY])
        # unnest reads the array in order: the keys are taken one after the other, smallest first
        cursor.execute("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[]) AS k", [sorted(keys)])
    return True


def more_locks(keys: set[int]) -> None:
    """Keys an ingest finds it needs after taking its own (an event it refreshed moved to other days).

    Taken out of the sorted order: a cycle with another worker is possible, and PostgreSQL breaks it by
    failing one of the two transactions, which is then tried again (CONFLICT_RETRIES)."""
    if keys and _postgres_in_transaction():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(%s::bigint[]) AS k", [sorted(keys)])


def write_lock() -> None:
    """One ingest at a time in its last step (and one creator of actors), until commit."""
    if _postgres_in_transaction():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [WRITE_LOCK_KEY])


def derived_defer() -> None:
    """Until derived_apply, keep the tallies' deltas of this transaction and only note which events' search
    text is stale (timeline/sql/postgresql.sql): the writes before it lock no tally row, and an event written
    several times has its search text built once."""
    if _postgres_in_transaction():
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config('timeline.defer', 'on', true)")


def derived_apply() -> None:
    """Build the stale events' search texts, add the deltas kept since derived_defer to the tallies (one sorted
    statement per tally), and go back to doing both at each write."""
    if _postgres_in_transaction():
        with connection.cursor() as cursor:
            cursor.execute("SELECT timeline_derived_apply()")
