"""Writes for Declaration projects: a draft from a commitment, members' updates and their
moderation, and reminders for projects that have gone quiet."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import Truncator, slugify

from community import emails
from community.engagement import services as engagement_services
from community.models import (
    Follow,
    FollowKind,
    MemberProfile,
    ModerationStatus,
    VerificationStatus,
)
from community.text import plain_text
from core import selectors as core_selectors
from core.page_cache import invalidate_page_cache
from projects import selectors
from projects.models import (
    ProjectIndexPage,
    ProjectPage,
    ProjectPhase,
    ProjectReminder,
    ProjectStatus,
    ProjectUpdate,
)
from search import indexing


class UpdateRefused(Exception):
    """Why someone may not post an update, in words to show them."""

    def __init__(self, message: str, *, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


# --- From a commitment ---------------------------------------------------------------------


def unique_child_slug(parent, title: str) -> str:
    base = slugify(title)[:200] or "project"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base[:190]}-{number}"
        number += 1
    return slug


@transaction.atomic
def project_from_commitment(*, commitment) -> ProjectPage | None:
    """A draft project for staff to check and publish, made once per commitment; None when
    it already has one or the site has no projects index to hold it."""
    existing = ProjectPage.objects.filter(commitment=commitment).first()
    if existing is not None:
        return None
    parent = ProjectIndexPage.objects.first()
    if parent is None:
        return None
    body = [("paragraph", f"<p>{escape_text(commitment.mission)}</p>")]
    if commitment.impact:
        body += [
            ("heading", {"text": "The difference it will make", "level": "h2"}),
            ("paragraph", f"<p>{escape_text(commitment.impact)}</p>"),
        ]
    signed_at = commitment.signature.signed_at or timezone.now()
    project = ProjectPage(
        title=commitment.title,
        slug=unique_child_slug(parent, commitment.title),
        summary=Truncator(plain_text(commitment.mission)).chars(600),
        lead_organisation=commitment.organisation,
        commitment=commitment,
        date=timezone.localdate(signed_at),
        live=False,
        body=body,
    )
    parent.add_child(instance=project)
    project.save_revision()
    return project


def escape_text(value: str) -> str:
    return escape(plain_text(value)).replace("\n", "<br>")


def projects_from_signature(*, signature) -> list[ProjectPage]:
    made = [project_from_commitment(commitment=c) for c in signature.commitments.all()]
    return [project for project in made if project is not None]


def projects_from_published_commitments() -> int:
    """Draft projects for the published commitments that have none (signed before projects
    existed); returns how many were made."""
    made = 0
    for commitment in selectors.commitments_without_project():
        if project_from_commitment(commitment=commitment) is not None:
            made += 1
    return made


# --- Updates -------------------------------------------------------------------------------


def update_check(*, project: ProjectPage, profile: MemberProfile | None) -> None:
    """Raises UpdateRefused unless the member may post an update on this project."""
    if profile is None:
        raise UpdateRefused(
            "Only members of the project's organisations can post updates. Staff accounts "
            "are not members.",
            code="not_member",
        )
    if not profile.is_verified:
        raise UpdateRefused(
            "Only verified members can post updates. A moderator will check that you work for "
            f"{profile.organisation.name}; then you can post one.",
            code="unverified",
        )
    if profile.organisation_id not in selectors.project_organisation_ids(project):
        raise UpdateRefused(
            f"Only members of the organisations working on {project.title} can post updates, "
            f"and {profile.organisation.name} is not one of them.",
            code="other_organisation",
        )


def update_create(
    *,
    project: ProjectPage,
    profile: MemberProfile,
    happened_on: datetime.date,
    what_happened: str,
    what_next: str = "",
    new_phase: str = "",
    new_status: str = "",
) -> ProjectUpdate:
    """A pending update from a member of one of the project's organisations; moderators
    are told it waits for them."""
    update_check(project=project, profile=profile)
    update = ProjectUpdate.objects.create(
        project=project,
        author=profile.user,
        organisation=profile.organisation,
        happened_on=happened_on,
        what_happened=plain_text(what_happened)[:3000],
        what_next=plain_text(what_next)[:3000],
        new_phase=new_phase if new_phase in ProjectPhase.values else "",
        new_status=new_status if new_status in ProjectStatus.values else "",
    )
    emails.send(
        to=emails.staff_emails(),
        template="project_update_to_moderate",
        context={"update": update, "project": project, "edit_url": emails.admin_edit_url(update)},
    )
    return update


@transaction.atomic
def update_moderated(*, update: ProjectUpdate, previous_status: str) -> None:
    """After a moderator changes an update's status in the admin. Approval applies its
    change of phase or status to the page (a new revision, published) and tells followers
    of the project and of its organisations and service areas; the page shows it from then
    on."""
    if update.status == previous_status:
        return
    update.moderated_at = timezone.now()
    update.save(update_fields=["moderated_at"])
    if update.status == ModerationStatus.APPROVED:
        project_change_apply(update=update)
        followers_notify_update(update=update)
    # Freshness and the listing's "No update since" follow the published updates.
    indexing.index_pages([update.project_id])
    invalidate_page_cache()


def project_change_apply(*, update: ProjectUpdate) -> None:
    changes = {}
    if update.new_phase:
        changes["phase"] = update.new_phase
    if update.new_status:
        changes["status"] = update.new_status
    live_fields_publish(project_id=update.project_id, changes=changes)


def live_fields_publish(*, project_id: int, changes: dict) -> None:
    """Change fields of the live project and publish that (a new revision); a project not
    yet live gets a new draft revision instead."""
    if not changes:
        return
    # From the live page, not the latest draft: the change is published, and nothing an
    # editor has not yet published.
    project = ProjectPage.objects.get(pk=project_id)
    if all(getattr(project, name) == value for name, value in changes.items()):
        return
    for name, value in changes.items():
        setattr(project, name, value)
    if project.live:
        project.save_revision(log_action=True).publish()
    else:
        project.save_revision()


def update_follows(project: ProjectPage):
    """Follows of the project itself and of its organisations and service areas, by
    active members."""
    org_slugs = list(project.organisations.values_list("slug", flat=True))
    area_slugs = list(project.service_areas.values_list("slug", flat=True))
    return Follow.objects.filter(
        Q(kind=FollowKind.PAGE, value=str(project.pk))
        | Q(kind=FollowKind.ORGANISATION, value__in=org_slugs)
        | Q(kind=FollowKind.SERVICE_AREA, value__in=area_slugs),
        user__is_active=True,
    ).select_related("user")


def followers_notify_update(*, update: ProjectUpdate) -> int:
    """Email immediate followers once each; queue the project for daily ones' digests.
    Nobody hears of a project that is not live and public."""
    project = ProjectPage.objects.get(pk=update.project_id)
    if not core_selectors.page_is_live_and_public(project.pk):
        return 0
    return engagement_services.followers_tell(
        page_id=project.pk,
        follows=update_follows(project),
        template="project_update_published",
        context={"project": project, "update": update},
    )


# --- Freshness -----------------------------------------------------------------------------


def project_reminders_send(*, today: datetime.date | None = None) -> int:
    """Email the lead organisation's verified members of each live project that has had no
    published update for STALE_AFTER_DAYS, once per quiet spell however often this runs;
    returns how many projects were reminded. Stale projects are re-indexed, so the listing
    says "No update since" from the day they go quiet."""
    today = today or timezone.localdate()
    reminded = []
    for project in selectors.stale_projects(today=today):
        try:
            with transaction.atomic():
                # Claim the spell first: of two overlapping runs only one creates the row.
                ProjectReminder.objects.create(project=project, fresh_since=project.fresh_since)
                owners = list(
                    MemberProfile.objects.filter(
                        organisation_id=project.lead_organisation_id,
                        verification_status=VerificationStatus.VERIFIED,
                        user__is_active=True,
                    ).values_list("user__email", flat=True)
                )
                emails.send(
                    to=owners,
                    template="project_reminder",
                    context={"project": project, "project_url": project.get_full_url()},
                )
        except IntegrityError:
            continue
        reminded.append(project.pk)
    indexing.index_pages(reminded)
    return len(reminded)
