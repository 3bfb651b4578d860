"""The needle test before a pattern: the words a match cannot do without, and answers equal to the pattern's."""

from __future__ import annotations

import importlib
import random
import re

import pytest

from tests.paths import DEMO
from timeline.extraction.prefilter import Guarded, first_character_test, guard_patterns, guarded, needles

_I = re.IGNORECASE
GUARDED_MODULES = [
    "timeline.extraction.cluster",
    "timeline.extraction.clean.furniture",
    "timeline.extraction.clean.lines",
    "timeline.extraction.events.clauses",
    "timeline.extraction.events.dating",
    "timeline.extraction.events.detection",
    "timeline.extraction.events.headline_check",
    "timeline.extraction.events.headlines",
    "timeline.extraction.events.modality",
    "timeline.extraction.events.title_choice",
]


def test_needles_are_the_words_every_match_holds() -> None:
    assert needles(re.compile(r"\bsanctions?\b.{0,60}\b(?:imposed|lifted)\b", _I)) == {"sanction"}
    assert needles(re.compile(r"\b(?:warn(?:ed|s)?|vow(?:ed|s)?|denounc(?:ed|ing))\b", _I)) == {
        "warn",
        "vow",
        "denounc",
    }
    assert needles(re.compile(r"(?:re)?deploy(?:ed|s)?")) == {"deploy"}
    assert needles(re.compile(r"\b(?:Election|POLLS)\b")) == {"election", "polls"}  # case is ignored on both sides
    assert needles(re.compile(r"\bsaid\b|[\"“][^\"”]*[\"”]")) == {"said", '"', "“"}  # a quotation: its marks
    assert needles(re.compile(r"\bsaid\b|,\s+\w+")) is None  # a comma is in nearly every sentence
    assert needles(re.compile(r"\w+ed\b")) is None
    assert needles(re.compile(r"\b(?:a|an|of)\b")) is None  # too short to be worth a test
    assert needles(re.compile(r"(?:attack)?")) is None  # the empty match holds nothing


def test_a_pattern_without_needles_is_left_as_it_is() -> None:
    plain = re.compile(r"\w+ed\b")
    assert guarded(plain) is plain
    assert isinstance(guarded(re.compile(r"\bsanctions\b", _I)), Guarded)


def test_a_guarded_pattern_answers_as_the_pattern() -> None:
    pattern = re.compile(r"\b(?P<verb>impos\w*|lift\w*)\b.{0,30}\bsanctions\b", _I)
    guard = guarded(pattern)
    long_text = "Talks resumed in Geneva. " * 120  # past the length up to which texts are read once for all patterns
    texts = ["The EU IMPOSED new Sanctions on Monday.", "Talks resumed in Geneva.", "", "sanctions", "imposed"]
    for text in [*texts, long_text, long_text + texts[0], texts[0] + long_text]:
        assert _same(guard.search(text), pattern.search(text))
        assert _same(guard.match(text), pattern.match(text))
        assert _same(guard.fullmatch(text), pattern.fullmatch(text))
        assert [m.span() for m in guard.finditer(text)] == [m.span() for m in pattern.finditer(text)]
        assert guard.findall(text) == pattern.findall(text)
        assert guard.sub("X", text) == pattern.sub("X", text)
        assert guard.subn("X", text, 1) == pattern.subn("X", text, 1)
        assert guard.split(text) == pattern.split(text)
        assert _same(guard.search(text, 4), pattern.search(text, 4))
    assert guard.pattern == pattern.pattern and guard.groupindex == pattern.groupindex


def test_letters_that_str_lower_does_not_fold_turn_the_test_off() -> None:
    # a case-insensitive pattern matches the long s, the dotted and the dotless i to s and i
    for text in ["new \u017fanctions", "new SANCT\u0130ONS", "new sanct\u0131ons", "x " * 1500 + "\u017fanctions"]:
        pattern = re.compile(r"\bsanctions\b", _I)
        assert pattern.search(text) is not None
        assert _same(guarded(pattern).search(text), pattern.search(text))
    kelvin = re.compile(r"\bkilled\b", _I)
    assert _same(guarded(kelvin).search("\u212aILLED"), kelvin.search("\u212aILLED"))


def test_guard_patterns_replaces_the_compiled_patterns_of_a_namespace() -> None:
    rules = [("sanctions", re.compile(r"\bsanctions\b")), ("words", re.compile(r"\w+"))]
    space = {
        "A": re.compile(r"\bsanctions\b"),
        "B": re.compile(r"\w+"),
        "C": "sanctions",
        "D": re.compile(r"\bsanctions\b"),
        "RULES": rules,
    }
    guard_patterns(space, keep=("D",))
    assert isinstance(space["A"], Guarded) and isinstance(space["B"], re.Pattern) and space["C"] == "sanctions"
    assert isinstance(space["D"], re.Pattern)  # kept as it is: compared by identity
    assert space["RULES"] is rules and isinstance(rules[0][1], Guarded) and isinstance(rules[1][1], re.Pattern)
    assert rules[0][0] == "sanctions"


def _module_patterns() -> list[tuple[str, Guarded]]:
    found = []
    for name in GUARDED_MODULES:
        module = importlib.import_module(name)
        for k, v in vars(module).items():
            if isinstance(v, Guarded):
                found.append((f"{name}.{k}", v))
            elif isinstance(v, list):  # a list of rules: (reason, pattern)
                items = [x for item in v if isinstance(item, tuple) for x in item]
                found += [(f"{name}.{k}[{i}]", x) for i, x in enumerate(items) if isinstance(x, Guarded)]
    return found


def _texts() -> list[str]:
    """Sentences of the demo corpus, their lower- and upper-cased forms, and pieces cut from them at random."""
    raw = " ".join(p.read_text(encoding="utf-8") for p in sorted(DEMO.glob("*.json")))
    if not raw:
        pytest.skip("the demo corpus (demo/*.json) is absent")
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\\n", raw) if s.strip()][:1500]
    rng = random.Random(7)
    pieces = []
    for _ in range(500):
        s = rng.choice(sentences)
        a = rng.randrange(len(s))
        pieces.append(s[a : a + rng.randint(1, 80)])
    return sentences + [s.upper() for s in sentences[:300]] + [s.lower() for s in sentences[:300]] + pieces


@pytest.mark.parametrize(("name", "guard"), _module_patterns())
def test_every_guarded_rule_answers_as_its_pattern_on_the_demo_corpus(name: str, guard: Guarded) -> None:
    pattern = guard.pattern_object
    for text in _texts():
        assert _same(guard.search(text), pattern.search(text)), (name, text)
        assert guard.sub("\x00", text) == pattern.sub("\x00", text), (name, text)


def _same(a: re.Match[str] | None, b: re.Match[str] | None) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span())


def test_the_starts_of_a_long_text_answer_as_the_pattern() -> None:
    # a long sentence cut before each of its expressions in turn: answered from where a needle first ends
    pattern = re.compile(r"\b(?:hours|days)\s+(?:after|before)\s+[^,;]*$", _I)
    guard = guarded(pattern)
    text = "troops moved on Monday and " * 100 + "two days after the vote they left " + "on Friday and " * 100
    assert len(text) > 2000
    guard.search(text)  # the whole text is read first, as the pipeline reads a passage before its pieces
    for cut in [0, 50, 2699, 2700, 2708, 2709, 2715, 2750, 3000, len(text) - 1]:
        assert _same(guard.search(text[:cut]), pattern.search(text[:cut])), cut


def test_rules_listing_many_verbs_are_guarded() -> None:
    # the speech acts and the other happenings list some fifty to seventy verbs: testing those words first costs
    # a fraction of the pattern tried at every word of a sentence that holds none of them
    from timeline.extraction.events import clauses, detection

    for pattern in (detection._STRONG_SPEECH, detection._OTHER_ACT, clauses._SPEECH):
        assert isinstance(pattern, Guarded)


def test_a_first_character_test_leads_a_pattern_tried_at_every_position() -> None:
    quick = first_character_test(re.compile(r"\b(?:warn(?:ed|s)?|(?-i:may)|vow)\b", _I))
    assert quick.pattern == r"(?=[\U00000077\U0000006d\U00000076])(?:\b(?:warn(?:ed|s)?|(?-i:may)|vow)\b)"
    assert quick.flags == re.compile("", _I).flags
    for kept in [
        r"sanctions\b",  # the re module skips ahead to its first letters itself
        r"^(?:warned|vowed)",  # tried where the text begins only
        r"\b(?:warned)?",  # may match the empty string
        r"\b(?:.|x)y",  # may start with any character
        r"\b(?i:warned)",  # a scoped flag changes what its first letter matches
        r"[^,]+,",  # a negated set
        r"(?i)\bwarned",  # flags given in the pattern
        r"\w+ed\b",  # its first step tests one character anyway
    ]:
        pattern = re.compile(kept)
        assert first_character_test(pattern) is pattern, kept
    verbose = first_character_test(re.compile(r"\bwarned  # a comment to the end of the line", re.VERBOSE))
    assert verbose.search("they warned") is not None


def test_a_first_character_test_answers_as_the_pattern() -> None:
    texts = [*_texts()[:400], "\u212aILLED", "new \u017fanctions", "SANCT\u0130ONS", "", "x"]
    for source in [
        r"\b(?P<verb>warn(?:ed|s)?|vow(?:ed|s)?|killed)\b\s*(\w+)?",
        r"(?<!\bno)\s+(?:after|before)\s+\w+",
        r"\s*[“\"][^”\"]+[”\"]",
        r"(?:\d+|two|three)\s+(?:missiles|rockets)",
    ]:
        for flags in (0, _I):
            pattern = re.compile(source, flags)
            quick = first_character_test(pattern)
            assert quick is not pattern and quick.groupindex == pattern.groupindex
            for text in texts:
                assert [(m.span(), m.groups()) for m in quick.finditer(text)] == [
                    (m.span(), m.groups()) for m in pattern.finditer(text)
                ], (source, text)
                assert _same(quick.match(text), pattern.match(text))


def _led(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """The rule as its module wrote it, when guard_patterns led it with a first-character test."""
    source = pattern.pattern
    if not source.startswith("(?=["):
        return None
    inner = source[source.index("])(?:") + 5 : -2 if pattern.flags & re.VERBOSE else -1]
    return re.compile(inner, pattern.flags)


@pytest.mark.parametrize(("name", "guard"), _module_patterns())
def test_every_rule_led_by_a_first_character_test_answers_as_written(name: str, guard: Guarded) -> None:
    quick = guard.pattern_object
    written = _led(quick)
    if written is None:
        return
    assert first_character_test(written).pattern == quick.pattern
    for text in _texts():
        assert _same(quick.search(text), written.search(text)), (name, text)
        assert quick.sub("\x00", text) == written.sub("\x00", text), (name, text)
