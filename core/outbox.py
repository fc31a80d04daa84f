"""The email outbox: mail waits in the database until a mail server has accepted it.

A message is stored in django-mailer's queue inside the caller's transaction, so it commits
or rolls back with the work it is about; once that transaction has committed, a task
delivers it. A delivery that fails (the mail server down, an address refused) leaves the
message waiting, with each attempt and its error in django-mailer's log, for the next try:
the task's own retry where the task backend can run work later, and `manage.py
deliver_waiting_email` from cron on every configuration. So nothing a member submitted is
rolled back or lost because mail could not be sent, and the page they see is not an error.

Why the pieces fit (docs/background-work.md has the whole picture):
- Each message is sent inside its own short transaction that locks its row and deletes it
  once sent (django-mailer's `send_all`): two senders at once (a worker and cron) never send
  the same message twice, and a message sent is never retried.
- A failure of any kind leaves only that message waiting (`keep_for_retry`), so one bad
  address or one broken message never holds up the mail behind it.
"""

import logging
from functools import partial

from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import make_msgid
from django.core.mail.utils import DNS_NAME
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from django_tasks import task
from mailer.engine import send_all
from mailer.models import (
    PRIORITY_MEDIUM,
    RESULT_FAILURE,
    Message,
    MessageLog,
    get_message_id,
)

from core.retries import BACKGROUND_RETRY_DELAYS

logger = logging.getLogger(__name__)

# How long the task waits before each further try of a message the mail server did not
# take, on task backends that can run work later. After the last one the message still
# waits: the cron command keeps trying it.
RETRY_DELAYS = BACKGROUND_RETRY_DELAYS


def queue_email(message: EmailMessage) -> Message:
    """Store `message` to be sent once the current transaction commits (at once outside one)."""
    if get_message_id(message) is None:
        # Fixed now rather than at each attempt, so every attempt's log entry names the same
        # message, and a receiving server sees one message however often it was tried.
        message.extra_headers["Message-ID"] = make_msgid(domain=DNS_NAME)
    waiting = Message(email=message)
    waiting.save()
    # robust: the member's work is committed by now; a queue that cannot take the task must
    # not turn their page into an error. The message still waits for the cron command.
    transaction.on_commit(partial(deliver_email.enqueue, waiting.pk), robust=True)
    return waiting


class OutboxBackend(BaseEmailBackend):
    """EMAIL_BACKEND: mail that other packages send through Django's mail API (allauth's
    address confirmations and password resets, Wagtail's moderation notifications) waits in
    the outbox like the site's own, instead of failing with the mail server."""

    def send_messages(self, email_messages) -> int:
        for message in email_messages:
            queue_email(message)
        return len(email_messages)


def keep_for_retry(connection, message: Message, error: Exception):
    """MAILER_ERROR_HANDLER: whatever went wrong, keep the message waiting and go on.

    django-mailer's own handler keeps it only for SMTP and network errors and re-raises any
    other (a malformed address raises ValueError), which stops every delivery run at that
    message and holds up all the mail queued behind it.
    """
    message.defer()
    MessageLog.objects.log(message, RESULT_FAILURE, log_message=f"{type(error).__name__}: {error}")
    logger.warning("Email %s not delivered, kept for a retry: %s", message.pk, error)
    return None, "deferred"  # no connection: the next message opens a fresh one


def deliver(message_id: int, *, retry: bool = False) -> bool:
    """Try to send one waiting message now. True when it is sent (by this call or another).

    `retry` puts a message an earlier attempt failed back in line first, counting the retry.
    """
    if retry:
        Message.objects.deferred().filter(pk=message_id).update(
            priority=PRIORITY_MEDIUM, retry_count=F("retry_count") + 1
        )
    in_line = Message.objects.non_deferred().filter(pk=message_id)
    # send_all treats an empty queryset as "the whole queue", so it is only called with one
    # that holds the message. Should another sender take it in between, this run sends the
    # rest of the queue instead: each message under its own lock, so still each once.
    if in_line.exists():
        send_all(in_line)
    return not Message.objects.filter(pk=message_id).exists()


def deliver_waiting() -> dict[str, int]:
    """What cron runs: put every failed message back in line, then send the whole queue."""
    retried = Message.objects.retry_deferred()
    send_all()
    return {"retried": retried, "still_waiting": Message.objects.count()}


def failed_attempts(message: Message) -> list[MessageLog]:
    """Every failed attempt to send `message`, oldest first, each with its error."""
    return list(
        MessageLog.objects.filter(
            message_id=get_message_id(message.email), result=RESULT_FAILURE
        ).order_by("when_attempted", "pk")
    )


@task()
def deliver_email(message_id: int, attempt: int = 1) -> bool:
    """Send one queued message; if it fails, try again later where the backend allows."""
    sent = deliver(message_id, retry=attempt > 1)
    can_run_later = deliver_email.get_backend().supports_defer
    if not sent and can_run_later and attempt <= len(RETRY_DELAYS):
        deliver_email.using(run_after=timezone.now() + RETRY_DELAYS[attempt - 1]).enqueue(
            message_id, attempt + 1
        )
    return sent
