"""Throughput of ingest into SQLite: cleaning, extraction, event matching and storage, in a fresh database.

Run from the repository root: `.venv/bin/python bench/bench_ingest.py`. The demo corpus (demo/) is repeated
with publication dates moved week by week (and a line that makes each copy a distinct text) up to 300 articles;
the script prints articles per second, the ratio to the target of 30 articles per second, and the same run's
baseline: storing the same texts as rows (article + lines) with no reading, the floor of any ingest.
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


def baseline_rate(texts: list) -> float:
    """Articles per second for storing the same texts as rows (an article and its lines), with no reading at all."""
    from django.db import transaction

    from timeline.models import Article, Passage

    started = time.perf_counter()
    for start in range(0, len(texts), BATCH):
        with transaction.atomic():
            for n in range(start, min(start + BATCH, len(texts))):
                text = f"{texts[n][0]}\n\nBaseline copy {n}."
                article = Article.objects.create(raw_text=text, text=text, content_hash=f"baseline-{n}")
                lines = [line for line in text.split("\n") if line]
                Passage.objects.bulk_create(
                    Passage(article=article, index=i, start=0, end=len(line), text=line) for i, line in enumerate(lines)
                )
    return len(texts) / (time.perf_counter() - started)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DATABASE_URL"] = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "timeline.settings")
        import django

        django.setup()
        from bench_pipeline import corpus  # noqa: E402  (same folder)
        from django.core.management import call_command
        from django.db import transaction

        from timeline.ingest.service import article_ingest
        from timeline.models import Article, Event

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
        articles, events = Article.objects.count(), Event.objects.count()
        base = baseline_rate(texts)
        print(f"ingest: {articles} articles, {events} events in {elapsed:.2f}s (SQLite)")
        print(
            f"ingest: baseline (rows stored, nothing read) {base:.1f} articles/s; full ingest {rate / base:.2f} of it"
        )
        print(f"ingest: {rate:.1f} articles/s; target {TARGET:.0f}/s; ratio {rate / TARGET:.2f}")
        return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
