"""Benchmark: the timeline view's server time and figure size at 1 thousand to 1 million events.

Sizes run on SQLite (1k, 100k) and PostgreSQL (1k, 1M; skipped with a message when the server at
BENCH_PG_URL does not answer). Each size has its own database of synthetic events (generate_events),
kept under artifacts/bench/ (SQLite) or as database timeline_bench_<n> (PostgreSQL) for the next run.
Each measurement runs in a fresh process through the Django test client, with DEBUG off: a few filter
and zoom states, each requested BENCH_REPEAT times after one warm-up. Prints a table, the ratio of the
1-million time to the 1-thousand time on the same database (the baseline of this run), and the targets.
Exits 1 only when a measurement fails; a missed target is printed as MISSED.

Environment:
  BENCH_SIZES   which runs, e.g. "sqlite:1000,sqlite:100000,postgresql:1000,postgresql:1000000" (the default)
  BENCH_REPEAT  requests per state (default 15)
  BENCH_PG_URL  PostgreSQL server (default postgres://postgres@127.0.0.1:5432)
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
DEFAULT_SIZES = "sqlite:1000,sqlite:100000,postgresql:1000,postgresql:1000000"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://postgres@127.0.0.1:5432")
TARGETS = {("postgresql", 1_000_000): 150.0, ("sqlite", 100_000): 250.0}  # p95 in ms
MAX_FIGURE_BYTES = 300_000
MAX_RATIO = 3.0


def _database_url(vendor: str, size: int) -> str:
    if vendor == "sqlite":
        return f"sqlite:///{ARTIFACTS / f'timeline_{size}.sqlite3'}"
    return f"{PG_URL}/timeline_bench_{size}"


def _pg_ready(size: int) -> str | None:
    """None when PostgreSQL answers (creating the database if needed), else why not."""
    import psycopg

    try:
        with psycopg.connect(f"{PG_URL}/postgres", autocommit=True, connect_timeout=3) as conn:
            name = f"timeline_bench_{size}"
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as exc:
        return str(exc).strip().splitlines()[0]
    return None


# ---------------------------------------------------------------- one size, in its own process


def _states(actor_slug: str, last: str) -> list[tuple[str, dict[str, str]]]:
    """Filter and zoom states: the whole timeline, filters, and zooms ending at the latest event."""
    from datetime import date, timedelta

    end = date.fromisoformat(last)

    def zoom(days: int) -> dict[str, str]:
        return {"start": (end - timedelta(days=days)).isoformat(), "end": end.isoformat()}

    return [
        ("all, 30 years", {}),
        ("type filter", {"type": "statement"}),
        ("verified only", {"verified": "on"}),
        ("actor filter", {"actor": actor_slug}),
        ("text search", {"q": "missile"}),
        ("rows per actor", {"rows": "actor"}),
        ("zoom 5 years", zoom(5 * 365)),
        ("zoom 1 year", zoom(365)),
        ("zoom 2 months", zoom(61)),
        ("zoom 1 week", zoom(7)),
        ("zoom 1 week, page 2", {**zoom(7), "page": "2"}),
    ]


def _figure_bytes(html: str) -> int:
    start = html.index('<script id="timeline-figure" type="application/json">')
    return html.index("</script>", start) - start


def measure(size: int, repeat: int) -> dict:
    import django

    django.setup()
    from django.test import Client

    from bench.synthetic import benchmark_events_ensure
    from timeline.models import Actor
    from timeline.web.aggregation import tally_bounds

    generated = benchmark_events_ensure(size=size, seed=1)
    actor = Actor.objects.filter(name="North Korea").first() or Actor.objects.order_by("id").first()
    _, last = tally_bounds()
    client = Client()
    headers = {"HTTP_HX_REQUEST": "true"}
    rows = []
    for label, params in _states(actor.slug, last.isoformat()):
        client.get("/", params, **headers)  # warm-up
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            response = client.get("/", params, **headers)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (label, response.status_code)
        times.sort()
        rows.append(
            {
                "state": label,
                "median": statistics.median(times),
                "p95": times[min(len(times) - 1, round(0.95 * (len(times) - 1)))],
                "figure": _figure_bytes(response.text),
            }
        )
    started = time.perf_counter()
    page = client.get("/")
    full_page = (time.perf_counter() - started) * 1000
    assert page.status_code == 200
    return {"rows": rows, "generated_s": generated, "full_page_ms": full_page}


# ---------------------------------------------------------------- the run


def _run(vendor: str, size: int, repeat: int) -> dict | str:
    if vendor == "postgresql":
        problem = _pg_ready(size)
        if problem:
            return f"skipped: PostgreSQL unreachable at {PG_URL} ({problem})"
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(vendor, size),
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-key-" + "x" * 40,
        "STATIC_ROOT": str(ARTIFACTS / "static"),
        "DJANGO_SETTINGS_MODULE": "timeline.settings",
    }
    if not (ARTIFACTS / "static" / "staticfiles.json").exists():
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True
        )
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(size), str(repeat)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    if done.returncode != 0:
        return f"failed (exit {done.returncode})"
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> int:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    repeat = int(os.environ.get("BENCH_REPEAT", "15"))
    runs = [
        (v, int(n)) for v, n in (item.split(":") for item in os.environ.get("BENCH_SIZES", DEFAULT_SIZES).split(","))
    ]
    results: dict[tuple[str, int], dict] = {}
    failed = False
    print(f"{'database':<11} {'events':>9}  {'state':<20} {'median ms':>9} {'p95 ms':>8} {'figure KB':>9}")
    for vendor, size in runs:
        result = _run(vendor, size, repeat)
        if isinstance(result, str):
            print(f"{vendor:<11} {size:>9,}  {result}")
            failed |= result.startswith("failed")
            continue
        results[(vendor, size)] = result
        for row in result["rows"]:
            print(
                f"{vendor:<11} {size:>9,}  {row['state']:<20} {row['median']:>9.1f} {row['p95']:>8.1f} "
                f"{row['figure'] / 1000:>9.1f}"
            )
        overall = sorted(r["p95"] for r in result["rows"])
        note = f", generated in {result['generated_s']:.0f}s" if result["generated_s"] else ""
        print(
            f"{vendor:<11} {size:>9,}  worst p95 {overall[-1]:.1f} ms; full page {result['full_page_ms']:.0f} ms{note}"
        )

    print()
    for (vendor, size), target in TARGETS.items():
        if (vendor, size) in results:
            worst = max(r["p95"] for r in results[(vendor, size)]["rows"])
            ok = worst < target
            print(f"target {vendor} {size:,}: worst p95 {worst:.1f} ms < {target:.0f} ms: {'ok' if ok else 'MISSED'}")
    for (vendor, size), result in results.items():
        biggest = max(r["figure"] for r in result["rows"])
        ok = biggest < MAX_FIGURE_BYTES
        print(f"figure {vendor} {size:,}: largest {biggest / 1000:.1f} KB < 300 KB: {'ok' if ok else 'MISSED'}")
    for vendor in ("postgresql", "sqlite"):
        small, large = results.get((vendor, 1000)), results.get((vendor, 1_000_000))
        if small and large:
            ratio = statistics.median(r["median"] for r in large["rows"]) / statistics.median(
                r["median"] for r in small["rows"]
            )
            ok = ratio < MAX_RATIO
            print(
                f"ratio {vendor} 1M/1k (median of the states' medians): {ratio:.2f} < {MAX_RATIO}: {'ok' if ok else 'MISSED'}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--measure":
        sys.path.insert(0, str(ROOT))
        print(json.dumps(measure(int(sys.argv[2]), int(sys.argv[3]))))
    else:
        sys.exit(main())
