"""axe-core (WCAG 2.0/2.1/2.2 A and AA) on every kind of page, at phone and desktop widths.

Public content, listings, taxonomy and search pages; the Declaration, signatories and
collaboration pages; sign-up, sign-in and password reset; and, signed in as a member, the
profile, profile editing, contributions and account pages, and a page with a confirmation
banner ("You have signed out"). Each at 375 and 1280 pixels wide.
A failure lists every violation (rule, impact, help text and the CSS selectors of the offending
elements) so it can be fixed from the report alone. Each page is also checked for what axe
cannot see: sideways scrolling at phone width (reflow) and headings jammed against the block
before them.
"""

from community.engagement import services as engagement_services
from tests.browser.support import (
    MEMBER_PASSWORD,
    SEARCH_NOT_READY,
    WIDTHS,
    axe_violations,
    format_violations,
    layout_problems,
    screenshot,
    sign_in,
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
            failures += [f"{url} at {width}: {problem}" for problem in layout_problems(tab)]
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


SEARCH_UNAVAILABLE_PAGES = [
    (lambda c: "/search/?q=repairs", 503, "search-unavailable"),
]


def test_search_unavailable_page_has_no_axe_violations(
    axe_page, content, search_engine_unreachable
):
    """The page a reader sees while the search engine (SEARCH_URL) cannot be reached."""
    assert_accessible(axe_page, content, SEARCH_UNAVAILABLE_PAGES)


COMMUNITY_PUBLIC_PAGES = [
    (lambda c: "/", 200, "home-with-declaration"),  # its calls to sign and to share work
    (lambda c: "/declaration/", 200, "declaration"),
    (lambda c: "/declaration/sign/", 200, None),
    (lambda c: "/declaration/signatories/", 200, "signatories"),
    (lambda c: "/collaborate/", 200, "opportunities"),
    (lambda c: f"/collaborate/{c['opportunity'].pk}/", 200, "opportunity"),
    (lambda c: "/developers/api/", 200, "developers-api"),
]
ACCOUNT_PAGES = [
    (lambda c: "/accounts/signup/", 200, "sign-up"),
    (lambda c: "/accounts/login/", 200, "sign-in"),
    (lambda c: "/accounts/password/reset/", 200, "password-reset"),
    (lambda c: "/accounts/password/reset/done/", 200, None),
    (lambda c: "/accounts/login/code/", 200, None),
]
MEMBER_PAGES = [
    (lambda c: "/members/profile/", 200, "profile"),
    # As a member sees them: with a Follow link, and one already followed.
    (lambda c: "/tags/", 200, None),
    (lambda c: "/organisations/hackney/", 200, None),
    (lambda c: "/members/profile/edit/", 200, "profile-edit"),
    (lambda c: "/members/contributions/", 200, "my-contributions"),
    (lambda c: "/contribute/", 200, None),
    (lambda c: "/contribute/case-study/", 200, "contribution-form"),
    (lambda c: f"/collaborate/{c['opportunity'].pk}/", 200, None),
    (lambda c: "/accounts/email/", 200, "email-addresses"),
    (lambda c: "/accounts/password/change/", 200, None),
]


def test_declaration_collaboration_and_developer_pages_have_no_axe_violations(axe_page, community):
    assert_accessible(axe_page, community, COMMUNITY_PUBLIC_PAGES)


def test_sign_up_sign_in_and_password_reset_have_no_axe_violations(axe_page, community):
    assert_accessible(axe_page, community, ACCOUNT_PAGES)


def test_forms_with_errors_have_no_axe_violations(axe_page, community):
    """Error summaries and field errors, on sign-up and on the Declaration form."""
    failures = []
    for url, button in (
        ("/accounts/signup/", "Create account"),
        ("/declaration/sign/", "Send for approval"),
    ):
        for width, viewport in WIDTHS.items():
            axe_page.set_viewport_size(viewport)
            axe_page.goto(url)
            axe_page.get_by_role("button", name=button).click()
            axe_page.wait_for_load_state("load")
            assert axe_page.locator(".govuk-error-summary").is_visible(), url
            violations = axe_violations(axe_page, allow=ALLOWED_VIOLATIONS)
            if violations:
                failures.append(format_violations(f"{url} (with errors)", width, violations))
    assert not failures, "\n\n".join(failures)


def test_member_pages_have_no_axe_violations(axe_page, community):
    member = community["hackney_member"]
    # Something followed, so the profile lists it and /tags/ says "You follow".
    engagement_services.follow_add(user=member.user, kind="everything", value="all")
    sign_in(axe_page, member.user.email, MEMBER_PASSWORD)
    assert_accessible(axe_page, community, MEMBER_PAGES)

    # The profile form with errors: summary, field error and the kept organisation choice.
    axe_page.goto("/members/profile/edit/")
    axe_page.get_by_label("Full name").fill("")
    axe_page.get_by_role("button", name="Save changes").click()
    assert axe_page.locator(".govuk-error-summary").is_visible()
    violations = axe_violations(axe_page, allow=ALLOWED_VIOLATIONS)
    assert not violations, format_violations("/members/profile/edit/ (with errors)", "", violations)

    # A confirmation banner (the base template shows one on whichever page a form lands on):
    # sign out, then the home page says so.
    for width, viewport in WIDTHS.items():
        axe_page.set_viewport_size(viewport)
        if width != next(iter(WIDTHS)):
            sign_in(axe_page, member.user.email, MEMBER_PASSWORD)
        axe_page.goto("/accounts/logout/")
        axe_page.get_by_role("button", name="Sign out").click()
        axe_page.wait_for_load_state("load")
        assert axe_page.locator(".govuk-notification-banner").is_visible()
        violations = axe_violations(axe_page, allow=ALLOWED_VIOLATIONS)
        assert not violations, format_violations("/ (signed out banner)", width, violations)


EVENT_PAGES = [
    (lambda c: c["whats_on"].url, 200, "whats-on"),
    (lambda c: c["whats_on"].url + "?event_type=course&attendance=online", 200, None),
    (lambda c: c["whats_on"].url + "?event_region=Wales", 200, "whats-on-no-results"),
    (lambda c: c["whats_on"].url + "?when=past", 200, "whats-on-past"),
    (lambda c: c["full_event"].url, 200, "event"),
    (lambda c: c["past_event"].url, 200, "past-event"),
    (lambda c: c["series"].url, 200, "event-series"),
    (lambda c: c["series_event"].url, 200, None),
    (lambda c: c["course"].url, 200, "training-course"),
    (lambda c: c["cohort"].url, 200, "course-cohort"),
    (lambda c: "/", 200, "home-with-next-events"),
]
EVENT_MEMBER_PAGES = [
    (lambda c: c["full_event"].url, 200, "event-signed-in-full"),
    (lambda c: c["cohort"].url, 200, None),
    (lambda c: f"/events/{c['full_event'].pk}/cancel/", 200, "event-cancel"),
    (lambda c: "/members/events/", 200, "my-events"),
    (lambda c: "/members/profile/", 200, None),
]


def test_event_and_training_pages_have_no_axe_violations(axe_page, events):
    assert_accessible(axe_page, events, EVENT_PAGES)


def test_event_pages_signed_in_have_no_axe_violations(axe_page, events):
    """As Asha, who holds the full event's one place (so she sees the cancel link), and as
    Rhys, who may take the course; then the refusal and the confirmation banner."""
    sign_in(axe_page, events["hackney_member"].user.email, MEMBER_PASSWORD)
    assert_accessible(axe_page, events, EVENT_MEMBER_PAGES)
    failures = []
    for width, viewport in WIDTHS.items():
        axe_page.set_viewport_size(viewport)
        # Hackney has not signed the Declaration: a clear refusal page.
        axe_page.goto(events["cohort"].url)
        axe_page.get_by_role("button", name="Register").click()
        axe_page.wait_for_load_state("load")
        assert axe_page.get_by_role(
            "heading", name="You cannot register for this event"
        ).is_visible()
        violations = axe_violations(axe_page, allow=ALLOWED_VIOLATIONS)
        if violations:
            failures.append(format_violations("refused registration", width, violations))
    assert not failures, "\n\n".join(failures)


PROJECT_PAGES = [
    (lambda c: c["project"].url, 200, "project"),
    (lambda c: "/projects/", 200, "projects"),
    (lambda c: "/projects/?phase=beta&funded=yes", 200, None),
]


def test_project_pages_have_no_axe_violations(axe_page, projects):
    assert_accessible(axe_page, projects, PROJECT_PAGES)


def test_project_update_form_has_no_axe_violations(axe_page, projects):
    """As Asha of Hackney, the project's lead: the form, then its error messages."""
    sign_in(axe_page, projects["hackney_member"].user.email, MEMBER_PASSWORD)
    form_url = f"/projects/{projects['project'].pk}/update/"
    assert_accessible(axe_page, projects, [(lambda c: form_url, 200, "project-update")])
    failures = []
    for width, viewport in WIDTHS.items():
        axe_page.set_viewport_size(viewport)
        axe_page.goto(form_url)
        axe_page.get_by_role("button", name="Send update").click()
        axe_page.wait_for_load_state("load")
        assert axe_page.get_by_text("Enter what happened").first.is_visible()
        violations = axe_violations(axe_page, allow=ALLOWED_VIOLATIONS)
        if violations:
            failures.append(format_violations("update form errors", width, violations))
    assert not failures, "\n\n".join(failures)
