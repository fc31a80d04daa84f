"""axe-core (WCAG 2.0/2.1/2.2 A and AA) on every kind of public page, at phone and desktop widths.

28 URLs, each at 375 and 1280 pixels wide. A failure lists every violation (rule, impact, help
text and the CSS selectors of the offending elements) so it can be fixed from the report alone.
"""

from tests.browser.support import (
    SEARCH_NOT_READY,
    WIDTHS,
    axe_violations,
    format_violations,
    screenshot,
)

# Rules we knowingly do not meet, with the reason. Keep this short; every entry is a debt.
ALLOWED_VIOLATIONS: dict[str, str] = {}


# Each group is one test (a transactional test costs a database reload, so URLs share one);
# a failing group lists every URL and width with its violations, not just the first.
# Entries: (URL built from the `content` fixture, expected status, screenshot name or None).
CONTENT_PAGES = [
    (lambda c: "/", 200, "home"),
    (lambda c: c["case_study"].url, 200, "case-study"),
    (lambda c: c["procurement_brief"].url, 200, "procurement-brief"),
    (lambda c: c["business_case"].url, 200, "business-case"),
    (lambda c: c["service_pattern"].url, 200, "service-pattern"),
]
INDEX_PAGES = [
    (lambda c: c["tree"]["case-studies"].url, 200, "case-studies-index"),
    (lambda c: c["tree"]["case-studies"].url + "?nation=England&service_area=housing", 200, None),
    (lambda c: c["tree"]["procurement-briefs"].url, 200, None),
    (lambda c: c["tree"]["procurement-briefs"].url + "?tag=repairs&order=title", 200, None),
    (lambda c: c["tree"]["business-cases"].url, 200, None),
    (lambda c: c["tree"]["business-cases"].url + "?nation=Wales", 200, "index-no-results"),
    (lambda c: c["tree"]["service-patterns"].url, 200, "service-patterns-index"),
    (
        lambda c: c["tree"]["service-patterns"].url + "?service_area=waste-and-recycling",
        200,
        None,
    ),
]
TAXONOMY_PAGES = [
    (lambda c: "/tags/", 200, "tag-index"),
    (lambda c: "/tags/repairs/", 200, "tag-page"),
    (lambda c: "/service-areas/", 200, "service-area-index"),
    (lambda c: "/service-areas/housing/", 200, "service-area-page"),
    (lambda c: c["tree"]["organisations"].url, 200, "organisations"),
    (lambda c: "/organisations/hackney/", 200, "organisation-page"),
]
STANDARD_AND_ERROR_PAGES = [
    (lambda c: "/about/", 200, None),
    (lambda c: "/accessibility/", 200, "accessibility-statement"),
    (lambda c: "/privacy/", 200, "privacy-notice"),
    (lambda c: "/no-such-page/", 404, "not-found"),
]
SEARCH_PAGES = [
    (lambda c: "/search/", 200, None),
    (lambda c: "/search/?q=repairs", 200, "search-results"),
    (lambda c: "/search/?q=repairs&nation=England&sort=newest", 200, None),
    (lambda c: "/search/?q=zebracrossingquux", 200, "search-no-results"),
]


def assert_accessible(tab, content, cases) -> None:
    """Check each URL at phone and desktop widths; fail once, listing every violation found."""
    failures = []
    for url_for, status, shot in cases:
        url = url_for(content)
        for width, viewport in WIDTHS.items():
            tab.set_viewport_size(viewport)
            response = tab.goto(url, wait_until="load")
            assert response.status == status, f"{url} answered {response.status}, not {status}"
            if shot:
                screenshot(tab, shot, width)
            violations = axe_violations(tab, allow=ALLOWED_VIOLATIONS)
            if violations:
                failures.append(format_violations(url, width, violations))
    assert not failures, "\n\n".join(failures)


def test_content_pages_of_every_type_have_no_axe_violations(axe_page, content):
    assert_accessible(axe_page, content, CONTENT_PAGES)


def test_index_pages_with_and_without_filters_have_no_axe_violations(axe_page, content):
    assert_accessible(axe_page, content, INDEX_PAGES)


def test_tag_service_area_and_organisation_pages_have_no_axe_violations(axe_page, content):
    assert_accessible(axe_page, content, TAXONOMY_PAGES)


def test_standard_and_error_pages_have_no_axe_violations(axe_page, content):
    assert_accessible(axe_page, content, STANDARD_AND_ERROR_PAGES)


@SEARCH_NOT_READY
def test_search_with_results_and_with_none_has_no_axe_violations(axe_page, content):
    assert_accessible(axe_page, content, SEARCH_PAGES)


def test_form_page_has_no_axe_violations(axe_page, content):
    """The community sign-in form; the search form stands in until accounts are routable."""
    from django.urls import NoReverseMatch, reverse

    try:
        url = reverse("account_login")
    except NoReverseMatch:
        url = "/search/?q=repairs"
    assert_accessible(axe_page, content, [(lambda c: url, 200, "sign-in")])
