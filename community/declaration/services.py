"""The Declaration's writes: signing, an approver's confirmation, review and expiry."""

import datetime

from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone

from community import emails
from community.members.services import email_matches_organisation
from community.models import (
    DECLARATION_CONFIRM_DAYS,
    Commitment,
    Signature,
    SignatureStatus,
)
from community.text import plain_text
from core.page_cache import invalidate_page_cache
from organisations.domains import mailbox
from organisations.models import Organisation
from organisations.selectors import organisation_email_domains

# Sent in the approving transaction, with `signature`. The projects app (above community)
# makes a draft Declaration project of each commitment; community names no app above it.
signature_approved = Signal()


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
            to=emails.staff_emails(("Moderators", "Editors")),
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
        signature_approved.send(sender=Signature, signature=signature)
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
