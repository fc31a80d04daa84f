"""A whole-page cache for anonymous readers that any publish, unpublish, move or delete clears.

Clearing is by generation: the generation number is part of every key, and bumping it makes
every cached page unreachable at once (the entries then expire on their own).
"""

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control

GENERATION_KEY = "page-cache:generation"
CACHEABLE_PREFIXES_EXCLUDED = ("/admin/", "/documents/", "/accounts/", "/django-admin/")


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = 1
        cache.add(GENERATION_KEY, generation, timeout=None)
    return generation


def cached_per_generation(name: str, compute, timeout: int = 3600):
    """A value derived from published content, recomputed after the next publish or change."""
    key = f"{name}:{current_generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    return value


def invalidate_page_cache() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cache_key_for(request) -> str:
    return f"page-cache:{current_generation()}:{request.get_host()}:{request.get_full_path()}"


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(CACHEABLE_PREFIXES_EXCLUDED)
        and "preview" not in request.GET
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key_for(request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self.should_store(request, response):
            response["X-Page-Cache"] = "miss"
            patch_cache_control(response, public=True, max_age=0)
            if (
                hasattr(response, "render")
                and callable(response.render)
                and not response.is_rendered
            ):
                response.add_post_render_callback(
                    lambda r: cache.set(key, r, settings.PAGE_CACHE_SECONDS)
                )
            else:
                cache.set(key, response, settings.PAGE_CACHE_SECONDS)
        return response

    @staticmethod
    def should_store(request, response) -> bool:
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and not getattr(request, "_messages", None)
            and "private" not in response.get("Cache-Control", "")
        )
