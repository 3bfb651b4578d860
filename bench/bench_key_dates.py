"""Benchmark: key dates on 100 thousand synthetic events, against a plain count query in the same run.

Each database (SQLite; PostgreSQL when BENCH_PG_URL answers) holds BENCH_KEY_DATES_EVENTS synthetic events
(generate_events, default 100,000), kept under artifacts/bench/ or as database timeline_bench_kd_<n> for the
next run. In a fresh process with DEBUG off, each filter state runs `key_dates` (15 days, and 50 for the whole
timeline) BENCH_REPEAT times after a warm-up, and the plain count of the same events per day (one GROUP BY
query, the cheapest answer to "which days have events") as many times. Prints medians, p95, the ratio of the
two and whether key dates answer within the target (1 s). Exits 1 only when a measurement fails.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "artifacts" / "bench"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
SIZE = int(os.environ.get("BENCH_KEY_DATES_EVENTS", "100000"))
TARGET_MS = 1000.0


def _database_url(vendor: str) -> str:
    if vendor == "sqlite":
        return f"sqlite:///{ARTIFACTS / f'key_dates_{SIZE}.sqlite3'}"
    return f"{PG_URL}/timeline_bench_kd_{SIZE}"


def _pg_ready() -> str | None:
    import psycopg

    try:
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True, connect_timeout=3) as conn:
            name = f"timeline_bench_kd_{SIZE}"
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]
    return None


def _timed(call, repeat: int) -> tuple[float, float]:
    call()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        call()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def measure(repeat: int) -> dict:
    import django

    django.setup()
    from datetime import timedelta

    from django.db.models import Count

    from bench.synthetic import benchmark_events_ensure
    from timeline.models import Actor, Event, Precision
    from timeline.web.key_dates import key_dates
    from timeline.web.selectors import TimelineFilters, events_for_timeline

    generated = benchmark_events_ensure(size=SIZE, seed=2)
    actor = Actor.objects.filter(name="North Korea").first() or Actor.objects.order_by("id").first()
    last = (
        Event.objects.filter(date_start__isnull=False).order_by("-date_start").values_list("date_start", flat=True)[0]
    )
    states = [
        ("all, 30 years", TimelineFilters(), 15),
        ("all, 50 days", TimelineFilters(), 50),
        ("type filter", TimelineFilters(event_type="attack"), 15),
        ("actor filter", TimelineFilters(actor=actor.slug), 15),
        ("text search", TimelineFilters(text="missile"), 15),
        ("one year", TimelineFilters(date_from=last - timedelta(days=365), date_to=last), 15),
    ]
    rows = []
    for label, filters, count in states:

        def plain(filters: TimelineFilters = filters) -> list:
            events = events_for_timeline(filters=filters).order_by().filter(precision=Precision.DAY)
            return list(events.values("date_start").annotate(n=Count("id")))

        def ours(filters: TimelineFilters = filters, count: int = count) -> list:
            return key_dates(filters=filters, count=count)

        base_median, base_p95 = _timed(plain, repeat)
        median, p95 = _timed(ours, repeat)
        rows.append({"state": label, "base": base_median, "median": median, "p95": p95, "days": len(ours())})
    return {"rows": rows, "generated_s": generated}


def _run(vendor: str, repeat: int) -> dict | str:
    if vendor == "postgresql":
        problem = _pg_ready()
        if problem:
            return f"skipped: PostgreSQL unreachable at {PG_URL} ({problem})"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(vendor),
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-key-" + "x" * 40,
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
    }
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(repeat)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True
    )
    if done.returncode != 0:
        return f"failed (exit {done.returncode})"
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    repeat = int(os.environ.get("BENCH_REPEAT", "7"))
    failed = False
    print(f"key dates on {SIZE:,} synthetic events; plain = the same events counted per day (one GROUP BY)")
    print(f"{'database':<11} {'state':<15} {'plain ms':>9} {'key dates ms':>13} {'p95 ms':>8} {'ratio':>6} {'days':>5}")
    for vendor in os.environ.get("BENCH_KEY_DATES_DATABASES", "sqlite,postgresql").split(","):
        result = _run(vendor, repeat)
        if isinstance(result, str):
            print(f"{vendor:<11} {result}")
            failed |= result.startswith("failed")
            continue
        for row in result["rows"]:
            ratio = row["median"] / row["base"] if row["base"] else float("inf")
            print(
                f"{vendor:<11} {row['state']:<15} {row['base']:>9.1f} {row['median']:>13.1f} {row['p95']:>8.1f} "
                f"{ratio:>6.1f} {row['days']:>5}"
            )
        worst = max(r["p95"] for r in result["rows"])
        verdict = "met" if worst < TARGET_MS else "MISSED"
        note = f" (generated in {result['generated_s']:.0f}s)" if result["generated_s"] else ""
        print(f"{vendor:<11} worst p95 {worst:.0f} ms, target under {TARGET_MS:.0f} ms: {verdict}{note}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if len(sys.argv) == 3 and sys.argv[1] == "--measure":
        print(json.dumps(measure(int(sys.argv[2]))))
    else:
        sys.exit(main())
