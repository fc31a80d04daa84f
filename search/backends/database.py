"""The database's own full-text engine: the default, and what Elasticsearch falls back on."""

from django.db import connection

from .base import SearchBackend


def get_database_backend() -> SearchBackend:
    """The database's own full-text engine over the project's index tables."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresBackend

        return PostgresBackend()
    from .sqlite import SqliteBackend

    return SqliteBackend()
