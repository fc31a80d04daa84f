"""Demo community content: the Declaration page, members, signatories, reuse records,
comments and opportunities. Idempotent: running it twice adds nothing twice."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from allauth.account.models import EmailAddress

from community import services
from community.models import (
    BudgetBand,
    Comment,
    Commitment,
    DeclarationPage,
    MemberProfile,
    ModerationStatus,
    Opportunity,
    ReuseRecord,
    Signature,
    SignatureStatus,
    VerificationStatus,
)
from core import selectors as core_selectors
from core.models import ServiceArea
from organisations.models import Organisation, OrganisationType
from organisations.selectors import organisation_email_domains
from patterns.models import ServicePatternPage

DEMO_PASSWORD = "localdigital-demo"  # noqa: S105 - only ever set by development settings

DECLARATION_BODY = (
    "<p>The Local Digital Declaration sets out a shared ambition for the future of local public "
    "services: services designed around the needs of the people using them, built on modern, "
    "open technology, and made by organisations that work in the open and share what they learn.</p>"
    "<p>Signing it commits an organisation to that ambition and to at least one practical "
    "commitment that shows it.</p>"
)

MEMBERS = [
    # (username, full name, job title, organisation index, verified)
    ("member-amara", "Amara Okafor", "Service designer", 0, True),
    ("member-gareth", "Gareth Price", "Head of digital", 1, True),
    ("member-sam", "Sam Whitfield", "Product manager", 2, False),
]

COMMENTS = [
    "We used this pattern as the starting point for our own service. The research section "
    "saved us about two weeks of discovery.",
    "Worth reading the known issues before you start: we hit the same address-lookup problem.",
    "We adapted the procurement approach for a smaller budget and it still worked well.",
]

OPPORTUNITIES = [
    (
        "Shared booking platform for bulky waste collections",
        "We are replacing our bulky waste booking and would like to procure jointly with one or two "
        "neighbouring councils, sharing the user research and the supplier contract.",
        "share_funding",
        BudgetBand.FROM_25K,
        "alpha",
    ),
    (
        "Open data standard for planning applications",
        "We want to agree a common data schema for planning application data with other councils, "
        "building on the national planning data work.",
        "share_ideas",
        BudgetBand.NONE,
        "discovery",
    ),
    (
        "Housing repairs chatbot: lessons and code",
        "Our repairs chatbot is live. We are open to talking to any council thinking about "
        "something similar, and to sharing our code.",
        "conversation",
        BudgetBand.UNDER_25K,
        "live",
    ),
]


def declaration_page_ensure() -> DeclarationPage:
    from home.models import HomePage

    page = DeclarationPage.objects.first()
    if page is not None:
        return page
    home = HomePage.objects.first()
    page = home.add_child(
        instance=DeclarationPage(
            title="The Local Digital Declaration",
            slug="declaration",
            intro="A shared ambition for the future of local public services, signed by councils and "
            "the bodies around them.",
            body=DECLARATION_BODY,
        )
    )
    page.save_revision().publish()
    return page


def _demo_organisations(count: int) -> list[Organisation]:
    councils = list(
        Organisation.objects.filter(organisation_type=OrganisationType.COUNCIL, is_current=True)
        .exclude(website="")
        .order_by("name")[:count]
    )
    return councils or list(Organisation.objects.order_by("name")[:count])


def members_ensure() -> tuple[list[MemberProfile], list[MemberProfile]]:
    """The demo members, and which of them this run created (load_demo prints their logins)."""
    if not getattr(settings, "LOCALDIGITAL_ALLOW_DEMO_USERS", False):
        return list(MemberProfile.objects.all()[:3]), []
    User = get_user_model()
    organisations = _demo_organisations(len(MEMBERS))
    profiles, created_profiles = [], []
    for username, full_name, job_title, index, verified in MEMBERS:
        if index >= len(organisations):
            continue
        organisation = organisations[index]
        email = f"{username}@localdigital.invalid"
        user, created = User.objects.get_or_create(username=username, defaults={"email": email})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile = MemberProfile.objects.filter(user=user).first()
        if profile is None:
            profile = services.member_create(
                user=user, full_name=full_name, organisation=organisation, job_title=job_title
            )
            if verified:
                profile.verification_status = VerificationStatus.VERIFIED
                profile.verification_method = "moderator"
                profile.verification_reason = "Verified by a moderator (demo data)"
                profile.verified_at = timezone.now()
                profile.save()
            created_profiles.append(profile)
        profiles.append(profile)
    return profiles, created_profiles


def signatories_ensure(count: int = 8) -> int:
    created = 0
    today = timezone.now()
    for offset, organisation in enumerate(_demo_organisations(count)):
        if Signature.objects.filter(organisation=organisation).exists():
            continue
        own_domains = organisation_email_domains(organisation)
        domain = own_domains[0] if own_domains else "example.gov.uk"
        signature = Signature.objects.create(
            organisation=organisation,
            status=SignatureStatus.APPROVED,
            addresses_match=bool(own_domains),
            lead_name="Digital lead (demo)",
            lead_role="Head of Digital",
            lead_email=f"digital.lead@{domain}",
            approver_name="Chief executive (demo)",
            approver_role="Chief Executive",
            approver_email=f"chief.executive@{domain}",
            approver_confirmed_at=today,
            signed_at=today - datetime.timedelta(days=40 * (offset + 1)),
        )
        Commitment.objects.create(
            signature=signature,
            organisation=organisation,
            is_published=True,
            title=f"Open up {organisation.name}'s service patterns",
            partners="Neighbouring councils",
            mission="Publish the design of our most used services so other councils can reuse them.",
            impact="Fewer councils paying to design the same service from scratch.",
        )
        created += 1
    return created


def reuse_records_ensure() -> int:
    """Each case study that used a pattern stands for its publisher reusing that pattern."""
    created = 0
    for pattern in ServicePatternPage.objects.live():
        for case_study in pattern.case_studies.live():
            organisation = case_study.organisations.first()
            if organisation is None:
                continue
            _record, was_created = ReuseRecord.objects.get_or_create(
                page_id=pattern.pk,
                organisation=organisation,
                defaults={"note": f"Used in “{case_study.title[:200]}”"},
            )
            created += was_created
        services.reuse_count_refresh(page_id=pattern.pk)
    return created


def comments_ensure(profiles: list[MemberProfile]) -> int:
    verified = [profile for profile in profiles if profile.is_verified]
    if not verified or Comment.objects.exists():
        return 0
    pages = list(core_selectors.content_listing(order="most-reused")[: len(COMMENTS)])
    for index, (page, body) in enumerate(zip(pages, COMMENTS, strict=False)):
        profile = verified[index % len(verified)]
        Comment.objects.create(
            page_id=page.pk,
            author=profile.user,
            organisation=profile.organisation,
            body=body,
            status=ModerationStatus.PENDING
            if index == len(COMMENTS) - 1
            else ModerationStatus.APPROVED,
            moderated_at=timezone.now(),
        )
    return len(pages)


def opportunities_ensure(profiles: list[MemberProfile]) -> int:
    verified = [profile for profile in profiles if profile.is_verified]
    if not verified or Opportunity.objects.exists():
        return 0
    areas = list(ServiceArea.objects.all()[:3])
    for index, (title, description, seeking, budget, phase) in enumerate(OPPORTUNITIES):
        profile = verified[index % len(verified)]
        services.opportunity_create(
            profile=profile,
            data={
                "title": title,
                "description": description,
                "seeking": [seeking],
                "budget_band": budget,
                "phase": phase,
                "service_area": areas[index] if index < len(areas) else None,
                "closing_date": timezone.localdate() + datetime.timedelta(days=30 + 15 * index),
            },
        )
    return len(OPPORTUNITIES)


@transaction.atomic
def community_demo_load() -> dict:
    declaration_page_ensure()
    profiles, created_profiles = members_ensure()
    return {
        "members": len(profiles),
        "members_created": created_profiles,
        "signatories_created": signatories_ensure(),
        "reuse_records_created": reuse_records_ensure(),
        "comments_created": comments_ensure(profiles),
        "opportunities_created": opportunities_ensure(profiles),
    }
