""" "Did you mean": realistic typos of indexed words are corrected word by word, correct words
never are. Through the real search service and page, on whichever engine the run selects."""

import pytest

from casestudies.models import CaseStudyPage
from patterns.models import ServicePatternPage
from search import services, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def waste_and_chatbot_pages(corpus, make_page):
    return [
        make_page(CaseStudyPage, title="Bulky waste collections booked online"),
        make_page(CaseStudyPage, title="Garden waste subscriptions renewed in a minute"),
        make_page(ServicePatternPage, title="Report fly-tipping and waste left out"),
        make_page(CaseStudyPage, title="A chatbot for council tax questions"),
    ]


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        ("chatbott", "chatbot"),  # one letter too many
        ("bulkey wast", "bulky waste"),  # two words, each mistyped
        ("housng repiars", "housing repairs"),  # a letter dropped, two swapped
        ("missed bim", "missed bin"),  # a short word: one slip
        ("garden wsate", "garden waste"),  # only the second word is wrong
    ],
)
def test_a_typo_of_indexed_words_gets_the_corrected_query(
    waste_and_chatbot_pages, query, suggestion
):
    assert services.search_content(query=query).suggestions == [suggestion]


def test_a_misspelt_word_is_corrected_however_many_pages_have_the_other_words(
    waste_and_chatbot_pages,
):
    # "wast" finds the waste pages (stemmed), so the search widens to any word and lists
    # them; "bulkey" still matched nothing, which is what the suggestion is for.
    results = services.search_content(query="bulkey wast")
    assert results.match_mode == "any"
    assert results.total >= services.FEW_RESULTS
    assert results.suggestions == ["bulky waste"]


@pytest.mark.parametrize(
    "query",
    ["chatbot", "chatbots", "bulky waste", "garden waste", "repair", "missed bins", "housing"],
)
def test_a_correct_query_gets_no_suggestion(waste_and_chatbot_pages, query):
    assert services.search_content(query=query).suggestions == []


def test_the_search_page_offers_the_correction_as_a_link(client, waste_and_chatbot_pages):
    html = client.get("/search/", {"q": "chatbott"}).content.decode()
    assert 'Did you mean <a class="govuk-link" href="?q=chatbot">chatbot</a>?' in html


@pytest.mark.parametrize(
    ("first", "second", "distance"),
    [
        ("chatbott", "chatbot", 1),
        ("repiars", "repairs", 1),  # two neighbours swapped: one slip, not two
        ("bulkey", "bulky", 1),
        ("wast", "waste", 1),
        ("recyclng", "recycling", 1),
        ("housng", "housing", 1),
        ("accesibilty", "accessibility", 2),
        ("bin", "bin", 0),
        ("planning", "parking", 3),  # over the limit of 2: reported as limit + 1
    ],
)
def test_typo_distance_counts_typing_slips(first, second, distance):
    assert text.typo_distance(first, second, 2) == distance


def test_word_forms_are_known_but_a_missing_letter_is_not():
    assert text.is_form_of("repair", "repairs")
    assert text.is_form_of("housing", "house")
    assert not text.is_form_of("chatbott", "chatbot")
