"""Community fixtures: one client per role in the permission matrix, and content to act on."""

from django.contrib.auth.models import Group
from django.test import Client

import pytest
from allauth.account.models import EmailAddress

from community.members import services as members_services
from community.models import DeclarationPage, VerificationStatus
from tests import factories

ROLES = [
    "anonymous",
    "unverified",
    "shared_domain",
    "verified_same",
    "verified_other",
    "moderator",
    "editor",
    "admin",
]
MEMBER_ROLES = {"unverified", "shared_domain", "verified_same", "verified_other"}


@pytest.fixture
def org_a(db):
    return factories.OrganisationFactory(
        code="AAA",
        slug="council-a",
        name="Council A",
        website="https://www.council-a.gov.uk/",
        email_domains=["council-a.gov.uk"],
        region="London",
    )


@pytest.fixture
def org_b(db):
    return factories.OrganisationFactory(
        code="BBB",
        slug="council-b",
        name="Council B",
        website="https://council-b.gov.uk",
        email_domains=["council-b.gov.uk"],
        nation="Wales",
        region="South Wales",
    )


def make_member(
    django_user_model,
    *,
    username,
    organisation,
    verified=True,
    email=None,
    verified_by="",
    status=None,
):
    """A member with one confirmed address. `verified` marks them verified (by `verified_by`:
    "domain", "moderator" or unsaid); `status` sets any other verification status."""
    email = email or f"{username}@example.org"
    user = django_user_model.objects.create_user(username, email, "a-long-test-password")
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    profile = members_services.member_create(
        user=user, full_name=username.title(), organisation=organisation
    )
    status = status or (VerificationStatus.VERIFIED if verified else None)
    if status:
        profile.verification_status = status
        profile.verification_method = verified_by
        profile.save()
    return profile


@pytest.fixture
def domain_member(django_user_model, org_a):
    """Verified because their confirmed main address is on Council A's domain."""
    return make_member(
        django_user_model,
        username="dana",
        organisation=org_a,
        email="dana@council-a.gov.uk",
        verified_by="domain",
    )


@pytest.fixture
def shared_host_org(db):
    """A body whose website lives on a shared host, as the demo's MHCLG does; `gov.uk` is even
    in its email domains, as an older version or the shell could have left it."""
    return factories.OrganisationFactory(
        code="SHH",
        slug="shared-host-department",
        name="Shared Host Department",
        organisation_type="central-government",
        website="https://www.gov.uk/government/organisations/shared-host-department",
        email_domains=["gov.uk"],
    )


def shared_domain_member(django_user_model, organisation):
    """Someone with a confirmed address on *some* gov.uk domain who says they work for a body
    on a shared host, and went through verification by email domain."""
    email = "anyone@unrelated-council.gov.uk"
    profile = make_member(
        django_user_model,
        username="shared",
        organisation=organisation,
        verified=False,
        email=email,
    )
    members_services.member_email_confirmed(user=profile.user, email=email)
    profile.refresh_from_db()
    return profile


@pytest.fixture
def members(db, django_user_model, org_a, org_b, shared_host_org):
    """The owner of things (verified, org A) and one member per member role."""
    return {
        "shared_domain": shared_domain_member(django_user_model, shared_host_org),
        "owner": make_member(django_user_model, username="owner", organisation=org_a),
        "unverified": make_member(
            django_user_model, username="unverified", organisation=org_a, verified=False
        ),
        "verified_same": make_member(django_user_model, username="same", organisation=org_a),
        "verified_other": make_member(django_user_model, username="other", organisation=org_b),
    }


@pytest.fixture
def staff(db, django_user_model):
    def user(username, group=None, superuser=False):
        if superuser:
            return django_user_model.objects.create_superuser(
                username, f"{username}@example.org", "a-long-test-password"
            )
        account = django_user_model.objects.create_user(
            username, f"{username}@example.org", "a-long-test-password"
        )
        account.groups.add(Group.objects.get(name=group))
        return account

    return {
        "moderator": user("mod", "Moderators"),
        "editor": user("edi", "Editors"),
        "admin": user("adm", superuser=True),
    }


@pytest.fixture
def client_for(members, staff):
    def _client(role):
        client = Client()
        if role == "anonymous":
            return client
        user = members[role].user if role in MEMBER_ROLES or role == "owner" else staff[role]
        client.force_login(user)
        return client

    return _client


@pytest.fixture
def pattern(make_page, org_a):
    from patterns.models import ServicePatternPage

    return make_page(ServicePatternPage, title="Report a missed bin", organisations=[org_a])


@pytest.fixture
def declaration_page(site_tree):
    home = site_tree["home"]
    page = home.add_child(instance=DeclarationPage(title="The Declaration", slug="declaration"))
    page.save_revision().publish()
    return page


@pytest.fixture
def render_panel():
    """The community panel as it renders on a content page (core/content_page.html includes it)."""
    from django.contrib.auth.models import AnonymousUser
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    def _render(page, user=None):
        page = type(page).objects.get(pk=page.pk)  # as a request loads it: counts up to date
        request = RequestFactory().get(page.url)
        request.user = user or AnonymousUser()
        return render_to_string(
            "community/includes/content_page_community.html", {"page": page}, request=request
        )

    return _render
