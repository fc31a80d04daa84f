"""Every read the community makes: what the public, a member and a moderator may see."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from wagtail.models import GroupApprovalTask, Page, TaskState, WorkflowState

from community.feeds import follow_target
from community.models import (
    Comment,
    CommentReport,
    Commitment,
    Follow,
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
from search.indexing import content_models

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


def organisation_reuse_record(*, page, organisation_id) -> ReuseRecord | None:
    """The organisation's record of reusing `page` (at most one), or None."""
    if organisation_id is None:
        return None
    return ReuseRecord.objects.filter(page_id=page.pk, organisation_id=organisation_id).first()


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


def contribution_licence_agreed(page: BasePage) -> bool:
    """Whether the member already agreed to the licence for this contribution: they had to, to
    submit it, and it still carries the licence it was submitted with (the field's default, the
    Open Government Licence; an editor may change it, and then the member is asked again)."""
    return page.licence == BasePage._meta.get_field("licence").default


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


# The moderator's comment shown beside a status is the one that decided it: a request for
# changes beside "Changes requested", an approval's note beside "Published". An older request
# the member has since dealt with would read as still outstanding.
DECIDING_TASK_STATUS = {
    "changes_requested": TaskState.STATUS_REJECTED,
    "published": TaskState.STATUS_APPROVED,
}


def contribution_status(page: BasePage, workflow_state: WorkflowState | None) -> ContributionStatus:
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        status = "in_moderation"
    elif workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        status = "changes_requested"
    elif page.live:
        status = "published"
    else:
        status = "draft"
    comment = ""
    if workflow_state is not None and status in DECIDING_TASK_STATUS:
        last_decision = (
            workflow_state.task_states.exclude(finished_at=None)
            .order_by("-finished_at", "-id")
            .first()
        )
        if last_decision is not None and last_decision.status == DECIDING_TASK_STATUS[status]:
            comment = last_decision.comment
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


def user_reviews_pages(user) -> bool:
    """Whether the user is a reviewer in any active workflow task (Wagtail's own moderation:
    Moderators in the default workflow), so whether pages can wait for them at all."""
    if user.is_superuser:
        return True
    return GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()


def pages_awaiting_review_queue(user) -> ModerationQueue | None:
    if not user_reviews_pages(user):
        return None
    return ModerationQueue(
        label="Pages waiting for your review",
        count=TaskState.objects.reviewable_by(user).count(),
        # Wagtail's workflow report, filtered to "Awaiting my review".
        list_url=reverse("wagtailadmin_reports:workflow") + "?reviewable=true",
    )


def moderation_queues(user) -> list[ModerationQueue]:
    """The queues this user may work on (reviews pages, or can change that model), each with
    how much waits."""
    pages = pages_awaiting_review_queue(user)
    queues = [pages] if pages else []
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


def member_follows(user) -> list[tuple[Follow, str]]:
    """What the member follows, each with the label its page uses ("the tag ‘Housing’")."""
    follows = []
    for follow in Follow.objects.filter(user=user).order_by("kind", "value"):
        target = follow_target(follow.kind, follow.value)
        follows.append((follow, target["label"] if target else follow.value))
    return follows


def member_follow(user, *, kind: str, value: str) -> Follow | None:
    """The member's follow of this target, if they have one."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Follow.objects.filter(user=user, kind=kind, value=value).first()


# --- What staff may add ---------------------------------------------------------------------


@dataclass(frozen=True)
class AddContentLink:
    """ "Add a case study", to the admin's create form under that type's place in the tree."""

    label: str
    url: str


def content_types_to_add(user) -> list[AddContentLink]:
    """One link per content type the user may create, each under the index page the tree
    allows it (its parent_page_types); a new type appears without a change here."""
    links = []
    for model in content_models():
        if not model.is_creatable:
            continue
        parent = next(
            (
                page
                for parent_model in model.allowed_parent_page_models()
                if parent_model is not Page
                for page in parent_model.objects.order_by("path")[:1]
            ),
            None,
        )
        if parent is None or not model.can_create_at(parent):
            continue
        if not parent.permissions_for_user(user).can_add_subpage():
            continue
        name = str(model._meta.verbose_name)
        article = "an" if name[:1].lower() in "aeiou" else "a"
        meta = model._meta
        links.append(
            AddContentLink(
                label=f"Add {article} {name}",
                url=reverse(
                    "wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk]
                ),
            )
        )
    return links
