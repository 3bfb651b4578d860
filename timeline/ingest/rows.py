"""New rows of one model written in one statement: the passages, mentions, date references and actor links every
ingested article adds; and model objects built from rows a written-out statement read (rows_as_models).

On PostgreSQL the rows go to the database as one JSON document, unpacked there in order (jsonb_array_elements):
Django's bulk_create sends one array per column instead, and the driver escapes every element of those arrays in
Python (each quote of the JSON columns and of the sentences), which cost several times what the database spends
on the insert. Elsewhere bulk_create writes them. Either way each field prepares its value as on any save (the
creation time is set), and the objects get their primary keys as bulk_create gives them.
"""

from __future__ import annotations

import json
import operator
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from functools import lru_cache
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
    readers = _value_readers(model)
    data = []
    for obj in objs:
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        data.append([read(obj) for read in readers])
    sql = _insert_sql(model, ignore_conflicts)
    with connection.cursor() as cursor:
        cursor.execute(sql, [json.dumps(data)])
        keys = [] if ignore_conflicts else [pk for (pk,) in cursor.fetchall()]
    for obj, pk in zip(objs, keys, strict=False):
        obj.pk = pk
    alias = connection.alias  # read once: each read of the connection proxy asks the context's local storage
    for obj in objs:
        obj._state.adding = False
        obj._state.db = alias
    return objs


@lru_cache(maxsize=64)
def _insert_sql(model: type[models.Model], ignore_conflicts: bool) -> str:
    """The statement rows_insert sends for this model (PostgreSQL): the same for every article."""
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    values = ", ".join(_read(f, i) for i, f in enumerate(fields))
    sql = (
        f"INSERT INTO {quote(model._meta.db_table)} ({columns}) SELECT {values} "
        "FROM jsonb_array_elements(%s::jsonb) WITH ORDINALITY AS r(v, n) ORDER BY n"
    )
    if ignore_conflicts:
        return sql + " ON CONFLICT DO NOTHING"
    return sql + f" RETURNING {quote(model._meta.pk.column)}"


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
            if f.is_relation or any(getattr(obj, f.attname) is not None for obj in objs):
                return False  # a NULL of any other type is written as bulk_create writes it (the event's lexemes)
    return True


# Fields whose value of one plain type the database takes as it is (get_db_prep_save returns it unchanged): read
# straight from the object instead of through pre_save and get_db_prep_save, which cost more than the insert.
_AS_IS = {
    models.CharField: str,
    models.SlugField: str,
    models.URLField: str,
    models.TextField: str,
    models.IntegerField: int,
    models.BigIntegerField: int,
    models.SmallIntegerField: int,
    models.PositiveIntegerField: int,
    models.PositiveBigIntegerField: int,
    models.PositiveSmallIntegerField: int,
    models.AutoField: int,
    models.BigAutoField: int,
    models.BooleanField: bool,
}
_READERS: dict[type[models.Model], list[Callable[[models.Model], object]]] = {}


def _value_readers(model: type[models.Model]) -> list[Callable[[models.Model], object]]:
    """For each field rows_insert writes, a function giving its value in the JSON document of one object."""
    if model not in _READERS:
        _READERS[model] = [_value_reader(f) for f in model._meta.concrete_fields if not f.primary_key]
    return _READERS[model]


def _value_reader(field: models.Field) -> Callable[[models.Model], object]:
    def general(obj: models.Model) -> object:
        return _json_value(field, field.pre_save(obj, True))

    if type(field).pre_save is not models.Field.pre_save:
        return general  # auto_now and the like
    attname = field.attname
    if isinstance(field, models.JSONField):
        return operator.attrgetter(attname)  # as it is (_json_value)
    target = field.target_field if isinstance(field, models.ForeignKey) else field
    plain = _AS_IS.get(type(target))
    if type(field) is models.DateField:
        plain = date
    if plain is None or (field is not target and type(field) not in (models.ForeignKey, models.OneToOneField)):
        return general

    def read(obj: models.Model) -> object:
        value = getattr(obj, attname)
        if type(value) is plain:
            return value.isoformat() if plain is date else value
        if plain is str and isinstance(value, str):
            return value  # a choice (TextChoices): a str, written as its text
        return general(obj)

    return read


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


def rows_as_models(model: type[M], attnames: tuple[str, ...], rows: Iterable[Sequence[object]]) -> list[M]:
    """Objects of ``model`` from rows a written-out statement read (its columns ``attnames``, in the model's field
    order), as a query of the same fields (``only``) builds them: each value through the database's and the
    field's converters, the other fields deferred. For reads asked for every article ingested, where Django took
    longer to compile the query than the database to run it."""
    converters = _converters(model, attnames)
    alias = connection.alias
    out = []
    for row in rows:
        values = list(row)
        for i, convs, col in converters:
            for convert in convs:
                values[i] = convert(values[i], col, connection)
        out.append(model.from_db(alias, attnames, values))
    return out


def _converters(model: type[models.Model], attnames: tuple[str, ...]) -> list[tuple[int, list, object]]:
    key = (connection.vendor, model, attnames)
    if key not in _CONVERTERS:
        order = [f.attname for f in model._meta.concrete_fields]
        if sorted(attnames, key=order.index) != list(attnames):
            raise ValueError(f"columns not in {model.__name__}'s field order: {attnames}")
        found = []
        for i, name in enumerate(attnames):
            col = model._meta.get_field(name).get_col(model._meta.db_table)
            convs = connection.ops.get_db_converters(col) + col.get_db_converters(connection)
            if convs:
                found.append((i, convs, col))
        _CONVERTERS[key] = found
    return _CONVERTERS[key]


_CONVERTERS: dict[tuple, list[tuple[int, list, object]]] = {}
