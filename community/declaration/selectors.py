"""The Declaration's reads: signatories, their counts and an organisation's signatures."""

from django.db.models import Count, Prefetch, Q, QuerySet

from community.models import (
    Commitment,
    Signature,
    SignatureStatus,
)
from organisations.models import Organisation, OrganisationType


def signatories(*, query: str = "", organisation_types=(), nations=(), regions=()) -> QuerySet:
    """Approved signatures with their published commitments, newest first."""
    queryset = (
        Signature.objects.filter(status=SignatureStatus.APPROVED)
        .select_related("organisation")
        .prefetch_related(
            Prefetch("commitments", queryset=Commitment.objects.filter(is_published=True))
        )
    )
    if query:
        queryset = queryset.filter(
            Q(organisation__name__icontains=query) | Q(organisation__official_name__icontains=query)
        )
    if organisation_types:
        queryset = queryset.filter(organisation__organisation_type__in=organisation_types)
    if nations:
        queryset = queryset.filter(organisation__nation__in=nations)
    if regions:
        queryset = queryset.filter(organisation__region__in=regions)
    return queryset.order_by("-signed_at", "organisation__name")


def signatory_counts(queryset: QuerySet) -> dict[str, list[tuple[str, int]]]:
    """Facet counts for the signatories list, over the current (filtered) results, as
    (what a reader sees, count): organisation types by their label ("Council", not the
    stored "council")."""
    type_labels = dict(OrganisationType.choices)

    def counts(field, labels=None):
        rows = queryset.order_by().values(f"organisation__{field}").annotate(total=Count("id"))
        return sorted(
            (
                ((labels or {}).get(value, value), row["total"])
                for row in rows
                if (value := row[f"organisation__{field}"])
            ),
            key=lambda item: item[0],
        )

    return {
        "organisation_type": counts("organisation_type", type_labels),
        "nation": counts("nation"),
        "region": counts("region"),
    }


def organisation_has_signed(organisation: Organisation) -> bool:
    """Only a signature staff approved stops a new application: one in progress, perhaps
    started by someone who does not work there, never does."""
    return Signature.objects.filter(
        organisation=organisation, status=SignatureStatus.APPROVED
    ).exists()


def signatures_for_organisation(organisation_id: int) -> QuerySet:
    """Every application and signature of one organisation, newest first, for staff."""
    return Signature.objects.filter(organisation_id=organisation_id).order_by("-created_at")
