"""The curation admin: review, merge, split, lock and re-date, with every event change in its history."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import Count, IntegerField, Model, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_http_methods
from simple_history.admin import SimpleHistoryAdmin

import timeline.admin_jobs  # noqa: F401  (registers the background ingest jobs)
from timeline import curation
from timeline.admin_filters import (
    EventPublisherFilter,
    HasDateFilter,
    LockedFilter,
    MergedFilter,
    NearDuplicateFilter,
    PublisherCountFilter,
)
from timeline.models import Actor, ActorAlias, Article, Event, Mention, Passage, Publisher

admin.site.site_header = "Timeline curation"
admin.site.site_title = "Timeline curation"
admin.site.index_title = "Review events, sources and the gazetteer"


def _admin_link(obj: Any, label: str | None = None) -> str:
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label if label is not None else str(obj))


def _count(model: type[Model], link: str, counted: str = "pk") -> Coalesce:
    """A per-row count as a correlated subquery: evaluated for the rows on the page, not the whole table."""
    rows = model.objects.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Coalesce(
        Subquery(rows.annotate(n=Count(counted, distinct=True)).values("n")[:1]), 0, output_field=IntegerField()
    )


def _date_range(obj: Event | Mention) -> str:
    if obj.date_start is None:
        return "—"
    if obj.date_end and obj.date_end != obj.date_start:
        return f"{obj.date_start:%Y-%m-%d} – {obj.date_end:%Y-%m-%d} ({obj.precision})"
    return f"{obj.date_start:%Y-%m-%d} ({obj.precision})"


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "domain", "article_count"]
    search_fields = ["name", "domain"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_articles=_count(Article, "publisher"))

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
                n_passages=_count(Passage, "article"),
                n_events=_count(Mention, "passage__article", "event"),
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
        return _admin_link(obj.duplicate_of) if obj.duplicate_of else "—"

    @admin.display(description="events it backs")
    def events_backed(self, obj: Article) -> str:
        events = curation.article_events(article=obj) if obj.pk else []
        if not events:
            return "none"
        rows = (
            (reverse("admin:timeline_event_change", args=[e.pk]), e.title, _date_range(e), e.status) for e in events
        )
        return format_html("<ul>{}</ul>", format_html_join("", '<li><a href="{}">{}</a> — {}, {}</li>', rows))

    @admin.display(description="near-duplicates of this article")
    def near_duplicates(self, obj: Article) -> str:
        copies = list(obj.duplicates.all()) if obj.pk else []
        return format_html_join(", ", "{}", ((_admin_link(a),) for a in copies)) if copies else "none"

    @admin.display(description="lines dropped by cleaning")
    def dropped_lines(self, obj: Article) -> str:
        rows = [_dropped_row(item) for item in (obj.dropped or [])]
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


def _dropped_row(item: Any) -> tuple[str, str]:
    """One dropped line as (text, reason), whatever shape the cleaner stored it in."""
    if isinstance(item, dict):
        text = item.get("line") or item.get("text") or ""
        return str(text), str(item.get("reason", ""))
    if isinstance(item, list | tuple) and item:
        return str(item[0]), " ".join(str(x) for x in item[1:])
    return str(item), ""


@admin.register(Passage)
class PassageAdmin(admin.ModelAdmin):
    list_display = ["__str__", "article", "index", "start", "end"]
    list_filter = ["article__publisher"]
    search_fields = ["text", "article__title"]
    list_select_related = ["article"]
    readonly_fields = ["article", "index", "paragraph", "start", "end", "text"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


class MentionInline(admin.TabularInline):
    model = Mention
    fk_name = "event"
    fields = ["passage_text", "article", "date_text", "date_value", "date_rule", "date_anchor", "dates", "split"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).select_related("passage__article__publisher")

    @admin.display(description="passage")
    def passage_text(self, obj: Mention) -> str:
        return obj.passage.text

    @admin.display(description="article")
    def article(self, obj: Mention) -> str:
        article = obj.passage.article
        label = f"{article} ({article.publisher or 'no publisher'}, {article.published or 'no date'})"
        return _admin_link(article, label)

    @admin.display(description="resolved to")
    def dates(self, obj: Mention) -> str:
        return _date_range(obj)

    @admin.display(description="split")
    def split(self, obj: Mention) -> str:
        url = reverse("admin:timeline_mention_split", args=[obj.pk])
        return format_html(
            '<a class="button" href="{}" title="Move this mention to a new event of its own">Split</a>', url
        )


class EventForm(forms.ModelForm):
    locked_fields = forms.MultipleChoiceField(
        choices=[(f, f) for f in Event.LOCKABLE_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Extraction never overwrites a locked field. Editing a field locks it; untick to unlock.",
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "summary",
            "event_type",
            "status",
            "date_start",
            "date_end",
            "precision",
            "date_disputed",
            "actors",
            "places",
            "locked_fields",
        ]


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    form = EventForm
    list_display = [
        "title",
        "when",
        "event_type",
        "status",
        "publishers",
        "mention_count",
        "disputed",
        "locks",
        "merged_into",
    ]
    list_filter = [
        "status",
        "event_type",
        "precision",
        "date_disputed",
        PublisherCountFilter,
        EventPublisherFilter,
        ("actors", admin.RelatedOnlyFieldListFilter),
        LockedFilter,
        MergedFilter,
    ]
    search_fields = ["title", "summary", "slug", "actors__name", "mentions__passage__text", "mentions__date_text"]
    date_hierarchy = "date_start"
    list_select_related = ["merged_into"]
    autocomplete_fields = ["actors", "places"]
    readonly_fields = ["slug", "permalink", "merged_into", "publisher_count", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "summary", "event_type", "status", "slug", "permalink"]}),
        ("When", {"fields": ["date_start", "date_end", "precision", "date_disputed"]}),
        ("Who and where", {"fields": ["actors", "places"]}),
        ("Curation", {"fields": ["locked_fields", "merged_into", "publisher_count", "created_at", "updated_at"]}),
    ]
    inlines = [MentionInline]
    actions = ["verify", "reject", "merge_events", "unlock_all"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_mentions=_count(Mention, "event"))

    @admin.display(description="date", ordering="date_start")
    def when(self, obj: Event) -> str:
        return _date_range(obj)

    @admin.display(description="publishers", ordering="publisher_count")
    def publishers(self, obj: Event) -> int:
        return obj.publisher_count

    @admin.display(description="disputed", boolean=True, ordering="date_disputed")
    def disputed(self, obj: Event) -> bool:
        return obj.date_disputed

    @admin.display(description="mentions", ordering="n_mentions")
    def mention_count(self, obj: Event) -> int:
        return obj.n_mentions

    @admin.display(description="locked")
    def locks(self, obj: Event) -> str:
        return ", ".join(obj.locked_fields or []) or "—"

    @admin.display(description="public page")
    def permalink(self, obj: Event) -> str:
        if not obj.pk:
            return "—"
        try:
            url = obj.get_absolute_url()
        except NoReverseMatch:
            return f"/events/{obj.slug}/"
        return format_html('<a href="{}">{}</a>', url, url)

    def save_model(self, request: HttpRequest, obj: Event, form: forms.ModelForm, change: bool) -> None:
        edited = [f for f in form.changed_data if f in Event.LOCKABLE_FIELDS]
        locks = set(form.cleaned_data.get("locked_fields") or []) | set(edited)
        obj.locked_fields = [f for f in Event.LOCKABLE_FIELDS if f in locks]
        changed = ", ".join(form.changed_data) or "nothing"
        obj._change_reason = f"edited in the admin: {changed}"[: curation.REASON_MAX]
        super().save_model(request, obj, form, change)

    @admin.action(description="Verify selected events", permissions=["change"])
    def verify(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = curation.events_set_status(events=queryset, status=Event.Status.VERIFIED, user=request.user)
        self.message_user(request, f"{n} event(s) verified.", messages.SUCCESS)

    @admin.action(description="Reject selected events (kept, hidden from the public)", permissions=["change"])
    def reject(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = curation.events_set_status(events=queryset, status=Event.Status.REJECTED, user=request.user)
        self.message_user(request, f"{n} event(s) rejected.", messages.SUCCESS)

    @admin.action(description="Unlock all fields of selected events", permissions=["change"])
    def unlock_all(self, request: HttpRequest, queryset: QuerySet) -> None:
        n = 0
        for event in queryset:
            if event.locked_fields:
                curation.event_unlock_fields(event=event, user=request.user)
                n += 1
        self.message_user(request, f"{n} event(s) unlocked.", messages.SUCCESS)

    @admin.action(description="Merge selected events into one", permissions=["change"])
    def merge_events(self, request: HttpRequest, queryset: QuerySet) -> HttpResponse | None:
        events = list(queryset.filter(merged_into__isnull=True).order_by("created_at", "pk"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events that were not merged away.", messages.WARNING)
            return None
        if request.POST.get("post") == "yes":
            survivor = next((e for e in events if str(e.pk) == request.POST.get("survivor")), None)
            if survivor is None:
                self.message_user(request, "Choose the event to keep.", messages.ERROR)
            else:
                curation.events_merge(events=events, into=survivor, user=request.user)
                self.message_user(request, f"Merged {len(events)} events into “{survivor}”.", messages.SUCCESS)
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[survivor.pk]))
        for event in events:
            event.sources = list(event.mentions.select_related("passage__article__publisher"))
        context = {
            **self.admin_site.each_context(request),
            "title": "Merge events",
            "opts": self.model._meta,
            "events": events,
            "default_survivor": curation.survivor_default(events),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/timeline/event/merge_confirmation.html", context)


@admin.register(Mention)
class MentionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "event_link", "article", "date_text", "date_rule", "date_anchor", "dates"]
    list_filter = ["precision", "event_type", "date_rule", "passage__article__publisher"]
    search_fields = ["passage__text", "date_text", "event__title"]
    list_select_related = ["event", "passage__article"]
    readonly_fields = [
        "event",
        "passage",
        "date_text",
        "date_value",
        "date_rule",
        "date_anchor",
        "date_start",
        "date_end",
        "precision",
        "event_type",
    ]
    actions = ["split_mentions"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def get_urls(self) -> list[URLPattern]:
        split = path(
            "<int:pk>/split/",
            self.admin_site.admin_view(self.split_view),
            name="timeline_mention_split",
        )
        return [split, *super().get_urls()]

    @admin.display(description="event", ordering="event__title")
    def event_link(self, obj: Mention) -> str:
        return _admin_link(obj.event)

    @admin.display(description="article", ordering="passage__article")
    def article(self, obj: Mention) -> str:
        return _admin_link(obj.passage.article)

    @admin.display(description="resolved to", ordering="date_start")
    def dates(self, obj: Mention) -> str:
        return _date_range(obj)

    @admin.action(description="Split selected mentions into events of their own", permissions=["change"])
    def split_mentions(self, request: HttpRequest, queryset: QuerySet) -> None:
        for mention in queryset.select_related("passage", "event"):
            try:
                new = curation.mention_split(mention=mention, user=request.user)
            except curation.CurationError as exc:
                self.message_user(request, f"{mention}: {exc}", messages.WARNING)
            else:
                self.message_user(request, format_html("New event {}", _admin_link(new)), messages.SUCCESS)

    @method_decorator(require_http_methods(["GET", "POST"]))
    def split_view(self, request: HttpRequest, pk: int) -> HttpResponse:
        mention = get_object_or_404(Mention.objects.select_related("event", "passage__article"), pk=pk)
        if not self.has_change_permission(request, mention):
            raise PermissionDenied
        if request.method == "POST":
            try:
                new = curation.mention_split(mention=mention, user=request.user)
            except curation.CurationError as exc:
                self.message_user(request, str(exc), messages.ERROR)
                return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[mention.event_id]))
            self.message_user(request, f"The mention now backs a new event, “{new}”.", messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:timeline_event_change", args=[new.pk]))
        context = {
            **self.admin_site.each_context(request),
            "title": "Split a mention into a new event",
            "opts": self.model._meta,
            "mention": mention,
            "event": mention.event,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/timeline/mention/split_confirmation.html", context)


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
            .annotate(n_events=_count(Event.actors.through, "actor"))
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
