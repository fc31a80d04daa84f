"""Verification by email domain: only an organisation's own listed domains (and their
subdomains) verify, a shared host never does, and moderators see why a member is verified."""

import datetime
import importlib

from django.apps import apps
from django.utils import timezone

import pytest
from allauth.account.models import EmailAddress

from community.members import services as members_services
from community.models import MemberProfile, VerificationStatus
from organisations.models import OrganisationEmailDomain
from tests import factories
from tests.community.conftest import make_member


def confirm(django_user_model, *, organisation, email, username="member"):
    """A member signs up for `organisation` and confirms `email`, as allauth's page does."""
    profile = make_member(
        django_user_model, username=username, organisation=organisation, verified=False, email=email
    )
    members_services.member_email_confirmed(user=profile.user, email=email)
    profile.refresh_from_db()
    return profile


@pytest.fixture
def mhclg(db):
    """As in the demo: the website is on www.gov.uk, so it says nothing about addresses."""
    return factories.OrganisationFactory(
        code="MHCLG",
        slug="mhclg",
        name="Ministry of Housing, Communities and Local Government",
        organisation_type="central-government",
        website="https://www.gov.uk/government/organisations/ministry-of-housing-communities-local-government",
    )


@pytest.fixture
def hackney(db):
    return factories.OrganisationFactory(
        code="HCK",
        slug="hackney",
        name="Hackney",
        website="https://hackney.gov.uk",
        email_domains=["hackney.gov.uk"],
    )


def test_any_gov_uk_address_does_not_verify_a_member_of_a_body_on_www_gov_uk(
    django_user_model, mhclg
):
    profile = confirm(django_user_model, organisation=mhclg, email="someone@another-council.gov.uk")
    assert profile.verification_status == VerificationStatus.PENDING
    assert profile.verification_method == ""


def test_a_shared_host_in_an_organisations_list_never_matches(django_user_model, mhclg):
    OrganisationEmailDomain.objects.bulk_create(
        [OrganisationEmailDomain(organisation=mhclg, domain="gov.uk", sort_order=0)]
    )
    profile = confirm(django_user_model, organisation=mhclg, email="someone@another-council.gov.uk")
    assert profile.verification_status == VerificationStatus.PENDING


def test_the_website_alone_no_longer_verifies(django_user_model):
    organisation = factories.OrganisationFactory(website="https://www.somewhere.gov.uk")
    profile = confirm(django_user_model, organisation=organisation, email="a@somewhere.gov.uk")
    assert profile.verification_status == VerificationStatus.PENDING


@pytest.mark.parametrize(
    ("email", "matched"),
    [
        ("amara@hackney.gov.uk", "hackney.gov.uk"),
        ("amara@learning.hackney.gov.uk", "learning.hackney.gov.uk"),
        ("Amara@HACKNEY.gov.uk", "hackney.gov.uk"),
    ],
)
def test_an_address_on_a_listed_domain_or_a_subdomain_verifies_and_says_why(
    django_user_model, hackney, email, matched
):
    profile = confirm(django_user_model, organisation=hackney, email=email)
    assert profile.verification_status == VerificationStatus.VERIFIED
    assert profile.verification_method == "domain"
    assert profile.verification_reason == (
        f"Email domain {matched} matches Hackney (its email domain hackney.gov.uk)"
    )


@pytest.mark.parametrize(
    "email", ["amara@evilhackney.gov.uk", "amara@hackney.gov.uk.example.com", "amara@gov.uk"]
)
def test_lookalike_domains_do_not_verify(django_user_model, hackney, email):
    profile = confirm(django_user_model, organisation=hackney, email=email)
    assert profile.verification_status == VerificationStatus.PENDING


def test_any_of_several_domains_verifies(django_user_model):
    organisation = factories.OrganisationFactory(
        name="Somerset", email_domains=["somerset.gov.uk", "southsomerset.gov.uk"]
    )
    profile = confirm(django_user_model, organisation=organisation, email="jo@southsomerset.gov.uk")
    assert profile.is_verified


def test_moving_to_an_organisation_on_a_shared_host_does_not_verify(
    django_user_model, hackney, mhclg
):
    profile = confirm(django_user_model, organisation=hackney, email="amara@hackney.gov.uk")
    assert profile.is_verified
    members_services.member_profile_update(
        profile=profile, full_name="Amara", job_title="", organisation=mhclg
    )
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.PENDING
    assert profile.verification_reason == ""


def test_a_moderators_verification_records_who_and_when(client, moderator, django_user_model):
    organisation = factories.OrganisationFactory(name="Somewhere")
    profile = make_member(
        django_user_model, username="sam", organisation=organisation, verified=False
    )
    client.force_login(moderator)
    response = client.post(
        f"/admin/snippets/community/memberprofile/edit/{profile.pk}/",
        {"verification_status": "verified", "verification_note": "Phoned their manager"},
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    today = timezone.localdate().strftime("%-d %B %Y")
    assert profile.verification_method == "moderator"
    assert profile.verification_reason == f"Verified by moderator mo on {today}"


def test_moderators_see_why_each_member_was_verified(client, moderator, django_user_model, hackney):
    by_domain = confirm(django_user_model, organisation=hackney, email="amara@hackney.gov.uk")
    client.force_login(moderator)
    listing = client.get("/admin/snippets/community/memberprofile/").content.decode()
    assert "Email domain hackney.gov.uk matches Hackney" in listing
    detail = client.get(
        f"/admin/snippets/community/memberprofile/inspect/{by_domain.pk}/"
    ).content.decode()
    assert "Email domain hackney.gov.uk matches Hackney" in detail
    edit = client.get(
        f"/admin/snippets/community/memberprofile/edit/{by_domain.pk}/"
    ).content.decode()
    assert "Email domain hackney.gov.uk matches Hackney" in edit


def _recheck_migration():
    return importlib.import_module(
        "community.migrations.0003_verification_reason_and_declaration_review"
    )


def test_members_verified_through_a_shared_host_go_back_to_a_moderator(
    django_user_model, mhclg, hackney
):
    """Members verified by today's rule through gov.uk lose it when the lists arrive."""
    shared = make_member(
        django_user_model,
        username="shared",
        organisation=mhclg,
        email="someone@another-council.gov.uk",
        verified_by="domain",
    )
    genuine = make_member(
        django_user_model,
        username="genuine",
        organisation=hackney,
        email="amara@hackney.gov.uk",
        verified_by="domain",
    )
    by_moderator = make_member(
        django_user_model,
        username="vouched",
        organisation=mhclg,
        email="lee@communities.gov.uk",
        verified_by="moderator",
    )
    _recheck_migration().domain_verifications_recheck(apps, None)
    shared, genuine, by_moderator = (
        MemberProfile.objects.get(pk=p.pk) for p in (shared, genuine, by_moderator)
    )
    assert shared.verification_status == VerificationStatus.PENDING
    assert "no longer counts" in shared.verification_reason
    assert genuine.is_verified
    assert genuine.verification_reason.startswith("Email domain hackney.gov.uk matches Hackney")
    assert by_moderator.is_verified


def test_the_recheck_reads_only_confirmed_addresses(django_user_model, hackney):
    profile = make_member(
        django_user_model, username="x", organisation=hackney, email="x@example.org"
    )
    profile.verification_method = "domain"
    profile.verified_at = timezone.now() - datetime.timedelta(days=3)
    profile.save()
    EmailAddress.objects.create(user=profile.user, email="x@hackney.gov.uk", verified=False)
    _recheck_migration().domain_verifications_recheck(apps, None)
    profile.refresh_from_db()
    assert profile.verification_status == VerificationStatus.PENDING
