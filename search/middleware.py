"""Counts every search for editors' reports, whether or not the page came from the page cache."""

from search import services


class SearchRecordingMiddleware:
    """Records the search a response answered, after the page cache had its say.

    The search view marks its response with the query and its total; the mark is stored
    with the page, so a cached page served to the thousandth reader of a popular query is
    counted too. Without this, the search-terms and zero-results reports counted only
    page-cache misses, undercounting exactly the popular queries. Placed before
    core.page_cache.AnonymousPageCacheMiddleware in MIDDLEWARE.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        answered = getattr(response, "answered_search", None)
        if answered is not None:
            query, total = answered
            services.record_search(query, total=total)
        return response
