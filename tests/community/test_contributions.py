"""Member contributions: draft page owned by the member, Wagtail moderation, email, status."""

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.models import Page, WorkflowState

import pytest

from casestudies.models import CaseStudyPage
from community.contributions.services import contribution_types
from core.content_types import library_types
from listings import selectors as listing_selectors

CASE_STUDY = {
    "title": "Repairs booking <script>alert(1)</script>",
    "summary": "We let tenants book repairs online.",
    "problem": "Phone queues were long.",
    "approach": "We built an online booking service.\n\nThen we tested it.",
    "lessons_learned": "Start small.",
    "tags": "repairs, housing",
    "licence_confirmed": "on",
}


@pytest.fixture
def owner_client(client, members):
    client.force_login(members["owner"].user)
    return client


def submit(client, data=None, **files):
    return client.post(
        reverse("community:contribute_type", args=["case-study"]),
        {**CASE_STUDY, **(data or {}), **files},
    )


def test_submission_is_a_draft_owned_by_the_member_in_moderation(
    owner_client, members, site_tree, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):  # the email goes after the commit
        response = submit(owner_client)
    assert response.status_code == 302
    page = CaseStudyPage.objects.get()
    assert page.owner == members["owner"].user
    assert not page.live
    assert page.get_parent().specific_class.__name__ == "CaseStudyIndexPage"
    assert "<script>" not in page.title
    assert "<script" not in page.approach
    assert page.approach == "<p>We built an online booking service.</p><p>Then we tested it.</p>"
    assert list(page.organisations.all()) == [members["owner"].organisation]
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "We have received" in mail.outbox[-1].subject


def test_nothing_submitted_is_public_before_approval(owner_client, client, site_tree):
    submit(owner_client)
    page = CaseStudyPage.objects.get()
    anonymous = type(client)()
    assert anonymous.get(page.url or "/case-studies/" + page.slug + "/").status_code == 404
    assert page.pk not in [hit.page_id for hit in listing_selectors.search_listing({}).hits]
    assert (
        page.title
        not in anonymous.get(reverse("community:feed_all", args=["atom"])).content.decode()
    )


def test_approval_publishes_and_emails_the_member(
    owner_client, members, staff, site_tree, django_capture_on_commit_callbacks
):
    submit(owner_client)
    page = CaseStudyPage.objects.get()
    mail.outbox.clear()
    task_state = page.current_workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.approve(user=staff["moderator"], comment="Lovely, thank you")
    page.refresh_from_db()
    assert page.live
    assert [m.to for m in mail.outbox] == [[members["owner"].user.email]]
    assert "is published" in mail.outbox[0].subject
    assert "Lovely, thank you" in mail.outbox[0].body
    html = owner_client.get(reverse("community:contributions")).content.decode()
    assert "Published" in html


def test_changes_requested_shows_the_comment_and_the_member_can_resubmit(
    owner_client, members, staff, site_tree, django_capture_on_commit_callbacks
):
    submit(owner_client)
    page = CaseStudyPage.objects.get()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        page.current_workflow_state.current_task_state.reject(
            user=staff["moderator"], comment="Please add the costs"
        )
    assert "Changes requested" in mail.outbox[0].subject
    assert "Please add the costs" in mail.outbox[0].body
    html = owner_client.get(reverse("community:contributions")).content.decode()
    assert "Changes requested" in html
    assert "Please add the costs" in html
    edit_url = reverse("community:contribution_edit", args=[page.pk])
    form = owner_client.get(edit_url)
    assert "Phone queues were long." in form.content.decode()
    response = owner_client.post(edit_url, {**CASE_STUDY, "summary": "Now with costs."})
    assert response.status_code == 302
    page.refresh_from_db()
    state = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert page.get_latest_revision_as_object().summary == "Now with costs."
    assert not page.live


def test_in_moderation_cannot_be_edited(owner_client, site_tree):
    submit(owner_client)
    page = CaseStudyPage.objects.get()
    assert (
        owner_client.get(reverse("community:contribution_edit", args=[page.pk])).status_code == 403
    )


def test_form_errors_are_govuk_and_keep_what_was_typed(owner_client, site_tree):
    response = submit(owner_client, {"title": "", "summary": "", "licence_confirmed": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "Enter a title" in html
    assert "Enter a summary" in html
    assert "Confirm your organisation is happy to publish" in html
    assert "Phone queues were long." in html
    assert not CaseStudyPage.objects.exists()


def test_the_form_offers_a_way_out(owner_client, site_tree):
    html = owner_client.get("/contribute/case-study/").content.decode()
    assert '<a class="govuk-link" href="/contribute/">Cancel</a>' in html


def test_a_real_pdf_is_stored_as_a_wagtail_document(owner_client, site_tree):
    pdf = SimpleUploadedFile("costs.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    assert submit(owner_client, document=pdf).status_code == 302
    page = CaseStudyPage.objects.get()
    document = page.documents.get().document
    assert document.file.name.endswith(".pdf")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("costs.pdf", b"MZ\x90\x00 not a pdf", "not a real PDF"),
        ("plan.docx", b"PK\x03\x04 but not a word file", "not a real DOCX"),
        ("data.csv", b"a,b\x00\x01\x02", "not a real CSV"),
        ("tool.exe", b"MZ", "must be a PDF, DOCX"),
        ("empty.txt", b"", "The selected file is empty"),
    ],
)
def test_uploads_are_checked_by_content(owner_client, site_tree, name, content, message):
    upload = SimpleUploadedFile(name, content)
    response = submit(owner_client, document=upload)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_uploads_over_the_size_limit_are_refused(owner_client, site_tree, settings):
    settings.COMMUNITY_UPLOAD_MAX_BYTES = 100
    upload = SimpleUploadedFile("big.txt", b"x" * 101)
    assert "must be smaller than" in submit(owner_client, document=upload).content.decode()


def test_every_contribution_type_can_be_submitted(owner_client, site_tree):
    for slug, contribution_type in contribution_types().items():
        data = {"title": f"A {slug}", "summary": "S", "licence_confirmed": "on"}
        data.update({name: "Text" for name, _label in contribution_type.rich_fields})
        response = owner_client.post(reverse("community:contribute_type", args=[slug]), data)
        assert response.status_code == 302, slug
        assert contribution_type.model.objects.filter(title=f"A {slug}", live=False).exists()
    assert Page.objects.filter(live=False, title__startswith="A ").count() == len(library_types())


def test_a_case_study_says_what_it_cost_and_saved_in_pounds_as_people_write_them(
    owner_client, site_tree
):
    form = owner_client.get(reverse("community:contribute_type", args=["case-study"]))
    assert 'inputmode="numeric"' in form.content.decode()
    response = submit(owner_client, {"total_cost": "£640,000", "annual_saving": " 310000.00 "})
    assert response.status_code == 302
    page = CaseStudyPage.objects.get()
    assert (page.total_cost, page.annual_saving) == (640000, 310000)
    # Sent back for changes, the form shows the figures to edit.
    page.current_workflow_state.current_task_state.reject(user=None, comment="More detail")
    html = owner_client.get(reverse("community:contribution_edit", args=[page.pk])).content
    assert 'value="640000"' in html.decode()


@pytest.mark.parametrize("value", ["lots", "-5", "£1.5m", "1,00", "12.5", "1" * 13, "1e6"])
def test_a_sum_that_is_not_whole_pounds_is_refused_with_a_clear_message(
    owner_client, site_tree, value
):
    response = submit(owner_client, {"total_cost": value})
    assert response.status_code == 200
    assert "Enter the total cost in whole pounds, like 640000" in response.content.decode()
    assert not CaseStudyPage.objects.exists()


def test_empty_sums_stay_empty_and_a_budget_range_must_run_upwards(owner_client, site_tree):
    from casestudies.models import ProcurementBriefPage

    brief = {"title": "A brief", "summary": "S", "licence_confirmed": "on"}
    brief.update(problem="P", users="U")
    url = reverse("community:contribute_type", args=["procurement-brief"])
    response = owner_client.post(url, {**brief, "budget_min": "450,000", "budget_max": "350000"})
    assert response.status_code == 200
    assert "The highest budget must be at least the lowest budget" in response.content.decode()
    assert owner_client.post(url, {**brief, "budget_min": "", "budget_max": ""}).status_code == 302
    page = ProcurementBriefPage.objects.get()
    assert (page.budget_min, page.budget_max) == (None, None)
