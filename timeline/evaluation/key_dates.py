"""Scoring key dates against a journalist's timeline: Date-F1 over days.

A gold timeline is ``{"dates": [{"date": "YYYY-MM-DD", "summary": ...}, ...]}``. The system picks K days
(K = the number of gold days); Date-F1 is the harmonic mean of the share of its days that are gold days and
the share of gold days it picked. Plain Python: the command gathers the picked days from the database.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class DateScore:
    picked: int
    gold: int
    hits: int

    @property
    def precision(self) -> float:
        return self.hits / self.picked if self.picked else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def date_f1(picked: list[date], gold: list[date]) -> DateScore:
    """How many of the picked days are gold days (each day counted once)."""
    mine, theirs = set(picked), set(gold)
    return DateScore(picked=len(mine), gold=len(theirs), hits=len(mine & theirs))


def gold_days(path: Path) -> list[date]:
    """The days of a gold timeline file, in date order; ValueError when the file is not one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("dates"), list):
        raise ValueError(f"{path} has no list of dates")
    return sorted({date.fromisoformat(str(item["date"])[:10]) for item in data["dates"]})


def collection_files(folder: Path, shared_articles: Path) -> list[Path]:
    """The article files of a key-dates collection: its ``articles/`` folder, or the names listed in
    ``articles.txt`` (read from ``shared_articles``). Missing listed files are left out."""
    own = folder / "articles"
    if own.is_dir():
        return sorted(own.iterdir())
    listed = folder / "articles.txt"
    if not listed.exists():
        return []
    names = [line.strip() for line in listed.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [shared_articles / name for name in names if (shared_articles / name).exists()]
