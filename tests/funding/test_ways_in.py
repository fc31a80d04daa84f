"""The fund is out of the menu; the Declaration's page and a member's profile lead to it."""

from django.test import Client

import pytest

from funding.models import FundingRoundPage

pytestmark = pytest.mark.django_db


def test_the_declaration_page_and_a_profile_lead_to_the_fund_and_its_open_round(
    open_round, closed_round, applicant, site_tree
):
    from home.demo.community import declaration_page_ensure

    declaration = declaration_page_ensure()
    fund = site_tree["local-digital-fund"]
    client = Client()
    client.force_login(applicant.user)
    for url in (declaration.url, "/members/profile/"):
        page = client.get(url).content.decode()
        assert f'href="{fund.url}"' in page, url
        assert f'href="{open_round.url}">Round 7</a> is open until' in page, url
        assert "Round 6" not in page, url  # closed: not offered
        assert 'href="/members/funding/"' in page, url


def test_a_draft_round_is_not_offered(make_page, applicant, site_tree):
    from home.demo.community import declaration_page_ensure

    make_page(FundingRoundPage, title="Round 9", publish=False)
    assert "Round 9" not in Client().get(declaration_page_ensure().url).content.decode()


def test_the_declaration_page_leads_to_the_projects_listing(site_tree, make_page, signatories):
    from home.demo.community import declaration_page_ensure
    from projects.models import ProjectPage

    make_page(ProjectPage, title="Shared repairs", lead_organisation=signatories["a"])
    make_page(ProjectPage, title="A draft", lead_organisation=signatories["a"], publish=False)
    page = Client().get(declaration_page_ensure().url).content.decode()
    assert f'href="{site_tree["projects"].url}">See all 1 Declaration project</a>' in page
