"""Make a staff user in the "curators" group: `manage.py create_curator USERNAME [--password-from-env VAR]`."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.admin.curators import CuratorError, curator_password, curator_save, curators_group


class Command(BaseCommand):
    help = "Create (or update) a staff user who curates the timeline in the admin."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--email", default="")
        parser.add_argument("--password-from-env", metavar="VAR", help="read the password from this variable")

    def handle(self, *args: Any, username: str, email: str, password_from_env: str | None, **options: Any) -> None:
        try:
            curators_group()  # before asking for a password
            created = curator_save(username=username, email=email, password=curator_password(env_var=password_from_env))
        except CuratorError as exc:
            raise CommandError(str(exc)) from exc
        verb = "Created" if created else "Updated"
        self.stdout.write(f"{verb} curator {username!r}: staff, in the curators group.")
