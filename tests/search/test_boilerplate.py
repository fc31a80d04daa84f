"""The demo disclaimer is on every demo page but is no page's own content: it is neither
indexed nor quoted in a snippet, while the page still shows it to readers."""

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage
from core.boilerplate import DEMO_NOTICE_HTML
from home.demo.loader import ILLUSTRATIVE_NOTICE
from patterns.models import ServicePatternPage
from search import services
from search.models import SearchDocument

pytestmark = pytest.mark.django_db

DISCLAIMER_WORDS = "invented to show how the site works"


@pytest.fixture
def demo_pages(make_page):
    """Pages built as the demo loader builds them: the notice first, then their own text."""

    def body(html):
        return [ILLUSTRATIVE_NOTICE, ("paragraph", html)]

    return {
        "bins": make_page(
            ServicePatternPage,
            title="Report a missed bin",
            summary="Residents report a missed collection.",
            body=body("<p>Crews confirm the street and the figures for each round.</p>"),
        ),
        "parking": make_page(
            CaseStudyPage,
            title="Parking permits online",
            summary="Permits issued in minutes.",
            body=body("<p>Organisations across the county shared one permit platform.</p>"),
        ),
        "chatbot": make_page(
            BusinessCasePage,
            title="A chatbot for council tax",
            summary="Why answering routine questions automatically saves money.",
            body=body("<p>We invented a new triage for the questions it cannot answer.</p>"),
        ),
    }


def test_the_disclaimer_is_demo_content_the_loader_puts_first(demo_pages):
    # The notice this suite leaves out is the one the loader really adds, read from one place.
    assert ILLUSTRATIVE_NOTICE == ("callout", {"text": DEMO_NOTICE_HTML})
    body = demo_pages["bins"].body
    assert body[0].block_type == "callout"


def test_the_disclaimer_is_not_in_any_indexed_body(demo_pages):
    bodies = SearchDocument.objects.filter(
        page_id__in=[page.pk for page in demo_pages.values()]
    ).values_list("body", flat=True)
    assert len(bodies) == 3
    for body in bodies:
        assert "Illustrative demo content" not in body
        assert "show how the site works" not in body
    assert any("Crews confirm the street" in body for body in bodies)


def test_a_disclaimer_only_word_does_not_match_every_page(demo_pages):
    # "illustrative" and "people" appear on these pages only in the disclaimer.
    assert services.search_content(query="illustrative").total == 0
    assert services.search_content(query="people").total == 0
    # "invented" is in the disclaimer and in one page's own words: only that page matches.
    results = services.search_content(query="invented")
    assert [hit.title for hit in results.hits] == ["A chatbot for council tax"]


@pytest.mark.parametrize("query", ["figures", "organisations", "invented", "real"])
def test_no_snippet_quotes_the_disclaimer(demo_pages, query):
    results = services.search_content(query=query)
    for hit in results.hits:
        assert "Illustrative demo content" not in hit.snippet_html
        assert "show how the site works" not in hit.snippet_html


def test_a_snippet_quotes_the_page_own_words(demo_pages):
    (hit,) = services.search_content(query="figures").hits
    assert hit.title == "Report a missed bin"
    assert "<mark>figures</mark> for each round" in hit.snippet_html


def test_the_page_still_shows_the_disclaimer_to_readers(client, demo_pages):
    html = client.get(demo_pages["parking"].url).content.decode()
    assert "Illustrative demo content" in html
    assert "Organisations across the county" in html
