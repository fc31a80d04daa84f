"""Hooks into allauth and Wagtail: verification when a member's addresses change, moderation
outcomes for members, and follower notifications on first publication."""

from functools import partial

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from allauth.account.models import EmailAddress
from allauth.account.signals import email_changed, email_confirmed, email_removed
from axes.helpers import get_client_ip_address

from community import tasks
from community.contributions import services as contributions_services
from community.engagement import services as engagement_services
from community.members import services as members_services
from community.models import Comment, ModerationStatus, ReuseRecord
from core.models import BasePage
from core.page_cache import invalidate_page_cache
from organisations.models import Organisation


@receiver(user_logged_in)
def forget_sign_in_failures_at_this_address(sender, request, user, **kwargs):
    # However the member signed in (password, emailed code), a lockout they were under at
    # this address ends: signing in by code is the way back from one.
    if request is not None:
        address = get_client_ip_address(request)
        if address:
            members_services.sign_in_failures_forget(user=user, address=address)


@receiver(email_confirmed)
def verify_member_on_email_confirmed(sender, request, email_address, **kwargs):
    members_services.member_email_confirmed(user=email_address.user, email=email_address.email)


# allauth 65 sends email_removed after a removal on /accounts/email/, and email_changed when
# the main address changes (also after a confirmation when ACCOUNT_CHANGE_EMAIL replaces the
# other addresses, which it removes without email_removed). email_added needs no receiver: a
# new address is unconfirmed, and confirming it sends email_confirmed.
@receiver(email_removed)
@receiver(email_changed)
def recheck_domain_verification(sender, request, user, **kwargs):
    lost = members_services.member_email_addresses_changed(user=user)
    if lost and request is not None:
        profile = user.member_profile
        messages.info(
            request,
            f"None of your confirmed email addresses is on {profile.organisation.name}'s "
            "email domains any more, so a moderator will check that you work there. "
            "Until then you can read everything and follow topics.",
        )


@receiver(post_delete, sender=EmailAddress)
@receiver(post_save, sender=EmailAddress)
def recheck_domain_verification_after_any_address_change(sender, instance, **kwargs):
    """An address deleted or marked unconfirmed anywhere (the Django admin, the shell, a
    script) sends no allauth signal, so a verification by domain is re-checked here too.

    After the commit: when a whole account is deleted its profile is gone by then, so nobody
    is sent to the moderators; on allauth's email page (one transaction, community.urls) the
    receiver above has already done it and told the member.
    """
    if kwargs.get("created"):
        return  # a new address is unconfirmed; confirming it sends email_confirmed
    user_id = instance.user_id
    transaction.on_commit(lambda: _recheck_domain_verification(user_id))


def _recheck_domain_verification(user_id) -> None:
    user = get_user_model().objects.filter(pk=user_id).first()
    if user is not None:
        members_services.member_email_addresses_changed(user=user)


@receiver(post_save, sender=Comment)
@receiver(post_delete, sender=Comment)
def clear_page_cache_on_shown_comment_change(sender, instance, **kwargs):
    # An approved comment saved (approved, edited, loaded as demo content) or deleted (in the
    # admin, or with its page or author) changes what its page shows. Pending comments show
    # nowhere, so creating one leaves the cache alone.
    if instance.status == ModerationStatus.APPROVED:
        invalidate_page_cache()


@receiver(workflow_approved, sender=WorkflowState)
def tell_member_contribution_approved(sender, instance, user=None, **kwargs):
    transaction.on_commit(
        lambda: contributions_services.contribution_decided(workflow_state=instance, approved=True)
    )


@receiver(workflow_rejected, sender=WorkflowState)
def tell_member_changes_requested(sender, instance, user=None, **kwargs):
    transaction.on_commit(
        lambda: contributions_services.contribution_decided(workflow_state=instance, approved=False)
    )


@receiver(page_published)
def tell_followers_on_first_publication(sender, instance, **kwargs):
    if not isinstance(instance, BasePage):
        return
    # Wagtail sends page_published when a revision is approved for a future go-live too; the
    # page is not live then and its link would be a 404. It is told about when
    # publish_scheduled actually publishes it (its first publication, so exactly once).
    if not instance.live or instance.first_published_at != instance.last_published_at:
        return
    # A task, after the commit: the publishing request does not wait for every follower's
    # email, and nobody is told about a publication that was rolled back. The task checks
    # again that the page is live and public when it runs.
    transaction.on_commit(
        partial(tasks.notify_followers_of_publication.enqueue, instance.pk), robust=True
    )


@receiver(page_published)
def recount_reuse_on_publication(sender, instance, **kwargs):
    # Reuse by the organisations a page is from is not counted, and a publication can change
    # who those are.
    if isinstance(instance, BasePage) and ReuseRecord.objects.filter(page_id=instance.pk).exists():
        engagement_services.reuse_count_refresh(page_id=instance.pk)


@receiver(post_save, sender=Organisation)
def recount_reuse_when_an_organisation_changes(sender, instance, created, **kwargs):
    # Becoming (or ceasing to be) a supplier changes whether its reuse records count.
    if not created:
        engagement_services.reuse_counts_refresh(
            page_ids=ReuseRecord.objects.filter(organisation=instance).values_list(
                "page_id", flat=True
            )
        )


@receiver(post_delete, sender=ReuseRecord)
def recount_reuse_when_a_record_is_deleted(sender, instance, **kwargs):
    # A moderator deleting a record in the admin goes through no service. After the commit,
    # and only if the page is still there: a deleted page takes its records with it.
    page_id = instance.page_id

    def recount():
        if BasePage.objects.filter(pk=page_id).exists():
            engagement_services.reuse_count_refresh(page_id=page_id)

    transaction.on_commit(recount)


@receiver(page_published)
def release_member_uploads_on_publication(sender, instance, **kwargs):
    # In the publishing transaction: the page and its documents become public together.
    contributions_services.contribution_documents_release(page=instance)


@receiver(post_delete, sender=PageViewRestriction)
def release_member_uploads_when_a_page_becomes_public(sender, instance, **kwargs):
    # A restriction lifted from a live page makes it (and its subtree) public without a
    # publication; its members' documents follow it out of the private collection.
    page_id = instance.page_id

    def release():
        page = Page.objects.filter(pk=page_id).first()
        if page is not None:
            for public_page in Page.objects.descendant_of(page, inclusive=True).live().public():
                contributions_services.contribution_documents_release(page=public_page)

    transaction.on_commit(release)
