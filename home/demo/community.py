"""Demo community content: the Declaration page, members, signatories, reuse records,
comments and opportunities. Idempotent: running it twice adds nothing twice."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Site

from allauth.account.models import EmailAddress

from community.collaboration import services as collaboration_services
from community.engagement import services as engagement_services
from community.members import services as members_services
from community.models import (
    BudgetBand,
    Comment,
    Commitment,
    DeclarationPage,
    MemberProfile,
    ModerationStatus,
    Opportunity,
    Signature,
    SignatureStatus,
    VerificationStatus,
)
from core.content_types import library_types
from core.models import ServiceArea
from listings import selectors as listing_selectors
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

# (title, description, seeking, budget, phase, service area slug): each opportunity sits in
# the service area its subject belongs to, so the service-area filter on /collaborate/ finds it.
OPPORTUNITIES = [
    (
        "Shared booking platform for bulky waste collections",
        "We are replacing our bulky waste booking and would like to procure jointly with one or two "
        "neighbouring councils, sharing the user research and the supplier contract.",
        "share_funding",
        BudgetBand.FROM_25K,
        "alpha",
        "waste-and-recycling",
    ),
    (
        "Open data standard for planning applications",
        "We want to agree a common data schema for planning application data with other councils, "
        "so that applications, decisions and conditions can be compared across council boundaries.",
        "share_ideas",
        BudgetBand.NONE,
        "discovery",
        "planning-and-building-control",
    ),
    (
        "Housing repairs chatbot: lessons and code",
        "Our repairs chatbot is live. We are open to talking to any council thinking about "
        "something similar, and to sharing our code.",
        "conversation",
        BudgetBand.UNDER_25K,
        "live",
        "housing",
    ),
]

# What each demo signatory commits to, by organisation code: the work each would plausibly
# take on. Organisations without an entry (in tests, or a different directory) take one of
# FALLBACK_COMMITMENTS in turn, so no two signatories read the same.
COMMITMENTS = {
    "BNE": (
        "Publish our planning validation rules as open data",
        "Buckinghamshire Council, Doncaster Council, MHCLG",
        "Publish the checks we run on planning applications as open, machine-readable rules, "
        "so applicants and other planning authorities can use them before an application is sent.",
        "Fewer invalid planning applications, and less officer time spent writing back for "
        "missing documents.",
    ),
    "BFS": (
        "Share our bulky waste booking service with other Northern Ireland councils",
        "Mid and East Antrim Borough Council, Lisburn and Castlereagh City Council",
        "Document the design, pricing rules and research behind our bulky waste booking service "
        "and support two councils to reuse it on their own platforms.",
        "Residents across Northern Ireland book collections online instead of phoning, and "
        "councils avoid paying separately for the same design work.",
    ),
    "BUC": (
        "Move our remaining paper forms to one open form platform",
        "Neighbouring councils in the South East digital network",
        "Replace the 140 paper and PDF forms still in use with accessible online forms built on "
        "one shared platform, and publish the form patterns we create.",
        "Most requests arrive complete and straight into the right back-office system.",
    ),
    "CMD": (
        "Work in the open on our resident parking permits service",
        "Islington Council",
        "Publish weeknotes, research findings and code for the rebuild of our parking permits "
        "service, and invite other London boroughs to our show and tells.",
        "Other boroughs can see what we learn as we learn it, and reuse the parts that work.",
    ),
    "CRF": (
        "Make every reused service work fully in Welsh and English",
        "Welsh Local Government Association, Swansea Council",
        "Add Welsh-language content and tests to each open-source service we reuse, and give "
        "the translations back to the project we took the service from.",
        "Welsh councils can take up shared services without paying again for translation.",
    ),
    "DRS": (
        "Reuse before we buy: check shared briefs and patterns first",
        "Causeway Coast and Glens Borough Council",
        "Before starting any new digital procurement, look for a published brief, pattern or "
        "case study that already solves the problem, and record what we reuse here.",
        "Shorter procurements, and evidence for other councils of what reuse saves.",
    ),
    "DNC": (
        "Open up our housing and council tax data for residents and partners",
        "Sheffield City Council, South Yorkshire Mayoral Combined Authority",
        "Publish regularly updated open data on housing repairs and council tax collection, "
        "with a data standard other South Yorkshire councils can follow.",
        "Partners can plan services with the same figures we use, without asking for extracts.",
    ),
    "DUR": (
        "Publish our adult social care charging calculator as open source",
        "North East councils' digital network",
        "Release the code and the charging rules behind our online financial assessment so that "
        "other councils can run it with their own rates.",
        "People who need care find out what they will pay before an assessment visit.",
    ),
}
FALLBACK_COMMITMENTS = [
    (
        "Share the design of our most used online services",
        "Neighbouring councils",
        "Publish the design, research and known issues of our five most used online services as "
        "service patterns other councils can reuse.",
        "Fewer councils paying to design the same service from scratch.",
    ),
    (
        "Publish our next procurement brief before we go to market",
        "Our regional procurement network",
        "Publish each digital procurement brief, its evaluation criteria and who won, so that "
        "other councils can reuse what we wrote.",
        "Other councils can buy similar services faster and with less risk.",
    ),
    (
        "Replace one legacy line-of-business system with open standards",
        "Suppliers in the Local Digital community",
        "Replace one system that holds our data in a closed format with one that offers open "
        "APIs, and write up what it cost and what we learnt.",
        "We can change suppliers without losing our data, and others can learn from how we did it.",
    ),
    (
        "Train every service manager in user-centred design",
        "Local Government Association",
        "Give each service manager training in user research and service design within two "
        "years, and share our course materials.",
        "Services are designed from what residents need rather than how we are organised.",
    ),
]


def declaration_page_ensure() -> DeclarationPage:
    page = DeclarationPage.objects.first()
    if page is not None:
        return page
    # The home page is the default Site's root.
    home = Site.objects.get(is_default_site=True).root_page
    page = home.add_child(
        instance=DeclarationPage(
            title="The Local Digital Declaration",
            slug="declaration",
            show_in_menus=True,
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
            profile = members_services.member_create(
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
        title, partners, mission, impact = COMMITMENTS.get(
            organisation.code, FALLBACK_COMMITMENTS[offset % len(FALLBACK_COMMITMENTS)]
        )
        Commitment.objects.create(
            signature=signature,
            organisation=organisation,
            is_published=True,
            title=title,
            partners=partners,
            mission=mission,
            impact=impact,
        )
        created += 1
    return created


# Who reused what, beyond the patterns the case studies used: (content type, slug) to
# (organisation code, what they took). Only organisations other than the page's own, and
# councils rather than suppliers, as a council would record it. Some recent pages, and briefs
# still being written or open, have none yet.
REUSES = {
    ("casestudypage", "hackney-digital-housing-repairs"): [
        ("CRF", "Took the repairs front end and the research, then added Welsh."),
        ("SWK", "Used the repair-type questions to cut wrong-trade jobs."),
        ("TWH", "Reused the appointment booking steps."),
    ],
    ("casestudypage", "cardiff-reusing-housing-repairs-service"): [
        ("SWA", "Followed the same approach to reuse the Hackney service in Welsh and English."),
        ("NWP", "Used the translation workflow for our own repairs forms."),
    ],
    ("casestudypage", "stockport-missed-bin-reporting"): [
        ("WGN", "Copied the round-status check before a report is accepted."),
        ("BUR", "Used the findings on in-cab exceptions to brief our crews."),
    ],
    ("casestudypage", "belfast-bulky-waste-booking"): [
        ("MEA", "Reused the item list and pricing rules."),
        ("LBC", "Followed the approach for our own booking form."),
    ],
    ("casestudypage", "south-somerset-garden-waste-subscriptions"): [
        ("GWN", "Moved garden waste renewals online using the same steps."),
        ("EDE", "Used the switch from stickers to bin registration."),
    ],
    ("casestudypage", "manchester-single-person-discount-review"): [
        ("SLF", "Ran the same data-matching review of single person discounts."),
        ("WGN", "Reused the letters and the online confirmation form."),
    ],
    ("casestudypage", "north-yorkshire-revenues-benefits-cloud-migration"): [
        ("SMT", "Planned our own post-reorganisation migration from the timeline."),
    ],
    ("casestudypage", "wirral-contact-centre-chatbot"): [
        ("LIV", "Used the list of what the chatbot should not answer."),
    ],
    ("casestudypage", "leeds-open-source-website-platform"): [
        ("BRD", "Moved our website to the same open-source platform."),
        ("WKF", "Reused the content migration plan."),
        ("KIR", "Joined the shared platform for our service pages."),
    ],
    ("casestudypage", "kirklees-early-help-data-sharing"): [
        ("WKF", "Reused the data protection impact assessment as a starting point."),
    ],
    ("casestudypage", "durham-adult-social-care-financial-assessment"): [
        ("PKN", "Adapted the calculator to Scottish charging rules."),
        ("NET", "Used the research with carers to plan our own discovery."),
    ],
    ("casestudypage", "glasgow-blue-badge-applications"): [
        ("DND", "Reused the evidence checklist for applicants."),
        ("FIF", "Followed the same online application steps."),
    ],
    ("casestudypage", "islington-parking-permits"): [
        ("CMD", "Moved to virtual permits following this approach."),
        ("HCK", "Used the instant approval rules for visitor permits."),
    ],
    ("casestudypage", "kent-school-admissions-online"): [
        ("SRY", "Reused the content for the online admissions form."),
        ("ESS", "Followed the same approach to sibling checks."),
    ],
    ("casestudypage", "barnet-planning-application-validation"): [
        ("SWK", "Used the validation checks in our own planning service."),
        ("TEW", "Reused the most common reasons applications are invalid."),
    ],
    ("casestudypage", "somerset-pothole-reporting"): [
        ("DEV", "Reused the map-based reporting step."),
        ("CON", "Used the photo guidance for residents."),
    ],
    ("casestudypage", "lambeth-temporary-accommodation"): [
        ("SWK", "Reused the text message updates to households."),
    ],
    ("casestudypage", "fife-freedom-of-information-requests"): [
        ("PKN", "Moved our requests to the same online form and tracker."),
        ("DND", "Reused the published disclosure log."),
        ("EDH", "Followed the approach to cut overdue requests."),
    ],
    ("casestudypage", "derry-strabane-waste-services-online"): [
        ("CCG", "Followed the same route to buy waste services online."),
    ],
    ("procurementbriefpage", "housing-repairs-online-service"): [
        ("CRF", "Adapted the brief to buy a team to reuse the service."),
        ("SWK", "Reused the integration requirements."),
    ],
    ("procurementbriefpage", "waste-services-digital-platform"): [
        ("DRS", "Reused the brief almost unchanged."),
        ("BUR", "Reused the in-cab integration requirements."),
    ],
    ("procurementbriefpage", "revenues-benefits-cloud-hosting"): [
        ("SMT", "Used the data migration requirements after our own reorganisation."),
    ],
    ("procurementbriefpage", "contact-centre-chatbot"): [
        ("LIV", "Reused the evaluation criteria."),
    ],
    ("procurementbriefpage", "open-source-website-platform"): [
        ("BRD", "Reused the brief to buy a delivery partner."),
        ("YOR", "Used the skills list for our own website procurement."),
    ],
    ("procurementbriefpage", "early-help-data-sharing-discovery"): [
        ("WKF", "Reused the discovery brief for children's services."),
    ],
    ("procurementbriefpage", "local-land-charges-data-cleansing"): [
        ("DEV", "Reused the data cleansing brief before our migration to HM Land Registry."),
        ("BAS", "Used the acceptance criteria for cleansed records."),
    ],
    ("procurementbriefpage", "financial-assessment-calculator"): [
        ("PKN", "Reused the requirements for our care charging calculator."),
        ("NET", "Used the evaluation weightings."),
    ],
    ("procurementbriefpage", "temporary-accommodation-alpha"): [
        ("GRE", "Reused the discovery and alpha brief."),
    ],
    ("procurementbriefpage", "planning-validation-alpha"): [
        ("SWK", "Joined the second phase using this brief."),
        ("TEW", "Reused the user needs section."),
    ],
    ("businesscasepage", "housing-repairs-digital-service"): [
        ("CRF", "Used the benefits model for our own business case."),
    ],
    ("businesscasepage", "revenues-benefits-cloud-migration"): [
        ("SMT", "Reused the options appraisal."),
    ],
    ("businesscasepage", "contact-centre-chatbot"): [
        ("LIV", "Used the cost per contact figures."),
    ],
    ("businesscasepage", "shared-website-platform"): [
        ("BRD", "Reused the whole-life cost model."),
        ("KIR", "Used the case for a shared platform."),
    ],
    ("businesscasepage", "garden-waste-online-subscriptions"): [
        ("EDE", "Reused the income and take-up assumptions."),
    ],
    ("businesscasepage", "online-financial-assessment"): [
        ("PKN", "Adapted the economic case for Scotland."),
    ],
    ("businesscasepage", "temporary-accommodation-service"): [
        ("TWH", "Used the benefits of fewer contacts from households."),
    ],
    ("businesscasepage", "blue-badge-online-service"): [
        ("DND", "Reused the management case."),
    ],
    ("businesscasepage", "waste-services-platform"): [
        ("DRS", "Used the financial case to get approval for our platform."),
    ],
    ("servicepatternpage", "report-a-pothole"): [
        ("DEV", "Our pothole form follows this pattern."),
        ("NFK", "Used the pattern for highway defects."),
    ],
    ("servicepatternpage", "apply-for-a-school-place"): [
        ("SRY", "Our admissions form follows this pattern."),
    ],
    ("servicepatternpage", "submit-a-planning-application"): [
        ("SWK", "Used the validation steps."),
    ],
}


def _may_record_reuse(organisation: Organisation, page) -> bool:
    """Another council than the page's own organisations: the reuse the site counts."""
    return organisation.organisation_type == OrganisationType.COUNCIL and not any(
        own.pk == organisation.pk for own in page.organisations.all()
    )


def _reused_at(*pages, days_after: int = 0) -> datetime.datetime:
    """A plausible time for a reuse record: after every page it involves was published."""
    latest = max(page.date for page in pages)
    day = min(latest + datetime.timedelta(days=days_after), timezone.localdate())
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def reuse_records_ensure() -> int:
    """Reuse by other councils, through the service members use, so counts stay in step.

    Each case study that used a pattern stands for its council reusing that pattern; REUSES
    adds the rest across every content type.
    """
    created = 0
    reused_page_ids = set()
    organisations = {
        organisation.code: organisation
        for organisation in Organisation.objects.filter(
            code__in={code for records in REUSES.values() for code, _note in records}
        )
    }
    for pattern in ServicePatternPage.objects.live().prefetch_related("organisations"):
        for case_study in pattern.case_studies.live().prefetch_related("organisations"):
            for organisation in case_study.organisations.all():
                if not _may_record_reuse(organisation, pattern):
                    continue
                _record, was_created = engagement_services.organisation_reuse_record(
                    page=pattern,
                    organisation_id=organisation.pk,
                    note=f"Used in “{case_study.title[:200]}”",
                    recorded_at=_reused_at(case_study, pattern),
                    refresh_count=False,
                )
                if was_created:
                    reused_page_ids.add(pattern.pk)
                    created += 1
    for model in (item.model for item in library_types()):
        type_name = model._meta.model_name
        slugs = [slug for kind, slug in REUSES if kind == type_name]
        for page in model.objects.live().filter(slug__in=slugs).prefetch_related("organisations"):
            for days_after, (code, note) in enumerate(REUSES[(type_name, page.slug)], start=1):
                organisation = organisations.get(code)
                if organisation is None or not _may_record_reuse(organisation, page):
                    continue
                _record, was_created = engagement_services.organisation_reuse_record(
                    page=page,
                    organisation_id=organisation.pk,
                    note=note,
                    recorded_at=_reused_at(page, days_after=45 * days_after),
                    refresh_count=False,
                )
                if was_created:
                    reused_page_ids.add(page.pk)
                    created += 1
    # One count update and one reindex for every page, instead of one per record (4 s).
    if reused_page_ids:
        engagement_services.reuse_counts_refresh(page_ids=sorted(reused_page_ids))
    return created


def comments_ensure(profiles: list[MemberProfile]) -> int:
    verified = [profile for profile in profiles if profile.is_verified]
    if not verified or Comment.objects.exists():
        return 0
    hits = listing_selectors.search_listing({"order": "most-reused"}, page_size=len(COMMENTS)).hits
    for index, (page, body) in enumerate(zip(hits, COMMENTS, strict=False)):
        profile = verified[index % len(verified)]
        Comment.objects.create(
            page_id=page.page_id,
            author=profile.user,
            organisation=profile.organisation,
            body=body,
            status=ModerationStatus.PENDING
            if index == len(COMMENTS) - 1
            else ModerationStatus.APPROVED,
            moderated_at=timezone.now(),
        )
    return len(hits)


def opportunities_ensure(profiles: list[MemberProfile]) -> int:
    verified = [profile for profile in profiles if profile.is_verified]
    if not verified or Opportunity.objects.exists():
        return 0
    areas = {area.slug: area for area in ServiceArea.objects.all()}
    for index, (title, description, seeking, budget, phase, area_slug) in enumerate(OPPORTUNITIES):
        profile = verified[index % len(verified)]
        collaboration_services.opportunity_create(
            profile=profile,
            data={
                "title": title,
                "description": description,
                "seeking": [seeking],
                "budget_band": budget,
                "phase": phase,
                "service_area": areas.get(area_slug),
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
