"""Only live, public content travels: follow alerts, digests, feeds and "is published" emails
wait for a scheduled page's go-live and never go out for a restricted page."""

import datetime

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction, Revision

import pytest

from casestudies.models import CaseStudyPage
from community.engagement import services as engagement_services
from community.models import PendingDigestItem
from tests.community.test_contributions import submit


@pytest.fixture
def followers(members):
    """One member told at once about every new case study, one told in the daily digest."""
    immediate = members["verified_other"].user
    daily = members["verified_same"].user
    engagement_services.follow_add(
        user=immediate, kind="content_type", value="casestudypage", frequency="immediate"
    )
    engagement_services.follow_add(user=daily, kind="content_type", value="casestudypage")
    return {"immediate": immediate, "daily": daily}


def schedule(page, *, days=3, user=None):
    """Set a future go-live on the page's latest revision, as an editor's "Set schedule" does."""
    draft = page.get_latest_revision_as_object()
    draft.go_live_at = timezone.now() + datetime.timedelta(days=days)
    return draft.save_revision(user=user)


def let_the_go_live_time_pass(page):
    """Move the approved go-live into the past, as waiting until then would."""
    past = timezone.now() - datetime.timedelta(minutes=1)
    for revision in Revision.page_revisions.filter(object_id=str(page.pk)).exclude(
        approved_go_live_at=None
    ):
        revision.content["go_live_at"] = past.isoformat()
        revision.approved_go_live_at = past
        revision.save(update_fields=["content", "approved_go_live_at"])


def feed_text(client):
    return client.get(reverse("community:feed_all", args=["atom"])).content.decode()


def test_a_page_scheduled_for_later_is_announced_only_when_publish_scheduled_publishes_it(
    client, followers, make_page, django_capture_on_commit_callbacks
):
    page = make_page(CaseStudyPage, title="Repairs booking online", publish=False)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        schedule(page).publish()
    page.refresh_from_db()
    assert not page.live
    assert mail.outbox == []
    assert not PendingDigestItem.objects.exists()
    assert "Repairs booking online" not in feed_text(client)

    let_the_go_live_time_pass(page)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")  # nothing left to publish: nobody is told twice
    page.refresh_from_db()
    assert page.live
    assert [message.to for message in mail.outbox] == [[followers["immediate"].email]]
    assert page.full_url in mail.outbox[0].body
    assert client.get(page.url).status_code == 200
    assert list(PendingDigestItem.objects.values_list("page_id", flat=True)) == [page.pk]
    assert "Repairs booking online" in feed_text(client)


def test_a_contribution_approved_for_a_later_go_live_is_published_news_only_on_the_day(
    client, members, staff, followers, site_tree, django_capture_on_commit_callbacks
):
    owner = members["owner"].user
    client.force_login(owner)
    submit(client)
    page = CaseStudyPage.objects.get()
    schedule(page, user=staff["moderator"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.current_task_state.approve(
            user=staff["moderator"], comment="Lovely, thank you"
        )
    page.refresh_from_db()
    assert not page.live
    assert [message.to for message in mail.outbox] == [[owner.email]]
    assert "will be published on" in mail.outbox[0].subject
    assert "is published" not in mail.outbox[0].subject

    mail.outbox.clear()
    let_the_go_live_time_pass(page)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_recipient) == sorted([owner.email, followers["immediate"].email])
    assert "is published" in by_recipient[owner.email].subject
    assert "Lovely, thank you" in by_recipient[owner.email].body


@pytest.mark.parametrize(
    "restriction",
    [
        {"restriction_type": PageViewRestriction.LOGIN},
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "a-long-secret"},
    ],
)
def test_a_page_published_behind_a_restriction_is_announced_nowhere(
    client, followers, make_page, site_tree, restriction, django_capture_on_commit_callbacks
):
    # The restriction is on the section, so the new page is private because of its parent.
    PageViewRestriction.objects.create(page=site_tree["case-studies"], **restriction)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page = make_page(CaseStudyPage, title="Members only write-up")
    assert page.live
    assert mail.outbox == []
    assert not PendingDigestItem.objects.exists()
    assert "Members only write-up" not in feed_text(client)


def test_a_digest_leaves_out_a_page_restricted_after_it_was_queued(
    followers, make_page, django_capture_on_commit_callbacks
):
    public = make_page(CaseStudyPage, title="Still public")
    hidden = make_page(CaseStudyPage, title="Since restricted")
    for page in (public, hidden):
        engagement_services.followers_notify_published(page=page)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        engagement_services.digests_send()
    assert [message.to for message in mail.outbox] == [[followers["daily"].email]]
    assert "Still public" in mail.outbox[0].body
    assert "Since restricted" not in mail.outbox[0].body
