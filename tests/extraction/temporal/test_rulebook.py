"""The rules as data: every rule's own examples, and the reading of the resource files."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from timeline.extraction.temporal.rulebook import expand, fragments, load_rules
from timeline.extraction.temporal.tagger import RULES, tag


@pytest.mark.parametrize(
    ("rule", "example"),
    [pytest.param(rule, example, id=f"{rule.name}:{example.text[:40]}") for rule in RULES for example in rule.examples],
)
def test_it_finds_each_rule_example_with_its_value(rule, example) -> None:
    found = tag(example.text, date.fromisoformat(example.dct))
    got = [(t.text, t.value, t.rule) for t in found]
    assert (example.expression, example.value, rule.name) in got, got


def test_it_gives_every_rule_an_example() -> None:
    assert [rule.name for rule in RULES if not rule.examples] == []


def test_it_names_each_rule_once() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))


def test_it_expands_fragments_that_refer_to_other_fragments() -> None:
    table = {"YEAR": r"\d{4}", "SPAN": "%{YEAR}-%{YEAR}"}
    assert expand(r"\b%{SPAN}\b", table) == r"\b\d{4}-\d{4}\b"


def test_it_refuses_fragments_that_refer_to_each_other_in_a_loop() -> None:
    with pytest.raises(ValueError):
        expand("%{A}", {"A": "%{B}", "B": "%{A}"})


def test_it_leaves_no_reference_unexpanded_in_the_english_rules() -> None:
    table = fragments("en")
    assert all("%{" not in rule.pattern.pattern for rule in RULES)
    assert all("%{" not in expand(value, table) for value in table.values())


def test_it_reads_a_language_from_its_folder_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.extraction.temporal import rulebook

    folder = tmp_path / "xx"
    (folder / "rules").mkdir(parents=True)
    (folder / "patterns.toml").write_text("HEUTE = '''heute|today'''\n", encoding="utf-8")
    (folder / "rules" / "10_days.toml").write_text(
        "[[rule]]\nname = \"day-word\"\npattern = '''\\b(?P<word>%{HEUTE})\\b'''\nnormalise = \"day-word\"\n"
        'triggers = ["heute"]\nexamples = [["Heute", "2025-02-28", "Heute", "2025-02-28"]]\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(rulebook, "RESOURCES", tmp_path)
    [rule] = load_rules("xx")
    assert (rule.name, rule.triggers, rule.examples[0].value) == ("day-word", ("heute",), "2025-02-28")
    assert re.fullmatch(rule.pattern, "heute")
