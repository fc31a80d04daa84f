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
    for row, (council, contact, email) in enumerate(
        (
            ("Hackney", "Asha Patel", "asha@hackney.gov.uk"),
            ("Newport", "Nia Hughes", "nia@newport.gov.uk"),
        ),
        start=1,
    ):
        page.get_by_label(f"Partner {row}: organisation (optional)").select_option(label=council)
        page.get_by_label(f"Partner {row}: contact's name (optional)").fill(contact)
        page.get_by_label(f"Partner {row}: contact's work email (optional)").fill(email)
    page.get_by_label("Budget line 1: what it pays for (optional)").fill("User research")
    page.get_by_label("Budget line 1: amount (£)").fill("80000")
    page.get_by_role("button", name="Save draft").click()
    expect(page.get_by_text("We emailed 2 partner contacts a link")).to_be_visible()
    expect(page.get_by_text("Waiting to confirm")).to_have_count(2)

    # Each contact follows the link from their email (its token, read here) and confirms.
    application = FundingApplication.objects.get(project_title="Shared missed bin reports")
    for partner in ApplicationPartner.objects.filter(application=application):
        confirm_url = f"/funding/partners/{partner.token}/"
        if partner.organisation.name == "Hackney":
            assert_accessible(
                page, funding, [(lambda c, u=confirm_url: u, 200, "funding-partner-confirm")]
            )
        page.goto(confirm_url)
        page.get_by_role("button", name=f"Yes, {partner.organisation.name} takes part").click()
        expect(page.get_by_role("heading", name="Partnership confirmed")).to_be_visible()

    page.goto(f"/funding/applications/{application.pk}/edit/")
    page.get_by_role("button", name="Submit application").click()
    expect(page.get_by_text(f"Application {application.reference} is submitted")).to_be_visible()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert_accessible(page, funding, [(lambda c: "/members/funding/", 200, "my-funding")])


def test_an_assessor_scores_and_funds_an_application_in_the_admin(page, funding, django_user_model):
    from django.contrib.auth.models import Group

    assessor = django_user_model.objects.create_user(
        "assessor", "assessor@example.org", MEMBER_PASSWORD
    )
    assessor.groups.add(Group.objects.get(name="Funding assessors"))
    bid = funding["funded_bid"]
    FundingApplication.objects.filter(pk=bid.pk).update(status=ApplicationStatus.SUBMITTED)

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("assessor")
    page.get_by_label("Password").fill(MEMBER_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto("/admin/snippets/funding/fundingapplication/")
    page.get_by_role("link", name="Assess and decide").first.click()
    page.get_by_role("link", name="Your assessment").click()
    for criterion, score in (("Shared problem", "4"), ("Open outputs", "5")):
        page.get_by_role("group", name=re.compile(f"^{criterion}")).get_by_label(score).check()
        page.get_by_label(f"{criterion}: why this score").fill(f"{criterion}: shown well.")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_text("Average weighted score: 88.0")).to_be_visible()

    page.get_by_label("Fund it", exact=True).check()
    page.get_by_label("Amount awarded (£), if funded").fill("190000")
    page.get_by_label("Reasons for the decision (sent to the applicant and partners)").fill(
        "A shared problem with a credible plan."
    )
    page.get_by_role("button", name="Record the decision and tell the applicant").click()
    expect(page.get_by_text("is recorded and sent")).to_be_visible()
    bid.refresh_from_db()
    assert (bid.status, bid.amount_awarded) == (ApplicationStatus.FUNDED, 190_000)
