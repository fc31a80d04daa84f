"""Writes to the organisation directory."""

import csv
import datetime
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from organisations.domains import domain_normalise
from organisations.models import (
    Organisation,
    OrganisationEmailDomain,
    OrganisationType,
    validate_email_domain,
)

COUNCILS_CSV = Path(__file__).resolve().parent / "data" / "uk_local_authorities.csv"


def _date_or_none(value: str) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def council_rows(path: Path = COUNCILS_CSV) -> list[dict]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def councils_import(*, path: Path = COUNCILS_CSV) -> tuple[int, int]:
    """Create or update every council from mySociety's register; returns (created, updated).

    Keyed on the stable local-authority code, so running it again changes nothing and a
    later edition of the file updates names and status in place.
    """
    existing = {org.code: org for org in Organisation.objects.all()}
    used_slugs = {org.slug for org in existing.values()}
    to_create, to_update = [], []
    fields = [
        "name",
        "official_name",
        "organisation_type",
        "council_type",
        "nation",
        "region",
        "gss_code",
        "is_current",
        "start_date",
        "end_date",
        "replaced_by",
        "population",
    ]
    for row in council_rows(path):
        code = row["local-authority-code"].strip()
        is_combined = row["local-authority-type-name"] == "Combined authority"
        values = {
            "name": row["nice-name"].strip() or row["official-name"].strip(),
            "official_name": row["official-name"].strip(),
            "organisation_type": (
                OrganisationType.COMBINED_AUTHORITY if is_combined else OrganisationType.COUNCIL
            ),
            "council_type": row["local-authority-type-name"].strip(),
            "nation": row["nation"].strip(),
            "region": row["region"].strip(),
            "gss_code": row["gss-code"].strip(),
            "is_current": row["current-authority"].strip() == "True",
            "start_date": _date_or_none(row["start-date"].strip()),
            "end_date": _date_or_none(row["end-date"].strip()),
            "replaced_by": row["replaced-by"].strip(),
            "population": int(float(row["pop-2020"])) if row["pop-2020"].strip() else None,
        }
        organisation = existing.get(code)
        if organisation is None:
            slug = unique_slug(values["name"], used_slugs, code)
            to_create.append(Organisation(code=code, slug=slug, **values))
        else:
            changed = any(getattr(organisation, key) != value for key, value in values.items())
            if changed:
                for key, value in values.items():
                    setattr(organisation, key, value)
                to_update.append(organisation)
    Organisation.objects.bulk_create(to_create, batch_size=500)
    if to_update:
        Organisation.objects.bulk_update(to_update, fields, batch_size=500)
    return len(to_create), len(to_update)


def unique_slug(name: str, used: set[str], code: str) -> str:
    slug = slugify(name)[:100] or code.lower()
    if slug in used:
        slug = f"{slug}-{code.lower()}"
    used.add(slug)
    return slug


def organisation_upsert(*, code: str, name: str, organisation_type: str, **fields) -> Organisation:
    organisation, _created = Organisation.objects.update_or_create(
        code=code,
        defaults={"name": name, "organisation_type": organisation_type, **fields},
        create_defaults={
            "name": name,
            "organisation_type": organisation_type,
            "slug": fields.pop("slug", None) or slugify(name)[:100],
            **fields,
        },
    )
    return organisation


def organisation_email_domains_add(*, organisation: Organisation, domains: list[str]) -> int:
    """Add the domains the organisation does not have yet; returns how many were added.

    Each is checked as the admin checks it, so a shared host raises ValidationError here too.
    """
    have = set(organisation.email_domains.values_list("domain", flat=True))
    next_order = len(have)
    added = 0
    for value in domains:
        validate_email_domain(value)
        domain = domain_normalise(value)
        if domain in have:
            continue
        OrganisationEmailDomain.objects.create(
            organisation=organisation, domain=domain, sort_order=next_order + added
        )
        have.add(domain)
        added += 1
    return added
