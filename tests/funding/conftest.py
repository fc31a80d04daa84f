"""Funding fixtures: signatory councils and their members, and rounds open and closed."""
# ruff: noqa: F811 - the fixtures imported below are requested by name, as pytest does

import datetime

from django.utils import timezone

import pytest

from funding.models import FundingRoundPage
from tests import factories
from tests.community.conftest import (  # noqa: F401 - fixtures shared with the community tests
    client_for,
    members,
    org_a,
    org_b,
    shared_host_org,
    staff,
)
from tests.community.conftest import make_member as community_member


@pytest.fixture
def signatories(org_a, org_b):
    """Council A and Council B have signed; Council C is a council that has not."""
    factories.SignatureFactory(organisation=org_a)
    factories.SignatureFactory(organisation=org_b)
    org_c = factories.OrganisationFactory(code="CCC", slug="council-c", name="Council C")
    return {"a": org_a, "b": org_b, "c": org_c}


@pytest.fixture
def open_round(make_page):
    return make_page(FundingRoundPage, title="Round 7")


@pytest.fixture
def closed_round(make_page):
    return make_page(
        FundingRoundPage,
        title="Round 6",
        opens_at=timezone.now() - datetime.timedelta(days=90),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )


@pytest.fixture
def applicant(django_user_model, signatories):
    return community_member(django_user_model, username="applicant", organisation=signatories["a"])


@pytest.fixture
def make_member(django_user_model):
    def _make(username, organisation, **kwargs):
        return community_member(
            django_user_model, username=username, organisation=organisation, **kwargs
        )

    return _make
