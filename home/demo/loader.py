"""Loads the demo site: reference data, organisations, hand-written pages, users, and
generated pages at scale. Every step is idempotent: running it again adds nothing twice."""

import datetime
import importlib
from urllib.parse import urlparse

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from wagtail.documents import get_document_model
from wagtail.models import Page

from casestudies.models import (
    BusinessCaseOption,
    BusinessCasePage,
    CaseStudyPage,
    EvaluationCriterion,
    ProcurementBriefPage,
)
from core.boilerplate import DEMO_NOTICE_HTML
from core.content_types import content_type_for_model
from core.models import LocalService, Principle, ServiceArea
from core.services import reference_taxonomies_load
from events.demo import events_demo_load
from funding.demo import funding_demo_load
from home.demo.community import community_demo_load
from home.demo.documents import text_to_pdf
from home.site_tree import publish, site_tree_ensure
from organisations.domains import website_email_domain
from organisations.models import Organisation
from organisations.services import (
    councils_import,
    organisation_email_domains_add,
    organisation_upsert,
)
from patterns.models import ServicePatternPage
from projects.demo import projects_demo_load

# Its text is core.boilerplate's, so search leaves it out of the index and the snippets.
ILLUSTRATIVE_NOTICE = ("callout", {"text": DEMO_NOTICE_HTML})
DEMO_PASSWORD = "localdigital-demo"  # noqa: S105 - only ever set by development settings
DEMO_USERS = [
    ("admin", "admin@localdigital.invalid", None, True),
    ("editor", "editor@localdigital.invalid", "Editors", False),
    ("moderator", "moderator@localdigital.invalid", "Moderators", False),
    ("assessor", "assessor@localdigital.invalid", "Funding assessors", False),
]

RELATION_KEYS = {
    "organisations",
    "service_areas",
    "tags",
    "principles",
    "documents",
    "related_briefs",
    "related_business_cases",
    "patterns_used",
    "lgsl_services",
    "evaluation_criteria",
    "options",
}
DATE_KEYS = {"date", "started", "finished", "award_date", "approval_date"}
# Pages whose last review is deliberately long ago, so the "not reviewed for 18 months" flag
# has examples; every other page was reviewed in the past year (and never before its date).
NOT_RECENTLY_REVIEWED = {
    "islington-parking-permits",
    "kent-school-admissions-online",
    "garden-waste-online-subscriptions",
    "planning-validation-alpha",
    "apply-for-a-parking-permit",
}
PUBLISHED_AT = datetime.time(9, 30)
LINE_LIST_KEYS = {"partners", "essential_skills", "nice_to_have_skills"}


def demo_content():
    return importlib.import_module("home.demo.content")


def organisations_load() -> None:
    reference_taxonomies_load()
    councils_import()
    content = demo_content()
    not_fields = {"code", "name", "organisation_type", "email_domains"}
    for item in content.ORGANISATIONS:
        fields = {k: v for k, v in item.items() if k not in not_fields}
        organisation = organisation_upsert(
            code=item["code"],
            name=item["name"],
            organisation_type=item["organisation_type"],
            **fields,
        )
        organisation_email_domains_add(organisation=organisation, domains=item["email_domains"])
    for code, website in content.COUNCIL_WEBSITES.items():
        Organisation.objects.filter(code=code, website="").update(website=website)
        domain = website_email_domain(urlparse(website).hostname or "")
        if not domain:
            continue
        for organisation in Organisation.objects.filter(code=code, email_domains__isnull=True):
            organisation_email_domains_add(organisation=organisation, domains=[domain])


def documents_load() -> dict:
    Document = get_document_model()
    documents = {}
    for item in demo_content().DOCUMENTS:
        document = Document.objects.filter(title=item["title"]).first()
        if document is None:
            pdf = text_to_pdf(item["title"], item["text"])
            document = Document(title=item["title"])
            document.file.save(f"{item['key']}.pdf", ContentFile(pdf), save=False)
            document.save()
        documents[item["key"]] = document
    return documents


def _page_fields(item: dict) -> dict:
    fields = {}
    for key, value in item.items():
        if key in RELATION_KEYS:
            continue
        if key in DATE_KEYS and isinstance(value, str):
            value = datetime.date.fromisoformat(value)
        elif key in LINE_LIST_KEYS and isinstance(value, list | tuple):
            value = "\n".join(value)
        elif key == "route":  # `route` is a Page method; the field is procurement_route
            key = "procurement_route"
        elif key == "body":
            value = [ILLUSTRATIVE_NOTICE, *value]
        elif key == "outcomes":
            value = [("outcome", outcome) for outcome in value]
        elif key == "steps":
            value = [("step", step) for step in value]
        fields[key] = value
    fields.setdefault("body", [ILLUSTRATIVE_NOTICE])
    return fields


def review_date(item: dict, *, today: datetime.date) -> datetime.date:
    """When the demo says a page was last reviewed: a spread of recent dates, a few stale."""
    published = datetime.date.fromisoformat(item["date"])
    spread = sum(map(ord, item["slug"])) % 300  # stable per page, varied across pages
    if item["slug"] in NOT_RECENTLY_REVIEWED:
        reviewed = today - datetime.timedelta(days=600 + spread)
    else:
        reviewed = today - datetime.timedelta(days=14 + spread)
    return max(reviewed, published)


def _published_at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, PUBLISHED_AT))


def _create_page(model, parent, item: dict, documents: dict, linked: dict):
    existing = model.objects.child_of(parent).filter(slug=item["slug"]).first()
    if existing is not None:
        return existing, False
    fields = _page_fields(item)
    fields.setdefault("last_reviewed", review_date(item, today=timezone.localdate()))
    page = parent.add_child(instance=model(**fields))
    codes = item.get("organisations", [])
    page.organisations = sorted(
        Organisation.objects.filter(code__in=codes), key=lambda o: codes.index(o.code)
    )
    page.service_areas = list(ServiceArea.objects.filter(slug__in=item.get("service_areas", [])))
    page.principles = list(Principle.objects.filter(number__in=item.get("principles", [])))
    page.tags.set(item.get("tags", []))
    page.documents = [
        page.documents.model(document=documents[key])
        for key in item.get("documents", [])
        if key in documents
    ]
    if model is ServicePatternPage:
        page.lgsl_services = list(
            LocalService.objects.filter(code__in=item.get("lgsl_services", []))
        )
    if model is ProcurementBriefPage:
        page.evaluation_criteria = [
            EvaluationCriterion(**c) for c in item.get("evaluation_criteria", [])
        ]
    if model is BusinessCasePage:
        page.options = [BusinessCaseOption(**option) for option in item.get("options", [])]
    if model is CaseStudyPage:
        page.related_briefs = [
            linked["briefs"][s] for s in item.get("related_briefs", []) if s in linked["briefs"]
        ]
        page.related_business_cases = [
            linked["business_cases"][s]
            for s in item.get("related_business_cases", [])
            if s in linked["business_cases"]
        ]
        page.patterns_used = [
            linked["patterns"][s] for s in item.get("patterns_used", []) if s in linked["patterns"]
        ]
    publish(page)
    # Publishing stamps the load time; readers, feeds and the API should see when the work
    # was shared (its date) and last republished (its review), as a real site would.
    Page.objects.filter(pk=page.pk).update(
        first_published_at=_published_at(page.date),
        last_published_at=_published_at(max(page.date, page.last_reviewed or page.date)),
    )
    return page, True


def pages_load(tree: dict, documents: dict) -> int:
    content = demo_content()
    linked = {"briefs": {}, "business_cases": {}, "patterns": {}}
    created = 0
    # Linked-to types first, so each case study finds the pages it links to.
    plan = [
        (ServicePatternPage, content.SERVICE_PATTERNS, "patterns"),
        (ProcurementBriefPage, content.PROCUREMENT_BRIEFS, "briefs"),
        (BusinessCasePage, content.BUSINESS_CASES, "business_cases"),
        (CaseStudyPage, content.CASE_STUDIES, None),
    ]
    for model, items, link_key in plan:
        parent = tree[content_type_for_model(model).plural_slug]
        for item in items:
            page, was_created = _create_page(model, parent, item, documents, linked)
            created += was_created
            if link_key:
                linked[link_key][item["slug"]] = page
    return created


def demo_users_ensure() -> list[str]:
    """Create the local demo accounts; refused outside development and test settings."""
    if not getattr(settings, "LOCALDIGITAL_ALLOW_DEMO_USERS", False):
        return []
    User = get_user_model()
    created = []
    for username, email, group_name, is_superuser in DEMO_USERS:
        user, was_created = User.objects.get_or_create(username=username, defaults={"email": email})
        if was_created:
            user.set_password(DEMO_PASSWORD)
            user.is_staff = is_superuser
            user.is_superuser = is_superuser
            user.save()
            created.append(username)
        if group_name:
            group = Group.objects.filter(name=group_name).first()
            if group:
                user.groups.add(group)
    return created


@transaction.atomic
def demo_load() -> dict:
    organisations_load()
    tree = site_tree_ensure()
    documents = documents_load()
    created = pages_load(tree, documents)
    users_created = demo_users_ensure()
    community = community_demo_load()
    # After the community's: registrations belong to its demo members.
    events = events_demo_load()
    projects = projects_demo_load()
    # After the signatures and projects: applications are led by and partnered with
    # signatories, and the funded ones are for demo projects.
    funding = funding_demo_load()
    return {
        "pages_created": created,
        "users_created": users_created,
        "tree": tree,
        "community": community,
        "events": events,
        "funding": funding,
        "projects": projects,
    }
