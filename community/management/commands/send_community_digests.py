"""Send the daily digest emails to members who follow topics (run once a day from cron)."""

from django.core.management.base import BaseCommand, CommandError

from django_tasks import TaskResultStatus

from community.tasks import send_digests


class Command(BaseCommand):
    help = "Email each member one digest of what was published for their daily follows."

    def handle(self, *args, **options):
        # Through the task queue, so a worker does the work where there is one; on the
        # immediate backend it has run by the time enqueue returns.
        result = send_digests.enqueue()
        if result.status == TaskResultStatus.SUCCESSFUL:
            self.stdout.write(f"Queued {result.return_value} digest email(s).")
        elif result.status == TaskResultStatus.FAILED:
            raise CommandError(f"Digests failed: {result.errors[-1].traceback}")
        else:
            self.stdout.write(f"Digests queued for a worker (task {result.id}).")
