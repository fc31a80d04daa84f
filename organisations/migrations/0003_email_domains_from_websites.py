"""Give every organisation the email domain its website suggests, unless that is a shared host.

Until now an address was matched against the website's host, so an organisation whose site
lives on a shared host (www.gov.uk/government/organisations/...) matched every *.gov.uk
address. Those organisations start with no email domain; an editor adds their own.
"""

from urllib.parse import urlparse

from django.db import migrations

# The live rules, not a frozen copy: the shared-host list only ever grows, and a shared host
# must never be written here whenever this runs.
from organisations.domains import website_email_domain


def email_domains_from_websites(apps, schema_editor):
    Organisation = apps.get_model("organisations", "Organisation")
    OrganisationEmailDomain = apps.get_model("organisations", "OrganisationEmailDomain")
    already = set(OrganisationEmailDomain.objects.values_list("organisation_id", flat=True))
    rows = []
    for organisation_id, website in Organisation.objects.exclude(website="").values_list(
        "id", "website"
    ):
        domain = website_email_domain(urlparse(website).hostname or "")
        if domain and organisation_id not in already:
            rows.append(
                OrganisationEmailDomain(organisation_id=organisation_id, domain=domain, sort_order=0)
            )
    OrganisationEmailDomain.objects.bulk_create(rows, batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_organisation_email_domains")]

    operations = [
        # Going back leaves the rows; 0002's reversal drops the table with them.
        migrations.RunPython(email_domains_from_websites, migrations.RunPython.noop),
    ]
