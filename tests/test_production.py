"""Production serving: hashed, compressed static files through WhiteNoise, and the app under gunicorn."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.paths import ROOT

GUNICORN = Path(sys.executable).with_name("gunicorn")


def _production_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env.update(
        DEBUG="0",
        SECRET_KEY="test-only-production-key-" + "x" * 40,
        STATIC_ROOT=str(tmp_path / "static"),
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",  # HTTPS ends at a proxy in front; the test talks plain HTTP to gunicorn
        DJANGO_SETTINGS_MODULE="timeline.settings",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=300
    )


@pytest.fixture(scope="module")
def collected(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    tmp_path = tmp_path_factory.mktemp("production")
    env = _production_env(tmp_path)
    _manage(env, "collectstatic", "--noinput")
    return tmp_path / "static", env


def test_it_collects_hashed_and_compressed_static_files_with_debug_off(collected) -> None:
    static_root, _ = collected
    manifest = json.loads((static_root / "staticfiles.json").read_text())["paths"]
    hashed = manifest["js/timeline.js"]
    assert re.fullmatch(r"js/timeline\.[0-9a-f]{12}\.js", hashed)
    assert (static_root / hashed).is_file()
    assert (static_root / f"{hashed}.gz").is_file()  # WhiteNoise compresses at collect time
    assert (static_root / manifest["css/timeline.css"]).is_file()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 (a local test server)
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


@pytest.mark.slow
def test_it_serves_the_timeline_and_static_files_under_gunicorn(collected) -> None:
    static_root, env = collected
    _manage(env, "migrate", "--noinput")
    port = _free_port()
    server = subprocess.Popen(
        [str(GUNICORN), "timeline.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--timeout", "30"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                status, _, body = _get(base + "/")
                break
            except OSError:
                if server.poll() is not None:
                    pytest.fail(f"gunicorn exited: {server.stdout.read().decode()}")
                time.sleep(0.1)
        else:
            pytest.fail("gunicorn did not answer within 10 s")
        page = body.decode()
        assert status == 200 and 'id="timeline-chart"' in page
        script = re.search(r'<script src="(/static/js/timeline\.[0-9a-f]{12}\.js)"', page)
        assert script, "the page links the hashed static file"
        status, headers, content = _get(base + script.group(1), **{"Accept-Encoding": "gzip"})
        assert status == 200
        assert headers.get("content-encoding") == "gzip"
        assert "max-age=315360000" in headers.get("cache-control", "")  # hashed names are cached for years
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_it_passes_the_deployment_checks_with_the_production_settings(tmp_path) -> None:
    env = _production_env(tmp_path)
    env.pop("SECURE_SSL_REDIRECT")  # on by default with DEBUG off
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set by the browser tests for their own process only
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout
