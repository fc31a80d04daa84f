"""What waits for a moderator across every feature, for the admin dashboard."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.urls import reverse

from wagtail import hooks
from wagtail.models import GroupApprovalTask, TaskState

from community.models import (
    Comment,
    CommentReport,
    MemberProfile,
    ModerationStatus,
    Signature,
    SignatureStatus,
    VerificationStatus,
)


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


# Apps above community add their own queues, as (label, model, filters) rows like those
# above, through a Wagtail hook of this name (project updates, projects/wagtail_hooks.py).
MODERATION_QUEUES_HOOK = "register_moderation_queues"


def all_moderation_queues() -> list[tuple]:
    extra = [row for hook in hooks.get_hooks(MODERATION_QUEUES_HOOK) for row in hook()]
    return [*MODERATION_QUEUES, *extra]


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
    for label, model, filters in all_moderation_queues():
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
