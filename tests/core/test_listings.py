"""Index, tag, service-area and organisation listings: only public live pages, filters work,
and the number of SQL queries stays the same however many items are listed."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage, ProcurementBriefPage
from patterns.models import ServicePatternPage
from tests.factories import OrganisationFactory, ServiceAreaFactory

QUERY_BUDGET = 15


def _queries_for(client, url) -> int:
    client.get(url)  # warm per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def _populate(make_page, count, organisation, area, start=0):
    for number in range(start, start + count):
        make_page(
            CaseStudyPage,
            title=f"Listed case study {number}",
            organisations=[organisation],
            service_areas=[area],
            tags=["repairs", f"tag-{number}"],
        )


@pytest.mark.parametrize(
    "url_for",
    [
        lambda tree, org, area: tree["case-studies"].url,
        lambda tree, org, area: "/tags/repairs/",
        lambda tree, org, area: f"/service-areas/{area.slug}/",
        lambda tree, org, area: f"/organisations/{org.slug}/",
        lambda tree, org, area: "/",
    ],
    ids=["index", "tag", "service-area", "organisation", "home"],
)
def test_listing_query_count_is_constant_in_list_length(
    client, site_tree, make_page, organisation, url_for
):
    area = ServiceAreaFactory()
    _populate(make_page, 2, organisation, area)
    url = url_for(site_tree, organisation, area)
    few = _queries_for(client, url)

    _populate(make_page, 18, organisation, area, start=2)
    many = _queries_for(client, url)

    assert many == few, f"{url}: {few} queries for 2 items but {many} for 20"
    assert many <= QUERY_BUDGET


def test_draft_and_private_pages_never_listed(client, site_tree, make_page, organisation):
    make_page(
        CaseStudyPage,
        title="Published repairs study",
        organisations=[organisation],
        tags=["repairs"],
    )
    make_page(
        CaseStudyPage,
        title="Draft repairs study",
        organisations=[organisation],
        tags=["repairs"],
        publish=False,
    )
    private = make_page(
        CaseStudyPage, title="Private repairs study", organisations=[organisation], tags=["repairs"]
    )
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="secret")

    for url in [
        site_tree["case-studies"].url,
        "/tags/repairs/",
        f"/organisations/{organisation.slug}/",
        "/",
    ]:
        html = client.get(url).content.decode()
        assert "Published repairs study" in html, url
        assert "Draft repairs study" not in html, url
        assert "Private repairs study" not in html, url


def test_children_of_a_private_index_are_not_listed(client, site_tree, make_page, organisation):
    make_page(
        ServicePatternPage,
        title="Pattern behind login",
        organisations=[organisation],
        tags=["waste"],
    )
    PageViewRestriction.objects.create(page=site_tree["service-patterns"], restriction_type="login")

    assert "Pattern behind login" not in client.get("/tags/waste/").content.decode()
    assert (
        "Pattern behind login"
        not in client.get(f"/organisations/{organisation.slug}/").content.decode()
    )


def test_index_filters_by_tag_service_area_organisation_and_nation(client, site_tree, make_page):
    wales = OrganisationFactory(
        code="CRF", slug="cardiff", name="Cardiff", nation="Wales", region="Wales"
    )
    england = OrganisationFactory(
        code="LDS", slug="leeds", name="Leeds", nation="England", region="Yorkshire"
    )
    housing = ServiceAreaFactory(name="Housing", slug="housing")
    make_page(
        ProcurementBriefPage,
        title="Welsh housing brief",
        organisations=[wales],
        service_areas=[housing],
        tags=["repairs"],
    )
    make_page(
        ProcurementBriefPage, title="Leeds parking brief", organisations=[england], tags=["parking"]
    )
    index = site_tree["procurement-briefs"].url

    cases = {
        "tag=repairs": "Welsh housing brief",
        "service_area=housing": "Welsh housing brief",
        "organisation=leeds": "Leeds parking brief",
        "nation=Wales": "Welsh housing brief",
        "region=Yorkshire": "Leeds parking brief",
    }
    for query, expected in cases.items():
        html = client.get(f"{index}?{query}").content.decode()
        other = {"Welsh housing brief", "Leeds parking brief"} - {expected}
        assert expected in html, query
        assert other.pop() not in html, query


@pytest.mark.parametrize(
    "query",
    [
        "page=abc",
        "page=-1",
        "page=0",
        "page=999999999999999999999",
        "page=1&page=2",
        "tag=%3Cscript%3E",
        "tag=" + "x" * 5000,
        "order=drop+table",
        "nation=%00",
        "tag=a%00b",
        "region=%01%7f",
        "organisation=x%00",
        "unknown=1",
        "service_area=" + "&service_area=".join(str(n) for n in range(200)),
    ],
)
def test_listing_bad_parameters_give_a_normal_page(client, site_tree, query):
    response = client.get(f"{site_tree['case-studies'].url}?{query}")
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main")[1]


def test_unknown_tag_and_organisation_are_404_with_our_page(client, site_tree):
    for url in [
        "/tags/no-such-tag/",
        "/organisations/no-such-org/",
        "/service-areas/nope/",
        "/nowhere/",
        "/tags/nul%00byte/",
        "/organisations/nul%00byte/",
        "/service-areas/nul%00byte/",
        "/case-studies/nul%00byte/",
        "/nul%00byte/",
    ]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Page not found" in response.content.decode()


def test_pagination_splits_long_listings(client, site_tree, make_page, organisation):
    for number in range(23):
        make_page(CaseStudyPage, title=f"Paged study {number:02d}", organisations=[organisation])
    first = client.get(site_tree["case-studies"].url).content.decode()
    second = client.get(f"{site_tree['case-studies'].url}?page=2").content.decode()
    assert first.count("Paged study") == 20
    assert second.count("Paged study") == 3
