"""A small published corpus beside drafts, private and expired pages the API must never show."""

import datetime
import functools

from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.models import ServiceArea
from patterns.models import ServicePatternPage
from search import indexing as search_indexing
from tests import factories
from tests.db import kept_for_the_module, page_make, site_tree_ensure


def restrict(page, password="let-me-in"):  # noqa: S107
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


@pytest.fixture
def supplier(db):
    return factories.OrganisationFactory(
        code="SUP1", slug="acme-digital", name="Acme Digital", organisation_type="supplier"
    )


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Public pages of every type, plus the pages nobody outside the admin may see.

    Built once per module (and test worker): every test here reads it, and what a test
    changes (a restriction, a page more) is rolled back with the test.
    """
    with kept_for_the_module(django_db_blocker):
        site_tree = site_tree_ensure()
        organisation = factories.OrganisationFactory(
            code="HCK", slug="hackney", name="Hackney", region="London"
        )
        yield corpus_build(functools.partial(page_make, site_tree), organisation, site_tree)


def corpus_build(make_page, organisation, site_tree) -> dict:
    housing = ServiceArea.objects.get(slug="housing")
    waste = ServiceArea.objects.get(slug="waste-and-recycling")
    cardiff = factories.OrganisationFactory(
        code="CRF", slug="cardiff", name="Cardiff", nation="Wales", region=""
    )
    brief = make_page(
        ProcurementBriefPage,
        title="Buying a repairs booking service",
        summary='=HYPERLINK("http://evil.example") a brief that starts with a formula.',
        organisations=[organisation],
        tags=["repairs"],
        service_areas=[housing],
        budget_min=50000,
        budget_max=80000,
        essential_skills="User research\nAccessible design",
        status="awarded",
    )
    brief.evaluation_criteria.create(criterion="Technical", weighting=60)
    brief.evaluation_criteria.create(criterion="Price", weighting=40)
    brief.save_revision().publish()
    case_study = make_page(
        CaseStudyPage,
        title="Online repairs booking",
        summary="Tenants book repairs online instead of phoning.",
        organisations=[organisation],
        tags=["repairs", "Self service"],
        service_areas=[housing],
        total_cost=120000,
        annual_saving=45000,
        partners="Acme Digital\nOpen Council Ltd",
        licence="cc-by-4",
        date=datetime.date(2024, 6, 1),
    )
    draft_brief = make_page(ProcurementBriefPage, title="Secret draft brief", publish=False)
    case_study.related_briefs.set([brief, draft_brief])
    case_study.save_revision().publish()
    business_case = make_page(
        BusinessCasePage,
        title="Business case for shared waste app",
        organisations=[cardiff],
        service_areas=[waste],
        whole_life_cost=300000,
        date=datetime.date(2023, 1, 1),
    )
    business_case.options.create(name="Do nothing", is_do_nothing=True)
    business_case.save_revision().publish()
    pattern = make_page(
        ServicePatternPage,
        title="Report a missed bin collection",
        organisations=[cardiff],
        service_areas=[waste],
        tags=["bins"],
        date=datetime.date(2022, 1, 1),
    )
    pattern.reuse_count = 7
    pattern.save(update_fields=["reuse_count"])
    # As community.services.reuse_counts_refresh does: listings read the index's copy.
    search_indexing.index_pages([pattern.pk])

    draft = make_page(CaseStudyPage, title="Draft case study never published", publish=False)
    # A live page whose newer draft must not leak its unpublished title.
    changed = make_page(CaseStudyPage, title="Published title", date=datetime.date(2021, 1, 1))
    changed.title = "Unpublished draft title"
    changed.save_revision()

    private = make_page(CaseStudyPage, title="Private case study", organisations=[organisation])
    restrict(private)
    # Everything under the business cases index is private once the index is restricted.
    private_index = site_tree["business-cases"]
    child_of_private = make_page(
        BusinessCasePage,
        title="Business case under a private index",
        organisations=[organisation],
        tags=["repairs"],
        service_areas=[housing],
    )
    # What Wagtail's scheduler (publish_scheduled) does when a page reaches its expiry time.
    expired = make_page(CaseStudyPage, title="Expired and unpublished")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save(update_fields=["expire_at"])
    expired.unpublish(set_expired=True)
    return {
        "brief": brief,
        "case_study": case_study,
        "business_case": business_case,
        "pattern": pattern,
        "draft": draft,
        "draft_brief": draft_brief,
        "changed": changed,
        "private": private,
        "private_index": private_index,
        "child_of_private": child_of_private,
        "expired": expired,
        "organisation": organisation,
        "cardiff": cardiff,
    }


@pytest.fixture
def restricted_corpus(corpus):
    """The corpus with the business cases index made private after its children were published."""
    restrict(corpus["private_index"])
    return corpus


HIDDEN = ["draft", "private", "child_of_private", "expired"]
HIDDEN_TITLES = [
    "Draft case study never published",
    "Secret draft brief",
    "Unpublished draft title",
    "Private case study",
    "Business case under a private index",
    "Business case for shared waste app",  # also under the private index
    "Expired and unpublished",
]
