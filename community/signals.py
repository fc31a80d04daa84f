"""Hooks into allauth and Wagtail: verification on email confirmation, moderation outcomes
for members, and follower notifications on first publication."""

from django.db import transaction
from django.dispatch import receiver

from wagtail.models import WorkflowState
from wagtail.signals import page_published, workflow_approved, workflow_rejected

from allauth.account.signals import email_confirmed

from community import services
from community.models import Follow
from core.models import BasePage


@receiver(email_confirmed)
def verify_member_on_email_confirmed(sender, request, email_address, **kwargs):
    services.member_email_confirmed(user=email_address.user, email=email_address.email)


@receiver(workflow_approved, sender=WorkflowState)
def tell_member_contribution_approved(sender, instance, user=None, **kwargs):
    transaction.on_commit(
        lambda: services.contribution_decided(workflow_state=instance, approved=True)
    )


@receiver(workflow_rejected, sender=WorkflowState)
def tell_member_changes_requested(sender, instance, user=None, **kwargs):
    transaction.on_commit(
        lambda: services.contribution_decided(workflow_state=instance, approved=False)
    )


@receiver(page_published)
def tell_followers_on_first_publication(sender, instance, **kwargs):
    if not isinstance(instance, BasePage):
        return
    if instance.first_published_at != instance.last_published_at:
        return
    if not Follow.objects.exists():
        return
    page_id = instance.pk
    transaction.on_commit(
        lambda: services.followers_notify_published(page=BasePage.objects.get(pk=page_id))
    )
