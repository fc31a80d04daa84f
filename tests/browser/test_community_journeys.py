"""Community journeys in Chromium: join and share, reuse and comment, sign the Declaration,
and find a partner. Emails are read from Django's outbox, as a member would read their inbox."""

import datetime
import re

from django.core import mail
from django.utils import timezone

from playwright.sync_api import expect

from community.engagement import services as engagement_services
from community.models import Comment, ModerationStatus
from tests.browser.support import MEMBER_PASSWORD, sign_in


def link_in_last_email(to: str, pattern: str) -> str:
    """The site path of the first link matching `pattern` in the newest email to `to`."""
    message = next(message for message in reversed(mail.outbox) if to in message.to)
    return re.search(rf"https?://[^/\s]+({pattern})", message.body).group(1)


def new_tab(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    return context, context.new_page()


def test_new_member_signs_up_confirms_signs_in_and_shares_a_case_study(
    page, browser, live_server, community
):
    email = "sam.okafor@hackney.gov.uk"
    password = "a-much-longer-password-1"
    page.goto("/accounts/signup/")
    page.get_by_label("Full name").fill("Sam Okafor")
    page.get_by_label("Job title (optional)").fill("Service designer")
    page.get_by_label("Organisation").select_option(label="Hackney")
    page.get_by_label("Work email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_label("Password (again)").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your email address")

    # The link is opened from the email, in a browser that has no session yet.
    link = link_in_last_email(email, r"/accounts/confirm-email/[^\s]+/")
    context, inbox_tab = new_tab(browser, live_server)
    try:
        inbox_tab.goto(link)
        expect(inbox_tab.get_by_text(f"Confirm that {email} is your email address")).to_be_visible()
        inbox_tab.get_by_role("button", name="Confirm").click()
        expect(inbox_tab.get_by_role("heading", level=1)).to_have_text("Sign in")
    finally:
        context.close()

    sign_in(page, email, password)
    expect(page.get_by_role("heading", level=1)).to_have_text("Your profile")
    # Their confirmed address is on one of Hackney's email domains, so they are verified at once.
    expect(page.locator(".govuk-summary-list")).to_contain_text("Verified")

    page.get_by_role("link", name="Share your work").click()
    page.get_by_role("link", name="Case study").click()
    title = "Garden waste subscriptions online"
    page.get_by_label("Title", exact=True).fill(title)
    page.get_by_label("Summary").fill("Residents subscribe and pay for garden waste online.")
    page.get_by_label("The problem").fill("Subscriptions were taken by phone.")
    page.get_by_label("What you did").fill("We built an online subscription with card payment.")
    page.get_by_label("What you learned").fill("Send reminders before renewal.")
    page.get_by_label(re.compile("Open Government Licence")).check()
    page.get_by_role("button", name="Send for moderation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sent for moderation")

    page.goto("/members/contributions/")
    row = (
        page.locator("main")
        .get_by_text(title)
        .locator("xpath=ancestor::*[self::tr or self::li][1]")
    )
    expect(row).to_contain_text("In moderation")

    # Nothing a member submits is public before a moderator approves it.
    context, visitor = new_tab(browser, live_server)
    try:
        visitor.goto(community["tree"]["case-studies"].url)
        expect(visitor.get_by_role("heading", level=1)).to_be_visible()
        expect(visitor.get_by_text(title)).to_have_count(0)
    finally:
        context.close()


def test_verified_member_records_reuse_and_comments_which_waits_for_a_moderator(
    page, browser, live_server, community
):
    member = community["cardiff_member"]
    case_study = community["case_study"]  # Hackney's
    sign_in(page, member.user.email, MEMBER_PASSWORD)
    page.goto(case_study.url)

    page.get_by_role("link", name="We reused this").click()
    page.get_by_label("How you reused it (optional)").fill("We adapted the repairs form.")
    page.get_by_role("button", name="Record reuse").click()
    expect(page.get_by_role("heading", name="Reused by 1 organisation")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Cardiff: We adapted the repairs form.")
    expect(page.get_by_role("button", name="Remove our reuse record")).to_be_visible()

    comment_text = "Tenants liked booking their own repair slot."
    page.get_by_role("link", name="Share your experience").click()
    page.get_by_label("Share your experience").fill(comment_text)
    page.get_by_role("button", name="Send comment").click()
    expect(page.get_by_text("A moderator will read your comment before it appears")).to_be_visible()
    expect(page.get_by_text(comment_text)).to_have_count(0)

    context, visitor = new_tab(browser, live_server)
    try:
        visitor.goto(case_study.url)
        expect(visitor.get_by_role("heading", name="Reused by 1 organisation")).to_be_visible()
        expect(visitor.get_by_text(comment_text)).to_have_count(0)

        # A moderator approves it (Admin › Community › Comments saves the status, then this).
        comment = Comment.objects.get(body=comment_text)
        comment.status = ModerationStatus.APPROVED
        comment.save()
        engagement_services.comment_moderated(comment=comment)
        visitor.reload()
        expect(visitor.get_by_text(comment_text)).to_be_visible()
        expect(visitor.locator("main")).to_contain_text("Rhys Jones, Cardiff")
    finally:
        context.close()


def test_declaration_form_shows_errors_keeps_what_was_typed_then_is_sent(
    page, browser, live_server, community
):
    page.goto("/declaration/")
    page.get_by_role("link", name="Sign the Declaration").click()
    page.get_by_label("Organisation").select_option(label="Cardiff")  # already signed
    lead = page.locator("fieldset", has_text="The digital lead")
    lead.get_by_label("Full name").fill("Amara Lewis")
    lead.get_by_label("Job title").fill("Head of digital")
    lead.get_by_label("Work email address").fill("amara.lewis@gmail.com")
    page.get_by_role("button", name="Send for approval").click()

    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Cardiff has already signed the Declaration")
    expect(summary).to_contain_text("digital lead's work email")
    expect(page).to_have_title(re.compile("^Error: "))
    # What was typed is kept; GOV.UK's error summary moves focus to the field it names.
    expect(lead.get_by_label("Full name")).to_have_value("Amara Lewis")
    summary.get_by_role("link", name=re.compile("digital lead's work email")).click()
    expect(lead.get_by_label("Work email address")).to_be_focused()

    page.get_by_label("Organisation").select_option(label="Hackney")
    lead.get_by_label("Work email address").fill("amara.lewis@hackney.gov.uk")
    approver = page.locator("fieldset", has_text="The senior approver")
    approver.get_by_label("Full name").fill("Tom Briggs")
    approver.get_by_label("Job title").fill("Chief executive")
    approver.get_by_label("Work email address").fill("tom.briggs@hackney.gov.uk")
    page.get_by_label("Title of your first commitment").fill("Open repairs data")
    page.get_by_label("Mission").fill("Publish repairs data openly for other councils.")
    page.get_by_label("Impact").fill("Councils compare repair times and learn from each other.")
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application sent")

    # The senior approver confirms from the link in their email.
    link = link_in_last_email("tom.briggs@hackney.gov.uk", r"/declaration/confirm/[^\s]+/")
    context, inbox_tab = new_tab(browser, live_server)
    try:
        inbox_tab.goto(link)
        inbox_tab.get_by_role("button", name="I confirm").click()
        expect(inbox_tab.get_by_role("heading", level=1)).to_have_text("Thank you")
    finally:
        context.close()
    # Not public until staff approve it in the admin.
    page.goto("/declaration/signatories/")
    expect(page.locator("main")).to_contain_text("Cardiff")
    expect(page.locator("main").get_by_text("Hackney")).to_have_count(0)


def test_member_posts_an_opportunity_and_another_council_expresses_interest(
    page, browser, live_server, community
):
    owner, partner = community["hackney_member"], community["cardiff_member"]
    sign_in(page, owner.user.email, MEMBER_PASSWORD)
    page.goto("/collaborate/")
    page.get_by_role("link", name="Post an opportunity").click()
    title = "Shared temporary accommodation booking"
    page.get_by_label("Title").fill(title)
    page.get_by_label("What do you want to work on together?").fill(
        "We want to build a booking tool for temporary accommodation with another council."
    )
    page.get_by_label("Discovery").check()
    page.get_by_label("Open to a conversation").check()
    page.get_by_label("No budget yet").check()
    closing = timezone.localdate() + datetime.timedelta(days=60)
    page.get_by_label("Day").fill(str(closing.day))
    page.get_by_label("Month").fill(str(closing.month))
    page.get_by_label("Year").fill(str(closing.year))
    page.get_by_role("button", name="Publish opportunity").click()
    expect(page.get_by_text("Your opportunity is published.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    opportunity_url = page.url

    context, partner_tab = new_tab(browser, live_server)
    try:
        sign_in(partner_tab, partner.user.email, MEMBER_PASSWORD)
        partner_tab.goto("/collaborate/")
        partner_tab.get_by_role("link", name=title).click()
        partner_tab.get_by_role("link", name="Express interest").click()
        partner_tab.get_by_label("Message to the organisation (optional)").fill(
            "We have the same problem in Cardiff."
        )
        partner_tab.get_by_role("button", name="Express interest").click()
        expect(partner_tab.get_by_text("You have told Hackney you are interested.")).to_be_visible()
    finally:
        context.close()

    # The owner hears by email and sees who is interested.
    assert any(owner.user.email in message.to for message in mail.outbox)
    page.goto(opportunity_url)
    expect(page.get_by_role("heading", name="Interest (1)")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Cardiff: We have the same problem in Cardiff.")
