"""The fund in Chromium: a member applies with a partner who confirms, then submits; the
fund's pages pass axe at phone and desktop widths."""

import re

from playwright.sync_api import expect

from funding.models import ApplicationPartner, ApplicationStatus, FundingApplication
from tests.browser.support import (
    MEMBER_PASSWORD,
    WIDTHS,
    axe_violations,
    format_violations,
    sign_in,
)
from tests.browser.test_accessibility import assert_accessible

FUNDING_PAGES = [
    (lambda c: c["fund"].url, 200, "fund"),
    (lambda c: c["open_round"].url, 200, "funding-round-open"),
    (lambda c: c["closed_round"].url, 200, "funding-round-decided"),
    (lambda c: f"/funding/applications/{c['funded_bid'].pk}/", 200, "funding-application"),
]


def test_fund_pages_have_no_axe_violations(axe_page, funding):
    assert_accessible(axe_page, funding, FUNDING_PAGES)


def test_member_applies_with_a_partner_who_confirms_then_submits(axe_page, funding):
    page = axe_page
    sign_in(page, funding["cardiff_member"].user.email, MEMBER_PASSWORD)
    page.goto(funding["open_round"].url)
    page.get_by_role("button", name="Start an application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Apply for funding for Cardiff")

    page.get_by_label("Project name").fill("Shared missed bin reports")
    page.get_by_label("Phase").select_option("discovery")
    page.get_by_label("Amount requested (£)").fill("80000")
    page.get_by_role("button", name="Submit application").click()
    # The draft is saved, and every rule it breaks is listed, each linked to its field.
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Describe the problem the project solves")
    expect(summary).to_contain_text("Add at least 1 partner organisation")
    for width, viewport in WIDTHS.items():  # the page as answered, not reloaded
        page.set_viewport_size(viewport)
        violations = axe_violations(page)
        assert not violations, format_violations("application with errors", width, violations)

    page.get_by_label("The problem (optional until you submit)").fill("Missed bins are phoned in.")
    page.get_by_label("Who the users are (optional until you submit)").fill("Residents.")
    page.get_by_label("The plan (optional until you submit)").fill("Eight weeks of research.")
    page.get_by_label(re.compile("Fix our plumbing")).check()
    page.get_by_label("Partner 1: organisation (optional)").select_option(label="Hackney")
    page.get_by_label("Partner 1: contact's name (optional)").fill("Asha Patel")
    page.get_by_label("Partner 1: contact's work email (optional)").fill("asha@hackney.gov.uk")
    page.get_by_label("Budget line 1: what it pays for (optional)").fill("User research")
    page.get_by_label("Budget line 1: amount (£)").fill("80000")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("We emailed 1 partner contact a link")).to_be_visible()
    expect(page.get_by_text("Waiting to confirm")).to_be_visible()

    # Asha follows the link from her email (its token, read here) and confirms.
    application = FundingApplication.objects.get(project_title="Shared missed bin reports")
    token = ApplicationPartner.objects.get(application=application).token
    confirm_url = f"/funding/partners/{token}/"
    assert_accessible(page, funding, [(lambda c: confirm_url, 200, "funding-partner-confirm")])
    page.goto(confirm_url)
    page.get_by_role("button", name="Yes, Hackney takes part").click()
    expect(page.get_by_role("heading", name="Partnership confirmed")).to_be_visible()

    page.goto(f"/funding/applications/{application.pk}/edit/")
    page.get_by_role("button", name="Submit application").click()
    expect(page.get_by_text(f"Application {application.reference} is submitted")).to_be_visible()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert_accessible(page, funding, [(lambda c: "/members/funding/", 200, "my-funding")])
