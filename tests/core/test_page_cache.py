"""Anonymous pages come from the page cache; publishing or unpublishing clears it."""

import pytest

from casestudies.models import CaseStudyPage


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


def test_second_anonymous_request_is_a_cache_hit(client, site_tree, page_cache_on):
    first = client.get("/")
    second = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert first.content == second.content


def test_publishing_clears_the_page_cache(
    client, site_tree, make_page, page_cache_on, organisation
):
    client.get(site_tree["case-studies"].url)
    make_page(CaseStudyPage, title="Freshly published study", organisations=[organisation])

    response = client.get(site_tree["case-studies"].url)

    assert response["X-Page-Cache"] == "miss"
    assert "Freshly published study" in response.content.decode()


def test_unpublishing_clears_the_page_cache(
    client, site_tree, make_page, page_cache_on, organisation
):
    page = make_page(CaseStudyPage, title="Soon withdrawn study", organisations=[organisation])
    assert "Soon withdrawn study" in client.get(site_tree["case-studies"].url).content.decode()

    page.unpublish()

    assert "Soon withdrawn study" not in client.get(site_tree["case-studies"].url).content.decode()


def test_signed_in_users_bypass_the_cache(client, site_tree, page_cache_on, editor):
    client.force_login(editor)
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")
