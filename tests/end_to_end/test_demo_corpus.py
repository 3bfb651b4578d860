"""The bundled demo corpus in demo/: every file readable, every report complete and dated."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from tests.paths import DEMO

REQUIRED = ("title", "publisher", "published", "text")


def demo_reports() -> list[tuple[str, dict]]:
    """Every report of the JSON and JSONL files, with the file (and line) it came from."""
    reports: list[tuple[str, dict]] = []
    for path in sorted(DEMO.glob("*.json")):
        reports.append((path.name, json.loads(path.read_text(encoding="utf-8"))))
    for path in sorted(DEMO.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip():
                reports.append((f"{path.name}:{number}", json.loads(line)))
    return reports


def text_files() -> list[Path]:
    return sorted(DEMO.glob("*.txt"))


def test_it_holds_each_kind_of_file_the_ingest_reads() -> None:
    assert list(DEMO.glob("*.json")), "no .json report"
    assert list(DEMO.glob("*.jsonl")), "no .jsonl file"
    assert text_files(), "no scraped .txt article"


@pytest.mark.parametrize("name,report", demo_reports(), ids=lambda value: value if isinstance(value, str) else "")
def test_it_gives_every_report_the_required_fields(name: str, report: dict) -> None:
    assert isinstance(report, dict), f"{name} is not one JSON object"
    for field in REQUIRED:
        assert isinstance(report.get(field), str) and report[field].strip(), f"{name}: {field} missing or empty"
    published = datetime.fromisoformat(report["published"])
    assert published.tzinfo is not None, f"{name}: published has no time zone"
    assert 2023 <= published.year <= 2025, f"{name}: published {published} is outside the story's years"


@pytest.mark.parametrize("name,report", demo_reports(), ids=lambda value: value if isinstance(value, str) else "")
def test_it_writes_reports_in_paragraphs_of_news_length(name: str, report: dict) -> None:
    text = report["text"]
    words = len(text.split())
    limits = (80, 400) if ":" in name else (150, 400)  # the JSONL reports are the short ones
    assert limits[0] <= words <= limits[1], f"{name}: {words} words"
    assert "\n\n" in text, f"{name}: paragraphs are not separated by blank lines"
    assert text == text.strip(), f"{name}: leading or trailing whitespace"


def test_it_has_enough_articles_and_publishers() -> None:
    reports = [report for _, report in demo_reports()]
    assert len(reports) + len(text_files()) >= 8
    assert len({report["publisher"] for report in reports}) >= 4


def test_it_never_repeats_a_title_or_a_text() -> None:
    reports = [report for _, report in demo_reports()]
    assert len({report["title"] for report in reports}) == len(reports)
    assert len({report["text"] for report in reports}) == len(reports)


@pytest.mark.parametrize("path", text_files(), ids=lambda path: path.name)
def test_it_gives_scraped_text_a_title_publisher_and_date_header(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    title, byline, dateline = lines[0], lines[1], lines[2]
    assert title.strip() and byline.strip()
    published = datetime.strptime(dateline.strip(), "%d %B %Y, %H:%M")
    assert 2023 <= published.year <= 2025
    body = "\n".join(lines[3:]).strip()
    assert len(body.split()) >= 150


def test_it_lists_every_file_in_the_readme() -> None:
    readme = (DEMO / "README.md").read_text(encoding="utf-8")
    for path in DEMO.iterdir():
        if path.name != "README.md":
            assert path.name in readme, f"{path.name} is not listed in demo/README.md"
