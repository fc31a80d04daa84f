"""Writes to the controlled vocabularies (the Declaration's principles, service areas, LGSL)
and to the Site record that follows SITE_URL."""

import csv
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Site

from core.models import LocalService, Principle, ServiceArea
from core.site_url import site_host_and_port

LGSL_CSV = Path(__file__).resolve().parent / "data" / "local_services_lgsl.csv"

# The five principles of the Local Digital Declaration (2018).
DECLARATION_PRINCIPLES = [
    (
        "Redesign services around the needs of the people using them",
        "We will go further to redesign our services around the needs of the people using "
        "them. This means continuing to challenge the organisational and technical silos that "
        "stand in the way.",
    ),
    (
        "Fix our plumbing",
        "We will 'fix our plumbing' to break our dependence on inflexible and expensive "
        "technology that doesn't join up effectively. This means insisting on modular "
        "building blocks, open standards and reusable, interoperable components.",
    ),
    (
        "Design safe, secure and useful ways of sharing information",
        "We will design safe, secure and useful ways of sharing information to build trust "
        "among our partners and citizens, to better support the most vulnerable members of "
        "our communities, and to target our resources more effectively.",
    ),
    (
        "Demonstrate digital leadership",
        "We will demonstrate digital leadership, creating the conditions for genuine "
        "organisational transformation to happen, and challenging all those we work with to "
        "embrace this Declaration.",
    ),
    (
        "Embed an open culture",
        "We will embed an open culture that values, incentivises and expects digital ways of "
        "working from every member of our workforce. This means working in the open wherever "
        "we can, sharing our plans and experience, and working collaboratively.",
    ),
]

SERVICE_AREAS = [
    (
        "Adult social care",
        "Care assessments, care at home, direct payments and safeguarding adults.",
    ),
    ("Children and families", "Early help, children's social care, fostering and adoption, SEND."),
    (
        "Council tax and benefits",
        "Council tax, business rates, housing benefit and council tax support.",
    ),
    ("Customer services", "Contact centres, online accounts, forms and appointment booking."),
    ("Democracy and elections", "Electoral registration, elections, committees and councillors."),
    ("Education and skills", "School admissions, transport to school, adult learning."),
    ("Environmental health", "Food safety, pollution, pest control and noise."),
    ("Finance and procurement", "Payments, purchasing, contracts and financial systems."),
    ("Highways and transport", "Roads, potholes, street lighting, concessionary travel."),
    ("Housing", "Housing repairs, allocations, homelessness and private sector housing."),
    ("Libraries and culture", "Libraries, museums, archives, leisure and events."),
    ("Licensing", "Premises, taxi, gambling and street trading licences."),
    ("Parking", "Permits, penalty charge notices and car parks."),
    (
        "Planning and building control",
        "Planning applications, local plans and building regulations.",
    ),
    ("Public health", "Health improvement, sexual health, substance misuse services."),
    ("Registrars", "Births, deaths, marriages and citizenship ceremonies."),
    ("Technology and data", "Infrastructure, cloud, data platforms, cyber security and identity."),
    ("Waste and recycling", "Bin collections, bulky waste, garden waste and recycling centres."),
]


@transaction.atomic
def reference_taxonomies_load() -> None:
    """Create the principles, service areas and LGSL services that are missing; idempotent.

    Existing rows are left as editors have them: only what is absent is added.
    """
    existing_numbers = set(Principle.objects.values_list("number", flat=True))
    Principle.objects.bulk_create(
        [
            Principle(number=number, title=title, description=description)
            for number, (title, description) in enumerate(DECLARATION_PRINCIPLES, start=1)
            if number not in existing_numbers
        ]
    )
    existing_slugs = set(ServiceArea.objects.values_list("slug", flat=True))
    ServiceArea.objects.bulk_create(
        [
            ServiceArea(name=name, slug=slugify(name), description=description)
            for name, description in SERVICE_AREAS
            if slugify(name) not in existing_slugs
        ]
    )
    existing_codes = set(LocalService.objects.values_list("code", flat=True))
    with LGSL_CSV.open(newline="", encoding="utf-8") as handle:
        LocalService.objects.bulk_create(
            [
                LocalService(
                    code=int(row["LGSL"]),
                    description=row["Description"],
                    providing_tier=row["Providing Tier"],
                )
                for row in csv.DictReader(handle)
                if int(row["LGSL"]) not in existing_codes
            ]
        )


def site_record_sync() -> bool:
    """Set the default Wagtail Site's hostname and port from SITE_URL; True if they changed.

    Links never depend on the record (core.models.routing.SiteUrlMixin), but Wagtail's admin
    shows it, matches requests to it and builds a few links of its own from it.
    """
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return False
    hostname, port = site_host_and_port()
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    # Saving clears Wagtail's root-path cache and starts a new page-cache generation.
    site.save(update_fields=["hostname", "port"])
    return True
