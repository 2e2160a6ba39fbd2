"""Counting the statements a measured piece of work runs."""

from django.db import connection


class QueryCount:
    """Counts the statements run on the connection (Django's CaptureQueriesContext reads the debug log,
    which stops growing once it holds 9,000 entries)."""

    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)

    def __enter__(self):
        self._wrapper = connection.execute_wrapper(self)
        self._wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self._wrapper.__exit__(*exc)
