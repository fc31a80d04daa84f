"""Creates the site's page tree (home, index pages, standard pages) if it is missing."""

from django.db import transaction

from wagtail.models import Page, Site

from casestudies.models import BusinessCaseIndexPage, CaseStudyIndexPage, ProcurementBriefIndexPage
from core.models import StandardPage
from core.services import site_record_sync
from core.site_url import site_host_and_port
from home.models import HomePage
from organisations.models import OrganisationIndexPage
from patterns.models import ServicePatternIndexPage

INDEX_PAGES = [
    (
        CaseStudyIndexPage,
        "Case studies",
        "case-studies",
        "<p>What councils did, why, what it cost and what changed.</p>",
    ),
    (
        ProcurementBriefIndexPage,
        "Procurement briefs",
        "procurement-briefs",
        "<p>How councils bought it: route, budget, requirements, evaluation and award.</p>",
    ),
    (
        BusinessCaseIndexPage,
        "Business cases",
        "business-cases",
        "<p>How councils justified it, in HM Treasury's five cases.</p>",
    ),
    (
        ServicePatternIndexPage,
        "Service patterns",
        "service-patterns",
        "<p>Reusable designs for common council services, and the councils that use them.</p>",
    ),
    (
        OrganisationIndexPage,
        "Organisations",
        "organisations",
        "<p>Every UK council, and the other bodies that share work here.</p>",
    ),
]


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


@transaction.atomic
def site_tree_ensure() -> dict[str, Page]:
    """Return the home page and index pages by slug, creating what is missing; idempotent."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # `wagtail start` and Wagtail's initial migration leave a placeholder welcome page.
        for placeholder in root.get_children().filter(content_type__model="page"):
            placeholder.delete()
        home = root.add_child(
            instance=HomePage(
                title="Local Digital",
                slug="home",
                intro=(
                    "<p>Find what other councils did, how they bought it and what it cost, "
                    "then reuse it instead of starting again.</p>"
                ),
            )
        )
        publish(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        hostname, port = site_host_and_port()
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name="Local Digital",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "Local Digital"
        site.save()
    # Wagtail's initial migration made the record localhost:80; it follows SITE_URL.
    site_record_sync()

    pages = {"home": home}
    for model, title, slug, intro in INDEX_PAGES:
        page = model.objects.first()
        if page is None:
            page = home.add_child(instance=model(title=title, slug=slug, intro=intro))
            publish(page)
        pages[slug] = page

    for title, slug, summary in STANDARD_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(
                    title=title, slug=slug, summary=summary, body=standard_page_body(slug)
                )
            )
            publish(page)
        pages[slug] = page
    return pages


STANDARD_PAGES = [
    (
        "About Local Digital",
        "about",
        "Local Digital is where councils share what worked so that others can reuse it.",
    ),
    (
        "Accessibility statement",
        "accessibility",
        "How accessible this website is, what to do if you cannot use it, and how to report a problem.",
    ),
    (
        "Privacy notice",
        "privacy",
        "What personal data this website collects, why, how long we keep it and your rights.",
    ),
]


def standard_page_body(slug: str) -> list:
    paragraphs = {
        "about": [
            ("heading", {"text": "Why this exists", "level": "h2"}),
            (
                "paragraph",
                "<p>The Local Digital Declaration (2018) asks councils to fix the "
                "plumbing by sharing open, reusable work. This site is where that work lives: case "
                "studies, procurement briefs, business cases and service patterns.</p>",
            ),
        ],
        "accessibility": [
            ("heading", {"text": "How accessible this website is", "level": "h2"}),
            (
                "paragraph",
                "<p>This website is built on GOV.UK Frontend and aims to meet the Web "
                "Content Accessibility Guidelines (WCAG) version 2.2 at level AA. Every page type is "
                "checked automatically with axe-core in a real browser at phone and desktop widths."
                "</p>",
            ),
            ("heading", {"text": "Reporting accessibility problems", "level": "h2"}),
            (
                "paragraph",
                "<p>If you find a problem not listed here, email "
                "accessibility@localdigital.invalid. We reply within 5 working days.</p>",
            ),
            ("heading", {"text": "Enforcement procedure", "level": "h2"}),
            (
                "paragraph",
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018. If you're not happy with how we respond to your "
                "complaint, contact the Equality Advisory and Support Service (EASS).</p>",
            ),
            ("heading", {"text": "Known issues", "level": "h2"}),
            (
                "paragraph",
                "<p>Some older documents uploaded by councils are PDFs that may not be "
                "fully accessible. Ask the publishing organisation for an accessible format.</p>",
            ),
        ],
        "privacy": [
            ("heading", {"text": "What we collect", "level": "h2"}),
            (
                "paragraph",
                "<p>If you only read this site we collect no personal data beyond "
                "short-lived server logs. If you create an account we keep your name, work email, "
                "organisation and what you contribute.</p>",
            ),
            ("heading", {"text": "Your rights", "level": "h2"}),
            (
                "paragraph",
                "<p>You can download your data or delete your account at any time from "
                "your profile. Contact privacy@localdigital.invalid with any question.</p>",
            ),
        ],
    }
    return paragraphs.get(slug, [])
