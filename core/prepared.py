"""Querysets whose SQL is built once per process, then run with each call's values.

On a cold page the ORM spent more CPU building and compiling a query (0.5-1 ms each) than the
database spent answering it (docs/benchmarks.md, "Prepared querysets"). A `Prepared` keeps,
per language (django-modeltranslation names the active language's columns) and number of
values, the compiled SQL and where each value lands in its parameters; every call reads the
rows afresh through Django's own iterator (select_related, only, annotations as the ORM does).
It keeps no content: nothing a publish changes is held, only the text of a query.

A query is kept only when every value lands as it was given (an equal parameter, or inside a
pattern, escaped for LIKE as the ORM escapes it): the first call of each shape also builds the
query the plain way and compares, and a shape that does not match is always built afresh, as
is a call with a value of another kind (None, a date, a list).
"""

import copy
import weakref
from typing import NamedTuple

from django.core.exceptions import EmptyResultSet, ValidationError
from django.db import connections
from django.db.models import Prefetch
from django.utils.translation import get_language

# Stand-ins for the values while the shape is compiled: no real value is one of them. A number
# within a 32-bit column's range; text in capitals (a value lowered on its way is not found) and
# with LIKE's special characters (a value escaped on its way is found escaped, and is escaped in
# its place).
MARK_NUMBER = 1_987_654_300
MARK_TEXT = "\x1ePrepared\\%_{}\x1e"
NUMBERS = range(-(2**31), 2**31)  # PostgreSQL's int4, as server-side binding may send them


class Plan(NamedTuple):
    compiler: object  # the compiled query's compiler: its columns, joins and converters
    sql: str
    slots: list  # per parameter: ("value", index, type), ("like" or "text", index, pattern, mark)
    prefetch: tuple  # prefetch_related's lookups, none with a value in it
    escape: object  # the database's escaping of text for LIKE
    converters: weakref.WeakKeyDictionary  # per connection: the columns' converters
    empty: object  # the model manager's queryset, unread: each call chains it (a tenth the cost)
    iterable: type  # what a row becomes: a model instance, a tuple of values, a value


# The iterables a kept shape reads rows through: Django's own, which take their columns from
# the compiler (a values() dict would take its keys from the queryset: not kept).
ITERABLES = {"ModelIterable", "ValuesListIterable", "FlatValuesListIterable"}


def mark(index, value):
    """The stand-in for a value; None for a value no shape is kept for (None, a date, a list)."""
    if isinstance(value, str):
        return MARK_TEXT.format(index)
    if isinstance(value, int) and not isinstance(value, bool) and value in NUMBERS:
        return MARK_NUMBER + index
    return None


def slot_of(param, marks, escape):
    """Where a parameter of the compiled stand-ins comes from: a value as it was given (a number
    may come wrapped in its type: psycopg's Int4 with server-side binding), a value escaped inside
    a LIKE pattern, a value inside other text; else it is fixed."""
    for index, marked in enumerate(marks):
        if isinstance(param, str) != isinstance(marked, str) or isinstance(param, bool):
            continue
        if param == marked:
            return ("value", index, type(param))
        if isinstance(param, str) and escape(marked) in param:
            return ("like", index, param, escape(marked))
        if isinstance(param, str) and marked in param:
            return ("text", index, param, marked)
    return ("fixed", param)


def fill(plan, values):
    """The parameters of a kept shape for these values (a tuple, as the ORM's)."""
    params = []
    for kind, *slot in plan.slots:
        if kind == "value":
            params.append(slot[1](values[slot[0]]))
        elif kind in ("like", "text"):
            value = plan.escape(values[slot[0]]) if kind == "like" else values[slot[0]]
            params.append(slot[1].replace(slot[2], value))
        else:
            params.append(slot[0])
    return tuple(params)


class Prepared:
    """`build(*values)` returns a queryset; `prepared(*values)` its rows as a list."""

    def __init__(self, build):
        self.build = build
        self.plans = {}  # (language, number of values) -> Plan, or None: built each time

    def __call__(self, *values):
        marks = [mark(index, value) for index, value in enumerate(values)]
        if None in marks:
            return list(self.build(*values))
        key = (get_language(), len(values))
        if key not in self.plans:
            return self.first(key, marks, values)
        plan = self.plans[key]
        if plan is None:
            return list(self.build(*values))
        return list(planned_queryset(plan, fill(plan, values)))

    def first(self, key, marks, values):
        """Compiles the shape with stand-ins, keeps it if the real values land where they did."""
        queryset = self.build(*values)
        if queryset._iterable_class.__name__ not in ITERABLES:
            raise ValueError("Prepared runs querysets of model instances or values_list()")
        self.plans[key] = None
        try:
            planned = self.build(*marks)
            compiler = planned.query.get_compiler(using=planned.db)
            sql, params = compiler.as_sql()
            real = queryset.query.get_compiler(using=queryset.db).as_sql()
        except (EmptyResultSet, TypeError, ValueError, ValidationError):
            return list(queryset)  # a stand-in the fields refuse, or no query: built each time
        escape = compiler.connection.ops.prep_for_like_query
        slots = [slot_of(param, marks, escape) for param in params]
        prefetch = planned._prefetch_related_lookups
        empty = queryset.model._default_manager.none()
        iterable = queryset._iterable_class
        plan = Plan(
            compiler, sql, slots, prefetch, escape, weakref.WeakKeyDictionary(), empty, iterable
        )
        landed = {slot[1] for slot in slots if slot[0] != "fixed"}
        if (
            landed == set(range(len(values)))  # a value that changed no parameter: unseen
            and (sql, fill(plan, values)) == (real[0], tuple(real[1]))
            and "\x1e" not in sql
            and str(MARK_NUMBER)[:7] not in sql
            and not any(holds_marks(lookup, marks, escape) for lookup in plan.prefetch)
        ):
            self.plans[key] = plan
        return list(queryset)


def holds_marks(lookup, marks, escape):
    """A prefetch whose queryset holds a value: it is built each time with the stand-ins."""
    if not isinstance(lookup, Prefetch) or lookup.queryset is None:
        return False
    try:
        sql, params = lookup.queryset.query.sql_with_params()
    except EmptyResultSet:
        return False
    return "\x1e" in sql or any(slot_of(p, marks, escape)[0] != "fixed" for p in params)


def planned_queryset(plan, params):
    """A queryset whose compiler answers with the kept SQL and these parameters."""
    queryset = plan.empty._chain()
    queryset.query = copy.copy(plan.compiler.query)
    compiler = copy.copy(plan.compiler)
    compiler.connection = connections[compiler.using]  # this thread's connection
    compiler.as_sql = lambda *args, **kwargs: (plan.sql, params)
    compiler.get_converters = lambda expressions: converters(plan, compiler, expressions)
    queryset.query.get_compiler = lambda *args, **kwargs: compiler
    queryset._prefetch_related_lookups = plan.prefetch  # those queries are built each time
    queryset._iterable_class = plan.iterable
    return queryset


def converters(plan, compiler, expressions):
    """The converters of the kept shape's columns, found once per connection: Django finds them
    for each query again, a quarter of a small prepared query's time."""
    found = plan.converters.get(compiler.connection)
    if found is None:
        found = type(compiler).get_converters(compiler, expressions)
        plan.converters[compiler.connection] = found
    return found


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
