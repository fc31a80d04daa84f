"""`manage.py load_demo [--scale N]`: the demo site, idempotently; N adds generated pages."""

import time

from django.core.management.base import BaseCommand
from django.urls import reverse

from core.site_url import absolute_url
from home.demo.loader import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = (
        "Load demo content: every UK council, reference taxonomies, 40+ hand-written pages, "
        "documents and (in development) demo users. --scale N adds generated pages until there "
        "are N in total, spread evenly over the four content types. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Generated pages in total (e.g. 10000)"
        )

    def handle(self, *args, scale=0, **options):
        started = time.perf_counter()
        result = demo_load()
        self.stdout.write(f"Demo content: {result['pages_created']} hand-written pages created.")
        self.stdout.write(
            f"Demo events and training: {result['events']['pages_created']} pages and "
            f"{result['events']['registrations_created']} registrations created."
        )
        if scale:
            from home.demo.generator import generated_pages_load

            generated = generated_pages_load(total=scale, indexes=result["tree"])
            self.stdout.write(f"Generated pages: {generated} created (target {scale}).")
        try:
            from search.indexing import rebuild_index
        except ImportError:
            rebuild_index = None
        if rebuild_index is not None:
            rebuild_index()
            self.stdout.write("Search index rebuilt.")
        for username in result["users_created"]:
            self.stdout.write(
                f"Created demo user {username!r} with password {DEMO_PASSWORD!r} (local use only)."
            )
        for profile in result["community"]["members_created"]:
            self.stdout.write(
                f"Created demo member {profile.user.email} ({profile.organisation.name}, "
                f"{profile.get_verification_status_display().lower()}): sign in at "
                f"{absolute_url(reverse('account_login'))} with that email and password {DEMO_PASSWORD!r}."
            )
        self.stdout.write(f"Done in {time.perf_counter() - started:.1f} s.")
