"""One writer of articles and events at a time, so that parallel ingest stays exact.

Matching a report against stored events and creating the event when none matches must not interleave
with another worker doing the same for a report of the same happening (both would find nothing and both
create it). On PostgreSQL ``store_lock`` takes a transaction-level advisory lock, released at commit: the
reading of the text (the costly part) runs in parallel before it, the matching and storing after it run
one worker at a time. The tally triggers then never see two ingest transactions at once either, so they
cannot deadlock each other. On SQLite the database's own write lock already serialises writers.
"""

from __future__ import annotations

from django.db import connection

STORE_LOCK_KEY = 0x74696D656C696E65  # any constant shared by all workers ("timeline" in ASCII)
CONFLICT_RETRIES = 4  # attempts at a transaction that another writer's transaction made fail
_CONFLICT_CODES = {"40001", "40P01"}  # PostgreSQL: serialization failure, deadlock detected


def lost_to_another_writer(exc: BaseException) -> bool:
    """Whether a database error means another transaction got in the way (worth trying again), not bad data."""
    code = getattr(exc.__cause__, "sqlstate", None)
    return code in _CONFLICT_CODES or "database is locked" in str(exc)


def store_lock() -> None:
    """Wait until no other transaction stores articles or events; held until the current transaction ends."""
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        raise RuntimeError("store_lock() holds until commit: call it inside transaction.atomic()")
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [STORE_LOCK_KEY])
