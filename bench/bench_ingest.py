"""Throughput of ingest into SQLite: cleaning, extraction, event matching and storage, in a fresh database.

Run from the repository root: `.venv/bin/python bench/bench_ingest.py`. The demo corpus (demo/) is repeated
with publication dates moved week by week (and a line that makes each copy a distinct text) up to 300 articles;
the script prints articles per second and the ratio to the target of 30 articles per second.
Exit status 1 when the target is missed.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET = 30.0  # articles per second
COUNT = 300
BATCH = 50  # the ingest command's commit size


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
        import django

        django.setup()
        from bench_pipeline import corpus  # noqa: E402  (same folder)
        from django.core.management import call_command
        from django.db import transaction

        from timeline.models import Article, Event
        from timeline.services import article_ingest

        call_command("migrate", verbosity=0)
        texts = corpus()[:COUNT]
        started = time.perf_counter()
        for start in range(0, len(texts), BATCH):
            with transaction.atomic():  # as the ingest command does: a commit per batch, a savepoint per article
                for n in range(start, min(start + BATCH, len(texts))):
                    text, published = texts[n]
                    with transaction.atomic():
                        article_ingest(
                            raw_text=f"{text}\n\nReport number {n}.", published=published, publisher=f"Desk {n % 7}"
                        )
        elapsed = time.perf_counter() - started
        rate = len(texts) / elapsed
        print(f"ingest: {Article.objects.count()} articles, {Event.objects.count()} events in {elapsed:.2f}s (SQLite)")
        print(f"ingest: {rate:.1f} articles/s; target {TARGET:.0f}/s; ratio {rate / TARGET:.2f}")
        return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
