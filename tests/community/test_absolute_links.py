"""One setting, SITE_URL, decides every absolute link the site gives out (issue 15).

Each test sets SITE_URL to an address nothing else in the test uses (https on port 8443, while
the test client browses http://testserver and the Site record says testserver:80) and walks a
real journey: the links it produces are on that address only, and none is on localhost,
127.0.0.1 or the host the request came in on.
"""

import json
import re
from urllib.parse import urlsplit

from django.core import mail
from django.urls import reverse

from wagtail.models import Page, get_page_models

import pytest

from casestudies.models import CaseStudyPage
from community.engagement import services as engagement_services
from community.models import Signature, SignatureStatus
from core.models.routing import SiteUrlMixin
from tests import factories
from tests.community.test_accounts import SIGNUP
from tests.community.test_contributions import submit
from tests.community.test_declaration import APPLICATION, apply

SITE = "https://councils.example:8443"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "testserver", "[::1]", "::1"}
URL_PATTERN = re.compile(r"""https?://[^\s"'<>]+""")


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE
    return SITE


def links_in(text: str) -> list[str]:
    return [link.rstrip(".,;:)") for link in URL_PATTERN.findall(text)]


def assert_links_on_site(text: str) -> list[str]:
    """Every link to this site is on SITE; none is on a local host. Returns this site's links."""
    ours = []
    for link in links_in(text):
        hostname = urlsplit(link).hostname
        assert hostname not in LOCAL_HOSTS, link
        if hostname == urlsplit(SITE).hostname:
            assert link == SITE or link.startswith(SITE + "/"), link
            ours.append(link)
    for host in ("localhost", "127.0.0.1", "testserver"):
        assert host not in text, f"{host} in {text[:500]}"
    return ours


def email_parts(message) -> list[str]:
    """The text part and every alternative (the HTML part)."""
    return [message.body, *(content for content, _mimetype in message.alternatives)]


def assert_email_links_on_site(message) -> list[str]:
    ours = []
    for part in email_parts(message):
        ours += assert_links_on_site(part)
    return ours


def path_of(link: str) -> str:
    return urlsplit(link).path


# --- Pages themselves -----------------------------------------------------------------------


def test_every_page_type_takes_its_address_from_site_url():
    """A new page type that forgot SiteUrlMixin would link to the Site record's address."""
    missing = [
        model.__name__
        for model in get_page_models()
        if model is not Page and not issubclass(model, SiteUrlMixin)
    ]
    assert missing == []


def test_a_page_full_url_is_on_site_url_whatever_the_site_record_says(site_tree):
    assert site_tree["case-studies"].full_url == SITE + "/case-studies/"
    assert site_tree["home"].full_url == SITE + "/"


# --- Emails ---------------------------------------------------------------------------------


def test_the_declaration_approver_link_is_on_site_url_and_reaches_the_confirmation_page(
    client, declaration_page, org_a, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        apply(client, declaration_page, org_a)
    approver_email = next(m for m in mail.outbox if m.to == [APPLICATION["approver_email"]])
    links = assert_email_links_on_site(approver_email)
    confirm = next(link for link in links if "/confirm/" in link)
    assert confirm.startswith(SITE + "/declaration/confirm/")

    page = client.get(path_of(confirm))
    assert page.status_code == 200
    assert "Council A" in page.content.decode()
    client.post(path_of(confirm))
    assert Signature.objects.get().status == SignatureStatus.AWAITING_REVIEW


def test_the_published_email_links_to_the_page_on_site_url(
    client, members, staff, site_tree, django_capture_on_commit_callbacks
):
    client.force_login(members["owner"].user)
    submit(client)
    page = CaseStudyPage.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.current_task_state.approve(user=staff["moderator"])
    page.refresh_from_db()
    (message,) = mail.outbox
    links = assert_email_links_on_site(message)
    assert SITE + page.url in links
    assert client.get(path_of(SITE + page.url)).status_code == 200


def test_the_changes_requested_email_links_to_the_contributions_on_site_url(
    client, members, staff, site_tree, django_capture_on_commit_callbacks
):
    client.force_login(members["owner"].user)
    submit(client)
    page = CaseStudyPage.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.current_task_state.reject(
            user=staff["moderator"], comment="Add the costs"
        )
    (message,) = mail.outbox
    assert SITE + reverse("community:contributions") in assert_email_links_on_site(message)


def test_follow_alerts_and_their_unsubscribe_links_are_on_site_url(
    client, members, make_page, django_capture_on_commit_callbacks
):
    user = members["verified_other"].user
    engagement_services.follow_add(
        user=user, kind="content_type", value="casestudypage", frequency="immediate"
    )
    page = make_page(CaseStudyPage, title="New repairs study")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        engagement_services.followers_notify_published(page=page)
    (message,) = [m for m in mail.outbox if m.to == [user.email]]
    links = assert_email_links_on_site(message)
    assert SITE + page.url in links
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith(SITE + "/")
    assert unsubscribe in links
    assert client.get(path_of(unsubscribe)).status_code == 200


def test_daily_digests_link_on_site_url(members, make_page, django_capture_on_commit_callbacks):
    user = members["verified_other"].user
    engagement_services.follow_add(
        user=user, kind="content_type", value="casestudypage", frequency="daily"
    )
    page = make_page(CaseStudyPage, title="Digest repairs study")
    engagement_services.followers_notify_published(page=page)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        engagement_services.digests_send()
    (message,) = mail.outbox
    links = assert_email_links_on_site(message)
    assert SITE + page.url in links
    assert any("unsubscribe" in link for link in links)


def test_the_sign_up_confirmation_link_is_on_site_url_and_confirms_the_address(client, org_a):
    client.post(reverse("account_signup"), {**SIGNUP, "organisation": org_a.pk})
    (message,) = [m for m in mail.outbox if m.to == [SIGNUP["email"]]]
    links = assert_email_links_on_site(message)
    confirm = next(link for link in links if "/accounts/confirm-email/" in link)
    client.post(path_of(confirm))
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email=SIGNUP["email"]).verified


def test_the_password_reset_link_is_on_site_url(client, members):
    client.post(reverse("account_reset_password"), {"email": members["owner"].user.email})
    (message,) = mail.outbox
    links = assert_email_links_on_site(message)
    reset = next(link for link in links if "/accounts/password/reset/key/" in link)
    assert client.get(path_of(reset)).status_code in {200, 302}


def test_wagtails_moderation_emails_link_to_the_admin_on_site_url(
    client, members, staff, site_tree, django_capture_on_commit_callbacks
):
    """Wagtail tells moderators that a contribution waits for them (WAGTAILADMIN_BASE_URL)."""
    client.force_login(members["owner"].user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        submit(client)
    to_moderators = [m for m in mail.outbox if staff["moderator"].email in m.to]
    assert to_moderators, [m.subject for m in mail.outbox]
    for message in to_moderators:
        assert any(
            link.startswith(SITE + "/admin/") for link in assert_email_links_on_site(message)
        )


# --- The web: API, sitemap, feeds, JSON-LD, Open Graph, canonical -------------------------------


@pytest.fixture
def case_study(make_page, organisation):
    return make_page(CaseStudyPage, title="Online repairs booking", organisations=[organisation])


def test_the_api_html_url_and_detail_url_are_on_site_url(client, case_study):
    listing = client.get("/api/v2/pages/", {"type": "casestudies.CaseStudyPage"})
    assert listing.status_code == 200
    text = listing.content.decode()
    item = next(i for i in listing.json()["items"] if i["id"] == case_study.id)
    assert item["meta"]["html_url"] == SITE + case_study.url
    assert item["meta"]["detail_url"] == f"{SITE}/api/v2/pages/{case_study.id}/"
    detail = client.get(f"/api/v2/pages/{case_study.id}/").content.decode()
    assert SITE + "/organisations/hackney/" in assert_links_on_site(detail)
    assert_links_on_site(text)
    index = client.get("/api/v2/").content.decode()
    assert f"{SITE}/api/v2/pages/" in assert_links_on_site(index)
    openapi = client.get("/api/v2/openapi.json").json()
    assert openapi["servers"] == [{"url": f"{SITE}/api/v2"}]


def test_the_api_html_url_of_plain_pages_and_parents_is_on_site_url(client, case_study):
    """type=wagtailcore.Page lists plain Page objects, and a page's parent is one: Wagtail
    would give them the Site record's address (http on port 8443)."""
    listing = client.get("/api/v2/pages/", {"type": "wagtailcore.Page", "limit": 50})
    items = listing.json()["items"]
    assert SITE + "/case-studies/" in [item["meta"]["html_url"] for item in items]
    assert_links_on_site(listing.content.decode())
    detail = client.get(f"/api/v2/pages/{case_study.id}/").json()
    assert detail["meta"]["parent"]["meta"]["html_url"] == SITE + "/case-studies/"


def test_every_sitemap_entry_is_on_site_url(client, case_study):
    body = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]*)</loc>", body)
    assert SITE + case_study.url in locations
    assert SITE + "/organisations/hackney/" in locations
    assert all(location.startswith(SITE + "/") for location in locations)
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {SITE}/sitemap.xml" in robots


@pytest.mark.parametrize("format_name", ["rss", "atom"])
def test_feeds_link_on_site_url(client, case_study, format_name):
    body = client.get(reverse("community:feed_all", args=[format_name])).content.decode()
    links = assert_links_on_site(body)
    assert SITE + case_study.url in links
    assert f"{SITE}/feeds/" in body or any("/feeds/" in link for link in links)


def test_json_ld_open_graph_and_the_canonical_link_are_on_site_url(client, case_study):
    html = client.get(case_study.url).content.decode()
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["url"] == SITE + case_study.url
    assert f'<meta property="og:url" content="{SITE}{case_study.url}">' in html
    assert f'<link rel="canonical" href="{SITE}{case_study.url}">' in html
    assert_links_on_site(html)


def test_downloads_link_on_site_url(client, case_study):
    rows = client.get("/case-studies/", {"format": "json"}).json()["results"]
    assert SITE + case_study.url in [row["url"] for row in rows]
    csv_text = client.get("/organisations/", {"format": "csv"}).content.decode()
    assert SITE + "/organisations/hackney/" in assert_links_on_site(csv_text)


def test_an_organisation_created_in_the_test_has_its_page_on_site_url(client, db):
    factories.OrganisationFactory(code="ZZZ", slug="zedshire", name="Zedshire")
    body = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{SITE}/organisations/zedshire/</loc>" in body
