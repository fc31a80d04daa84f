"""Index, tag and service-area pages and their downloads: thin wrappers over listings.selectors."""

from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse

from core import selectors
from core.models import ContentTag, ServiceArea
from core.query_params import clean_text
from listings import exports
from listings import selectors as listing_selectors


def listing_export(request, *, model=None, fixed=None, filename: str):
    """The whole listing as a CSV or JSON download when the URL asks for one, else None.

    Read through the same search as the page (listings.selectors), so a download holds exactly
    the pages its listing shows under the same filters, up to exports.MAX_EXPORT_ROWS."""
    fmt = exports.requested_format(request)
    if fmt is None:
        return None
    # A pinned page (tag, service area, organisation) takes only the order from the URL.
    request_data = request.GET if model is not None else pinned_request_data(request)
    hits, total = listing_selectors.listing_hits(request_data, model=model, fixed=fixed)
    return exports.export_response(
        listing_selectors.download_rows(hits), fmt, filename, total=total
    )


def listing_context(request, *, model, base_path: str) -> dict:
    """An index page's listing: cards, counts per filter value and pagination, all from search."""
    listing = listing_selectors.read_listing(request.GET, model=model)
    filter_groups = listing_selectors.filter_groups(listing.results, exclude=("type",))
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return {
        "listing": listing,
        "filtered": any(group.selected_count for group in filter_groups),
        "order": listing.order,
        "order_choices": listing_selectors.ORDER_CHOICES,
        "filter_groups": filter_groups,
        "listing_page": listing_selectors.paginated(listing.results, listing.cards),
        "query_without_page": query_without_page.urlencode(),
        "base_path": base_path,
    }


def pinned_request_data(request) -> dict:
    # Only the page and order come from the URL: other filters belong to the index pages.
    return {"page": request.GET.get("page", "1"), "order": request.GET.get("order")}


def pinned_listing_context(request, **fixed) -> dict:
    """A tag, service-area or organisation page's listing: one facet pinned, newest first."""
    listing = listing_selectors.read_listing(pinned_request_data(request), fixed=fixed)
    return {
        "listing": listing,
        "listing_page": listing_selectors.paginated(listing.results, listing.cards),
    }


def pinned_listing_response(request, template: str, context: dict, *, facet: str, value: str):
    """A tag, service-area or organisation page: its listing pinned to one facet value, or
    that listing as a download when the URL asks for one (named after the facet and value)."""
    fixed = {facet: (value,)}
    filename = f"{facet.replace('_', '-')}-{value}"
    export = listing_export(request, fixed=fixed, filename=filename)
    if export is not None:
        return export
    return TemplateResponse(
        request, template, {**context, **pinned_listing_context(request, **fixed)}
    )


def tag_index(request):
    return render(request, "core/tag_index.html", {"tags": selectors.tags_in_use()})


def tag_detail(request, slug):
    tag = get_object_or_404(ContentTag, slug=clean_text(slug))
    return pinned_listing_response(
        request, "core/tag_detail.html", {"tag": tag}, facet="tag", value=tag.slug
    )


def service_area_index(request):
    return render(
        request, "core/service_area_index.html", {"service_areas": selectors.service_areas_in_use()}
    )


def service_area_detail(request, slug):
    service_area = get_object_or_404(ServiceArea, slug=clean_text(slug))
    return pinned_listing_response(
        request,
        "core/service_area_detail.html",
        {"service_area": service_area},
        facet="service_area",
        value=service_area.slug,
    )
