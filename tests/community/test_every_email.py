"""Every email the site sends, each sent through its real journey, is written for this site:
its name, no allauth boilerplate, a text and an HTML part, and every link absolute on
SITE_URL (issue 15).

The emails are found on disk (community/templates/community/emails/ and the site's allauth
templates in community/templates/account/email/), so a new email without a journey here
fails `test_every_email_template_has_a_journey`.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core import mail
from django.test.signals import template_rendered
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from casestudies.models import CaseStudyPage
from community.engagement import services as engagement_services
from community.models import Comment, ModerationStatus, Opportunity, Signature
from tests.community.test_accounts import SIGNUP
from tests.community.test_collaboration import valid as valid_opportunity
from tests.community.test_contributions import submit
from tests.community.test_declaration import apply
from tests.community.test_live_only import schedule

SITE = "https://councils.example:8443"
TEMPLATES = Path(__file__).resolve().parents[2] / "community" / "templates"
PASSWORD = "a-long-test-password"
NEW_PASSWORD = "another-long-password-7"


def community_emails() -> set[str]:
    folder = TEMPLATES / "community" / "emails"
    return {path.name.removesuffix("_subject.txt") for path in folder.glob("*_subject.txt")}


def allauth_emails() -> set[str]:
    folder = TEMPLATES / "account" / "email"
    return {path.name.removesuffix("_subject.txt") for path in folder.glob("*_subject.txt")}


# --- The journeys, one per email -------------------------------------------------------------


def _signature(j):
    apply(j.client, j.declaration_page, j.org_a)
    return Signature.objects.get()


def _confirm_signature(j):
    signature = _signature(j)
    j.client.post(
        j.declaration_page.url
        + j.declaration_page.reverse_subpage("confirm", args=[signature.approver_token])
    )
    return signature


def _contribution(j):
    j.client.force_login(j.members["owner"].user)
    submit(j.client)
    return CaseStudyPage.objects.get()


def _comment(j, status=ModerationStatus.PENDING):
    return Comment.objects.create(
        page=j.make_page(CaseStudyPage, title="Commented on"),
        author=j.members["owner"].user,
        body="Useful, thank you",
        status=status,
    )


def comment_reported(j):
    comment = _comment(j, ModerationStatus.APPROVED)
    engagement_services.comment_report(
        comment=comment, user=j.members["verified_other"].user, reason="Rude"
    )


def comment_to_moderate(j):
    j.client.force_login(j.members["owner"].user)
    page = j.make_page(CaseStudyPage, title="Comment here")
    engagement_services.comment_create(page=page, profile=j.members["owner"], body="Nice work")


def contribution_received(j):
    _contribution(j)


def contribution_approved(j):
    page = _contribution(j)
    page.current_workflow_state.current_task_state.approve(user=j.staff["moderator"])


def contribution_scheduled(j):
    page = _contribution(j)
    schedule(page, user=j.staff["moderator"])
    page.current_workflow_state.current_task_state.approve(user=j.staff["moderator"])


def contribution_changes_requested(j):
    page = _contribution(j)
    page.current_workflow_state.current_task_state.reject(
        user=j.staff["moderator"], comment="Add the costs"
    )


def declaration_approver_confirm(j):
    _signature(j)


declaration_received = declaration_approver_confirm


def declaration_to_review(j):
    _confirm_signature(j)


def declaration_decided(j):
    signature = _confirm_signature(j)
    j.client.force_login(j.staff["editor"])
    j.client.post(
        f"/admin/snippets/community/signature/edit/{signature.pk}/",
        {"status": "approved", "review_note": ""},
    )


def follow_published(j):
    user = j.members["verified_other"].user
    engagement_services.follow_add(
        user=user, kind="content_type", value="casestudypage", frequency="immediate"
    )
    engagement_services.followers_notify_published(
        page=j.make_page(CaseStudyPage, title="Followed")
    )


def follow_digest(j):
    user = j.members["verified_other"].user
    engagement_services.follow_add(
        user=user, kind="content_type", value="casestudypage", frequency="daily"
    )
    engagement_services.followers_notify_published(
        page=j.make_page(CaseStudyPage, title="Digested")
    )
    engagement_services.digests_send()


def member_needs_verification(j):
    j.client.post(
        reverse("account_signup"),
        {**SIGNUP, "email": "priya@example.com", "organisation": j.org_a.pk},
    )
    link = re.search(r"(/accounts/confirm-email/[^\s]+/)", mail.outbox[-1].body).group(1)
    j.client.post(link)


def member_verification(j):
    profile = j.members["unverified"]
    j.client.force_login(j.staff["moderator"])
    j.client.post(
        f"/admin/snippets/community/memberprofile/edit/{profile.pk}/",
        {"verification_status": "verified", "verification_note": "Checked"},
    )


def opportunity_interest(j):
    j.client.force_login(j.members["owner"].user)
    j.client.post(reverse("community:opportunity_create"), valid_opportunity())
    opportunity = Opportunity.objects.get()
    j.client.force_login(j.members["verified_other"].user)
    j.client.post(
        reverse("community:opportunity_interest", args=[opportunity.pk]), {"message": "Yes"}
    )


# allauth's, through its pages as a member uses them.


def email_confirmation_signup(j):
    j.client.post(reverse("account_signup"), {**SIGNUP, "organisation": j.org_a.pk})


def account_already_exists(j):
    owner = j.members["owner"].user
    j.client.post(
        reverse("account_signup"), {**SIGNUP, "email": owner.email, "organisation": j.org_a.pk}
    )


def _signed_in_owner(j):
    user = j.members["owner"].user
    j.client.force_login(user)
    return user


def email_confirmation(j):
    _signed_in_owner(j)
    j.client.post(reverse("account_email"), {"action_add": "", "email": "owner@council-a.gov.uk"})


def unknown_account(j):
    j.client.post(reverse("account_reset_password"), {"email": "nobody@council-a.gov.uk"})


def password_reset_key(j):
    j.client.post(reverse("account_reset_password"), {"email": j.members["owner"].user.email})


def login_code(j):
    j.client.post(reverse("account_request_login_code"), {"email": j.members["owner"].user.email})


def password_changed(j):
    _signed_in_owner(j)
    j.client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def password_set(j):
    user = _signed_in_owner(j)
    user.set_unusable_password()
    user.save()
    j.client.force_login(user)
    j.client.post(
        reverse("account_set_password"), {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    )


def password_reset(j):
    password_reset_key(j)
    link = re.search(r"(/accounts/password/reset/key/[^\s]+/)", mail.outbox[-1].body).group(1)
    form = j.client.get(link, follow=True)
    j.client.post(
        form.redirect_chain[-1][0] if form.redirect_chain else link,
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )


def _second_address(j):
    user = _signed_in_owner(j)
    EmailAddress.objects.create(user=user, email="owner@council-a.gov.uk", verified=True)
    return user


def email_changed(j):
    _second_address(j)
    j.client.post(
        reverse("account_email"), {"action_primary": "", "email": "owner@council-a.gov.uk"}
    )


def email_deleted(j):
    _second_address(j)
    j.client.post(
        reverse("account_email"), {"action_remove": "", "email": "owner@council-a.gov.uk"}
    )


JOURNEYS = {
    name: journey
    for name, journey in globals().items()
    if callable(journey) and name in community_emails() | allauth_emails()
}


def test_every_email_template_has_a_journey():
    assert set(JOURNEYS) == community_emails() | allauth_emails()


class Journey:
    def __init__(self, request):
        for name in ("client", "members", "staff", "org_a", "declaration_page", "make_page"):
            setattr(self, name, request.getfixturevalue(name))


def rendered_templates_during(action) -> list[str]:
    names = []

    def record(sender, template, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        action()
    finally:
        template_rendered.disconnect(record)
    return names


RELATIVE_IN_TEXT = re.compile(r"(?:^|[\s(:])(/[\w-]+(?:/[\w.-]*)*)", re.M)
HREF = re.compile(r"""href=["']([^"']*)["']""")
URL = re.compile(r"""https?://[^\s"'<>]+""")


def problems_with_links(message) -> list[str]:
    problems = []
    html_parts = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
    for part in [message.body, *html_parts]:
        for url in URL.findall(part):
            if not (url == SITE or url.startswith(SITE + "/")) and urlsplit(url).hostname.endswith(
                ("localhost", "127.0.0.1", "testserver", "councils.example")
            ):
                problems.append(f"not on SITE_URL: {url}")
    for path in RELATIVE_IN_TEXT.findall(message.body):
        problems.append(f"relative link in the text: {path}")
    for part in html_parts:
        for href in HREF.findall(part):
            if not href.startswith((SITE + "/", "mailto:")) and href != SITE:
                problems.append(f"href not absolute on SITE_URL: {href}")
    return problems


@pytest.mark.parametrize("name", sorted(community_emails() | allauth_emails()))
def test_each_email_is_the_sites_own_with_absolute_links_on_site_url(
    name, request, settings, site_tree, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    # Off on this site; the templates are ready for when it is switched on.
    settings.ACCOUNT_EMAIL_NOTIFICATIONS = True
    journey = Journey(request)
    mail.outbox.clear()

    def journey_with_its_commits():
        # The site's emails are queued, then sent after the commit.
        with django_capture_on_commit_callbacks(execute=True):
            JOURNEYS[name](journey)

    rendered = rendered_templates_during(journey_with_its_commits)

    ours = {f"community/emails/{name}.txt", f"account/email/{name}_message.txt"}
    assert ours & set(rendered), f"the journey did not send {name}"
    assert mail.outbox
    for message in mail.outbox:
        assert problems_with_links(message) == [], (message.subject, message.body)
        html = [content for content, mimetype in message.alternatives if mimetype == "text/html"]
        assert len(html) == 1, f"{message.subject!r} has no HTML part"
        assert message.body.strip(), f"{message.subject!r} has no text"
        assert "Local Digital" in html[0]
        if name in allauth_emails():
            assert "Local Digital" in message.body
            assert message.subject.startswith("[Local Digital] ")
        for boilerplate in ("Hello from", "Thank you for using"):
            assert boilerplate not in message.body + html[0], (boilerplate, message.body)


# Emails to staff about one thing link to that thing's screen in the admin, not to a menu.
STAFF_EMAIL_SCREENS = {
    "comment_to_moderate": "/admin/snippets/community/comment/edit/",
    "comment_reported": "/admin/snippets/community/comment/edit/",
    "declaration_to_review": "/admin/snippets/community/signature/edit/",
}


@pytest.mark.parametrize("name", sorted(STAFF_EMAIL_SCREENS))
def test_staff_emails_link_to_the_screen_of_what_needs_them(
    name, request, settings, site_tree, django_capture_on_commit_callbacks
):
    settings.SITE_URL = SITE
    journey = Journey(request)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        JOURNEYS[name](journey)
    message = next(m for m in mail.outbox if m.to == [journey.staff["moderator"].email])
    links = [url for url in URL.findall(message.body) if STAFF_EMAIL_SCREENS[name] in url]
    assert len(links) == 1, message.body
    journey.client.force_login(journey.staff["moderator"])
    screen = journey.client.get(links[0].removeprefix(SITE))
    assert screen.status_code == 200
    assert screen.context["object"].pk == int(links[0].rstrip("/").rsplit("/", 1)[1])
