"""Small display helpers shared by the curation admin modules."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, Model, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.html import format_html

from timeline.models import Event, Mention


def admin_link(obj: Any, label: str | None = None) -> str:
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else str(obj))


def count_of(model: type[Model], link: str, counted: str = "pk") -> Coalesce:
    """A per-row count as a correlated subquery: evaluated for the rows on the page, not the whole table."""
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(
        Subquery(rows.annotate(n=Count(counted, distinct=True)).values("n")[:1]), 0, output_field=IntegerField()
    )


def date_range(obj: Event | Mention) -> str:
    if obj.date_start is None:
        return "—"
    if obj.date_end and obj.date_end != obj.date_start:
        return f"{obj.date_start:%Y-%m-%d} – {obj.date_end:%Y-%m-%d} ({obj.precision})"
    return f"{obj.date_start:%Y-%m-%d} ({obj.precision})"


def dropped_row(item: Any) -> tuple[str, str]:
    """One dropped line as (text, reason), whatever shape the cleaner stored it in."""
    if isinstance(item, dict):
        text = item.get("line") or item.get("text") or ""
        return str(text), str(item.get("reason", ""))
    if isinstance(item, list | tuple) and item:
        return str(item[0]), " ".join(str(x) for x in item[1:])
    return str(item), ""
