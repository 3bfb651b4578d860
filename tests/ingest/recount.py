"""What the tallies and search texts should hold, counted afresh from the events (PostgreSQL), for tests that
check the values the triggers and the ingest's deferred writes kept."""

from __future__ import annotations

from django.db import connection

_LINKS = (
    "(SELECT event_id, actor_id FROM timeline_event_actors UNION SELECT event_id, actor_id FROM timeline_event_places)"
)
_E = "e.status, e.merged_into_id IS NOT NULL"

RECOUNTS = {
    "timeline_eventtally": f"""
        SELECT 'day', e.date_start, e.event_type, {_E}, count(*) FROM timeline_event e
        WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5
        UNION ALL
        SELECT 'month', date_trunc('month', e.date_start)::date, e.event_type, {_E}, count(*) FROM timeline_event e
        WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5""",
    "timeline_actortally": f"""
        SELECT l.actor_id, {_E}, count(*) FROM timeline_event e
        JOIN (SELECT event_id, actor_id FROM timeline_event_actors
              UNION ALL SELECT event_id, actor_id FROM timeline_event_places) l ON l.event_id = e.id
        GROUP BY 1, 2, 3""",
    "timeline_actoryeartally": f"""
        SELECT date_trunc('year', e.date_start)::date, l.actor_id, {_E}, count(*) FROM timeline_event e
        JOIN timeline_event_actors l ON l.event_id = e.id WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4""",
    "timeline_actormonthtally": f"""
        SELECT l.actor_id, date_trunc('month', e.date_start)::date, e.event_type, {_E}, count(*)
        FROM timeline_event e JOIN {_LINKS} l ON l.event_id = e.id WHERE e.date_start IS NOT NULL
        GROUP BY 1, 2, 3, 4, 5""",
    "timeline_termmonthtally": f"""
        SELECT t.lexeme, date_trunc('month', e.date_start)::date, e.event_type, {_E}, count(*)
        FROM timeline_event e CROSS JOIN LATERAL unnest(tsvector_to_array(e.search_vector)) AS t(lexeme)
        WHERE e.date_start IS NOT NULL GROUP BY 1, 2, 3, 4, 5""",
}
_KEYS = {
    "timeline_eventtally": "period_kind, period, event_type, status, merged",
    "timeline_actortally": "actor_id, status, merged",
    "timeline_actoryeartally": "year, actor_id, status, merged",
    "timeline_actormonthtally": "actor_id, month, event_type, status, merged",
    "timeline_termmonthtally": "lexeme, month, event_type, status, merged",
}


def _rows(sql: str) -> set[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return set(cursor.fetchall())


def tally_mismatches() -> dict[str, set[tuple]]:
    """Per tally table, the rows (key..., count) that differ between the table and a recount (empty: exact)."""
    found = {}
    for table, recount in RECOUNTS.items():
        kept = _rows(f"SELECT {_KEYS[table]}, count FROM {table} WHERE count <> 0")
        counted = _rows(recount)
        if kept != counted:
            found[table] = kept ^ counted
    return found


def stale_search_texts() -> int:
    """How many events' search text or lexemes differ from those built afresh from their title, summary and
    passages."""
    return len(
        _rows("""
        SELECT e.id FROM timeline_event e
        CROSS JOIN LATERAL (SELECT COALESCE(e.title, '') || chr(10) || COALESCE(e.summary, '') || chr(10) ||
          COALESCE((SELECT string_agg(p.text, chr(10) ORDER BY p.id) FROM timeline_mention m
                    JOIN timeline_passage p ON p.id = m.passage_id WHERE m.event_id = e.id), '') AS text) f
        WHERE e.search_text IS DISTINCT FROM f.text
           OR e.search_vector IS DISTINCT FROM strip(to_tsvector('english'::regconfig, f.text))""")
    )
