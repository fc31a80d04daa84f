"""Members' forms remember what the member already did: the licence they agreed to, the
request they dealt with, and the reuse they recorded."""

import re

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from casestudies.models import CaseStudyPage
from community.engagement import services as engagement_services
from tests.community.test_contributions import CASE_STUDY, submit


def licence_box(html: str) -> str:
    return re.search(r'<input[^>]*name="licence_confirmed"[^>]*>', html).group(0)


def changes_requested(client, staff, comment="Please add the costs"):
    submit(client)
    page = CaseStudyPage.objects.get()
    page.current_workflow_state.current_task_state.reject(user=staff["moderator"], comment=comment)
    return page


def test_the_licence_box_stays_ticked_when_a_member_resubmits(client, members, staff, site_tree):
    client.force_login(members["owner"].user)
    page = changes_requested(client, staff)
    edit_url = reverse("community:contribution_edit", args=[page.pk])

    assert "checked" in licence_box(client.get(edit_url).content.decode())
    # The form as it comes back (box still ticked) resubmits.
    response = client.post(edit_url, {**CASE_STUDY, "summary": "Now with costs."})
    assert response.status_code == 302


def test_the_licence_box_is_asked_again_when_the_licence_changed(client, members, staff, site_tree):
    client.force_login(members["owner"].user)
    page = changes_requested(client, staff)
    page.licence = "cc-by-4"
    page.save_revision()
    edit_url = reverse("community:contribution_edit", args=[page.pk])
    assert "checked" not in licence_box(client.get(edit_url).content.decode())


def test_once_published_an_old_request_for_changes_is_not_shown(client, members, staff, site_tree):
    client.force_login(members["owner"].user)
    page = changes_requested(client, staff, comment="Please add the costs")
    contributions = client.get(reverse("community:contributions")).content.decode()
    assert "Please add the costs" in contributions  # while it is the request to act on

    edit_url = reverse("community:contribution_edit", args=[page.pk])
    client.post(edit_url, {**CASE_STUDY, "summary": "Now with costs."})
    page.refresh_from_db()
    page.current_workflow_state.current_task_state.approve(user=staff["moderator"], comment="")
    page.refresh_from_db()
    assert page.live

    contributions = client.get(reverse("community:contributions")).content.decode()
    assert "Published" in contributions
    assert "Please add the costs" not in contributions


def test_an_approval_note_is_shown_beside_published(client, members, staff, site_tree):
    client.force_login(members["owner"].user)
    submit(client)
    page = CaseStudyPage.objects.get()
    page.current_workflow_state.current_task_state.approve(
        user=staff["moderator"], comment="Lovely, thank you"
    )
    contributions = client.get(reverse("community:contributions")).content.decode()
    assert "Published" in contributions
    assert "Lovely, thank you" in contributions


def test_a_repeat_we_reused_this_says_when_instead_of_offering_the_button(
    client, members, pattern, render_panel
):
    engagement_services.reuse_record(page=pattern, profile=members["owner"], note="Garden waste")
    when = date_format(timezone.localdate(), "j F Y")
    client.force_login(members["verified_same"].user)  # a colleague at the same council

    html = client.get(reverse("community:reuse", args=[pattern.pk])).content.decode()
    assert "Your organisation recorded reuse on" in html
    assert when in html
    assert "Record reuse" not in html
    assert "Remove our reuse record" in html

    panel = render_panel(pattern, members["verified_same"].user)
    assert "Your organisation recorded reuse on" in panel
    assert when in panel
    assert "We reused this" not in panel
    # Another council is still offered the button.
    assert "We reused this" in render_panel(pattern, members["verified_other"].user)
