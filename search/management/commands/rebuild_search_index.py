"""Rebuild the site search index (and Elasticsearch's, if SEARCH_URL is set) from the database."""

import time

from django.core.management.base import BaseCommand

from search.indexing import rebuild_index


class Command(BaseCommand):
    help = "Rebuild the search index from live, public content pages, in bulk."

    def handle(self, *args, **options):
        started = time.perf_counter()
        total = rebuild_index(stdout=self.stdout if options["verbosity"] > 1 else None)
        elapsed = time.perf_counter() - started
        rate = total / elapsed if elapsed else 0
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total} pages in {elapsed:.1f}s ({rate:.0f} pages/s).")
        )
