"""Who and where: a gazetteer of countries, leaders, organisations and places, with the names news uses for them.

The database holds the working copy (Actor, ActorAlias), seeded by data migrations from a frozen copy of this
table (timeline/migrations/gazetteer_seed.json, never edited: a later addition comes with a migration of its own);
the pipeline takes an alias table as a parameter and falls back to the built-in one.
An alias written with a leading "=" matches only with that exact capitalisation ("=US", "=the North").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

COUNTRY, PERSON, ORGANISATION, PLACE = "country", "person", "organisation", "place"

# (canonical name, kind, aliases): countries (their capitals and seats of government stand for the state in
# news copy), people, organisations, then places. The table is data: lexicon/gazetteer.json.
BUILTIN: list[tuple[str, str, list[str]]] = [
    (row["name"], row["kind"], row["aliases"])
    for row in json.loads((Path(__file__).parent / "lexicon" / "gazetteer.json").read_text(encoding="utf-8"))
]


@dataclass(frozen=True)
class AliasEntry:
    alias: str
    actor: str
    kind: str
    case_sensitive: bool = False


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    actor: str
    kind: str


def builtin_aliases() -> list[AliasEntry]:
    """The built-in table as alias entries (also what the data migration stores)."""
    entries = []
    for name, kind, aliases in BUILTIN:
        for alias in aliases:
            exact = alias.startswith("=")
            entries.append(AliasEntry(alias=alias.lstrip("="), actor=name, kind=kind, case_sensitive=exact))
    return entries


def _trie_pattern(words: set[str]) -> str:
    """One regular expression for many words, shaped as a trie so matching does not try each word in turn.

    Longer continuations come before the end of a word, so the longest alias wins.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch != ""]
        if not branches:
            return ""
        inner = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{inner})?"
        return inner

    return build(trie)


class Gazetteer:
    """Finds actors and places in text; longest alias wins, whole words only."""

    def __init__(self, entries: list[AliasEntry]) -> None:
        self.entries = list(entries)
        self._exact: dict[str, AliasEntry] = {}
        self._folded: dict[str, AliasEntry] = {}
        for e in self.entries:
            if e.case_sensitive:
                self._exact[e.alias] = e
            else:
                self._folded[e.alias.lower()] = e
        self.kinds = {e.actor: e.kind for e in self.entries}
        body = _trie_pattern({e.alias.lower() for e in self.entries}) or r"(?!x)x"
        self._pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)

    def find(self, text: str) -> list[Hit]:
        hits = []
        pos = 0
        while (m := self._pattern.search(text, pos)) is not None:
            pos = m.end()
            found = m.group(0)
            entry = self._exact.get(found) or self._folded.get(found.lower())
            if entry is None:
                continue
            if _OPENS_A_LONGER_NAME.match(text, m.end()) and _ARTICLE.match(found):
                # "the North Atlantic Alliance": the short form "the North" opens a longer name; look again
                # from the name itself
                pos = m.start() + _ARTICLE.match(found).end()
                continue
            hits.append(Hit(m.start(), m.end(), found, entry.actor, entry.kind))
        return hits


_ARTICLE = re.compile(r"[Tt]he\s+")
_OPENS_A_LONGER_NAME = re.compile(r"\s+[A-Z][a-z]")


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    return Gazetteer(builtin_aliases())


def gazetteer_from_rows(rows: list[tuple[str, str, str, bool]]) -> Gazetteer:
    """A gazetteer from (alias, actor name, kind, case_sensitive) rows, as read from the database."""
    return Gazetteer([AliasEntry(alias=a, actor=n, kind=k, case_sensitive=cs) for a, n, k, cs in rows])
