"""An organisation's own page: what is known about it, and nothing where nothing is known."""

import pytest

from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_an_unknown_population_is_left_out_not_shown_as_none(client, site_tree):
    organisation = OrganisationFactory(slug="nowhere", name="Nowhere", population=None)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert ">Nowhere<" in html
    assert "Population" not in html
    assert "None" not in html


def test_a_known_population_is_shown_with_thousands_separators(client, site_tree):
    organisation = OrganisationFactory(slug="somewhere", name="Somewhere", population=281120)
    html = client.get(organisation.get_absolute_url()).content.decode()
    assert "281,120" in html
