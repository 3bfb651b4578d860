"""Throughput of the extraction pipeline (clean, segment, tag, detect, group) without the database.

Run from the repository root: `.venv/bin/python bench/bench_pipeline.py`. The demo corpus (demo/) is repeated
with publication dates moved week by week until there are at least 1,000 articles; the pipeline reads them all
and the script prints articles per second, the ratio to the target of 100 articles per second on one core, and
the same run's baseline: cleaning and sentence splitting alone, the floor of any reading.
Exit status 1 when the target is missed.
"""

from __future__ import annotations

import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.extraction.clean.lines import clean_text  # noqa: E402
from timeline.extraction.pipeline import extract_article  # noqa: E402
from timeline.extraction.segment import segment  # noqa: E402
from timeline.ingest.readers import ReadError, iter_files, read_path  # noqa: E402

TARGET = 100.0  # articles per second
MINIMUM = 1000

FALLBACK = (
    "Ministers from Poland and Germany met in Berlin on Tuesday to discuss troop deployments on NATO's eastern "
    "flank. Poland sent 2,000 more soldiers to its border with Belarus last week, the defence ministry said. "
    "On Wednesday, Russia warned that the move would raise tensions, and the Kremlin said it would respond. "
    "Analysts said the talks could lead to a new agreement by the end of the year.\n\n"
) * 4


def corpus() -> list[tuple[str, date | None]]:
    """At least MINIMUM (text, publication date) pairs built from the demo corpus."""
    base: list[tuple[str, date | None]] = []
    for path in iter_files([ROOT / "demo"]):
        try:
            base += [(item.raw_text, item.published) for item in read_path(path)]
        except ReadError:
            continue
    if not base:
        base = [(FALLBACK, date(2024, 3, 14))]
    out = []
    week = 0
    while len(out) < MINIMUM:
        for text, published in base:
            day = (published or date(2024, 1, 1)) + timedelta(days=7 * week)
            out.append((text, day))
        week += 1
    return out


def baseline_rate(texts: list[tuple[str, date | None]]) -> float:
    """Articles per second for the floor of any reading: cleaning and sentence splitting, nothing else."""
    started = time.perf_counter()
    for text, _ in texts:
        segment(clean_text(text).text)
    return len(texts) / (time.perf_counter() - started)


def main() -> int:
    texts = corpus()
    extract_article(*texts[0][:1], published=texts[0][1])  # warm up compiled patterns
    base = baseline_rate(texts)
    started = time.perf_counter()
    mentions = 0
    for text, published in texts:
        mentions += len(extract_article(text, published=published).mentions)
    elapsed = time.perf_counter() - started
    rate = len(texts) / elapsed
    chars = sum(len(t) for t, _ in texts) / len(texts)
    print(f"pipeline: {len(texts)} articles (mean {chars:.0f} chars), {mentions} mentions in {elapsed:.2f}s")
    print(f"pipeline: baseline (clean + segment only) {base:.0f} articles/s; full pipeline {rate / base:.2f} of it")
    print(f"pipeline: {rate:.0f} articles/s; target {TARGET:.0f}/s; ratio {rate / TARGET:.2f}")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
