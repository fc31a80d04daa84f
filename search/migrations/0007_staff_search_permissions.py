"""Let Editors and Moderators look after search: promoted results, and the search-terms report.

Wagtail's default groups cannot reach either, so nobody but a superuser could act on what
people search for and fail to find. Managing promoted results is what the site's own
search-terms report (popular and zero-result queries, search/wagtail_hooks.py) checks for,
so one grant gives both: read what people miss, then promote the page they meant.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SEARCH_PROMOTION_PERMISSIONS = (
    "view_searchpromotion",
    "add_searchpromotion",
    "change_searchpromotion",
    "delete_searchpromotion",
)
GROUPS = ("Editors", "Moderators")


def grant(apps, schema_editor):
    # Permissions are normally created after every migration has run; create them now so a
    # fresh database gets the grant too.
    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions",
        codename__in=SEARCH_PROMOTION_PERMISSIONS,
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailsearchpromotions",
        codename__in=SEARCH_PROMOTION_PERMISSIONS,
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0006_document_checked_on_and_status"),
        ("wagtailcore", "0002_initial_data"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
