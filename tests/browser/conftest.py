"""Browser fixtures: Debian's Chromium, driven by Playwright against pytest-django's live_server.

The whole folder is skipped, with the reason printed, when /usr/bin/chromium is absent or the
front end has not been built. Playwright's sync API runs an asyncio loop in this thread while it
is started, so Django's async-safety guard is switched off for exactly that time (the ORM is
still used from one thread at a time).
"""

import datetime
import os
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.models import RelatedDocument, ServiceArea
from patterns.models import ServicePatternPage
from tests import factories
from tests.browser.support import DESKTOP, MEMBER_PASSWORD

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BUILT_CSS = Path(settings.BASE_DIR) / "localdigital" / "static" / "css" / "main.css"
AXE_SOURCES = [
    Path(settings.BASE_DIR) / "localdigital" / "static" / "vendor" / "axe.min.js",
    Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js",
]

# A minimal, valid one-page PDF: enough for the download journey to check type and bytes.
PDF_BYTES = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _skip_reason() -> str | None:
    if not CHROMIUM.exists():
        return (
            f"browser tests SKIPPED: {CHROMIUM} is absent "
            "(apt-get install chromium to run them; never a downloaded browser)"
        )
    if not BUILT_CSS.exists():
        return (
            f"browser tests SKIPPED: {BUILT_CSS.relative_to(settings.BASE_DIR)} is missing; "
            "run `npm run build` (make test builds it first)"
        )
    if not any(path.exists() for path in AXE_SOURCES):
        return "browser tests SKIPPED: axe-core is missing; run `npm ci && npm run build`"
    return None


def pytest_collection_modifyitems(config, items):
    """Mark everything here `browser`, and skip it all with one plain reason when we can't run."""
    here = Path(__file__).parent
    reason = _skip_reason()
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # STATIC_ROOT is only made by collectstatic; the live server serves from the finders.
            item.add_marker(pytest.mark.filterwarnings("ignore:No directory at:UserWarning"))
            if reason:
                item.add_marker(pytest.mark.skip(reason=reason))


def pytest_terminal_summary(terminalreporter):
    """Say plainly, at the end of every run that collected them, whether browser tests ran."""
    reason = _skip_reason()
    terminalreporter.write_sep("-", reason or f"browser tests ran in {CHROMIUM}")


@pytest.fixture(scope="session")
def axe_source() -> str:
    for path in AXE_SOURCES:
        if path.exists():
            return path.read_text(encoding="utf-8")
    pytest.skip("axe-core is missing; run `npm ci && npm run build`")


@pytest.fixture(scope="module")
def browser(migrated_data_snapshot):
    """One Chromium per test module (a launch is about a second).

    Not per session: Playwright's running loop, and DJANGO_ALLOW_ASYNC_UNSAFE with it, must end
    with the browser tests, or later tests' ORM calls fail and `check --deploy` reports
    async.E001 for the variable. While the loop runs, asgiref gives this thread context-local
    database connections, new objects without the serialized snapshot, so it is handed on.
    """
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    from django.db import connection

    from playwright.sync_api import sync_playwright

    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            connection._test_serialized_contents = migrated_data_snapshot
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _new_tab(browser, live_server, init_script: str | None = None):
    context = browser.new_context(viewport=DESKTOP, base_url=live_server.url)
    context.set_default_timeout(10_000)
    if init_script:
        context.add_init_script(script=init_script)
    return context, context.new_page()


@pytest.fixture
def page(browser, live_server):
    """A fresh context (no cookies) per test, at desktop width, with a short default timeout."""
    context, tab = _new_tab(browser, live_server)
    yield tab
    context.close()


@pytest.fixture
def axe_page(browser, live_server, axe_source):
    """Like `page`, with axe-core loaded into every document (CSP does not apply to init scripts)."""
    context, tab = _new_tab(browser, live_server, init_script=axe_source)
    yield tab
    context.close()


@pytest.fixture(scope="session")
def migrated_data_snapshot(django_db_setup, django_db_blocker) -> str:
    """The database as migrations left it (Wagtail's root page, locale, collection, groups).

    Each test here is transactional (the live server reads the database from its own thread),
    so it ends with a flush, and serialized rollback reloads this before the next test.
    """
    from django.db import connection

    snapshot = getattr(connection, "_test_serialized_contents", None)
    if snapshot is None:  # pytest-django serializes only when it sees the need at creation
        with django_db_blocker.unblock():
            snapshot = connection.creation.serialize_db_to_string()
    return snapshot


@pytest.fixture
def content(transactional_db, django_db_serialized_rollback, site_tree, make_page):
    """A small site with one page of every type, tagged, in service areas, from two councils."""
    hackney = factories.OrganisationFactory(
        code="HCK", slug="hackney", name="Hackney", nation="England", region="London"
    )
    cardiff = factories.OrganisationFactory(
        code="CRF", slug="cardiff", name="Cardiff", nation="Wales", region=""
    )
    housing = ServiceArea.objects.get(slug="housing")
    waste = ServiceArea.objects.get(slug="waste-and-recycling")
    body = [("paragraph", "<p>We replaced a paper form with a digital service.</p>")]
    pages = {
        "case_study": make_page(
            CaseStudyPage,
            title="Housing repairs reporting online",
            slug="housing-repairs-reporting-online",
            summary="Tenants now report repairs and book appointments without phoning.",
            body=body,
            organisations=[hackney],
            service_areas=[housing],
            tags=["housing", "repairs"],
            date=datetime.date(2024, 3, 1),
        ),
        "case_study_wales": make_page(
            CaseStudyPage,
            title="Missed bin reports in Cardiff",
            slug="missed-bin-reports-in-cardiff",
            summary="Residents report a missed bin collection online.",
            body=body,
            organisations=[cardiff],
            service_areas=[waste],
            tags=["waste"],
            date=datetime.date(2023, 9, 1),
        ),
        "procurement_brief": make_page(
            ProcurementBriefPage,
            title="Buying a tenant contact platform",
            slug="buying-a-tenant-contact-platform",
            summary="We procured a platform to handle repairs and other tenant requests.",
            body=body,
            organisations=[cardiff],
            service_areas=[housing],
            tags=["procurement", "repairs"],
            date=datetime.date(2023, 6, 15),
        ),
        "business_case": make_page(
            BusinessCasePage,
            title="Case for a new customer relationship system",
            slug="case-for-a-new-customer-relationship-system",
            summary="Why one system for every council service saves money.",
            body=body,
            organisations=[hackney],
            service_areas=[waste],
            tags=["crm"],
            date=datetime.date(2022, 1, 10),
        ),
        "service_pattern": make_page(
            ServicePatternPage,
            title="Report a missed bin collection",
            slug="report-a-missed-bin-collection",
            summary="A pattern for reporting missed bins, with the data standard to use.",
            body=body,
            organisations=[hackney, cardiff],
            service_areas=[waste],
            tags=["waste"],
            date=datetime.date(2024, 9, 20),
        ),
    }
    document = Document(title="Repairs service evaluation")
    document.file.save("repairs-evaluation.pdf", ContentFile(PDF_BYTES), save=False)
    document.save()
    case_study = pages["case_study"]
    case_study.documents.add(RelatedDocument(document=document, title="Evaluation report"))
    case_study.save_revision().publish()
    yield {
        **pages,
        "tree": site_tree,
        "hackney": hackney,
        "cardiff": cardiff,
        "housing": housing,
        "document": document,
        "pdf_bytes": PDF_BYTES,
    }
    document.file.delete(save=False)  # MEDIA_ROOT is test-artifacts/media; don't let it grow


def browser_member(*, username: str, organisation, full_name: str, verified: bool = True):
    """A member who can sign in through the real form: confirmed email, optionally verified."""
    from django.contrib.auth import get_user_model

    from allauth.account.models import EmailAddress

    from community.members import services as members_services
    from community.models import VerificationStatus
    from organisations.selectors import organisation_email_domains

    domains = organisation_email_domains(organisation)
    email = f"{username}@{domains[0] if domains else 'example.org'}"
    user = get_user_model().objects.create_user(username, email, MEMBER_PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    profile = members_services.member_create(
        user=user, full_name=full_name, organisation=organisation
    )
    if verified:
        profile.verification_status = VerificationStatus.VERIFIED
        profile.save()
    return profile


@pytest.fixture
def community(content):
    """`content` plus the Declaration with one signatory, two verified members (Hackney and
    Cardiff), an open opportunity and a contribution waiting for moderation."""
    from django.utils import timezone

    from community.collaboration import services as collaboration_services
    from community.contributions import services as contributions_services
    from home.demo.community import declaration_page_ensure

    hackney, cardiff = content["hackney"], content["cardiff"]
    from organisations.services import organisation_email_domains_add

    for organisation, domain in ((hackney, "hackney.gov.uk"), (cardiff, "cardiff.gov.uk")):
        organisation.website = f"https://www.{domain}/"
        organisation.save()
        organisation_email_domains_add(organisation=organisation, domains=[domain])
    declaration = declaration_page_ensure()
    factories.SignatureFactory(
        organisation=cardiff,
        lead_name="Dafydd Evans",
        lead_role="Head of digital",
        lead_email="dafydd.evans@cardiff.gov.uk",
        approver_name="Sian Morgan",
        approver_role="Chief executive",
        approver_email="sian.morgan@cardiff.gov.uk",
    )
    hackney_member = browser_member(username="asha", organisation=hackney, full_name="Asha Patel")
    cardiff_member = browser_member(username="rhys", organisation=cardiff, full_name="Rhys Jones")
    opportunity = collaboration_services.opportunity_create(
        profile=cardiff_member,
        data={
            "title": "Shared bulky waste booking",
            "description": "We want a partner to buy and run a booking service with us.",
            "phase": "alpha",
            "seeking": ["conversation", "share_funding"],
            "budget_band": "25k_100k",
            "closing_date": timezone.localdate() + datetime.timedelta(days=30),
        },
    )
    contribution = contributions_services.contribution_submit(
        profile=hackney_member,
        contribution_type=contributions_services.contribution_type_by_slug("case-study"),
        data={
            "title": "Parking permits in a day",
            "summary": "Residents get a parking permit online the same day.",
            "problem": "Paper forms took weeks.",
            "approach": "We built an online form with instant checks.",
            "lessons_learned": "Start with the evidence residents already have.",
        },
    )
    return {
        **content,
        "declaration": declaration,
        "hackney_member": hackney_member,
        "cardiff_member": cardiff_member,
        "opportunity": opportunity,
        "contribution": contribution,
    }


@pytest.fixture
def events(community):
    """`community` plus What's on: a full event (Asha holds its one place), a past event with
    its slides and recording, a series with one event, and a course with a cohort (Cardiff has
    signed the Declaration, so Rhys may take it; Hackney has not)."""
    from events.models import EventPage, EventSeriesPage, TrainingCoursePage
    from events.services import registration_create

    index = community["tree"]["whats-on"]
    full = factories.EventPageFactory(
        parent=index,
        title="Writing a procurement brief",
        slug="writing-a-procurement-brief",
        summary="A hands-on workshop for buyers.",
        capacity=1,
        region="London",
        organisations=[community["hackney"]],
    )
    past = factories.EventPageFactory(
        parent=index,
        title="Missed bins show and tell",
        slug="missed-bins-show-and-tell",
        summary="How two councils rebuilt missed bin reporting.",
        starts_at=factories.days_from_now(-30, hour=12),
        ends_at=factories.days_from_now(-30, hour=13),
        attendance_mode="online",
        venue_address="",
        materials=[
            ("material", {"kind": "slides", "title": "Slides", "link": "https://example.org/s"}),
            (
                "material",
                {"kind": "recording", "title": "Recording", "link": "https://example.org/r"},
            ),
        ],
    )
    series = factories.EventSeriesPageFactory(
        parent=index, title="Monthly show and tell", slug="monthly-show-and-tell"
    )
    series_event = factories.EventPageFactory(
        parent=series,
        title="Show and tell: housing repairs",
        slug="show-and-tell-housing-repairs",
        attendance_mode="hybrid",
        audience="digital-teams",
    )
    course = factories.TrainingCoursePageFactory(
        parent=index,
        title="Agile for councils",
        slug="agile-for-councils",
        duration="Two half days",
    )
    cohort = factories.EventPageFactory(
        parent=course,
        title="Agile for councils: spring cohort",
        slug="agile-for-councils-spring",
        attendance_mode="online",
        venue_address="",
    )
    registration_create(event=full, profile=community["hackney_member"])
    return {
        **community,
        "whats_on": index,
        "full_event": EventPage.objects.get(pk=full.pk),
        "past_event": EventPage.objects.get(pk=past.pk),
        "series": EventSeriesPage.objects.get(pk=series.pk),
        "series_event": EventPage.objects.get(pk=series_event.pk),
        "course": TrainingCoursePage.objects.get(pk=course.pk),
        "cohort": EventPage.objects.get(pk=cohort.pk),
    }


@pytest.fixture
def funding(community):
    """`community` plus the fund: Hackney signs too; round 7 is open (two signatory
    organisations); round 6 is closed, with Cardiff's funded bid partnered by Hackney."""
    from django.utils import timezone

    from core.models import Principle
    from funding import services as funding_services
    from funding.models import FundingRoundPage

    factories.SignatureFactory(organisation=community["hackney"])
    newport = factories.OrganisationFactory(
        code="NWP", slug="newport", name="Newport", nation="Wales", region=""
    )
    factories.SignatureFactory(organisation=newport)
    index = community["tree"]["local-digital-fund"]
    open_round = factories.FundingRoundPageFactory(
        parent=index, title="Local Digital Fund: round 7", slug="round-7"
    )
    closed_round = factories.FundingRoundPageFactory(
        parent=index, title="Local Digital Fund: round 6", slug="round-6"
    )
    bid = funding_services.application_start(
        round_page=closed_round, profile=community["cardiff_member"]
    )
    funding_services.application_save(
        application=bid,
        fields={
            "project_title": "Shared bulky waste booking",
            "phase": "alpha",
            "amount_requested": 200_000,
            "problem": "Every council books bulky waste collections by phone.",
            "users": "Residents with something large to throw away.",
            "plan": "An alpha of one booking service for both councils.",
        },
        principles=Principle.objects.order_by("number")[:2],
        partners=[
            funding_services.PartnerEntry(community["hackney"], "Asha Patel", "asha@hackney.gov.uk")
        ],
        budget_lines=[("Developers", 150_000), ("User research", 50_000)],
    )
    funding_services.partner_confirm(bid.partners.get())
    assert funding_services.application_submit(bid) == []
    funding_services.decision_record(
        application=bid, funded=True, amount=180_000, reason="A shared problem.", user=None
    )
    FundingRoundPage.objects.filter(pk=closed_round.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=90),
        closes_at=timezone.now() - datetime.timedelta(days=30),
    )
    return {
        **community,
        "fund": index,
        "newport": newport,
        "open_round": FundingRoundPage.objects.get(pk=open_round.pk),
        "closed_round": FundingRoundPage.objects.get(pk=closed_round.pk),
        "funded_bid": bid,
    }


@pytest.fixture
def projects(community):
    """`community` plus a Declaration project led by Hackney with Cardiff as partner, in
    beta with one published update, so its page, the listing and the update form render."""
    from community.models import ModerationStatus
    from projects.models import ProjectPage, ProjectUpdate

    project = factories.ProjectPageFactory(
        parent=community["tree"]["projects"],
        title="Shared housing repairs reporting",
        slug="shared-housing-repairs-reporting",
        organisations=[community["hackney"], community["cardiff"]],
        phase="beta",
        funding_source="Local Digital Fund",
        budget=85000,
        links=[("link", {"kind": "code", "title": "Code", "url": "https://example.org/code"})],
    )
    ProjectUpdate.objects.create(
        project=project,
        organisation=community["hackney"],
        what_happened="Private beta opened in two wards.",
        what_next="Widen it to the borough.",
        status=ModerationStatus.APPROVED,
    )
    return {**community, "project": ProjectPage.objects.get(pk=project.pk)}
