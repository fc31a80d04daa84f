"""Send every email still waiting in the outbox (run every few minutes from cron).

The task queued with each message sends it at once; this catches what that could not: mail
that failed while the mail server was down (on the immediate task backend nothing else
retries it), and mail whose task was lost. Safe to run while a worker sends: each message
is sent under its own lock, once.
"""

from django.core.management.base import BaseCommand

from core.outbox import deliver_waiting


class Command(BaseCommand):
    help = "Retry failed emails and send every email waiting in the outbox."

    def handle(self, *args, **options):
        outcome = deliver_waiting()
        self.stdout.write(
            f"Retried {outcome['retried']} failed email(s); "
            f"{outcome['still_waiting']} email(s) still waiting."
        )
