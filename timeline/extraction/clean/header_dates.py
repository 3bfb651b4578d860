"""Header dates: the publication date and time a header line of a scraped article gives.

Fixed forms first ("31 October 2024, 21:35", "October 31, 2024", "2025-02-28", "12.03.2024 14:05",
"Updated 2:05 PM EDT, Tue March 12, 2024"), with a label such as "Published:" before them; then a free-form
date read by clean.published.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.extraction.clean.published import free_form_date, published_in_range
from timeline.extraction.lexicon.calendar_words import MONTH_WORDS, WEEKDAY_STEMS

_MONTHS = MONTH_WORDS
_WEEKDAY_RE = "(?:" + "|".join(WEEKDAY_STEMS) + ")"
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
# a time zone by name or offset ("EDT", "GMT+2", "UTC-05:00")
_ZONE = r"(?:\s*(?:GMT|UTC|BST|CET|CEST|EET|EEST|[ECMP][SD]?T|ET|IST|JST)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?)?"
_TIME = (
    r"(?:,?\s*(?:at\s+)?(?P<hh>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<ss>\d{2}))?(?:\s*(?P<ampm>[ap])\.?m\.?)?" + _ZONE + ")?"
)

# Header date forms: "31 October 2024, 21:35", "October 31, 2024", "date 2025-02-28 ...",
# "2025-05-06 13:40:43source:...", "Published: 5 March 2024".
# "Published", "Last updated:", "Published On": the label before a header date
_LABEL = r"(?:(?:last\s+|first\s+)?(?:published|updated|modified|posted|date)(?:\s+on)?[:\s]+)?"
# "Updated 2:05 PM EDT, Tue March 12, 2024": the time before the date
_TIME_FIRST = re.compile(
    rf"^{_LABEL}(?P<hh>\d{{1,2}})[:.](?P<mi>\d{{2}})\s*(?:(?P<ampm>[ap])\.?m\.?)?{_ZONE}\s*,?\s+(?=\S)", re.I
)
_DATE_DMY = re.compile(
    rf"^{_LABEL}(?:{_WEEKDAY_RE}[a-z]*\.?,?\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>\d{{4}}){_TIME}",
    re.I,
)
_DATE_MDY = re.compile(
    rf"^{_LABEL}(?:{_WEEKDAY_RE}[a-z]*\.?,?\s+)?(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME}",
    re.I,
)
# "12.03.2024 14:05": day, month and year with dots (the dotted form is day-first wherever it is used)
_DATE_DOTTED = re.compile(rf"^{_LABEL}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}}){_TIME}", re.I)
_DATE_ISO = re.compile(
    r"^(?:(?P<label>(?:last\s+|first\s+)?(?:published|updated|posted|date))(?:\s+on)?[:\s]+)?(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T\s](?P<hh>\d{2}):(?P<mi>\d{2})(?::(?P<ss>\d{2}))?)?",
    re.I,
)


def header_date(line: str, reference: datetime | None = None) -> tuple[date, datetime | None, str, str] | None:
    """The publication date a header line gives, as (day, time or None, the matched text, which form read it):
    the fixed forms first, then a free-form date (dateparser)."""
    stripped = line.strip()
    first = _TIME_FIRST.match(stripped)
    if first:
        parsed = header_date(stripped[first.end() :], reference)
        if parsed is None or parsed[1] is not None:
            return None
        day, _, text, how = parsed
        ampm = (first["ampm"] or "").lower()
        hour = int(first["hh"]) % 12 + (12 if ampm == "p" else 0) if ampm else int(first["hh"])
        if hour > 23 or int(first["mi"]) > 59:
            return day, None, first.group(0) + text, how
        return day, datetime(day.year, day.month, day.day, hour, int(first["mi"])), first.group(0) + text, how
    forms = (("day month year", _DATE_DMY), ("month day year", _DATE_MDY), ("iso", _DATE_ISO), ("dotted", _DATE_DOTTED))
    for how, pattern in forms:
        m = pattern.match(stripped)
        if not m:
            continue
        try:
            month = int(m["m"]) if m["m"].isdigit() else _MONTHS[m["m"].lower()]
            day = date(int(m["y"]), month, int(m["d"]))
        except (ValueError, KeyError):
            return None
        if not published_in_range(day):
            return None  # "9999-12-31" on a header line is no publication date
        at = None
        if m["hh"] is not None:
            try:
                ampm = (m.groupdict().get("ampm") or "").lower()
                hour = int(m["hh"]) % 12 + (12 if ampm == "p" else 0) if ampm else int(m["hh"])
                at = datetime(day.year, day.month, day.day, hour, int(m["mi"]), int(m["ss"] or 0))
            except ValueError:
                at = None
        return day, at, m.group(0).strip(), how
    return free_form_date(stripped, reference)


# a bare clock time in a header field ("2:05 PM EDT")
_CLOCK = re.compile(rf"^\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?{_ZONE}$", re.I)


def is_clock(field: str) -> bool:
    """A header field that is only a time of day, with its zone if any."""
    return bool(_CLOCK.match(field))
