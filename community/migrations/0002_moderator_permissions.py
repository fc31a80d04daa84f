"""Give Wagtail's Moderators (and, for the Declaration, Editors) the community admin screens."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATORS = {
    "memberprofile": ("view", "change"),
    "comment": ("view", "change", "delete"),
    "commentreport": ("view", "change", "delete"),
    "reuserecord": ("view", "change", "delete"),
    "opportunity": ("view", "change", "delete"),
    "signature": ("view", "change"),
    "commitment": ("view", "change"),
}
EDITORS = {
    "signature": ("view", "change"),
    "commitment": ("view", "change"),
    "reuserecord": ("view",),
}


def grant(apps, schema_editor):
    app_config = apps.get_app_config("community")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, grants in (("Moderators", MODERATORS), ("Editors", EDITORS)):
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model, actions in grants.items():
            codenames = [f"{action}_{model}" for action in actions]
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="community", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
