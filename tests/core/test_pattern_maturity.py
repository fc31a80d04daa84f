"""A service pattern's maturity shows on its cards and is a filter on the patterns listing."""

import csv
import io
import re

from patterns.models import ServicePatternPage


def card_of(html: str, title: str) -> str:
    start = html.index(f">{title}</a>")
    return html[html.rfind("<article", 0, start) : start]


def test_pattern_cards_show_their_maturity(client, site_tree, make_page):
    make_page(ServicePatternPage, title="Report a missed bin", maturity="live")
    make_page(ServicePatternPage, title="Chatbot for council tax", maturity="experimental")
    html = client.get(site_tree["service-patterns"].url).content.decode()
    assert ">Live</strong>" in card_of(html, "Report a missed bin")
    assert ">Experimental</strong>" in card_of(html, "Chatbot for council tax")
    # Cards elsewhere show it too: the home page's most reused patterns read the same cards.
    search = client.get("/search/", {"q": "missed bin"}).content.decode()
    assert ">Live</strong>" in search


def test_the_patterns_listing_filters_by_maturity_with_counts_and_downloads(
    client, site_tree, make_page
):
    make_page(ServicePatternPage, title="Report a missed bin", maturity="live")
    make_page(ServicePatternPage, title="Book a bulky waste collection", maturity="live")
    make_page(ServicePatternPage, title="Chatbot for council tax", maturity="experimental")
    index = site_tree["service-patterns"].url
    html = client.get(index).content.decode()
    assert "Maturity" in html
    option = re.search(
        r'name="maturity" type="checkbox" value="live"[^>]*>\s*<label[^>]*>\s*Live\s*'
        r'<span class="govuk-hint[^"]*">\((\d+)\)</span>',
        html,
    )
    assert option, "the maturity filter offers Live"
    assert option.group(1) == "2"
    filtered = client.get(index, {"maturity": "experimental"}).content.decode()
    assert "Chatbot for council tax" in filtered
    assert "Report a missed bin" not in filtered
    download = client.get(index, {"maturity": "live", "format": "csv"}).content.decode()
    titles = sorted(row["title"] for row in csv.DictReader(io.StringIO(download)))
    assert titles == ["Book a bulky waste collection", "Report a missed bin"]


def test_other_listings_offer_no_maturity_filter(client, site_tree, make_page):
    from casestudies.models import CaseStudyPage

    make_page(CaseStudyPage, title="Repairs booking")
    html = client.get(site_tree["case-studies"].url).content.decode()
    assert 'name="maturity"' not in html
