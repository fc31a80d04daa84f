"""When the indexed thing happens (an event's start), for What's on's "soonest first" and
"latest first" sorts.

The new rows get it as pages are indexed; run `manage.py rebuild_search_index` once after
this migration so events already indexed get their start, What's on facets (type, online or
in person, audience, region, upcoming or past) and, on Elasticsearch, the new mapping. Adding
a column can make SQLite rebuild the table, which drops the FTS5 triggers, so they are
created again.
"""

from django.db import migrations, models


def restore_engine_schema(apps, schema_editor):
    from search.schema import create_engine_schema

    create_engine_schema(schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_staff_search_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="starts_at",
            field=models.DateTimeField(null=True),
        ),
        migrations.RunPython(restore_engine_schema, migrations.RunPython.noop),
    ]
