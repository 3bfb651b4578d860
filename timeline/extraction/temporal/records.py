"""The time expressions of a text as plain JSON records: what `manage.py timex` prints."""

from __future__ import annotations

from datetime import date
from typing import Any

from timeline.extraction.temporal.tagger import tag


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def timex_records(text: str, dct: date | None, *, detail: bool = False) -> list[dict[str, Any]]:
    """{start, end, text, type, value} for each expression (offsets into text); with detail also the days it
    covers, its precision, the rule that found it and the anchor it was resolved against."""
    rows = []
    for timex in tag(text, dct):
        row: dict[str, Any] = {
            "start": timex.start,
            "end": timex.end,
            "text": timex.text,
            "type": timex.type,
            "value": timex.value,
        }
        if detail:
            row.update(
                range_start=_iso(timex.range_start),
                range_end=_iso(timex.range_end),
                precision=timex.precision,
                rule=timex.rule,
                anchor=_iso(timex.anchor),
                anchor_kind=timex.anchor_kind,
            )
        rows.append(row)
    return rows
