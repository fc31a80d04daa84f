"""Reads about organisations that other apps ask: which email domains stand for one."""

from organisations.domains import domain_is_shared, matching_domain
from organisations.models import Organisation


def organisation_email_domains(organisation: Organisation) -> list[str]:
    """The organisation's own email domains; a shared host is never one, even if it was
    stored before the rules refused it (entered in the shell, or by an older version)."""
    return [domain for domain in organisation.email_domain_names if not domain_is_shared(domain)]


def email_domain_match(*, email: str, organisation: Organisation) -> str:
    """The organisation's email domain the address is on (itself or a subdomain), or ""."""
    return matching_domain(email=email, domains=organisation_email_domains(organisation))
