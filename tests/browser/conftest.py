"""Playwright (sync API) driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the browser tests skip with a message, unless REQUIRE_BROWSER=1 (CI), where
they fail instead. Screenshots of each step go to artifacts/ at the repository's root.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import ARTIFACTS

# Playwright's sync API runs an event loop in this thread; Django's ORM would otherwise refuse to run.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _require_browser() -> None:
    if CHROMIUM.exists():
        return
    message = f"{CHROMIUM} is absent: install Debian's chromium package to run the browser tests"
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(message + " (REQUIRE_BROWSER=1 makes this a failure)")
    pytest.skip(message)


@pytest.fixture(scope="module")  # one Playwright per module: other modules may start their own
def browser() -> Iterator[object]:
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def open_page(browser, live_server):
    """Open a fresh page (own context) at a path of the live server; record requests to other hosts."""
    contexts = []

    def _open(path: str = "/", width: int = 1360, height: int = 900, enforce_csp: bool = False):
        # Playwright polls wait_for_function predicates by evaluating them in the page, which the app's
        # Content-Security-Policy forbids; pages are opened past it unless a test checks the policy itself.
        context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=not enforce_csp)
        contexts.append(context)
        page = context.new_page()
        page.foreign_requests = []
        page.errors = []
        page.csp_violations = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on(
            "console",
            lambda message: (
                page.csp_violations.append(message.text) if "Content Security Policy" in message.text else None
            ),
        )
        page.on(
            "request",
            lambda request: (
                page.foreign_requests.append(request.url)
                if not request.url.startswith(live_server.url) and not request.url.startswith("data:")
                else None
            ),
        )
        page.goto(live_server.url + path)
        return page

    yield _open
    for context in contexts:
        for page in context.pages:  # let requests in flight finish before the database is flushed
            page.wait_for_load_state("networkidle", timeout=5_000)
        context.close()


@pytest.fixture
def clean_tallies(transactional_db) -> None:
    """Drop event tallies left by an earlier test's flush.

    The flush between transactional tests empties the tally table before the event table, so the
    tally triggers on event deletion leave negative counts behind; the next test's events would then
    cancel them out and vanish from the timeline's bounds.
    """
    from timeline.models import EventTally

    EventTally.objects.all().delete()
