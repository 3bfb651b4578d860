"""Rebuild the POST data of an admin change form from its GET response, as a browser would submit it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.forms import BaseForm


def _put(data: dict[str, Any], form: BaseForm) -> None:
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(v) for v in value]
        elif isinstance(value, dt.date):
            data[key] = value.isoformat()
        else:
            data[key] = str(value)


def change_form_data(response: Any) -> dict[str, Any]:
    """The fields, inline management forms and inline rows of an admin change page, with their current values."""
    data: dict[str, Any] = {}
    _put(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        _put(data, formset.management_form)
        for form in formset.forms:
            _put(data, form)
    return data
