"""Search sorts: relevance, newest, most reused and recently reviewed, chosen beside the
result count and working without JavaScript (a plain GET form with its own button)."""

import datetime

from django.utils import timezone

import pytest

from casestudies.models import CaseStudyPage
from community.engagement import services as engagement_services
from community.models import ReuseRecord
from search import services
from tests.factories import OrganisationFactory


@pytest.fixture
def bins(make_page):
    """Three pages about bins: the newest unreused, the oldest most reused, the middle one
    reviewed most recently."""
    today = timezone.localdate()
    newest = make_page(CaseStudyPage, title="Bins newest", date=today - datetime.timedelta(days=3))
    oldest = make_page(CaseStudyPage, title="Bins most reused", date=datetime.date(2020, 1, 1))
    middle = make_page(
        CaseStudyPage,
        title="Bins reviewed lately",
        date=datetime.date(2022, 1, 1),
        last_reviewed=today,
    )
    for number in range(2):
        ReuseRecord.objects.create(
            page=oldest,
            organisation=OrganisationFactory(code=f"R{number}", name=f"Reuser {number}"),
        )
    engagement_services.reuse_count_refresh(page_id=oldest.pk)
    return {"newest": newest, "oldest": oldest, "middle": middle}


def titles(results):
    return [hit.title for hit in results.hits]


def test_the_service_sorts_by_most_reused_and_recently_reviewed(bins):
    most_reused = services.search_content(query="bins", sort="most-reused")
    assert titles(most_reused)[0] == "Bins most reused"
    reviewed = services.search_content(query="bins", sort="recently-reviewed")
    assert titles(reviewed) == ["Bins reviewed lately", "Bins newest", "Bins most reused"]
    newest = services.search_content(query="bins", sort="newest")
    assert titles(newest) == ["Bins newest", "Bins reviewed lately", "Bins most reused"]


def test_the_search_page_offers_every_sort_beside_the_result_count(client, bins):
    html = client.get("/search/", {"q": "bins"}).content.decode()
    header = html[html.index('class="ld-results-header"') :]
    header = header[: header.index("search-results")]
    assert 'id="search-count"' in header
    assert 'id="search-sort"' in header
    for label in ("Relevance", "Newest", "Most reused", "Recently reviewed"):
        assert f">{label}</option>" in header
    assert ">Sort</button>" in header  # submits without JavaScript
    assert html.count('id="search-sort"') == 1


@pytest.mark.parametrize(
    ("sort", "first"),
    [("most-reused", "Bins most reused"), ("recently-reviewed", "Bins reviewed lately")],
)
def test_sorting_the_search_page_orders_the_results(client, bins, sort, first):
    html = client.get("/search/", {"q": "bins", "sort": sort}).content.decode()
    html = html.replace("<mark>", "").replace("</mark>", "")
    listed = html[html.index("search-results") :]
    assert listed.index(first) < min(
        listed.index(title)
        for title in ("Bins newest", "Bins most reused", "Bins reviewed lately")
        if title != first
    )
    assert f'<option value="{sort}" selected>' in html


def test_listings_sort_by_recently_reviewed_too(client, site_tree, bins):
    html = client.get(
        site_tree["case-studies"].url, {"order": "recently-reviewed"}
    ).content.decode()
    assert (
        html.index("Bins reviewed lately")
        < html.index("Bins newest")
        < html.index("Bins most reused")
    )
