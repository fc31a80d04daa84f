"""CSV and JSON downloads of listings: the whole filtered listing, safe to open in a spreadsheet."""

import csv
import io

from django.test import RequestFactory

import pytest

from listings import exports

pytestmark = pytest.mark.django_db


def read_csv(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("value", ["=1+1", "+44 20", "-2", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_cells_are_quoted(value):
    assert exports.safe_cell(value) == "'" + value


def test_ordinary_cells_are_left_alone():
    assert exports.safe_cell("Hackney") == "Hackney"
    assert exports.safe_cell(12) == 12
    assert exports.safe_cell(None) == ""
    assert exports.safe_cell(["a", "b"]) == "a; b"


def test_requested_format():
    factory = RequestFactory()
    assert exports.requested_format(factory.get("/", {"format": "CSV"})) == "csv"
    assert exports.requested_format(factory.get("/", {"format": "json"})) == "json"
    assert exports.requested_format(factory.get("/", {"format": "xml"})) is None
    assert exports.requested_format(factory.get("/")) is None


def test_index_page_csv_has_every_column_and_a_safe_summary(client, corpus):
    response = client.get("/procurement-briefs/", {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="procurement-briefs.csv"'
    rows = read_csv(response)
    assert list(rows[0].keys()) == exports.CONTENT_COLUMNS
    row = next(r for r in rows if r["title"] == "Buying a repairs booking service")
    assert row["summary"].startswith("'=HYPERLINK")
    assert row["organisation_codes"] == "HCK"
    assert row["type"] == "Procurement brief"
    assert row["licence_url"].startswith("https://www.nationalarchives.gov.uk/")
    assert row["url"].startswith("http://testserver/procurement-briefs/")


def test_index_page_json_respects_filters_and_is_not_paginated(client, corpus, make_page):
    from casestudies.models import CaseStudyPage

    for number in range(22):
        make_page(CaseStudyPage, title=f"Bulk {number}", tags=["bulk"])
    response = client.get("/case-studies/", {"format": "json", "tag": "bulk", "page": "2"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = response.json()
    assert data["count"] == 22
    assert {row["title"] for row in data["results"]} == {f"Bulk {n}" for n in range(22)}
    # The HTML listing of the same URL is unchanged.
    assert client.get("/case-studies/", {"tag": "bulk"})["Content-Type"].startswith("text/html")


def test_json_values_keep_their_types(client, corpus):
    data = client.get("/service-patterns/", {"format": "json"}).json()
    row = data["results"][0]
    assert row["reuse_count"] == 7
    assert row["date"] == "2022-01-01"
    assert row["organisations"] == ["Cardiff"]
    assert row["tags"] == ["bins"]


@pytest.mark.parametrize(
    ("url", "expected_file", "expected_title"),
    [
        ("/tags/repairs/", "tag-repairs", "Online repairs booking"),
        (
            "/service-areas/waste-and-recycling/",
            "service-area-waste-and-recycling",
            "Report a missed bin collection",
        ),
        ("/organisations/cardiff/", "organisation-cardiff", "Business case for shared waste app"),
    ],
)
def test_tag_service_area_and_organisation_pages_download(
    client, corpus, url, expected_file, expected_title
):
    response = client.get(url, {"format": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="{expected_file}.csv"'
    assert expected_title in {row["title"] for row in read_csv(response)}


def test_organisation_directory_downloads(client, corpus):
    response = client.get("/organisations/", {"format": "json"})
    assert response.status_code == 200
    codes = {row["code"] for row in response.json()["results"]}
    assert {"HCK", "CRF"} <= codes
    response = client.get("/organisations/", {"format": "csv", "q": "Hackney"})
    rows = read_csv(response)
    assert [row["code"] for row in rows] == ["HCK"]
    assert rows[0]["url"] == "http://testserver/organisations/hackney/"


def test_download_rows_from_the_search_service(corpus):
    from listings import selectors as listing_selectors
    from search import services

    results = services.search_content(query="missed bin")
    rows = listing_selectors.download_rows(results.hits)
    assert rows[0]["title"] == "Report a missed bin collection"
    assert rows[0]["organisations"] == ["Cardiff"]
    assert rows[0]["organisation_codes"] == ["CRF"]
    assert rows[0]["service_areas"] == ["Waste and recycling"]
    response = exports.export_response(rows, "csv", "search")
    assert response["Content-Disposition"] == 'attachment; filename="search.csv"'


def test_collect_search_hits_pages_through_the_service(corpus):
    from search import services

    pages_asked = []

    def run_page(number):
        pages_asked.append(number)
        return services.search_content(query="repairs", page=number, page_size=1)

    hits = exports.collect_search_hits(run_page, limit=10)
    assert len(hits) == services.search_content(query="repairs").total
    assert len({hit.page_id for hit in hits}) == len(hits)
    assert pages_asked == list(range(1, len(hits) + 1))
    assert len(exports.collect_search_hits(run_page, limit=1)) == 1


def test_unknown_format_is_refused():
    with pytest.raises(ValueError, match="unknown export format"):
        exports.export_response([], "xml", "x")
