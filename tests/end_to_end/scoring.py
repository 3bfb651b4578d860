"""Score a folder of reports as a user would: ingest its articles, then `evaluate_events` with its gold."""

import io
import re
from pathlib import Path

from django.core.management import call_command


def scored(articles: Path, gold: Path) -> str:
    """The evaluation report of `gold` after ingesting every file under `articles`."""
    call_command("ingest", str(articles), stdout=io.StringIO(), stderr=io.StringIO())
    out = io.StringIO()
    call_command("evaluate_events", str(gold), stdout=out)
    return out.getvalue()


def fraction(report: str, label: str) -> tuple[int, int]:
    """The "done/total" of the report's line that starts with `label`."""
    line = next(line for line in report.splitlines() if line.startswith(label))
    done, total = re.search(r"(\d+)/(\d+)", line).groups()
    return int(done), int(total)


def count(report: str, label: str) -> int:
    """The number after the colon of the report's line that starts with `label`."""
    line = next(line for line in report.splitlines() if line.startswith(label))
    return int(line.split(":")[1].split()[0])
