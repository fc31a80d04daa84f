"""A signature approved makes a draft project of each commitment, for staff to publish."""

from django.dispatch import receiver

from community.declaration.services import signature_approved
from projects import services


@receiver(signature_approved)
def draft_projects_from_commitments(sender, signature, **kwargs):
    services.projects_from_signature(signature=signature)
