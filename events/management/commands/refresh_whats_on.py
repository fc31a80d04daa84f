"""Move events that have ended to "past" in What's on. Run from cron every five minutes:
What's on reads the search index, and an event ends without anything being published."""

from django.core.management.base import BaseCommand

from events.services import whats_on_refresh


class Command(BaseCommand):
    help = "Re-index events that have ended so What's on lists them as past events."

    def handle(self, *args, **options):
        moved = whats_on_refresh()
        self.stdout.write(f"Moved {moved} event{'s' if moved != 1 else ''} to past events.")
