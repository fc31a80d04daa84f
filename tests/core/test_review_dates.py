"""Review dates: every content page says when it was last checked, and content not checked for
18 months is flagged on cards and search results, found by a listing filter (downloads too)
and listed oldest first in an editors' report."""

import csv
import datetime
import io

from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.utils import timezone

import pytest

from casestudies.models import CaseStudyPage, ProcurementBriefPage
from core.content_types import library_types
from core.models.base import review_due_cutoff
from patterns.models import ServicePatternPage
from search.indexing import REVIEW_DUE_FACET
from search.models import SearchDocumentFacet

# Shared work is reviewed; an event is true of its day and never falls due (events.models).
CONTENT_TYPES = [item.model for item in library_types()]


def months_ago(months: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=round(months * 30.5))


def card_of(html: str, title: str) -> str:
    """The listing card (or search result) whose link is `title`."""
    html = html.replace("<mark>", "").replace("</mark>", "")
    start = html.index(f">{title}</a>")
    opening = max(
        html.rfind("<article", 0, start), html.rfind('<li class="search-result', 0, start)
    )
    return html[opening:start]


@pytest.mark.parametrize("model", CONTENT_TYPES, ids=lambda model: model.__name__)
def test_every_content_page_says_when_it_was_last_reviewed(client, make_page, model):
    reviewed = make_page(model, title="Reviewed work", last_reviewed=datetime.date(2026, 1, 10))
    never = make_page(model, title="Unreviewed work", date=datetime.date(2024, 5, 1))
    html = client.get(reviewed.url).content.decode()
    assert "Last reviewed</dt>" in html
    assert '<time datetime="2026-01-10">10 January 2026</time>' in html
    html = client.get(never.url).content.decode()
    assert "Last reviewed</dt>" in html
    assert "Not reviewed since it was published on" in html
    assert '<time datetime="2024-05-01">1 May 2024</time>' in html


def test_a_page_not_checked_for_18_months_says_it_needs_review(client, make_page):
    stale = make_page(CaseStudyPage, title="Stale", date=months_ago(30))
    fresh = make_page(
        CaseStudyPage, title="Checked again", date=months_ago(30), last_reviewed=months_ago(2)
    )
    assert "Needs review" in client.get(stale.url).content.decode()
    assert "Needs review" not in client.get(fresh.url).content.decode()


def test_the_cutoff_is_18_months_back_and_never_an_invalid_date():
    assert review_due_cutoff(datetime.date(2026, 12, 3)) == datetime.date(2025, 6, 3)
    assert review_due_cutoff(datetime.date(2026, 8, 31)) == datetime.date(2025, 2, 28)


def test_cards_and_search_results_flag_content_due_for_review(client, site_tree, make_page):
    make_page(CaseStudyPage, title="Old bins study", date=months_ago(19))
    make_page(CaseStudyPage, title="Recent bins study", date=months_ago(17))
    make_page(
        CaseStudyPage, title="Reviewed bins study", date=months_ago(40), last_reviewed=months_ago(1)
    )
    listing = client.get(site_tree["case-studies"].url).content.decode()
    results = client.get("/search/", {"q": "bins study"}).content.decode()
    for html in (listing, results):
        assert "Needs review" in card_of(html, "Old bins study")
        assert "Needs review" not in card_of(html, "Recent bins study")
        assert "Needs review" not in card_of(html, "Reviewed bins study")


def test_the_needs_review_filter_finds_only_overdue_content_in_listings_and_downloads(
    client, site_tree, make_page
):
    make_page(CaseStudyPage, title="Old bins study", date=months_ago(19))
    make_page(CaseStudyPage, title="Recent bins study", date=months_ago(17))
    index = site_tree["case-studies"].url
    listing = client.get(index).content.decode()
    assert 'name="review" type="checkbox" value="due"' in listing  # offered as a filter
    assert "Needs review" in listing
    filtered = client.get(index, {"review": "due"}).content.decode()
    assert "Old bins study" in filtered
    assert "Recent bins study" not in filtered
    download = client.get(index, {"review": "due", "format": "csv"}).content.decode()
    assert [row["title"] for row in csv.DictReader(io.StringIO(download))] == ["Old bins study"]


def test_the_daily_command_flags_content_that_fell_due_since_it_was_indexed(
    client, site_tree, make_page
):
    page = make_page(CaseStudyPage, title="Fell due quietly", date=months_ago(19))
    # As the index stood when the page was indexed, months before it fell due.
    SearchDocumentFacet.objects.filter(
        document_id=page.pk, value__facet=REVIEW_DUE_FACET[0]
    ).delete()
    index = site_tree["case-studies"].url
    assert "Fell due quietly" not in client.get(index, {"review": "due"}).content.decode()
    call_command("flag_content_due_for_review", stdout=io.StringIO())
    assert "Fell due quietly" in client.get(index, {"review": "due"}).content.decode()


REPORT = "/admin/reports/content-due-for-review/"


def test_editors_have_a_report_of_content_due_for_review_oldest_first(client, make_page, editor):
    make_page(CaseStudyPage, title="Older overdue", date=months_ago(40))
    make_page(ProcurementBriefPage, title="Newer overdue", date=months_ago(20))
    make_page(CaseStudyPage, title="Up to date", date=months_ago(3))
    make_page(
        ServicePatternPage,
        title="Reviewed lately",
        date=months_ago(50),
        last_reviewed=months_ago(1),
    )
    client.force_login(editor)
    response = client.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.index("Older overdue") < html.index("Newer overdue")
    assert "Up to date" not in html
    assert "Reviewed lately" not in html
    assert "Never reviewed; published" in html
    menu = client.get("/admin/reports/").content.decode() + client.get("/admin/").content.decode()
    assert REPORT in menu
    spreadsheet = client.get(REPORT, {"export": "csv"})
    assert spreadsheet.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(spreadsheet.streaming_content).decode())))
    assert [row[0] for row in rows[1:]] == ["Older overdue", "Newer overdue"]


def test_the_report_permission_belongs_to_the_editors_only(client, editor, moderator):
    permission = Permission.objects.get(codename="review_basepage")
    assert list(permission.group_set.values_list("name", flat=True)) == ["Editors"]
    client.force_login(moderator)
    assert client.get(REPORT).status_code in (302, 403)
