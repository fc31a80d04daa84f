"""The organisation directory's "Name or code" box, over every UK council from the open data.

People type a council as they say it ("barnet council", "LB Barnet") or as it is coded
(BNE, E09000003); each must find the one council, on the real directory page.
"""

import pytest

from home.demo.loader import organisations_load
from organisations.models import OrganisationIndexPage
from tests.db import kept_for_the_module, site_tree_ensure

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def directory_url(django_db_setup, django_db_blocker):
    """The directory's address, from the page tree, with every council and demo body loaded
    once for the module (rolled back after its last test)."""
    with kept_for_the_module(django_db_blocker):
        site_tree_ensure()
        organisations_load()
        yield OrganisationIndexPage.objects.get().url


def names_found(client, url, query, **params) -> list[str]:
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return [organisation.name for organisation in response.context["listing_page"].object_list]


@pytest.mark.parametrize(
    "query",
    [
        "E09000003",
        "e09000003",
        "BNE",
        "Barnet",
        "barnet",
        "BARNET",
        "barnet council",
        "Barnet Council",
        "london borough of barnet",
        "London Borough of Barnet",
        "LB Barnet",
        "council of barnet",
        "the london borough of barnet",
        "  barnet   council ",
    ],
)
def test_barnet_is_found_however_it_is_written(client, directory_url, query):
    assert names_found(client, directory_url, query) == ["Barnet"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("kensington & chelsea", "Kensington and Chelsea"),
        ("royal borough of kensington and chelsea", "Kensington and Chelsea"),
        ("Telford & Wrekin Council", "Telford and Wrekin"),
        ("brighton and hove city council", "Brighton and Hove"),
        ("st helens council", "St. Helens"),
        ("durham county council", "County Durham"),
        ("solihull metropolitan borough council", "Solihull"),
        ("E08000029", "Solihull"),
    ],
)
def test_common_phrasings_find_the_council(client, directory_url, query, expected):
    assert names_found(client, directory_url, query) == [expected]


def test_the_council_named_exactly_comes_before_others_sharing_the_word(client, directory_url):
    found = names_found(client, directory_url, "york")
    assert found[0] == "York"
    assert "North Yorkshire" in found
    found = names_found(client, directory_url, "city of london")
    assert found[0] == "City of London"


def test_other_filters_still_apply_to_a_name_search(client, directory_url):
    assert names_found(client, directory_url, "barnet", nation="Wales") == []
    # Somerset County Council (E10000027) was replaced in 2023: found only among former ones.
    assert names_found(client, directory_url, "E10000027") == []
    assert names_found(client, directory_url, "E10000027", former="1") == ["Somerset"]
    assert names_found(client, directory_url, "somerset county council")[0] == "Somerset"


def test_a_query_of_generic_words_only_is_matched_as_typed(client, directory_url):
    found = names_found(client, directory_url, "county council")
    assert "Derbyshire" in found
    assert "Barnet" not in found


def test_a_name_nobody_has_finds_nothing_and_says_so(client, directory_url):
    response = client.get(directory_url, {"q": "barnet borough of nowhere"})
    assert not response.context["listing_page"].object_list
    assert "No organisations match your search." in response.content.decode()


def test_the_download_lists_what_the_page_found(client, directory_url):
    response = client.get(directory_url, {"q": "barnet council", "format": "json"})
    assert [row["code"] for row in response.json()["results"]] == ["BNE"]


def test_the_box_says_what_it_accepts(client, directory_url):
    html = client.get(directory_url).content.decode()
    assert 'aria-describedby="organisation-q-hint"' in html
    assert "E09000003" in html
