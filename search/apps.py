"""App config: connects the signals that keep the search index in step with the page tree."""

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def ensure_engine_schema(sender, using="default", **kwargs):
    """Idempotent: also creates the engine tables when a test run builds tables without migrations."""
    from django.db import connections

    from search.schema import create_engine_schema

    connection = connections[using]
    if "search_searchdocument" in connection.introspection.table_names():
        with connection.schema_editor() as schema_editor:
            create_engine_schema(schema_editor)


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401

        post_migrate.connect(ensure_engine_schema, sender=self)
