"""Every email the community sends: rendered from templates, sent through Django's mail API."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string


def absolute_url(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(*, to: list[str] | str, template: str, context: dict, headers: dict | None = None) -> int:
    """Render community/emails/<template>_subject.txt and .txt and send them."""
    recipients = [to] if isinstance(to, str) else [address for address in to if address]
    if not recipients:
        return 0
    context = {"site_name": settings.SITE_NAME, "admin_url": absolute_url("/admin/"), **context}
    subject = render_to_string(f"community/emails/{template}_subject.txt", context)
    subject = " ".join(subject.split())
    body = render_to_string(f"community/emails/{template}.txt", context)
    message = EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        headers=headers or {},
    )
    return message.send(fail_silently=False)
