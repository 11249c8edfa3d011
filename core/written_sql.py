"""An expression whose SQL a module writes itself around the columns it names.

Where the ORM took longer to build and compile a subquery than the database took to answer it
(about 1-3 ms of CPU each on every cold page, docs/benchmarks.md), the SQL is written once.
"""

from django.db.models import Expression, F


class WrittenSQL(Expression):
    """The columns are compiled (joins and aliases as the ORM makes them) and handed to
    `written(columns, quote_name)`, which returns the expression's (sql, params)."""

    def __init__(self, *columns, output_field):
        super().__init__(output_field=output_field)
        self.columns = [F(column) for column in columns]

    def get_source_expressions(self):
        return self.columns

    def set_source_expressions(self, expressions):
        self.columns = list(expressions)

    def as_sql(self, compiler, connection):
        columns = [compiler.compile(column)[0] for column in self.columns]  # no parameters
        return self.written(columns, connection.ops.quote_name)
