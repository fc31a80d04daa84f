"""Listing, tag and service-area views: thin wrappers over core.selectors."""

import re

from django.core.exceptions import DisallowedHost
from django.core.paginator import Paginator
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string

from core import selectors
from core.models import ContentTag, ServiceArea
from core.page_cache import cached_per_generation
from localdigital import exports
from organisations.models import NATIONS, Organisation

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


def filters_from_request(request) -> selectors.ListingFilters:
    return selectors.ListingFilters(
        tags=clean_values(request, "tag"),
        service_areas=clean_values(request, "service_area"),
        organisations=clean_values(request, "organisation"),
        nations=clean_values(request, "nation"),
        regions=clean_values(request, "region"),
    )


def paginate(request, queryset, per_page: int = selectors.LISTING_PAGE_SIZE):
    paginator = Paginator(queryset, per_page)
    page_number = request.GET.get("page", "1")[:12]
    page = paginator.get_page(page_number)
    page.adjusted_elided_pages = paginator.get_elided_page_range(
        page.number, on_each_side=2, on_ends=1
    )
    return page


def listing_export(request, listing, *, filename: str):
    """The whole listing as a CSV or JSON download when the URL asks for one, else None."""
    fmt = exports.requested_format(request)
    if fmt is None:
        return None
    fields, deferring = listing.query.deferred_loading
    if fields and not deferring:  # an only() listing: load the licence too
        listing = listing.only(*fields, "licence")
    rows = exports.content_rows(listing[: exports.MAX_EXPORT_ROWS], request=request)
    return exports.export_response(rows, fmt, filename)


def content_listing_for_request(request, *, model):
    filters = filters_from_request(request)
    order = request.GET.get("order", "newest")
    return filters, order, selectors.content_listing(model=model, filters=filters, order=order)


def listing_context(request, *, model, base_path: str) -> dict:
    filters, order, listing = content_listing_for_request(request, model=model)
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    return {
        "filters": filters,
        "order": order,
        "listing_page": paginate(request, listing),
        "filter_options": filter_options(),
        "query_without_page": query_without_page.urlencode(),
        "base_path": base_path,
    }


def filter_options() -> dict:
    """Choices for the filter form, the same for every listing.

    Cached under the page-cache generation, so any publish refreshes them."""
    return cached_per_generation("filter-options", _filter_options_from_database)


def _filter_options_from_database() -> dict:
    return {
        "tags": list(selectors.tags_in_use(limit=40)),
        "service_areas": list(ServiceArea.objects.only("name", "slug")),
        "organisations": list(
            Organisation.objects.filter(published_pages__live=True)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        ),
        "nations": [value for value, _label in NATIONS],
        "regions": list(
            Organisation.objects.exclude(region="")
            .order_by("region")
            .values_list("region", flat=True)
            .distinct()
        ),
    }


def tag_index(request):
    return render(request, "core/tag_index.html", {"tags": selectors.tags_in_use()})


def tag_detail(request, slug):
    tag = get_object_or_404(ContentTag, slug=clean_text(slug))
    listing = selectors.content_for_tag(tag)
    export = listing_export(request, listing, filename=f"tag-{tag.slug}")
    if export is not None:
        return export
    return render(
        request,
        "core/tag_detail.html",
        {"tag": tag, "listing_page": paginate(request, listing)},
    )


def service_area_index(request):
    return render(
        request, "core/service_area_index.html", {"service_areas": selectors.service_areas_in_use()}
    )


def service_area_detail(request, slug):
    service_area = get_object_or_404(ServiceArea, slug=clean_text(slug))
    listing = selectors.content_for_service_area(service_area)
    export = listing_export(request, listing, filename=f"service-area-{service_area.slug}")
    if export is not None:
        return export
    return render(
        request,
        "core/service_area_detail.html",
        {"service_area": service_area, "listing_page": paginate(request, listing)},
    )


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The commonest 400 (a bad Host header): rendered without the request, because anything
        # that asks it for its address (the Open Graph URL) would raise again and make a 500.
        return HttpResponseBadRequest(render_to_string("400.html"))
    return render(request, "400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)
