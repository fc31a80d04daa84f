"""Follow from its page: every tag, service area, organisation, content-type listing and
cross-type listing offers Follow (members) or a sign-in link back (visitors), and its RSS
and Atom feeds, without JavaScript."""

import html
import re
from urllib.parse import quote
from xml.etree import ElementTree

from django.core import mail
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import (
    BusinessCaseIndexPage,
    CaseStudyIndexPage,
    CaseStudyPage,
    ProcurementBriefIndexPage,
)
from community.engagement import services as engagement_services
from community.models import Follow
from organisations.models import OrganisationIndexPage
from patterns.models import ServicePatternIndexPage
from tests import factories

pytestmark = pytest.mark.django_db

FOLLOW_LINK_RE = re.compile(r'<a class="govuk-link" href="(/follow/\?[^"]+)">Follow ([^<]+)</a>')
ALTERNATE_RE = re.compile(
    r'<link rel="alternate" type="application/(rss|atom)\+xml" title="[^"]+" href="([^"]+)">'
)
FEED_LINK_RE = re.compile(r'<a class="govuk-link" href="(/feeds/(?:rss|atom)/[^"]*)">')


@pytest.fixture
def content(make_page, org_a):
    area = factories.ServiceAreaFactory(name="Waste", slug="waste")
    live = make_page(
        CaseStudyPage, title="Live bins", organisations=[org_a], service_areas=[area], tags=["bins"]
    )
    make_page(  # a draft
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
    tag = live.tags.get()
    return {"live": live, "area": area, "organisation": org_a, "tag": tag}


def every_page(content) -> dict[str, tuple[str, str, str]]:
    """Each page that lists content: its address, then what Follow there follows."""
    return {
        "tag": (content["tag"].get_absolute_url(), "tag", "bins"),
        "service area": (content["area"].get_absolute_url(), "service_area", "waste"),
        "organisation": (content["organisation"].get_absolute_url(), "organisation", "council-a"),
        "case studies": (CaseStudyIndexPage.objects.get().url, "content_type", "casestudypage"),
        "procurement briefs": (
            ProcurementBriefIndexPage.objects.get().url,
            "content_type",
            "procurementbriefpage",
        ),
        "business cases": (
            BusinessCaseIndexPage.objects.get().url,
            "content_type",
            "businesscasepage",
        ),
        "service patterns": (
            ServicePatternIndexPage.objects.get().url,
            "content_type",
            "servicepatternpage",
        ),
        "tags": (reverse("tag_index"), "everything", "all"),
        "service areas": (reverse("service_area_index"), "everything", "all"),
        "organisations": (OrganisationIndexPage.objects.get().url, "everything", "all"),
    }


PAGES = [
    "tag",
    "service area",
    "organisation",
    "case studies",
    "procurement briefs",
    "business cases",
    "service patterns",
    "tags",
    "service areas",
    "organisations",
]


def page_html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_every_listing_offers_a_member_follow(client, members, content, name):
    url, kind, value = every_page(content)[name]
    client.force_login(members["verified_other"].user)
    links = FOLLOW_LINK_RE.findall(page_html(client, url))
    assert len(links) == 1
    href = html.unescape(links[0][0])
    assert f"kind={kind}" in href
    assert f"value={value}" in href
    assert "next=" in href


@pytest.mark.parametrize("name", PAGES)
def test_every_listing_asks_a_visitor_to_sign_in_and_come_back(client, content, name):
    url, _kind, _value = every_page(content)[name]
    text = page_html(client, url)
    assert not FOLLOW_LINK_RE.search(text)
    # Signing in brings the visitor back to this page (as the template's urlencode writes it).
    assert (
        f'<a class="govuk-link" href="{reverse("account_login")}?next={quote(url)}">Sign in</a>'
        in text
    )
    assert "to follow " in text


@pytest.mark.parametrize("name", PAGES)
def test_every_listing_links_feeds_that_hold_only_live_public_content(client, content, name):
    url, _kind, _value = every_page(content)[name]
    feeds = FEED_LINK_RE.findall(page_html(client, url))
    assert {feed.split("/")[2] for feed in feeds} == {"rss", "atom"}
    for feed in feeds:
        response = client.get(feed)
        assert response.status_code == 200
        # Well-formed XML, or this raises.
        root = ElementTree.fromstring(response.content)  # noqa: S314 - the site's own feed
        titles = {
            element.text
            for element in root.iter()
            if element.tag in {"title", "{http://www.w3.org/2005/Atom}title"}
        }
        if root.tag == "rss":
            assert root.find("channel") is not None
        else:
            assert root.tag == "{http://www.w3.org/2005/Atom}feed"
        assert "Draft bins" not in titles
        assert "Private bins" not in titles
        if name not in {"procurement briefs", "business cases", "service patterns"}:
            assert "Live bins" in titles


@pytest.mark.parametrize("name", PAGES)
def test_every_listing_names_its_feeds_for_feed_readers(client, content, name):
    url, _kind, _value = every_page(content)[name]
    text = page_html(client, url)
    shown = set(FEED_LINK_RE.findall(text))
    announced = set(ALTERNATE_RE.findall(text))
    assert {kind for kind, _href in announced} == {"rss", "atom"}
    assert {href for _kind, href in announced} == shown


def test_following_from_a_tag_page_works_without_javascript_and_shows_on_the_profile(
    client, members, content
):
    member = members["verified_other"].user
    client.force_login(member)
    tag_url = content["tag"].get_absolute_url()
    href = html.unescape(FOLLOW_LINK_RE.findall(page_html(client, tag_url))[0][0])
    form = client.get(href)
    assert form.status_code == 200
    assert "Follow the tag ‘bins’" in form.content.decode()
    # The form's own fields, as a browser without JavaScript submits them.
    response = client.post(
        reverse("community:follow"),
        {"kind": "tag", "value": "bins", "frequency": "daily", "next": tag_url},
    )
    assert response.status_code == 302
    assert response["Location"] == tag_url
    follow = Follow.objects.get(user=member)
    assert (follow.kind, follow.value, follow.frequency) == ("tag", "bins", "daily")
    back = page_html(client, tag_url)
    assert "You follow the tag ‘bins’ (once a day, in a digest)" in back
    assert not FOLLOW_LINK_RE.search(back)
    profile = page_html(client, reverse("community:profile"))
    assert "The tag ‘bins’ (once a day, in a digest)" in profile


def test_following_everything_from_the_tags_page_emails_about_any_new_page(
    client, members, content, make_page, django_capture_on_commit_callbacks
):
    member = members["verified_other"].user
    client.force_login(member)
    href = html.unescape(FOLLOW_LINK_RE.findall(page_html(client, reverse("tag_index")))[0][0])
    assert client.get(href).status_code == 200
    client.post(
        reverse("community:follow"),
        {"kind": "everything", "value": "all", "frequency": "immediate", "next": "/tags/"},
    )
    assert Follow.objects.filter(user=member, kind="everything").exists()
    assert "Everything published on Local Digital (as soon as it is published)" in page_html(
        client, reverse("community:profile")
    )
    mail.outbox.clear()
    page = make_page(CaseStudyPage, title="Untagged, from nowhere in particular")
    with django_capture_on_commit_callbacks(execute=True):
        engagement_services.followers_notify_published(page=page)
    assert [message.to for message in mail.outbox] == [[member.email]]
    assert "Untagged, from nowhere in particular" in mail.outbox[0].subject
    assert "because you follow everything published on Local Digital." in mail.outbox[0].body


def test_a_staff_account_without_a_profile_sees_feeds_but_no_follow(client, editor, content):
    client.force_login(editor)
    text = page_html(client, content["tag"].get_absolute_url())
    assert not FOLLOW_LINK_RE.search(text)
    assert FEED_LINK_RE.search(text)


def test_everything_is_the_only_value_of_an_everything_follow(client, members):
    client.force_login(members["verified_other"].user)
    assert (
        client.get(reverse("community:follow"), {"kind": "everything", "value": "x"}).status_code
        == 404
    )


def test_a_daily_everything_follow_gets_any_new_page_in_its_digest(
    members, content, make_page, django_capture_on_commit_callbacks
):
    member = members["verified_other"].user
    engagement_services.follow_add(user=member, kind="everything", value="all", frequency="daily")
    engagement_services.followers_notify_published(
        page=make_page(CaseStudyPage, title="Something new")
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert engagement_services.digests_send() == 1
    (message,) = mail.outbox
    assert "Something new" in message.body
    assert "- Everything published on Local Digital: " in message.body
