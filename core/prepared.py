"""Querysets whose SQL is built once per process, then run with each call's values.

On a cold page the ORM spent more CPU building and compiling a query (0.5-1 ms each) than the
database spent answering it (docs/benchmarks.md, "Prepared querysets"). A `Prepared` keeps,
per language (django-modeltranslation names the active language's columns) and number of
values, the compiled SQL and where each value lands in its parameters; every call reads the
rows afresh through Django's own iterator (select_related, only, annotations as the ORM does).
It keeps no content: nothing a publish changes is held, only the text of a query.

A query is kept only when the values land as they were given (an equal parameter, or inside a
LIKE pattern for text that needs no escaping): the first call of each shape also builds the
query the plain way and compares, and a shape that does not match is always built afresh.
"""

import copy
import re
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils.translation import get_language

# Stand-ins for the values while the shape is compiled: no real value is one of them.
MARK_NUMBER = 1_987_654_300
MARK_TEXT = "\x1ePrepared-{}\x1e"  # capitals: a value lowered on its way is not found
# Text that escaping for LIKE (a path's prefix) leaves as it is.
PLAIN_TEXT = re.compile(r"[0-9A-Za-z.-]*")


class Plan(NamedTuple):
    compiler: object  # the compiled query's compiler: its columns, joins and converters
    sql: str
    slots: list  # per parameter: ("value", index), ("text", index, pattern) or ("fixed", value)
    prefetch: tuple  # prefetch_related's lookups
    patterned: set  # the values that land inside a pattern: they must need no escaping


def mark(index, value):
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"Prepared takes numbers and text, not {type(value).__name__}")
    return MARK_NUMBER + index if isinstance(value, int) else MARK_TEXT.format(index)


def slot_of(param, marks):
    for index, marked in enumerate(marks):
        # A number may come wrapped in its type (psycopg's Int4 with server-side binding).
        text = isinstance(param, str)
        if text == isinstance(marked, str) and not isinstance(param, bool) and param == marked:
            return ("value", index, type(param))
        if isinstance(marked, str) and isinstance(param, str) and marked in param:
            return ("text", index, param)
    return ("fixed", param)


def fill(slots, marks, values):
    """The parameters of a kept shape for these values (a tuple, as the ORM's)."""
    params = []
    for slot in slots:
        if slot[0] == "value":
            params.append(slot[2](values[slot[1]]))
        elif slot[0] == "text":
            params.append(slot[2].replace(marks[slot[1]], values[slot[1]]))
        else:
            params.append(slot[1])
    return tuple(params)


class Prepared:
    """`build(*values)` returns a queryset; `prepared(*values)` its rows as a list."""

    def __init__(self, build):
        self.build = build
        self.plans = {}  # (database, language, number of values) -> Plan, or None: build each time

    def __call__(self, *values):
        marks = [mark(index, value) for index, value in enumerate(values)]
        key = (get_language(), len(values))
        if key not in self.plans:
            return self.first(key, marks, values)
        plan = self.plans[key]
        if plan is None or any(needs_escaping(values[index]) for index in plan.patterned):
            return list(self.build(*values))
        return list(planned_queryset(plan, fill(plan.slots, marks, values)))

    def first(self, key, marks, values):
        """Compiles the shape with stand-ins, keeps it if the real values land where they did."""
        queryset = self.build(*values)
        planned = self.build(*marks)
        if planned._iterable_class.__name__ != "ModelIterable":
            raise ValueError("Prepared runs querysets of model instances")
        try:
            compiler = planned.query.get_compiler(using=planned.db)
            sql, params = compiler.as_sql()
            real_sql, real_params = queryset.query.get_compiler(using=queryset.db).as_sql()
        except EmptyResultSet:
            self.plans[key] = None
            return list(queryset)
        slots = [slot_of(param, marks) for param in params]
        patterned = {slot[1] for slot in slots if slot[0] == "text"}
        if any(needs_escaping(values[index]) for index in patterned):
            return list(queryset)  # these values cannot check the shape: the next call will
        same = sql == real_sql and fill(slots, marks, values) == tuple(real_params)
        prefetch = planned._prefetch_related_lookups
        kept = same and marks_gone(sql)
        self.plans[key] = Plan(compiler, sql, slots, prefetch, patterned) if kept else None
        return list(queryset)


def needs_escaping(value):
    """Text that LIKE's escaping would change cannot go into a kept pattern."""
    return isinstance(value, str) and not PLAIN_TEXT.fullmatch(value)


def marks_gone(sql):
    return "\x1e" not in sql and str(MARK_NUMBER)[:7] not in sql


def planned_queryset(plan, params):
    """A queryset whose compiler answers with the kept SQL and these parameters."""
    queryset = plan.compiler.query.model._default_manager.none()
    queryset.query = copy.copy(plan.compiler.query)
    compiler = copy.copy(plan.compiler)
    compiler.connection = connections[compiler.using]  # this thread's connection
    compiler.as_sql = lambda *args, **kwargs: (plan.sql, params)
    queryset.query.get_compiler = lambda *args, **kwargs: compiler
    queryset._prefetch_related_lookups = plan.prefetch  # those queries are built each time
    return queryset


class PreparedFamily:
    """A Prepared per shape (a page type, a LIMIT: what changes the SQL, not a value):
    `family(shape, *values)`; `builder(*shape)` returns that shape's build."""

    def __init__(self, builder):
        self.builder = builder
        self.members = {}

    def __call__(self, shape, *values):
        if shape not in self.members:
            self.members[shape] = Prepared(self.builder(*shape))
        return self.members[shape](*values)
