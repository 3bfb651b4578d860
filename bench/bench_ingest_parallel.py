"""Ingest of full-length reports (5-10 KB) into PostgreSQL with one worker and with two at once, and again.

Run from the repository root: `.venv/bin/python bench/bench_ingest_parallel.py`. Writes BENCH_REPORTS reports
(default 80, bench/reports.py), then, each in a fresh database copied from one migrated template:
  1. one worker ingests them all (the baseline of this run);
  2. two workers ingest one half each, at the same time (separate processes, as two `ingest` runs or two
     `db_worker`s would);
  3. the first database ingests the same files again (every one already stored).
Each worker times its own loop (timeline.ingest.run.files_ingest), so process start-up is not counted;
two workers are timed from the first start to the last end. Prints reports per second, the ratio of two
workers to one (target 1.8), the absolute two-worker rate (target 60/s) and the re-ingest speed-up
(target 20). BENCH_DB_PREFIX names the databases (default tl_bench_ingest). Skips, saying so, when PostgreSQL does not answer at BENCH_PG_URL. Exit status 1 when a
worker fails; missed targets are printed as MISSED.

On the shared 2-core machine (load average 6-7 from other work), one after the other: the code with one global
lock gave one worker 4.0/s, two 3.3/s (0.81x), again 40x; with per-(kind, day) locks and bulk writes, 4.0/s,
4.3/s (1.09x), again 48x (at load 4.5: 6.6/s, 4.4/s, 0.66x before; 5.6/s, 4.7/s, 0.85x after); on an idle
machine the former gave 9.2/s, 11.8/s (1.29x), 58x (docs/benchmarks.md). Without the writer's lock (tally deltas
applied at commit, search text built once, joined events row-locked), one after the other with the code before it:
before 4.3/s, 5.8/s (1.34x), 89x at load 2.8 and 4.5/s, 4.0/s (0.90x), 40x at load 8.1; after 5.5/s, 6.0/s (1.09x),
32x at load 2.9 and 3.7/s, 4.3/s (1.15x), 50x at load 8.2: at these loads the rates are the other work's, not ours;
per article the worker's CPU went from 96-106 ms to 73-84 ms, the database's from 30-32 ms to 21-24 ms, and two
workers wait on locks 4% of their time instead of 10%.

With cheaper statements (the event writes and their history rows written out, the reads asked for each article
written out or limited to the fields used, the per-article inserts sent as one JSON document, headline scores kept),
the same 80 reports, run alternately with the code before it on the shared 2-core machine (load average before the
run): before 5.0/s, 5.0/s (0.99x), 35x [2.9] and 4.8/s, 6.6/s (1.38x), 53x [1.7]; after 6.6/s, 11.2/s (1.69x), 34x
[2.7] and 6.3/s, 8.3/s (1.32x), 29x [1.9]. Per article on one worker: the worker's CPU 135-166 ms before, 107-124 ms
after (in instructions, 415 M before and 335 M after), the database backend's 39-56 ms before, 43-44 ms after, 34.7 statements either way (docs/benchmarks.md).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
COUNT = int(os.environ.get("BENCH_REPORTS", "80"))
PREFIX = os.environ.get("BENCH_DB_PREFIX", "tl_bench_ingest")  # the databases it makes: PREFIX_template, _one, _two
TEMPLATE = f"{PREFIX}_template"
TARGET_RATE, TARGET_SCALING, TARGET_REINGEST = 60.0, 1.8, 20.0

WORKER = """
import json, sys, time
import django
django.setup()
from pathlib import Path
from timeline.ingest.run import files_ingest
files = [Path(p) for p in sys.argv[1:]]
start = time.time()
tally = files_ingest(files)
print(json.dumps({"start": start, "end": time.time(), "created": tally.created, "stored": tally.stored,
                  "rejected": tally.rejected}))
"""


def _psql(sql: str, database: str = "postgres") -> bool:
    import psycopg

    try:
        with psycopg.connect(f"{PG_URL}/{database}", autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql)
    except psycopg.OperationalError as exc:
        print(f"ingest-parallel: {exc}".strip())
        return False
    return True


def _fresh(name: str) -> None:
    _psql(f"DROP DATABASE IF EXISTS {name}")
    _psql(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE}")


def _workers(database: str, parts: list[list[Path]]) -> dict[str, float]:
    env = {**os.environ, "DATABASE_URL": f"{PG_URL}/{database}", "DJANGO_SETTINGS_MODULE": "timeline.settings"}
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, *map(str, part)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
        )
        for part in parts
    ]
    outs = [run.communicate()[0] for run in runs]
    if any(run.returncode for run in runs):
        raise SystemExit(f"ingest-parallel: a worker failed ({[run.returncode for run in runs]})")
    done = [json.loads(out.strip().splitlines()[-1]) for out in outs]
    return {
        "seconds": max(d["end"] for d in done) - min(d["start"] for d in done),
        "created": sum(d["created"] for d in done),
        "stored": sum(d["stored"] for d in done),
        "rejected": sum(d["rejected"] for d in done),
    }


def _line(label: str, run: dict[str, float]) -> float:
    rate = COUNT / run["seconds"]
    print(
        f"ingest-parallel: {label}: {COUNT} reports in {run['seconds']:.1f}s = {rate:.1f} reports/s "
        f"({run['created']:.0f} new, {run['stored']:.0f} already stored, {run['rejected']:.0f} rejected)"
    )
    return rate


def _verdict(name: str, value: float, target: float) -> str:
    return f"{name} {value:.2f} (target {target:g}){'' if value >= target else ' MISSED'}"


def main() -> int:
    if not _psql("SELECT 1"):
        print(f"ingest-parallel: skipped: PostgreSQL does not answer at {PG_URL} (set BENCH_PG_URL)")
        return 0
    from bench.reports import reports_write

    with tempfile.TemporaryDirectory() as tmp:
        files = reports_write(Path(tmp), count=COUNT, desk="Bench Wire")
        size = sum(f.stat().st_size for f in files) / len(files)
        print(f"ingest-parallel: {COUNT} reports of {size / 1024:.1f} KB on average, PostgreSQL")
        _psql(f"DROP DATABASE IF EXISTS {TEMPLATE}")
        _psql(f"CREATE DATABASE {TEMPLATE}")
        env = {**os.environ, "DATABASE_URL": f"{PG_URL}/{TEMPLATE}"}
        subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
        _fresh(f"{PREFIX}_one")
        one = _line("one worker (baseline)", _workers(f"{PREFIX}_one", [files]))
        _fresh(f"{PREFIX}_two")
        two = _line("two workers at once", _workers(f"{PREFIX}_two", [files[0::2], files[1::2]]))
        again = _line("again, all stored", _workers(f"{PREFIX}_one", [files]))
    print(f"ingest-parallel: {_verdict('two workers / one', two / one, TARGET_SCALING)}")
    print(f"ingest-parallel: {_verdict('two-worker rate / target rate', two / TARGET_RATE, 1.0)}")
    print(f"ingest-parallel: {_verdict('re-ingest / first ingest', again / one, TARGET_REINGEST)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
