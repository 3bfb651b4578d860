"""Indexes on (actor, event) of the event-actor and event-place links.

The actor filter reads the events of one actor: with both columns in one index it is an index-only
scan, instead of one heap page read per link (thousands for a frequent actor at a million events).
"""

from django.db import migrations

LINKS = {"timeline_event_actors": "event_actors_actor_event", "timeline_event_places": "event_places_actor_event"}


class Migration(migrations.Migration):
    dependencies = [("timeline", "0014_event_search_text")]

    operations = [
        migrations.RunSQL(f"CREATE INDEX {name} ON {table} (actor_id, event_id)", f"DROP INDEX {name}")
        for table, name in LINKS.items()
    ]
