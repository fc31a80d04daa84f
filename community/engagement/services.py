"""Engagement's writes: reuse records, comments and their reports, follows and digests."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from community import emails
from community.engagement import selectors
from community.models import (
    Comment,
    CommentReport,
    DigestFrequency,
    Follow,
    FollowKind,
    MemberProfile,
    ModerationStatus,
    PendingDigestItem,
    ReuseRecord,
)
from community.text import plain_text
from core import selectors as core_selectors
from core.models import BasePage
from core.page_cache import invalidate_page_cache
from search import indexing as search_indexing

REPORTS_BEFORE_HIDING = 3


# --- Reuse ---------------------------------------------------------------------------------


def reuse_count_refresh(*, page_id: int) -> int:
    """Recompute one page's denormalised counter from the records; returns it."""
    reuse_counts_refresh(page_ids=[page_id])
    return BasePage.objects.filter(pk=page_id).values_list("reuse_count", flat=True).first() or 0


def reuse_counts_refresh(*, page_ids) -> None:
    """Recompute the denormalised counters from the records, in one UPDATE (race-free).

    The count is selectors.counted_reuse_records, the one definition every figure shows.
    Called after reuse is recorded, and after what the definition depends on changed (the
    organisations a page is from, or whether an organisation is a supplier).
    """
    page_ids = sorted(set(page_ids))
    count = Subquery(
        selectors.counted_reuse_records(OuterRef("pk"))
        .order_by()
        .values("page_id")
        .annotate(total=Count("id"))
        .values("total")[:1]
    )
    BasePage.objects.filter(pk__in=page_ids).update(reuse_count=Coalesce(count, Value(0)))
    # Listings sort "most reused" from the search index, so its copy of the count follows.
    search_indexing.index_pages(page_ids)
    invalidate_page_cache()


def reuse_record(
    *, page: BasePage, profile: MemberProfile, note: str = ""
) -> tuple[ReuseRecord, bool]:
    """Record that the member's organisation reused `page`; a second click changes nothing."""
    return organisation_reuse_record(
        page=page, organisation_id=profile.organisation_id, recorded_by=profile.user, note=note
    )


def organisation_reuse_record(
    *,
    page: BasePage,
    organisation_id: int,
    recorded_by=None,
    note: str = "",
    recorded_at: datetime.datetime | None = None,
    refresh_count: bool = True,
) -> tuple[ReuseRecord, bool]:
    """Record that an organisation reused `page`, once, keeping the page's count in step.

    Members reach it through reuse_record; the demo loader calls it directly for the
    organisations that have no member (`recorded_at` backdates those records), with
    `refresh_count=False` and one reuse_counts_refresh for all its pages afterwards.
    """
    defaults = {"recorded_by": recorded_by, "note": plain_text(note)[:500]}
    if recorded_at is not None:
        defaults["created_at"] = recorded_at
    try:
        with transaction.atomic():
            record, created = ReuseRecord.objects.get_or_create(
                page_id=page.pk, organisation_id=organisation_id, defaults=defaults
            )
    except IntegrityError:
        # A concurrent click won the race between get and create: the record exists now.
        record, created = (
            ReuseRecord.objects.get(page_id=page.pk, organisation_id=organisation_id),
            False,
        )
    if created and refresh_count:
        reuse_count_refresh(page_id=page.pk)
    return record, created


def reuse_remove(*, page: BasePage, profile: MemberProfile) -> bool:
    deleted, _ = ReuseRecord.objects.filter(
        page_id=page.pk, organisation_id=profile.organisation_id
    ).delete()
    if deleted:
        reuse_count_refresh(page_id=page.pk)
    return bool(deleted)


# --- Comments ------------------------------------------------------------------------------


def comment_create(*, page: BasePage, profile: MemberProfile, body: str) -> Comment:
    comment = Comment.objects.create(
        page_id=page.pk,
        author=profile.user,
        organisation=profile.organisation,
        body=plain_text(body)[:3000],
    )
    emails.send(
        to=emails.staff_emails(),
        template="comment_to_moderate",
        context={"comment": comment, "page": page, "edit_url": emails.admin_edit_url(comment)},
    )
    return comment


def comment_moderated(*, comment: Comment) -> None:
    comment.moderated_at = timezone.now()
    comment.save(update_fields=["moderated_at"])
    if comment.status == ModerationStatus.APPROVED:
        comment.reports.update(resolved=True)
    invalidate_page_cache()


def comment_report(*, comment: Comment, user, reason: str) -> tuple[CommentReport, bool]:
    try:
        with transaction.atomic():
            report, created = CommentReport.objects.get_or_create(
                comment=comment, reporter=user, defaults={"reason": plain_text(reason)[:500]}
            )
    except IntegrityError:
        return CommentReport.objects.get(comment=comment, reporter=user), False
    if created:
        hidden = False
        if comment.status == ModerationStatus.APPROVED and (
            selectors.reports_that_count(comment) >= REPORTS_BEFORE_HIDING
        ):
            # Enough people who can be held to account object: hide it until a moderator
            # looks again.
            Comment.objects.filter(pk=comment.pk).update(status=ModerationStatus.PENDING)
            invalidate_page_cache()
            hidden = True
        emails.send(
            to=emails.staff_emails(),
            template="comment_reported",
            context={
                "comment": comment,
                "report": report,
                "hidden": hidden,
                "edit_url": emails.admin_edit_url(comment),
            },
        )
    return report, created


# --- Following -----------------------------------------------------------------------------


def follow_add(
    *, user, kind: str, value: str, frequency: str = DigestFrequency.DAILY
) -> tuple[Follow, bool]:
    try:
        with transaction.atomic():
            follow, created = Follow.objects.get_or_create(
                user=user, kind=kind, value=value, defaults={"frequency": frequency}
            )
    except IntegrityError:
        follow, created = Follow.objects.get(user=user, kind=kind, value=value), False
    if not created and follow.frequency != frequency:
        follow.frequency = frequency
        follow.save(update_fields=["frequency"])
    return follow, created


def follow_remove(*, follow: Follow) -> None:
    follow.delete()


def _follows_matching(page: BasePage):
    page = page.specific
    model_name = page._meta.model_name
    condition = Q(kind=FollowKind.CONTENT_TYPE, value=model_name) | Q(kind=FollowKind.EVERYTHING)
    tag_slugs = list(page.tags.values_list("slug", flat=True))
    area_slugs = list(page.service_areas.values_list("slug", flat=True))
    org_slugs = list(page.organisations.values_list("slug", flat=True))
    if tag_slugs:
        condition |= Q(kind=FollowKind.TAG, value__in=tag_slugs)
    if area_slugs:
        condition |= Q(kind=FollowKind.SERVICE_AREA, value__in=area_slugs)
    if org_slugs:
        condition |= Q(kind=FollowKind.ORGANISATION, value__in=org_slugs)
    return Follow.objects.filter(condition, user__is_active=True).select_related("user")


@transaction.atomic
def followers_notify_published(*, page: BasePage) -> int:
    """On first publication: email immediate followers once each, queue the daily ones.

    One transaction: should anything fail, no follower has been emailed or queued, so the
    task can run again without telling anyone twice.
    """
    if not core_selectors.page_is_live_and_public(page.pk):
        return 0  # scheduled for later, restricted, or unpublished again before this ran
    return followers_tell(
        page_id=page.pk,
        follows=_follows_matching(page),
        template="follow_published",
        context={"page": page.specific},
    )


def followers_tell(*, page_id: int, follows, template: str, context: dict) -> int:
    """Email each immediate follower once (with a one-click unsubscribe link for the follow
    that matched) and queue the page for daily followers' digests; returns how many were
    emailed. The caller has checked that the page is live and public."""
    sent_to = set()
    for follow in follows:
        if follow.frequency == DigestFrequency.IMMEDIATE:
            if follow.user_id in sent_to:
                continue
            sent_to.add(follow.user_id)
            unsubscribe = emails.absolute_url(reverse("community:unsubscribe", args=[follow.token]))
            emails.send(
                to=follow.user.email,
                template=template,
                context={**context, "follow": follow, "unsubscribe_url": unsubscribe},
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        else:
            PendingDigestItem.objects.get_or_create(follow=follow, page_id=page_id)
    return len(sent_to)


@transaction.atomic
def digests_send() -> int:
    """Send each member one email listing what was published for their daily follows.

    The digests are queued and the items they list removed in one transaction: a failure
    part-way leaves every item for the next run, and nobody gets the same digest twice.
    """
    # Locked, so a second run at the same time waits and then finds them gone.
    items = (
        PendingDigestItem.objects.select_for_update(of=("self",))
        .select_related("follow__user", "page")
        .order_by("follow__user_id", "created_at")
    )
    by_user: dict = {}
    for item in items:
        by_user.setdefault(item.follow.user, []).append(item)
    # Only what anyone can open now: a page unpublished or restricted since it was queued
    # stays out of the digest rather than sending its reader to a 404 or a sign-in page.
    public = set(
        Page.objects.filter(pk__in={item.page_id for item in items})
        .live()
        .public()
        .values_list("pk", flat=True)
    )
    for user, user_items in by_user.items():
        pages = list(
            {item.page_id: item.page for item in user_items if item.page_id in public}.values()
        )
        if pages:
            emails.send(
                to=user.email,
                template="follow_digest",
                context={
                    "pages": pages,
                    "follows": {item.follow for item in user_items},
                    "unsubscribe": [
                        (
                            item.follow,
                            emails.absolute_url(
                                reverse("community:unsubscribe", args=[item.follow.token])
                            ),
                        )
                        for item in {i.follow.pk: i for i in user_items}.values()
                    ],
                },
            )
    deleted, _ = PendingDigestItem.objects.filter(pk__in=[item.pk for item in items]).delete()
    return len(by_user)
