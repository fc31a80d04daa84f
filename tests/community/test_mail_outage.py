"""Nothing a member submits is lost when the mail server fails (issue 13).

The mail server here is real: first a port nothing listens on, then an SMTP server
(aiosmtpd) started on that port, and the retry is the command a deployment runs from cron.
"""

from django.core.management import call_command
from django.urls import reverse

import pytest
from mailer.models import Message

from casestudies.models import CaseStudyPage
from community.declaration import services as declaration_services
from community.models import MemberProfile, Signature, SignatureStatus
from core.outbox import failed_attempts
from localdigital.settings import base as base_settings
from tests import factories
from tests.community.test_accounts import SIGNUP
from tests.community.test_contributions import CASE_STUDY
from tests.community.test_declaration import APPLICATION
from tests.smtp import free_port, point_mail_at, smtp_server


@pytest.fixture
def mail_server_port(settings):
    """The site's mail points at a free port on 127.0.0.1: a mail server that is down."""
    port = free_port()
    point_mail_at(settings, port)
    return port


def waiting_recipients() -> list[str]:
    return sorted(address for message in Message.objects.all() for address in message.to_addresses)


def test_a_contribution_and_a_signature_are_kept_while_the_mail_server_is_down_and_mailed_once_it_is_back(
    client, members, site_tree, declaration_page, org_a, mail_server_port,
    django_capture_on_commit_callbacks,
):  # fmt: skip
    member = members["owner"]
    client.force_login(member.user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("community:contribute_type", args=["case-study"]), CASE_STUDY
        )
    assert response.status_code == 302
    contribution = CaseStudyPage.objects.get(owner=member.user)

    client.logout()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            declaration_page.url + "sign/", {**APPLICATION, "organisation": org_a.pk}
        )
    assert response.status_code == 302
    assert Signature.objects.get(organisation=org_a).status == SignatureStatus.AWAITING_APPROVER

    # Every email waits, each with the attempt that failed and why.
    expected = sorted([member.user.email, APPLICATION["approver_email"], APPLICATION["lead_email"]])
    assert waiting_recipients() == expected
    for message in Message.objects.all():
        attempts = failed_attempts(message)
        assert len(attempts) == 1
        assert "Connection refused" in attempts[0].log_message

    with smtp_server(mail_server_port) as server:
        call_command("deliver_waiting_email")
        call_command("deliver_waiting_email")  # a second run finds nothing left to send

    assert not Message.objects.exists()
    assert sorted((item.recipients, item.subject) for item in server.delivered) == sorted(
        [
            ((member.user.email,), f"We have received “{contribution.title}”"),
            (
                (APPLICATION["approver_email"],),
                "Confirm that Council A signs the Local Digital Declaration",
            ),
            (
                (APPLICATION["lead_email"],),
                "Your application to sign the Local Digital Declaration",
            ),
        ]
    )
    assert len({item.message_id for item in server.delivered}) == 3


def test_a_refused_address_waits_on_its_own_and_the_others_are_delivered_once(settings, db):
    """The decision goes to the lead and the approver; the server refuses the approver's
    address. The lead has it at once; the approver's waits, and is sent once the server
    takes it, without the lead getting a second copy."""
    port = free_port()
    point_mail_at(settings, port)
    signature = factories.SignatureFactory(
        status=SignatureStatus.AWAITING_REVIEW,
        lead_email="lead@council-a.gov.uk",
        approver_email="approver@council-a.gov.uk",
    )
    signature.status = SignatureStatus.APPROVED
    with smtp_server(port, refused={"approver@council-a.gov.uk"}) as server:
        declaration_services.signature_reviewed(
            signature=signature, previous_status=SignatureStatus.AWAITING_REVIEW
        )
        call_command("deliver_waiting_email")

    assert [item.recipients for item in server.delivered] == [("lead@council-a.gov.uk",)]
    assert waiting_recipients() == ["approver@council-a.gov.uk"]
    waiting = Message.objects.get()
    assert [attempt.log_message for attempt in failed_attempts(waiting)][0].startswith(
        "SMTPRecipientsRefused"
    )

    with smtp_server(port) as server:
        call_command("deliver_waiting_email")
    assert [item.recipients for item in server.delivered] == [("approver@council-a.gov.uk",)]
    assert server.delivered[0].subject == (
        f"{signature.organisation.name} has signed the Local Digital Declaration"
    )
    assert not Message.objects.exists()


def test_a_sign_up_is_kept_while_the_mail_server_is_down_and_its_confirmation_sent_later(
    client, org_a, mail_server_port, settings, django_capture_on_commit_callbacks
):
    """allauth sends its own mail, through EMAIL_BACKEND: the settings' outbox backend
    (Django's test runner swaps in its in-memory one, so it is put back here)."""
    settings.EMAIL_BACKEND = base_settings.EMAIL_BACKEND
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("account_signup"), {**SIGNUP, "organisation": org_a.pk})
    assert response.status_code == 302
    assert MemberProfile.objects.filter(user__email=SIGNUP["email"]).exists()
    assert waiting_recipients() == [SIGNUP["email"]]

    with smtp_server(mail_server_port) as server:
        call_command("deliver_waiting_email")
        call_command("deliver_waiting_email")

    assert [item.recipients for item in server.delivered] == [(SIGNUP["email"],)]
    assert "Confirm" in server.delivered[0].subject
    assert not Message.objects.exists()
