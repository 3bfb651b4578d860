"""The timex and evaluate_timex management commands."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.evaluation.test_timex import XML


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_it_prints_the_expressions_of_a_file_as_json(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    text = "Kim oversaw the test on Wednesday, the agency said.\nTalks lasted two days."
    article.write_text(text, encoding="utf-8")
    rows = json.loads(run("timex", "--dct", "2025-02-28", str(article)))
    day, span = text.index("Wednesday"), text.index("two days")
    assert rows == [
        {"start": day, "end": day + 9, "text": "Wednesday", "type": "DATE", "value": "2025-02-26"},
        {"start": span, "end": span + 8, "text": "two days", "type": "DURATION", "value": "P2D"},
    ]


def test_it_leaves_relative_dates_unresolved_without_a_dct(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("It fired on Wednesday.", encoding="utf-8")
    rows = json.loads(run("timex", str(article), "--detail"))
    assert rows[0]["value"] == "XXXX-WXX-3"
    assert (rows[0]["range_start"], rows[0]["anchor_kind"], rows[0]["rule"]) == (None, "dct", "weekday")


def test_it_refuses_a_malformed_dct(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("today", encoding="utf-8")
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        run("timex", "--dct", "28/02/2025", str(article))


def test_it_scores_ours_and_the_baseline(tmp_path: Path) -> None:
    folder = tmp_path / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_Test.xml").write_text(XML, encoding="utf-8")
    out = run("evaluate_timex", str(tmp_path), "--errors", "5")
    assert "ours (1 documents)" in out
    assert "dateparser.search_dates (1 documents)" in out
    overall = next(line for line in out.splitlines() if line.startswith("overall"))
    assert overall.split()[1:3] == ["3", "3"]


def test_it_refuses_a_missing_corpus(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="not a folder"):
        run("evaluate_timex", str(tmp_path / "absent"))
