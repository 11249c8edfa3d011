"""The content version on SQLite without a query per request.

SQLite tells a connection whether the database changed since it last looked: PRAGMA
data_version changes once another connection (another worker, server process, the task worker
or a command) has committed, and the connection's total_changes once it wrote rows itself. While
both hold still, the version row read last on this connection is still the row, so it is reused;
any commit anywhere makes the next request read the row again, so a change is seen at once. The
two checks cost a few microseconds, the row's query about 200 (docs/benchmarks.md, "Cached hit").
Inside a transaction the row is always read: what it shows there may still be rolled back.
"""

from django.db import connections

MEMO = "_content_version_memo"  # on the thread's connection: (raw connection, stamp, number)


def stamp(raw):
    """What changes whenever anything is committed to the database this connection reads."""
    return raw.execute("PRAGMA data_version").fetchone()[0], raw.total_changes


def read(read_row):
    """read_row(), or the number it returned last on this connection if nothing changed since."""
    connection = connections["default"]
    if connection.vendor != "sqlite" or connection.in_atomic_block:
        return read_row()
    connection.ensure_connection()
    raw = connection.connection
    if raw.in_transaction:  # begun outside atomic(), e.g. with autocommit turned off
        return read_row()
    before = stamp(raw)  # taken before the row: a commit in between is seen next time
    memo = getattr(connection, MEMO, None)
    if memo is not None and memo[0] is raw and memo[1] == before:
        return memo[2]
    number = read_row()
    setattr(connection, MEMO, (raw, before, number))
    return number
