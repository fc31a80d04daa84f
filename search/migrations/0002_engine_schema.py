"""Engine-specific index structures: FTS5 tables and triggers on SQLite, tsvector on PostgreSQL."""

from django.db import migrations


def create(apps, schema_editor):
    from search.schema import create_engine_schema

    create_engine_schema(schema_editor)


def drop(apps, schema_editor):
    from search.schema import drop_engine_schema

    drop_engine_schema(schema_editor)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
