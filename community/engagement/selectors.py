"""Engagement's reads: who reuses a page, its approved comments, what a member follows."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from community.feeds import follow_target
from community.models import (
    Comment,
    Follow,
    ModerationStatus,
    ReuseRecord,
    VerificationStatus,
)
from core.models import BasePage
from core.page_cache import cached_per_generation
from organisations.models import OrganisationType

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
