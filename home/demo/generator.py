"""Generated pages for measuring search and listings at 10,000 and 100,000 pages.

Pages are written with bulk inserts (one statement per table per batch) rather than
Wagtail's add_child, which costs tens of milliseconds a page: 100,000 pages would take an
hour. The rows are exactly what Wagtail writes for a published page without revisions.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Locale, Page

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from core.content_types import library_types
from core.models import BasePage, ContentTag, ServiceArea, TaggedContent
from organisations.models import Organisation
from patterns.models import ServicePatternPage

GENERATED_SLUG_PREFIX = "gen-"
BATCH_SIZE = 1000

SUBJECTS = [
    "housing repairs",
    "missed bin reporting",
    "garden waste subscriptions",
    "bulky waste booking",
    "council tax single person discount",
    "blue badge applications",
    "resident parking permits",
    "school admissions",
    "home to school transport",
    "adult social care financial assessment",
    "planning application validation",
    "freedom of information requests",
    "pothole reporting",
    "temporary accommodation placements",
    "local land charges searches",
    "business rates relief",
    "housing benefit claims",
    "library membership",
    "street lighting faults",
    "fly-tipping reports",
    "noise complaints",
    "food hygiene inspections",
    "taxi licensing",
    "electoral registration",
    "births and deaths registration",
    "care home placements",
    "early help referrals",
    "children's centre bookings",
    "allotment waiting lists",
    "tenancy sign-up",
    "rent payments",
    "damp and mould reports",
    "disabled facilities grants",
    "community safety reports",
    "school meal payments",
    "leisure centre bookings",
    "grave and burial records",
    "building control inspections",
    "tree preservation orders",
    "pest control bookings",
]
APPROACHES = [
    "an online form linked to the back-office system",
    "a low-code case management platform",
    "an open-source content management system",
    "a shared data platform",
    "a customer account with single sign-on",
    "a contact centre chatbot",
    "an integration layer built on open standards",
    "a mobile-friendly self-service portal",
    "automated eligibility checks",
    "a redesigned paper and phone route",
    "a cloud-hosted line-of-business system",
    "a text message reminder service",
]
OUTCOME_PHRASES = [
    "cut phone calls by {n}%",
    "saved £{m},000 a year",
    "halved processing times",
    "raised online take-up to {n}%",
    "reduced failure demand by {n}%",
    "removed {n} manual steps",
    "paid for itself within {n} months",
    "improved satisfaction scores by {n} points",
]
SENTENCES = [
    "The team started with {weeks} weeks of user research with residents and front-line staff.",
    "Most contact came from people chasing progress rather than reporting something new.",
    "We tested prototypes with {n} residents, including people who use assistive technology.",
    "The supplier was procured through {route} after a short discovery.",
    "Data from the old system was cleaned and migrated over {weeks} weeks.",
    "Staff in the service helped design the new process and trained their colleagues.",
    "We worked in the open and published weeknotes throughout the project.",
    "The biggest risk was integration with the existing {system} system.",
    "Costs included licences, implementation and {weeks} weeks of internal staff time.",
    "Other councils can reuse the designs, code and procurement documents.",
    "Residents can now track their request without calling the contact centre.",
    "We measured the baseline for three months before changing anything.",
    "Accessibility testing found issues early, which were fixed before launch.",
    "The approach was shared with neighbouring councils through the regional network.",
]
SYSTEMS = [
    "housing management",
    "revenues and benefits",
    "case management",
    "CRM",
    "finance",
    "GIS",
]
ROUTES = [
    "G-Cloud",
    "Digital Outcomes and Specialists",
    "an open procedure",
    "a framework call-off",
]
VERBS = [
    "Redesigning",
    "Digitising",
    "Improving",
    "Rebuilding",
    "Automating",
    "Simplifying",
    "Joining up",
]
TAG_WORDS = [
    "open-source",
    "g-cloud",
    "dos",
    "low-code",
    "user-research",
    "accessibility",
    "chatbot",
    "cloud-migration",
    "data-sharing",
    "customer-portal",
    "payments",
    "integration",
    "api",
    "agile",
    "discovery",
    "alpha",
    "beta",
    "automation",
    "mobile",
    "notifications",
    "crm",
    "case-management",
    "open-standards",
    "shared-service",
    "digital-inclusion",
    "cyber-security",
    "identity",
    "analytics",
    "legacy-replacement",
    "procurement",
    "repairs",
    "waste",
    "housing",
    "social-care",
    "benefits",
    "council-tax",
    "planning",
    "parking",
    "highways",
    "libraries",
]


def _paragraphs(rng: random.Random, subject: str, count: int) -> list[str]:
    paragraphs = []
    for _ in range(count):
        sentences = [
            rng.choice(SENTENCES).format(
                weeks=rng.randint(2, 16),
                n=rng.randint(5, 80),
                route=rng.choice(ROUTES),
                system=rng.choice(SYSTEMS),
            )
            for _ in range(rng.randint(3, 5))
        ]
        sentences.insert(rng.randint(0, len(sentences)), f"This work covered {subject}.")
        paragraphs.append(" ".join(sentences))
    return paragraphs


def generated_fields(rng: random.Random, model, council_name: str) -> dict:
    subject = rng.choice(SUBJECTS)
    approach = rng.choice(APPROACHES)
    outcome = rng.choice(OUTCOME_PHRASES).format(n=rng.randint(10, 70), m=rng.randint(20, 400))
    title = f"{rng.choice(VERBS)} {subject} with {approach} in {council_name}"[:255]
    summary = f"How {council_name} approached {subject} using {approach}, and {outcome}."
    body = [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
        for text in _paragraphs(rng, subject, rng.randint(2, 4))
    ]
    date = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2850))
    fields = {"title": title, "summary": summary, "body": body, "date": date}
    if model is CaseStudyPage:
        fields.update(
            phase=rng.choice(["discovery", "alpha", "beta", "live"]),
            problem=f"<p>{_paragraphs(rng, subject, 1)[0]}</p>",
            approach=f"<p>We chose {approach}.</p>",
            total_cost=rng.randint(10, 900) * 1000,
            annual_saving=rng.randint(5, 400) * 1000,
        )
    elif model is ProcurementBriefPage:
        low = rng.randint(2, 50) * 10000
        fields.update(
            problem=f"<p>{_paragraphs(rng, subject, 1)[0]}</p>",
            procurement_route=rng.choice(["g-cloud", "dos", "open", "framework"]),
            budget_min=low,
            budget_max=low * rng.randint(2, 4),
            contract_length_months=rng.choice([12, 18, 24, 36]),
            status=rng.choice(["open", "closed", "awarded"]),
        )
    elif model is BusinessCasePage:
        fields.update(
            stage=rng.choice(["soc", "obc", "fbc"]),
            strategic_case=f"<p>{_paragraphs(rng, subject, 1)[0]}</p>",
            whole_life_cost=rng.randint(50, 2000) * 1000,
            payback_months=rng.randint(6, 60),
        )
    elif model is ServicePatternPage:
        fields.update(
            maturity=rng.choice(["experimental", "beta", "live"]),
            user_needs=f"<p>As a resident I need {subject} to be quick and clear.</p>",
            when_to_use=f"<p>Use this pattern for {subject}.</p>",
        )
    return fields


def _insert_rows(model, objects: list) -> None:
    """INSERT the table of `model` alone (its local fields), for already-numbered pages."""
    fields = [field for field in model._meta.local_concrete_fields]
    table = connection.ops.quote_name(model._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    rows = [
        [field.get_db_prep_save(getattr(obj, field.attname), connection) for field in fields]
        for obj in objects
    ]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)  # noqa: S608


def existing_generated_count(model) -> int:
    return model.objects.filter(slug__startswith=GENERATED_SLUG_PREFIX).count()


def generated_pages_load(*, total: int, indexes: dict, seed: int = 2018, progress=None) -> int:
    """Bring the number of generated pages up to `total`, spread evenly over every registered
    content type (core.content_types); a type without its own fields above gets the shared
    ones."""
    rng = random.Random(seed)
    councils = list(
        Organisation.objects.filter(organisation_type="council", is_current=True).only("id", "name")
    )
    service_area_ids = list(ServiceArea.objects.values_list("id", flat=True))
    tags = [
        ContentTag.objects.get_or_create(slug=word, defaults={"name": word})[0]
        for word in TAG_WORDS
    ]
    locale = Locale.get_default()
    created = 0
    types = library_types()
    for position, content_type in enumerate(types):
        model = content_type.model
        wanted = total // len(types) + (1 if position < total % len(types) else 0)
        missing = wanted - existing_generated_count(model)
        parent = indexes[content_type.plural_slug]
        start = existing_generated_count(model)
        for batch_start in range(0, max(missing, 0), BATCH_SIZE):
            size = min(BATCH_SIZE, missing - batch_start)
            _insert_batch(
                model,
                parent,
                rng,
                size,
                start + batch_start,
                councils,
                service_area_ids,
                tags,
                locale,
            )
            created += size
            if progress:
                progress(model, created)
    return created


@transaction.atomic
def _insert_batch(model, parent, rng, size, offset, councils, service_area_ids, tags, locale):
    parent = (
        Page.objects.select_for_update().get(pk=parent.pk)
        if connection.vendor == "postgresql"
        else Page.objects.get(pk=parent.pk)
    )
    last_child = parent.get_last_child()
    next_step = (Page._str2int(last_child.path[-Page.steplen :]) + 1) if last_child else 1
    content_type = ContentType.objects.get_for_model(model)
    now = timezone.now()
    pages, leaves, relations = [], [], []
    for i in range(size):
        council = rng.choice(councils)
        fields = generated_fields(rng, model, council.name)
        slug = f"{GENERATED_SLUG_PREFIX}{offset + i + 1}"
        page = Page(
            title=fields["title"],
            draft_title=fields["title"],
            slug=slug,
            content_type=content_type,
            live=True,
            has_unpublished_changes=False,
            url_path=f"{parent.url_path}{slug}/",
            path=Page._get_path(parent.path, parent.depth + 1, next_step + i),
            depth=parent.depth + 1,
            numchild=0,
            first_published_at=now,
            last_published_at=now,
            locale=locale,
            translation_key=uuid.uuid4(),
        )
        pages.append(page)
        leaves.append(model(**fields))
        relations.append(
            (
                council.id,
                rng.sample(service_area_ids, k=min(2, len(service_area_ids))),
                rng.sample(tags, k=3),
            )
        )
    Page.objects.bulk_create(pages)
    for page, leaf in zip(pages, leaves, strict=True):
        leaf.id = leaf.page_ptr_id = leaf.basepage_ptr_id = page.id
    _insert_rows(BasePage, leaves)
    _insert_rows(model, leaves)
    org_through = BasePage.organisations.through
    area_through = BasePage.service_areas.through
    org_through.objects.bulk_create(
        [
            org_through(basepage_id=page.id, organisation_id=rel[0])
            for page, rel in zip(pages, relations, strict=True)
        ]
    )
    area_through.objects.bulk_create(
        [
            area_through(basepage_id=page.id, servicearea_id=area)
            for page, rel in zip(pages, relations, strict=True)
            for area in rel[1]
        ]
    )
    TaggedContent.objects.bulk_create(
        [
            TaggedContent(content_object_id=page.id, tag_id=tag.id)
            for page, rel in zip(pages, relations, strict=True)
            for tag in rel[2]
        ]
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + size)
