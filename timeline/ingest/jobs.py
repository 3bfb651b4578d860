"""Background ingestion: a large ingest runs as a task while its IngestJob shows how far it got.

An ingest of many files (``settings.INGEST_BACKGROUND_MIN_FILES`` or more) becomes an IngestJob and
a task on the django-tasks queue (database backend); ``python manage.py db_worker`` runs it. Smaller
ingests run at once, in the caller. Either way each file goes through ``timeline.ingest.readers`` and each
article through ``timeline.ingest.service.article_ingest``, and the job's counts move after every file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from timeline.ingest.readers import ReadError, iter_files
from timeline.ingest.service import file_ingest
from timeline.models import IngestJob

logger = logging.getLogger(__name__)


def ingest_job_create(*, paths: list[Path]) -> IngestJob:
    """A queued job for the article files under ``paths`` (files, or folders read recursively)."""
    files = [str(p) for p in iter_files([p for p in paths if p.exists()])]
    missing = [{"file": str(p), "reason": "no such file or folder"} for p in paths if not p.exists()]
    return IngestJob.objects.create(paths=files, total=len(files), rejected=len(missing), errors=missing)


def _ingest_file(job_id: int, path: Path) -> None:
    """Read one file into articles and count the outcome on the job."""
    try:
        done = file_ingest(path=path, max_bytes=settings.INGEST_MAX_BYTES)
    except (ReadError, ValueError, OSError) as exc:
        job = IngestJob.objects.get(pk=job_id)
        job.errors = [*job.errors, {"file": str(path), "reason": str(exc)}]
        job.processed, job.rejected = job.processed + 1, job.rejected + 1
        job.save(update_fields=["errors", "processed", "rejected"])
        return
    created = sum(r.created for r in done.results)
    job = IngestJob.objects.get(pk=job_id)
    job.errors = [*job.errors, *({"file": str(path), "reason": reason} for reason in done.skipped)]
    job.processed, job.rejected = job.processed + 1, job.rejected + len(done.skipped)
    job.created, job.duplicates = job.created + created, job.duplicates + len(done.results) - created
    job.save(update_fields=["errors", "processed", "rejected", "created", "duplicates"])


def ingest_job_execute(*, job_id: int) -> IngestJob:
    """Ingest every file of the job, in order, skipping those a previous run already counted."""
    job = IngestJob.objects.get(pk=job_id)
    IngestJob.objects.filter(pk=job_id).update(status=IngestJob.Status.RUNNING, started_at=timezone.now())
    try:
        for name in job.paths[job.processed :]:
            _ingest_file(job_id, Path(name))
    except Exception:
        logger.exception("ingest job %s failed", job_id)
        IngestJob.objects.filter(pk=job_id).update(status=IngestJob.Status.FAILED, finished_at=timezone.now())
        raise
    IngestJob.objects.filter(pk=job_id).update(status=IngestJob.Status.DONE, finished_at=timezone.now())
    return IngestJob.objects.get(pk=job_id)


@task()
def ingest_job_run(job_id: int) -> dict[str, int]:
    """The background task: run the job and return its counts."""
    job = ingest_job_execute(job_id=job_id)
    return {"processed": job.processed, "created": job.created, "duplicates": job.duplicates, "rejected": job.rejected}


def ingest_start(*, paths: list[Path], background: bool | None = None) -> IngestJob:
    """Ingest ``paths``: in the background when there are many files (or ``background`` says so), else now.

    Returns the job; a background job is still queued when this returns, a foreground one is done.
    """
    job = ingest_job_create(paths=paths)
    if background is None:
        background = job.total >= settings.INGEST_BACKGROUND_MIN_FILES
    if not background:
        return ingest_job_execute(job_id=job.pk)
    result = ingest_job_run.enqueue(job.pk)
    IngestJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job
