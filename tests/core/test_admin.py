"""The admin is branded, moderation is on by default, and previews render every type."""

from django.urls import reverse

from wagtail.models import Workflow

import pytest

from casestudies.models import CaseStudyPage
from core.content_types import content_models


def test_admin_login_is_branded(client, db):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    assert "Sign in to Local Digital" in html
    assert "Local Digital admin" in html
    assert 'images/favicon.svg" alt="Local Digital"' in html  # our mark, not Wagtail's bird


def test_admin_sidebar_shows_the_site_mark(client, site_tree, editor):
    client.force_login(editor)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'images/favicon.svg" alt="Local Digital"' in html


def test_moderation_workflow_applies_to_content_by_default(site_tree, make_page, organisation):
    page = make_page(CaseStudyPage, organisations=[organisation])
    workflow = page.get_workflow()
    assert isinstance(workflow, Workflow)
    assert workflow.active
    assert workflow.tasks.exists()


def test_editor_submission_waits_for_a_moderator(
    site_tree, make_page, editor, moderator, organisation
):
    page = make_page(
        CaseStudyPage, title="Awaiting approval", publish=False, organisations=[organisation]
    )
    page.get_workflow().start(page, editor)
    page.refresh_from_db()
    assert not page.live
    assert page.workflow_in_progress

    task_state = page.current_workflow_task_state
    task_state.task.specific.on_action(task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live


@pytest.mark.parametrize("model", content_models())
def test_preview_renders_each_type_with_unsaved_changes(site_tree, make_page, organisation, model):
    page = make_page(model, title="Preview me", organisations=[organisation])
    page.title = "Unsaved preview title"

    response = page.make_preview_request()

    assert response.status_code == 200
    html = (
        response.render().content.decode()
        if hasattr(response, "render")
        else response.content.decode()
    )
    assert "Unsaved preview title" in html


def test_editor_can_open_the_edit_and_preview_views(
    client, site_tree, make_page, editor, organisation
):
    page = make_page(CaseStudyPage, organisations=[organisation])
    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).status_code == 200


def test_admin_pages_send_nothing_about_editors_to_gravatar(client, site_tree, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "gravatar" not in html
    assert "default-user-avatar" in html  # Wagtail's own, served from this site
    assert "gravatar" not in response.headers.get("Content-Security-Policy", "")
