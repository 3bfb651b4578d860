"""python manage.py db_worker: run queued background tasks (django-tasks' worker), after requeueing
the ingest jobs of workers that died, so a restarted worker resumes them."""

from __future__ import annotations

from django_tasks_db.management.commands.db_worker import Command as TasksWorker

from timeline.ingest.jobs import jobs_requeue_stale


class Command(TasksWorker):
    def handle(self, *args: object, **options: object) -> None:
        for job in jobs_requeue_stale():
            self.stderr.write(
                f"ingest job #{job.pk}: its worker died after {job.processed} of {job.total} files; "
                f"queued again from file {job.processed + 1}"
            )
        super().handle(*args, **options)
