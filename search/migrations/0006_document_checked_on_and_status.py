"""When each indexed page was last checked (reviewed, or else published) and the word its card
shows beside the type (a pattern's maturity).

SQLite rebuilds the table to add a column with a default, which drops the FTS5 triggers on
it, so they are created again; existing rows get their date here, and a pattern's maturity
(a label and a filter) on the next `manage.py rebuild_search_index`.
"""

from django.db import migrations, models


def restore_engine_schema(apps, schema_editor):
    from search.schema import create_engine_schema

    create_engine_schema(schema_editor)


def fill_checked_on(apps, schema_editor):
    schema_editor.execute(
        "UPDATE search_searchdocument SET checked_on = COALESCE("
        "(SELECT b.last_reviewed FROM core_basepage b WHERE b.page_ptr_id = "
        "search_searchdocument.page_id), date)"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_pending_engine_write"),
        ("core", "0003_public_content_generation"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchdocument",
            name="checked_on",
            field=models.DateField(null=True),
        ),
        migrations.AddField(
            model_name="searchdocument",
            name="status_label",
            field=models.CharField(blank=True, max_length=60),
        ),
        migrations.RunPython(restore_engine_schema, migrations.RunPython.noop),
        migrations.RunPython(fill_checked_on, migrations.RunPython.noop),
    ]
