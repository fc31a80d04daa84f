"""Index, tag and service-area pages and their downloads: thin wrappers over listings.selectors."""

from django.shortcuts import get_object_or_404, render

from core import selectors
from core.models import ContentTag, ServiceArea
from core.query_params import clean_text
from listings import exports
from listings import selectors as listings


def listing_export(request, *, model=None, fixed=None, filename: str):
    """The whole listing as a CSV or JSON download when the URL asks for one, else None.

    Read through the same search as the page (listings.selectors), so a download holds exactly
    the pages its listing shows under the same filters, up to exports.MAX_EXPORT_ROWS."""
    fmt = exports.requested_format(request)
    if fmt is None:
        return None
    # A pinned page (tag, service area, organisation) takes only the order from the URL.
    request_data = request.GET if model is not None else pinned_request_data(request)
    hits, total = listings.listing_hits(request_data, model=model, fixed=fixed)
    return exports.export_response(listings.download_rows(hits), fmt, filename, total=total)


def listing_context(request, *, model, base_path: str) -> dict:
    """An index page's listing: cards, counts per filter value and pagination, all from search."""
    listing = listings.read_listing(request.GET, model=model)
    filter_groups = listings.filter_groups(listing.results, exclude=("type",))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return {
        "listing": listing,
        "filtered": any(group.selected_count for group in filter_groups),
        "order": listing.order,
        "order_choices": listings.ORDER_CHOICES,
        "filter_groups": filter_groups,
        "listing_page": listings.paginated(listing.results, listing.cards),
        "query_without_page": query_without_page.urlencode(),
        "base_path": base_path,
    }


def pinned_request_data(request) -> dict:
    # Only the page and order come from the URL: other filters belong to the index pages.
    return {"page": request.GET.get("page", "1"), "order": request.GET.get("order")}


def pinned_listing_context(request, **fixed) -> dict:
    """A tag, service-area or organisation page's listing: one facet pinned, newest first."""
    listing = listings.read_listing(pinned_request_data(request), fixed=fixed)
    return {"listing": listing, "listing_page": listings.paginated(listing.results, listing.cards)}


def tag_index(request):
    return render(request, "core/tag_index.html", {"tags": selectors.tags_in_use()})


def tag_detail(request, slug):
    tag = get_object_or_404(ContentTag, slug=clean_text(slug))
    export = listing_export(request, fixed={"tag": (tag.slug,)}, filename=f"tag-{tag.slug}")
    if export is not None:
        return export
    return render(
        request,
        "core/tag_detail.html",
        {"tag": tag, **pinned_listing_context(request, tag=(tag.slug,))},
    )


def service_area_index(request):
    return render(
        request, "core/service_area_index.html", {"service_areas": selectors.service_areas_in_use()}
    )


def service_area_detail(request, slug):
    service_area = get_object_or_404(ServiceArea, slug=clean_text(slug))
    export = listing_export(
        request,
        fixed={"service_area": (service_area.slug,)},
        filename=f"service-area-{service_area.slug}",
    )
    if export is not None:
        return export
    return render(
        request,
        "core/service_area_detail.html",
        {
            "service_area": service_area,
            **pinned_listing_context(request, service_area=(service_area.slug,)),
        },
    )
