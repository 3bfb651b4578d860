"""Login throttling for the admin: after LOGIN_FAILURES_ALLOWED failed sign-ins from one address, the login
form refuses further attempts from it for LOGIN_LOCK_SECONDS (answering 429), whatever the password."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib import admin
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse


def _key(request: HttpRequest | None) -> str:
    address = request.META.get("REMOTE_ADDR", "") if request is not None else ""
    return f"login-failures:{address}"


def login_locked(request: HttpRequest) -> bool:
    return cache.get(_key(request), 0) >= settings.LOGIN_FAILURES_ALLOWED


@receiver(user_login_failed)
def count_failure(sender: object, credentials: dict, request: HttpRequest | None = None, **kwargs: Any) -> None:
    key = _key(request)
    cache.add(key, 0, settings.LOGIN_LOCK_SECONDS)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, settings.LOGIN_LOCK_SECONDS)


@receiver(user_logged_in)
def forget_failures(sender: object, request: HttpRequest | None = None, **kwargs: Any) -> None:
    cache.delete(_key(request))


def throttled(login: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:
        if request.method == "POST" and login_locked(request):
            minutes = max(1, settings.LOGIN_LOCK_SECONDS // 60)
            context = {**admin.site.each_context(request), "title": "Too many attempts", "minutes": minutes}
            return TemplateResponse(request, "admin/login_locked.html", context, status=429)
        return login(request, extra_context)

    return view


admin.site.login = throttled(admin.site.login)
