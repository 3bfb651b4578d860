"""Who may use the curation admin: staff only; curators review and correct but delete no sources and manage no users."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from tests.admin_forms import change_form_data
from tests.curation_data import make_article, make_curator, make_event
from timeline.models import Article, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event() -> Event:
    article = make_article(sentences=["A missile was fired on Wednesday."], published=dt.date(2025, 2, 28))
    return make_event("Missile launch", passages=article.passages.all(), date_start=dt.date(2025, 2, 26))


def _login_url(next_url: str) -> str:
    return f"{reverse('admin:login')}?next={next_url}"


@pytest.mark.parametrize(
    "name", ["admin:index", "admin:timeline_event_changelist", "admin:timeline_article_changelist"]
)
def test_it_sends_anonymous_visitors_to_the_login_page(client, name):
    url = reverse(name)
    response = client.get(url)
    assert response.status_code == 302 and response.url == _login_url(url)


def test_it_sends_a_logged_in_non_staff_user_to_the_login_page(client, event):
    user = User.objects.create_user("reader", password="a-long-reader-password")
    user.groups.add(Group.objects.get(name="curators"))  # the group alone does not open the admin
    client.force_login(user)
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = client.get(url)
    assert response.status_code == 302 and response.url == _login_url(url)


def test_it_gives_the_curators_group_exactly_the_permissions_curation_needs():
    codenames = set(Group.objects.get(name="curators").permissions.values_list("codename", flat=True))
    assert {
        "view_event",
        "change_event",
        "change_mention",
        "change_article",
        "add_actor",
        "add_actoralias",
    } <= codenames
    assert not {c for c in codenames if c.startswith("delete_")} - {"delete_actoralias"}
    assert not {"add_event", "add_article", "change_passage", "change_publisher"} & codenames
    assert not Group.objects.get(name="curators").permissions.exclude(content_type__app_label="timeline").exists()


def test_it_forbids_a_curator_to_delete_articles(client, event):
    client.force_login(make_curator())
    article = Article.objects.get()
    assert client.get(reverse("admin:timeline_article_delete", args=[article.pk])).status_code == 403
    changelist = client.get(reverse("admin:timeline_article_changelist"))
    assert "delete_selected" not in changelist.content.decode()
    client.post(
        reverse("admin:timeline_article_changelist"),
        {"action": "delete_selected", "_selected_action": [str(article.pk)], "post": "yes"},
    )
    assert Article.objects.filter(pk=article.pk).exists()


def test_it_forbids_a_curator_to_delete_or_add_events(client, event):
    client.force_login(make_curator())
    assert client.get(reverse("admin:timeline_event_delete", args=[event.pk])).status_code == 403
    assert client.get(reverse("admin:timeline_event_add")).status_code == 403


def test_it_keeps_user_management_from_curators(client):
    client.force_login(make_curator())
    for name in ["admin:auth_user_changelist", "admin:auth_group_changelist", "admin:auth_user_add"]:
        assert client.get(reverse(name)).status_code == 403, name
    assert "auth/user" not in client.get(reverse("admin:index")).content.decode()


def test_it_rejects_an_admin_form_posted_without_its_csrf_token(event):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_curator())
    url = reverse("admin:timeline_event_change", args=[event.pk])
    data = change_form_data(browser.get(url))
    data.pop("csrfmiddlewaretoken", None)
    data["title"] = "Forged"
    assert browser.post(url, data).status_code == 403
    event.refresh_from_db()
    assert event.title == "Missile launch"


def test_it_rejects_a_merge_posted_without_its_csrf_token(event):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_curator())
    other = make_event("Launch", passages=make_article(sentences=["A launch."]).passages.all())
    data = {"action": "merge_events", "_selected_action": [str(event.pk), str(other.pk)], "post": "yes"}
    data["survivor"] = str(event.pk)
    assert browser.post(reverse("admin:timeline_event_changelist"), data).status_code == 403
    assert not Event.objects.filter(merged_into__isnull=False).exists()
