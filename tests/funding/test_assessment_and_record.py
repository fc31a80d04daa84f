"""Staff assess and decide in the admin; applicants and partners are told; every application
is published once its round closes, funded or not, with the round's figures."""

import csv
import datetime
import io

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from core.models import Principle
from funding import selectors, services
from funding.models import ApplicationStatus, FundingApplication, FundingRoundPage
from funding.services import PartnerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(applicant, signatories, open_round):
    """A complete application to Round 7 with a confirmed partner, submitted."""
    application = services.application_start(round_page=open_round, profile=applicant)
    services.application_save(
        application=application,
        fields={
            "project_title": "Shared repairs service",
            "phase": "alpha",
            "amount_requested": 300_000,
            "problem": "Repairs are reported by phone.",
            "users": "Tenants.",
            "plan": "Build and test an alpha.",
        },
        principles=Principle.objects.all()[:2],
        partners=[PartnerEntry(signatories["b"], "Bea", "bea@council-b.gov.uk")],
        budget_lines=[("Developers", 200_000), ("User research", 100_000)],
    )
    services.partner_confirm(application.partners.get())
    assert services.application_submit(application) == []
    return application


@pytest.fixture
def assessor(django_user_model):
    user = django_user_model.objects.create_user("assessor", "assessor@example.org", "pw-long-1")
    user.groups.add(Group.objects.get(name="Funding assessors"))
    return user


def admin_client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def close(round_page):
    FundingRoundPage.objects.filter(pk=round_page.pk).update(
        opens_at=timezone.now() - datetime.timedelta(days=60),
        closes_at=timezone.now() - datetime.timedelta(days=1),
    )
    round_page.refresh_from_db()


def test_an_assessor_scores_every_criterion_with_reasons_or_declares_a_conflict(
    submitted, assessor
):
    client = admin_client(assessor)
    url = reverse("funding_admin:assess", args=[submitted.pk])
    criteria = list(submitted.round.specific.criteria.all())
    response = client.post(url, {f"score_{criteria[0].pk}": "4"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Give the reason for the Shared problem score" in page
    assert "Select a score for Open outputs" in page

    data = {}
    for criterion, score in zip(criteria, ("4", "5"), strict=True):
        data[f"score_{criterion.pk}"] = score
        data[f"reason_{criterion.pk}"] = f"Because {criterion.title}."
    assert client.post(url, data).status_code == 302
    assessment = submitted.assessments.get()
    # (4 × 60 + 5 × 40) / 5 = 88 out of 100.
    assert assessment.weighted_score == 88.0

    # The same assessor declaring a conflict replaces their scores.
    response = client.post(url, {"conflict_of_interest": "on", "conflict_note": "I work at B."})
    assert response.status_code == 302
    assessment = submitted.assessments.get()
    assert assessment.conflict_of_interest
    assert assessment.weighted_score is None
    assert not assessment.scores.exists()


def test_a_decision_records_its_reasons_and_tells_the_applicant_and_every_partner(
    submitted, assessor, applicant, django_capture_on_commit_callbacks
):
    client = admin_client(assessor)
    url = reverse("funding_admin:review", args=[submitted.pk])
    response = client.post(url, {"outcome": "funded", "amount_awarded": "400000", "reason": "x"})
    assert response.status_code == 400
    assert "must be £350,000 or less" in response.content.decode()

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"outcome": "funded", "amount_awarded": "280000", "reason": "A shared problem."}
        )
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.FUNDED
    assert submitted.amount_awarded == 280_000
    assert submitted.decided_by == assessor
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [applicant.user.email, "bea@council-b.gov.uk"]
    )
    assert all("A shared problem." in m.body for m in mail.outbox)


@pytest.mark.parametrize("role", ["moderator", "editor"])
def test_staff_without_the_assessors_permission_cannot_assess_or_decide(submitted, staff, role):
    client = admin_client(staff[role])
    for name in ("funding_admin:assess", "funding_admin:review"):
        url = reverse(name, args=[submitted.pk])
        assert client.get(url).status_code in (302, 403)
        assert client.post(
            url, {"outcome": "funded", "amount_awarded": "1", "reason": "x"}
        ).status_code in (302, 403)
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_applications_are_published_only_once_the_round_closes_funded_or_not(
    submitted, open_round, signatories, make_member
):
    detail = reverse("funding:application", args=[submitted.pk])
    assert Client().get(detail).status_code == 404
    assert "Shared repairs service" not in Client().get(open_round.url).content.decode()
    draft = services.application_start(
        round_page=open_round, profile=make_member("drafter", signatories["b"])
    )

    close(open_round)
    page = Client().get(open_round.url).content.decode()
    assert "Shared repairs service" in page
    assert "Every application" in page
    assert Client().get(detail).status_code == 200
    # A draft never submitted is never published.
    assert Client().get(reverse("funding:application", args=[draft.pk])).status_code == 404


def test_a_closed_rounds_figures_agree_on_the_page_and_in_the_csv(submitted, open_round, assessor):
    services.decision_record(
        application=submitted, funded=True, amount=280_000, reason="Good.", user=assessor
    )
    close(open_round)
    response = Client().get(reverse("funding:figures_csv", args=[open_round.pk]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["measure", "group", "value"]
    assert ["Awards", "All", "1"] in rows
    assert ["Amount awarded by phase (£)", "Alpha", "280000"] in rows
    assert ["Amount awarded by nation (£)", "England", "280000"] in rows
    figures = selectors.round_figures(open_round)
    assert figures["awarded_total"] == 280_000
    page = Client().get(open_round.url).content.decode()
    assert "£280,000" in page
    assert "<svg" in page
    # One table per grouping, each captioned, as the chart's words.
    for caption in ("Money awarded by phase", "Money awarded by nation", "Money awarded by region"):
        assert f">{caption}</caption>" in page


def test_an_open_rounds_figures_are_not_published(open_round):
    assert Client().get(reverse("funding:figures_csv", args=[open_round.pk])).status_code == 404


def test_a_draft_round_is_never_shown_nor_applied_to(make_page, applicant):
    draft = make_page(FundingRoundPage, title="Round 8", publish=False)
    client = admin_client(applicant.user)
    assert client.post(reverse("funding:apply", args=[draft.pk])).status_code == 404
    assert Client().get(reverse("funding:figures_csv", args=[draft.pk])).status_code == 404
    assert not FundingApplication.objects.exists()


def test_a_closed_rounds_applications_download_as_they_are_listed(
    submitted, open_round, signatories, make_member
):
    services.application_start(
        round_page=open_round, profile=make_member("drafter", signatories["b"])
    )
    csv_url = reverse("funding:applications_download", args=[open_round.pk, "csv"])
    assert Client().get(csv_url).status_code == 404  # not while it is open
    close(open_round)
    rows = list(csv.DictReader(io.StringIO(Client().get(csv_url).content.decode())))
    assert [row["project"] for row in rows] == ["Shared repairs service"]  # never the draft
    assert rows[0]["partners"] == "Council B"
    assert rows[0]["outcome"] == "Submitted"
    data = (
        Client().get(reverse("funding:applications_download", args=[open_round.pk, "json"])).json()
    )
    assert [row["reference"] for row in data["results"]] == [submitted.reference]
    assert data["results"][0]["url"].endswith(f"/funding/applications/{submitted.pk}/")
    bad = reverse("funding:applications_download", args=[open_round.pk, "xml"])
    assert Client().get(bad).status_code == 404
