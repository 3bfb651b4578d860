"""Passages: the sentences of the cleaned text, with character offsets and the paragraph they sit in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from timeline.extraction.lexicon.calendar_words import MONTH_ABBREVIATIONS

# Words that end with a full stop without ending the sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "rep", "sen", "gov", "pres", "st",
    "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "est", "approx", "fig", "vol", "rev", "hon",
    "wyo", "calif", "mass", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", *MONTH_ABBREVIATIONS,
}  # fmt: skip

# A sentence ends at . ! ? (or an ellipsis), possibly followed by closing quotes/brackets, then space
# and something that can open a sentence.
_BOUNDARY = re.compile(r"(?:[.!?]|…)[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_LAST_WORD = re.compile(r"([A-Za-z.]+)\.$")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")


@dataclass(frozen=True)
class Passage:
    index: int
    paragraph: int
    start: int
    end: int
    text: str


def _ends_with_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` closes an abbreviation or an initial rather than a sentence."""
    m = _LAST_WORD.search(text[max(0, dot - 12) : dot + 1])
    if not m:
        return False
    word = m.group(1).lower()
    if word in _ABBREVIATIONS:
        return True
    return len(word) == 1 and word.isalpha() and text[dot - 1].isupper()  # an initial: "John F. Kennedy"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans (start, end) within text[start:end], trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        stop = m.end()
        if text[m.start()] == "." and _ends_with_abbreviation(text, m.start()):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def segment(text: str) -> list[Passage]:
    """Split cleaned text into sentences; a paragraph is a block of lines between blank lines."""
    passages: list[Passage] = []
    for p_index, para in enumerate(_PARAGRAPH.finditer(text)):
        for s, e in split_sentences(text, para.start(), para.end()):
            passages.append(Passage(index=len(passages), paragraph=p_index, start=s, end=e, text=text[s:e]))
    return passages
