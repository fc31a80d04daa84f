"""A whole-page cache for anonymous readers that any publish, unpublish, move or delete clears.

Clearing is by generation: every stored page carries the generation it was rendered at, and
a new generation makes every stored page a miss at once (each is overwritten by its next
render, or expires on its own).

The generation lives in the database (core.models.PublicContentGeneration), which every
process shares on every configuration, and changes in the same transaction as the content.
It is read once per request (the middleware below resets a per-request memo). Values derived
from published content are kept in process memory for the generation they were computed at,
so a request that needs several of them costs one query, and a change committed by any
process (another worker, cron, a shell) is seen by the very next request of every worker.
The stored pages themselves are in Django's cache: Redis with REDIS_URL, otherwise a
directory every process on the machine shares (settings: CACHES).
"""

import contextvars
import secrets
import threading

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import connection
from django.utils.cache import patch_cache_control

# The table of core.models.PublicContentGeneration, which takes its name from here: this
# module reads and writes the one row with plain SQL, below the models that use it.
GENERATION_TABLE = "core_publiccontentgeneration"
MESSAGES_COOKIE_NAME = CookieStorage.cookie_name
CACHEABLE_PREFIXES_EXCLUDED = ("/admin/", "/documents/", "/accounts/", "/django-admin/")

# None outside a request (management commands, tasks): then every call asks the cache.
_request_generation: contextvars.ContextVar[int | None] = contextvars.ContextVar(
    "page_cache_generation", default=None
)
_in_request: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "page_cache_in_request", default=False
)
# name -> (generation, value), per process.
_process_values: dict[str, tuple[int, object]] = {}
_process_values_lock = threading.Lock()


def stored_generation() -> int:
    """The generation as committed (or as this process's open transaction has it); 0 if unset."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {GENERATION_TABLE} WHERE id = 1")  # noqa: S608
        row = cursor.fetchone()
    return row[0] if row else 0


def current_generation() -> int:
    if _in_request.get():
        memo = _request_generation.get()
        if memo is not None:
            return memo
        generation = stored_generation()
        _request_generation.set(generation)
        return generation
    return stored_generation()


def cached_per_generation(name: str, compute, timeout: int = 3600):
    """A value derived from published content, recomputed after the next publish or change.

    Callers must treat the value as read-only: it is shared by every request in the process.
    """
    generation = current_generation()
    held = _process_values.get(name)
    if held is not None and held[0] == generation:
        return held[1]
    key = f"{name}:{generation}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout)
    with _process_values_lock:
        _process_values[name] = (generation, value)
    return value


def invalidate_page_cache() -> None:
    """Start a new generation, in the caller's transaction: it moves when the change commits.

    Random rather than +1, so that a generation a rolled-back transaction used (and whose
    values its process may hold) is never current again.
    """
    generation = secrets.randbits(62) + 1
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {GENERATION_TABLE} (id, value) VALUES (1, %s) "  # noqa: S608
            "ON CONFLICT (id) DO UPDATE SET value = excluded.value",
            [generation],
        )
    if _in_request.get():
        _request_generation.set(generation)  # this request reads the new generation from now on


def cache_key_for(request) -> str:
    # The scheme too: a page carries absolute URLs (Open Graph, JSON-LD), and the first
    # reader's http or https must not decide what every other reader gets.
    return f"page-cache:page:{request.scheme}:{request.get_host()}:{request.get_full_path()}"


def stored_page(key: str):
    """The page stored under `key` if it belongs to the current generation, else None.

    An entry from an older generation is simply a miss (the next store overwrites it).
    """
    held = cache.get(key)
    if held is not None and held[0] == current_generation():
        return held[1]
    return None


def is_cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A message waiting in its cookie ("You have signed out") must be shown, not skipped.
        and MESSAGES_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(CACHEABLE_PREFIXES_EXCLUDED)
        and "preview" not in request.GET
    )


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_request = _in_request.set(True)
        generation = _request_generation.set(None)
        try:
            return self.respond(request)
        finally:
            _request_generation.reset(generation)
            _in_request.reset(in_request)

    def respond(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = cache_key_for(request)
        cached = stored_page(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        # The generation the page is rendered at: if a publish lands while it renders, the
        # entry is already old and no reader will take it.
        generation = current_generation()
        response = self.get_response(request)
        if self.should_store(request, response):
            response["X-Page-Cache"] = "miss"
            patch_cache_control(response, public=True, max_age=0)

            def store(rendered):
                cache.set(key, (generation, rendered), settings.PAGE_CACHE_SECONDS)

            if (
                hasattr(response, "render")
                and callable(response.render)
                and not response.is_rendered
            ):
                response.add_post_render_callback(store)
            else:
                store(response)
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
