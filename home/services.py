"""Writes for the home app: setting up a new production site (`manage.py bootstrap_site`)."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.db import transaction

from wagtail.models import Page

from core.services import reference_taxonomies_load
from home.site_tree import site_tree_ensure
from organisations.services import councils_import

# Wagtail's own migrations create these two groups, and ours grant them their permissions
# (core 0004, search 0007, community 0002); the command only makes sure they are there.
STAFF_GROUPS = ("Editors", "Moderators")


@dataclass(frozen=True)
class SiteBootstrapResult:
    pages: dict[str, Page]
    councils_created: int
    councils_updated: int
    groups_created: list[str]


@transaction.atomic
def site_bootstrap() -> SiteBootstrapResult:
    """Everything a real site needs and nothing demo; idempotent, so safe to run on every deploy.

    The reference taxonomies and the register of UK councils are real data; the page tree is
    the home page, the index page of each section and the standard pages, all live, which
    editors then keep in the admin (an existing page is never overwritten).
    """
    reference_taxonomies_load()
    councils_created, councils_updated = councils_import()
    groups_created = [name for name in STAFF_GROUPS if Group.objects.get_or_create(name=name)[1]]
    # Also sets the default Site record's hostname and port from SITE_URL.
    pages = site_tree_ensure()
    return SiteBootstrapResult(
        pages=pages,
        councils_created=councils_created,
        councils_updated=councils_updated,
        groups_created=groups_created,
    )
