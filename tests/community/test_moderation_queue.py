"""The admin home page tells moderators what community work is waiting, with links to it."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from community.models import Comment, CommentReport


def test_moderators_see_what_waits_and_each_link_lists_it(
    client, members, staff, pattern, site_tree
):
    pending = Comment.objects.create(page=pattern, author=members["owner"].user, body="Pending")
    approved = Comment.objects.create(
        page=pattern, author=members["owner"].user, body="Fine", status="approved"
    )
    report = CommentReport.objects.create(comment=approved, reporter=members["verified_other"].user)
    client.force_login(staff["moderator"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "Community: waiting for a moderator" in html
    # members["unverified"], and members["shared_domain"]: a gov.uk address proves nothing
    assert "Members waiting to be verified: 2" in html
    assert "Comments waiting for moderation: 1" in html
    assert "Comment reports not yet resolved: 1" in html
    assert "Declaration signatures waiting for review" not in html  # none waiting
    for link in (
        "/admin/snippets/community/memberprofile/?verification_status=pending",
        "/admin/snippets/community/comment/?status=pending",
        "/admin/snippets/community/commentreport/?resolved=false",
    ):
        assert f'href="{link}"' in html

    listed = client.get(
        "/admin/snippets/community/memberprofile/?verification_status=pending"
    ).content.decode()
    assert members["unverified"].full_name in listed
    assert members["owner"].full_name not in listed
    comments = client.get("/admin/snippets/community/comment/?status=pending").content.decode()
    assert f"/comment/edit/{pending.pk}/" in comments
    assert f"/comment/edit/{approved.pk}/" not in comments
    resolved = CommentReport.objects.create(
        comment=pending, reporter=members["verified_same"].user, resolved=True
    )
    reports = client.get("/admin/snippets/community/commentreport/?resolved=false").content.decode()
    assert f"/commentreport/edit/{report.pk}/" in reports
    assert f"/commentreport/edit/{resolved.pk}/" not in reports


def test_the_panel_says_when_nothing_waits_and_is_absent_without_community_rights(
    client, staff, site_tree, django_user_model
):
    client.force_login(staff["moderator"])
    assert "Nothing is waiting" in client.get(reverse("wagtailadmin_home")).content.decode()

    admin_only = Group.objects.create(name="Admin access only")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer = django_user_model.objects.create_user("viewer", "viewer@example.org", "a-long-pass")
    viewer.groups.add(admin_only)
    client.force_login(viewer)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "waiting for a moderator" not in response.content.decode()
