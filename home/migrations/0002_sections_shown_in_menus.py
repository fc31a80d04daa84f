"""Show each section's index page and the Declaration page in the service navigation.

The navigation used to be a fixed list in code; it now follows the page tree and each
page's "Show in menus" setting (core_tags.main_navigation_links), which Wagtail leaves off,
so an existing site keeps the menu it had.
"""

from django.db import migrations

SECTIONS = (
    ("casestudies", "CaseStudyIndexPage"),
    ("casestudies", "ProcurementBriefIndexPage"),
    ("casestudies", "BusinessCaseIndexPage"),
    ("patterns", "ServicePatternIndexPage"),
    ("organisations", "OrganisationIndexPage"),
    ("community", "DeclarationPage"),
)


def show(apps, schema_editor):
    for app_label, model_name in SECTIONS:
        apps.get_model(app_label, model_name).objects.update(show_in_menus=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("casestudies", "0001_initial"),
        ("patterns", "0001_initial"),
        ("organisations", "0003_email_domains_from_websites"),
        ("community", "0004_follow_everything"),
    ]

    operations = [migrations.RunPython(show, migrations.RunPython.noop)]
