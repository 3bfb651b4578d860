"""The curation admin for events and their mentions: review states, merge, split, locks and history."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, URLPattern, path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.views.decorators.http import require_http_methods
from simple_history.admin import SimpleHistoryAdmin

from timeline.admin.display import admin_link, count_of, date_range
from timeline.admin.filters import (
    EventPublisherFilter,
    LockedFilter,
    MergedFilter,
    PublisherCountFilter,
)
from timeline.events import curation
from timeline.models import Event, Mention


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
        return admin_link(article, label)

    @admin.display(description="resolved to")
    def dates(self, obj: Mention) -> str:
        return date_range(obj)

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
    actions = ["verify", "reject", "merge_events", "unmerge_events", "unlock_all"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).annotate(n_mentions=count_of(Mention, "event"))

    @admin.display(description="date", ordering="date_start")
    def when(self, obj: Event) -> str:
        return date_range(obj)

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
        warnings = curation.merge_warnings(events)
        if request.POST.get("post") == "yes":
            survivor = next((e for e in events if str(e.pk) == request.POST.get("survivor")), None)
            if survivor is None:
                self.message_user(request, "Choose the event to keep.", messages.ERROR)
            elif warnings and request.POST.get("confirm_warnings") != "yes":
                self.message_user(request, "Tick the box to confirm the merge despite the warnings.", messages.ERROR)
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
            "warnings": warnings,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/timeline/event/merge_confirmation.html", context)

    @admin.action(description="Unmerge selected events (bring a merged-away event back)", permissions=["change"])
    def unmerge_events(self, request: HttpRequest, queryset: QuerySet) -> None:
        merged = list(queryset.filter(merged_into__isnull=False))
        for event in merged:
            curation.event_unmerge(event=event, user=request.user)
        if merged:
            names = ", ".join(f"“{e.title}”" for e in merged)
            self.message_user(request, f"Unmerged {len(merged)} event(s): {names}.", messages.SUCCESS)
        else:
            self.message_user(request, "None of the selected events was merged into another.", messages.WARNING)


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
        return admin_link(obj.event)

    @admin.display(description="article", ordering="passage__article")
    def article(self, obj: Mention) -> str:
        return admin_link(obj.passage.article)

    @admin.display(description="resolved to", ordering="date_start")
    def dates(self, obj: Mention) -> str:
        return date_range(obj)

    @admin.action(description="Split selected mentions into events of their own", permissions=["change"])
    def split_mentions(self, request: HttpRequest, queryset: QuerySet) -> None:
        for mention in queryset.select_related("passage", "event"):
            try:
                new = curation.mention_split(mention=mention, user=request.user)
            except curation.CurationError as exc:
                self.message_user(request, f"{mention}: {exc}", messages.WARNING)
            else:
                self.message_user(request, format_html("New event {}", admin_link(new)), messages.SUCCESS)

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
