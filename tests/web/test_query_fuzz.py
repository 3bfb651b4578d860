"""No query string gives a server error: a fixed corpus of about a thousand odd query strings against the public pages.

The corpus is built from a seeded generator (the same strings every run): real and impossible dates (year 1,
year 9999, 30 February), one-day ranges, reversed ranges, numbers far out of range, unknown choices, control
characters, markup, very long values and repeated keys, over every parameter the pages read.
"""

from __future__ import annotations

import random
from datetime import date
from urllib.parse import quote

import pytest

from tests.web_factories import make_event, make_sample_timeline

pytestmark = pytest.mark.django_db

PARAMS = ["type", "actor", "date_from", "date_to", "start", "end", "q", "verified", "rows", "page", "event",
          "cursor", "limit", "format", "zzz"]  # fmt: skip
DATES = ["2025-02-26", "2025-03-20", "2024-06-19", "0001-01-01", "0001-01-02", "9999-12-31", "9999-12-30",
         "10000-01-01", "0000-01-01", "2025-02-30", "2025-13-01", "2025-2-3", "26/02/2025", "02/26/2025",
         "2025-02-26T10:00", "yesterday", "", " ", "-1", "1e9"]  # fmt: skip
VALUES = ["", "0", "1", "-1", "2", "999999", "99999999999999999999", "maybe", "on", "off", "true", "false",
          "None", "null", "[]", "{}", "actor", "type", "missile test", "statement", "north-korea", "nobody",
          "missile", "a b c", "%", "%%", "'", '"', "<script>alert(1)</script>", "\x00", "\x1f", "\u202e",
          "日本", "🚀", "x" * 300, "&", "=", "+", "\\", "../../etc/passwd", "1.5", "NaN", "inf",
          "eyJpZCI6MX0", "Zm9v", "csv", "ics", "json", "timelinejs"]  # fmt: skip
PATHS = ["/", "/api/events/"]


def query_corpus(n: int = 1000, seed: int = 13) -> list[str]:
    """``n`` query strings: mostly two to four parameters, some repeated keys, some raw (unencoded) bytes."""
    rng = random.Random(seed)
    corpus = []
    for i in range(n):
        pairs = []
        for _ in range(rng.randint(1, 4)):
            name = rng.choice(PARAMS)
            pool = DATES if name in ("date_from", "date_to", "start", "end") else VALUES
            pairs.append((name, rng.choice(pool)))
        if i % 5 == 0:  # a one-day range, as a zoom or as filters
            day = rng.choice(DATES[:9])
            pairs += [("start", day), ("end", day)] if i % 2 else [("date_from", day), ("date_to", day)]
        encode = i % 7 != 0
        corpus.append("&".join(f"{k}={quote(v) if encode else v}" for k, v in pairs))
    return corpus


def _server_errors(client, paths: list[str], corpus: list[str], htmx: bool = False) -> list[str]:
    client.raise_request_exception = False
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    failed = []
    for path in paths:
        for query in corpus:
            response = client.get(f"{path}?{query}", **headers)
            if response.status_code >= 500:
                failed.append(f"{path}?{query}")
    return failed


def test_it_answers_every_fuzzed_query_without_a_server_error(client):
    make_sample_timeline()
    corpus = query_corpus()
    failed = _server_errors(client, PATHS, corpus)
    assert not failed, f"{len(failed)} of {len(corpus) * len(PATHS)} queries gave 5xx, e.g. {failed[:5]}"


def test_it_answers_fuzzed_htmx_requests_and_event_pages_without_a_server_error(client):
    events = make_sample_timeline()["events"]
    corpus = query_corpus(n=200, seed=14)
    slug = events["launch"].slug
    paths = ["/", f"/events/{slug}/", f"/api/events/{slug}/"]
    failed = _server_errors(client, paths, corpus, htmx=True)
    assert not failed, f"{len(failed)} queries gave 5xx, e.g. {failed[:5]}"


def test_it_answers_a_corpus_whose_events_all_start_on_one_day(client):
    for n in range(3):
        make_event(title=f"Event {n} of the day", start=date(2024, 10, 1))
    corpus = query_corpus(n=200, seed=15) + ["", "start=2024-10-01&end=2024-10-01"]
    failed = _server_errors(client, ["/", "/api/events/"], corpus)
    assert not failed, f"{len(failed)} queries gave 5xx, e.g. {failed[:5]}"
