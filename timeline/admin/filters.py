"""List filters for the curation admin: the questions a curator asks of events and articles."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest

from timeline.models import Article, Mention, Publisher


class PublisherCountFilter(admin.SimpleListFilter):
    title = "number of publishers"
    parameter_name = "publishers"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("0", "none"), ("1", "one"), ("2", "two"), ("3+", "three or more")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        value = self.value()
        if value == "3+":
            return queryset.filter(publisher_count__gte=3)
        if value in {"0", "1", "2"}:
            return queryset.filter(publisher_count=int(value))
        return queryset


class EventPublisherFilter(admin.SimpleListFilter):
    title = "publisher"
    parameter_name = "publisher"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(str(p.pk), p.name) for p in Publisher.objects.order_by("name")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() and self.value().isdigit():
            backed = Mention.objects.filter(event=OuterRef("pk"), passage__article__publisher_id=int(self.value()))
            return queryset.filter(Exists(backed))
        return queryset


class LockedFilter(admin.SimpleListFilter):
    title = "curator locks"
    parameter_name = "locked"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "has locked fields"), ("no", "no locked fields")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        # An empty JSON list is the only "unlocked" value; compare on the stored value, portable across databases.
        if self.value() == "yes":
            return queryset.exclude(locked_fields=[])
        if self.value() == "no":
            return queryset.filter(locked_fields=[])
        return queryset


class MergedFilter(admin.SimpleListFilter):
    """Merged-away events are hidden unless asked for: by default the list shows the events that stand."""

    title = "merged"
    parameter_name = "merged"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("no", "not merged away"), ("yes", "merged into another event"), ("all", "all")]

    def value(self) -> str:
        return super().value() or "no"

    def choices(self, changelist: Any) -> Iterator[dict[str, Any]]:
        for lookup, title in self.lookup_choices:
            yield {
                "selected": self.value() == str(lookup),
                "query_string": changelist.get_query_string({self.parameter_name: lookup}),
                "display": title,
            }

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "yes":
            return queryset.filter(merged_into__isnull=False)
        if self.value() == "no":
            return queryset.filter(merged_into__isnull=True)
        return queryset


class HasDateFilter(admin.SimpleListFilter):
    title = "publication date"
    parameter_name = "dated"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("no", "no date"), ("yes", "dated")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() == "no":
            return queryset.filter(published__isnull=True)
        if self.value() == "yes":
            return queryset.filter(published__isnull=False)
        return queryset


class NearDuplicateFilter(admin.SimpleListFilter):
    title = "near-duplicates"
    parameter_name = "dup"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [
            ("any", "in a near-duplicate pair"),
            ("copy", "a near-duplicate of an earlier article"),
            ("original", "has near-duplicates"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        has_copies = Exists(Article.objects.filter(duplicate_of=OuterRef("pk")))
        if self.value() == "copy":
            return queryset.filter(duplicate_of__isnull=False)
        if self.value() == "original":
            return queryset.filter(has_copies)
        if self.value() == "any":
            return queryset.filter(duplicate_of__isnull=False) | queryset.filter(has_copies)
        return queryset
