"""Demo funding: a decided round (applications funded and not, with partners, budgets,
assessments and reasons) and an open one, as the Local Digital Fund ran them.

Illustrative, and said to be (the notice on each round). Idempotent: a round that exists (by
slug) is left alone with its applications. Dates are set from the day the demo is first
loaded, so one round is always open and the other always decided.
"""

import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from wagtail.models import Page

from community.models import Signature, SignatureStatus
from core.boilerplate import DEMO_NOTICE_HTML
from core.models import Principle
from events.models import UK_TIME
from funding.models import (
    ApplicationPartner,
    ApplicationStatus,
    Assessment,
    AssessmentCriterion,
    BudgetLine,
    CriterionScore,
    FundingApplication,
    FundingIndexPage,
    FundingRoundPage,
    PhaseLimit,
)
from projects.models import ProjectPage

NOTICE = ("callout", {"text": DEMO_NOTICE_HTML})
CRITERIA = [
    ("A problem many councils share", "How many councils have it, and the evidence.", 30),
    ("Users and their needs", "Who the users are and what research shows they need.", 25),
    ("A credible plan and team", "Roles, time, and what the phase will find out.", 25),
    ("Open outputs others can reuse", "Research, patterns, code and benefits cases.", 20),
]
DECIDED_ROUND = {
    "slug": "round-6",
    "title": "Local Digital Fund: round 6",
    "summary": "Alpha and beta funding for collaborative projects between signatory councils.",
    "days": (-200, -120),
    "minimum_organisations": 3,
    "phases": [("alpha", 350_000), ("beta", 350_000)],
}
OUTPUTS = (
    "User research findings, service patterns, a benefits case and code repositories, "
    "published under open licences for any council to reuse."
)
CONTINUOUS_ROUND = {
    "slug": "next-phases",
    "title": "Local Digital Fund: next phases",
    "summary": "Funded projects propose their next phase when they are ready, between rounds.",
    "days": (-60, 300),
    "minimum_organisations": 2,
    "phases": [("alpha", 350_000), ("beta", 350_000)],
    "funded_projects_only": True,
}
OPEN_ROUND = {
    "slug": "round-7",
    "title": "Local Digital Fund: round 7",
    "summary": "Discovery and alpha funding for councils that have signed the Declaration.",
    "days": (-10, 45),
    "minimum_organisations": 2,
    "phases": [("discovery", 100_000), ("alpha", 350_000)],
}
# (project slug, title, phase, requested, outcome, awarded, lines, reason): a bid for the
# demo's Declaration project of that slug, led by its lead, where that project exists.
DECIDED_APPLICATIONS = [
    (
        "",
        "Adult social care assessments online",
        "alpha",
        310_000,
        ApplicationStatus.FUNDED,
        295_000,
        [
            ("Developers and a designer, 16 weeks", 210_000),
            ("User research", 60_000),
            ("Accessibility audit and hosting", 40_000),
        ],
        "Strong evidence that the problem is shared, a clear plan, and open code and research "
        "promised. The award is less than asked: hosting is for the councils to fund.",
    ),
    (
        "school-admissions-beta",
        "School admissions beta",
        "beta",
        250_000,
        ApplicationStatus.FUNDED,
        250_000,
        [
            ("Development team, 20 weeks", 180_000),
            ("Content design", 45_000),
            ("Assisted digital support", 25_000),
        ],
        "The alpha showed the forms work for parents across three councils; the beta plan "
        "and the open outputs are credible.",
    ),
    (
        "",
        "Council tax single sign-on",
        "alpha",
        280_000,
        ApplicationStatus.NOT_FUNDED,
        None,
        [("Identity specialist and developers", 230_000), ("User research", 50_000)],
        "The need is real, but the plan depends on a supplier's product roadmap the "
        "partners do not control; we would welcome a discovery bid in round 7.",
    ),
]


def at(days: int) -> datetime.datetime:
    return timezone.now().replace(hour=12, minute=0, second=0, microsecond=0) + (
        datetime.timedelta(days=days)
    )


def round_ensure(index, plan) -> tuple[FundingRoundPage, bool]:
    existing = FundingRoundPage.objects.child_of(index).filter(slug=plan["slug"]).first()
    if existing is not None:
        return existing, False
    opens, closes = plan["days"]
    page = FundingRoundPage(
        title=plan["title"],
        slug=plan["slug"],
        summary=plan["summary"],
        body=[NOTICE],
        opens_at=at(opens),
        closes_at=at(closes),
        decisions_by=(at(closes) + datetime.timedelta(days=30)).date(),
        minimum_organisations=plan["minimum_organisations"],
        maximum_leads=2,
        funded_projects_only=plan.get("funded_projects_only", False),
        outputs_required=OUTPUTS,
        phase_limits=[
            PhaseLimit(phase=phase, maximum_amount=most) for phase, most in plan["phases"]
        ],
        criteria=[
            AssessmentCriterion(title=title, description=description, weight=weight)
            for title, description, weight in CRITERIA
        ],
        # Announced a week before it opened, and checked then (a round is a record of its
        # rules and dates, never due for review).
        date=at(opens - 7).date(),
        last_reviewed=at(opens - 7).date(),
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    published_at = datetime.datetime.combine(page.date, datetime.time(9), tzinfo=UK_TIME)
    Page.objects.filter(pk=page.pk).update(
        first_published_at=published_at, last_published_at=published_at
    )
    return page, True


def applications_ensure(round_page: FundingRoundPage) -> int:
    signatories = [
        signature.organisation
        for signature in Signature.objects.filter(status=SignatureStatus.APPROVED)
        .select_related("organisation")
        .order_by("organisation__name")
    ]
    if len(signatories) < 3:
        return 0
    assessor = get_user_model().objects.filter(username="assessor").first()
    criteria = list(round_page.criteria.all())
    principles = list(Principle.objects.order_by("number")[:3])
    submitted_at = round_page.closes_at - datetime.timedelta(days=3)
    created = 0
    for number, (slug, title, phase, requested, outcome, awarded, lines, reason) in enumerate(
        DECIDED_APPLICATIONS
    ):
        project = ProjectPage.objects.filter(slug=slug).first() if slug else None
        lead = project.lead_organisation if project else signatories[number % len(signatories)]
        others = [organisation for organisation in signatories if organisation != lead]
        partners = [others[(number + step) % len(others)] for step in (0, 1)]
        application = FundingApplication.objects.create(
            round=round_page,
            lead_organisation=lead,
            project=project,
            project_title=title,
            phase=phase,
            amount_requested=requested,
            problem=f"Every partner council runs its own version of this service ({title.lower()}), "
            "at its own cost, and residents meet a different process in each.",
            users="Residents who use the service, and the council staff who run it.",
            plan="Build on what the partners learned together, in the open, with a show and tell "
            "every fortnight and the code published from the first week.",
            status=outcome,
            submitted_at=submitted_at,
            amount_awarded=awarded,
            decision_reason=reason,
            decided_at=round_page.closes_at + datetime.timedelta(days=25),
        )
        application.principles.set(principles)
        for partner in partners:
            ApplicationPartner.objects.create(
                application=application,
                organisation=partner,
                contact_name=f"Digital lead, {partner.name} (demo)",
                contact_email="digital.lead@example.gov.uk",
                invited_at=submitted_at - datetime.timedelta(days=10),
                confirmed_at=submitted_at - datetime.timedelta(days=8),
            )
        BudgetLine.objects.bulk_create(
            BudgetLine(application=application, description=description, amount=amount)
            for description, amount in lines
        )
        if assessor is not None:
            assessment = Assessment.objects.create(application=application, assessor=assessor)
            score = 4 if outcome == ApplicationStatus.FUNDED else 2
            CriterionScore.objects.bulk_create(
                CriterionScore(
                    assessment=assessment,
                    criterion=criterion,
                    score=score,
                    reason=f"{criterion.title}: {'met well' if score > 3 else 'not yet shown'}.",
                )
                for criterion in criteria
            )
        created += 1
    return created


@transaction.atomic
def funding_demo_load() -> dict:
    index = FundingIndexPage.objects.first()
    if index is None:  # the site tree makes it
        return {"rounds_created": 0, "applications_created": 0}
    decided, decided_created = round_ensure(index, DECIDED_ROUND)
    _open, open_created = round_ensure(index, OPEN_ROUND)
    _continuous, continuous_created = round_ensure(index, CONTINUOUS_ROUND)
    applications = applications_ensure(decided) if decided_created else 0
    return {
        "rounds_created": decided_created + open_created + continuous_created,
        "applications_created": applications,
    }
