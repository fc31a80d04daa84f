"""A Declaration project in Chromium: a member of its lead organisation posts an update that
changes its status; a moderator approves it in the admin; the page shows both."""

import re

from django.utils import timezone

from playwright.sync_api import expect

from projects.models import ProjectPage
from tests.browser.support import MEMBER_PASSWORD, sign_in


def test_member_posts_an_update_a_moderator_approves_it_and_the_page_shows_it(
    page, projects, superuser
):
    project = projects["project"]
    sign_in(page, projects["hackney_member"].user.email, MEMBER_PASSWORD)
    page.goto(project.url)
    page.get_by_role("link", name="Post an update").click()
    today = timezone.localdate()
    page.get_by_label("Date of the update").fill(f"{today.day} {today.month} {today.year}")
    page.get_by_label("What happened").fill("Repairs staff found the new form slower.")
    page.get_by_label("What is next (optional)").fill("Simplify the form's second step.")
    page.get_by_label("New status (optional)").select_option(label="At risk")
    page.get_by_role("button", name="Send update").click()
    expect(page.get_by_text("A moderator will read your update")).to_be_visible()
    page.goto(project.url)
    expect(page.get_by_text("Repairs staff found the new form slower.")).to_have_count(0)

    page.context.clear_cookies()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(superuser.username)
    page.get_by_label("Password").fill("a-long-test-password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto("/admin/snippets/projects/projectupdate/")
    page.get_by_role("link", name=re.compile("^Repairs staff found")).click()
    page.get_by_role("combobox", name="Moderation").select_option(label="Approved")
    page.get_by_role("button", name="Save").first.click()
    page.wait_for_url(re.compile(r"/admin/snippets/projects/projectupdate/"))

    page.goto(project.url)
    expect(page.get_by_text("Repairs staff found the new form slower.")).to_be_visible()
    expect(page.get_by_text("Simplify the form's second step.")).to_be_visible()
    assert ProjectPage.objects.get(pk=project.pk).status == "at-risk"
