"""Collaboration's reads: the open opportunities and the one a visitor may see."""

from django.db.models import Count, QuerySet
from django.utils import timezone

from community.models import (
    Opportunity,
    OpportunityStatus,
)


def open_opportunities(*, service_areas=(), phases=(), seeking=(), budget_bands=()) -> QuerySet:
    queryset = (
        Opportunity.objects.filter(
            status=OpportunityStatus.OPEN, closing_date__gte=timezone.localdate()
        )
        .select_related("organisation", "service_area")
        .annotate(interest_count=Count("interests"))
    )
    if service_areas:
        queryset = queryset.filter(service_area__slug__in=service_areas)
    if phases:
        queryset = queryset.filter(phase__in=phases)
    for value in seeking:
        if value in ("share_ideas", "conversation", "share_funding"):
            queryset = queryset.filter(**{value: True})
    if budget_bands:
        queryset = queryset.filter(budget_band__in=budget_bands)
    return queryset.order_by("closing_date", "-created_at")


def visible_opportunity(pk: int) -> Opportunity | None:
    """Open ones for anyone; closed ones stay reachable by link but never withdrawn ones."""
    return (
        Opportunity.objects.exclude(status=OpportunityStatus.WITHDRAWN)
        .select_related("organisation", "service_area", "created_by")
        .filter(pk=pk)
        .first()
    )
