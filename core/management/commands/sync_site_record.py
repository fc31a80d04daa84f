"""Set the default Wagtail Site's hostname and port from SITE_URL (docs/deployment.md)."""

from django.core.management.base import BaseCommand

from core.services import site_record_sync
from core.site_url import site_host_and_port, site_url


class Command(BaseCommand):
    help = "Set the default Wagtail Site's hostname and port from SITE_URL."

    def handle(self, *args, **options):
        hostname, port = site_host_and_port()
        changed = site_record_sync()
        verb = "now" if changed else "already"
        self.stdout.write(f"The default Site is {verb} {hostname}:{port} (SITE_URL {site_url()}).")
