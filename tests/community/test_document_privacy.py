"""A document is served to the public only while a live, public page uses it (issue 14):
drafts, pages in moderation, restricted pages and deleted accounts leave nothing by URL."""

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.models import Collection, PageViewRestriction

import pytest

from casestudies.models import CaseStudyPage
from community.contributions import services as contributions_services
from community.members import services as members_services
from localdigital.urls import development_media_urlpatterns

CASE_STUDY = {
    "title": "Repairs booking",
    "summary": "We let tenants book repairs online.",
    "problem": "Phone queues were long.",
    "approach": "We built an online booking service.",
    "lessons_learned": "Start small.",
    "tags": "repairs",
    "licence_confirmed": "on",
}


def pdf():
    return SimpleUploadedFile("costs.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")


@pytest.fixture
def contribution(client, members, site_tree):
    """A case study a member sent with a document: a draft in moderation."""
    client.force_login(members["owner"].user)
    response = client.post(
        reverse("community:contribute_type", args=["case-study"]),
        {**CASE_STUDY, "document": pdf()},
    )
    assert response.status_code == 302
    client.logout()
    page = CaseStudyPage.objects.get(title="Repairs booking")
    return page, page.documents.get().document


def publish(page, staff):
    task_state = page.current_workflow_state.current_task_state
    task_state.approve(user=staff["moderator"], comment="")
    page.refresh_from_db()
    return page


def status(document, user=None) -> int:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client.get(document.url).status_code


def test_a_document_of_a_page_in_moderation_is_not_public(contribution, members):
    page, document = contribution
    assert page.current_workflow_state is not None
    assert not page.live
    assert status(document) == 404
    assert status(document, members["verified_same"].user) == 404


def test_member_uploads_wait_in_a_private_collection(contribution):
    _page, document = contribution
    assert document.collection != Collection.get_first_root_node()
    assert document.collection.get_view_restrictions().exists()


def test_a_document_of_a_draft_is_not_public(contribution, staff):
    page, document = contribution
    page.current_workflow_state.cancel(user=staff["moderator"])
    assert status(document) == 404


def test_a_document_of_a_live_public_page_is_public(contribution, staff):
    page, document = contribution
    page = publish(page, staff)
    assert page.live
    response = Client().get(document.url)
    assert response.status_code == 200
    # No shared cache keeps it, so unpublishing the page later takes it away at once.
    assert "private" in response["Cache-Control"]
    assert "no-cache" in response["Cache-Control"]
    document.refresh_from_db()
    assert not document.collection.get_view_restrictions().exists()


def test_a_document_of_an_unpublished_page_is_not_public_again(contribution, staff):
    page, document = contribution
    publish(page, staff).unpublish()
    assert status(document) == 404


def test_a_document_of_a_password_restricted_page_needs_the_pages_password(
    contribution, staff, members
):
    page, document = contribution
    page = publish(page, staff)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="a-page-password"
    )
    assert status(document) == 404
    assert status(document, members["verified_same"].user) == 404
    # Whoever has entered the page's password may read the page, and so its documents.
    reader = Client()
    reader.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk]),
        {"password": "a-page-password", "return_url": page.url},
    )
    assert reader.get(page.url).status_code == 200
    assert reader.get(document.url).status_code == 200


def test_a_document_of_a_login_restricted_page_is_for_signed_in_readers_only(
    contribution, staff, members
):
    page, document = contribution
    page = publish(page, staff)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert status(document) == 404
    assert status(document, members["verified_same"].user) == 200


def test_lifting_a_restriction_releases_the_members_documents(
    contribution, staff, django_capture_on_commit_callbacks
):
    page, document = contribution
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    page = publish(page, staff)
    document.refresh_from_db()
    assert document.collection.name == contributions_services.MEMBER_UPLOADS_COLLECTION
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert status(document) == 200


def test_an_editors_document_on_a_draft_page_is_not_public(site_tree, staff):
    from tests.factories import CaseStudyPageFactory

    Document = get_document_model()
    document = Document(title="Draft brief")
    document.file.save("draft-brief.pdf", pdf(), save=False)
    document.save()
    page = CaseStudyPageFactory(live=False)
    page.documents.create(document=document)
    page.save()
    assert status(document) == 404
    page.save_revision().publish()
    assert status(document) == 200


def test_staff_still_open_unpublished_documents(contribution, staff):
    _page, document = contribution
    for role in ("moderator", "editor", "admin"):
        assert status(document, staff[role]) == 200, role


def test_a_deleted_accounts_unpublished_documents_go_with_it(contribution, members):
    _page, document = contribution
    url = document.url
    members_services.member_delete(user=members["owner"].user)
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    assert Client().get(url).status_code == 404


def test_a_deleted_accounts_published_documents_stay(contribution, members, staff):
    page, document = contribution
    publish(page, staff)
    members_services.member_delete(user=members["owner"].user)
    assert get_document_model().objects.filter(pk=document.pk).exists()
    assert status(document) == 200


def test_documents_are_never_served_from_the_media_url(contribution):
    _page, document = contribution
    assert document.file.name.startswith("documents/")
    assert Client().get("/media/" + document.file.name).status_code == 404
    # Development serves MEDIA_URL (DEBUG), but never its documents/.
    (pattern,) = development_media_urlpatterns()
    assert pattern.resolve("media/" + document.file.name) is None
    assert pattern.resolve("media/images/a-picture.jpg") is not None


def test_the_api_lists_no_private_document(contribution):
    _page, document = contribution
    data = Client().get("/api/v2/documents/").json()
    assert document.pk not in [item["id"] for item in data["items"]]


def test_the_moderators_group_exists(db):
    # The private collection lets these groups in; a rename would lock staff out.
    assert Group.objects.filter(name__in=["Moderators", "Editors"]).count() == 2
