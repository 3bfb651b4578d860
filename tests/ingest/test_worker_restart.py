"""A background worker killed in the middle of a job: the next worker resumes the job and finishes it."""

from __future__ import annotations

import signal
import sqlite3
import time

import pytest
from django.db import connection

from bench.reports import reports_write
from tests.ingest.processes import WAIT, manage, manage_start, shared_database

pytestmark = pytest.mark.django_db(transaction=True)

FILES = 8


def _job(url: str) -> tuple[str, int, int, int]:
    """(status, processed, total, articles stored) as the database holds them now."""
    sql = ["SELECT status, processed, total FROM timeline_ingestjob", "SELECT count(*) FROM timeline_article"]
    if url.startswith("sqlite"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as db:
            (job,), ((articles,),) = (db.execute(q).fetchall() for q in sql)
    else:
        with connection.cursor() as cursor:
            cursor.execute(sql[0])
            (job,) = cursor.fetchall()
            cursor.execute(sql[1])
            ((articles,),) = cursor.fetchall()
    return (*job, articles)


def _until(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def test_it_resumes_the_job_of_a_worker_killed_mid_job(tmp_path) -> None:
    url = shared_database(tmp_path)
    reports_write(tmp_path / "in", count=FILES, desk="Harbour Wire")
    queued = manage(url, "ingest", "--background", str(tmp_path / "in"))
    assert queued.returncode == 0, queued.stderr.decode()
    worker = manage_start(url, "db_worker", "--no-startup-delay", "--no-reload", "--interval", "0.1")
    try:
        _until(lambda: _job(url)[1] >= 2, "the worker to finish two files")
    finally:
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=WAIT)
    status, processed, total, _ = _job(url)
    assert status == "running" and processed < total  # the job was cut off mid-way
    again = manage(url, "db_worker", "--batch", "--no-startup-delay", "--no-reload")
    assert again.returncode == 0, again.stderr.decode()[-2000:]
    assert again.stderr.decode().count("queued again") == 1  # one line says so, naming the job and the file
    assert _job(url) == ("done", total, total, FILES)
