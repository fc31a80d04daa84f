"""The permission matrix of every fund view and action, for every role (as in
tests/community/test_permissions.py), and a guard that fails for an unlisted route.

Council A and Council B have signed. The draft is the owner's (Council A), so no role here
may change it; the submitted bid is in a closed round, so it is published.
"""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from funding import services
from funding.models import FundingRoundPage
from tests import factories
from tests.community.conftest import ROLES
from tests.community.test_permissions import expect, outcome


@pytest.fixture
def world(members, org_a, org_b, make_page, site_tree):
    factories.SignatureFactory(organisation=org_a)
    factories.SignatureFactory(organisation=org_b)
    open_round = make_page(FundingRoundPage, title="Round 7")
    closed_round = make_page(FundingRoundPage, title="Round 6")
    draft_round = make_page(FundingRoundPage, title="Round 8", publish=False)
    draft = services.application_start(round_page=open_round, profile=members["owner"])
    submitted = services.application_start(round_page=closed_round, profile=members["owner"])
    services.application_save(
        application=submitted,
        fields={"project_title": "Published bid"},
        principles=[],
        partners=[services.PartnerEntry(org_b, "Bea", "bea@council-b.gov.uk")],
        budget_lines=[],
    )
    submitted.status = "submitted"
    submitted.save()
    FundingRoundPage.objects.filter(pk=closed_round.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    return {
        "fund": site_tree["local-digital-fund"],
        "open": open_round,
        "closed": closed_round,
        "draft_round": draft_round,
        "draft": draft,
        "submitted": submitted,
        "partner": submitted.partners.get(),
    }


PUBLIC = expect("ok")
MISSING = expect("missing")
# Staff accounts have no member profile ("Only members can do this"); unverified members wait.
VERIFIED_ACTION = expect("refused", anonymous="login", verified_same="done", verified_other="done")
NOT_YOURS = expect("refused", anonymous="login", verified_same="missing", verified_other="missing")
ASSESSORS = expect("login", moderator="refused", editor="refused", admin="ok")
# An empty decision from someone allowed to decide is answered with its errors (400).
ASSESSORS_POST = {**ASSESSORS, "admin": "400"}


def url(name, key=None, attr="pk"):
    return lambda w: reverse(f"funding:{name}", args=[getattr(w[key], attr)] if key else [])


def admin(name, key):
    return lambda w: reverse(f"funding_admin:{name}", args=[w[key].pk])


CASES = [
    ("the fund", "get", lambda w: w["fund"].url, PUBLIC),
    ("an open round", "get", lambda w: w["open"].url, PUBLIC),
    ("a closed round and its applications", "get", lambda w: w["closed"].url, PUBLIC),
    ("a draft round", "get", lambda w: w["draft_round"].url, MISSING),
    ("apply, GET (back to the round)", "get", url("apply", "open"), VERIFIED_ACTION),
    ("apply", "post", url("apply", "open"), VERIFIED_ACTION),
    (
        "apply to a closed round",
        "post",
        url("apply", "closed"),
        expect("refused", anonymous="login", verified_same="conflict", verified_other="conflict"),
    ),
    (
        "apply to a draft round",
        "post",
        url("apply", "draft_round"),
        expect("refused", anonymous="login", verified_same="missing", verified_other="missing"),
    ),
    ("someone else's draft", "get", url("application_edit", "draft"), NOT_YOURS),
    ("change someone else's draft", "post", url("application_edit", "draft"), NOT_YOURS),
    (
        "your applications",
        "get",
        url("my_applications"),
        expect(
            "refused", anonymous="login", unverified="ok", verified_same="ok", verified_other="ok"
        ),
    ),
    ("a partner's confirmation link", "get", url("partner_confirm", "partner", "token"), MISSING),
    ("a published application", "get", url("application", "submitted"), PUBLIC),
    ("a draft application's page", "get", url("application", "draft"), MISSING),
    ("a closed round's figures", "get", url("figures_csv", "closed"), PUBLIC),
    (
        "a closed round's applications",
        "get",
        lambda w: reverse("funding:applications_download", args=[w["closed"].pk, "json"]),
        PUBLIC,
    ),
    (
        "an open round's applications",
        "get",
        lambda w: reverse("funding:applications_download", args=[w["open"].pk, "csv"]),
        MISSING,
    ),
    ("an open round's figures", "get", url("figures_csv", "open"), MISSING),
    ("admin: assess and decide", "get", admin("review", "submitted"), ASSESSORS),
    ("admin: record a decision", "post", admin("review", "submitted"), ASSESSORS_POST),
    ("admin: assess", "get", admin("assess", "submitted"), ASSESSORS),
    (
        "admin: the applications",
        "get",
        lambda w: "/admin/snippets/funding/fundingapplication/",
        ASSESSORS,
    ),
]


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world, client_for, role):
    client = client_for(role)
    wrong = []
    for name, method, target, expected in CASES:
        address = target(world)
        response = client.post(address, {}) if method == "post" else client.get(address)
        if outcome(response) != expected[role]:
            wrong.append(f"{name}: expected {expected[role]}, got {outcome(response)}")
    assert not wrong, f"as {role}:\n" + "\n".join(wrong)


def test_a_partners_link_confirms_for_whoever_holds_it_while_the_bid_is_a_draft(
    world, client_for, org_b
):
    """The link is the proof (it went to the named contact's address); once the bid is
    submitted it stops working (the 404 in the matrix)."""
    draft = world["draft"]
    services.application_save(
        application=draft,
        fields={},
        principles=[],
        partners=[services.PartnerEntry(org_b, "Bea", "bea@council-b.gov.uk")],
        budget_lines=[],
    )
    token = draft.partners.get().token
    response = client_for("anonymous").post(reverse("funding:partner_confirm", args=[token]))
    assert response.status_code == 200
    assert draft.partners.get().confirmed_at is not None


def test_every_funding_route_is_in_the_matrix():
    from funding.urls import urlpatterns

    covered = {
        "apply",
        "figures_csv",
        "applications_download",
        "application",
        "application_edit",
        "partner_confirm",
        "my_applications",
    }
    assert {pattern.name for pattern in urlpatterns} - covered == set()
