"""Collaboration's writes: opportunities to work together and the interest members express."""

from django.db import IntegrityError, transaction

from community import emails
from community.models import (
    Interest,
    MemberProfile,
    Opportunity,
    OpportunityStatus,
)
from community.text import plain_text


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
