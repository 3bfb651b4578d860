"""python manage.py evaluate_key_dates TIMELINE.json: Date-F1 of the key dates and of two plain baselines.

K is the number of gold days. The baselines rank days by the reports published on them, and by the reports
backing the events dated to them; all three read the database as it is (ingest the collection first).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count

from timeline.evaluation.key_dates import date_f1, gold_days
from timeline.models import Article, Mention, Precision
from timeline.web.key_dates import key_dates
from timeline.web.selectors import TimelineFilters


def days_by_reports_published(count: int) -> list[date]:
    rows = Article.objects.filter(published__isnull=False).values("published").annotate(n=Count("id"))
    return [r["published"] for r in rows.order_by("-n", "published")[:count]]


def days_by_backing_reports(count: int) -> list[date]:
    rows = (
        Mention.objects.filter(event__merged_into__isnull=True, event__precision=Precision.DAY)
        .exclude(event__status="rejected")
        .values("event__date_start")
        .annotate(n=Count("passage__article", distinct=True))
    )
    return [r["event__date_start"] for r in rows.order_by("-n", "event__date_start")[:count]]


class Command(BaseCommand):
    help = "Score the key dates of the stored events against a journalist's timeline (Date-F1, K = its size)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("gold", type=Path)

    def handle(self, *args: object, gold: Path, **options: object) -> None:
        try:
            days = gold_days(gold)
        except (OSError, ValueError, KeyError) as exc:
            raise CommandError(f"cannot read gold timeline {gold}: {exc}") from exc
        k = len(days)
        picked = {
            "key_dates": [d.day for d in key_dates(filters=TimelineFilters(), count=k)],
            "reports_published": days_by_reports_published(k),
            "backing_reports": days_by_backing_reports(k),
        }
        scores = {name: round(date_f1(p, days).f1, 3) for name, p in picked.items()}
        self.stdout.write(json.dumps({"gold": str(gold), "k": k, **scores}))
