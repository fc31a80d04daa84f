"""Wherever organisations are listed, each reads once and unambiguously: its place without a
repeated nation, and a name another organisation shares made distinct."""

import re

import pytest

from casestudies.models import CaseStudyPage
from tests import factories


@pytest.fixture
def belfast(db):
    # The source data gives Northern Ireland councils the nation as their region too.
    return factories.OrganisationFactory(
        code="BFS",
        slug="belfast",
        name="Belfast",
        official_name="Belfast City Council",
        nation="Northern Ireland",
        region="Northern Ireland",
    )


@pytest.fixture
def two_somersets(db):
    unitary = factories.OrganisationFactory(
        code="SMT",
        slug="somerset",
        name="Somerset",
        official_name="Somerset Council",
        council_type="Unitary authority",
        region="South West",
    )
    county = factories.OrganisationFactory(
        code="SOM",
        slug="somerset-county",
        name="Somerset",
        official_name="Somerset County Council",
        council_type="County",
        region="South West",
        is_current=False,
    )
    return unitary, county


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_place_names_region_and_nation_once(belfast):
    hackney = factories.OrganisationFactory(code="HCK", region="London", nation="England")
    nowhere = factories.OrganisationFactory(code="NWH", region="", nation="")

    assert belfast.place == "Northern Ireland"
    assert hackney.place == "London, England"
    assert nowhere.place == ""


def test_signatories_list_does_not_repeat_the_nation(client, declaration_page, belfast):
    factories.SignatureFactory(organisation=belfast)

    text = _text(client.get(declaration_page.url + "signatories/").content.decode())

    assert "Council, Northern Ireland." in text
    assert "Northern Ireland, Northern Ireland" not in text


def test_directory_row_does_not_repeat_the_nation(client, site_tree, belfast):
    text = _text(client.get(site_tree["organisations"].url, {"q": "Belfast"}).content.decode())

    assert "Northern Ireland, Northern Ireland" not in text
    assert "Northern Ireland" in text


def test_only_organisations_sharing_a_name_get_a_longer_one(two_somersets, belfast):
    unitary, county = two_somersets

    assert unitary.listed_name == "Somerset Council"
    assert county.listed_name == "Somerset County Council"
    assert belfast.listed_name == "Belfast"


def test_namesakes_without_official_names_are_told_apart_by_type(db):
    district = factories.OrganisationFactory(name="Newtown", council_type="District")
    county = factories.OrganisationFactory(name="Newtown", council_type="County")

    assert district.listed_name == "Newtown (district)"
    assert county.listed_name == "Newtown (county)"


def test_a_page_from_two_namesakes_names_each_distinctly(
    client, make_page, site_tree, two_somersets
):
    page = make_page(
        CaseStudyPage, title="Potholes reported online", organisations=list(two_somersets)
    )

    for url in (page.url, site_tree["case-studies"].url):
        text = _text(client.get(url).content.decode())
        assert "Somerset, Somerset" not in text, url
        assert "Somerset Council" in text, url
        assert "Somerset County Council" in text, url


def test_directory_tells_namesakes_apart(client, site_tree, two_somersets):
    text = _text(
        client.get(
            site_tree["organisations"].url, {"q": "Somerset", "former": "1"}
        ).content.decode()
    )

    assert "Somerset Council" in text
    assert "Somerset County Council" in text


def test_a_second_organisation_taking_a_name_renames_the_first_in_listings(
    client, make_page, site_tree
):
    unitary = factories.OrganisationFactory(
        code="SMT", slug="somerset", name="Somerset", official_name="Somerset Council"
    )
    make_page(CaseStudyPage, title="Potholes reported online", organisations=[unitary])
    factories.OrganisationFactory(
        code="SOM", slug="somerset-county", name="Somerset", official_name="Somerset County Council"
    )

    text = _text(client.get(site_tree["case-studies"].url).content.decode())

    assert "Somerset Council" in text
