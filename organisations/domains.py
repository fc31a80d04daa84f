"""Email domains: which ones may stand for an organisation, and when an address is on one.

An organisation's email domains (OrganisationEmailDomain) say "anyone with a confirmed address
here works for us": they verify members and vouch for Declaration applications. A domain that
many unrelated bodies share can never say that, however it got into the list, so these rules
live once, here, below every app that asks.
"""

import re

# Email services whose addresses anyone can have: never a work address, so the Declaration
# refuses them outright, and (being shared) they never stand for an organisation either.
PERSONAL_EMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "outlook.com",
        "hotmail.com",
        "hotmail.co.uk",
        "live.com",
        "live.co.uk",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "btinternet.com",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "mail.com",
    }
)

# Hosts under which many unrelated organisations have their own addresses or sites. None of
# these ever stands for one organisation on its own: an organisation's domain must be a name
# registered under one of them (hackney.gov.uk, not gov.uk), and an address matches only its
# organisation's own names. Add to this list, never take away: a domain here that an editor
# entered before is refused again the next time the organisation is saved, and never matches.
SHARED_EMAIL_DOMAINS = frozenset(
    {
        # UK public sector second-level domains (and their Welsh and Scottish equivalents).
        "gov.uk",
        "nhs.uk",
        "nhs.net",  # one NHS mail service for every trust and practice
        "org.uk",
        "ltd.uk",
        "plc.uk",
        "net.uk",
        "me.uk",
        "police.uk",
        "mod.uk",
        "parliament.uk",
        "ac.uk",
        "sch.uk",
        "nic.uk",
        "gov.wales",
        "llyw.cymru",
        "gov.scot",
        "gov.ie",
        "gov.im",
        "gov.je",
        "gov.gg",
        # Public second-level and top-level domains anyone can register under.
        "co.uk",
        "uk",
        "wales",
        "cymru",
        "scot",
        "london",
        "com",
        "net",
        "org",
        "info",
        "biz",
        "io",
        "eu",
        "gov",
        "co",
        "me",
        # Hosting services anyone can have an address or a site under.
        "onmicrosoft.com",  # every Microsoft 365 tenant has an address under it
        "github.io",
        "blogspot.com",
        "wordpress.com",
        "example.com",
        "example.org",
        "example.net",
        "example",
        "invalid",
    }
    | PERSONAL_EMAIL_DOMAINS
)

# One or more dot-separated labels of letters, digits and inner hyphens (IDNs in punycode).
_DOMAIN_RE = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9-]{2,63}")


def email_domain(email: str) -> str:
    """The part after the last @, lower case; "" when there is none."""
    return email.rsplit("@", 1)[-1].strip().lower().rstrip(".") if "@" in email else ""


def mailbox(email: str) -> str:
    """The mailbox an address delivers to, as far as we can tell without asking its server:
    lower case, without a "+tag" (dana+boss@x and dana@x reach the same person)."""
    local, _, domain = email.strip().lower().rpartition("@")
    return f"{local.split('+', 1)[0]}@{domain.rstrip('.')}" if local else email.strip().lower()


def domain_normalise(value: str) -> str:
    """What an editor types ("@Hackney.gov.uk ", "hackney.gov.uk.") as we store it."""
    return value.strip().lower().removeprefix("@").rstrip(".")


def domain_is_valid(domain: str) -> bool:
    return len(domain) <= 253 and bool(_DOMAIN_RE.fullmatch(domain))


def domain_is_shared(domain: str) -> bool:
    return domain_normalise(domain) in SHARED_EMAIL_DOMAINS


def domain_is_personal_mail(domain: str) -> bool:
    return domain_normalise(domain) in PERSONAL_EMAIL_DOMAINS


def domain_covers(*, domain: str, address_domain: str) -> bool:
    """True when an address on `address_domain` is on `domain`: the same name or a subdomain
    of it. A shared host covers nothing, so `gov.uk` in a list never matches `x.gov.uk`."""
    domain = domain_normalise(domain)
    if not domain or not address_domain or domain_is_shared(domain):
        return False
    return address_domain == domain or address_domain.endswith("." + domain)


def matching_domain(*, email: str, domains) -> str:
    """The first of `domains` that the address is on, or "" when it is on none of them."""
    address_domain = email_domain(email)
    return next(
        (
            domain_normalise(domain)
            for domain in domains
            if domain_covers(domain=domain, address_domain=address_domain)
        ),
        "",
    )


def website_email_domain(website_host: str) -> str:
    """The email domain an organisation's website suggests, or "" when that is a shared host
    (the website www.gov.uk/government/organisations/... says nothing about addresses)."""
    domain = domain_normalise(website_host).removeprefix("www.")
    if not domain_is_valid(domain) or domain_is_shared(domain):
        return ""
    return domain
