"""An application bids for a Declaration project its organisation leads; a funded project
shows its award and what it owes on its page; continuous funding takes only funded projects'
next phases."""

from django.test import Client
from django.urls import reverse

import pytest

from core.models import Principle
from funding import services
from funding.models import FundingApplication, FundingRoundPage
from funding.services import PartnerEntry
from projects.models import ProjectPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(make_page, signatories):
    return make_page(
        ProjectPage, title="Shared repairs reporting", lead_organisation=signatories["a"]
    )


def complete(application, signatories, *, project=None, phase="discovery"):
    services.application_save(
        application=application,
        fields={
            "project": project,
            "project_title": "Shared repairs reporting",
            "phase": phase,
            "amount_requested": 50_000,
            "problem": "Phone only.",
            "users": "Tenants.",
            "plan": "Research.",
        },
        principles=Principle.objects.all()[:1],
        partners=[PartnerEntry(signatories["b"], "Bea", "bea@council-b.gov.uk")],
        budget_lines=[("Research", 50_000)],
    )
    services.partner_confirm(application.partners.get())


def test_the_form_offers_only_the_projects_the_lead_organisation_leads(
    applicant, signatories, open_round, project, make_page
):
    other = make_page(ProjectPage, title="Council B's project", lead_organisation=signatories["b"])
    application = services.application_start(round_page=open_round, profile=applicant)
    client = Client()
    client.force_login(applicant.user)
    url = reverse("funding:application_edit", args=[application.pk])
    page = client.get(url).content.decode()
    assert "Shared repairs reporting" in page
    assert "Council B&#x27;s project" not in page
    assert "Council B's project" not in page

    response = client.post(url, {"project": str(other.pk), "project_title": "x", "action": "save"})
    assert response.status_code == 400
    assert "Select a project from the list" in response.content.decode()
    response = client.post(
        url, {"project": str(project.pk), "project_title": "x", "action": "save"}
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.project == project


def test_a_funded_project_shows_its_award_and_what_it_must_publish(
    applicant, signatories, open_round, project
):
    FundingRoundPage.objects.filter(pk=open_round.pk).update(
        outputs_required="User research findings and code under an open licence."
    )
    open_round.refresh_from_db()
    application = services.application_start(round_page=open_round, profile=applicant)
    complete(application, signatories, project=project)
    assert services.application_submit(application) == []
    page = Client().get(project.url).content.decode()
    assert "Awarded" not in page  # submitted is not funded

    services.decision_record(
        application=application, funded=True, amount=45_000, reason="Good.", user=None
    )
    page = Client().get(project.url).content.decode()
    assert "£45,000 for discovery" in page
    # Funded now, for the projects listing's facet too: the award names its source.
    assert ProjectPage.objects.get(pk=project.pk).funding_source == "Round 7"
    assert f'href="{open_round.url}"' in page
    assert "User research findings and code under an open licence." in page


def test_continuous_funding_takes_only_a_funded_projects_next_phase(
    applicant, signatories, open_round, project, make_page
):
    continuous = make_page(FundingRoundPage, title="Continuous funding", funded_projects_only=True)
    bid = services.application_start(round_page=continuous, profile=applicant)
    complete(bid, signatories, project=None, phase="alpha")
    assert (
        "project",
        "Select the Declaration project: Continuous funding is for the next "
        "phase of a project funded before",
    ) in services.submission_problems(bid)

    complete(bid, signatories, project=project, phase="alpha")
    assert (
        "project",
        "Shared repairs reporting has not been funded before; Continuous "
        "funding is only for funded projects' next phases",
    ) in services.submission_problems(bid)

    earlier = services.application_start(round_page=open_round, profile=applicant)
    complete(earlier, signatories, project=project)
    assert services.application_submit(earlier) == []
    services.decision_record(
        application=earlier, funded=True, amount=50_000, reason="Ok.", user=None
    )
    assert services.application_submit(bid) == []
    assert FundingApplication.objects.get(pk=bid.pk).status == "submitted"


def test_a_project_page_offers_its_lead_organisations_members_the_open_rounds(
    applicant, signatories, open_round, project, make_page, make_member
):
    make_page(FundingRoundPage, title="Next phases", funded_projects_only=True)
    lead_member = Client()
    lead_member.force_login(applicant.user)
    page = lead_member.get(project.url).content.decode()
    assert "Apply to Round 7" in page
    assert "Apply to Next phases" not in page  # not funded yet
    for client in (Client(), _signed_in(make_member("bea", signatories["b"]).user)):
        assert "Apply to Round" not in client.get(project.url).content.decode()

    response = lead_member.post(
        reverse("funding:apply", args=[open_round.pk]), {"project": str(project.pk)}
    )
    assert response.status_code == 302
    draft = FundingApplication.objects.latest("pk")
    assert (draft.project, draft.project_title) == (project, "Shared repairs reporting")

    complete(draft, signatories, project=project)
    assert services.application_submit(draft) == []
    services.decision_record(application=draft, funded=True, amount=40_000, reason="Ok.", user=None)
    assert "Apply to Next phases" in lead_member.get(project.url).content.decode()


def test_nobody_applies_for_a_project_their_organisation_does_not_lead(
    signatories, open_round, project, make_member
):
    other = _signed_in(make_member("ben", signatories["b"]).user)
    response = other.post(
        reverse("funding:apply", args=[open_round.pk]), {"project": str(project.pk)}
    )
    assert response.status_code == 403
    assert "Council B does not lead Shared repairs reporting" in response.content.decode()
    for bad in ("99999", "x"):
        response = other.post(reverse("funding:apply", args=[open_round.pk]), {"project": bad})
        assert response.status_code == 404
    assert not FundingApplication.objects.exists()


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client
