"""Journeys through the real site in Chromium: a visitor, an editor and a keyboard-only user."""

import re

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from casestudies.models import CaseStudyPage
from tests.browser.test_accessibility import SEARCH_NOT_READY

CASE_STUDY = "Housing repairs reporting online"
BRIEF = "Buying a tenant contact platform"


@SEARCH_NOT_READY
def test_visitor_searches_filters_opens_a_case_study_and_downloads_its_document(page, content):
    page.goto("/")
    search_box = page.locator("#home-search")
    search_box.fill("repairs")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"/search/\?q=repairs"))
    results = page.locator("main")
    expect(results.get_by_role("link", name=CASE_STUDY)).to_be_visible()
    expect(results.get_by_role("link", name=BRIEF)).to_be_visible()

    page.get_by_role("checkbox", name=re.compile(r"^Case stud")).check()
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url(re.compile(r"[?&]type="))
    expect(results.get_by_role("link", name=CASE_STUDY)).to_be_visible()
    expect(results.get_by_role("link", name=BRIEF)).to_have_count(0)

    results.get_by_role("link", name=CASE_STUDY).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(CASE_STUDY)
    document_link = page.get_by_role("link", name="Evaluation report")
    expect(document_link).to_be_visible()

    # Wagtail serves PDFs inline (WAGTAILDOCS_INLINE_CONTENT_TYPES), so the browser opens the
    # document in its PDF viewer rather than saving it. Check what the click fetched, then the
    # bytes (the viewer hides the body from the page's response, so fetch it in this context).
    with page.expect_response(re.compile(r"/documents/")) as response_info:
        document_link.click()
    response = response_info.value
    assert response.status == 200
    assert response.headers["content-type"] == "application/pdf"
    assert re.search(r'filename="repairs-evaluation\w*\.pdf"', response.headers["content-disposition"])
    assert page.request.get(response.url).body() == content["pdf_bytes"]


def test_editor_creates_previews_and_publishes_a_case_study_in_the_admin(
    page, browser, live_server, content, superuser
):
    title = "Street lighting faults reported online"
    index = content["tree"]["case-studies"]

    page.goto("/admin/login/")
    page.get_by_label("Username").fill(superuser.username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    page.goto(f"/admin/pages/add/casestudies/casestudypage/{index.pk}/")
    page.locator("#id_title").fill(title)
    page.locator("#id_summary").fill("Residents report a broken street light from their phone.")

    page.locator('button[data-side-panel-toggle="preview"]').click()
    # Wagtail loads the preview into a second frame, then swaps it in: read whichever is newest.
    preview = page.frame_locator('.w-preview iframe[src*="/preview/"]').last
    expect(preview.get_by_role("heading", level=1)).to_have_text(title, timeout=15_000)
    assert not CaseStudyPage.objects.filter(title=title).exists(), "previewing must not save"

    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator('button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text("published")

    created = CaseStudyPage.objects.get(title=title)
    assert created.live
    assert created.get_parent().pk == index.pk

    visitor = browser.new_context(base_url=live_server.url)
    try:
        anonymous = visitor.new_page()
        response = anonymous.goto(created.url)
        assert response.status == 200
        expect(anonymous.get_by_role("heading", level=1)).to_have_text(title)
    finally:
        visitor.close()
