"""The organisation directory and each organisation's page."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from core.query_params import clean_text, clean_values, paginate
from listings import exports
from listings import selectors as listing_selectors
from listings.views import pinned_listing_response
from organisations.models import NATIONS, Organisation, OrganisationType
from organisations.selectors import organisations_matching


def organisation_directory(request, *, index_page):
    query = clean_text(request.GET.get("q", ""))
    types = clean_values(request, "type")
    nations = clean_values(request, "nation")
    include_former = request.GET.get("former") == "1"

    # How much each has published: the search index's organisation counts (live, public
    # pages only), cached until the next publish, instead of a join over every page.
    published_counts = listing_selectors.published_counts_by_organisation()
    organisations = Organisation.objects.only(
        "id",
        "name",
        "slug",
        "code",
        "organisation_type",
        "council_type",
        "nation",
        "region",
        "is_current",
    )
    if types:
        organisations = organisations.filter(organisation_type__in=types)
    if nations:
        organisations = organisations.filter(nation__in=nations)
    if not include_former:
        organisations = organisations.filter(is_current=True)
    if request.GET.get("published") == "1":
        organisations = organisations.filter(slug__in=list(published_counts))
    # Last, so the names compared are only those the other filters left; best matches first.
    organisations = organisations_matching(organisations.order_by("name"), query=query)

    fmt = exports.requested_format(request)
    if fmt is not None:
        # The download carries every column, so it reads whole rows (one query).
        rows = exports.organisation_rows(
            organisations.defer(None)[: exports.MAX_EXPORT_ROWS], request=request
        )
        return exports.export_response(rows, fmt, "organisations")

    listing_page = paginate(request, organisations, per_page=50)
    for organisation in listing_page.object_list:
        organisation.published = published_counts.get(organisation.slug, 0)
    return TemplateResponse(
        request,
        "organisations/organisation_index_page.html",
        {
            "page": index_page,
            "self": index_page,
            "query": query,
            "selected_types": types,
            "selected_nations": nations,
            "include_former": include_former,
            "type_choices": OrganisationType.choices,
            "nation_choices": NATIONS,
            "listing_page": listing_page,
        },
    )


def organisation_detail(request, *, index_page, slug):
    organisation = get_object_or_404(Organisation, slug=clean_text(slug))
    return pinned_listing_response(
        request,
        "organisations/organisation_detail.html",
        {"page": index_page, "self": index_page, "organisation": organisation},
        facet="organisation",
        value=organisation.slug,
    )
