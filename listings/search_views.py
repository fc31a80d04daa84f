"""The search page and the autocomplete endpoint: thin wrappers over search.services."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from core.templatetags.core_tags import main_navigation_links
from listings import exports
from listings import selectors as listing_selectors
from search import services

logger = logging.getLogger(__name__)

MAX_RAW_QUERY_LENGTH = 2000
MAX_PARAMETERS = 200
# The engine pauses itself for a few seconds after a failure; a reader retrying after this
# long finds it back if it was only restarting.
RETRY_AFTER_SECONDS = "30"
UNAVAILABLE_MESSAGE = "Search is not available at the moment. Try again in a few minutes."


def browse_links() -> list[tuple[str, str]]:
    """What a reader can do instead: the sections of the navigation (the listings, which are
    read from the database's own index) but search itself."""
    return [link for link in main_navigation_links() if link[1] != reverse("search")][:5]


def without(querydict, param: str, value: str | None = None) -> str:
    """The query string with one filter value (or a whole parameter) and the page removed."""
    data = querydict.copy()
    data.pop("page", None)
    if value is None:
        data.pop(param, None)
    else:
        data.setlist(param, [v for v in data.getlist(param) if v != value])
    return data.urlencode()


def too_big(request) -> str:
    if len(request.GET.get("q", "")) > MAX_RAW_QUERY_LENGTH:
        return "Your search is too long. Try a few words that describe what you are looking for."
    if sum(len(values) for values in request.GET.lists()) > MAX_PARAMETERS:
        return "Too many filters were chosen. Remove some filters and try again."
    return ""


def search_unavailable(request, *, query: str = ""):
    """503 with Retry-After: the engine is down, and the reader is told what to do instead.

    Never stored by the page cache (only 200s are) nor by anyone else (no-store), so readers
    get search back as soon as the engine is.
    """
    context = {"query": query[:200], "browse_links": browse_links()}
    response = render(request, "search/search_unavailable.html", context, status=503)
    response["Retry-After"] = RETRY_AFTER_SECONDS
    response["Cache-Control"] = "no-store"
    return response


@require_GET
def search_page(request):
    try:
        return answer_search(request)
    except services.SearchEngineUnavailable as error:
        logger.warning("search engine unavailable, search page answered 503: %s", error)
        return search_unavailable(request, query=request.GET.get("q", ""))


def answer_search(request):
    problem = too_big(request)
    if problem:
        context = {"error": problem, "results": None, "query": ""}
        return render(request, "search/search_page.html", context, status=400)
    filters = services.SearchFilters.from_querydict(request.GET)
    download_format = exports.requested_format(request)
    if download_format:
        hits, total = listing_selectors.hits_and_total(
            lambda number: services.search_content(
                query=request.GET.get("q", ""),
                filters=filters,
                sort=request.GET.get("sort"),
                page=number,
                page_size=services.MAX_PAGE_SIZE,
            ),
            limit=exports.MAX_SEARCH_EXPORT_ROWS,
        )
        rows = listing_selectors.download_rows(hits)
        return exports.export_response(rows, download_format, "search", total=total)
    results = services.search_content(
        query=request.GET.get("q", ""),
        filters=filters,
        sort=request.GET.get("sort"),
        page=request.GET.get("page", 1),
    )
    removals = [
        {
            "heading": facet.heading,
            "label": option.label,
            "query": without(request.GET, facet.param, option.value),
        }
        for facet in results.facets
        for option in facet.options
        if option.selected
    ]
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "results": results,
        "query": results.query,
        "listing_page": listing_selectors.paginated(results, results.hits),
        "query_without_page": query_without_page.urlencode(),
        "promotions": services.promoted_pages(results.query) if results.page == 1 else [],
        "filter_groups": listing_selectors.filter_groups(results),
        "removals": removals,
        "clear_filters_query": urlencode({"q": results.query}) if results.query else "",
        "sort_choices": services.SORT_CHOICES,
    }
    response = render(request, "search/search_page.html", context)
    if results.query and services.clean_page(request.GET.get("page", 1)) == 1:
        # Counted by search.middleware on every serving of this page, cached or not.
        response.answered_search = (results.query, results.total)
    return response


@require_GET
def suggest(request):
    """Matching titles as JSON for the search box's autocomplete."""
    query = request.GET.get("q", "")[:MAX_RAW_QUERY_LENGTH]
    try:
        results = services.suggest_titles(query)
    except services.SearchEngineUnavailable as error:
        # The search box then stays a plain input (search-suggestions.js ignores failures).
        logger.warning("search engine unavailable, suggestions answered 503: %s", error)
        response = JsonResponse(
            {"query": query[:200], "results": [], "message": UNAVAILABLE_MESSAGE}, status=503
        )
        response["Retry-After"] = RETRY_AFTER_SECONDS
        response["Cache-Control"] = "no-store"
        return response
    response = JsonResponse({"query": query[:200], "results": results})
    response["Cache-Control"] = "public, max-age=60"
    return response
