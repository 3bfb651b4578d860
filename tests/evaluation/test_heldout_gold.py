"""Integrity of the held-out sets written for this app (tests/data/heldout_desk, heldout_beat, heldout_atlas,
heldout_compass, heldout_delta, heldout_echo, heldout_grove): their gold must stay usable as a measure.

These checks read the files only; nothing here runs ingest, extraction or evaluation on a set, whose gold was
written before the app was run on it.
"""

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import shared_path
from tests.paths import DATA
from timeline.models import EventType

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# each set: its reports, the happenings they tell, the outlets per happening, the required events per happening
SETS = {
    "heldout_desk": {"reports": 16, "happenings": (6, 6), "outlets": 2, "required": (1, 6)},
    "heldout_beat": {"reports": 15, "happenings": (5, 6), "outlets": 2, "required": (3, 10)},
    "heldout_atlas": {"reports": 15, "happenings": (5, 5), "outlets": 3, "required": (4, 6)},
    "heldout_compass": {"reports": 15, "happenings": (5, 5), "outlets": 3, "required": (4, 6)},
    "heldout_delta": {"reports": 15, "happenings": (5, 5), "outlets": 3, "required": (4, 6)},
    "heldout_echo": {"reports": 20, "happenings": (5, 5), "outlets": 4, "required": (4, 6)},
    "heldout_grove": {"reports": 16, "happenings": (4, 4), "outlets": 4, "required": (7, 7)},
}


@pytest.fixture(scope="module", params=sorted(SETS))
def folder(request) -> Path:
    return DATA / request.param


@pytest.fixture(scope="module")
def gold(folder) -> dict:
    return json.loads((folder / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def articles(folder) -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in sorted((folder / "articles").glob("*.json"))}


def _span(value: str) -> tuple[dt.date, dt.date]:
    first, _, last = value.partition("/")
    start = dt.date.fromisoformat(first)
    end = dt.date.fromisoformat(last) if last else start
    assert start <= end, value
    return start, end


def test_the_gold_lists_exactly_the_article_files_with_their_metadata(folder, gold, articles) -> None:
    assert len(articles) == SETS[folder.name]["reports"]
    assert set(gold["articles"]) == set(articles)
    for name, article in articles.items():
        assert 1500 <= len(article["text"]) <= 3000, name
        for key in ("title", "url", "publisher", "published"):
            assert gold["articles"][name][key] == article[key], (name, key)
        dt.date.fromisoformat(article["published"][:10])


def test_every_quote_is_an_exact_substring_of_its_article(gold, articles) -> None:
    quotes = [(name, q) for event in gold["events"] for name, qs in event["mentions"].items() for q in qs]
    quotes += [(name, q) for name, qs in gold["negatives"]["quotes"].items() for q in qs]
    missing = [(name, q) for name, q in quotes if q not in articles.get(name, {}).get("text", "")]
    assert not missing
    assert len(quotes) > 200


def test_every_event_has_valid_labels_a_date_and_a_mention(gold, articles) -> None:
    keys = [event["key"] for event in gold["events"]]
    assert len(keys) == len(set(keys))
    for event in gold["events"]:
        assert event["tier"] in {"required", "optional"}, event["key"]
        assert event["type"] in EventType.values, event["key"]
        assert event["precision"] in {"day", "week", "month", "year"}, event["key"]
        start, end = _span(event["date"])
        if event["precision"] == "day":
            assert (end - start).days <= 1, event["key"]
        assert event["happening"] and event["actors"] and event["summary"], event["key"]
        assert any(event["mentions"].values()), event["key"]
        if event["tier"] == "required":
            latest = max(dt.date.fromisoformat(articles[name]["published"][:10]) for name in event["mentions"])
            assert start <= latest, event["key"]
    for pair in gold["distractor_pairs"]:
        assert len(pair["events"]) >= 2 and set(pair["events"]) <= set(keys), pair["kind"]


def test_weekday_readings_in_the_notes_agree_with_the_calendar(gold) -> None:
    days = "|".join(WEEKDAYS)
    checked = 0
    for event in gold["events"]:
        start, end = _span(event["date"])
        for m in re.finditer(
            rf"'([^']*)' in an article of (?:(?:{days}) )?(\S+) = (?:(?:{days}) )?(\d{{4}}-\d{{2}}-\d{{2}})",
            event.get("note", ""),
        ):
            cue, resolved = m.group(1), dt.date.fromisoformat(m.group(3))
            assert start <= resolved <= end, (event["key"], m.group(0))
            named = re.findall(rf"\b({days})\b", cue)
            if named:
                assert WEEKDAYS[resolved.weekday()] == named[-1], (event["key"], m.group(0))
            checked += 1
        for m in re.finditer(rf"\b({days}) (\d{{4}}-\d{{2}}-\d{{2}})", event.get("note", "")):
            assert WEEKDAYS[dt.date.fromisoformat(m.group(2)).weekday()] == m.group(1), (event["key"], m.group(0))
    assert checked >= 30


def test_the_news_dev_validator_accepts_the_gold(folder, tmp_path) -> None:
    """The development set's validator (../shared) reads the files beside it: run it on this set's files."""
    validator = shared_path("data", "news_dev", "validate_gold.py")
    shutil.copy(validator, tmp_path / "validate_gold.py")
    (tmp_path / "articles").symlink_to(folder / "articles")
    (tmp_path / "gold.json").symlink_to(folder / "gold.json")
    run = subprocess.run(
        [sys.executable, str(tmp_path / "validate_gold.py")], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.strip().endswith("OK"), run.stdout


def test_every_happening_is_told_by_several_outlets_and_has_required_events(folder, gold) -> None:
    shape = SETS[folder.name]
    outlets: dict[str, set[str]] = {}
    required: dict[str, int] = {}
    for event in gold["events"]:
        for name in event["mentions"]:
            outlets.setdefault(event["happening"], set()).add(gold["articles"][name]["publisher"])
        required[event["happening"]] = required.get(event["happening"], 0) + (event["tier"] == "required")
    low, high = shape["happenings"]
    assert low <= len([h for h in outlets if required.get(h)]) <= high
    for happening, names in outlets.items():
        if required.get(happening):
            assert len(names) >= shape["outlets"], happening
            assert shape["required"][0] <= required[happening] <= shape["required"][1], happening


def test_negatives_never_overlap_a_mention_and_look_alikes_are_listed(gold) -> None:
    """A negative must not contain (or sit inside) a quote of an event of the same article; every happening has
    near-in-time look-alikes listed as distractor pairs."""
    for name, negatives in gold["negatives"]["quotes"].items():
        mentions = [q.lower() for event in gold["events"] for q in event["mentions"].get(name, [])]
        for negative in negatives:
            assert not any(m in negative.lower() or negative.lower() in m for m in mentions), (name, negative)
    happening = {event["key"]: event["happening"] for event in gold["events"]}
    paired = {happening[key] for pair in gold["distractor_pairs"] for key in pair["events"]}
    assert paired == set(happening.values())
    assert len(gold["distractor_pairs"]) >= 8
