"""Mark Declaration applications the senior approver never confirmed as expired (daily, cron)."""

from django.core.management.base import BaseCommand

from community.declaration.services import signatures_expire
from community.models import DECLARATION_CONFIRM_DAYS


class Command(BaseCommand):
    help = (
        f"Expire Declaration applications not confirmed within {DECLARATION_CONFIRM_DAYS} days, "
        "so staff no longer see them waiting."
    )

    def handle(self, *args, **options):
        expired = signatures_expire()
        if options["verbosity"]:
            self.stdout.write(f"Expired {expired} unconfirmed Declaration application(s).")
