"""Project fixtures: the community's roles and members, and a project led by Council A."""
# ruff: noqa: F811 - the fixtures imported below are requested by name, as pytest does

import pytest

from projects.models import ProjectPage
from tests.community.conftest import (  # noqa: F401 - fixtures shared with the community tests
    client_for,
    declaration_page,
    members,
    org_a,
    org_b,
    pattern,
    shared_host_org,
    staff,
)


@pytest.fixture
def project(make_page, org_a):
    return make_page(ProjectPage, title="Shared bin booking", lead_organisation=org_a)
