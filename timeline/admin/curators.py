"""Curator accounts: staff users in the "curators" group the data migration made."""

from __future__ import annotations

import getpass
import os
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError

CURATORS = "curators"


class CuratorError(ValueError):
    """A curator that cannot be made: no curators group, no usable password."""


def curator_password(*, env_var: str | None) -> str:
    """The password from an environment variable, or asked twice on the terminal."""
    if env_var:
        value = os.environ.get(env_var)
        if not value:
            raise CuratorError(f"The variable {env_var} is not set or empty.")
        return value
    if not sys.stdin.isatty():
        raise CuratorError("No terminal to ask for a password: use --password-from-env VAR.")
    first = getpass.getpass("Password: ")
    if first != getpass.getpass("Password (again): "):
        raise CuratorError("The passwords differ.")
    if not first:
        raise CuratorError("The password is empty.")
    return first


def curators_group() -> Group:
    group = Group.objects.filter(name=CURATORS).first()
    if group is None:
        raise CuratorError('The "curators" group is missing: run `manage.py migrate` first.')
    return group


def curator_save(*, username: str, email: str, password: str) -> bool:
    """Create or update the user as staff in the curators group; True when the user is new."""
    group = curators_group()
    user, created = get_user_model().objects.get_or_create(username=username, defaults={"email": email})
    try:
        validate_password(password, user)
    except ValidationError as exc:
        if created:
            user.delete()
        raise CuratorError("; ".join(exc.messages)) from exc
    user.is_staff = True
    if email:
        user.email = email
    user.set_password(password)
    user.save()
    user.groups.add(group)
    return created
