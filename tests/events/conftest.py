"""Event fixtures: the community's roles and members, a signatory, events and a course."""
# ruff: noqa: F811 - the fixtures imported below are requested by name, as pytest does

import pytest

from events.models import EventPage, TrainingCoursePage
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
def make_member(django_user_model, org_a):
    """make_member("name"): another verified member of Council A."""

    def _make(username, organisation=None):
        return community_member(
            django_user_model, username=username, organisation=organisation or org_a
        )

    return _make


@pytest.fixture
def signed_org_a(org_a):
    factories.SignatureFactory(organisation=org_a)
    return org_a


@pytest.fixture
def event(make_page, org_a):
    return make_page(EventPage, title="Show and tell", organisations=[org_a])


@pytest.fixture
def full_event(make_page):
    return make_page(EventPage, title="Small workshop", capacity=1)


@pytest.fixture
def course(make_page):
    return make_page(TrainingCoursePage, title="Agile for councils")


@pytest.fixture
def cohort(course):
    return factories.EventPageFactory(parent=course, title="Agile for councils: March cohort")
