"""Make a staff user in the "curators" group: `manage.py create_curator USERNAME [--password-from-env VAR]`."""

from __future__ import annotations

import getpass
import os
import sys
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

CURATORS = "curators"


class Command(BaseCommand):
    help = "Create (or update) a staff user who curates the timeline in the admin."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-from-env", metavar="VAR", help="read the password from this variable")

    def handle(self, *args: Any, username: str, email: str, password_from_env: str | None, **options: Any) -> None:
        group = Group.objects.filter(name=CURATORS).first()
        if group is None:
            raise CommandError('The "curators" group is missing: run `manage.py migrate` first.')
        password = self._password(password_from_env)
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(username=username, defaults={"email": email})
        try:
            validate_password(password, user)
        except ValidationError as exc:
            if created:
                user.delete()
            raise CommandError("; ".join(exc.messages)) from exc
        user.is_staff = True
        if email:
            user.email = email
        user.set_password(password)
        user.save()
        user.groups.add(group)
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} curator {username!r}: staff, in the curators group.")

    def _password(self, env_var: str | None) -> str:
        if env_var:
            value = os.environ.get(env_var)
            if not value:
                raise CommandError(f"The variable {env_var} is not set or empty.")
            return value
        if not sys.stdin.isatty():
            raise CommandError("No terminal to ask for a password: use --password-from-env VAR.")
        first = getpass.getpass("Password: ")
        if first != getpass.getpass("Password (again): "):
            raise CommandError("The passwords differ.")
        if not first:
            raise CommandError("The password is empty.")
        return first
