"""One definition of reuse: organisations other than the page's own, suppliers apart, and the
same figure on the page, its cards, listings, search, the API, downloads and the home page."""

import csv
import io

from django.urls import reverse

import pytest

from community.engagement import services as engagement_services
from community.models import ReuseRecord
from core.models import BasePage
from organisations.models import OrganisationType
from patterns.models import ServicePatternPage
from tests.factories import OrganisationFactory


@pytest.fixture
def reused_pattern(site_tree, make_page, org_a, org_b):
    """A pattern from Council A, reused by A itself, a supplier, and two other councils."""
    pattern = make_page(ServicePatternPage, title="Report a missed bin", organisations=[org_a])
    supplier = OrganisationFactory(
        code="SUP", slug="bins-ltd", name="Bins Ltd", organisation_type=OrganisationType.SUPPLIER
    )
    council_c = OrganisationFactory(code="CCC", slug="council-c", name="Council C")
    for organisation in (org_a, supplier, org_b, council_c):
        ReuseRecord.objects.create(page=pattern, organisation=organisation)
    engagement_services.reuse_count_refresh(page_id=pattern.pk)
    return pattern


def stored_count(page):
    return BasePage.objects.get(pk=page.pk).reuse_count


def test_the_count_leaves_out_the_pages_own_organisation_and_suppliers(reused_pattern):
    assert ReuseRecord.objects.filter(page=reused_pattern).count() == 4
    assert stored_count(reused_pattern) == 2


def test_the_page_shows_the_count_and_its_own_organisation_and_suppliers_apart(
    client, reused_pattern
):
    html = client.get(reused_pattern.url).content.decode()
    assert "Reused by 2 organisations" in html
    assert "Reused by 4" not in html
    assert "Using this pattern" in html  # the pattern's own figure, in "At a glance"
    assert "2 organisations</dd>" in html
    assert "Also used by its own organisation: " in html
    own = html.split('data-reuse="own"')[1].split("</p>")[0]
    assert "Council A" in own
    suppliers = html.split('data-reuse="suppliers"')[1].split("</p>")[0]
    assert "And by 1 supplier: " in suppliers
    assert "Bins Ltd" in suppliers


def test_listing_cards_and_search_results_show_the_same_count(client, site_tree, reused_pattern):
    listing = client.get(site_tree["service-patterns"].url).content.decode()
    assert "Reused by 2 organisations" in listing
    results = client.get(reverse("search"), {"q": "missed bin"}).content.decode()
    assert "Reused by 2 organisations" in results
    assert "Reused by 4" not in listing + results


def test_the_api_and_downloads_give_the_same_count(client, site_tree, reused_pattern):
    item = client.get(f"/api/v2/pages/{reused_pattern.pk}/").json()
    assert item["reuse_count"] == 2
    listed = client.get("/api/v2/pages/", {"type": "patterns.ServicePatternPage"}).json()
    assert [i["reuse_count"] for i in listed["items"] if i["id"] == reused_pattern.pk] == [2]
    download = client.get(site_tree["service-patterns"].url, {"format": "csv"})
    rows = list(csv.DictReader(io.StringIO(download.content.decode())))
    assert [row["reuse_count"] for row in rows] == ["2"]
    found = client.get(reverse("search"), {"q": "missed bin", "format": "csv"})
    rows = list(csv.DictReader(io.StringIO(found.content.decode())))
    assert [row["reuse_count"] for row in rows] == ["2"]


def test_the_home_page_most_reused_patterns_show_the_same_count(client, reused_pattern):
    html = client.get("/").content.decode()
    assert "Reused by 2 organisations" in html


def test_an_organisation_becoming_a_supplier_stops_counting(reused_pattern):
    council_c = ReuseRecord.objects.get(organisation__code="CCC").organisation
    council_c.organisation_type = OrganisationType.SUPPLIER
    council_c.save()
    assert stored_count(reused_pattern) == 1


def test_a_publication_that_changes_who_the_page_is_from_recounts(reused_pattern, org_a, org_b):
    draft = reused_pattern.get_latest_revision_as_object()
    draft.organisations.set([org_a, org_b])  # now also from Council B: its reuse is its own
    draft.save_revision().publish()
    assert stored_count(reused_pattern) == 1


def test_a_record_deleted_in_the_admin_is_no_longer_counted(
    reused_pattern, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ReuseRecord.objects.get(organisation__code="CCC").delete()
    assert stored_count(reused_pattern) == 1
