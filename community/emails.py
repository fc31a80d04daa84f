"""Every email the community sends: rendered from templates, queued in the outbox.

Queued, not sent: the message is stored with the caller's transaction and delivered after
it commits (core.outbox), so a mail server that is down never rolls back what a member did.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder

from core.outbox import queue_email
from core.site_url import absolute_url, site_url

__all__ = ["absolute_url", "admin_edit_url", "html_alternative", "send", "staff_emails"]


def admin_edit_url(instance) -> str:
    """The absolute address of `instance`'s screen in the admin, for emails to staff: a link
    takes them straight to what needs them, where a menu path made them hunt for it. Each
    reader's own permissions are checked when they follow it."""
    path = AdminURLFinder().get_edit_url(instance)
    return absolute_url(path or reverse("wagtailadmin_home"))


def html_alternative(*, subject: str, text: str) -> str:
    """The HTML part of a message, made from its text part, so the two never say different
    things: the site's name at the top, paragraphs, and links made clickable."""
    return render_to_string(
        "community/emails/message.html",
        {"subject": subject, "text": text, "site_name": settings.SITE_NAME, "site_url": site_url()},
    )


def send(*, to: list[str] | str, template: str, context: dict, headers: dict | None = None) -> int:
    """Render community/emails/<template>_subject.txt and .txt and queue one message for
    each recipient; returns how many were queued.

    One message each, so one refused address waits for its own retry without holding up
    the others, and no recipient sees who else was sent it.
    """
    addresses = [to] if isinstance(to, str) else to
    recipients = list(dict.fromkeys(address for address in addresses if address))
    if not recipients:
        return 0
    context = {
        "site_name": settings.SITE_NAME,
        "admin_url": absolute_url(reverse("wagtailadmin_home")),
        **context,
    }
    subject = render_to_string(f"community/emails/{template}_subject.txt", context)
    subject = " ".join(subject.split())
    body = render_to_string(f"community/emails/{template}.txt", context)
    html = html_alternative(subject=subject, text=body)
    for recipient in recipients:
        message = EmailMultiAlternatives(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[recipient],
            # A copy each: the outbox adds a Message-ID to the dict it is given.
            headers=dict(headers or {}),
        )
        message.attach_alternative(html, "text/html")
        queue_email(message)
    return len(recipients)


def staff_emails(group_names: tuple[str, ...] = ("Moderators",)) -> list[str]:
    """The addresses of the active staff in these groups, who hear of what waits for them."""
    users = (
        get_user_model()
        .objects.filter(groups__name__in=group_names, is_active=True)
        .exclude(email="")
        .distinct()
    )
    return list(users.values_list("email", flat=True))
