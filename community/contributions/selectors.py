"""Contributions' reads: where a member's submission is in moderation, and what staff may add."""

from dataclasses import dataclass

from django.urls import reverse

from wagtail.models import Page, TaskState, WorkflowState

from core.content_types import content_models
from core.models import BasePage


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
