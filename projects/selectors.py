"""Reads for Declaration projects: updates, who may post them, an organisation's projects,
projects gone quiet and signatories with no project started."""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from community.models import Commitment, ModerationStatus, Signature, SignatureStatus
from listings.selectors import related_cards
from projects.models import STALE_AFTER_DAYS, ProjectIndexPage, ProjectPage, ProjectUpdate

# A signatory whose signature is older than this with no live project shows in the
# Collaboration Unit's report.
SIGNED_WITHOUT_PROJECT_DAYS = 365


def projects_index() -> ProjectIndexPage | None:
    return ProjectIndexPage.objects.live().public().first()


def public_projects() -> QuerySet:
    """Live projects anyone may read: never a draft, never a page behind a restriction."""
    return ProjectPage.objects.live().public()


def published_updates(project: ProjectPage) -> QuerySet:
    """What the project page shows: approved updates, oldest first, as a diary reads."""
    return (
        ProjectUpdate.objects.filter(project=project, status=ModerationStatus.APPROVED)
        .select_related("organisation")
        .order_by("happened_on", "created_at")
    )


def project_organisation_ids(project: ProjectPage) -> set[int]:
    """The lead and partner organisations, whose verified members may post updates."""
    ids = {org.pk for org in project.organisations.all()}
    if project.lead_organisation_id:
        ids.add(project.lead_organisation_id)
    return ids


def pending_update_count(*, project: ProjectPage, user) -> int:
    """The reader's own updates still waiting for a moderator, so they know it arrived."""
    if not getattr(user, "is_authenticated", False):
        return 0
    return ProjectUpdate.objects.filter(
        project=project, author=user, status=ModerationStatus.PENDING
    ).count()


@dataclass(frozen=True)
class OrganisationProject:
    project: ProjectPage
    role: str  # "Lead" or "Partner"
    latest_update: ProjectUpdate | None


def projects_for_organisations(organisation_ids) -> dict[int, list[OrganisationProject]]:
    """The live, public projects each organisation leads or works on as a partner, newest
    start first, each with its latest published update: two queries however many
    organisations (a page of signatories)."""
    wanted = set(organisation_ids)
    found: dict[int, list[OrganisationProject]] = {pk: [] for pk in wanted}
    if not wanted:
        return found
    links = list(
        ProjectPage.organisations.through.objects.filter(
            organisation_id__in=wanted,
            basepage_id__in=public_projects().values("pk"),
        ).values_list("basepage_id", "organisation_id")
    )
    projects = {
        project.pk: project
        for project in public_projects().filter(pk__in={pk for pk, _org in links})
    }
    latest: dict[int, ProjectUpdate] = {}
    for update in ProjectUpdate.objects.filter(
        project__in=list(projects), status=ModerationStatus.APPROVED
    ).order_by("happened_on", "created_at"):
        latest[update.project_id] = update
    for project_id, organisation_id in links:
        project = projects[project_id]
        found[organisation_id].append(
            OrganisationProject(
                project=project,
                role="Lead" if project.lead_organisation_id == organisation_id else "Partner",
                latest_update=latest.get(project_id),
            )
        )
    for rows in found.values():
        rows.sort(key=lambda row: (row.project.date, row.project.pk), reverse=True)
    return found


def projects_for_organisation(organisation_id: int) -> list[OrganisationProject]:
    return projects_for_organisations([organisation_id])[organisation_id]


def stale_projects(*, today: datetime.date | None = None) -> list[ProjectPage]:
    """Live projects with no published update for STALE_AFTER_DAYS (completed and retired
    projects never go stale)."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=STALE_AFTER_DAYS)
    recent = ProjectUpdate.objects.filter(
        project=OuterRef("pk"), status=ModerationStatus.APPROVED, happened_on__gt=cutoff
    )
    candidates = public_projects().exclude(Exists(recent)).order_by("pk")
    return [project for project in candidates if project.is_stale(today)]


def commitments_without_project() -> QuerySet:
    """Published commitments (approved signatures) that have no project yet."""
    return (
        Commitment.objects.filter(
            is_published=True, signature__status=SignatureStatus.APPROVED, project__isnull=True
        )
        .select_related("signature", "organisation")
        .order_by("created_at", "pk")
    )


def signatories_without_project(*, today: datetime.date | None = None) -> QuerySet:
    """Signatures more than a year old whose organisation leads no live project: the
    Collaboration Unit's report, oldest signature first."""
    now = (
        timezone.now()
        if today is None
        else timezone.make_aware(datetime.datetime.combine(today, datetime.time.min))
    )
    live_project = ProjectPage.objects.live().filter(
        lead_organisation_id=OuterRef("organisation_id")
    )
    return (
        Signature.objects.filter(
            status=SignatureStatus.APPROVED,
            signed_at__lt=now - datetime.timedelta(days=SIGNED_WITHOUT_PROJECT_DAYS),
        )
        .exclude(Exists(live_project))
        .select_related("organisation")
        .order_by("signed_at", "pk")
    )


def output_cards(project: ProjectPage) -> list:
    """Cards of the library pages the project produced, from the search index, so only
    live, public ones (a preview's unsaved choices included)."""
    ids = {output.page_id for output in project.outputs.all() if output.page_id}
    sections = related_cards([("What it produced", ids)])
    return sections[0][1] if sections else []
