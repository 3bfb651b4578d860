"""Throughput of the date tagger against dateparser.search_dates on the same texts.

Run from the repository root: `.venv/bin/python bench/bench_temporal.py`. It tags the MEANTIME English texts
(from ../shared, when present) or else a built-in sample, with our tagger and with
`dateparser.search_dates(text, languages=["en"])` (the publication date as RELATIVE_BASE), and prints characters
per second for each and their ratio.

The passes alternate (ours, dateparser, ours, dateparser, ...) so that a busy spell on the machine falls on both
sides alike, and each side is scored by its best pass: the one least disturbed by anything else running.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.evaluation.timex import load_corpus  # noqa: E402
from timeline.extraction.temporal.tagger import tag  # noqa: E402

SAMPLE = [
    (
        "The ministers met in Brussels on Tuesday and will meet again next week. Talks began on 3 March 2024 and "
        "lasted three days; a second round is due in the first week of April. Officials said the deal, signed "
        "at 10:30 a.m. local time (0830 GMT), would be reviewed annually. Exports fell 4% in the third quarter "
        "of last year, the lowest since the 1990s. Two days later, the president spoke again.",
        date(2024, 3, 14),
    ),
    (
        "Shares rose on Friday after a week of losses. Analysts expect a recovery by early June, though the "
        "bank cut its forecast for 2025 twice this year. The index has gained 12% over the past decade and "
        "closed at 1,587 points yesterday, its highest level since February 26, 2021.",
        date(2024, 5, 20),
    ),
]


def _texts() -> list[tuple[str, date | None]]:
    corpus = ROOT.parent / "shared" / "data" / "meantime_en"
    if corpus.is_dir():
        return [(doc.text, doc.dct) for doc in load_corpus(corpus)]
    return SAMPLE * 20


def _ours(text: str, dct: date | None) -> None:
    tag(text, dct)


def _dateparser(text: str, dct: date | None) -> None:
    import dateparser.search

    settings = {"RELATIVE_BASE": datetime(dct.year, dct.month, dct.day)} if dct else {}
    dateparser.search.search_dates(text, languages=["en"], settings=settings)


def _pass(run: Callable[[str, date | None], None], texts: list[tuple[str, date | None]]) -> float:
    """Seconds for one pass over all texts."""
    started = time.perf_counter()
    for text, dct in texts:
        run(text, dct)
    return time.perf_counter() - started


def interleaved_best(
    runs: dict[str, Callable[[str, date | None], None]], texts: list[tuple[str, date | None]], passes: int
) -> dict[str, float]:
    """Characters per second of each run: its best of `passes` passes, the runs' passes taken in turn."""
    for run in runs.values():
        run(*texts[0])  # warm up: compiled patterns, dateparser's language data
    chars = sum(len(text) for text, _ in texts)
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(passes):
        for name, run in runs.items():
            best[name] = min(best[name], _pass(run, texts))
    return {name: chars / seconds for name, seconds in best.items()}


def main() -> None:
    texts = _texts()
    passes = 5
    speed = interleaved_best({"ours": _ours, "dateparser": _dateparser}, texts, passes)
    ours, baseline = speed["ours"], speed["dateparser"]
    print(f"texts: {len(texts)} ({sum(len(t) for t, _ in texts):,} characters)")
    print(f"passes: {passes} of each, interleaved; each side scored by its best pass")
    print(f"ours:                    {ours:12,.0f} chars/s")
    print(f"dateparser.search_dates: {baseline:12,.0f} chars/s")
    print(f"ratio ours/dateparser:   {ours / baseline:12.1f}x  (target >= 10x)")


if __name__ == "__main__":
    main()
