"""Re-anchoring through the Article admin form, on the real seed 004: a copy of a 2023 wire story re-dated 2025.

The article states 2025-05-06 but tells of a launch on Wednesday 2023-09-13; once a curator corrects the article
date, the launch moves to 2023-09-13 with nothing else to do. Fields a curator locked stay as they were.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.admin_forms import change_form_data
from tests.curation_data import make_curator
from timeline.ingest import service as services
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db

SEED = "004_6399342ea75a5eb6.txt"
TRUE_DATE = dt.date(2023, 9, 13)


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).casefold()


@pytest.fixture
def curator_client(client):
    client.force_login(make_curator())
    return client


@pytest.fixture
def seed_article(seeds_dir) -> Article:
    call_command("ingest", str(seeds_dir / SEED), stdout=io.StringIO(), stderr=io.StringIO())
    return Article.objects.get(source_name__contains=SEED.removesuffix(".txt"))


@pytest.fixture
def launch_quotes(gold_seeds) -> list[str]:
    gold = json.loads(gold_seeds.read_text())
    event = next(e for e in gold["events"] if e["key"] == "missile-during-russia-visit")
    return [_fold(q) for q in event["mentions"][SEED]]


def _launch(article: Article, quotes: list[str]) -> Event:
    """The system event one of whose passages in the article holds a gold quote of the launch."""
    for event in Event.objects.filter(mentions__passage__article=article, merged_into__isnull=True).distinct():
        texts = [_fold(m.passage.text) for m in event.mentions.filter(passage__article=article)]
        if any(q in t for q in quotes for t in texts):
            return event
    raise AssertionError("no event backed by the launch passage of seed 004")


def _set_article_date(client, article: Article, published: dt.date) -> None:
    url = reverse("admin:timeline_article_change", args=[article.pk])
    data = change_form_data(client.get(url))
    data["published"] = published.isoformat()
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors


def test_it_moves_the_launch_when_a_curator_corrects_the_article_date(curator_client, seed_article, launch_quotes):
    before = _launch(seed_article, launch_quotes)
    assert before.date_start != TRUE_DATE  # read against the stated 2025 date

    _set_article_date(curator_client, seed_article, TRUE_DATE)

    seed_article.refresh_from_db()
    assert seed_article.published == TRUE_DATE
    assert seed_article.published_source == Article.DateSource.CURATOR
    launch = _launch(seed_article, launch_quotes)
    assert (launch.date_start, launch.precision) == (TRUE_DATE, "day")
    assert {m.date_anchor for m in launch.mentions.filter(passage__article=seed_article) if m.date_text} == {TRUE_DATE}
    assert launch.history.order_by("-history_id").first().history_user.username == "cora"


def test_it_keeps_a_curator_s_locked_date_and_title_when_the_article_is_redated(
    curator_client, seed_article, launch_quotes
):
    launch = _launch(seed_article, launch_quotes)
    url = reverse("admin:timeline_event_change", args=[launch.pk])
    data = change_form_data(curator_client.get(url))
    data["title"] = "Missile fired as Kim visits Russia"
    data["date_start"] = data["date_end"] = "2023-09-13"
    assert curator_client.post(url, data).status_code == 302

    _set_article_date(curator_client, seed_article, dt.date(2024, 6, 1))

    launch = _launch(seed_article, launch_quotes)
    assert launch.title == "Missile fired as Kim visits Russia"
    assert (launch.date_start, launch.date_end) == (TRUE_DATE, TRUE_DATE)
    assert {"title", "date_start", "date_end"} <= set(launch.locked_fields)


def test_it_keeps_locked_fields_when_extraction_runs_again(curator_client, seeds_dir, seed_article, launch_quotes):
    launch = _launch(seed_article, launch_quotes)
    url = reverse("admin:timeline_event_change", args=[launch.pk])
    data = change_form_data(curator_client.get(url))
    data["title"] = "Curated title"
    data["event_type"] = "statement"
    assert curator_client.post(url, data).status_code == 302

    services.article_reextract(seed_article)
    call_command("ingest", str(seeds_dir / SEED), stdout=io.StringIO(), stderr=io.StringIO())

    launch = _launch(seed_article, launch_quotes)
    assert (launch.title, launch.event_type) == ("Curated title", "statement")
