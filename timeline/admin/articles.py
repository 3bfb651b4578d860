"""The curation admin: sources (publishers, articles, passages) and the gazetteer (actors and aliases).

Events and mentions (review, merge, split, locks, history) are in admin_events; list filters in admin_filters.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join

import timeline.admin.events  # noqa: F401  (registers events and mentions)
import timeline.admin.jobs  # noqa: F401  (registers the background ingest jobs)
from timeline.admin.display import admin_link, count_of, date_range, dropped_row
from timeline.admin.filters import HasDateFilter, NearDuplicateFilter
from timeline.events import curation
from timeline.models import Actor, ActorAlias, Article, Event, Mention, Passage, Publisher

admin.site.site_header = "Timeline curation"
admin.site.site_title = "Timeline curation"
admin.site.index_title = "Review events, sources and the gazetteer"


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "article_count"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_articles=count_of(Article, "publisher"))

    @admin.display(description="articles", ordering="n_articles")
    def article_count(self, obj: Publisher) -> int:
        return obj.n_articles


class PassageInline(admin.TabularInline):
    model = Passage
    fields = ["index", "paragraph", "start", "end", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["__str__", "publisher", "published", "date_source", "passage_count", "event_count", "copy_of"]
    list_filter = [HasDateFilter, NearDuplicateFilter, "published_source", "publisher"]
    search_fields = ["title", "url", "source_name", "text"]
    date_hierarchy = "published"
    list_select_related = ["publisher", "duplicate_of"]
    autocomplete_fields = ["publisher"]
    inlines = [PassageInline]
    readonly_fields = [
        "published_source",
        "published_at",
        "events_backed",
        "dropped_lines",
        "duplicate_of",
        "near_duplicates",
        "source_name",
        "content_hash",
        "ingested_at",
        "text",
        "raw_text",
    ]
    fieldsets = [
        (None, {"fields": ["title", "url", "publisher", "source_name"]}),
        (
            "Publication date",
            {
                "fields": ["published", "published_at", "published_source"],
                "description": "Correcting the date re-resolves every relative date in this article "
                "(“on Wednesday”, “last year”) and moves the events it backs, except fields a curator locked.",
            },
        ),
        ("Events and duplicates", {"fields": ["events_backed", "duplicate_of", "near_duplicates"]}),
        ("Cleaning", {"fields": ["dropped_lines", "text", "raw_text", "content_hash", "ingested_at"]}),
    ]

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> forms.Field | None:
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_passages=count_of(Passage, "article"),
                n_events=count_of(Mention, "passage__article", "event"),
            )
        )

    @admin.display(description="date from", ordering="published_source")
    def date_source(self, obj: Article) -> str:
        return obj.published_source

    @admin.display(description="passages", ordering="n_passages")
    def passage_count(self, obj: Article) -> int:
        return obj.n_passages

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: Article) -> int:
        return obj.n_events

    @admin.display(description="near-duplicate of", ordering="duplicate_of")
    def copy_of(self, obj: Article) -> str:
        return admin_link(obj.duplicate_of) if obj.duplicate_of else "—"

    @admin.display(description="events it backs")
    def events_backed(self, obj: Article) -> str:
        events = curation.article_events(article=obj) if obj.pk else []
        if not events:
            return "none"
        rows = ((reverse("admin:timeline_event_change", args=[e.pk]), e.title, date_range(e), e.status) for e in events)
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a> — {}, {}</li>', rows))

    @admin.display(description="near-duplicates of this article")
    def near_duplicates(self, obj: Article) -> str:
        copies = list(obj.duplicates.all()) if obj.pk else []
        return format_html_join(", ", "{}", ((admin_link(a),) for a in copies)) if copies else "none"

    @admin.display(description="lines dropped by cleaning")
    def dropped_lines(self, obj: Article) -> str:
        rows = [dropped_row(item) for item in (obj.dropped or [])]
        if not rows:
            return "none"
        return format_html("<ul>{}</ul>", format_html_join("", "<li><q>{}</q> — {}</li>", rows))

    def save_model(self, request: HttpRequest, obj: Article, form: forms.ModelForm, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "published" in form.changed_data:
            events = curation.article_set_published(article=obj, published=obj.published, user=request.user)
            messages.info(request, f"Dates re-resolved against {obj.published or 'no date'}; {len(events)} event(s).")
        if change and "publisher" in form.changed_data:
            curation.article_set_publisher(article=obj, user=request.user)


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "index", "start", "end"]
    list_filter = ["article__publisher"]
    search_fields = ["text", "article__title"]
    list_select_related = ["article"]
    readonly_fields = ["article", "index", "paragraph", "start", "end", "text"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["alias", "case_sensitive"]
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "slug", "alias_list", "event_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases__alias"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [ActorAliasInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return (
            super()
            .get_queryset(request)
            .annotate(n_events=count_of(Event.actors.through, "actor"))
            .prefetch_related("aliases")
        )

    @admin.display(description="aliases")
    def alias_list(self, obj: Actor) -> str:
        return ", ".join(a.alias for a in obj.aliases.all()) or "—"

    @admin.display(description="events", ordering="n_events")
    def event_count(self, obj: Actor) -> int:
        return obj.n_events


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "actor", "case_sensitive"]
    list_filter = ["case_sensitive", "actor__kind"]
    search_fields = ["alias", "actor__name"]
    autocomplete_fields = ["actor"]
    list_select_related = ["actor"]
