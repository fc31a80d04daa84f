"""Listing, tag and service-area views: thin wrappers over core.listings and core.selectors."""

import logging
import re
import sys

from django.core.exceptions import DisallowedHost
from django.core.paginator import Paginator
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from core import listings, selectors
from core.models import ContentTag, ServiceArea
from localdigital import exports

logger = logging.getLogger(__name__)

MAX_FILTER_VALUES = 20
MAX_PARAM_LENGTH = 120


# NUL and other control characters: PostgreSQL rejects NUL in text, and none belongs in a filter.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


def clean_text(value: str) -> str:
    """A query-string or URL value made safe for any database: no control characters, bounded."""
    return CONTROL_CHARACTERS.sub("", value).strip()[:MAX_PARAM_LENGTH]


def clean_values(request, name: str) -> tuple[str, ...]:
    """Repeated query parameters, bounded in number and length so bad input costs nothing."""
    values = [clean_text(value) for value in request.GET.getlist(name)]
    return tuple(dict.fromkeys(value for value in values if value))[:MAX_FILTER_VALUES]


def paginate(request, queryset, per_page: int = selectors.LISTING_PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    page_number = request.GET.get("page", "1")[:12]
    page = paginator.get_page(page_number)
    page.adjusted_elided_pages = paginator.get_elided_page_range(
        page.number, on_each_side=2, on_ends=1
    )
    return page


def listing_export(request, *, model=None, fixed=None, filename: str):
    """The whole listing as a CSV or JSON download when the URL asks for one, else None.

    Read through the same search as the page (core.listings), so a download holds exactly
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


def is_api_request(request) -> bool:
    return request.path.startswith("/api/")


def page_not_found(request, exception=None):
    if is_api_request(request):
        # /api/v2/pages/abc/ matches no API route; its clients read JSON, as from the API's own 404s.
        return JsonResponse({"message": "not found"}, status=404)
    return render(request, "404.html", status=404)


# The database server is down, restarting or (SQLite) locked for longer than busy_timeout.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = "30"


def server_error(request):
    # Django calls this inside its `except`, so the exception is still at hand.
    if isinstance(sys.exc_info()[1], DATABASE_UNAVAILABLE):
        return service_unavailable(request)
    if is_api_request(request):
        return JsonResponse({"message": "server error"}, status=500)
    return render(request, "500.html", status=500)


def service_unavailable(request):
    """A database outage is temporary: say so (503, Retry-After), not "a problem" (500).

    Rendered without the request, the database or context processors. Django closes the
    broken connection when the request ends, and the next request opens a new one.
    """
    logger.warning("database unavailable: answering 503")
    if is_api_request(request):
        response = JsonResponse({"message": "service unavailable, try again later"}, status=503)
    else:
        response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    return response


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The commonest 400 (a bad Host header): rendered without the request, because anything
        # that asks it for its address (the Open Graph URL) would raise again and make a 500.
        return HttpResponseBadRequest(render_to_string("400.html"))
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
