"""Template filters for the public pages."""

from __future__ import annotations

from typing import Any

from django import template

from timeline.web.display import date_label, list_heading, one_sentence, range_label

register = template.Library()


@register.filter
def event_date(obj: Any) -> str:
    """An event's (or a mention's) date at its precision: '26 Feb 2025', 'week of 1 Feb 2025', '2024'."""
    return date_label(obj.date_start, obj.date_end, obj.precision)


@register.filter
def event_days(obj: Any) -> str:
    """The exact days an event's date covers."""
    return range_label(obj.date_start, obj.date_end)


@register.filter
def heading(obj: Any) -> str:
    """The month (or year) heading an event is listed under."""
    return list_heading(obj.date_start, obj.precision)


@register.filter
def first_sentence(text: str) -> str:
    return one_sentence(text or "")
