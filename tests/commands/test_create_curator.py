"""`manage.py create_curator`: a staff user in the curators group, password from the terminal or the environment."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_it_creates_a_staff_curator_with_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("CURATOR_PASSWORD", "a-long-curator-password")
    out = io.StringIO()
    call_command("create_curator", "cora", "--password-from-env", "CURATOR_PASSWORD", stdout=out)
    user = User.objects.get(username="cora")
    assert user.is_staff and not user.is_superuser
    assert user.check_password("a-long-curator-password")
    assert list(user.groups.values_list("name", flat=True)) == ["curators"]
    assert user.has_perm("timeline.change_event") and not user.has_perm("timeline.delete_article")
    assert "Created curator 'cora'" in out.getvalue()


def test_it_makes_an_existing_user_a_curator(monkeypatch):
    User.objects.create_user("dana", password="old-password-here")
    monkeypatch.setenv("PW", "a-new-curator-password")
    call_command("create_curator", "dana", "--password-from-env", "PW", stdout=io.StringIO())
    user = User.objects.get(username="dana")
    assert user.is_staff and user.groups.filter(name="curators").exists()
    assert user.check_password("a-new-curator-password")


def test_it_refuses_an_unset_variable(monkeypatch):
    monkeypatch.delenv("NOPE", raising=False)
    with pytest.raises(CommandError, match="NOPE"):
        call_command("create_curator", "cora", "--password-from-env", "NOPE")
    assert not User.objects.exists()


def test_it_asks_for_the_password_on_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["a-long-curator-password", "a-long-curator-password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_curator", "cora", stdout=io.StringIO())
    assert User.objects.get(username="cora").check_password("a-long-curator-password")


def test_it_refuses_passwords_that_differ(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["one-password-here", "another-password"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="differ"):
        call_command("create_curator", "cora")


def test_it_refuses_to_prompt_without_a_terminal(monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    with pytest.raises(CommandError, match="--password-from-env"):
        call_command("create_curator", "cora")
