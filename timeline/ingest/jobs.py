"""Background ingestion: a large ingest runs as a task while its IngestJob shows how far it got.

An ingest of many files (``settings.INGEST_BACKGROUND_MIN_FILES`` or more) becomes an IngestJob and
a task on the django-tasks queue (database backend); ``python manage.py db_worker`` runs it. Smaller
ingests run at once, in the caller. Either way the files go through ``timeline.ingest.run.files_ingest``,
and the job's counts and heartbeat move after every file.

A worker that dies (killed, out of memory, machine restarted) leaves its job "running". Such a job is
stale when its worker's process is gone (same machine) or its heartbeat is older than
``settings.INGEST_STALE_SECONDS``; ``jobs_requeue_stale`` (run when a worker starts) queues it again, and
the next run resumes at the first file not yet counted: files stored meanwhile are found as duplicates.
"""

from __future__ import annotations

import logging
import os
import socket
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django_tasks import task

from timeline.ingest.readers import iter_files
from timeline.ingest.run import FileOutcome, files_ingest
from timeline.models import IngestJob

logger = logging.getLogger(__name__)


def _worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def ingest_job_create(*, paths: list[Path]) -> IngestJob:
    """A queued job for the article files under ``paths`` (files, or folders read recursively)."""
    files = [str(p) for p in iter_files([p for p in paths if p.exists()])]
    missing = [{"file": str(p), "reason": "no such file or folder"} for p in paths if not p.exists()]
    return IngestJob.objects.create(paths=files, total=len(files), rejected=len(missing), errors=missing)


def _job_count(job_id: int, outcome: FileOutcome) -> None:
    """Count one file's outcome on the job, in one statement (the heartbeat moves with it)."""
    errors = [{"file": str(outcome.path), "reason": reason} for reason in outcome.reasons]
    if errors:
        job = IngestJob.objects.only("errors").get(pk=job_id)
        IngestJob.objects.filter(pk=job_id).update(errors=[*job.errors, *errors])
    IngestJob.objects.filter(pk=job_id).update(
        processed=F("processed") + 1,
        rejected=F("rejected") + len(errors),
        created=F("created") + outcome.created,
        duplicates=F("duplicates") + len(outcome.results) - outcome.created,
        heartbeat=timezone.now(),
    )


def ingest_job_execute(*, job_id: int) -> IngestJob:
    """Ingest every file of the job, in order, skipping those a previous run already counted."""
    job = IngestJob.objects.get(pk=job_id)
    IngestJob.objects.filter(pk=job_id).update(
        status=IngestJob.Status.RUNNING, started_at=timezone.now(), heartbeat=timezone.now(), worker=_worker_name()
    )
    try:
        files_ingest((Path(name) for name in job.paths[job.processed :]), progress=lambda o: _job_count(job_id, o))
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


def _enqueue(job: IngestJob) -> None:
    result = ingest_job_run.enqueue(job.pk)
    IngestJob.objects.filter(pk=job.pk).update(status=IngestJob.Status.QUEUED, task_id=str(result.id), worker="")


def ingest_start(*, paths: list[Path], background: bool | None = None) -> IngestJob:
    """Ingest ``paths``: in the background when there are many files (or ``background`` says so), else now.

    Returns the job; a background job is still queued when this returns, a foreground one is done.
    """
    job = ingest_job_create(paths=paths)
    if background is None:
        background = job.total >= settings.INGEST_BACKGROUND_MIN_FILES
    if not background:
        return ingest_job_execute(job_id=job.pk)
    _enqueue(job)
    job.refresh_from_db()
    return job


def _worker_gone(worker: str) -> bool:
    """Whether the process named ``host:pid`` is known to be gone (only a process on this machine can be seen)."""
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def job_is_stale(job: IngestJob) -> bool:
    """A running job whose worker died: its process is gone, or it has not moved for INGEST_STALE_SECONDS."""
    if job.status != IngestJob.Status.RUNNING:
        return False
    if job.worker and _worker_gone(job.worker):
        return True
    last = job.heartbeat or job.started_at or job.created_at
    return last < timezone.now() - timedelta(seconds=settings.INGEST_STALE_SECONDS)


def jobs_requeue_stale() -> list[IngestJob]:
    """Queue again every running job whose worker died; each resumes at its first file not yet counted."""
    from django_tasks_db.models import DBTaskResult

    requeued = []
    for job in IngestJob.objects.filter(status=IngestJob.Status.RUNNING):
        if not job_is_stale(job):
            continue
        orphan = DBTaskResult.objects.filter(id=job.task_id, status="RUNNING").first() if job.task_id else None
        if orphan is not None:
            orphan.set_failed(RuntimeError(f"worker {job.worker or '?'} died; ingest job #{job.pk} queued again"))
        _enqueue(job)
        logger.info("ingest job #%s: its worker died at file %s of %s; queued again", job.pk, job.processed, job.total)
        requeued.append(job)
    return requeued
