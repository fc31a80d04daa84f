"""Send the search engine (SEARCH_URL) the page changes it missed while it was unreachable."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from search import engine_sync
from search.backends import SearchEngineUnavailable


class Command(BaseCommand):
    help = (
        "Send the search engine every page change kept while it could not be reached "
        "(run from cron every few minutes; does nothing without SEARCH_URL)."
    )

    def handle(self, *args, **options):
        if not settings.SEARCH_URL:
            self.stdout.write("SEARCH_URL is not set: the database index is the search engine.")
            return
        try:
            result = engine_sync.sync_pending()
        except SearchEngineUnavailable as error:
            raise CommandError(
                f"The search engine is still unavailable; {engine_sync.waiting_count()} "
                f"page(s) wait for it. ({error})"
            ) from error
        self.stdout.write(
            self.style.SUCCESS(f"Sent {result['sent']} page(s); {result['waiting']} waiting.")
        )
