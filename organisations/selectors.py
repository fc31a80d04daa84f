"""Reads about organisations: which ones a directory search names, which email domains stand
for one."""

from django.db.models import Case, Q, QuerySet, When

from organisations import names
from organisations.domains import domain_is_shared, matching_domain
from organisations.models import Organisation


def organisation_email_domains(organisation: Organisation) -> list[str]:
    """The organisation's own email domains; a shared host is never one, even if it was
    stored before the rules refused it (entered in the shell, or by an older version)."""
    return [domain for domain in organisation.email_domain_names if not domain_is_shared(domain)]


def email_domain_match(*, email: str, organisation: Organisation) -> str:
    """The organisation's email domain the address is on (itself or a subdomain), or ""."""
    return matching_domain(email=email, domains=organisation_email_domains(organisation))


def organisations_matching(organisations: QuerySet, *, query: str) -> QuerySet:
    """The organisations among `organisations` that `query` names, best matches first.

    A query is a code (BNE), a GSS code (E09000003) or a name however people write it:
    every distinctive word of the query must start a word of the short or official name,
    so "barnet council", "London Borough of Barnet" and "LB Barnet" all find Barnet. A
    query of generic words only ("county council") matches them as typed. Names are
    compared in Python: the directory holds hundreds of rows, read once as three columns.
    """
    query = query.strip()
    if not query:
        return organisations
    by_code = Q(code__iexact=query) | Q(gss_code__iexact=query)
    wanted = names.distinctive_words(query)
    if not wanted:
        return organisations.filter(
            by_code | Q(name__icontains=query) | Q(official_name__icontains=query)
        ).order_by("name")
    matched, exact = [], []
    for pk, name, official_name in organisations.values_list("pk", "name", "official_name"):
        short, official = names.distinctive_words(name), names.distinctive_words(official_name)
        words = short + official
        if all(any(word.startswith(part) for word in words) for part in wanted):
            matched.append(pk)
            if wanted in (short, official):
                exact.append(pk)
    return organisations.filter(by_code | Q(pk__in=matched)).order_by(
        Case(When(by_code | Q(pk__in=exact), then=0), default=1), "name"
    )
