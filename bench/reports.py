"""Full-length reports (5-10 KB) for ingest benchmarks and load tests, written from the demo corpus.

Report ``n`` leads with demo article ``n % len(demo)`` and its publication date moved ``n // len(demo)`` weeks
on; background paragraphs of other demo articles follow until the report is 5-10 KB, as a wire story is.
Two sets written with the same numbers and different ``desk`` names report the same happenings in
different texts (another publisher, another ordering of the background), as two agencies would.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path

from timeline.ingest.readers import ReadError, iter_files, read_path

ROOT = Path(__file__).resolve().parent.parent
MIN_CHARS, MAX_CHARS = 5000, 10000


def demo_articles() -> list[tuple[str, str, date]]:
    """(title, text, publication date) of every dated demo article."""
    found = []
    for path in iter_files([ROOT / "demo"]):
        try:
            items = read_path(path)
        except ReadError:
            continue
        found += [(i.title, i.raw_text, i.published) for i in items if i.published and i.raw_text.strip()]
    return found


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if len(p.strip()) > 80]


def report(n: int, *, desk: str, demo: list[tuple[str, str, date]]) -> dict[str, str]:
    """Report number ``n`` of ``desk``: a JSON record (title, publisher, published, text)."""
    title, text, published = demo[n % len(demo)]
    day = published + timedelta(days=7 * (n // len(demo)))
    rng = random.Random(f"{desk}-{n}")
    target = rng.randint(MIN_CHARS, MAX_CHARS - 1500)
    body = [p for p in text.split("\n\n") if p.strip()]
    others = [p for i, (_, t, _) in enumerate(demo) if i != n % len(demo) for p in _paragraphs(t)]
    rng.shuffle(others)
    size = sum(len(p) + 2 for p in body)
    for p in others:
        if size >= target:
            break
        body.append(p)
        size += len(p) + 2
    body.append(f"Reporting by the {desk} desk, file {n}.")
    return {"title": title, "publisher": desk, "published": day.isoformat(), "text": "\n\n".join(body)}


def reports_write(folder: Path, *, count: int, desk: str = "Wire", first: int = 0) -> list[Path]:
    """Write reports ``first`` .. ``first + count - 1`` of ``desk`` into ``folder``, one .json file each."""
    folder.mkdir(parents=True, exist_ok=True)
    demo = demo_articles()
    paths = []
    for n in range(first, first + count):
        path = folder / f"{desk.lower().replace(' ', '-')}-{n:05d}.json"
        path.write_text(json.dumps(report(n, desk=desk, demo=demo), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths
