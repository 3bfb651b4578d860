"""Background ingestion: many files become a queued job run by the worker, few are ingested at once."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from timeline.ingest.jobs import ingest_job_create, ingest_job_execute, ingest_start
from timeline.models import Article, IngestJob

pytestmark = pytest.mark.django_db

STORY = (
    "Published: 2024-0{n}-1{n}\n\n"
    "Officials in Ruritania said on Tuesday that the navy had held exercises number {n} near the coast. "
    "Neighbouring states called the drills a provocation."
)


def _files(folder: Path, n: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(1, n + 1):
        path = folder / f"story-{i}.txt"
        path.write_text(STORY.format(n=i), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def work(monkeypatch):
    """Run the queued tasks as `manage.py db_worker` does, inside the test's transaction.

    The worker drops connections that are not in autocommit mode, as a test's connection is: keep it.
    """
    monkeypatch.setattr("django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None)

    def _work() -> None:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", stdout=StringIO(), stderr=StringIO())

    return _work


def test_it_ingests_a_small_batch_at_once(tmp_path, settings) -> None:
    settings.INGEST_BACKGROUND_MIN_FILES = 10
    job = ingest_start(paths=_files(tmp_path / "in", 2))
    assert (job.status, job.total, job.processed, job.created) == (IngestJob.Status.DONE, 2, 2, 2)
    assert Article.objects.count() == 2 and not job.task_id


def test_it_queues_a_large_batch_for_the_worker(tmp_path, settings, work) -> None:
    settings.INGEST_BACKGROUND_MIN_FILES = 3
    _files(tmp_path / "in", 4)
    job = ingest_start(paths=[tmp_path / "in"])
    assert job.status == IngestJob.Status.QUEUED and job.task_id and job.total == 4
    assert not Article.objects.exists()
    work()
    job.refresh_from_db()
    assert (job.status, job.processed, job.created, job.rejected) == (IngestJob.Status.DONE, 4, 4, 0)
    assert job.percent == 100 and job.finished_at is not None
    assert Article.objects.count() == 4


def test_it_counts_duplicates_and_rejected_files_with_the_reason(tmp_path) -> None:
    paths = _files(tmp_path / "in", 2)
    (tmp_path / "in" / "copy.txt").write_text(paths[0].read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "in" / "broken.json").write_text("{not json", encoding="utf-8")
    job = ingest_start(paths=[tmp_path / "in", tmp_path / "absent"], background=False)
    assert (job.total, job.created, job.duplicates, job.rejected) == (4, 2, 1, 2)
    assert {Path(e["file"]).name for e in job.errors} == {"broken.json", "absent"}


def test_it_resumes_a_job_after_the_files_already_counted(tmp_path) -> None:
    job = ingest_job_create(paths=_files(tmp_path / "in", 3))
    IngestJob.objects.filter(pk=job.pk).update(processed=2)
    done = ingest_job_execute(job_id=job.pk)
    assert done.processed == 3 and Article.objects.count() == 1


def test_it_queues_from_the_ingest_command(tmp_path, work) -> None:
    _files(tmp_path / "in", 2)
    out = StringIO()
    call_command("ingest", str(tmp_path / "in"), "--background", stdout=out, stderr=StringIO())
    job = IngestJob.objects.get()
    assert f"ingest job #{job.pk}" in out.getvalue() and job.status == IngestJob.Status.QUEUED
    work()
    assert Article.objects.count() == 2


def test_it_ingests_a_large_batch_at_once_from_the_command_unless_asked(tmp_path, settings) -> None:
    settings.INGEST_BACKGROUND_MIN_FILES = 3
    _files(tmp_path / "in", 4)
    out = StringIO()
    call_command("ingest", str(tmp_path / "in"), stdout=out, stderr=StringIO())
    assert Article.objects.count() == 4 and not IngestJob.objects.filter(status=IngestJob.Status.QUEUED).exists()
    assert "4 files read" in out.getvalue()


def test_it_shows_progress_in_the_admin(admin_client, tmp_path) -> None:
    job = ingest_job_create(paths=_files(tmp_path / "in", 4))
    IngestJob.objects.filter(pk=job.pk).update(processed=1, status=IngestJob.Status.RUNNING)
    page = admin_client.get("/admin/timeline/ingestjob/")
    assert page.status_code == 200
    assert '<progress max="100" value="25">' in page.text and "1 / 4 files" in page.text
    assert admin_client.get("/admin/timeline/ingestjob/add/").status_code == 403


def _uploads(n: int) -> list:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return [SimpleUploadedFile(f"story-{i}.txt", STORY.format(n=i).encode(), "text/plain") for i in range(1, n + 1)]


def test_it_ingests_a_small_upload_from_the_admin_at_once(admin_client, tmp_path, settings) -> None:
    settings.INGEST_UPLOAD_DIR = tmp_path / "uploads"
    settings.INGEST_BACKGROUND_MIN_FILES = 5
    page = admin_client.get("/admin/timeline/ingestjob/")
    assert "/admin/timeline/ingestjob/upload/" in page.text
    response = admin_client.post("/admin/timeline/ingestjob/upload/", {"files": _uploads(2)}, follow=True)
    assert "Ingested 2 files: 2 new articles" in response.text
    assert Article.objects.count() == 2 and IngestJob.objects.get().status == IngestJob.Status.DONE


def test_it_queues_a_large_upload_from_the_admin(admin_client, tmp_path, settings, work) -> None:
    settings.INGEST_UPLOAD_DIR = tmp_path / "uploads"
    settings.INGEST_BACKGROUND_MIN_FILES = 3
    response = admin_client.post("/admin/timeline/ingestjob/upload/", {"files": _uploads(3)}, follow=True)
    job = IngestJob.objects.get()
    assert f"queued as ingest job #{job.pk}" in response.text and not Article.objects.exists()
    work()
    assert Article.objects.count() == 3


def test_it_refuses_uploads_without_the_right_to_add_articles(client, django_user_model) -> None:
    staff = django_user_model.objects.create_user("reader", password="a-long-password-here", is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/timeline/ingestjob/upload/").status_code == 403
