"""Fill the database with synthetic events for benchmarks and load tests (never for the demo)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand, CommandParser

from bench.synthetic import events_generate


class Command(BaseCommand):
    help = "Write N synthetic events with their articles, passages, mentions and actors (benchmarks only)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--events", type=int, required=True, help="how many events to write")
        parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same data)")
        parser.add_argument("--batch-size", type=int, default=5000)

    def handle(self, *args: object, events: int, seed: int, batch_size: int, **options: object) -> None:
        started = time.monotonic()
        step = max(events // 20, batch_size)

        def progress(done: int) -> None:
            if done % step < batch_size or done == events:
                self.stderr.write(f"  {done:,} / {events:,} events")

        result = events_generate(count=events, seed=seed, batch_size=batch_size, progress=progress)
        self.stdout.write(
            f"Wrote {result.events:,} events, {result.mentions:,} mentions, {result.passages:,} passages, "
            f"{result.articles:,} articles ({result.actors} actors, {result.publishers} publishers) "
            f"in {time.monotonic() - started:.1f}s"
        )
