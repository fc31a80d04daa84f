"""Keep the "Needs review" filter true as time passes: re-index pages that fell due today."""

from django.core.management.base import BaseCommand

from core.models.base import REVIEW_INTERVAL_MONTHS
from search import indexing


class Command(BaseCommand):
    help = (
        f"Re-index the pages not checked for {REVIEW_INTERVAL_MONTHS} months since they were "
        "last indexed, so the listing filter 'Needs review' finds them (run daily from cron)."
    )

    def handle(self, *args, **options):
        count = indexing.review_flags_refresh()
        self.stdout.write(f"Re-indexed {count} page(s) whose review status changed.")
