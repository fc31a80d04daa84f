"""Email everyone with a place at an event that starts within a day. Run hourly from cron;
each person is reminded once, however often it runs."""

from django.core.management.base import BaseCommand

from events.services import event_reminders_send


class Command(BaseCommand):
    help = "Send the reminder email for events starting within 24 hours (each once)."

    def handle(self, *args, **options):
        sent = event_reminders_send()
        self.stdout.write(f"Sent {sent} event reminder{'s' if sent != 1 else ''}.")
