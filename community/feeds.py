"""RSS and Atom feeds of public live content: all, per type, tag, service area, organisation.

Every feed is the newest page of a listing read through listings.selectors.search_listing, the
read of the listing pages and their downloads: the search index holds only live, public
pages, so a feed can never show a draft, a private page or a page awaiting moderation, and
a tag's feed lists what the tag's page lists.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from community.models import EVERYTHING_VALUE, FollowKind
from core.content_types import content_type_by_model_name, content_type_by_plural_slug
from core.models import BasePage, ContentTag, ServiceArea
from core.site_url import absolute_url
from listings import selectors as listing_selectors
from organisations.models import Organisation

FEED_LENGTH = 30


def follow_target(kind: str, value: str) -> dict | None:
    """What a follow or a feed points at, with a label; None when it does not exist."""
    if kind == FollowKind.EVERYTHING:
        if value != EVERYTHING_VALUE:
            return None
        return {"label": "everything published on Local Digital", "feed_slug": ("all", "")}
    if kind == "content_type":
        content_type = content_type_by_model_name(value)
        if content_type is None:
            return None
        return {
            "label": content_type.plural_label.lower(),
            "feed_slug": ("type", content_type.plural_slug),
        }
    if kind == "tag":
        tag = ContentTag.objects.filter(slug=value).first()
        return tag and {"label": f"the tag ‘{tag.name}’", "feed_slug": ("tag", tag.slug)}
    if kind == "service_area":
        area = ServiceArea.objects.filter(slug=value).first()
        return area and {"label": area.name, "feed_slug": ("service-area", area.slug)}
    if kind == FollowKind.PAGE:
        page = followable_page(value)
        # A page's news comes by email only: there is no feed of one page.
        return page and {"label": f"‘{page.title}’", "feed_slug": None}
    if kind == "organisation":
        organisation = Organisation.objects.filter(slug=value).first()
        return organisation and {
            "label": organisation.name,
            "feed_slug": ("organisation", organisation.slug),
        }
    return None


def followable_page(value: str):
    """The live, public page of a type that may be followed by itself, or None."""
    value = str(value)
    if not value.isdigit() or len(value) > 12:
        return None
    page = BasePage.objects.live().public().filter(pk=int(value)).specific().first()
    return page if page is not None and type(page).followable else None


def feed_urls(target: dict) -> dict[str, str]:
    """The RSS and Atom addresses of a follow target's feed (follow_target's "feed_slug");
    none for a target without a feed (one page)."""
    if target["feed_slug"] is None:
        return {}
    kind, slug = target["feed_slug"]
    if kind == "all":
        return {name: reverse("community:feed_all", args=[name]) for name in ("rss", "atom")}
    return {name: reverse("community:feed", args=[name, kind, slug]) for name in ("rss", "atom")}


class ContentFeed(Feed):
    """RSS 2.0; AtomContentFeed below gives the same items as Atom."""

    feed_type = Rss201rev2Feed
    format_name = "rss"

    def get_object(self, request, kind="all", slug=""):
        self.request = request
        if kind == "all":
            return {
                "kind": kind,
                "title": "Everything",
                "listing": {},
            }
        if kind == "type":
            # Each registered type has a feed at its plural slug (core.content_types).
            content_type = content_type_by_plural_slug(slug)
            if content_type is None:
                raise Http404
            return {
                "kind": kind,
                "slug": slug,
                "title": content_type.plural_label,
                "listing": {"model": content_type.model},
            }
        filters = {
            "tag": (ContentTag, "tag"),
            "service-area": (ServiceArea, "service_area"),
            "organisation": (Organisation, "organisation"),
        }
        if kind not in filters:
            raise Http404
        model, filter_name = filters[kind]
        instance = model.objects.filter(slug=slug[:120]).first()
        if instance is None:
            raise Http404
        return {
            "kind": kind,
            "slug": slug,
            "title": getattr(instance, "name", str(instance)),
            "listing": {"fixed": {filter_name: (instance.slug,)}},
        }

    def title(self, obj):
        return f"Local Digital: {obj['title']}"

    # Absolute on SITE_URL: left relative, Django would put the request's Host in front.
    def link(self, obj):
        return absolute_url("/")

    def feed_url(self, obj):
        if obj["kind"] == "all":
            return absolute_url(reverse("community:feed_all", args=[self.format_name]))
        return absolute_url(
            reverse("community:feed", args=[self.format_name, obj["kind"], obj["slug"]])
        )

    def description(self, obj):
        return f"The latest public {obj['title'].lower()} shared by councils on Local Digital."

    def items(self, obj):
        return listing_selectors.search_listing(
            {"order": "newest"}, page=1, page_size=FEED_LENGTH, **obj["listing"]
        ).hits

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # Readers take an RSS description, and an Atom summary (Django marks it type="html"),
        # as HTML. A summary is plain text: escaped, it shows as typed and never as markup.
        return escape(item.summary)

    def item_link(self, item):
        return absolute_url(item.url)

    def item_pubdate(self, item):
        # The date readers see on the page (when the work was shared), not when this copy of
        # the page happened to be published: an import or a demo load publishes everything
        # at once, and a feed dated by that would list years of work as new today.
        if item.date is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        # Atom requires <updated> on every entry; the page's date is the one readers see.
        return self.item_pubdate(item)

    def item_author_name(self, item):
        return item.organisations[0]["name"] if item.organisations else None

    def item_categories(self, item):
        return [tag["name"] for tag in item.tags]


class AtomContentFeed(ContentFeed):
    feed_type = Atom1Feed
    format_name = "atom"
    subtitle = ContentFeed.description


rss_feed = ContentFeed()
atom_feed = AtomContentFeed()


def feed(request, format_name, kind="all", slug=""):
    view = {"rss": rss_feed, "atom": atom_feed}.get(format_name)
    if view is None:
        raise Http404
    return view(request, kind=kind, slug=slug)
