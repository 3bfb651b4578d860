"""A cheap test before a costly regular expression: the words a match cannot do without.

Most rules of the pipeline are regular expressions tried on every sentence of every article, and most
sentences hold none of their trigger words: "sanctions" is absent from nearly all of them, and so is every
alternative of the attack, meeting or agreement verbs. `needles(pattern)` reads, from the parsed pattern, a
small set of lower-case strings of which every match holds at least one (for `\\bsanctions?\\b.{0,60}` that is
"sanction", for a quotation its opening marks); `guarded(pattern)` returns an object used like the pattern
whose `search`, `match`, `finditer` ... first look for those strings in the lower-cased text
(`str.__contains__`, much cheaper than the regular expression engine trying every position) and answer "no
match" at once when none is there.

The answers are those of the pattern itself: a needle is only ever a necessary condition. Case is ignored on
both sides, which only widens the test; the three letters that a case-insensitive pattern matches to an ASCII
letter but that `str.lower` leaves apart (dotted and dotless i, long s) turn the test off for a text holding
them. A pattern whose every match need not hold some string of three letters or more (or a quotation mark or a
bracket) is returned as it is.

`guard_patterns(namespace)` guards every compiled pattern among a module's globals, so that a rule module
calls it once, after its patterns are defined, and a pattern added later is guarded too. It also leads each
pattern with a look-ahead for the characters its matches can start with (`first_character_test`), which spares
the regular expression engine entering every alternative of a rule at positions where none can start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, MutableMapping
from re import _compiler, _parser
from re import _constants as sre  # the parsed form of a pattern, as the re module itself builds it
from typing import Any

MIN_NEEDLE = 3  # a needle shorter than this is in nearly every sentence: no use as a test
MAX_NEEDLES = 96  # more needles than this cost about what the pattern itself costs (a rule listing some seventy
# verbs, tried at every word of a sentence, costs several times seventy substring tests)
_MAX_EXACT = 64  # the most strings a part of a pattern may spell out before only what it requires is kept
_RARE = 6  # a needle this long is rare enough: beyond it, fewer needles count for more than longer ones
_MAX_SET = 8
_RARE_CHARS = frozenset(
    '"“”«»()[]{}'
)  # characters most sentences do without  # the largest character set spelt out letter by letter ([sz], ['’])
# letters a case-insensitive pattern matches to an ASCII letter that str.lower does not map onto it
_UNFOLDED = ("\u0130", "\u0131", "\u017f")

# What a part of a pattern tells: every string it can match (when few and known), and strings of which every
# match holds one (None: no such claim).
_Info = tuple[frozenset[str] | None, frozenset[str] | None]
_NOTHING: _Info = (frozenset({""}), None)
_UNKNOWN: _Info = (None, None)


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-case strings of which every match of `pattern` holds at least one, or None when there are none to
    use (too short, too many, or nothing the pattern requires)."""
    if not isinstance(pattern.pattern, str):
        return None
    try:
        parsed = _parser.parse(pattern.pattern, pattern.flags)
    except re.error:
        return None
    exact, required = _sequence(list(parsed.data))
    return _usable(_best([s for s in (exact, required) if s is not None]))


def _usable(strings: frozenset[str] | None) -> frozenset[str] | None:
    if not strings:
        return None
    reduced = _reduce(strings)
    if not all(_rare(s) for s in reduced) or len(reduced) > MAX_NEEDLES:
        return None
    return reduced


def _rare(needle: str) -> bool:
    """Whether a needle is absent from enough sentences to be worth a test: a word of three letters or more, or
    one holding a quotation mark or a bracket."""
    return len(needle) >= MIN_NEEDLE or any(c in _RARE_CHARS for c in needle)


def _reduce(strings: frozenset[str]) -> frozenset[str]:
    """Drop every string that holds another one of the set: where it occurs, the shorter one does too."""
    ordered = sorted(strings, key=len)
    kept: list[str] = []
    for s in ordered:
        if not any(k in s for k in kept):
            kept.append(s)
    return frozenset(kept)


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    """Of several sets that each hold a string of every match, the cheapest to test that still says something."""
    scored = []
    for c in candidates:
        if not c or "" in c:
            continue
        reduced = _reduce(c)
        shortest = min(max(len(s), MIN_NEEDLE) if _rare(s) else len(s) for s in reduced)
        # usable first, then needles long enough to be rare, then as few of them as may be
        usable = all(_rare(s) for s in reduced) and len(reduced) <= MAX_NEEDLES
        scored.append((not usable, -min(shortest, _RARE), len(reduced), -shortest, sorted(reduced)))
    if not scored:
        return None
    return frozenset(min(scored)[-1])


def _sequence(items: list) -> _Info:
    """A run of parts matched one after the other: the strings it spells out, and the best required set."""
    run: frozenset[str] = frozenset({""})
    spelt = True  # every part so far spells out its strings
    candidates: list[frozenset[str]] = []
    for op, av in items:
        exact, required = _item(op, av)
        if required is not None:
            candidates.append(required)  # may be fewer needles than the strings spelt out
        if exact is not None:
            joined = len(run) * len(exact)
            if len(exact) > 1:
                candidates.append(run)  # "denounc" before (?:ed|es): one needle where two would follow
            if joined <= _MAX_EXACT:
                run = frozenset(a + b for a in run for b in exact)
                continue
            candidates.append(run)
            run = exact
            spelt = False
            continue
        spelt = False
        candidates.append(run)
        run = frozenset({""})
    candidates.append(run)
    return (run if spelt else None), _best(candidates)


def _item(op: object, av: Any) -> _Info:  # noqa: C901, PLR0911 - one case per kind of node
    if op is sre.LITERAL:
        return (frozenset({chr(av).lower()}), None) if _plain(chr(av)) else _UNKNOWN
    if op is sre.IN:
        return _char_set(av), None
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _NOTHING  # consumes nothing: the parts around it stay side by side
    if op is sre.SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av))
    if op is sre.BRANCH:
        return _branch([_sequence(list(alt)) for alt in av[1]])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        exact, required = _sequence(list(sub))
        if low == 0:
            if high == 1 and exact is not None:
                return exact | {""}, None
            return _UNKNOWN
        if low == high == 1:
            return exact, required
        return None, _best([s for s in (exact, required) if s is not None])
    return _UNKNOWN  # any character, a category, a back-reference: nothing known


def _char_set(members: list) -> frozenset[str] | None:
    chars = set()
    for op, av in members:
        if op is not sre.LITERAL or not _plain(chr(av)):
            return None
        chars.add(chr(av).lower())
    return frozenset(chars) if len(chars) <= _MAX_SET else None


def _plain(char: str) -> bool:
    """Whether str.lower finds every character a case-insensitive pattern matches to this one: an ASCII one
    (the three letters it would miss turn the test off, see Guarded), or one without case at all (’, “, —)."""
    return char.isascii() or char.lower() == char == char.upper()


def _branch(alternatives: list[_Info]) -> _Info:
    exact: frozenset[str] | None = frozenset()
    required: frozenset[str] | None = frozenset()
    for alt_exact, alt_required in alternatives:
        if exact is not None and alt_exact is not None and len(exact) + len(alt_exact) <= _MAX_EXACT:
            exact = exact | alt_exact
        else:
            exact = None
        own = _best([s for s in (alt_exact, alt_required) if s is not None])
        required = None if own is None or required is None else required | own
    return exact, required


# the last texts lower-cased (None: not to be trusted), shared by every guarded pattern; a long text (a whole
# article) is kept alone, as the last one read
_SHARED_MAX = 2000
_SHARED_SIZE = 64
_lowered: dict[str, str | None] = {}
_last_long: list[Any] = [None, None]
_UNREAD = object()


def _lower(string: str) -> str | None:
    """The text lower-cased, or None when it holds a letter that makes the needle test untrustworthy."""
    if string.isascii() or not any(c in string for c in _UNFOLDED):
        return string.lower()
    return None


class Guarded:
    """A compiled pattern behind a test for its needles; used as the pattern is (search, match, finditer ...)."""

    __slots__ = ("pattern_object", "needles", "_long", "_long_end")

    def __init__(self, pattern: re.Pattern[str], found: frozenset[str]) -> None:
        self.pattern_object = pattern
        self.needles = tuple(sorted(found, key=lambda s: (-len(s), s)))
        self._long: str | None = None  # the last long text whose pieces were tested, and where a needle first ends
        self._long_end = 0

    def _absent(self, string: str) -> bool:
        """Whether no needle is in `string`, so that the pattern cannot match it."""
        if len(string) <= _SHARED_MAX:  # a sentence is tried against dozens of patterns: lower-cased once for all
            low = _lowered.get(string, _UNREAD)
            if low is _UNREAD:
                if len(_lowered) >= _SHARED_SIZE:
                    _lowered.clear()
                low = _lowered[string] = _lower(string)
        elif string is _last_long[0]:
            low = _last_long[1]
        elif _last_long[1] is not None and len(string) < len(_last_long[0]) and _last_long[0].startswith(string):
            # the start of the last long text, cut before each of its expressions in turn: answered from where a
            # needle first ends in that text, without lower-casing the piece again
            return self._first_end(_last_long[0], _last_long[1]) > len(string)
        else:
            low = _lower(string)
            _last_long[:] = string, low
        if low is None:
            return False
        for n in self.needles:
            if n in low:
                return False
        return True

    def _first_end(self, text: str, low: str) -> int:
        """Where the first needle to end in `text` (lower-cased: `low`) ends; past its end when none is there."""
        if self._long is not text:
            found = [at + len(n) for n in self.needles for at in (low.find(n),) if at >= 0]
            self._long, self._long_end = text, min(found, default=len(text) + 1)
        return self._long_end

    def search(self, string: str, *args: Any) -> re.Match[str] | None:
        # the most frequent call: a known short sentence is tested here without a further call
        if not args:
            low = _lowered.get(string, _UNREAD) if len(string) <= _SHARED_MAX else _UNREAD
            if low is _UNREAD:
                if self._absent(string):
                    return None
            elif low is not None:
                for n in self.needles:
                    if n in low:
                        break
                else:
                    return None
        return self.pattern_object.search(string, *args)

    def match(self, string: str, *args: Any) -> re.Match[str] | None:
        if not args and self._absent(string):
            return None
        return self.pattern_object.match(string, *args)

    def fullmatch(self, string: str, *args: Any) -> re.Match[str] | None:
        if not args and self._absent(string):
            return None
        return self.pattern_object.fullmatch(string, *args)

    def finditer(self, string: str, *args: Any) -> Iterator[re.Match[str]]:
        if not args and self._absent(string):
            return iter(())
        return self.pattern_object.finditer(string, *args)

    def findall(self, string: str, *args: Any) -> list[Any]:
        if not args and self._absent(string):
            return []
        return self.pattern_object.findall(string, *args)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        if self._absent(string):
            return string
        return self.pattern_object.sub(repl, string, count)

    def subn(self, repl: Any, string: str, count: int = 0) -> tuple[str, int]:
        if self._absent(string):
            return string, 0
        return self.pattern_object.subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list[Any]:
        if self._absent(string):
            return [string]
        return self.pattern_object.split(string, maxsplit)

    def __getattr__(self, name: str) -> Any:  # pattern, flags, groups, groupindex
        return getattr(self.pattern_object, name)

    def __repr__(self) -> str:
        return f"guarded({self.pattern_object!r})"


def guarded(pattern: re.Pattern[str]) -> re.Pattern[str] | Guarded:
    """The pattern behind a test for its needles, or the pattern itself when it has none worth testing."""
    found = needles(pattern)
    return Guarded(pattern, found) if found else pattern


def _quick_guarded(pattern: re.Pattern[str]) -> re.Pattern[str] | Guarded:
    """guarded(), the pattern first testing the character a match starts with (first_character_test)."""
    found = needles(pattern)
    quick = first_character_test(pattern)
    return Guarded(quick, found) if found else quick


# How a category of characters is spelt inside a character set.
_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}
_CHARACTER_FLAGS = re.IGNORECASE | re.LOCALE | re.ASCII | re.UNICODE  # the flags that change what a set matches
_INLINE_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")


def first_character_test(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same pattern, led by a look-ahead for the characters a match can start with, when the re module
    has no such test of its own.

    A case-insensitive pattern that starts with a word boundary (most rules: `\\b(?:warned|vowed|...)`) is
    tried at every position of the text, and at each one every alternative is entered before it fails; the
    re module only skips ahead by a first character when it is a letter matched with its case. The look-ahead
    `(?=[vw...])` turns most positions away with one test. It only states what every match already starts with,
    so the matches, their groups and their spans are those of the pattern itself. Returned unchanged: a pattern
    that may match the empty string, that may start with any character or a character it does not spell out,
    that scopes case or alphabet flags where it starts, that the re module already searches by its first
    characters, or whose first step tests one character anyway (`\\w+ed`)."""
    source = pattern.pattern
    if not isinstance(source, str) or _INLINE_FLAGS.match(source):
        return pattern
    try:
        parsed = _parser.parse(source, pattern.flags)
        if _compiler._get_literal_prefix(parsed, pattern.flags)[0] or _compiler._get_charset_prefix(
            parsed, pattern.flags
        ):
            return pattern  # already searched by its first characters
    except (re.error, AttributeError, TypeError, ValueError):
        return pattern
    items = list(parsed.data)
    if items and items[0][0] is sre.AT and items[0][1] in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return pattern  # tried where the text (or a line) begins only
    if items and _one_character_first(*items[0]):
        return pattern  # its first step already tests one character and fails there as fast
    first, empty = _first_sequence(items)
    if first is None or empty or not first:
        return pattern
    spelt = []
    for op, av in first:
        if op is sre.LITERAL:
            spelt.append(f"\\U{av:08x}")
        elif op is sre.RANGE:
            spelt.append(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        else:
            spelt.append(_CATEGORIES[av])
    close = "\n)" if pattern.flags & re.VERBOSE else ")"  # a comment on the last line ends before the bracket
    try:
        quick = re.compile(f"(?=[{''.join(dict.fromkeys(spelt))}])(?:{source}{close}", pattern.flags)
    except re.error:
        return pattern
    if quick.groups != pattern.groups or quick.groupindex != pattern.groupindex or quick.flags != pattern.flags:
        return pattern
    return quick


def _one_character_first(op: object, av: Any) -> bool:
    """Whether a pattern's first part is one character of a set, or a run of at least one of them (`\\w+`)."""
    if op in (sre.LITERAL, sre.IN):
        return True
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        sub = list(av[2])
        return av[0] >= 1 and len(sub) == 1 and sub[0][0] in (sre.LITERAL, sre.IN)
    return False


# The characters a part of a pattern can start a match with (set members as the parser gives them; None: any
# character, or one not spelt out), and whether the part can match the empty string.
_First = tuple[list[tuple[Any, Any]] | None, bool]


def _first_sequence(items: list) -> _First:
    found: list[tuple[Any, Any]] = []
    for op, av in items:
        first, empty = _first_item(op, av)
        if first is None:
            return None, False
        found += first
        if not empty:
            return found, False
    return found, True


def _first_item(op: object, av: Any) -> _First:  # noqa: PLR0911 - one case per kind of node
    if op is sre.LITERAL:
        return [(op, av)], False
    if op is sre.IN:
        if any(o not in (sre.LITERAL, sre.RANGE) and not (o is sre.CATEGORY and a in _CATEGORIES) for o, a in av):
            return None, False  # a negated set, or a category not spelt out here
        return list(av), False
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return [], True  # consumes nothing: the first character comes after it
    if op is sre.SUBPATTERN:
        _, added, removed, sub = av
        # a scoped flag that widens or changes what a character matches: the set would be read otherwise; a
        # case-sensitive part read case-insensitively only widens the test
        if added & _CHARACTER_FLAGS or removed & (_CHARACTER_FLAGS & ~re.IGNORECASE):
            return None, False
        return _first_sequence(list(sub))
    if op is sre.ATOMIC_GROUP:
        return _first_sequence(list(av))
    if op is sre.BRANCH:
        found: list[tuple[Any, Any]] = []
        empty = False
        for alternative in av[1]:
            first, alt_empty = _first_sequence(list(alternative))
            if first is None:
                return None, False
            found += first
            empty = empty or alt_empty
        return found, empty
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, sub = av
        first, empty = _first_sequence(list(sub))
        return first, empty or low == 0
    return None, False  # any character, a back-reference, a conditional group


def guard_patterns(namespace: MutableMapping[str, Any], *, keep: tuple[str, ...] = ()) -> None:
    """Guard every compiled pattern among a module's globals, and those of its lists of rules (tuples holding a
    pattern, as (reason, pattern)); call it after the patterns are defined. Each also tests first the character
    its matches start with (first_character_test). The names in `keep` stay as they are (a pattern the module
    compares by identity, as `match.re is PATTERN`)."""
    for name, value in list(namespace.items()):
        if name in keep:
            continue
        if _is_text_pattern(value):
            namespace[name] = _quick_guarded(value)
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, tuple) and any(_is_text_pattern(x) for x in item):
                    value[i] = tuple(_quick_guarded(x) if _is_text_pattern(x) else x for x in item)


def _is_text_pattern(value: object) -> bool:
    return isinstance(value, re.Pattern) and isinstance(value.pattern, str)
