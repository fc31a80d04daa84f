"""Every read the community makes: what the public, a member and a moderator may see."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

from community.models import (
    Comment,
    CommentReport,
    Commitment,
    MemberProfile,
    ModerationStatus,
    Opportunity,
    OpportunityStatus,
    ReuseRecord,
    Signature,
    SignatureStatus,
    VerificationStatus,
)
from core.models import BasePage
from core.page_cache import cached_per_generation
from organisations.models import Organisation, OrganisationType

# --- Members -------------------------------------------------------------------------------


def confirmed_email_addresses(user) -> list[str]:
    """The addresses a member has proved they own; only these can verify them by domain."""
    from allauth.account.models import EmailAddress

    return list(
        EmailAddress.objects.filter(user=user, verified=True)
        .order_by("-primary", "email")
        .values_list("email", flat=True)
    )


# --- Reuse ---------------------------------------------------------------------------------


def counted_reuse_records(page_id: int) -> QuerySet:
    """The one definition behind "Reused by N organisations", wherever N is shown.

    The organisations other than the page's own (those it is from) that recorded reusing it,
    suppliers left out: a council weighing up a pattern wants to know how many other public
    bodies took it on, not whether its authors or the firms that sell it use it. At most one
    record per organisation (a unique constraint), so counting records counts organisations.
    services.reuse_count_refresh stores this count in BasePage.reuse_count, which cards,
    listings, sorting, search, the API and downloads read.
    """
    # `page_id` may be OuterRef("pk"), so one UPDATE recounts many pages: the authors are
    # matched against each record's own page, not a fixed one.
    by_an_author = BasePage.organisations.through.objects.filter(
        basepage_id=OuterRef("page_id"), organisation_id=OuterRef("organisation_id")
    )
    return (
        ReuseRecord.objects.filter(page_id=page_id)
        .exclude(organisation__organisation_type=OrganisationType.SUPPLIER)
        .exclude(Exists(by_an_author))
    )


@dataclass(frozen=True)
class PageReuse:
    """A page's reuse records, split as the page shows them."""

    counted: list  # other organisations, suppliers excluded: the "Reused by N" figure
    own: list  # the organisations the page is from
    suppliers: list

    @property
    def count(self) -> int:
        return len(self.counted)

    @property
    def organisation_ids(self) -> set[int]:
        return {record.organisation_id for record in (*self.counted, *self.own, *self.suppliers)}


NO_REUSE = PageReuse(counted=[], own=[], suppliers=[])


def reuse_for_page(page) -> PageReuse:
    records = list(reuse_records_for_page(page))
    if not records:
        return NO_REUSE
    counted_ids = set(counted_reuse_records(page.pk).values_list("pk", flat=True))
    authors = set(page.organisations.values_list("pk", flat=True))
    return PageReuse(
        counted=[record for record in records if record.pk in counted_ids],
        own=[
            record
            for record in records
            if record.pk not in counted_ids and record.organisation_id in authors
        ],
        suppliers=[
            record
            for record in records
            if record.pk not in counted_ids and record.organisation_id not in authors
        ],
    )


def pages_with_reuse_records() -> frozenset[int]:
    """Ids of pages with any reuse record, so the rest skip the reuse query.

    Held for the page-cache generation, which every reuse change moves
    (services.reuse_count_refresh)."""
    return cached_per_generation(
        "pages-with-reuse-records",
        lambda: frozenset(ReuseRecord.objects.values_list("page_id", flat=True).distinct()),
    )


def reuse_records_for_page(page) -> QuerySet:
    return (
        ReuseRecord.objects.filter(page_id=page.pk)
        .select_related("organisation")
        .order_by("organisation__name")
    )


def organisation_has_reused(*, page, organisation_id) -> bool:
    if organisation_id is None:
        return False
    return ReuseRecord.objects.filter(page_id=page.pk, organisation_id=organisation_id).exists()


# --- Comments ------------------------------------------------------------------------------


def approved_comments(page) -> QuerySet:
    return Comment.objects.filter(page_id=page.pk, status=ModerationStatus.APPROVED).select_related(
        "author__member_profile", "organisation"
    )


def pages_with_approved_comments() -> frozenset[int]:
    """Ids of pages showing at least one comment, so the rest skip the comments query.

    Held for the page-cache generation: saving or deleting an approved comment, or hiding
    one, starts a new one (community.signals, services.comment_report).
    """
    return cached_per_generation(
        "pages-with-approved-comments",
        lambda: frozenset(
            Comment.objects.filter(status=ModerationStatus.APPROVED)
            .values_list("page_id", flat=True)
            .distinct()
        ),
    )


# --- Contributions -------------------------------------------------------------------------


@dataclass
class ContributionStatus:
    page: BasePage
    status: str  # draft, in_moderation, changes_requested, published
    label: str
    tag_class: str
    comment: str = ""
    public_url: str = ""

    @property
    def can_edit(self) -> bool:
        return self.status in ("draft", "changes_requested")


STATUS_LABELS = {
    "draft": ("Draft", "govuk-tag--grey"),
    "in_moderation": ("In moderation", "govuk-tag--blue"),
    "changes_requested": ("Changes requested", "govuk-tag--orange"),
    "published": ("Published", "govuk-tag--green"),
}


def contribution_status(page: BasePage, workflow_state: WorkflowState | None) -> ContributionStatus:
    comment = ""
    if workflow_state is not None:
        last_task = (
            workflow_state.task_states.exclude(comment="").order_by("-finished_at", "-id").first()
        )
        comment = last_task.comment if last_task else ""
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        status = "in_moderation"
    elif workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        status = "changes_requested"
    elif page.live:
        status = "published"
    else:
        status = "draft"
    label, tag_class = STATUS_LABELS[status]
    public_url = page.url if page.live and not page.get_view_restrictions().exists() else ""
    return ContributionStatus(page, status, label, tag_class, comment, public_url or "")


def contributions_for_user(user) -> list[ContributionStatus]:
    pages = list(BasePage.objects.filter(owner=user).order_by("-latest_revision_created_at", "-id"))
    states = {}
    if pages:
        for state in WorkflowState.objects.filter(
            base_content_type__model="page", object_id__in=[str(page.pk) for page in pages]
        ).order_by("created_at"):
            states[state.object_id] = state  # the latest wins
    return [contribution_status(page, states.get(str(page.pk))) for page in pages]


def contribution_for_user(user, page_id: int) -> ContributionStatus | None:
    page = BasePage.objects.filter(owner=user, pk=page_id).first()
    if page is None:
        return None
    state = (
        WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk))
        .order_by("-created_at")
        .first()
    )
    return contribution_status(page, state)


# --- The Declaration -----------------------------------------------------------------------


def signatories(*, query: str = "", organisation_types=(), nations=(), regions=()) -> QuerySet:
    """Approved signatures with their published commitments, newest first."""
    queryset = (
        Signature.objects.filter(status=SignatureStatus.APPROVED)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.filter(is_published=True))
        )
    )
    if query:
        queryset = queryset.filter(
            Q(organisation__name__icontains=query) | Q(organisation__official_name__icontains=query)
        )
    if organisation_types:
        queryset = queryset.filter(organisation__organisation_type__in=organisation_types)
    if nations:
        queryset = queryset.filter(organisation__nation__in=nations)
    if regions:
        queryset = queryset.filter(organisation__region__in=regions)
    return queryset.order_by("-signed_at", "organisation__name")


def signatory_counts(queryset: QuerySet) -> dict[str, list[tuple[str, int]]]:
    """Facet counts for the signatories list, over the current (filtered) results, as
    (what a reader sees, count): organisation types by their label ("Council", not the
    stored "council")."""
    type_labels = dict(OrganisationType.choices)

    def counts(field, labels=None):
        rows = queryset.order_by().values(f"organisation__{field}").annotate(total=Count("id"))
        return sorted(
            (
                ((labels or {}).get(value, value), row["total"])
                for row in rows
                if (value := row[f"organisation__{field}"])
            ),
            key=lambda item: item[0],
        )

    return {
        "organisation_type": counts("organisation_type", type_labels),
        "nation": counts("nation"),
        "region": counts("region"),
    }


def organisation_has_signed(organisation: Organisation) -> bool:
    """Only a signature staff approved stops a new application: one in progress, perhaps
    started by someone who does not work there, never does."""
    return Signature.objects.filter(
        organisation=organisation, status=SignatureStatus.APPROVED
    ).exists()


def signatures_for_organisation(organisation_id: int) -> QuerySet:
    """Every application and signature of one organisation, newest first, for staff."""
    return Signature.objects.filter(organisation_id=organisation_id).order_by("-created_at")


# --- Collaboration -------------------------------------------------------------------------


def open_opportunities(*, service_areas=(), phases=(), seeking=(), budget_bands=()) -> QuerySet:
    queryset = (
        Opportunity.objects.filter(
            status=OpportunityStatus.OPEN, closing_date__gte=timezone.localdate()
        )
        .select_related("organisation", "service_area")
        .annotate(interest_count=Count("interests"))
    )
    if service_areas:
        queryset = queryset.filter(service_area__slug__in=service_areas)
    if phases:
        queryset = queryset.filter(phase__in=phases)
    for value in seeking:
        if value in ("share_ideas", "conversation", "share_funding"):
            queryset = queryset.filter(**{value: True})
    if budget_bands:
        queryset = queryset.filter(budget_band__in=budget_bands)
    return queryset.order_by("closing_date", "-created_at")


def visible_opportunity(pk: int) -> Opportunity | None:
    """Open ones for anyone; closed ones stay reachable by link but never withdrawn ones."""
    return (
        Opportunity.objects.exclude(status=OpportunityStatus.WITHDRAWN)
        .select_related("organisation", "service_area", "created_by")
        .filter(pk=pk)
        .first()
    )


# --- What is waiting for a moderator --------------------------------------------------------


@dataclass(frozen=True)
class ModerationQueue:
    """One kind of community work waiting for staff, for the admin dashboard."""

    label: str
    count: int
    list_url: str  # the admin list of that model, filtered to what waits


# (label, model, what waits): in the order a moderator works. The same field filters select
# the admin list (its list_filter), so they are the list URL's query string too.
MODERATION_QUEUES = [
    (
        "Members waiting to be verified",
        MemberProfile,
        {"verification_status": VerificationStatus.PENDING},
    ),
    ("Comments waiting for moderation", Comment, {"status": ModerationStatus.PENDING}),
    ("Comment reports not yet resolved", CommentReport, {"resolved": False}),
    (
        "Declaration signatures waiting for review",
        Signature,
        {"status": SignatureStatus.AWAITING_REVIEW},
    ),
]


def moderation_queues(user) -> list[ModerationQueue]:
    """The queues this user may work on (can change that model), each with how much waits."""
    queues = []
    for label, model, filters in MODERATION_QUEUES:
        meta = model._meta
        if not user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
            continue
        # The admin's filters spell booleans "true"/"false".
        query = urlencode(
            {
                name: str(value).lower() if isinstance(value, bool) else value
                for name, value in filters.items()
            }
        )
        list_path = reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list")
        queues.append(
            ModerationQueue(
                label=label,
                count=model.objects.filter(**filters).count(),
                list_url=f"{list_path}?{query}",
            )
        )
    return queues


def reports_that_count(comment) -> int:
    """Unresolved reports by verified members and staff: any number of throwaway accounts
    can report, and moderators hear of each, but only these can hide a comment."""
    return (
        comment.reports.filter(resolved=False)
        .filter(
            Q(reporter__member_profile__verification_status=VerificationStatus.VERIFIED)
            | Q(reporter__is_staff=True)
            | Q(reporter__groups__name__in=("Moderators", "Editors"))
        )
        .values("reporter")
        .distinct()
        .count()
    )
