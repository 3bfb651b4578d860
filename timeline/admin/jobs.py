"""The admin's view of background ingests: what each job reads and how far it got, and an upload form."""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from django.utils.text import get_valid_filename

from timeline.ingest.jobs import ingest_start
from timeline.models import IngestJob

UPLOAD_PERMISSION = "timeline.add_article"


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: object, initial: object = None) -> list[UploadedFile]:
        """Each file checked as a single FileField would check it (an empty selection is an error)."""
        one = super().clean
        return (
            [one(item, initial) for item in data] if isinstance(data, list | tuple) and data else [one(data, initial)]
        )


class UploadForm(forms.Form):
    files = MultipleFileField(label="Article files")


def upload_dir() -> Path:
    """Where uploaded files are kept for the ingest (settings.INGEST_UPLOAD_DIR, else uploads/ beside manage.py)."""
    return Path(getattr(settings, "INGEST_UPLOAD_DIR", settings.BASE_DIR / "uploads"))


def uploads_save(files: list[UploadedFile]) -> Path:
    """Write the uploaded files into a fresh folder; returns the folder."""
    folder = upload_dir() / uuid.uuid4().hex
    folder.mkdir(parents=True)
    for n, upload in enumerate(files):
        name = get_valid_filename(Path(upload.name or "").name) or f"upload-{n}.txt"
        target = folder / name if not (folder / name).exists() else folder / f"{n}-{name}"
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    return folder


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

    change_list_template = "admin/timeline/ingestjob/change_list.html"

    def get_urls(self) -> list[URLPattern]:
        upload = path("upload/", self.admin_site.admin_view(self.upload_view), name="timeline_ingestjob_upload")
        return [upload, *super().get_urls()]

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm(UPLOAD_PERMISSION):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            job = ingest_start(paths=[uploads_save(form.cleaned_data["files"])])
            if job.status == IngestJob.Status.QUEUED:
                messages.info(request, f"{job.total} files queued as ingest job #{job.pk}; the worker runs it.")
            else:
                messages.success(
                    request,
                    f"Ingested {job.processed} files: {job.created} new articles, {job.duplicates} already stored, "
                    f"{job.rejected} rejected.",
                )
            return HttpResponseRedirect(reverse("admin:timeline_ingestjob_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "form": form,
            "title": "Upload articles",
            "background_min": settings.INGEST_BACKGROUND_MIN_FILES,
        }
        return TemplateResponse(request, "admin/timeline/ingestjob/upload.html", context)

    def changelist_view(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        extra = {**(extra_context or {}), "can_upload": request.user.has_perm(UPLOAD_PERMISSION)}
        return super().changelist_view(request, extra_context=extra)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # jobs come from the ingest command or uploads, not from a form

    def has_change_permission(self, request: HttpRequest, obj: IngestJob | None = None) -> bool:
        return False
