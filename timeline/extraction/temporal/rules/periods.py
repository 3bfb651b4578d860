"""Grammar rules for periods on the calendar: months, years, decades, centuries, fiscal years, quarters, seasons."""

from __future__ import annotations

import re
from datetime import date

from timeline.extraction.lexicon import calendar_words
from timeline.extraction.temporal.calendar import quarter_of
from timeline.extraction.temporal.grammar import (
    Context,
    Handler,
    Reading,
    Resolver,
    clause_bounds,
    constant,
    date_reading,
    is_capitalised,
    preceding_word,
    tense_of,
    unresolved,
)
from timeline.extraction.temporal.lexicon import (
    ORDINALS,
    SEASONS,
    month_number,
)

# "the start of", "early", "mid-", "late": they narrow a date without changing its TIMEX3 value. Rather than
# trying them at every position in every rule, the tagger extends a chosen date leftward over one (MOD_BEFORE).
MOD_BEFORE = re.compile(
    r"(?:\b(?:the[^\S\n]+)?(?:very[^\S\n]+)?(?:end|start|beginning|middle|close|turn|rest|remainder)[^\S\n]+of"
    r"[^\S\n]+(?:the[^\S\n]+)?|\b(?:the[^\S\n]+)?(?:earlier|later|early|late|mid)(?:[^\S\n]+in)?(?:[^\S\n]+|-)|\bend-"
    r"(?:the[^\S\n]+)?)$",
    re.IGNORECASE,
)
MOD_RULES = {"month-year", "month", "year", "decade", "quarter", "season", "relative-unit", "month-day", "day-month"}
MOD_RULES |= {"fiscal-year-relative", "weekday", "day-word", "holiday", "the-unit"}
MONTH_NEEDS_CONTEXT = {"may", "march"}
MONTH_WORDS = set(calendar_words.MONTH_WORDS)
MONTH_CONTEXT_WORDS = {
    "in",
    "since",
    "by",
    "until",
    "till",
    "through",
    "from",
    "during",
    "before",
    "after",
    "of",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "and",
    "or",
    "to",
    "between",
    "around",
    "end",
    "beginning",
    "start",
    "middle",
}


def _month_year(m: re.Match[str], text: str) -> Resolver | None:
    if not is_capitalised(m.group("month")):
        return None
    month = month_number(m.group("month"))
    year_text = m.group("year")
    if year_text[0].isdigit():
        value = f"{int(year_text):04d}-{month:02d}"
        return lambda ctx: date_reading(value, None, "absolute")

    def resolve(ctx: Context) -> Reading:
        year = _year_ref(year_text, ctx)
        if year is None:
            return unresolved("month", "dct", f"XXXX-{month:02d}")
        return date_reading(f"{year:04d}-{month:02d}", ctx.dct, "dct")

    return resolve


_EVERY_YEAR = re.compile(r"\b(?:annually|yearly|every\s+year|each\s+year|once\s+a\s+year)\b", re.IGNORECASE)


def _month_alone(m: re.Match[str], text: str) -> Resolver | None:
    word = m.group("month")
    if not is_capitalised(word):
        return None
    before = preceding_word(text, m.start("month"))
    if word.lower() in MONTH_NEEDS_CONTEXT and before not in MONTH_CONTEXT_WORDS:
        return None
    if before not in MONTH_CONTEXT_WORDS and re.match(r"[ \t]+[A-Z][a-z]+\b", text[m.end() : m.end() + 24]):
        return None  # "April Ryan", "June Carter": a first name before a surname
    if word.isupper() and len(word) > 1:
        return None
    month = month_number(word)
    rel = (m.group("rel") or "").lower()
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if ctx.dct is None:
            return unresolved("month", "dct", f"XXXX-{month:02d}")
        dct = ctx.dct
        if rel == "last":
            year = dct.year if month < dct.month else dct.year - 1
        elif rel == "next":
            year = dct.year if month > dct.month else dct.year + 1
        elif rel == "this":
            year = dct.year
        else:
            lo, hi = clause_bounds(ctx.text, start, end)
            if _EVERY_YEAR.search(ctx.text, lo, hi):
                return unresolved("month", "dct", f"XXXX-{month:02d}")  # "rebalanced annually in June": any June
            year = dct.year + nearest_offset(month - dct.month, 12, tense_of(ctx.text, start, end), penalty=12)
        return date_reading(f"{year:04d}-{month:02d}", dct, "dct")

    return resolve


def nearest_offset(gap: int, cycle: int, tense: str | None, *, penalty: int) -> int:
    """How many cycles to shift a month (or quarter) `gap` steps from the dct's so it lands nearest the dct.

    The sentence's tense weighs against the wrong side: a past-tense "in October" leans to the last October.
    """

    def cost(shift: int) -> int:
        distance = gap + shift * cycle
        wrong_side = (tense == "past" and distance > 0) or (tense == "future" and distance < 0)
        return abs(distance) + (penalty if wrong_side else 0) + (1 if distance > 0 else 0)

    return min((-1, 0, 1), key=cost)


def _year(m: re.Match[str], text: str) -> Resolver | None:
    after = text[m.end() : m.end() + 24].lower()
    if re.match(
        r"\s*(?:gmt|utc|hrs|hours|h\b|local|%|per\s*cent|percent|km|kilo|miles?|metres?|meters?|feet|ft\b|kg|"
        r"tons?|tonnes?|people|troops|soldiers|jobs|workers|employees|units|cars|planes|aircraft|shares|"
        r"points|barrels|dollars|euros|pounds|yen|won|rubles|roubles|times)\b",
        after,
    ):
        return None
    if _LABEL_BEFORE.search(text, max(0, m.start() - 16), m.start()):
        return None  # "Room 1984", "Flight 2020", "page 2019": a number on a label
    if re.match(r"[ \t]+(?:Act|Bill|Law|Code|Directive|Ordinance|Regulations?)\b", text[m.end() : m.end() + 14]):
        return None  # "the 2024 Act": the title of a law, not a time
    if re.match(r"[ \t]+[A-Z][a-z]", text[m.end() : m.end() + 3]) and _name_word_before(text, m.start()):
        return None  # "the Russell 2000 Index", "Windows 2000 Server": part of a name
    value = m.group("year")
    return lambda ctx: date_reading(value, None, "absolute")


_LABEL_BEFORE = re.compile(
    r"\b(?:room|flight|route|highway|gate|platform|terminal|hall|suite|apartment|building|chapter|model|level|floor|"
    r"bus|train|line|page|box|no\.|number|item|lot|unit|code|exit|pier|berth|seat|row|bay|ward|cell|block)[ \t]+$",
    re.IGNORECASE,
)
_NOT_NAME_WORDS = {"in", "since", "by", "until", "from", "of", "and", "or", "to", "before", "after", "during", "the"}


def _name_word_before(text: str, start: int) -> bool:
    """Whether a capitalised word, not a function word or a month, stands right before `start`."""
    m = re.search(r"([A-Z][A-Za-z]*)[ \t]+$", text[max(0, start - 30) : start])
    if not m:
        return False
    word = m.group(1).lower()
    return word not in _NOT_NAME_WORDS and word.rstrip(".") not in MONTH_WORDS


def _short_year(m: re.Match[str], text: str) -> Resolver | None:
    two = int(m.group("yy"))

    def resolve(ctx: Context) -> Reading:
        ref = ctx.dct.year if ctx.dct else 2000
        year = 2000 + two if 2000 + two <= ref + 5 else 1900 + two
        return date_reading(f"{year:04d}", None, "absolute")

    return resolve


def _decade(m: re.Match[str], text: str) -> Resolver | None:
    if m.group("full"):
        value = m.group("full")[:3]
        return lambda ctx: date_reading(value, None, "absolute")
    before = preceding_word(text, m.start())
    if before in {
        "his",
        "her",
        "their",
        "its",
        "my",
        "your",
        "our",
        "early",
        "mid",
        "late",
        "upper",
        "lower",
        "high",
        "low",
    }:
        return None
    tens = int(m.group("short"))

    def resolve(ctx: Context) -> Reading:
        ref = ctx.dct.year if ctx.dct else 2000
        century = 20 if 2000 + tens <= ref and tens <= 20 else 19
        return date_reading(f"{century}{tens // 10}", None, "absolute")

    return resolve


def _century(m: re.Match[str], text: str) -> Resolver | None:
    word = m.group("n").lower()
    number = ORDINALS.get(word) if word in ORDINALS else int(re.match(r"\d+", word).group(0))  # type: ignore[union-attr]
    if not number or number < 1 or number > 30:
        return None
    value = f"{number - 1:02d}"
    return lambda ctx: Reading("DATE", value, None, None, "unknown", None, "absolute")


def _fiscal(m: re.Match[str], text: str) -> Resolver | None:
    raw = m.group("fy")
    year = int(raw) if len(raw) == 4 else 2000 + int(raw)
    return lambda ctx: Reading("DATE", f"FY{year:04d}", None, None, "year", None, "absolute")


def _fiscal_relative(m: re.Match[str], text: str) -> Resolver | None:
    """ "this fiscal year", "the financial year": named by the calendar year the publication date falls in."""
    rel = m.group("rel").lower().split()[-1]
    step = {"last": -1, "previous": -1, "next": 1}.get(rel, 0)

    def resolve(ctx: Context) -> Reading:
        if ctx.dct is None:
            return Reading("DATE", "XXXX", None, None, "year", None, "dct")
        return Reading("DATE", f"FY{ctx.dct.year + step:04d}", None, None, "year", ctx.dct, "dct")

    return resolve


def _year_ref(word: str, ctx: Context) -> int | None:
    """The year a word such as "2009", "this year", "last year" points to."""
    word = re.sub(r"\s+", " ", word.lower().strip())
    if re.fullmatch(r"(?:(?:fiscal|financial)\s+(?:year\s+)?)?\d{4}", word):
        return int(word[-4:])
    if ctx.dct is None:
        return None
    if word in {"this year", "the year", "the current year"}:
        return ctx.dct.year
    if word in {"last year", "the previous year", "the past year", "the year before"}:
        return ctx.dct.year - 1
    if word in {"next year", "the coming year", "the following year"}:
        return ctx.dct.year + 1
    return ctx.dct.year


def _quarter(m: re.Match[str], text: str) -> Resolver | None:
    which = m.group("q").lower()
    half = m.group("unit").lower().startswith("half")
    n = ORDINALS.get(which, None)
    if n is None:
        n = int(which[-1])
    limit = 2 if half else 4
    if n > limit:
        return None
    year_word = m.group("yr")
    letter = "H" if half else "Q"
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if year_word:
            year = _year_ref(year_word, ctx)
            number = n if n > 0 else limit
            if year is None:
                return unresolved("quarter", "dct", f"XXXX-{letter}{number}")
            return date_reading(
                f"{year:04d}-{letter}{number}",
                ctx.dct if not year_word[0].isdigit() else None,
                "absolute" if year_word[0].isdigit() else "dct",
            )
        if ctx.dct is None:
            return unresolved("quarter", "dct", f"XXXX-{letter}{n if n > 0 else 'X'}")
        dct = ctx.dct
        current = quarter_of(dct) if not half else (dct.month - 1) // 6 + 1
        if n < 0:  # "the last quarter": the one before the current
            number, year = (current - 1, dct.year) if current > 1 else (limit, dct.year - 1)
        else:
            number = n
            tense = tense_of(ctx.text, start, end)
            # A half is always as near the dct one way as the other: without a tense it is this year's.
            shift = 0 if half and tense is None else nearest_offset(n - current, limit, tense, penalty=4)
            year = dct.year + shift
        return date_reading(f"{year:04d}-{letter}{number}", dct, "dct")

    return resolve


_SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_VALUE = re.compile(r"(\d{4})-(SP|SU|FA|WI)")


def _season(m: re.Match[str], text: str) -> Resolver | None:
    word = m.group("season").lower()
    rel = (m.group("rel") or "").lower()
    year_text = m.group("year")
    if word == "fall" and not (rel or year_text or preceding_word(text, m.start()) == "the"):
        return None
    if m.group("season")[0].isupper() and re.search(r"[A-Z][a-z]+\s+$", text[max(0, m.start() - 20) : m.start()]):
        return None  # "Arab Spring", "Prague Spring": a name
    code = SEASONS[word]
    since = re.search(r"\bsince\s+(?:the\s+)?$", text[max(0, m.start() - 12) : m.start()], re.IGNORECASE) is not None
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if year_text:
            return date_reading(f"{year_text}-{code}", None, "absolute")
        if ctx.dct is None:
            return unresolved("quarter", "dct", f"XXXX-{code}")
        previous = _SEASON_VALUE.fullmatch(ctx.previous_period or "")
        if not rel and previous:  # "began in the autumn of 2023 and deepened through the winter": the one after it
            year = int(previous.group(1)) + (1 if _SEASON_START[code] <= _SEASON_START[previous.group(2)] else 0)
            if code == previous.group(2):
                year -= 1
            return date_reading(f"{year:04d}-{code}", ctx.dct, "previous")
        year = ctx.dct.year + {"last": -1, "next": 1}.get(rel, 0)
        tense = tense_of(ctx.text, start, end)
        if not rel and _SEASON_START[code] > ctx.dct.month and (since or tense == "past"):
            year -= 1  # "since the summer", "the harvest failed in the autumn": the last one, not this year's
        elif not rel and _SEASON_START[code] + 3 <= ctx.dct.month and tense == "future":
            year += 1  # "a vote is planned for the spring" in August: next spring
        return date_reading(f"{year:04d}-{code}", ctx.dct, "dct")

    return resolve


# Nouns after which "H1", "H2" are halves of a year, not hydrogen or a heading.
HALF_NOUNS = r"profits?|results|revenues?|earnings|sales|net|loss(?:es)?|figures|deliveries|income|deficit"
_HALF_BEFORE = re.compile(r"\b(?:in|for|during|over|first|second)[^\S\n]+$", re.IGNORECASE)


def _quarter_code(m: re.Match[str], text: str) -> Resolver | None:
    """ "Q3", "Q3 2024", "H1 2024", "in H1", "H1 profit": a half needs a year, a preposition or a results noun."""
    if m.group("h") and not m.group("hyr"):
        before = _HALF_BEFORE.search(text, max(0, m.start() - 12), m.start())
        if before is None and not re.match(rf"[^\S\n]+(?:{HALF_NOUNS})\b", text[m.end() : m.end() + 16]):
            return None
    return _quarter(_QuarterProxy(m), text)


def _year_range(m: re.Match[str], text: str) -> Resolver | None:
    """ "2009-2010", "1957-58", "2019/20": the years from the first to the last, a duration placed on the calendar."""
    first = int(m.group("y1"))
    last = int(m.group("y2")) if len(m.group("y2")) == 4 else first // 100 * 100 + int(m.group("y2"))
    if not first < last <= first + (20 if len(m.group("y2")) == 2 else 100):
        return None  # "2024-05" is a month; "2019/1985" no range
    start, end = date(first, 1, 1), date(last, 12, 31)
    return constant(Reading("DURATION", f"P{last - first + 1}Y", start, end, "year", None, "absolute"))


def _that_day_in_month(m: re.Match[str], text: str) -> Resolver | None:
    """ "that January day in 2011", "since that day in March": a day the text does not give, in a known month."""
    month = month_number(m.group("month") or m.group("month2"))
    year_text = m.group("year") or m.group("year2")
    start, end = m.span()

    def resolve(ctx: Context) -> Reading:
        if year_text:
            return date_reading(f"{year_text}-{month:02d}", None, "absolute")
        if ctx.dct is None:
            return unresolved("month", "dct", f"XXXX-{month:02d}")
        tense = tense_of(ctx.text, start, end) or "past"  # "that day" looks back unless the sentence looks ahead
        year = ctx.dct.year + nearest_offset(month - ctx.dct.month, 12, tense, penalty=12)
        return date_reading(f"{year:04d}-{month:02d}", ctx.dct, "dct")

    return resolve


# The normalisations the rule files (resources/<language>/rules/*.toml) name, by name.
NORMALISERS: dict[str, Handler] = {
    "month-year": _month_year,
    "month-alone": _month_alone,
    "year": _year,
    "short-year": _short_year,
    "decade": _decade,
    "century": _century,
    "fiscal-year": lambda m, t: _fiscal(_FyProxy(m), t),
    "fiscal-relative": _fiscal_relative,
    "quarter": _quarter,
    "quarter-code": _quarter_code,
    "season": _season,
    "year-range": _year_range,
    "that-day-in-month": _that_day_in_month,
}


class _FyProxy:
    """Presents both spellings of a fiscal year under one group name."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str) -> str:
        return self._match.group("fy") or self._match.group("fy2")


class _QuarterProxy:
    """Presents "Q3 2024" and "H1 2024" (or "in H1") as the quarter rule's groups."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def group(self, name: str) -> str | None:
        half = self._match.group("h")
        if name == "unit":
            return "half" if half else "quarter"
        if name == "q":
            return half or self._match.group("q")
        if name == "yr":
            return self._match.group("hyr") if half else self._match.group("yr")
        return self._match.group(name)

    def span(self) -> tuple[int, int]:
        return self._match.span()
