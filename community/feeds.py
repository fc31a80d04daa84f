"""RSS and Atom feeds of public live content: all, per type, tag, service area, organisation.

Every feed reads core.selectors.content_listing, the same selector as the listings, so a feed
can never show a draft, a private page or a page awaiting moderation.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import escape

from casestudies.models import BusinessCasePage, CaseStudyPage, ProcurementBriefPage
from community.models import EVERYTHING_VALUE, FollowKind
from core import selectors as core_selectors
from core.models import BasePage, ContentTag, ServiceArea
from core.site_url import absolute_url
from organisations.models import Organisation
from patterns.models import ServicePatternPage

FEED_LENGTH = 30
CONTENT_TYPES = {
    "case-studies": (CaseStudyPage, "Case studies"),
    "procurement-briefs": (ProcurementBriefPage, "Procurement briefs"),
    "business-cases": (BusinessCasePage, "Business cases"),
    "service-patterns": (ServicePatternPage, "Service patterns"),
}
MODEL_NAME_TO_SLUG = {
    model._meta.model_name: slug for slug, (model, _label) in CONTENT_TYPES.items()
}


def follow_target(kind: str, value: str) -> dict | None:
    """What a follow or a feed points at, with a label; None when it does not exist."""
    if kind == FollowKind.EVERYTHING:
        if value != EVERYTHING_VALUE:
            return None
        return {"label": "everything published on Local Digital", "feed_slug": ("all", "")}
    if kind == "content_type":
        slug = MODEL_NAME_TO_SLUG.get(value)
        if slug is None:
            return None
        return {"label": CONTENT_TYPES[slug][1].lower(), "feed_slug": ("type", slug)}
    if kind == "tag":
        tag = ContentTag.objects.filter(slug=value).first()
        return tag and {"label": f"the tag ‘{tag.name}’", "feed_slug": ("tag", tag.slug)}
    if kind == "service_area":
        area = ServiceArea.objects.filter(slug=value).first()
        return area and {"label": area.name, "feed_slug": ("service-area", area.slug)}
    if kind == "organisation":
        organisation = Organisation.objects.filter(slug=value).first()
        return organisation and {
            "label": organisation.name,
            "feed_slug": ("organisation", organisation.slug),
        }
    return None


def feed_urls(target: dict) -> dict[str, str]:
    """The RSS and Atom addresses of a follow target's feed (follow_target's "feed_slug")."""
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
                "queryset": core_selectors.content_listing(),
            }
        if kind == "type":
            if slug not in CONTENT_TYPES:
                raise Http404
            model, label = CONTENT_TYPES[slug]
            return {
                "kind": kind,
                "slug": slug,
                "title": label,
                "queryset": core_selectors.content_listing(model=model),
            }
        filters = {
            "tag": (ContentTag, "tags"),
            "service-area": (ServiceArea, "service_areas"),
            "organisation": (Organisation, "organisations"),
        }
        if kind not in filters:
            raise Http404
        model, filter_name = filters[kind]
        instance = model.objects.filter(slug=slug[:120]).first()
        if instance is None:
            raise Http404
        listing_filters = core_selectors.ListingFilters(**{filter_name: (instance.slug,)})
        return {
            "kind": kind,
            "slug": slug,
            "title": getattr(instance, "name", str(instance)),
            "queryset": core_selectors.content_listing(filters=listing_filters),
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
        return list(obj["queryset"][:FEED_LENGTH])

    def item_title(self, item: BasePage):
        return item.title

    def item_description(self, item: BasePage):
        # Readers take an RSS description, and an Atom summary (Django marks it type="html"),
        # as HTML. A summary is plain text: escaped, it shows as typed and never as markup.
        return escape(item.summary)

    def item_link(self, item: BasePage):
        return item.get_full_url(self.request)

    def item_pubdate(self, item: BasePage):
        # The date readers see on the page (when the work was shared), not when this copy of
        # the page happened to be published: an import or a demo load publishes everything
        # at once, and a feed dated by that would list years of work as new today.
        if item.date is None:
            return item.first_published_at
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item: BasePage):
        # Atom requires <updated> on every entry; the page's date is the one readers see.
        return self.item_pubdate(item)

    def item_author_name(self, item: BasePage):
        organisations = list(item.organisations.all())
        return organisations[0].name if organisations else None

    def item_categories(self, item: BasePage):
        return [tag.name for tag in item.tags.all()]


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
