"""Set up a new production site: page tree, reference data, Site record, staff groups."""

from django.core.management.base import BaseCommand

from core.site_url import site_url
from home.services import site_bootstrap


class Command(BaseCommand):
    help = (
        "Create what a real site needs and is missing (page tree, taxonomies, councils, "
        "Site record from SITE_URL, staff groups); no demo content. Safe to run again."
    )

    def handle(self, *args, **options):
        result = site_bootstrap()
        self.stdout.write(f"Page tree: {len(result.pages)} pages (home, sections, standard pages).")
        self.stdout.write(
            f"Councils: {result.councils_created} created, {result.councils_updated} updated."
        )
        groups = ", ".join(result.groups_created) or "none (already there)"
        self.stdout.write(f"Staff groups created: {groups}.")
        self.stdout.write(f"The default Site follows SITE_URL {site_url()}.")
