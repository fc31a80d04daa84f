"""Send the daily digest emails to members who follow topics (run once a day from cron)."""

from django.core.management.base import BaseCommand

from community.services import digests_send


class Command(BaseCommand):
    help = "Email each member one digest of what was published for their daily follows."

    def handle(self, *args, **options):
        sent = digests_send()
        self.stdout.write(f"Sent {sent} digest email(s).")
