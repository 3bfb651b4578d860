"""Benchmark: `manage.py export_events` at several sizes, its wall time and peak memory (streaming: flat memory).

Each size has its own database of synthetic events (generate_events, seed 1), the same ones bench_timeline.py
keeps under artifacts/bench/ (SQLite) or as database timeline_bench_<n> (PostgreSQL). Each export runs as its own
process writing to a file, timed from start to exit; its peak resident memory is the kernel's figure for that
process. Prints seconds, events per second, the file's size and the peak memory, then whether the largest size's
peak memory stays within MAX_GROWTH of the smallest one's (the export reads in chunks, so it should not grow).
Exits 1 only when an export fails; a missed target is printed as MISSED.

Environment:
  BENCH_EXPORT_SIZES   which runs (default "sqlite:1000,sqlite:10000", a short run); the figures of
                       docs/benchmarks.md come from e.g. "sqlite:1000,sqlite:100000,postgresql:1000000"
  BENCH_EXPORT_FORMATS formats to export (default "json"; any of json,csv,timelinejs,ics)
  BENCH_PG_URL         PostgreSQL server (default postgres://postgres@127.0.0.1:5432)
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_timeline import ARTIFACTS, _database_url, _pg_ready  # noqa: E402

DEFAULT_SIZES = "sqlite:1000,sqlite:10000"
MAX_GROWTH = 1.5  # peak memory of the largest export over that of the smallest


def _env(vendor: str, size: int) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": _database_url(vendor, size), "DJANGO_SETTINGS_MODULE": "timeline.settings"}


def _ensure(vendor: str, size: int) -> str | None:
    """None when the database holds ``size`` synthetic events (generating them if it is empty), else why not."""
    if vendor == "postgresql" and (problem := _pg_ready(size)):
        return f"skipped: PostgreSQL unreachable ({problem})"
    code = "import django; django.setup(); from bench.synthetic import benchmark_events_ensure as e; e(size=%d, seed=1)"
    done = subprocess.run([sys.executable, "-c", code % size], cwd=ROOT, env=_env(vendor, size))
    return None if done.returncode == 0 else f"failed: the database could not be filled (exit {done.returncode})"


def export_measure(vendor: str, size: int, fmt: str) -> dict[str, float] | str:
    """One export of ``fmt`` to a file: seconds, peak resident memory (MB) and the file's size (MB)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / f"export.{fmt}"
        command = [sys.executable, "manage.py", "export_events", "--format", fmt, "--output", str(out)]
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=ROOT, env=_env(vendor, size), stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err = child.stderr.read().decode()
        if child.returncode != 0:
            return f"failed (exit {child.returncode}): {err.strip().splitlines()[-1:]}"
        scale = 1024 if sys.platform != "darwin" else 1024 * 1024  # ru_maxrss is in KB on Linux
        return {"seconds": seconds, "peak_mb": usage.ru_maxrss / scale, "file_mb": out.stat().st_size / 1e6}


def main() -> int:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    runs = [
        (v, int(n)) for v, n in (s.split(":") for s in os.environ.get("BENCH_EXPORT_SIZES", DEFAULT_SIZES).split(","))
    ]
    formats = os.environ.get("BENCH_EXPORT_FORMATS", "json").split(",")
    failed = False
    peaks: dict[str, list[tuple[int, float]]] = {}
    print(
        f"{'database':<11} {'events':>9}  {'format':<10} {'seconds':>8} {'events/s':>9} {'file MB':>8} {'peak MB':>8}"
    )
    for vendor, size in runs:
        problem = _ensure(vendor, size)
        if problem:
            print(f"{vendor:<11} {size:>9,}  {problem}")
            failed |= problem.startswith("failed")
            continue
        for fmt in formats:
            result = export_measure(vendor, size, fmt)
            if isinstance(result, str):
                print(f"{vendor:<11} {size:>9,}  {fmt:<10} {result}")
                failed = True
                continue
            peaks.setdefault(fmt, []).append((size, result["peak_mb"]))
            print(
                f"{vendor:<11} {size:>9,}  {fmt:<10} {result['seconds']:>8.1f} {size / result['seconds']:>9,.0f} "
                f"{result['file_mb']:>8.1f} {result['peak_mb']:>8.1f}"
            )
    for fmt, found in peaks.items():
        if len(found) > 1:
            (small, low), (large, high) = min(found), max(found)
            verdict = "ok" if high <= MAX_GROWTH * low else "MISSED"
            print(
                f"{fmt}: peak memory at {large:,} events / at {small:,}: {high / low:.2f} "
                f"(target <= {MAX_GROWTH}): {verdict}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
