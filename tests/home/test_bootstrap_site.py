"""manage.py bootstrap_site sets up a production site from a freshly migrated database."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from wagtail.documents import get_document_model
from wagtail.models import Page, Site

import pytest

from core.models import BasePage, Principle, ServiceArea, StandardPage
from core.services import DECLARATION_PRINCIPLES
from home.models import HomePage
from home.site_tree import STANDARD_PAGES, index_pages
from organisations.models import Organisation

SITE = "https://localdigital.example"


@pytest.fixture
def freshly_migrated(db, settings):
    """The database as `migrate` leaves it: Wagtail's root, its placeholder welcome page and a
    localhost:80 Site, and none of ours (the seeded tree and taxonomies are removed here, inside
    the test's transaction, so the next test still has them)."""
    settings.SITE_URL = SITE
    Site.objects.all().delete()
    HomePage.objects.get().delete()
    Organisation.objects.all().delete()
    ServiceArea.objects.all().delete()
    Principle.objects.all().delete()
    root = Page.get_first_root_node()
    welcome = root.add_child(instance=Page(title="Welcome to your new Wagtail site!", slug="home"))
    Site.objects.create(hostname="localhost", port=80, root_page=welcome, is_default_site=True)


def _bootstrap() -> str:
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    return out.getvalue()


def _counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "revisions": Page.objects.filter(latest_revision__isnull=False).count(),
        "sites": Site.objects.count(),
        "organisations": Organisation.objects.count(),
        "service areas": ServiceArea.objects.count(),
        "principles": Principle.objects.count(),
        "groups": Group.objects.count(),
    }


def test_bootstrap_builds_the_live_page_tree_on_the_site_url(freshly_migrated):
    _bootstrap()

    home = HomePage.objects.get()
    assert home.live
    site = Site.objects.get()
    assert (site.hostname, site.port, site.root_page_id) == ("localdigital.example", 443, home.id)
    # The placeholder welcome page is gone: the home page is the root's only child.
    assert [page.specific_class for page in Page.get_first_root_node().get_children()] == [HomePage]
    for model, _title, slug, _intro in index_pages():
        index = model.objects.child_of(home).get()
        assert index.live, slug
        assert index.full_url == f"{SITE}/{slug}/"
    for _title, slug, _summary in STANDARD_PAGES:
        assert StandardPage.objects.child_of(home).live().filter(slug=slug).exists(), slug


def test_bootstrap_loads_reference_data_and_staff_groups(freshly_migrated):
    _bootstrap()

    assert ServiceArea.objects.exists()
    assert Principle.objects.count() == len(DECLARATION_PRINCIPLES)
    assert Organisation.objects.filter(organisation_type="council").count() > 300
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editors", "Moderators"}
    assert (
        Group.objects.get(name="Editors")
        .permissions.filter(codename="add_searchpromotion")
        .exists()
    )


def test_a_second_run_changes_nothing(freshly_migrated):
    _bootstrap()
    first = _counts()
    tree = list(Page.objects.order_by("path").values_list("path", "slug", "live"))

    output = _bootstrap()

    assert _counts() == first
    assert list(Page.objects.order_by("path").values_list("path", "slug", "live")) == tree
    assert "0 created" in output


def test_bootstrap_creates_no_demo_content(freshly_migrated):
    _bootstrap()

    assert BasePage.objects.count() == 0
    assert get_user_model().objects.count() == 0
    assert get_document_model().objects.count() == 0
    # Wagtail's root, the home page, the section index pages and the standard pages: no
    # Declaration page, no content, nothing else.
    assert Page.objects.count() == 2 + len(index_pages()) + len(STANDARD_PAGES)
