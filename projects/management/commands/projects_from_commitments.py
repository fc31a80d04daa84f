"""Draft Declaration projects for published commitments made before projects existed;
idempotent, so safe to run again."""

from django.core.management.base import BaseCommand

from projects.services import projects_from_published_commitments


class Command(BaseCommand):
    help = "Make a draft project of each published commitment that has none, for staff to publish."

    def handle(self, *args, **options):
        made = projects_from_published_commitments()
        self.stdout.write(f"Made {made} draft project{'s' if made != 1 else ''}.")
