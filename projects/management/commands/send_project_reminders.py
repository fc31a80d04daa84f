"""Remind the lead organisation of each project with no update for 90 days. Run daily from
cron; each quiet spell of a project is reminded about once, however often it runs."""

from django.core.management.base import BaseCommand

from projects.services import project_reminders_send


class Command(BaseCommand):
    help = "Email the owners of Declaration projects with no update for 90 days (once a spell)."

    def handle(self, *args, **options):
        sent = project_reminders_send()
        self.stdout.write(f"Reminded {sent} project{'s' if sent != 1 else ''}.")
