"""Sign up, email confirmation and verification, sign in and out, reset, lockout, admin access."""

import re

from django.core import mail
from django.urls import reverse

import pytest
from allauth.account.models import EmailAddress

from community.models import MemberProfile, VerificationStatus
from tests.community.conftest import make_member

SIGNUP = {
    "full_name": "Priya Shah",
    "job_title": "Service designer",
    "email": "priya.shah@council-a.gov.uk",
    "password1": "a-much-longer-password-1",
    "password2": "a-much-longer-password-1",
}


def confirm_link(message) -> str:
    return re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+/)", message.body).group(1)


@pytest.fixture
def moderator_user(staff):
    return staff["moderator"]


def test_sign_up_with_organisation_domain_is_verified_after_email_confirmation(
    client, org_a, moderator_user
):
    response = client.post(reverse("account_signup"), {**SIGNUP, "organisation": org_a.pk})
    assert response.status_code == 302
    profile = MemberProfile.objects.get(user__email=SIGNUP["email"])
    assert profile.organisation == org_a
    assert profile.verification_status == VerificationStatus.PENDING
    assert not profile.user.is_staff
    assert not profile.user.groups.exists()
    link = confirm_link(mail.outbox[-1])
    client.post(link)
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.VERIFIED
    assert profile.verification_method == "domain"


def test_sign_up_with_another_domain_waits_for_a_moderator(
    client, org_a, moderator_user, django_capture_on_commit_callbacks
):
    client.post(
        reverse("account_signup"),
        {**SIGNUP, "email": "priya@example.com", "organisation": org_a.pk},
    )
    with django_capture_on_commit_callbacks(execute=True):  # moderators hear after the commit
        client.post(confirm_link(mail.outbox[-1]))
    profile = MemberProfile.objects.get(user__email="priya@example.com")
    assert profile.verification_status == VerificationStatus.PENDING
    assert any(moderator_user.email in message.to for message in mail.outbox)


def test_sign_up_errors_use_govuk_wording_and_keep_what_was_typed(client, org_a):
    response = client.post(
        reverse("account_signup"),
        {**SIGNUP, "full_name": "", "organisation": "", "email": "not-an-email"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter your full name" in html
    assert "Select your organisation" in html
    assert "Enter an email address in the correct format" in html
    assert 'value="not-an-email"' in html
    assert 'value="Service designer"' in html
    assert "govuk-form-group--error" in html
    assert not MemberProfile.objects.exists()


def test_sign_in_and_sign_out(client, members):
    response = client.post(
        reverse("account_login"), {"login": "owner@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert client.get(reverse("community:profile")).status_code == 200
    client.post(reverse("account_logout"))
    assert client.get(reverse("community:profile")).status_code == 302


def test_wrong_password_shows_an_error(client, members):
    response = client.post(
        reverse("account_login"), {"login": "owner@example.org", "password": "nope"}
    )
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


def test_repeated_failures_lock_out_that_user_at_that_address_only(client, members, settings):
    settings.ACCOUNT_RATE_LIMITS = False  # let axes, not allauth's own limiter, answer here
    for _ in range(5):
        client.post(reverse("account_login"), {"login": "owner@example.org", "password": "wrong"})
    locked = client.post(
        reverse("account_login"), {"login": "owner@example.org", "password": "a-long-test-password"}
    )
    assert locked.status_code == 429
    assert "Too many attempts" in locked.content.decode()
    # Another user from the same address is not locked out.
    other = client.post(
        reverse("account_login"), {"login": "same@example.org", "password": "a-long-test-password"}
    )
    assert other.status_code == 302


def test_password_reset_sends_a_link(client, members):
    mail.outbox.clear()
    response = client.post(reverse("account_reset_password"), {"email": "owner@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_members_never_reach_the_wagtail_admin(client, members):
    client.force_login(members["verified_same"].user)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_moderator_verifies_a_member_in_the_admin_and_the_member_is_told(
    client, members, staff, django_capture_on_commit_callbacks
):
    profile = members["unverified"]
    client.force_login(staff["moderator"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the email goes after the commit
        response = client.post(
            f"/admin/snippets/community/memberprofile/edit/{profile.pk}/",
            {
                "verification_status": "verified",
                "verification_note": "Checked with their manager",
            },
        )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert profile.is_verified
    assert profile.verification_method == "moderator"
    assert mail.outbox
    assert mail.outbox[0].to == [profile.user.email]
    assert "You are verified" in mail.outbox[0].subject


def test_unconfirmed_email_cannot_sign_in(client, org_a, django_user_model):
    profile = make_member(django_user_model, username="fresh", organisation=org_a)
    EmailAddress.objects.filter(user=profile.user).update(verified=False)
    response = client.post(
        reverse("account_login"), {"login": "fresh@example.org", "password": "a-long-test-password"}
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"]
    assert client.get(reverse("community:profile")).status_code == 302
