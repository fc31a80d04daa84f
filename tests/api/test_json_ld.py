"""schema.org JSON-LD: Article or Report per type, GovernmentOrganization for councils."""

import json
import re

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from tests import factories

pytestmark = pytest.mark.django_db


def json_ld_blocks(html: str) -> list[dict]:
    return [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]


@pytest.mark.parametrize(
    ("model", "schema_type"),
    [(CaseStudyPage, "Article"), (BusinessCasePage, "Report"), (ProcurementBriefPage, "Report")],
)
def test_content_json_ld_type_and_fields(make_page, organisation, supplier, model, schema_type):
    page = make_page(
        model,
        title="Shared work",
        organisations=[organisation, supplier],
        tags=["repairs"],
        licence="cc0",
    )
    data = page.json_ld()
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == schema_type
    assert data["headline"] == "Shared work"
    assert data["license"] == "https://creativecommons.org/publicdomain/zero/1.0/"
    assert data["datePublished"] == "2024-05-01"
    assert data["keywords"] == ["repairs"]
    assert data["publisher"] == data["author"][0]
    assert {"@type": "GovernmentOrganization", "name": "Hackney", "identifier": "HCK"} in data[
        "author"
    ]
    assert {"@type": "Organization", "name": "Acme Digital", "identifier": "SUP1"} in data["author"]
    assert data["url"].endswith(page.url)


def test_content_page_renders_json_ld_and_open_graph(client, make_page, organisation):
    page = make_page(
        CaseStudyPage, title="Repairs online </script><b>", organisations=[organisation]
    )
    html = client.get(page.url).content.decode()
    blocks = json_ld_blocks(html)
    assert [block["@type"] for block in blocks] == ["Article"]
    assert blocks[0]["headline"] == "Repairs online </script><b>"  # escaped inside the element
    assert '<meta property="og:title"' in html
    assert '<meta property="og:type"' in html


def test_organisation_json_ld(client, organisation, site_tree):
    organisation.official_name = "London Borough of Hackney"
    organisation.gss_code = "E09000012"
    organisation.website = "https://hackney.gov.uk"
    organisation.save()
    data = organisation.json_ld()
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == "London Borough of Hackney"
    assert data["alternateName"] == "Hackney"
    assert data["identifier"][1] == {
        "@type": "PropertyValue",
        "propertyID": "GSS",
        "value": "E09000012",
    }
    html = client.get("/organisations/hackney/").content.decode()
    assert json_ld_blocks(html)[0]["@type"] == "GovernmentOrganization"


def test_supplier_is_an_organization_not_a_government_one(supplier):
    assert supplier.json_ld()["@type"] == "Organization"


def test_former_council_has_its_dates():
    import datetime

    former = factories.OrganisationFactory(
        code="OLD",
        slug="old",
        name="Old District",
        is_current=False,
        start_date=datetime.date(1974, 4, 1),
        end_date=datetime.date(2019, 3, 31),
    )
    data = former.json_ld()
    assert data["foundingDate"] == "1974-04-01"
    assert data["dissolutionDate"] == "2019-03-31"
    assert "alternateName" not in data
