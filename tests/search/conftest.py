"""Search fixtures: a small corpus with known ranking, and the backend under test.

The contract suite runs against whichever engine the settings select: SQLite FTS5 by
default, PostgreSQL full text with DATABASE_URL=postgres://..., Elasticsearch with SEARCH_URL.
"""

import datetime

from django.conf import settings
from django.db import connection

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.models import ServiceArea
from patterns.models import ServicePatternPage
from tests import factories


def paragraph(html: str) -> list:
    return [("paragraph", html)]


@pytest.fixture
def engine():
    """The name of the engine answering searches in this run."""
    if settings.SEARCH_URL:
        return "elasticsearch"
    return "postgresql" if connection.vendor == "postgresql" else "sqlite"


@pytest.fixture
def orgs(db):
    return {
        "hackney": factories.OrganisationFactory(
            code="HCK", slug="hackney", name="Hackney", nation="England", region="London"
        ),
        "cardiff": factories.OrganisationFactory(
            code="CRF", slug="cardiff", name="Cardiff", nation="Wales", region=""
        ),
        "leeds": factories.OrganisationFactory(
            code="LDS",
            slug="leeds",
            name="Leeds",
            nation="England",
            region="Yorkshire and the Humber",
        ),
    }


@pytest.fixture
def corpus(make_page, orgs, site_tree):
    """Pages whose ranking for "repairs" is known: title, then summary, then body."""
    housing = ServiceArea.objects.get(slug="housing")
    waste = ServiceArea.objects.get(slug="waste-and-recycling")
    pages = {
        "title": make_page(
            CaseStudyPage,
            title="Housing repairs reporting online",
            summary="Tenants now book appointments without phoning.",
            body=paragraph("<p>We replaced a paper form with a digital service.</p>"),
            organisations=[orgs["hackney"]],
            service_areas=[housing],
            tags=["housing", "self service"],
            date=datetime.date(2024, 3, 1),
        ),
        "summary": make_page(
            ProcurementBriefPage,
            title="Buying a tenant contact platform",
            summary="We procured a platform to handle repairs and other tenant requests.",
            body=paragraph("<p>The route was G-Cloud with a two year contract.</p>"),
            organisations=[orgs["cardiff"]],
            service_areas=[housing],
            tags=["procurement"],
            date=datetime.date(2023, 6, 15),
        ),
        "body": make_page(
            BusinessCasePage,
            title="Case for a new customer relationship system",
            summary="Why one system for every council service saves money.",
            body=paragraph(
                "<p>Among the benefits are fewer calls about repairs and faster answers.</p>"
            ),
            organisations=[orgs["leeds"]],
            service_areas=[waste],
            tags=["crm"],
            date=datetime.date(2022, 1, 10),
        ),
        "bins": make_page(
            ServicePatternPage,
            title="Report a missed bin collection",
            summary="A pattern for reporting missed bins, with the data standard to use.",
            body=paragraph("<p>Residents tell us the street and the bin type.</p>"),
            organisations=[orgs["leeds"], orgs["hackney"]],
            service_areas=[waste],
            tags=["waste"],
            date=datetime.date(2024, 9, 20),
        ),
    }
    return pages


@pytest.fixture(autouse=True)
def _fresh_elasticsearch_index(request):
    """With SEARCH_URL set, start each database test from an empty Elasticsearch index."""
    if not settings.SEARCH_URL or "django_db" not in {m.name for m in request.node.iter_markers()}:
        yield
        return
    from search.indexing import rebuild_index

    request.getfixturevalue("db")
    rebuild_index()
    yield
