"""Reading one long article: the pipeline's cost must grow with the text's length, no faster.

Run from the repository root: `.venv/bin/python bench/bench_long_article.py`. Two 200,000-character articles
are read (the limit ingest accepts, INGEST_MAX_CHARS): the demo reports joined into one text, and one line
of their words with no punctuation at all and a time expression every dozen words (one sentence of 200,000
characters, the worst case for any rule that looks at a whole sentence once per expression). For each the script prints the pipeline's time, the same run's baseline
(cleaning and sentence splitting of the same text, the floor of any reading) and the growth: the time per
character at 200,000 characters over the time per character at 50,000 (1.0 when the cost is linear).
Exit status 1 when the growth passes MAX_GROWTH or the pipeline takes more than TARGET_RATIO times its baseline.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench_pipeline import corpus  # noqa: E402  (same folder)

from timeline.extraction.clean.lines import clean_text  # noqa: E402
from timeline.extraction.pipeline import extract_article  # noqa: E402
from timeline.extraction.segment import segment  # noqa: E402

LENGTH = 200_000
SHORT = 50_000
MAX_GROWTH = 1.6  # per-character cost at LENGTH over that at SHORT
TARGET_RATIO = 40.0  # pipeline time over clean + segment of the same text
PUBLISHED = date(2024, 6, 20)
UNPUNCTUATED = (
    "officials in Kyiv said on Monday that Russian troops had attacked the port of Odesa on 3 March 2024 and the "
    "ministry in Moscow denied it last week three days after the talks while NATO ministers met in Brussels two "
    "days ago in response to the strikes "
)


def long_texts() -> dict[str, str]:
    """The demo reports joined to LENGTH characters, and their words as one line without punctuation."""
    joined = "\n\n".join(dict.fromkeys(text for text, _ in corpus()))
    reports = (joined * (LENGTH // len(joined) + 1))[:LENGTH]
    # one sentence of a wire report, its punctuation gone, said over and over: a time expression every dozen
    # words, times measured from another happening ("three days after") and an event in the one sentence, so every rule about dates and headlines has work to do
    line = (UNPUNCTUATED * (LENGTH // len(UNPUNCTUATED) + 1))[:LENGTH]
    return {"reports": reports, "one line": line[:LENGTH]}


def seconds(read, text: str) -> float:
    started = time.perf_counter()
    read(text)
    return time.perf_counter() - started


def main() -> int:
    extract_article("Iran fired a missile on Monday, officials said.", published=PUBLISHED)  # warm up the patterns
    failed = False
    for name, text in long_texts().items():
        base = seconds(lambda t: segment(clean_text(t).text), text)
        full = seconds(lambda t: extract_article(t, published=PUBLISHED), text)
        short = seconds(lambda t: extract_article(t, published=PUBLISHED), text[:SHORT])
        growth = (full / len(text)) / (short / SHORT)
        ratio = full / base
        print(
            f"long article ({name}): {len(text)} chars read in {full:.2f}s; baseline (clean + segment) {base:.2f}s, "
            f"ratio {ratio:.1f} (target at most {TARGET_RATIO:.0f}); growth {growth:.2f} from {SHORT} chars "
            f"(1.0 is linear; at most {MAX_GROWTH})"
        )
        failed |= growth > MAX_GROWTH or ratio > TARGET_RATIO
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
