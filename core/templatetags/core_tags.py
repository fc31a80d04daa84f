"""Template tags shared by every page: JSON-LD, money, the main navigation and the names of the
content types."""

import inspect
import json
from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from wagtail.models import Page, Site

from core import content_types
from core.models import StandardPage
from core.page_cache import cached_per_generation

register = template.Library()

# Routes that are not pages but belong in the service navigation, after the pages, by URL
# name (the community app's opportunities, the search page).
NAVIGATION_ROUTES = [("Collaborate", "community:opportunities"), ("Search", "search")]


def main_navigation_links() -> list[tuple[str, str]]:
    """(label, path) of the service navigation: the home page's live, public children that
    editors show in menus ("Show in menus" on the page's Promote tab), in tree order, then
    NAVIGATION_ROUTES. Read once per publish generation, so a rename, a move or a change of
    that setting shows at once and a page costs no query for it."""

    def from_the_tree() -> list[tuple[str, str]]:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        pages = (
            site.root_page.get_children().live().public().in_menu().specific()
            if site
            else Page.objects.none()
        )
        # Editors may give a section a shorter label than its title (menu_label), and a
        # page type may declare one (navigation_label).
        links = [
            (
                getattr(page, "menu_label", "") or getattr(page, "navigation_label", page.title),
                page.url,
            )
            for page in pages
            if page.url
        ]
        return links + [(label, reverse(name)) for label, name in NAVIGATION_ROUTES]

    return cached_per_generation("main-navigation", from_the_tree)


def footer_links() -> list[tuple[str, str]]:
    """(title, path) of the footer's support links: the home page's live, public standard
    pages (about, accessibility, privacy...) that are not in the service navigation, in tree
    order, so a page an editor renames or adds is linked at once. Read once per generation."""

    def from_the_tree() -> list[tuple[str, str]]:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return []
        pages = (
            StandardPage.objects.child_of(site.root_page)
            .live()
            .public()
            .filter(show_in_menus=False)
        )
        return [(page.title, page.url) for page in pages if page.url]

    return cached_per_generation("footer-links", from_the_tree)


@register.simple_tag
def footer_navigation():
    return [{"label": label, "url": url} for label, url in footer_links()]


@register.simple_tag(takes_context=True)
def json_ld(context, obj):
    """A schema.org data block. Escaping <, > and & keeps it from closing the script element."""
    method = getattr(obj, "json_ld", None)
    if method is None:
        return ""
    if "request" in inspect.signature(method).parameters:
        data = method(request=context.get("request"))
    else:
        data = method()
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


@register.simple_tag
def site_name():
    """For templates rendered without a request, where the context processor does not run
    (Wagtail's notification emails)."""
    return settings.SITE_NAME


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The navigation items with `current` set on the section the request is in."""
    request = context.get("request")
    path = getattr(request, "path", "")
    return [
        {"label": label, "url": url, "current": path == url, "in_section": path.startswith(url)}
        for label, url in main_navigation_links()
    ]


def _to_decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


@register.filter
def money(value):
    """£120,000 for whole pounds, £1,234.50 otherwise; empty for no value."""
    amount = _to_decimal(value)
    if amount is None:
        return ""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    if amount == amount.to_integral_value():
        return f"{sign}£{int(amount):,}"
    return f"{sign}£{amount:,.2f}"


@register.simple_tag
def money_range(minimum, maximum):
    """A budget range in words: "£50,000 to £80,000", "Up to £80,000", "From £50,000"."""
    low, high = money(minimum), money(maximum)
    if low and high:
        return low if low == high else f"{low} to {high}"
    if high:
        return f"Up to {high}"
    if low:
        return f"From {low}"
    return ""


@register.simple_tag(takes_context=True)
def page_link(context, number):
    """?…&page=N keeping the listing's filters: from `query_without_page`, else the request."""
    query = context.get("query_without_page")
    if query is None:
        request = context.get("request")
        if request is not None:
            params = request.GET.copy()
            params.pop("page", None)
            query = params.urlencode()
    return f"?{query}&page={number}" if query else f"?page={number}"


@register.simple_tag
def breadcrumb_ancestors(page):
    """The page's ancestors below the root, home first.

    Walks the parents the router already loaded (it caches each parent on its child), so on
    a routed request this costs no query; otherwise it falls back to one ancestors query.
    """
    ancestors = []
    current = page
    while getattr(current, "_cached_parent_obj", None) is not None and current.depth > 2:
        current = current._cached_parent_obj
        ancestors.append(current)
    if ancestors and ancestors[-1].depth == 2:
        return list(reversed(ancestors))
    return [ancestor for ancestor in page.get_ancestors() if ancestor.depth > 1]


@register.simple_tag
def content_types_in_words() -> str:
    """Prose naming every content type ("case studies, ... and service patterns"), from the
    registry, so a new type is named too."""
    return content_types.content_types_in_words()
