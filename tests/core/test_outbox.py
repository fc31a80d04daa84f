"""The email outbox (core.outbox): mail goes after the commit, once, and waits when it fails.

Real commits (transaction=True) where the commit is the point (serialized_rollback: an
earlier transactional test's flush would have taken the rows the migrations create), a real SMTP server where
delivery is, and the production task backend (django-tasks-db) with its own worker.
"""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

import pytest
from django_tasks_db.models import DBTaskResult
from mailer.models import Message

from community.declaration import services as declaration_services
from community.members import services as members_services
from core.outbox import deliver_email, failed_attempts
from tests import factories
from tests.smtp import free_port, point_mail_at, smtp_server

SIGNATORY = {
    "lead_name": "Dana Lead",
    "lead_role": "Head of Digital",
    "lead_email": "dana.lead@council-a.gov.uk",
    "approver_name": "Chris Chief",
    "approver_role": "Chief Executive",
    "approver_email": "chris.chief@council-a.gov.uk",
}
COMMITMENT = {"title": "Open our repairs pattern", "mission": "Publish it.", "impact": "Reuse."}


def apply_to_sign(organisation):
    return declaration_services.signature_apply(
        organisation=organisation, signatory=SIGNATORY, commitment=COMMITMENT
    )


class LaterStepFailed(Exception):
    pass


@transaction.atomic
def apply_then_fail(organisation):
    """A request that applies to sign, then fails at a later step of the same transaction."""
    apply_to_sign(organisation)
    raise LaterStepFailed


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_from_a_transaction_that_rolls_back_is_never_sent():
    organisation = factories.OrganisationFactory(code="AAA", name="Council A")
    with pytest.raises(LaterStepFailed):
        apply_then_fail(organisation)

    assert mail.outbox == []
    assert not Message.objects.exists()
    call_command("deliver_waiting_email", stdout=StringIO())
    assert mail.outbox == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_mail_from_a_committed_transaction_is_sent_after_the_commit_and_once():
    organisation = factories.OrganisationFactory(code="AAA", name="Council A")
    with transaction.atomic():
        apply_to_sign(organisation)
        assert mail.outbox == []  # nothing leaves before the commit

    assert sorted(message.to[0] for message in mail.outbox) == [
        SIGNATORY["approver_email"],
        SIGNATORY["lead_email"],
    ]
    assert not Message.objects.exists()
    call_command("deliver_waiting_email", stdout=StringIO())  # what cron runs later
    assert len(mail.outbox) == 2


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_message_that_cannot_be_built_waits_without_holding_up_the_queue(settings):
    """Both wait while the mail server is down; when the retry runs, the first in line has
    an address no mail can be built for. django-mailer's own error handler re-raises
    anything but SMTP and network errors, which would stop every run at that message."""
    port = free_port()
    point_mail_at(settings, port)
    members_services.member_verification_changed(
        profile=_member_with_address("two@at@signs.example"), previous_status="pending"
    )
    members_services.member_verification_changed(
        profile=_member_with_address("dana@council-a.gov.uk"), previous_status="pending"
    )
    assert Message.objects.count() == 2

    with smtp_server(port) as server:
        call_command("deliver_waiting_email", stdout=StringIO())

    assert [item.recipients for item in server.delivered] == [("dana@council-a.gov.uk",)]
    waiting = Message.objects.get()
    assert waiting.to_addresses == ["two@at@signs.example"]
    assert failed_attempts(waiting)[-1].log_message.startswith("ValueError")


def _member_with_address(address):
    from django.contrib.auth import get_user_model

    from community.models import MemberProfile, VerificationStatus

    user = get_user_model().objects.create_user(address.replace("@", "-"), address, "pw-long-1")
    return MemberProfile.objects.create(
        user=user,
        full_name="Dana",
        organisation=factories.OrganisationFactory(code="AAA", name="Council A"),
        verification_status=VerificationStatus.VERIFIED,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_database_task_backend_and_its_worker_deliver_and_retry_the_mail(settings):
    """Production's backend: the task waits in the database until `db_worker` runs it; a
    delivery that fails is tried again by a task the worker runs later."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    port = free_port()
    point_mail_at(settings, port)
    organisation = factories.OrganisationFactory(code="AAA", name="Council A")

    def run_worker():
        call_command("db_worker", batch=True, startup_delay=False, reload=False, stdout=StringIO())

    with smtp_server(port) as server:
        apply_to_sign(organisation)
        assert server.delivered == []  # queued, not sent by the request
        assert DBTaskResult.objects.filter(task_path=deliver_email.module_path).count() == 2
        run_worker()
    assert sorted(item.recipients for item in server.delivered) == [
        (SIGNATORY["approver_email"],),
        (SIGNATORY["lead_email"],),
    ]
    assert not Message.objects.exists()

    # The mail server is down when the worker tries the next one: it waits, and the task
    # schedules its own retry.
    members_services.member_verification_changed(
        profile=_member_with_address("dana@council-a.gov.uk"), previous_status="pending"
    )
    run_worker()
    waiting = Message.objects.get()
    assert len(failed_attempts(waiting)) == 1
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["args"] == [waiting.pk, 2]
    assert retry.run_after > timezone.now() + timedelta(seconds=30)

    with smtp_server(port) as server:
        run_worker()  # not due yet: nothing is sent
        assert server.delivered == []
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())  # time passes
        run_worker()
        run_worker()  # nothing left: no second copy
    assert [item.recipients for item in server.delivered] == [("dana@council-a.gov.uk",)]
    assert not Message.objects.exists()
