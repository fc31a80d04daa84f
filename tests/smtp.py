"""A real SMTP server on the loopback interface (aiosmtpd, in a thread), and settings that
point the site's mail at a port of our choosing."""

import email
import email.policy
import socket
from contextlib import contextmanager
from dataclasses import dataclass

from aiosmtpd.controller import Controller


def free_port() -> int:
    """A port on 127.0.0.1 nothing listens on (the system just handed it out and it is closed)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def point_mail_at(settings, port: int) -> None:
    """Every email the site sends goes by SMTP to 127.0.0.1:`port`, without TLS or login."""
    smtp = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_BACKEND = smtp
    settings.MAILER_EMAIL_BACKEND = smtp
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5


@dataclass(frozen=True)
class Delivered:
    recipients: tuple[str, ...]
    subject: str
    message_id: str


class RecordingHandler:
    """Takes every message it is given, except for the addresses in `refused` (550)."""

    def __init__(self, refused=()):
        self.refused = set(refused)
        self.delivered: list[Delivered] = []

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refused:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.delivered.append(
            Delivered(
                recipients=tuple(envelope.rcpt_tos),
                subject=str(parsed["Subject"]),
                message_id=str(parsed["Message-ID"]),
            )
        )
        return "250 Message accepted for delivery"


@contextmanager
def smtp_server(port: int, *, refused=()):
    """Run a real SMTP server on 127.0.0.1:`port` for the duration of the block."""
    handler = RecordingHandler(refused=refused)
    controller = Controller(handler, hostname="127.0.0.1", port=port, ready_timeout=10)
    controller.start()
    try:
        yield handler
    finally:
        controller.stop()
