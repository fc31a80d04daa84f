"""Reads for the fund: rounds, a member's applications, what a round publishes, its figures."""

from collections import Counter, defaultdict

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone

from community.auth import member_profile
from community.declaration.selectors import organisation_has_signed
from core.site_url import absolute_url
from funding.models import (
    COUNTED_STATUSES,
    PUBLISHED_STATUSES,
    ApplicationPartner,
    ApplicationStatus,
    FundingApplication,
    FundingIndexPage,
    FundingRoundPage,
)
from projects.models import ProjectPage


def fund_index() -> FundingIndexPage | None:
    return FundingIndexPage.objects.live().public().first()


def lead_projects(organisation) -> QuerySet:
    """The live, public Declaration projects an organisation leads: what it may bid for."""
    return (
        ProjectPage.objects.live().public().filter(lead_organisation=organisation).order_by("title")
    )


def public_project(project_id: str) -> ProjectPage | None:
    if not project_id.isdigit():
        return None
    return ProjectPage.objects.live().public().filter(pk=int(project_id)).first()


def rounds_for_project(project, now=None) -> list[FundingRoundPage]:
    """The open rounds this project may bid in: every open round, and the continuous ones
    only once it has been funded."""
    funded = has_been_funded(project)
    return [
        round_page
        for round_page in open_rounds(now)
        if funded or not round_page.funded_projects_only
    ]


def awards_for_project(project) -> list[FundingApplication]:
    """The funded applications of a project, in rounds that are live, newest first."""
    if not project.funding_source:
        # An award names the project's funding source (services.decision_record), so a
        # project without one has none: its page (most projects' case) costs no query.
        return []
    return list(
        FundingApplication.objects.filter(
            project=project, status=ApplicationStatus.FUNDED, round__live=True
        )
        .select_related("round")
        .order_by("-decided_at")
    )


def has_been_funded(project, *, exclude=None) -> bool:
    queryset = FundingApplication.objects.filter(project=project, status=ApplicationStatus.FUNDED)
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return queryset.exists()


def public_rounds() -> QuerySet:
    return FundingRoundPage.objects.live().public()


def open_rounds(now=None) -> QuerySet:
    now = now or timezone.now()
    return public_rounds().filter(opens_at__lte=now, closes_at__gt=now).order_by("closes_at")


def leads_in_round(*, round_page: FundingRoundPage, organisation, exclude=None) -> int:
    """Applications the organisation leads in the round (drafts count: a third draft is the
    third bid), withdrawn ones apart."""
    queryset = FundingApplication.objects.filter(
        round=round_page, lead_organisation=organisation, status__in=COUNTED_STATUSES
    )
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return queryset.count()


def with_details(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("round", "lead_organisation").prefetch_related(
        Prefetch("partners", queryset=ApplicationPartner.objects.select_related("organisation")),
        "budget_lines",
        "principles",
    )


def member_applications(*, user) -> list[FundingApplication]:
    """The applications a member started, and those their organisation leads."""
    profile = member_profile(user)
    queryset = FundingApplication.objects.filter(created_by=user)
    if profile is not None and profile.organisation_id:
        queryset = queryset | FundingApplication.objects.filter(
            lead_organisation_id=profile.organisation_id
        ).exclude(status=ApplicationStatus.DRAFT)
    return list(with_details(queryset.distinct()).order_by("-created_at"))


def editable_application(*, pk: int, user) -> FundingApplication | None:
    """A draft its author may still change; None for anyone else's, or a submitted one."""
    return (
        with_details(
            FundingApplication.objects.filter(
                pk=pk, created_by=user, status=ApplicationStatus.DRAFT
            )
        )
        .filter(round__live=True)
        .first()
    )


def published_applications(round_page: FundingRoundPage, now=None) -> list[FundingApplication]:
    """Every submitted application of a closed round, funded or not; nothing before it closes."""
    if not round_page.has_closed(now):
        return []
    return list(
        with_details(
            FundingApplication.objects.filter(round=round_page, status__in=PUBLISHED_STATUSES)
        ).order_by("lead_organisation__name", "pk")
    )


def published_application(pk: int, now=None) -> FundingApplication | None:
    application = with_details(
        FundingApplication.objects.filter(pk=pk, status__in=PUBLISHED_STATUSES)
    ).first()
    if application is None:
        return None
    round_page = public_rounds().filter(pk=application.round_id).first()
    if round_page is None or not round_page.has_closed(now):
        return None
    return application


def partner_by_token(token) -> ApplicationPartner | None:
    return (
        ApplicationPartner.objects.select_related(
            "application__round", "application__lead_organisation", "organisation"
        )
        .filter(token=token, application__status=ApplicationStatus.DRAFT)
        .first()
    )


def non_signatories(organisations) -> list:
    return [org for org in organisations if not organisation_has_signed(org)]


def round_figures(round_page: FundingRoundPage, now=None, applications=None) -> dict:
    """What a closed round gave: applications, awards, money by phase, nation and region."""
    if applications is None:
        applications = published_applications(round_page, now)
    funded = [a for a in applications if a.status == ApplicationStatus.FUNDED]
    by_phase: dict[str, int] = defaultdict(int)
    by_nation: dict[str, int] = defaultdict(int)
    by_region: dict[str, int] = defaultdict(int)
    for application in funded:
        amount = application.amount_awarded or 0
        by_phase[application.get_phase_display() or "Not given"] += amount
        organisation = application.lead_organisation
        by_nation[organisation.nation or "Not known"] += amount
        if organisation.region:
            by_region[organisation.region] += amount
    return {
        "applications": len(applications),
        "awards": len(funded),
        "awarded_total": sum(a.amount_awarded or 0 for a in funded),
        "requested_total": sum(a.amount_requested or 0 for a in applications),
        "status_counts": Counter(a.get_status_display() for a in applications),
        "by_phase": sorted(by_phase.items()),
        "by_nation": sorted(by_nation.items()),
        "by_region": sorted(by_region.items()),
    }


def figure_rows(round_page: FundingRoundPage, now=None) -> list[tuple[str, str, int]]:
    """The round's figures as (measure, group, value) rows: its CSV download and its tables."""
    figures = round_figures(round_page, now)
    rows = [
        ("Applications", "All", figures["applications"]),
        ("Awards", "All", figures["awards"]),
        ("Amount awarded (£)", "All", figures["awarded_total"]),
        ("Amount requested (£)", "All", figures["requested_total"]),
    ]
    rows += [("Amount awarded by phase (£)", name, value) for name, value in figures["by_phase"]]
    rows += [("Amount awarded by nation (£)", name, value) for name, value in figures["by_nation"]]
    rows += [("Amount awarded by region (£)", name, value) for name, value in figures["by_region"]]
    return rows


APPLICATION_COLUMNS = [
    "reference",
    "project",
    "lead_organisation",
    "partners",
    "phase",
    "amount_requested",
    "outcome",
    "amount_awarded",
    "url",
]


def application_rows(round_page: FundingRoundPage, now=None) -> list[dict]:
    """A closed round's published applications as rows (its CSV and JSON downloads)."""
    return [
        {
            "reference": application.reference,
            "project": application.project_title,
            "lead_organisation": application.lead_organisation.name,
            "partners": "; ".join(p.organisation.name for p in application.partners.all()),
            "phase": application.get_phase_display(),
            "amount_requested": application.amount_requested,
            "outcome": application.get_status_display(),
            "amount_awarded": application.amount_awarded,
            "url": absolute_url(reverse("funding:application", args=[application.pk])),
        }
        for application in published_applications(round_page, now)
    ]


def round_context(round_page: FundingRoundPage, request) -> dict:
    closed = round_page.has_closed()
    context = {
        "round_open": round_page.is_open(),
        "round_closed": closed,
        "applications": published_applications(round_page) if closed else [],
    }
    if closed:
        # The same rows as the list above: read once for the page.
        context["figures"] = round_figures(round_page, applications=context["applications"])
        context["chart_bars"] = chart_bars(context["figures"]["by_phase"])
        context["chart_height"] = CHART_ROW * len(context["chart_bars"])
        figures = context["figures"]
        context["figure_tables"] = [
            (caption, rows)
            for caption, rows in (
                ("Money awarded by phase", figures["by_phase"]),
                ("Money awarded by nation", figures["by_nation"]),
                ("Money awarded by region", figures["by_region"]),
            )
            if rows
        ]
    return context


CHART_ROW = 40  # SVG units per bar: its label above, the bar below


def chart_bars(items: list[tuple[str, int]]) -> list[dict]:
    """Bars of a horizontal chart (the round page's SVG): each as a share of the largest,
    with where it goes; the table beside it carries the same figures in words."""
    largest = max((value for _name, value in items), default=0)
    bars = []
    for row, (name, value) in enumerate(items):
        width = round(420 * value / largest) if largest else 0
        bars.append(
            {
                "label": name,
                "value": value,
                "width": width,
                "label_y": row * CHART_ROW + 14,
                "bar_y": row * CHART_ROW + 20,
                "value_x": width + 6,
            }
        )
    return bars
