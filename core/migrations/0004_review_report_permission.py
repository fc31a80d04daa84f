"""The permission to see the report of content due for review, given to the Editors."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def grant_to_editors(apps, schema_editor):
    app_config = apps.get_app_config("core")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editors = Group.objects.filter(name="Editors").first()
    if editors is not None:
        editors.permissions.add(
            *Permission.objects.filter(content_type__app_label="core", codename="review_basepage")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_public_content_generation"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="basepage",
            options={
                "permissions": [("review_basepage", "Can see content due for review")],
                "verbose_name": "content page",
            },
        ),
        migrations.RunPython(grant_to_editors, migrations.RunPython.noop),
    ]
