"""The tagger's rules as data: read from resources/<language>/, one folder per language.

A language folder holds `patterns.toml` (named regular-expression fragments) and `rules/*.toml` (read in file
name order, which is the order rules are tried and break ties in). Each rule is one table:

    [[rule]]
    name = "weekday"                     # recorded on every expression it produces
    pattern = '''\\b(?P<day>%{WEEKDAY})\\b'''   # %{NAME}: a fragment of patterns.toml or of the lexicon
    normalise = "weekday"                # the normalisation that turns a match into a TIMEX3 value
    priority = 1                         # breaks ties between matches of the same length
    case_sensitive = false
    triggers = ["day"]                   # words one of which every match holds; %{NAME} names a word list
    reach = 10                           # how far before its trigger a match may start
    examples = [["Talks ended on Tuesday.", "2025-02-28", "Tuesday", "2025-02-25"]]

An example is a text, its publication date, the expression the rule finds and its value; the tests run them
all. The normalisations are the functions the rule modules list in their NORMALISERS, by name; a second
language reuses them with its own folder of patterns and rules.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import replace
from pathlib import Path

from timeline.extraction.temporal import lexicon
from timeline.extraction.temporal.grammar import Example, Handler, Rule, compile_rule
from timeline.extraction.temporal.rules import anchored, clock, days, extent, holidays, periods, relative

RESOURCES = Path(__file__).resolve().parent / "resources"
_REFERENCE = re.compile(r"%\{(\w+)\}")
_NORMALISER_MODULES = (days, periods, relative, anchored, holidays, clock, extent)


def normalisers() -> dict[str, Handler]:
    found: dict[str, Handler] = {}
    for module in _NORMALISER_MODULES:
        for name, handler in module.NORMALISERS.items():
            if name in found:
                raise ValueError(f"two normalisations named {name!r}")
            found[name] = handler
    return found


def fragments(language: str) -> dict[str, str]:
    """Every named fragment a rule may refer to: the lexicon's word lists and the language's patterns.toml."""
    table = dict(lexicon.PATTERN_WORDS)
    for module in _NORMALISER_MODULES:
        table.update(getattr(module, "PATTERN_WORDS", {}))
    with (RESOURCES / language / "patterns.toml").open("rb") as handle:
        table.update(tomllib.load(handle))
    return table


def expand(pattern: str, table: dict[str, str], depth: int = 0) -> str:
    """The pattern with each %{NAME} replaced by its fragment (fragments may refer to others)."""
    if depth > 8:
        raise ValueError(f"fragments refer to each other in a loop: {pattern[:60]!r}")
    if "%{" not in pattern:
        return pattern
    return _REFERENCE.sub(lambda m: expand(table[m.group(1)], table, depth + 1), pattern)


def _triggers(words: list[str]) -> tuple[str, ...]:
    found: list[str] = []
    for word in words:
        reference = _REFERENCE.fullmatch(word)
        found.extend(lexicon.TRIGGER_WORDS[reference.group(1)] if reference else [word])
    return tuple(found)


def load_rules(language: str = "en") -> list[Rule]:
    """The language's rules, compiled, in the order they are tried."""
    table = fragments(language)
    handlers = normalisers()
    rules: list[Rule] = []
    for path in sorted((RESOURCES / language / "rules").glob("*.toml")):
        with path.open("rb") as handle:
            entries = tomllib.load(handle).get("rule", [])
        for entry in entries:
            rule = compile_rule(
                entry["name"],
                expand(entry["pattern"], table),
                handlers[entry["normalise"]],
                priority=entry.get("priority", 0),
                flags=0 if entry.get("case_sensitive") else re.IGNORECASE,
            )
            examples = tuple(Example(*example) for example in entry.get("examples", []))
            rules.append(
                replace(
                    rule, triggers=_triggers(entry.get("triggers", [])), reach=entry.get("reach", 64), examples=examples
                )
            )
    return rules
