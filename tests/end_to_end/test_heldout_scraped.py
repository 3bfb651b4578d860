"""Held-out check on news as scrapers return it: tests/data/heldout_scraped/ holds our own reports of real
events wrapped in the furniture of real sites (consent banners, share bars, bylines, agency datelines,
teaser lists, copyright lines), as .txt, .html and .jsonl, with a republished copy and an undated report.
The gold was written before the pipeline was run on it. The targets are those of the seeds, and besides:
every furniture line the gold lists is gone from the stored text, and each page's date is read as a reader
reads it.
"""

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.paths import DATA
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

FOLDER = DATA / "heldout_scraped"
GOLD = json.loads((FOLDER / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture
def report() -> str:
    call_command(
        "ingest",
        *sorted(str(p) for p in FOLDER.iterdir() if p.name != "gold.json"),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    out = io.StringIO()
    call_command("evaluate_events", str(FOLDER / "gold.json"), stdout=out)
    return out.getvalue()


def _count(report: str, prefix: str) -> tuple[int, int]:
    line = next(line for line in report.splitlines() if line.startswith(prefix))
    found, total = line.rsplit(" ", 1)[1].split("/")
    return int(found), int(total)


def test_it_meets_the_targets_on_scraped_pages(report):
    found, total = _count(report, "required events found")
    assert found == total and total >= 10, report
    linked, total = _count(report, "required mentions linked")
    assert linked == total, report
    assert "gold events split over several events: 0" in report
    assert "events built on a negative passage: 0" in report
    unmatched = next(line for line in report.splitlines() if line.startswith("events matching no gold"))
    assert int(unmatched.split(": ")[1].split()[0]) <= 3, report
    assert report.rstrip().endswith("targets met: yes")


def test_it_drops_the_furniture_and_reads_each_pages_date(report):
    articles = {Path(a.source_name).name: a for a in Article.objects.all()}
    assert set(articles) == set(GOLD["articles"])
    for name, gold in GOLD["articles"].items():
        article = articles[name]
        left = [line for line in gold["boilerplate"] if line in article.text]
        assert not left, f"{name}: furniture left in the text: {left}"
        published = article.published.isoformat() if article.published else None
        if gold["published"] is not None or article.published_source != Article.DateSource.INFERRED:
            assert published == gold["published"], name
        if gold.get("near_duplicate_of"):
            assert article.duplicate_of == articles[gold["near_duplicate_of"]], name


def test_it_types_the_scraped_events_as_the_gold_does(report):
    typed = [g for g in GOLD["events"] if g.get("tier") == "required"]
    right = 0
    for g in typed:
        quote = next(iter(g["mentions"].values()))[0]
        event = Event.objects.filter(mentions__passage__text__contains=quote, merged_into__isnull=True).first()
        right += event is not None and event.event_type == g["type"]
    assert right >= len(typed) - 2, f"{right}/{len(typed)} typed as the gold"
