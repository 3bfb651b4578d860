"""Grammar rules for durations, sets, clock times and the vague references (now, recently, the future).

Durations and sets get no range: they say how long or how often, not when.
"""

from __future__ import annotations

import re

from timeline.extraction.temporal.grammar import (
    Context,
    Handler,
    Reading,
    Resolver,
    constant,
    extent,
    preceding_word,
)
from timeline.extraction.temporal.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    format_number,
    number_value,
    weekday_number,
)

MAX_SECONDS = 100  # "7,961 seconds" is a measurement, not a time expression


def _unit_key(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def duration_value(amount: float | None, unit: str) -> str:
    if amount is not None and unit in {"decade", "century"}:
        amount, unit = amount * (10 if unit == "decade" else 100), "year"
    code, clock = UNITS[unit]
    if unit == "fortnight":
        amount = amount * 2 if amount is not None else None
    number = "X" if amount is None else format_number(amount)
    return f"PT{number}{code}" if clock else f"P{number}{code}"


def _in_a_name(m: re.Match[str], text: str) -> bool:
    """A capitalised unit in a sentence written in lower case: "the Seven Days War", "the 24 Hours of Le Mans"."""
    unit = m.group("unit")
    if not unit[0].isupper():
        return False
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return _LOWER_WORD.search(line) is not None  # a headline in title case capitalises every unit


_LOWER_WORD = re.compile(r"(?<![\w'’-])(?!(?:a|an|the|of|in|on|at|to|for|and|or|by|with|from|as)\b)[a-z]{2,}")


def _duration(m: re.Match[str], text: str) -> Resolver | None:
    unit = _unit_key(m.group("unit"))
    if _in_a_name(m, text):
        return None
    raw = m.group("n")
    amount: float | None
    if raw is None or raw.lower().strip() in {"several", "a few", "few", "many", "some", "the last few", "numerous"}:
        amount = None
    else:
        amount = number_value(raw.replace(",", ""))
        if amount is None:
            return None
        if m.group("half"):
            amount += 0.5
    if unit == "second" and (
        amount is None or amount >= MAX_SECONDS or "," in (raw or "") or raw.lower() in {"a", "an"}
    ):
        return None
    if raw is None and not m.group("unit").lower().endswith("s"):
        return None
    if raw is not None and re.fullmatch(r"\d+", raw) and int(raw) > 1000:
        return None
    after = text[m.end() : m.end() + 12]
    if _AGE_OR_PACE.match(text, m.end()):
        return None  # "a 22-year-old man", "aged 30 years old", "a five-minute mile": an age or a pace
    fraction_word = (raw or "").lower() in {"a", "an", "one", "three"}
    if unit == "quarter" and fraction_word and re.match(r",?\s+of\b", after) and " " not in m.group("unit"):
        if re.fullmatch(r"(?:\w+\s+)?(?:a|an|one|three)\s+quarters?", m.group(0).lower()):
            return None  # "about a quarter of its dealers", "three quarters of the vote": a fraction
    if raw is not None and raw.lower() in {"a", "an"} and m.start("n") == m.start():
        before = preceding_word(text, m.start())
        if before not in MEASURE_CUES and not re.match(
            r"[\s-]+(?:after|before|later|earlier|long|old|or\s+two)\b", after
        ):
            return None  # "not a day anybody could foresee", "marked a day in history": no measure of time
    return constant(extent("DURATION", duration_value(amount, unit)))


# After a duration: an age ("22-year-old", "30 years old"), a pace ("a five-minute mile") or a round-the-clock
# service ("a 24-hour hotline") measure something else than a time.
_AGE_OR_PACE = re.compile(
    r"(?:-|[^\S\n]+)old\b|-(?:olds?|plus)\b|[\s-]+(?:mile|miler|kilometre|kilometer|km|marathon|lap)s?\b"
    r"|(?<=24-hour)[^\S\n]+(?:hotlines?|helplines?|lines?|services?|news|coverage|access|operations?|support|care)\b",
    re.IGNORECASE,
)


def _bare_plural(m: re.Match[str], text: str) -> Resolver | None:
    unit = _unit_key(m.group("unit"))
    if unit == "second":
        return None
    return constant(extent("DURATION", duration_value(None, unit)))


# Words after which "a day", "a year" measure time ("for a day", "took a week").
MEASURE_CUES = {
    "for", "in", "within", "over", "than", "under", "after", "lasted", "lasting", "last", "lasts", "took", "take",
    "takes", "spent", "spend", "spends", "by", "half", "once", "twice", "per", "nearly", "almost", "about",
    "around", "roughly", "only", "just", "least", "barely",
}  # fmt: skip

RECURRING_NOUNS = re.compile(
    r"\s+(?:[A-Z]\w+\s+)*(?:conference|meeting|summit|report|keynote|festival|parade|event|convention|"
    r"celebration|gathering|session|assembly|congress|review|visit|pilgrimage|exercise|exercises|drills?|talks)\b",
    re.IGNORECASE,
)

SET_WORDS = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P1Q",
    "annually": "P1Y",
    "annual": "P1Y",
    "yearly": "P1Y",
    "hourly": "PT1H",
    "biannual": "P6M",
    "biennial": "P2Y",
}


def _set_word(m: re.Match[str], text: str) -> Resolver | None:
    word = m.group("w").lower()
    if word == "annual" and not RECURRING_NOUNS.match(text, m.end()):
        return constant(extent("DURATION", "P1Y"))  # "annual loss", "annual sales": an amount over one year
    return constant(extent("SET", SET_WORDS[word]))


def _every(m: re.Match[str], text: str) -> Resolver | None:
    """ "every week" P1W, "every other year" P2Y, "every Monday", "every morning", "each spring", "each season"."""
    if m.group("part"):
        return constant(extent("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[m.group('part').lower()]}"))
    if m.group("season"):
        return constant(extent("SET", f"XXXX-{SEASONS[m.group('season').lower()]}"))
    if m.group("sport"):
        return constant(extent("SET", "P1Y"))  # a sports season comes once a year
    if m.group("weekday"):
        return constant(extent("SET", f"XXXX-WXX-{_weekday_index(m.group('weekday'))}"))
    unit = _unit_key(m.group("unit"))
    amount = number_value(m.group("n")) if m.group("n") else 1.0
    if m.group("other"):
        amount = 2.0
    return constant(extent("SET", duration_value(amount, unit)))


def _weekday_index(word: str) -> int:
    return weekday_number(word.rstrip("s")) + 1


def _per(m: re.Match[str], text: str) -> Resolver | None:
    """ "twice a week", "four days a week", "$5m a year": the period is the set's value."""
    unit = _unit_key(m.group("unit"))
    return constant(extent("SET", duration_value(1.0, unit)))


def _weekdays(m: re.Match[str], text: str) -> Resolver | None:
    """ "closed on Sundays", "on Mondays and Thursdays": every such weekday."""
    if not m.group("day")[0].isupper():
        return None
    return constant(extent("SET", f"XXXX-WXX-{_weekday_index(m.group('day'))}"))


def _compound_duration(m: re.Match[str], text: str) -> Resolver | None:
    """ "4 hours, 12 minutes and 8 seconds", "2 minutes 5 seconds": one duration."""
    hours, minutes, seconds = m.group("h"), m.group("mi") or m.group("mi2"), m.group("s") or m.group("s2")
    value = "PT" + "".join(
        f"{amount}{unit}" for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if amount
    )
    return constant(extent("DURATION", value))


def _ref(value: str, type_: str = "DATE") -> Resolver:
    """ "now", "recently", "in the future": relative to the dct but no day of their own, so kept off the timeline."""

    def resolve(ctx: Context) -> Reading:
        return Reading(type_, value, None, None, "unknown", ctx.dct, "dct")

    return resolve


def _present(m: re.Match[str], text: str) -> Resolver | None:
    word = m.group(0).lower()
    if m.group(0) == "Now" and re.search(r"\b[A-Z][a-z]+ $", text[max(0, m.start() - 30) : m.start()]):
        return None  # "Support Now", "Watch Now": a label in title case, not a time
    if word == "now" and re.match(r"\s*(?:that|on)\b", text[m.end() : m.end() + 8]):
        return None
    if word in {"so far", "to date"} and preceding_word(text, m.start()) in {"as", "up"}:
        return None
    return _ref("PRESENT_REF")


def _bare_plural_checked(m: re.Match[str], text: str) -> Resolver | None:
    """ "delayed by weeks of unrest" is a span of time; "in the days of the empire" is an era, not one."""
    if (
        m.group("t")
        and re.match(r"the\s", m.group(0)[m.start("t") - m.start() - 4 :])
        and re.match(r"\s+of\b", text[m.end() : m.end() + 4])
    ):
        return None
    return _bare_plural(_Unit2(m), text)


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "duration": _duration,
    "bare-plural-checked": _bare_plural_checked,
    "the-past-unit": lambda m, t: constant(extent("DURATION", duration_value(1.0, _unit_key(m.group("unit"))))),
    "set-word": _set_word,
    "every": _every,
    "weekdays": _weekdays,
    "compound-duration": _compound_duration,
    "per": _per,
    "present": _present,
    "past-ref": lambda m, t: _ref("PAST_REF"),
    "future-ref": lambda m, t: _ref("FUTURE_REF"),
}


class _Unit2:
    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str) -> str | None:
        return self._match.group("unit") or self._match.group("unit2") or self._match.group("unit3")
