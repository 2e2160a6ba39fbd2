"""Fast inserts of many plain rows, for the generated national data set (nasional.generate).

Django's bulk_create builds a model instance per row and prepares every value through its field; for
millions of rows that is most of the time. Here a row is a dict of column values (field attnames; a
missing one takes the field's default), converted only where the database needs it, and written with
COPY on PostgreSQL and executemany elsewhere. Primary keys are reserved beforehand when the rows'
ids are needed (pages and their specific rows, revisions).
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models

JSON_FIELDS = (models.JSONField,)


def _json(value):
    if value is None:
        return None
    if hasattr(value, "get_prep_value"):  # a StreamField's StreamValue
        value = value.get_prep_value()
    return json.dumps(value, cls=DjangoJSONEncoder)


def _converter(field):
    """How a Python value of this field becomes what the database driver takes."""
    ops = connection.ops
    internal = field.get_internal_type()
    if isinstance(field, JSON_FIELDS) or internal in ("JSONField", "StreamField"):
        return _json
    if connection.vendor == "postgresql":
        if internal == "UUIDField":
            return lambda value: None if value is None else str(value)
        return None  # psycopg adapts dates, datetimes, numbers and strings as they are
    if internal == "DateTimeField":
        return ops.adapt_datetimefield_value
    if internal == "DateField":
        return ops.adapt_datefield_value
    if internal == "UUIDField":
        return lambda value: None if value is None else value.hex
    if internal in ("DecimalField", "TimeField"):
        return lambda value, field=field: field.get_db_prep_save(value, connection)
    return None


def insert(model, rows, *, with_pk=False):
    """Insert rows (dicts by field attname) into the model's own table; returns how many."""
    if not rows:
        return 0
    # with_pk: the rows carry their primary key (reserved ids, or a specific page's link to its page row)
    fields = [f for f in model._meta.local_concrete_fields if with_pk or not f.primary_key]
    callables = {f.attname: f.default for f in fields if f.has_default() and callable(f.default)}
    defaults = {f.attname: f.get_default() for f in fields if f.attname not in callables}
    converters = [(index, conv) for index, conv in enumerate(_converter(f) for f in fields) if conv]
    names = [f.attname for f in fields]

    def values(row):
        out = []
        for name in names:
            if name in row:
                out.append(row[name])
            elif name in callables:
                out.append(callables[name]())
            else:
                out.append(defaults[name])
        for index, conv in converters:
            out[index] = conv(out[index])
        return out

    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(values(row))
        else:
            placeholders = ", ".join(["%s"] * len(fields))
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",
                               [values(row) for row in rows])
    return len(rows)


def reserve_ids(model, count):
    """`count` primary keys for new rows of the model (its sequence moves past them on PostgreSQL)."""
    if count <= 0:
        return []
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                           [table, column, count])
            return [row[0] for row in cursor.fetchall()]
        # SQLite: one writer at a time, inside the caller's transaction
        cursor.execute(f"SELECT COALESCE(MAX({connection.ops.quote_name(column)}), 0) FROM "
                       f"{connection.ops.quote_name(table)}")
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + count))
