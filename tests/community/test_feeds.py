"""Feeds list only public live pages, per type, tag, service area and organisation."""

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from patterns.models import ServicePatternPage
from tests import factories


@pytest.fixture
def content(make_page, org_a, org_b):
    area = factories.ServiceAreaFactory(name="Waste", slug="waste")
    live = make_page(
        CaseStudyPage, title="Live bins", organisations=[org_a], service_areas=[area], tags=["bins"]
    )
    draft = make_page(
        CaseStudyPage,
        title="Draft bins",
        organisations=[org_a],
        service_areas=[area],
        tags=["bins"],
        publish=False,
    )
    private = make_page(
        CaseStudyPage,
        title="Private bins",
        organisations=[org_a],
        service_areas=[area],
        tags=["bins"],
    )
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    other = make_page(ServicePatternPage, title="Other org pattern", organisations=[org_b])
    return {"live": live, "draft": draft, "private": private, "other": other}


@pytest.mark.parametrize("format_name", ["rss", "atom"])
@pytest.mark.parametrize(
    ("kind", "slug", "expected"),
    [
        ("all", "", {"Live bins", "Other org pattern"}),
        ("type", "case-studies", {"Live bins"}),
        ("type", "service-patterns", {"Other org pattern"}),
        ("tag", "bins", {"Live bins"}),
        ("service-area", "waste", {"Live bins"}),
        ("organisation", "council-a", {"Live bins"}),
        ("organisation", "council-b", {"Other org pattern"}),
    ],
)
def test_feeds_list_only_public_live_pages(client, content, format_name, kind, slug, expected):
    url = (
        reverse("community:feed_all", args=[format_name])
        if kind == "all"
        else reverse("community:feed", args=[format_name, kind, slug])
    )
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    for title in ("Live bins", "Other org pattern", "Draft bins", "Private bins"):
        assert (title in body) == (title in expected), title
    assert ("<feed" in body) == (format_name == "atom")


def test_unknown_feeds_are_not_found(client, content):
    assert client.get(reverse("community:feed", args=["atom", "tag", "nope"])).status_code == 404
    assert client.get(reverse("community:feed", args=["atom", "type", "nope"])).status_code == 404
    assert client.get(reverse("community:feed", args=["json", "tag", "bins"])).status_code == 404


@pytest.mark.parametrize(
    ("format_name", "summary_tag"), [("rss", "description"), ("atom", "summary")]
)
def test_summaries_are_sent_as_text_never_as_markup(
    client, make_page, org_a, format_name, summary_tag
):
    """Feed readers read an RSS description and an Atom summary of type html as HTML: a
    summary is text, so what looks like a tag in it must arrive escaped."""
    import xml.etree.ElementTree as ElementTree

    make_page(
        CaseStudyPage,
        title="Tags & <b>bold</b> claims",
        summary='<img src=x onerror="alert(1)"> & more',
        organisations=[org_a],
    )
    response = client.get(reverse("community:feed_all", args=[format_name]))
    root = ElementTree.fromstring(response.content)  # noqa: S314 - the site's own feed

    summaries = [element.text for element in root.iter() if element.tag.endswith(summary_tag)]
    titles = [element.text for element in root.iter() if element.tag.endswith("title")]
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more" in summaries
    assert "Tags & <b>bold</b> claims" in titles  # XML-escaped on the wire: a text title
