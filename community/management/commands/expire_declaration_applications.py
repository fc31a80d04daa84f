"""Mark Declaration applications the senior approver never confirmed as expired (daily, cron)."""

from django.core.management.base import BaseCommand

from community.models import DECLARATION_CONFIRM_DAYS
from community.services import signatures_expire


class Command(BaseCommand):
    help = (
        f"Expire Declaration applications not confirmed within {DECLARATION_CONFIRM_DAYS} days, "
        "so staff no longer see them waiting."
    )

    def handle(self, *args, **options):
        expired = signatures_expire()
        if options["verbosity"]:
            self.stdout.write(f"Expired {expired} unconfirmed Declaration application(s).")
