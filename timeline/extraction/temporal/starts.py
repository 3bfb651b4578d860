"""Where a grammar rule's match can begin, read off its regular expression.

Most rules open with a word boundary (or a look-behind that forbids a letter before) and then a letter or a
digit: they can only match where a word starts. For those the tagger tries the pattern at the word starts near
a trigger word only, instead of letting `search` try every character up to the end of its window.

`starts_at_words(pattern)` proves this from the parsed pattern; when it cannot (a match may begin with a
space, a sign, or nothing at all) it says False and the rule is searched as before.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern, as the re module itself builds it
from re import _parser

# One way a (part of a) pattern can begin: (a look-behind forbids a word character before, a word boundary
# comes first, what the first consumed character is: "word", "other" or None when nothing is consumed yet).
_Start = tuple[bool, bool, str | None]
_EMPTY: frozenset[_Start] = frozenset({(False, False, None)})
_WORD = re.compile(r"\w")
_MAX_RANGE = 4096


def starts_at_words(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` begins with a word character that follows a non-word one (or the start)."""
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return False
    starts = _sequence(list(parsed.data))
    return all(first == "word" and (guard or boundary) for guard, boundary, first in starts)


def _sequence(items: list) -> frozenset[_Start]:
    states: set[_Start] = set(_EMPTY)
    for op, av in items:
        pending = {s for s in states if s[2] is None}
        if not pending:
            break
        states -= pending
        for guard, boundary, _ in pending:
            for g, b, first in _item(op, av):
                states.add((guard or g, boundary or b, first))
    return frozenset(states)


def _item(op: object, av: object) -> frozenset[_Start]:  # noqa: C901, PLR0911 - one case per kind of node
    if op is sre.LITERAL:
        return frozenset({(False, False, _kind(chr(av)))})
    if op is sre.IN:
        return frozenset({(False, False, "word" if _set_is_word(av) else "other")})
    if op is sre.AT:
        if av is sre.AT_BOUNDARY:
            return frozenset({(False, True, None)})
        if av in (sre.AT_BEGINNING_STRING, sre.AT_BEGINNING):
            return frozenset({(True, False, None)})
        return _EMPTY
    if op in (sre.ASSERT, sre.ASSERT_NOT):
        direction, sub = av
        if direction < 0 and _behind_is_not_word(op is sre.ASSERT_NOT, list(sub.data if hasattr(sub, "data") else sub)):
            return frozenset({(True, False, None)})
        return _EMPTY
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        return frozenset().union(*(_sequence(list(alt)) for alt in av[1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _high, sub = av
        once = _sequence(list(sub))
        twice = frozenset(
            (g1 or g2, b1 or b2, f2) for g1, b1, f1 in once if f1 is None for g2, b2, f2 in once
        ) | frozenset(s for s in once if s[2] is not None)
        return twice | _EMPTY if low == 0 else twice
    return frozenset({(False, False, "other")})  # a back-reference or anything else: no claim


def _kind(char: str) -> str:
    return "word" if _WORD.match(char) else "other"


def _set_is_word(members: list) -> bool:
    for op, av in members:
        if op is sre.NEGATE:
            return False
        if op is sre.LITERAL and _kind(chr(av)) == "word":
            continue
        if op is sre.RANGE:
            low, high = av
            if high - low <= _MAX_RANGE and all(_kind(chr(c)) == "word" for c in range(low, high + 1)):
                continue
            return False
        if op is sre.CATEGORY and av in (sre.CATEGORY_WORD, sre.CATEGORY_DIGIT, sre.CATEGORY_UNI_WORD):
            continue
        return False
    return True


def _behind_is_not_word(negative: bool, items: list) -> bool:
    """Whether a look-behind guarantees that the character before the match is not a word character."""
    if negative:  # (?<![\w...]): a single set holding every word character
        return (
            len(items) == 1
            and items[0][0] is sre.IN
            and any(op is sre.CATEGORY and av in (sre.CATEGORY_WORD, sre.CATEGORY_UNI_WORD) for op, av in items[0][1])
            and not any(op is sre.NEGATE for op, _ in items[0][1])
        )
    if len(items) == 1 and items[0][0] is sre.BRANCH:  # (?<=mid-|end-): every alternative ends in a non-word one
        return all(_behind_is_not_word(False, list(alt)) for alt in items[0][1][1])
    return bool(items) and items[-1][0] is sre.LITERAL and _kind(chr(items[-1][1])) == "other"
