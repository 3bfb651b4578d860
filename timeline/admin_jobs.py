"""The admin's view of background ingests: what each job reads and how far it got."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.utils.html import format_html

from timeline.models import IngestJob


@admin.register(IngestJob)
class IngestJobAdmin(admin.ModelAdmin):
    list_display = ("id", "status", "progress", "created", "duplicates", "rejected", "created_at", "finished_at")
    list_filter = ("status",)
    readonly_fields = [f.name for f in IngestJob._meta.fields] + ["progress"]
    ordering = ("-created_at", "-id")

    @admin.display(description="progress")
    def progress(self, job: IngestJob) -> str:
        return format_html(
            '<progress max="100" value="{}"></progress> {} / {} files', job.percent, job.processed, job.total
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # jobs come from the ingest command or uploads, not from a form

    def has_change_permission(self, request: HttpRequest, obj: IngestJob | None = None) -> bool:
        return False
