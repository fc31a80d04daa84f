"""Creates the site's page tree (home, index pages, standard pages) if it is missing."""

import datetime

from django.db import transaction

from wagtail.models import Page, Site

from casestudies.models import ProcurementBriefIndexPage
from core.content_types import library_types
from core.models import StandardPage
from core.services import site_record_sync
from core.site_url import site_host_and_port
from events.models import EventIndexPage
from funding.models import FundingIndexPage
from home.models import HomePage
from organisations.models import OrganisationIndexPage
from patterns.models import ServicePatternIndexPage
from projects.models import ProjectIndexPage

# Index pages that list no content type; each content type's comes from the registry.
OTHER_INDEX_PAGES = [
    (
        OrganisationIndexPage,
        "Organisations",
        "organisations",
        "<p>Every UK council, and the other bodies that share work here.</p>",
    ),
    (
        EventIndexPage,
        "What’s on",
        "whats-on",
        "<p>Events and training for people working in and with councils: online and around "
        "the country. Training courses are free for staff of organisations that have signed "
        "the Local Digital Declaration.</p>",
    ),
    (
        FundingIndexPage,
        "Local Digital Fund",
        "local-digital-fund",
        "<p>Funding for councils that have signed the Local Digital Declaration to solve "
        "shared problems together. Every application is published once its round closes, "
        "funded or not, and so is the progress of funded projects.</p>",
    ),
    (
        ProjectIndexPage,
        "Declaration projects",
        "projects",
        "<p>What the organisations that signed the Local Digital Declaration committed to "
        "do, how far each project has got and what it produced.</p>",
    ),
]


def index_pages() -> list[tuple[type[Page], str, str, str]]:
    """(model, title, slug, intro) of each index page under home: one per registered content
    type (core.content_types), in the registry's order, then the organisations directory."""
    return [
        *(
            (item.index_model, item.plural_label, item.plural_slug, item.index_intro)
            for item in library_types()
        ),
        *OTHER_INDEX_PAGES,
    ]


# Sections kept out of the service navigation, which holds ten items on one row at 1280
# pixels (tests/browser/test_layout.py): the fund and the Declaration's projects are reached
# from the Declaration's pages, organisations' pages and members' profiles.
NOT_IN_MENU: set[type] = {FundingIndexPage, ProjectIndexPage}
# The short labels the site starts with, so ten sections fit the menu on one row at 1280
# pixels; editors change them on each page's Promote tab ("Label in the menu").
MENU_LABELS = {ProcurementBriefIndexPage: "Procurement", ServicePatternIndexPage: "Patterns"}


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
    for model, title, slug, intro in index_pages():
        page = model.objects.first()
        if page is None:
            # Each section is in the service navigation until editors say otherwise.
            page = home.add_child(
                instance=model(
                    title=title,
                    slug=slug,
                    intro=intro,
                    show_in_menus=model not in NOT_IN_MENU,
                    **({"menu_label": MENU_LABELS[model]} if model in MENU_LABELS else {}),
                )
            )
            publish(page)
        pages[slug] = page

    for title, slug, summary in STANDARD_PAGES:
        page = StandardPage.objects.child_of(home).filter(slug=slug).first()
        if page is None:
            page = home.add_child(
                instance=StandardPage(
                    title=title,
                    slug=slug,
                    summary=summary,
                    body=standard_page_body(slug),
                    last_reviewed=STANDARD_LAST_REVIEWED.get(slug),
                )
            )
            publish(page)
        pages[slug] = page
    return pages


# When the accessibility statement was written and last reviewed (it says so, as the model
# statement asks); change the second whenever it is reviewed.
ACCESSIBILITY_STATEMENT_PREPARED = datetime.date(2026, 12, 3)
ACCESSIBILITY_STATEMENT_REVIEWED = datetime.date(2026, 12, 3)
STANDARD_LAST_REVIEWED = {"accessibility": ACCESSIBILITY_STATEMENT_REVIEWED}


def long_date(value: datetime.date) -> str:
    """7 March 2026, as GOV.UK writes dates."""
    return f"{value.day} {value:%B %Y}"


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
        # The structure of the model accessibility statement for the Public Sector Bodies
        # (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018, with the
        # dates it asks for. Editors keep it current in the admin.
        "accessibility": [
            (
                "paragraph",
                "<p>This accessibility statement applies to the Local Digital website. It is run "
                "by the Local Digital team. We want as many people as possible to be able to use "
                "it.</p>",
            ),
            ("heading", {"text": "How accessible this website is", "level": "h2"}),
            (
                "paragraph",
                "<p>This website is built on GOV.UK Frontend and aims to meet the Web "
                "Content Accessibility Guidelines (WCAG) version 2.2 at level AA. You should be "
                "able to zoom in up to 400% without text spilling off the screen, use the whole "
                "site with a keyboard alone, and use it with a screen reader or speech "
                "recognition software.</p>"
                "<p>Some documents that organisations attach to their pages are not fully "
                "accessible (see Non-accessible content).</p>",
            ),
            ("heading", {"text": "Feedback and contact information", "level": "h2"}),
            (
                "paragraph",
                "<p>If you need a document on this website in another format, such as "
                "accessible PDF, large print or plain text, email "
                "accessibility@localdigital.invalid. We will ask the organisation that "
                "published it and reply within 5 working days.</p>",
            ),
            (
                "heading",
                {"text": "Reporting accessibility problems with this website", "level": "h2"},
            ),
            (
                "paragraph",
                "<p>If you find a problem not listed on this page, or think we are not meeting "
                "accessibility requirements, email accessibility@localdigital.invalid. We reply "
                "within 5 working days.</p>",
            ),
            ("heading", {"text": "Enforcement procedure", "level": "h2"}),
            (
                "paragraph",
                "<p>The Equality and Human Rights Commission (EHRC) is responsible for "
                "enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
                "Accessibility Regulations 2018 (the accessibility regulations). If you are not "
                "happy with how we respond to your complaint, contact the Equality Advisory and "
                "Support Service (EASS).</p>",
            ),
            ("heading", {"text": "Compliance status", "level": "h2"}),
            (
                "paragraph",
                "<p>This website is partially compliant with the Web Content Accessibility "
                "Guidelines version 2.2 AA standard, due to the non-compliances listed "
                "below.</p>",
            ),
            ("heading", {"text": "Non-accessible content", "level": "h2"}),
            (
                "paragraph",
                "<p>The content listed below is non-accessible for the following reasons.</p>",
            ),
            (
                "heading",
                {"text": "Non-compliance with the accessibility regulations", "level": "h3"},
            ),
            (
                "paragraph",
                "<p>Some documents that councils and other organisations attach to their case "
                "studies, briefs, business cases and patterns are PDFs or office documents that "
                "may have no headings, no text alternatives for images or no logical reading "
                "order. This fails WCAG 2.2 success criteria 1.1.1 (non-text content) and 1.3.1 "
                "(info and relationships). Pages always give the main facts as text, so you "
                "rarely need the document itself; when you do, ask us for an accessible "
                "version.</p>",
            ),
            ("heading", {"text": "Disproportionate burden", "level": "h3"}),
            (
                "paragraph",
                "<p>We are not claiming that fixing any content would be a disproportionate "
                "burden.</p>",
            ),
            (
                "heading",
                {
                    "text": "Content that is not within the scope of the accessibility regulations",
                    "level": "h3",
                },
            ),
            (
                "paragraph",
                "<p>PDFs and other documents published before 23 September 2018 are exempt "
                "unless they are needed to use a service.</p>",
            ),
            ("heading", {"text": "How we tested this website", "level": "h2"}),
            (
                "paragraph",
                "<p>Every kind of page (content pages, listings, search, organisations, the "
                "Declaration, sign-up and sign-in, and members' pages) is tested automatically "
                "in a real browser at phone and desktop widths each time the website changes, "
                "with axe-core against the WCAG 2.2 A and AA rules. The tests also check that "
                "pages fit a phone screen without scrolling sideways and that search can be "
                "used with a keyboard alone.</p>"
                "<p>Automated tests find only some problems. The website has not yet been "
                "audited by people who use assistive technology.</p>",
            ),
            ("heading", {"text": "Preparation of this accessibility statement", "level": "h2"}),
            (
                "paragraph",
                "<p>This statement was prepared on "
                f"{long_date(ACCESSIBILITY_STATEMENT_PREPARED)}. It was last reviewed on "
                f"{long_date(ACCESSIBILITY_STATEMENT_REVIEWED)}.</p>",
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
