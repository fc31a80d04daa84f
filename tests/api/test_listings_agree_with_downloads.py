"""Every listing, its downloads, its feed and the API read the same pages (listings.selectors)."""

import csv
import io
import json
import xml.etree.ElementTree as ET

from django.urls import reverse

import pytest

from core.content_types import library_types
from core.site_url import absolute_url
from listings import exports
from listings import selectors as listing_selectors

pytestmark = pytest.mark.django_db

INDEX_PAGES = [f"/{item.plural_slug}/" for item in library_types()]
PINNED_PAGES = ["/tags/repairs/", "/service-areas/housing/", "/organisations/hackney/"]
ATOM = "{http://www.w3.org/2005/Atom}"


def csv_rows(response) -> list[dict]:
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def shown_urls(response) -> list[str]:
    """The addresses of the results the page shows, in its order (one page: the corpus is small)."""
    return [absolute_url(item.url) for item in response.context["listing_page"].object_list]


def shown_total(response) -> int:
    context = response.context
    results = context["listing"].results if "listing" in context else context["results"]
    return results.total


def offered_filters(response) -> list[tuple[str, str]]:
    """Every (parameter, value) the page's filter form offers, "More ..." options included."""
    return [
        (group.param, option.value)
        for group in response.context["filter_groups"]
        for option in [*group.visible, *group.more]
    ]


def assert_downloads_match(client, url: str, params: dict):
    page = client.get(url, params)
    assert page.status_code == 200, (url, params)
    urls, total = shown_urls(page), shown_total(page)
    assert total == len(urls), "the corpus fits on one page"
    data = client.get(url, {**params, "format": "json"}).json()
    assert data["count"] == data["total"] == total, (url, params)
    assert [row["url"] for row in data["results"]] == urls, (url, params)
    rows = csv_rows(client.get(url, {**params, "format": "csv"}))
    assert [row["url"] for row in rows] == urls, (url, params)
    assert [int(row["id"]) for row in rows] == [row["id"] for row in data["results"]]
    return page


@pytest.mark.parametrize("url", [*INDEX_PAGES, "/search/"])
def test_every_filter_a_listing_offers_gives_the_downloads_its_results(client, corpus, url):
    """`/case-studies/?year=2024` showed one case study and downloaded all of them."""
    page = assert_downloads_match(client, url, {})
    offered = offered_filters(page)
    assert any(param == "year" for param, _value in offered), "the corpus has dated pages"
    for param, value in offered:
        filtered = assert_downloads_match(client, url, {param: value})
        assert shown_total(filtered) <= shown_total(page)


def test_a_year_filter_narrows_the_download(client, corpus):
    data = client.get("/case-studies/", {"year": "2024", "format": "json"}).json()
    assert [row["title"] for row in data["results"]] == ["Online repairs booking"]


@pytest.mark.parametrize("url", PINNED_PAGES)
@pytest.mark.parametrize("order", [value for value, _label in listing_selectors.ORDER_CHOICES])
def test_tag_service_area_and_organisation_downloads_match_the_page(client, corpus, url, order):
    assert_downloads_match(client, url, {"order": order})


def test_search_and_listing_downloads_have_the_same_columns(client, corpus):
    search_csv = csv_rows(client.get("/search/", {"q": "repairs", "format": "csv"}))
    listing_csv = csv_rows(client.get("/case-studies/", {"format": "csv"}))
    assert list(search_csv[0].keys()) == list(listing_csv[0].keys()) == exports.CONTENT_COLUMNS
    search_json = client.get("/search/", {"q": "repairs", "format": "json"}).json()
    listing_json = client.get("/tags/repairs/", {"format": "json"}).json()
    assert list(search_json["results"][0]) == list(listing_json["results"][0])
    assert list(listing_json["results"][0]) == exports.CONTENT_COLUMNS
    row = next(r for r in search_csv if r["title"] == "Online repairs booking")
    assert row["service_areas"] == "Housing"
    assert row["licence"] == "cc-by-4"
    assert row["organisation_codes"] == "HCK"


def test_a_download_past_its_cap_says_how_many_it_left_out(corpus):
    hits, total = listing_selectors.listing_hits({}, limit=2)
    assert len(hits) == 2
    assert total > 2
    response = exports.export_response(
        listing_selectors.download_rows(hits), "json", "all", total=total
    )
    data = json.loads(response.content)
    assert (data["count"], data["total"], data["truncated"]) == (2, total, True)
    assert response["X-Total-Count"] == str(total)


@pytest.mark.parametrize(
    ("feed", "page_url"),
    [
        (("tag", "repairs"), "/tags/repairs/"),
        (("service-area", "housing"), "/service-areas/housing/"),
        (("organisation", "hackney"), "/organisations/hackney/"),
        (("type", "case-studies"), "/case-studies/"),
    ],
)
def test_a_feed_lists_what_its_listing_page_lists(client, corpus, feed, page_url):
    body = client.get(reverse("community:feed", args=["atom", *feed])).content
    entries = ET.fromstring(body).findall(f"{ATOM}entry")  # noqa: S314 - our own feed
    feed_urls = [entry.find(f"{ATOM}link").get("href") for entry in entries]
    assert feed_urls
    assert feed_urls == shown_urls(client.get(page_url))


@pytest.mark.parametrize(
    ("api_params", "page_url"),
    [
        ({"tag": "repairs"}, "/tags/repairs/"),
        ({"service_area": "housing"}, "/service-areas/housing/"),
        ({"organisation": "hackney"}, "/organisations/hackney/"),
    ],
)
def test_the_api_filters_to_what_the_listing_page_lists(client, corpus, api_params, page_url):
    data = client.get("/api/v2/pages/", {**api_params, "fields": "_,html_url"}).json()
    assert data["meta"]["total_count"] == shown_total(client.get(page_url))
    api_urls = {item["meta"]["html_url"] for item in data["items"]}
    assert api_urls == set(shown_urls(client.get(page_url)))
