"""Applying to a round: a draft saved as it stands, partners who confirm by an emailed link,
and submission refused, with a GOV.UK message, for every rule the round sets."""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from core.models import Principle
from funding import services
from funding.models import ApplicationPartner, ApplicationStatus, FundingApplication
from funding.services import PartnerEntry

pytestmark = pytest.mark.django_db


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def start(client, round_page) -> FundingApplication:
    response = client.post(reverse("funding:apply", args=[round_page.pk]))
    assert response.status_code == 302, response.content[:500]
    return FundingApplication.objects.latest("pk")


def complete_form(signatories, **overrides) -> dict:
    data = {
        "project_title": "Shared housing repairs service",
        "phase": "discovery",
        "amount_requested": "90000",
        "problem": "Tenants cannot report repairs online.",
        "users": "Council tenants and repairs staff.",
        "plan": "Twelve weeks of user research with three councils.",
        "principles": [str(Principle.objects.order_by("number").first().pk)],
        "partner_1_organisation": str(signatories["b"].pk),
        "partner_1_name": "Bea Partner",
        "partner_1_email": "bea@council-b.gov.uk",
        "budget_1_description": "User research",
        "budget_1_amount": "60000",
        "budget_2_description": "Service design",
        "budget_2_amount": "30000",
        "action": "save",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def confirm_link(message) -> str:
    return re.search(r"https?://\S+/funding/partners/[0-9a-f-]+/", message.body).group(0)


def test_a_member_applies_with_a_partner_who_confirms_by_email_then_submits(
    applicant, signatories, open_round, django_capture_on_commit_callbacks
):
    client = signed_in(applicant.user)
    application = start(client, open_round)
    edit_url = reverse("funding:application_edit", args=[application.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, complete_form(signatories))
    assert response.status_code == 302
    invitation = next(m for m in mail.outbox if m.to == ["bea@council-b.gov.uk"])
    assert "Round 7" in invitation.body

    # Submitting before the partner confirms is refused, and says who is missing.
    response = client.post(edit_url, complete_form(signatories, action="submit"))
    assert response.status_code == 400
    assert "Bea Partner at Council B has not confirmed yet" in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT

    link = confirm_link(invitation)
    path = link.split("://", 1)[1].split("/", 1)[1]
    anonymous = Client()
    assert "Is Council B a partner" in anonymous.get(f"/{path}").content.decode()
    assert anonymous.post(f"/{path}").status_code == 200
    assert ApplicationPartner.objects.get().confirmed_at is not None

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, complete_form(signatories, action="submit"))
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert application.budget_total == 90_000
    assert [m.to for m in mail.outbox] == [[applicant.user.email]]
    # A submitted application can no longer be changed.
    assert client.get(edit_url).status_code == 404


def test_saving_a_draft_again_does_not_email_a_partner_twice(
    applicant, signatories, open_round, django_capture_on_commit_callbacks
):
    client = signed_in(applicant.user)
    application = start(client, open_round)
    edit_url = reverse("funding:application_edit", args=[application.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url, complete_form(signatories))
        client.post(edit_url, complete_form(signatories, plan="A longer plan."))
    assert [m.to for m in mail.outbox] == [["bea@council-b.gov.uk"]]
    application.refresh_from_db()
    assert application.plan == "A longer plan."


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"partner_1_organisation": "", "partner_1_name": "", "partner_1_email": ""},
            "Add at least 1 partner organisation: Round 7 needs 2 signatory organisations",
        ),
        (
            {"amount_requested": "400000", "budget_1_amount": "370000"},
            "The amount requested must be £100,000 or less",
        ),
        ({"budget_2_amount": "1"}, "The budget lines add up to £60,001"),
        ({"phase": "", "amount_requested": ""}, "Select the phase you are applying for"),
        ({"problem": ""}, "Describe the problem the project solves"),
        ({"principles": None}, "Select the principles the project serves"),
    ],
)
def test_each_rule_of_the_round_has_its_own_message_and_nothing_is_submitted(
    applicant, signatories, open_round, overrides, message
):
    client = signed_in(applicant.user)
    application = start(client, open_round)
    ApplicationPartner.objects.filter(application=application).delete()
    response = client.post(
        reverse("funding:application_edit", args=[application.pk]),
        complete_form(signatories, action="submit", **overrides),
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_a_partner_that_has_not_signed_is_refused_at_submission(applicant, signatories, open_round):
    application = services.application_start(round_page=open_round, profile=applicant)
    services.application_save(
        application=application,
        fields={
            "project_title": "P",
            "phase": "discovery",
            "amount_requested": 10,
            "problem": "x",
            "users": "y",
            "plan": "z",
        },
        principles=Principle.objects.all()[:1],
        partners=[PartnerEntry(signatories["c"], "Cy", "cy@council-c.gov.uk")],
        budget_lines=[("Research", 10)],
    )
    problems = services.submission_problems(application)
    assert (
        "partners",
        "Council C has not signed the Local Digital Declaration; every partner must be a signatory",
    ) in problems


def test_a_third_lead_bid_in_a_round_is_refused_and_partnering_still_allowed(
    applicant, signatories, open_round, make_member
):
    client = signed_in(applicant.user)
    start(client, open_round)
    start(client, open_round)
    response = client.post(reverse("funding:apply", args=[open_round.pk]))
    assert response.status_code == 409
    assert "already leads 2 applications in Round 7" in response.content.decode()
    # Council A can still partner in Council B's bid.
    other = make_member("bidder", signatories["b"])
    bid = services.application_start(round_page=open_round, profile=other)
    services.application_save(
        application=bid,
        fields={},
        principles=[],
        budget_lines=[],
        partners=[PartnerEntry(signatories["a"], "Al", "al@council-a.gov.uk")],
    )
    assert bid.partners.get().organisation == signatories["a"]


def test_a_withdrawn_bid_frees_its_lead_place(applicant, signatories, open_round):
    first = services.application_start(round_page=open_round, profile=applicant)
    services.application_start(round_page=open_round, profile=applicant)
    services.application_withdraw(first)
    assert services.application_start(round_page=open_round, profile=applicant).pk


def test_a_closed_round_takes_no_application(applicant, closed_round):
    response = signed_in(applicant.user).post(reverse("funding:apply", args=[closed_round.pk]))
    assert response.status_code == 409
    assert "Round 6 is not open for applications: it closed on" in response.content.decode()


def test_an_organisation_that_has_not_signed_cannot_lead(make_member, signatories, open_round):
    outsider = make_member("outsider", signatories["c"])
    response = signed_in(outsider.user).post(reverse("funding:apply", args=[open_round.pk]))
    assert response.status_code == 403
    assert "Council C has not signed it yet" in response.content.decode()


def test_a_round_for_councils_only_refuses_another_kind_of_lead(make_member, open_round):
    from tests import factories

    body = factories.OrganisationFactory(
        code="NHS", slug="an-nhs-body", name="An NHS body", organisation_type="other"
    )
    factories.SignatureFactory(organisation=body)
    member = make_member("nhs", body)
    response = signed_in(member.user).post(reverse("funding:apply", args=[open_round.pk]))
    assert response.status_code == 403
    assert "only councils can lead" in response.content.decode()


def test_a_draft_posted_after_the_session_expired_is_kept_and_shown_after_sign_in(
    applicant, signatories, open_round
):
    client = signed_in(applicant.user)
    application = start(client, open_round)
    edit_url = reverse("funding:application_edit", args=[application.pk])
    client.logout()  # the session expired while they typed

    response = client.post(edit_url, complete_form(signatories, plan="Typed before expiry."))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"] or "login" in response["Location"]
    application.refresh_from_db()
    assert application.plan == ""  # nothing saved for someone not signed in

    client.force_login(applicant.user)
    page = client.get(edit_url).content.decode()
    assert "Typed before expiry." in page
    assert "You were signed out before your changes were saved" in page


def test_a_partner_link_stops_working_when_the_contact_changes(
    applicant, signatories, open_round, django_capture_on_commit_callbacks
):
    application = services.application_start(round_page=open_round, profile=applicant)
    entry = PartnerEntry(signatories["b"], "Bea", "bea@council-b.gov.uk")
    with django_capture_on_commit_callbacks(execute=True):
        services.application_save(
            application=application, fields={}, principles=[], budget_lines=[], partners=[entry]
        )
    old_token = ApplicationPartner.objects.get().token
    with django_capture_on_commit_callbacks(execute=True):
        services.application_save(
            application=application,
            fields={},
            principles=[],
            budget_lines=[],
            partners=[PartnerEntry(signatories["b"], "Ben", "ben@council-b.gov.uk")],
        )
    assert Client().get(f"/funding/partners/{old_token}/").status_code == 404
    assert [m.to for m in mail.outbox] == [["bea@council-b.gov.uk"], ["ben@council-b.gov.uk"]]
