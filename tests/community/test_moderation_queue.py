"""The admin home page tells each member of staff what waits for them, with links to it, and
offers to add each content type they may create."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from wagtail.models import GroupPagePermission

import pytest

from casestudies.models import BusinessCaseIndexPage, CaseStudyIndexPage, ProcurementBriefIndexPage
from community.contributions import services as contributions_services
from community.models import Comment, CommentReport, Signature, SignatureStatus
from patterns.models import ServicePatternIndexPage


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

    assert "What needs you" in html
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


def test_the_panel_says_when_nothing_waits_and_is_absent_without_any_rights(
    client, staff, site_tree, django_user_model
):
    client.force_login(staff["moderator"])
    assert "Nothing is waiting for you" in client.get(reverse("wagtailadmin_home")).content.decode()

    admin_only = Group.objects.create(name="Admin access only")
    admin_only.permissions.add(Permission.objects.get(codename="access_admin"))
    viewer = django_user_model.objects.create_user("viewer", "viewer@example.org", "a-long-pass")
    viewer.groups.add(admin_only)
    client.force_login(viewer)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "What needs you" not in response.content.decode()
    assert "Add content" not in response.content.decode()


def contribution_in_moderation(members):
    return contributions_services.contribution_submit(
        profile=members["owner"],
        contribution_type=contributions_services.contribution_type_by_slug("case-study"),
        data={
            "title": "Owner's draft",
            "summary": "Summary",
            "problem": "P",
            "approach": "A",
            "lessons_learned": "L",
        },
    )


ADD_LINKS = {
    "Add a case study": CaseStudyIndexPage,
    "Add a procurement brief": ProcurementBriefIndexPage,
    "Add a business case": BusinessCaseIndexPage,
    "Add a service pattern": ServicePatternIndexPage,
}


def assert_add_links(html):
    for label, index_model in ADD_LINKS.items():
        parent = index_model.objects.get()
        model = next(m for m in index_model.allowed_subpage_models())
        url = reverse(
            "wagtailadmin_pages:add",
            args=[model._meta.app_label, model._meta.model_name, parent.pk],
        )
        assert f'<a href="{url}">{label}</a>' in html


@pytest.mark.parametrize("role", ["moderator", "admin"])
def test_reviewers_see_pages_waiting_for_them_and_can_add_every_type(
    client, members, staff, site_tree, role
):
    contribution_in_moderation(members)
    client.force_login(staff[role])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    link = reverse("wagtailadmin_reports:workflow") + "?reviewable=true"
    assert f'<a href="{link}">Pages waiting for your review: 1</a>' in html
    assert "Members waiting to be verified: 2" in html
    assert_add_links(html)
    # The link lists that page.
    assert "Owner&#x27;s draft" in client.get(link).content.decode()


def test_editors_can_add_every_type_and_see_only_the_queues_they_work_on(
    client, members, staff, site_tree, declaration_page, org_a
):
    contribution_in_moderation(members)
    signature = Signature.objects.create(
        organisation=org_a,
        status=SignatureStatus.AWAITING_REVIEW,
        lead_name="L",
        lead_role="R",
        lead_email="lead@council-a.gov.uk",
        approver_name="A",
        approver_role="R",
        approver_email="boss@council-a.gov.uk",
    )
    client.force_login(staff["editor"])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "What needs you" in html
    assert "Declaration signatures waiting for review: 1" in html
    assert "?status=awaiting_review" in html
    # Editors do not review pages or verify members, so those never show, even when waiting.
    assert "Pages waiting for your review" not in html
    assert "Members waiting to be verified" not in html
    assert_add_links(html)
    listed = client.get(
        "/admin/snippets/community/signature/?status=awaiting_review"
    ).content.decode()
    assert f"/signature/edit/{signature.pk}/" in listed


def test_add_links_follow_page_permissions(client, site_tree, django_user_model):
    """Staff who may add pages only under the case studies see only that link."""
    group = Group.objects.create(name="Case study writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=CaseStudyIndexPage.objects.get(),
        permission=Permission.objects.get(codename="add_page"),
    )
    writer = django_user_model.objects.create_user("writer", "writer@example.org", "a-long-pass")
    writer.groups.add(group)
    client.force_login(writer)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Add a case study" in html
    assert "Add a procurement brief" not in html
    assert "Add a service pattern" not in html
    assert "What needs you" not in html
