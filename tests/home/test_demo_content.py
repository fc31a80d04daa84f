"""load_demo builds the whole demo site, and running it again changes nothing; and the demo
reads as a council would believe it: reuse by other councils, real dates, review dates,
related pages that are related, and no two signatories saying the same thing.

Every test here reads the one demo the module loads (twice, to show the second load adds
nothing): a load is about ten seconds.
"""

import datetime
import io
import re
from collections import deque
from html import unescape
from html.parser import HTMLParser
from xml.etree import ElementTree

from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from casestudies.models import CaseStudyPage, ProcurementBriefPage
from community.models import Commitment, Opportunity, ReuseRecord
from core.content_types import library_types
from core.models import BasePage
from organisations.models import Organisation, OrganisationType
from tests.db import kept_for_the_module

CONTENT_MODELS = tuple(item.model for item in library_types())
EIGHTEEN_MONTHS = datetime.timedelta(days=548)

# Each demo opportunity's subject, and the service area it belongs in.
OPPORTUNITY_SERVICE_AREAS = {
    "Shared booking platform for bulky waste collections": "waste-and-recycling",
    "Open data standard for planning applications": "planning-and-building-control",
    "Housing repairs chatbot: lessons and code": "housing",
}


def library_models() -> list:
    """The page models of shared work, which the demo fills (events have demo content of their
    own, home/demo and events/demo.py)."""
    return [item.model for item in library_types()]


def _counts():
    return {
        "reuse": ReuseRecord.objects.count(),
        "reuse_total": sum(BasePage.objects.values_list("reuse_count", flat=True)),
        "commitments": Commitment.objects.count(),
        "opportunities": Opportunity.objects.count(),
    }


def _site_counts():
    return {
        "pages": Page.objects.count(),
        "content": BasePage.objects.count(),
        "organisations": Organisation.objects.count(),
        "tagged": BasePage.tags.through.objects.count(),
        "links": CaseStudyPage.related_briefs.through.objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo loaded once for this module, then a second time to show it adds nothing.

    What each load printed, and the counts after each, are kept for the tests to compare.
    """
    with kept_for_the_module(django_db_blocker):
        first_output, second_output = io.StringIO(), io.StringIO()
        call_command("load_demo", verbosity=0, stdout=first_output)
        first, first_site = _counts(), _site_counts()
        call_command("load_demo", verbosity=0, stdout=second_output)
        yield {
            "first": first,
            "second": _counts(),
            "first_site": first_site,
            "second_site": _site_counts(),
            "first_output": first_output.getvalue(),
            "second_output": second_output.getvalue(),
        }


@pytest.fixture
def hand_written(demo, db):
    return BasePage.objects.exclude(slug__startswith="gen-")


def test_load_demo_builds_realistic_content_and_is_idempotent(demo, db, client):
    first = demo["first_site"]

    assert demo["second_site"] == first
    assert first["content"] >= 40
    for model in library_models():
        assert model.objects.live().count() >= 8, model
    assert Organisation.objects.filter(organisation_type="council").count() >= 400
    assert Organisation.objects.filter(is_current=False).exists()
    assert first["links"] > 0
    assert Page.find_problems() == ([], [], [], [], [])

    study = CaseStudyPage.objects.live().filter(related_briefs__isnull=False).first()
    html = client.get(study.url).content.decode()
    brief = study.related_briefs.first()
    assert brief.title in html
    assert study.title in client.get(brief.url).content.decode()

    # Everything a visitor can reach from the home page answers, and shows no Python leftovers.
    visited, failures = crawl_site(client, limit=600)
    assert len(visited) > 200
    assert not failures, failures

    # The member logins it prints work, so member features can be tried straight away.
    logins = re.findall(
        r"demo member (\S+) \(([^,]+), verified\).*password '([^']+)'", demo["first_output"]
    )
    assert logins, demo["first_output"]
    assert "demo member" not in demo["second_output"]  # printed once, when created
    email, _organisation, password = logins[0]
    response = client.post("/accounts/login/", {"login": email, "password": password})
    assert response.status_code == 302, response.content.decode()[:500]
    assert client.get("/members/profile/").status_code == 200


# Visible text that means a template printed a missing value (e.g. `None|intcomma`).
LEFTOVER_RE = re.compile(r"(?<![\w-])(None|nan|NaN|undefined|\[\]|\{\})(?![\w-])")
NOT_CRAWLED = ("/admin", "/documents/", "/static/", "/media/", "/accounts/logout")


class _PageText(HTMLParser):
    """The links and the visible text of a page (not scripts or styles)."""

    def __init__(self):
        super().__init__()
        self.links, self.text, self._hidden = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._hidden += 1
        href = dict(attrs).get("href") or "" if tag == "a" else ""
        if href.startswith("/") and "?" not in href and not href.startswith(NOT_CRAWLED):
            self.links.append(href.split("#")[0])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def crawl_site(client, *, limit):
    """Follow every internal link (no query strings) from "/", breadth first, up to `limit`."""
    visited, failures, queue = set(), [], deque(["/"])
    while queue and len(visited) < limit:
        path = queue.popleft()
        if path in visited:
            continue
        visited.add(path)
        response = client.get(path)
        if response.status_code in (301, 302):  # sign-in walls for members' pages
            continue
        if response.status_code != 200:
            failures.append((path, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parsed = _PageText()
        parsed.feed(response.content.decode())
        failures += [(path, word) for word in LEFTOVER_RE.findall(" ".join(parsed.text))]
        queue.extend(link for link in parsed.links if link not in visited)
    return visited, failures


def test_loading_the_demo_again_adds_no_reuse_commitments_or_opportunities(demo, db):
    # `db` too: pytest-django runs tests without it after the transactional ones, whose flush
    # empties the database the module's corpus is built in.
    assert demo["second"] == demo["first"]


def test_every_content_type_has_varied_reuse_by_other_councils(hand_written):
    for model in CONTENT_MODELS:
        counts = list(model.objects.values_list("reuse_count", flat=True))
        assert sum(1 for count in counts if count) >= len(counts) / 2, model
        assert len(set(counts)) >= 3, (model, counts)  # varied, not one figure everywhere

    records = ReuseRecord.objects.select_related("organisation", "page")
    assert records.count() >= 50
    for record in records:
        own = set(record.page.organisations.values_list("pk", flat=True))
        assert record.organisation.organisation_type == OrganisationType.COUNCIL, record
        assert record.organisation_id not in own, (record.page.title, record.organisation.name)
        assert record.created_at.date() >= record.page.date


def test_stored_reuse_counts_match_the_records(hand_written):
    for page in hand_written:
        assert page.reuse_count == ReuseRecord.objects.filter(page=page).count(), page.title


def test_demo_pages_are_dated_by_when_the_work_was_shared(hand_written):
    today = timezone.localdate()
    dates = set()
    for page in hand_written:
        assert timezone.localtime(page.first_published_at).date() == page.date, page.title
        dates.add(page.date)
    assert min(dates) < today - datetime.timedelta(days=365 * 3)
    assert len(dates) > len(hand_written) / 2


def test_the_feed_dates_demo_items_by_their_own_dates(client, hand_written):
    response = client.get(reverse("community:feed_all", args=["rss"]))
    items = ElementTree.fromstring(response.content).findall("channel/item")  # noqa: S314
    newest = hand_written.order_by("-date").first().date

    assert items[0].findtext("pubDate").startswith(newest.strftime("%a, %d %b %Y"))
    assert len({item.findtext("pubDate")[:16] for item in items}) == len(items)


def test_every_demo_page_has_a_review_date_and_a_few_are_overdue(hand_written):
    today = timezone.localdate()
    overdue = []
    for page in hand_written:
        assert page.last_reviewed is not None, page.title
        assert page.date <= page.last_reviewed <= today, page.title
        if page.last_reviewed < today - EIGHTEEN_MONTHS:
            overdue.append(page.title)
    assert 3 <= len(overdue) <= len(hand_written) / 4, overdue


def test_briefs_list_only_case_studies_that_bought_through_or_reused_them(client, hand_written):
    for brief in ProcurementBriefPage.objects.live():
        html = unescape(client.get(brief.url).content.decode())
        if brief.status in ("draft", "open"):
            assert not brief.case_studies.exists(), brief.title
            assert "Case studies that used this brief" not in html
        buyers = set(brief.organisations.values_list("pk", flat=True))
        brief_areas = set(brief.service_areas.values_list("pk", flat=True))
        for study in brief.case_studies.live():
            studied = set(study.organisations.values_list("pk", flat=True))
            says_it_reused = re.search(r"another council's|brief", study.title + study.summary)
            assert studied & buyers or says_it_reused, (brief.title, study.title)
            assert set(study.service_areas.values_list("pk", flat=True)) & brief_areas
            assert study.date >= brief.date, (brief.title, study.title)
            assert study.title in html


def test_demo_opportunities_sit_in_the_service_area_of_their_subject(demo, db):
    found = {
        opportunity.title: opportunity.service_area.slug
        for opportunity in Opportunity.objects.select_related("service_area")
    }
    assert found == OPPORTUNITY_SERVICE_AREAS


def test_demo_signatories_each_make_their_own_commitment(demo, db):
    commitments = list(Commitment.objects.all())
    assert len(commitments) >= 8
    for field in ("title", "mission", "impact", "partners"):
        values = [getattr(commitment, field) for commitment in commitments]
        assert len(set(values)) == len(values), field
