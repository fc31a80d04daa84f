"""Members' writes: accounts, profiles and verification by work email or a moderator."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import formats, timezone

from wagtail.documents import get_document_model
from wagtail.models import WorkflowState
from wagtail.users.models import UserProfile

from allauth.account.models import EmailAddress
from axes.utils import reset as axes_reset

from community import emails
from community.members import selectors
from community.models import (
    MemberProfile,
    Opportunity,
    VerificationStatus,
)
from community.text import person_name, plain_text
from core import selectors as core_selectors
from core.models import BasePage
from core.page_cache import invalidate_page_cache
from organisations.domains import email_domain
from organisations.models import Organisation
from organisations.selectors import email_domain_match


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


def _quiet_wagtail_notifications(user) -> None:
    """Members get our emails, not Wagtail's (which link into the admin they cannot use)."""
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
        to=emails.staff_emails(),
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
            to=emails.staff_emails(),
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
