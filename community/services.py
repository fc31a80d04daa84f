"""Every write the community makes: small keyword-only functions named <thing>_<action>."""

import datetime
import logging
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.db.models import Count, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, WorkflowState

from allauth.account.models import EmailAddress
from axes.utils import reset as axes_reset

from casestudies.models import (
    BusinessCaseIndexPage,
    BusinessCasePage,
    CaseStudyIndexPage,
    CaseStudyPage,
    ProcurementBriefIndexPage,
    ProcurementBriefPage,
)
from community import emails, selectors
from community.models import (
    DECLARATION_CONFIRM_DAYS,
    Comment,
    CommentReport,
    Commitment,
    DigestFrequency,
    Follow,
    FollowKind,
    Interest,
    MemberProfile,
    ModerationStatus,
    Opportunity,
    OpportunityStatus,
    PendingDigestItem,
    ReuseRecord,
    Signature,
    SignatureStatus,
    VerificationStatus,
)
from community.text import paragraphs_html, person_name, plain_text
from core import selectors as core_selectors
from core.models import BasePage, RelatedDocument
from core.page_cache import invalidate_page_cache
from organisations.domains import email_domain, mailbox
from organisations.models import Organisation
from organisations.selectors import email_domain_match, organisation_email_domains
from patterns.models import ServicePatternIndexPage, ServicePatternPage
from search import indexing as search_indexing

logger = logging.getLogger(__name__)

REPORTS_BEFORE_HIDING = 3


# --- Members -------------------------------------------------------------------------------


def email_matches_organisation(*, email: str, organisation: Organisation) -> bool:
    """True when the address is on one of the organisation's email domains (or a subdomain
    of one). Never its website's host: that may be a shared one (www.gov.uk/...)."""
    return bool(email_domain_match(email=email, organisation=organisation))


def _domain_reason(*, email: str, organisation: Organisation) -> str:
    """What moderators read: which address domain matched which of the organisation's."""
    matched = email_domain_match(email=email, organisation=organisation)
    if not matched:
        return ""
    return (
        f"Email domain {email_domain(email)} matches {organisation.name} "
        f"(its email domain {matched})"
    )[:255]


def staff_emails(group_names: tuple[str, ...] = ("Moderators",)) -> list[str]:
    users = (
        get_user_model()
        .objects.filter(groups__name__in=group_names, is_active=True)
        .exclude(email="")
        .distinct()
    )
    return list(users.values_list("email", flat=True))


def _quiet_wagtail_notifications(user) -> None:
    """Members get our emails, not Wagtail's (which link into the admin they cannot use)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.updated_comments_notifications = False
    profile.save()


@transaction.atomic
def member_create(
    *, user, full_name: str, organisation: Organisation, job_title: str = ""
) -> MemberProfile:
    """Called when someone signs up: a pending profile; never staff, never in a group."""
    user.is_staff = False
    user.is_superuser = False
    full_name = person_name(full_name)
    user.first_name, _, user.last_name = full_name.partition(" ")
    user.save()
    user.groups.clear()
    profile, _created = MemberProfile.objects.update_or_create(
        user=user,
        defaults={
            "full_name": full_name[:150],
            "job_title": plain_text(job_title)[:150],
            "organisation": organisation,
        },
    )
    _quiet_wagtail_notifications(user)
    return profile


def _domain_address(*, profile: MemberProfile) -> str:
    """The first of the member's *confirmed* addresses on their organisation's email domains."""

    return next(
        (
            email
            for email in selectors.confirmed_email_addresses(profile.user)
            if email_matches_organisation(email=email, organisation=profile.organisation)
        ),
        "",
    )


def _has_domain_address(*, profile: MemberProfile) -> bool:
    return bool(_domain_address(profile=profile))


def _verify_by_domain(*, profile: MemberProfile, email: str) -> None:
    profile.verification_status = VerificationStatus.VERIFIED
    profile.verification_method = "domain"
    profile.verification_reason = _domain_reason(email=email, organisation=profile.organisation)
    profile.verified_at = timezone.now()


def _await_moderator(*, profile: MemberProfile) -> None:
    """Back to "waiting for a moderator"; moderators hear once the change is committed (the
    email waits in the outbox with the caller's transaction)."""
    profile.verification_status = VerificationStatus.PENDING
    profile.verification_method = ""
    profile.verification_reason = ""
    profile.verified_at = None
    emails.send(
        to=staff_emails(),
        template="member_needs_verification",
        context={"profile": profile},
    )


VERIFICATION_FIELDS = [
    "verification_status",
    "verification_method",
    "verification_reason",
    "verified_at",
]


@transaction.atomic
def member_email_confirmed(*, user, email: str) -> MemberProfile | None:
    """A confirmed address on the organisation's domain verifies the member at once."""
    profile = (
        MemberProfile.objects.select_for_update(of=("self",))
        .filter(user=user)
        .select_related("organisation")
        .first()
    )
    if profile is None or profile.is_verified:
        return profile
    if email_matches_organisation(email=email, organisation=profile.organisation):
        _verify_by_domain(profile=profile, email=email)
        profile.save(update_fields=VERIFICATION_FIELDS)
    else:
        emails.send(
            to=staff_emails(),
            template="member_needs_verification",
            context={"profile": profile},
        )
    return profile


@transaction.atomic
def member_email_addresses_changed(*, user) -> bool:
    """After a member removes an address or changes their main one: does a verification by
    domain still stand? Returns True when the member has just lost it.

    Only a verification by domain rests on an address, so only that one is re-checked; a
    moderator vouched for the person, not the address, and their verification stays. This
    never verifies anyone: only confirming an address (`member_email_confirmed`) proves a new
    one, and a member a moderator has set back to waiting must not be verified by a removal.
    """
    profile = (
        MemberProfile.objects.select_for_update(of=("self",))
        .filter(user=user)
        .select_related("organisation", "user")
        .first()
    )
    if profile is None or not profile.is_verified or profile.verification_method != "domain":
        return False
    address = _domain_address(profile=profile)
    if address:
        # Still verified, perhaps through another address: say which one holds it now.
        reason = _domain_reason(email=address, organisation=profile.organisation)
        if reason != profile.verification_reason:
            profile.verification_reason = reason
            profile.save(update_fields=["verification_reason"])
        return False
    _await_moderator(profile=profile)
    profile.save(update_fields=VERIFICATION_FIELDS)
    return True


@dataclass(frozen=True)
class ProfileUpdate:
    profile: MemberProfile
    organisation_changed: bool


def _verification_for_organisation(*, profile: MemberProfile) -> None:
    """Start verification again for the profile's (new) organisation; the old one never carries over.

    Any confirmed address on the new organisation's domain verifies at once; otherwise the
    member waits for a moderator, who is told.
    """
    profile.verification_note = ""
    address = _domain_address(profile=profile)
    if address:
        _verify_by_domain(profile=profile, email=address)
    else:
        _await_moderator(profile=profile)


@transaction.atomic
def member_profile_update(
    *, profile: MemberProfile, full_name: str, job_title: str, organisation: Organisation
) -> ProfileUpdate:
    """A member edits their own profile. Moving organisation re-runs verification."""
    profile = MemberProfile.objects.select_for_update().select_related("user").get(pk=profile.pk)
    full_name = person_name(full_name)[:150]
    profile.full_name = full_name
    profile.job_title = plain_text(job_title)[:150]
    organisation_changed = profile.organisation_id != organisation.pk
    profile.organisation = organisation
    if organisation_changed:
        _verification_for_organisation(profile=profile)
    profile.save()
    user = profile.user
    user.first_name, _, user.last_name = full_name.partition(" ")
    user.save(update_fields=["first_name", "last_name"])
    return ProfileUpdate(profile=profile, organisation_changed=organisation_changed)


def member_verification_changed(*, profile: MemberProfile, previous_status: str, by=None) -> None:
    """After a moderator changes a member's status in the admin: stamp it and tell the member."""
    if profile.verification_status == previous_status:
        return
    if profile.verification_status == VerificationStatus.VERIFIED:
        profile.verified_at = timezone.now()
        profile.verification_method = "moderator"
        moderator = by.get_username() if by is not None else "a moderator"
        day = formats.date_format(timezone.localdate(profile.verified_at), "j F Y")
        profile.verification_reason = f"Verified by moderator {moderator} on {day}"[:255]
    else:
        profile.verified_at = None
        profile.verification_method = ""
        profile.verification_reason = ""
    profile.save(update_fields=["verified_at", "verification_method", "verification_reason"])
    emails.send(to=profile.user.email, template="member_verification", context={"profile": profile})


def member_data_export(*, user) -> dict:
    """Everything we hold about a member, as one JSON-ready dictionary."""

    profile = MemberProfile.objects.filter(user=user).select_related("organisation").first()
    return {
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": {
            "full_name": profile.full_name,
            "job_title": profile.job_title,
            "organisation": profile.organisation.name,
            "organisation_code": profile.organisation.code,
            "verification_status": profile.verification_status,
            "verified_at": profile.verified_at.isoformat() if profile.verified_at else None,
        }
        if profile
        else None,
        "contributions": [
            {
                "title": item.page.title,
                "type": item.page.content_type_label,
                "status": item.status,
                "url": item.public_url,
            }
            for item in selectors.contributions_for_user(user)
        ],
        "reuse_records": [
            {
                "page": record.page.title,
                "organisation": record.organisation.name,
                "note": record.note,
                "created_at": record.created_at.isoformat(),
            }
            for record in ReuseRecord.objects.filter(recorded_by=user).select_related(
                "page", "organisation"
            )
        ],
        "comments": [
            {
                "page": comment.page.title,
                "body": comment.body,
                "status": comment.status,
                "created_at": comment.created_at.isoformat(),
            }
            for comment in Comment.objects.filter(author=user).select_related("page")
        ],
        "follows": [
            {"kind": follow.kind, "value": follow.value, "frequency": follow.frequency}
            for follow in Follow.objects.filter(user=user)
        ],
        "opportunities": [
            {
                "title": item.title,
                "description": item.description,
                "status": item.status,
                "closing_date": item.closing_date.isoformat(),
            }
            for item in Opportunity.objects.filter(created_by=user)
        ],
        "interests": [
            {
                "opportunity": item.opportunity.title,
                "message": item.message,
                "created_at": item.created_at.isoformat(),
            }
            for item in Interest.objects.filter(user=user).select_related("opportunity")
        ],
    }


def sign_in_failures_forget(*, user, address: str) -> int:
    """Forget the failed sign-ins for `user` at `address`, now they have signed in from there.

    Only at that address: the lockout of an address that was guessing at the account stays
    until it expires, so signing in by an emailed code never hands an attacker fresh guesses.
    axes' own reset on success cannot do this: it looks for the account's username, and
    failures are counted against the email address that was typed (community.auth).
    """
    logins = {user.get_username().lower()}
    logins.update(
        email.lower()
        for email in EmailAddress.objects.filter(user=user).values_list("email", flat=True)
    )
    if user.email:
        logins.add(user.email.lower())
    return sum(axes_reset(ip=address, username=login) for login in logins if login)


@transaction.atomic
def member_delete(*, user) -> None:
    """Delete an account. Published contributions and reuse records stay, credited to the
    organisation; unpublished drafts and the documents only they used, comments, follows,
    opportunities and interests go."""
    uploads = list(get_document_model().objects.filter(uploaded_by_user=user))
    for page in BasePage.objects.filter(owner=user):
        if page.live or page.first_published_at:
            continue
        for state in WorkflowState.objects.for_instance(page).filter(
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES]
        ):
            state.cancel(user=None)
        page.delete()
    for document in uploads:
        # Left behind, a document would keep its URL (sequential ids) with no page to follow.
        if not core_selectors.pages_using_document(document).exists():
            document.delete()  # Wagtail removes the file once this commits
    Opportunity.objects.filter(created_by=user).delete()
    user.delete()
    invalidate_page_cache()


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


# --- Contributions -------------------------------------------------------------------------


@dataclass(frozen=True)
class ContributionType:
    slug: str
    label: str
    model: type
    index_model: type
    rich_fields: tuple[tuple[str, str], ...]  # (field name, label) of plain-text inputs
    # (field name, label, hint) of optional sums in whole pounds: what it cost, what it saved.
    money_fields: tuple[tuple[str, str, str], ...] = ()


CONTRIBUTION_TYPES = {
    item.slug: item
    for item in [
        ContributionType(
            "case-study",
            "Case study",
            CaseStudyPage,
            CaseStudyIndexPage,
            (
                ("problem", "The problem"),
                ("approach", "What you did"),
                ("lessons_learned", "What you learned"),
            ),
            (
                ("total_cost", "Total cost (optional)", "In pounds, for the whole project."),
                ("annual_saving", "Saving each year (optional)", "In pounds a year."),
            ),
        ),
        ContributionType(
            "procurement-brief",
            "Procurement brief",
            ProcurementBriefPage,
            ProcurementBriefIndexPage,
            (("problem", "The problem to solve"), ("users", "Who the users are")),
            (
                (
                    "budget_min",
                    "Lowest budget (optional)",
                    "In pounds, the lower end of the range.",
                ),
                (
                    "budget_max",
                    "Highest budget (optional)",
                    "In pounds, the upper end of the range.",
                ),
            ),
        ),
        ContributionType(
            "business-case",
            "Business case",
            BusinessCasePage,
            BusinessCaseIndexPage,
            (
                ("strategic_case", "The strategic case"),
                ("economic_case", "The economic case"),
                ("financial_case", "The financial case"),
            ),
            (
                (
                    "whole_life_cost",
                    "Whole life cost of the preferred option (optional)",
                    "In pounds.",
                ),
                ("annual_benefit", "Benefit each year (optional)", "In pounds a year."),
            ),
        ),
        ContributionType(
            "service-pattern",
            "Service pattern",
            ServicePatternPage,
            ServicePatternIndexPage,
            (
                ("user_needs", "User needs"),
                ("when_to_use", "When to use it"),
                ("known_issues", "Known issues"),
            ),
        ),
    ]
}


def contribution_type_for_page(page) -> ContributionType | None:
    specific_class = page.specific_class
    return next(
        (item for item in CONTRIBUTION_TYPES.values() if item.model is specific_class), None
    )


# Member uploads wait here, visible to staff only, until a page using them is live and public.
MEMBER_UPLOADS_COLLECTION = "Member uploads awaiting publication"
MEMBER_UPLOADS_READERS = ("Moderators", "Editors")


def member_uploads_collection() -> Collection:
    """The private collection for members' uploads, made on first use (no data migration)."""
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=MEMBER_UPLOADS_COLLECTION).first()
    if collection is None:
        collection = root.add_child(name=MEMBER_UPLOADS_COLLECTION)
    if not CollectionViewRestriction.objects.filter(collection=collection).exists():
        # Wagtail's own check then refuses its documents to anyone outside these groups (and
        # marks the collection private in the admin); core.wagtail_hooks refuses them first.
        restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=MEMBER_UPLOADS_READERS))
    return collection


def contribution_documents_release(*, page) -> int:
    """Move a page's member uploads out of the private collection once the page is live and
    public, so that anyone may download them; the count moved."""
    if not Page.objects.filter(pk=page.pk).live().public().exists():
        return 0
    private = Collection.objects.filter(name=MEMBER_UPLOADS_COLLECTION, depth=2)
    attached = RelatedDocument.objects.filter(page_id=page.pk).values("document_id")
    return (
        get_document_model()
        .objects.filter(pk__in=attached, collection__in=private)
        .update(collection=Collection.get_first_root_node())
    )


def _document_store(*, upload, title: str, user):
    Document = get_document_model()
    document = Document(
        title=plain_text(title)[:255] or "Supporting document",
        uploaded_by_user=user,
        collection=member_uploads_collection(),
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document


def _apply_contribution_fields(page, contribution_type: ContributionType, data: dict) -> None:
    page.title = plain_text(data["title"])[:255]
    page.summary = plain_text(data["summary"])[:600]
    for field_name, _label in contribution_type.rich_fields:
        setattr(page, field_name, paragraphs_html(data.get(field_name, "")))
    for field_name, _label, _hint in contribution_type.money_fields:
        setattr(page, field_name, data.get(field_name))  # a Decimal, or None when left empty
    body = paragraphs_html(data.get("body", ""))
    page.body = [("paragraph", body)] if body else []


def _start_moderation(page, user) -> WorkflowState | None:
    workflow = page.get_workflow()
    if workflow is None:
        logger.warning("No workflow applies to %s; it stays a draft", page.pk)
        return None
    return workflow.start(page, user)


@transaction.atomic
def contribution_submit(
    *, profile: MemberProfile, contribution_type: ContributionType, data: dict, upload=None
) -> BasePage:
    """Create a draft page owned by the member and put it into Wagtail's moderation workflow."""
    from django.utils.text import slugify

    parent = contribution_type.index_model.objects.first()
    if parent is None:
        raise ValueError(f"No {contribution_type.label} index page to file the contribution under")
    user = profile.user
    page = contribution_type.model(owner=user, live=False, has_unpublished_changes=True)
    _apply_contribution_fields(page, contribution_type, data)
    base_slug = slugify(page.title)[:70] or "contribution"
    slug, counter = base_slug, 1
    while parent.get_children().filter(slug=slug).exists():
        counter += 1
        slug = f"{base_slug}-{counter}"
    page.slug = slug
    parent.add_child(instance=page)
    page.organisations.set([profile.organisation])
    page.service_areas.set(data.get("service_areas") or [])
    page.tags.set(data.get("tags") or [])
    if upload is not None:
        document = _document_store(
            upload=upload, title=data.get("document_title") or upload.name, user=user
        )
        page.documents = [RelatedDocument(document=document, title=document.title)]
    page.save()
    page.save_revision(user=user, log_action=True)
    _start_moderation(page, user)
    emails.send(
        to=user.email, template="contribution_received", context={"page": page, "profile": profile}
    )
    return page


@transaction.atomic
def contribution_resubmit(
    *, page, user, contribution_type: ContributionType, data: dict
) -> BasePage:
    """Save the member's changes as a new revision and send it back to the moderators."""
    page = page.specific
    _apply_contribution_fields(page, contribution_type, data)
    page.service_areas.set(data.get("service_areas") or [])
    page.tags.set(data.get("tags") or [])
    page.save_revision(user=user, log_action=True)
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
    elif state is None:
        _start_moderation(page, user)
    return page


def _latest_member_workflow_state(page) -> WorkflowState | None:
    """The latest moderation a member asked for on `page`: set when the page is their
    contribution."""
    return (
        WorkflowState.objects.for_instance(page)
        .filter(requested_by__member_profile__isnull=False)
        .select_related("requested_by")
        .order_by("-created_at", "-id")
        .first()
    )


def contribution_decided(*, workflow_state, approved: bool) -> None:
    """Tell the member a moderator asked for changes, or approved a page that goes live later.

    "Is published", with its link, waits for the publication itself (contribution_published):
    an approval with a future go-live publishes nothing until publish_scheduled runs.
    """
    page = workflow_state.content_object
    page = page.specific if hasattr(page, "specific") else page
    member = workflow_state.requested_by
    if (
        member is None
        or not isinstance(page, BasePage)
        or not MemberProfile.objects.filter(user=member).exists()
    ):
        return
    if approved:
        page.refresh_from_db()
        if page.live or not page.go_live_at or page.go_live_at <= timezone.now():
            return
    task_state = workflow_state.task_states.order_by("-finished_at", "-id").first()
    comment = task_state.comment if task_state else ""
    emails.send(
        to=member.email,
        template="contribution_scheduled" if approved else "contribution_changes_requested",
        context={
            "page": page,
            "comment": comment,
            "member": member,
            "contributions_url": emails.absolute_url(reverse("community:contributions")),
        },
    )


def contribution_published(*, page: BasePage) -> int:
    """On a contributed page's first publication, once it is live and public: tell its member."""
    if not core_selectors.page_is_live_and_public(page.pk):
        return 0
    workflow_state = _latest_member_workflow_state(page)
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_APPROVED:
        return 0
    task_state = workflow_state.task_states.order_by("-finished_at", "-id").first()
    return emails.send(
        to=workflow_state.requested_by.email,
        template="contribution_approved",
        context={
            "page": page.specific,
            "comment": task_state.comment if task_state else "",
            "member": workflow_state.requested_by,
        },
    )


# --- Comments ------------------------------------------------------------------------------


def comment_create(*, page: BasePage, profile: MemberProfile, body: str) -> Comment:
    comment = Comment.objects.create(
        page_id=page.pk,
        author=profile.user,
        organisation=profile.organisation,
        body=plain_text(body)[:3000],
    )
    emails.send(
        to=staff_emails(),
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
            to=staff_emails(),
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
    from django.db.models import Q

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
    sent_to = set()
    if not core_selectors.page_is_live_and_public(page.pk):
        return 0  # scheduled for later, restricted, or unpublished again before this ran
    for follow in _follows_matching(page):
        if follow.frequency == DigestFrequency.IMMEDIATE:
            if follow.user_id in sent_to:
                continue
            sent_to.add(follow.user_id)
            unsubscribe = emails.absolute_url(reverse("community:unsubscribe", args=[follow.token]))
            emails.send(
                to=follow.user.email,
                template="follow_published",
                context={"page": page.specific, "follow": follow, "unsubscribe_url": unsubscribe},
                headers={
                    "List-Unsubscribe": f"<{unsubscribe}>",
                    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                },
            )
        else:
            PendingDigestItem.objects.get_or_create(follow=follow, page_id=page.pk)
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


# --- The Declaration -----------------------------------------------------------------------


class AlreadySigned(Exception):
    pass


class SelfApproval(Exception):
    """The senior approver's address is the applicant's own mailbox."""


def signature_addresses_check(
    *, organisation: Organisation, lead_email: str, approver_email: str
) -> tuple[bool, str]:
    """(True, "") when both addresses are on the organisation's email domains; otherwise
    (False, what staff read), and staff must check the application by other means."""
    off_domain = [
        email
        for email in (lead_email, approver_email)
        if not email_matches_organisation(email=email, organisation=organisation)
    ]
    if not off_domain:
        return True, ""
    listed = organisation_email_domains(organisation)
    domains_text = ", ".join(listed) if listed else "none recorded"
    return False, (
        f"Addresses do not match {organisation.name}'s email domains ({domains_text}): "
        + ", ".join(off_domain)
    )[:500]


@transaction.atomic
def signature_apply(
    *,
    organisation: Organisation,
    signatory: dict,
    commitment: dict,
    user=None,
    confirm_url_for=None,
) -> Signature:
    """Record an application to sign and email the senior approver a link to confirm it.

    Any number of applications may be in progress for one organisation (so nobody can hold
    its place); only one that has been signed stops another. The approver must be another
    mailbox than the applicant's, and addresses off the organisation's email domains are
    flagged for staff.
    """
    clean = {key: plain_text(str(value))[:254] for key, value in signatory.items()}
    if mailbox(clean["lead_email"]) == mailbox(clean["approver_email"]):
        raise SelfApproval(clean["approver_email"])
    if Signature.objects.filter(
        organisation=organisation, status=SignatureStatus.APPROVED
    ).exists():
        raise AlreadySigned(organisation.name)
    addresses_match, addresses_note = signature_addresses_check(
        organisation=organisation,
        lead_email=clean["lead_email"],
        approver_email=clean["approver_email"],
    )
    signature = Signature.objects.create(
        organisation=organisation,
        submitted_by=user if user and user.is_authenticated else None,
        addresses_match=addresses_match,
        addresses_note=addresses_note,
        **clean,
    )
    Commitment.objects.create(
        signature=signature,
        organisation=organisation,
        title=plain_text(commitment["title"])[:200],
        partners=plain_text(commitment.get("partners", ""))[:500],
        mission=plain_text(commitment["mission"])[:2000],
        impact=plain_text(commitment["impact"])[:2000],
    )
    confirm_url = confirm_url_for(signature) if confirm_url_for else ""
    emails.send(
        to=signature.approver_email,
        template="declaration_approver_confirm",
        context={
            "signature": signature,
            "confirm_url": confirm_url,
            "confirm_days": DECLARATION_CONFIRM_DAYS,
        },
    )
    emails.send(
        to=signature.lead_email, template="declaration_received", context={"signature": signature}
    )
    return signature


def signature_approver_confirm(*, signature: Signature) -> bool:
    """The approver confirms from the emailed link, within DECLARATION_CONFIRM_DAYS of the
    application; after that the link is dead even if the daily job has not yet marked it."""
    now = timezone.now()
    updated = Signature.objects.filter(
        pk=signature.pk,
        status=SignatureStatus.AWAITING_APPROVER,
        created_at__gte=now - datetime.timedelta(days=DECLARATION_CONFIRM_DAYS),
    ).update(status=SignatureStatus.AWAITING_REVIEW, approver_confirmed_at=now)
    if updated:
        signature.refresh_from_db()
        emails.send(
            to=staff_emails(("Moderators", "Editors")),
            template="declaration_to_review",
            context={"signature": signature, "edit_url": emails.admin_edit_url(signature)},
        )
    return bool(updated)


@transaction.atomic
def signature_reviewed(*, signature: Signature, previous_status: str) -> None:
    """After staff change the status in the admin: publish or hide commitments, tell the lead."""
    if signature.status == previous_status:
        return
    if signature.status == SignatureStatus.APPROVED:
        signature.signed_at = signature.signed_at or timezone.now()
        signature.save(update_fields=["signed_at"])
        signature.commitments.update(is_published=True)
    else:
        signature.commitments.update(is_published=False)
    invalidate_page_cache()
    if signature.status in (SignatureStatus.APPROVED, SignatureStatus.REJECTED):
        emails.send(
            to=[signature.lead_email, signature.approver_email],
            template="declaration_decided",
            context={"signature": signature},
        )


def signatures_expire(*, now: datetime.datetime | None = None) -> int:
    """Mark applications the approver did not confirm within DECLARATION_CONFIRM_DAYS as
    expired; returns how many. Run daily (`manage.py expire_declaration_applications`)."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=DECLARATION_CONFIRM_DAYS)
    return Signature.objects.filter(
        status=SignatureStatus.AWAITING_APPROVER, created_at__lt=cutoff
    ).update(status=SignatureStatus.EXPIRED)


# --- Collaboration -------------------------------------------------------------------------


def opportunity_create(*, profile: MemberProfile, data: dict) -> Opportunity:
    seeking = set(data.get("seeking") or [])
    return Opportunity.objects.create(
        organisation=profile.organisation,
        created_by=profile.user,
        title=plain_text(data["title"])[:160],
        description=plain_text(data["description"])[:3000],
        service_area=data.get("service_area"),
        phase=data.get("phase", ""),
        share_ideas="share_ideas" in seeking,
        conversation="conversation" in seeking,
        share_funding="share_funding" in seeking,
        budget_band=data["budget_band"],
        closing_date=data["closing_date"],
    )


def opportunity_close(*, opportunity: Opportunity) -> None:
    opportunity.status = OpportunityStatus.CLOSED
    opportunity.save(update_fields=["status"])


def interest_express(
    *, opportunity: Opportunity, profile: MemberProfile, message: str = ""
) -> tuple[Interest, bool]:
    try:
        with transaction.atomic():
            interest, created = Interest.objects.get_or_create(
                opportunity=opportunity,
                user=profile.user,
                defaults={
                    "organisation": profile.organisation,
                    "message": plain_text(message)[:1500],
                },
            )
    except IntegrityError:
        return Interest.objects.get(opportunity=opportunity, user=profile.user), False
    if created and opportunity.created_by and opportunity.created_by.email:
        emails.send(
            to=opportunity.created_by.email,
            template="opportunity_interest",
            context={"opportunity": opportunity, "interest": interest, "profile": profile},
        )
    return interest, created
