"""A verification by email domain follows the member's confirmed addresses on /accounts/email/;
a moderator's verification does not depend on any address."""

import re

from django.core import mail
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from community.members import services as members_services
from community.models import VerificationStatus
from tests.community.conftest import make_member

EMAIL_PAGE = "/accounts/email/"


def email_action(client, action, email):
    """Press one of the buttons on our email addresses page, as the browser sends it."""
    return client.post(reverse("account_email"), {action: "", "email": email}, follow=True)


def confirm_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


def add_confirmed_address(profile, email):
    EmailAddress.objects.create(user=profile.user, email=email, verified=True, primary=False)


def test_the_email_page_is_at_the_address_members_use(client, domain_member):
    client.force_login(domain_member.user)
    assert reverse("account_email") == EMAIL_PAGE
    html = client.get(EMAIL_PAGE).content.decode()
    # The buttons the tests press are the ones our template shows.
    for action in ("action_primary", "action_remove", "action_add"):
        assert f'name="{action}"' in html


def test_removing_the_only_domain_address_sends_the_member_back_to_a_moderator(
    client, domain_member, staff, django_capture_on_commit_callbacks
):
    add_confirmed_address(domain_member, "dana@example.com")
    client.force_login(domain_member.user)
    email_action(client, "action_primary", "dana@example.com")
    domain_member.refresh_from_db()
    # Still verified: the domain address is confirmed, just no longer the main one.
    assert domain_member.verification_status == VerificationStatus.VERIFIED
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = email_action(client, "action_remove", "dana@council-a.gov.uk")

    assert response.status_code == 200
    assert not EmailAddress.objects.filter(email="dana@council-a.gov.uk").exists()
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING
    assert domain_member.verification_method == ""
    assert domain_member.verified_at is None
    to_moderators = [message for message in mail.outbox if staff["moderator"].email in message.to]
    assert len(to_moderators) == 1
    assert "Dana" in to_moderators[0].subject
    html = response.content.decode()
    assert "a moderator will check that you work there" in html
    html = client.get(reverse("community:profile")).content.decode()
    assert "Waiting for a moderator" in html
    # Verified-only actions are refused at once.
    assert client.get(reverse("community:contribute")).status_code == 403


def test_an_unconfirmed_domain_address_does_not_keep_a_verification(
    client, domain_member, django_capture_on_commit_callbacks
):
    add_confirmed_address(domain_member, "dana@example.com")
    EmailAddress.objects.create(
        user=domain_member.user, email="dana.s@council-a.gov.uk", verified=False, primary=False
    )
    client.force_login(domain_member.user)
    email_action(client, "action_primary", "dana@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        email_action(client, "action_remove", "dana@council-a.gov.uk")
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING


def test_changing_the_main_address_to_another_domain_address_keeps_verification(
    client, domain_member, staff, django_capture_on_commit_callbacks
):
    # A subdomain of the organisation's website counts as its domain.
    add_confirmed_address(domain_member, "dana.smith@digital.council-a.gov.uk")
    verified_at = domain_member.verified_at
    client.force_login(domain_member.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        email_action(client, "action_primary", "dana.smith@digital.council-a.gov.uk")
        email_action(client, "action_remove", "dana@council-a.gov.uk")
    assert list(
        EmailAddress.objects.filter(user=domain_member.user).values_list("email", "primary")
    ) == [("dana.smith@digital.council-a.gov.uk", True)]
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.VERIFIED
    assert domain_member.verification_method == "domain"
    assert domain_member.verified_at == verified_at
    assert not any(staff["moderator"].email in message.to for message in mail.outbox)


def test_confirming_a_domain_address_verifies_a_waiting_member(client, members, org_a):
    waiting = members["unverified"]  # unverified@example.org, not on Council A's domain
    client.force_login(waiting.user)
    mail.outbox.clear()
    email_action(client, "action_add", "unverified@council-a.gov.uk")
    waiting.refresh_from_db()
    # Adding an address proves nothing until it is confirmed.
    assert waiting.verification_status == VerificationStatus.PENDING
    client.post(confirm_link(mail.outbox[-1]))
    waiting.refresh_from_db()
    assert waiting.verification_status == VerificationStatus.VERIFIED
    assert waiting.verification_method == "domain"
    assert waiting.verified_at is not None


def test_a_member_who_lost_domain_verification_gets_it_back_by_confirming_a_domain_address(
    client, domain_member, django_capture_on_commit_callbacks
):
    add_confirmed_address(domain_member, "dana@example.com")
    client.force_login(domain_member.user)
    email_action(client, "action_primary", "dana@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        email_action(client, "action_remove", "dana@council-a.gov.uk")
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING

    mail.outbox.clear()
    email_action(client, "action_add", "d.jones@council-a.gov.uk")
    client.post(confirm_link(mail.outbox[-1]))
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.VERIFIED
    assert domain_member.verification_method == "domain"


def test_a_member_verified_by_a_moderator_stays_verified_without_a_domain_address(
    client, django_user_model, org_a, staff, django_capture_on_commit_callbacks
):
    """A moderator vouched for the person, not for an address."""
    member = make_member(
        django_user_model,
        username="mo",
        organisation=org_a,
        email="mo@council-a.gov.uk",
        verified_by="moderator",
    )
    add_confirmed_address(member, "mo@example.com")
    client.force_login(member.user)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        email_action(client, "action_primary", "mo@example.com")
        email_action(client, "action_remove", "mo@council-a.gov.uk")
    assert not EmailAddress.objects.filter(email="mo@council-a.gov.uk").exists()
    member.refresh_from_db()
    assert member.verification_status == VerificationStatus.VERIFIED
    assert member.verification_method == "moderator"
    assert not any(staff["moderator"].email in message.to for message in mail.outbox)
    assert client.get(reverse("community:contribute")).status_code == 200


def test_a_refused_member_stays_refused_when_removing_an_address(
    client, django_user_model, org_a, django_capture_on_commit_callbacks
):
    member = make_member(
        django_user_model,
        username="ref",
        organisation=org_a,
        email="ref@example.org",
        status=VerificationStatus.REFUSED,
    )
    add_confirmed_address(member, "ref@example.com")
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        email_action(client, "action_remove", "ref@example.com")
    member.refresh_from_db()
    assert member.verification_status == VerificationStatus.REFUSED


def test_an_address_deleted_outside_allauth_is_rechecked(
    domain_member, staff, django_capture_on_commit_callbacks
):
    """The Django admin, the shell or a script send no allauth signal."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        EmailAddress.objects.get(email="dana@council-a.gov.uk").delete()

    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING
    assert any(staff["moderator"].email in message.to for message in mail.outbox)


def test_an_address_marked_unconfirmed_outside_allauth_is_rechecked(
    domain_member, django_capture_on_commit_callbacks
):
    address = EmailAddress.objects.get(email="dana@council-a.gov.uk")
    address.verified = False
    with django_capture_on_commit_callbacks(execute=True):
        address.save()

    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING


def test_deleting_an_account_sends_nobody_to_the_moderators(
    domain_member, staff, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        members_services.member_delete(user=domain_member.user)

    assert not any(staff["moderator"].email in message.to for message in mail.outbox)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_removing_on_the_email_page_still_tells_the_member_when_commits_are_real(
    client, domain_member
):
    """With real commits the re-check queued by the address's deletion runs when the page's
    transaction ends, after allauth's own handling has told the member (community.urls)."""
    add_confirmed_address(domain_member, "dana@example.com")
    client.force_login(domain_member.user)
    email_action(client, "action_primary", "dana@example.com")

    response = email_action(client, "action_remove", "dana@council-a.gov.uk")

    assert "a moderator will check that you work there" in response.content.decode()
    domain_member.refresh_from_db()
    assert domain_member.verification_status == VerificationStatus.PENDING
