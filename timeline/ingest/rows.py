"""New rows of one model written in one statement: the passages, mentions, date references and actor links every
ingested article adds.

On PostgreSQL the rows go to the database as one JSON document, unpacked there in order (jsonb_array_elements):
Django's bulk_create sends one array per column instead, and the driver escapes every element of those arrays in
Python (each quote of the JSON columns and of the sentences), which cost several times what the database spends
on the insert. Elsewhere bulk_create writes them. Either way each field prepares its value as on any save (the
creation time is set), and the objects get their primary keys as bulk_create gives them.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import TypeVar

from django.db import connection, models
from django.db.models.fields import NOT_PROVIDED

M = TypeVar("M", bound=models.Model)


def rows_insert(objs: list[M], *, ignore_conflicts: bool = False) -> list[M]:
    """Insert these new objects of one model (as bulk_create does: a row that conflicts is skipped with
    ``ignore_conflicts``, and then the objects get no primary key)."""
    if not objs:
        return objs
    model = type(objs[0])
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    if connection.vendor != "postgresql" or not _plain(model, fields, objs):
        return model.objects.bulk_create(objs, ignore_conflicts=ignore_conflicts)
    data = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        data.append([_json_value(f, f.pre_save(obj, True)) for f in fields])
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join(_read(f, i) for i, f in enumerate(fields))
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) SELECT {values} "
        "FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS r(v, n) ORDER BY n"
    )
    if ignore_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    else:
        sql += f" RETURNING {quote(model._meta.pk.column)}"
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(data)])
        keys = [] if ignore_conflicts else [pk for (pk,) in cursor.fetchall()]
    for obj, pk in zip(objs, keys, strict=False):
        obj.pk = pk
    for obj in objs:
        obj._state.adding = False
        obj._state.db = connection.alias
    return objs


def _plain(model: type[models.Model], fields: list[models.Field], objs: list[models.Model]) -> bool:
    """Whether every field is one this statement writes as bulk_create would: a plain column with no default in
    the database, and no primary key given."""
    if any(obj.pk is not None for obj in objs):
        return False
    for f in fields:
        if getattr(f, "generated", False) or getattr(f, "db_default", NOT_PROVIDED) is not NOT_PROVIDED:
            return False
        if isinstance(f, models.JSONField) and f.encoder is not None:
            return False
        kind = (f.target_field if f.is_relation else f).get_internal_type()
        if kind not in connection.data_types or kind in ("BinaryField", "DecimalField", "DurationField"):
            return False
    return True


def _json_value(field: models.Field, value: object) -> object:
    if value is None or isinstance(field, models.JSONField):
        return value
    value = field.get_db_prep_save(value, connection)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _read(field: models.Field, i: int) -> str:
    """The SQL reading field number ``i`` of a row: JSON as it is (a JSON null is SQL NULL, as Django stores
    None), any other value as text cast to the column's type (without a length: no silent cut)."""
    if isinstance(field, models.JSONField):
        return f"NULLIF(v->{i}, 'null'::jsonb)"
    return f"(v->>{i})::{field.db_type(connection).split('(')[0]}"
