"""Events journeys in Chromium: join the waiting list of a full event and move up when the
holder cancels; download an event to a calendar; take a course as a signatory's member."""

import json

from django.core import mail

import icalendar
from playwright.sync_api import expect

from events.models import EventRegistration
from tests.browser.support import (
    MEMBER_PASSWORD,
    axe_violations,
    format_violations,
    sign_in,
)
from tests.browser.test_community_journeys import new_tab


def test_member_joins_the_waiting_list_and_moves_up_when_the_holder_cancels(
    page, browser, live_server, events
):
    full_event = events["full_event"]
    waiting, holder = events["cardiff_member"], events["hackney_member"]
    sign_in(page, waiting.user.email, MEMBER_PASSWORD)
    page.goto(events["whats_on"].url)
    page.get_by_role("link", name=full_event.title).click()
    expect(page.locator("main")).to_contain_text("All places are taken")
    page.get_by_role("button", name="Join the waiting list").click()
    expect(page.get_by_text("The event is full, so you are on the waiting list")).to_be_visible()
    expect(page.get_by_text("You are on the waiting list", exact=True)).to_be_visible()
    expect(page.get_by_text("Number 1 in the queue")).to_be_visible()
    assert any("waiting list" in m.subject for m in mail.outbox if waiting.user.email in m.to)

    context, holder_tab = new_tab(browser, live_server)
    try:
        sign_in(holder_tab, holder.user.email, MEMBER_PASSWORD)
        holder_tab.goto(full_event.url)
        holder_tab.get_by_role("link", name="Cancel your place").click()
        holder_tab.get_by_role("button", name="Yes, cancel").click()
        expect(holder_tab.get_by_text("Your registration for")).to_be_visible()
    finally:
        context.close()

    page.reload()
    expect(page.get_by_text("You have a place", exact=True)).to_be_visible()
    assert EventRegistration.objects.get(event=full_event, user=waiting.user).status == "registered"
    moved_up = [m for m in mail.outbox if waiting.user.email in m.to]
    assert moved_up[-1].subject == f"A place came up for you: {full_event.title}"

    page.goto("/members/events/")
    expect(page.get_by_role("link", name=full_event.title)).to_be_visible()


def test_visitor_filters_whats_on_and_downloads_what_it_shows(axe_page, events):
    page = axe_page
    page.goto(events["whats_on"].url)
    page.get_by_label("Training courses").check()
    page.get_by_role("button", name="Apply filters").click()
    expect(page.get_by_label("Training courses")).to_be_checked()
    cards = page.locator(".ld-card-list h3")
    expect(cards.first).to_be_visible()
    shown = cards.all_inner_texts()
    assert events["full_event"].title not in shown
    with page.expect_download() as download_info:
        page.get_by_role("link", name="JSON").click()
    with open(download_info.value.path(), encoding="utf-8") as handle:
        assert [row["title"] for row in json.load(handle)["results"]] == shown
    page.get_by_role("link", name="Past events").click()
    expect(page.get_by_role("heading", name="Past events, latest first")).to_be_visible()
    violations = axe_violations(page)
    assert not violations, format_violations("what's on, filtered", "default", violations)


def test_visitor_downloads_an_event_to_their_calendar(page, events):
    event = events["series_event"]
    page.goto(event.url)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add this event to your calendar").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as handle:
        calendar = icalendar.Calendar.from_ical(handle.read())
    [item] = calendar.walk("VEVENT")
    assert str(item["summary"]) == event.title
    assert item.decoded("dtstart") == event.starts_at


def test_signatory_member_takes_a_course_and_another_is_told_why_not(page, events):
    cohort = events["cohort"]
    sign_in(page, events["hackney_member"].user.email, MEMBER_PASSWORD)
    page.goto(cohort.url)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_role("heading", name="You cannot register for this event")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Hackney has not signed it yet")

    page.context.clear_cookies()
    sign_in(page, events["cardiff_member"].user.email, MEMBER_PASSWORD)
    page.goto(cohort.url)
    page.get_by_role("button", name="Register").click()
    expect(page.get_by_text("You have a place. We have emailed you the details.")).to_be_visible()
