"""Comments are moderated before they appear; reports hide a comment after enough of them."""

from django.urls import reverse

from community.engagement import services as engagement_services
from community.models import Comment, ModerationStatus


def test_a_new_comment_is_not_public_until_approved(client, members, pattern, staff, render_panel):
    client.force_login(members["verified_other"].user)
    client.post(
        reverse("community:comment", args=[pattern.pk]), {"body": "Worked for <b>us</b> too"}
    )
    comment = Comment.objects.get()
    assert comment.status == ModerationStatus.PENDING
    assert comment.body == "Worked for us too"
    assert "Worked for us too" not in render_panel(pattern)
    moderator = type(client)()
    moderator.force_login(staff["moderator"])
    response = moderator.post(
        f"/admin/snippets/community/comment/edit/{comment.pk}/", {"status": "approved"}
    )
    assert response.status_code == 302
    assert "Worked for us too" in render_panel(pattern)


def test_empty_comment_is_refused_with_a_govuk_message(client, members, pattern):
    client.force_login(members["owner"].user)
    response = client.post(reverse("community:comment", args=[pattern.pk]), {"body": "  "})
    assert "Enter your comment" in response.content.decode()
    assert not Comment.objects.exists()


def test_three_reports_hide_an_approved_comment(members, pattern, staff):
    comment = Comment.objects.create(
        page=pattern, author=members["owner"].user, body="Hmm", status=ModerationStatus.APPROVED
    )
    for reporter in (members["verified_other"].user, staff["editor"], staff["admin"]):
        engagement_services.comment_report(comment=comment, user=reporter, reason="Off topic")
    engagement_services.comment_report(comment=comment, user=staff["admin"], reason="Twice")
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.PENDING
    assert comment.reports.count() == 3


def test_only_approved_comments_can_be_reported(client, members, pattern):
    comment = Comment.objects.create(page=pattern, author=members["owner"].user, body="Pending")
    client.force_login(members["verified_other"].user)
    assert client.get(reverse("community:comment_report", args=[comment.pk])).status_code == 404


def test_an_approved_comment_shows_at_once_and_goes_when_deleted(
    client, members, pattern, render_panel
):
    assert "Second opinion" not in client.get(pattern.url).content.decode()  # caches the set
    comment = Comment.objects.create(
        page=pattern,
        author=members["owner"].user,
        body="Second opinion",
        status=ModerationStatus.APPROVED,
    )
    assert "Second opinion" in client.get(pattern.url).content.decode()

    comment.delete()

    assert "Second opinion" not in client.get(pattern.url).content.decode()
    assert "Second opinion" not in render_panel(pattern)
