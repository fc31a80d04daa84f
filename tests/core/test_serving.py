"""Serving pages: a fixed query budget per detail page, and restrictions always enforced
even though the facts behind the restriction check are cached."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage, ProcurementBriefPage
from core.content_types import content_models
from core.models import ContentTag, Principle
from core.models.base import TaggedContent
from patterns.models import ServicePatternPage
from tests.factories import OrganisationFactory, ServiceAreaFactory

DETAIL_QUERY_BUDGET = 10


@pytest.mark.parametrize("model", content_models())
def test_detail_page_stays_within_query_budget(client, make_page, organisation, model):
    brief = make_page(ProcurementBriefPage, organisations=[organisation])
    pattern = make_page(ServicePatternPage, organisations=[organisation])
    page = make_page(
        model, organisations=[organisation], service_areas=[ServiceAreaFactory()], tags=["a", "b"]
    )
    if model is CaseStudyPage:
        page.related_briefs.add(brief)
        page.patterns_used.add(pattern)
        page.save_revision().publish()
    client.get(page.url)  # warm per-process caches

    with CaptureQueriesContext(connection) as captured:
        response = client.get(page.url)

    assert response.status_code == 200
    assert len(captured.captured_queries) <= DETAIL_QUERY_BUDGET, "\n".join(
        q["sql"][:160] for q in captured.captured_queries
    )


def test_restriction_added_after_a_visit_is_enforced(client, make_page, organisation):
    page = make_page(CaseStudyPage, title="Soon private", organisations=[organisation])
    assert "Soon private" in client.get(page.url).content.decode()

    PageViewRestriction.objects.create(
        page=page, restriction_type="password", password="s3cret-pass"
    )

    response = client.get(page.url)
    assert "Soon private" not in response.content.decode()
    assert "password" in response.content.decode().lower()


def test_restriction_on_an_index_protects_its_children(client, site_tree, make_page, organisation):
    page = make_page(ServicePatternPage, title="Behind login", organisations=[organisation])
    client.get(page.url)
    PageViewRestriction.objects.create(page=site_tree["service-patterns"], restriction_type="login")

    response = client.get(page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_drafts_and_unknown_slugs_are_not_served(client, make_page, organisation):
    draft = make_page(
        CaseStudyPage, title="Unpublished", organisations=[organisation], publish=False
    )
    assert client.get(f"/case-studies/{draft.slug}/").status_code == 404
    assert client.get("/case-studies/no-such-page/").status_code == 404
    assert client.get("/no-such-section/").status_code == 404


def test_renamed_index_is_served_at_its_new_slug(client, site_tree, make_page, organisation):
    page = make_page(CaseStudyPage, title="Follows the rename", organisations=[organisation])
    index = site_tree["case-studies"]
    client.get(page.url)
    index.slug = "stories"
    index.save_revision().publish()

    assert client.get("/stories/").status_code == 200
    assert "Follows the rename" in client.get(f"/stories/{page.slug}/").content.decode()


def test_relations_cost_the_same_queries_however_many_there_are(client, make_page, organisation):
    few = make_page(CaseStudyPage, organisations=[organisation], tags=["one"])
    many = make_page(
        CaseStudyPage,
        organisations=[organisation, *OrganisationFactory.create_batch(4)],
        service_areas=ServiceAreaFactory.create_batch(4),
        tags=["one", "two", "three", "four", "five"],
    )
    counts = []
    for page in (few, many):
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        counts.append(len(captured.captured_queries))

    assert counts[0] == counts[1]


def test_detail_page_lists_tags_as_entered_and_organisations_by_name(client, make_page):
    zetland = OrganisationFactory(name="Zetland Borough")
    abbey = OrganisationFactory(name="Abbey District")
    page = make_page(
        CaseStudyPage, organisations=[zetland, abbey], tags=["zebra-crossings", "apple-trees"]
    )
    page.principles.set(Principle.objects.order_by("number")[:2])
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    assert html.index("/tags/zebra-crossings/") < html.index("/tags/apple-trees/")
    assert html.index(">Abbey District<") < html.index(">Zetland Borough<")
    first, second = Principle.objects.order_by("number")[:2]
    assert html.index(first.title) < html.index(second.title)


def test_a_tag_added_behind_the_cache_is_still_shown(client, make_page, organisation):
    page = make_page(CaseStudyPage, organisations=[organisation], tags=["known"])
    client.get(page.url)  # the tag vocabulary is now held in memory
    # bulk_create sends no signals, so nothing tells the cache about this tag.
    (tag,) = ContentTag.objects.bulk_create([ContentTag(name="bulk-loaded", slug="bulk-loaded")])
    TaggedContent.objects.bulk_create([TaggedContent(tag=tag, content_object=page)])

    assert "/tags/bulk-loaded/" in client.get(page.url).content.decode()


def test_a_reworded_principle_shows_on_pages_at_once(client, make_page, organisation):
    principle = Principle.objects.order_by("number").first()
    page = make_page(CaseStudyPage, organisations=[organisation])
    page.principles.set([principle])
    page.save_revision().publish()
    assert principle.title in client.get(page.url).content.decode()

    principle.title = "Fix the plumbing, together"
    principle.save()

    assert "Fix the plumbing, together" in client.get(page.url).content.decode()


def test_home_page_follows_a_renamed_section(client, site_tree):
    assert 'href="/case-studies/"' in client.get("/").content.decode()
    index = site_tree["case-studies"]
    index.title = "Stories from councils"
    index.slug = "stories"
    index.save_revision().publish()

    html = client.get("/").content.decode()
    assert "Stories from councils" in html
    assert 'href="/stories/"' in html


@pytest.mark.parametrize("path", ["/accessibility/", "/organisations/", "/organisations/hackney/"])
def test_restrictions_on_standard_and_directory_pages_are_enforced(
    client, site_tree, organisation, path
):
    """These pages skip Wagtail's restriction queries while nothing is restricted."""
    from wagtail.models import Page

    assert client.get(path).status_code == 200
    page_path = "/organisations/" if path.startswith("/organisations/") else path
    restricted = Page.objects.get(url_path=f"/home{page_path}")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")

    response = client.get(path)

    assert response.status_code == 302
    assert "login" in response["Location"]
