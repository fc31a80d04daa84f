"""Index pages share one listing behaviour: filters from the URL, one selector, pagination."""

from typing import ClassVar

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core import page_views
from core.models.relations import load_page_relations
from core.models.routing import (
    CachedRestrictionsMixin,
    SiteUrlMixin,
    SpecificChildRoutingMixin,
    child_page_by_slug,
)


class ListingPageMixin(
    SiteUrlMixin, CachedRestrictionsMixin, SpecificChildRoutingMixin, models.Model
):
    """Mixed into each type's index page; `listing_model` names the type it lists."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    # The service navigation holds ten sections on one row at 1280 pixels only with short
    # labels (tests/browser/test_layout.py), so editors may give a section a shorter one.
    menu_label = models.CharField(
        "label in the menu",
        max_length=30,
        blank=True,
        help_text="A shorter name for the site menu, such as “Patterns”. Leave empty to use "
        "the title. Keep the whole menu short enough for one row on a laptop.",
    )

    listing_model: ClassVar = None
    listing_panels: ClassVar[list] = [FieldPanel("intro")]
    promote_panels: ClassVar[list] = [*Page.promote_panels, FieldPanel("menu_label")]

    class Meta:
        abstract = True

    @property
    def listing_model_name(self) -> str:
        """The listed type as a follow names it ("casestudypage")."""
        return self.listing_model._meta.model_name

    def get_context(self, request, *args, **kwargs):
        listing_context = page_views.provided(page_views.LISTING_CONTEXT)
        context = super().get_context(request, *args, **kwargs)
        context.update(
            listing_context(request, model=self.listing_model, base_path=self.get_url(request))
        )
        return context

    def serve(self, request, *args, **kwargs):
        """?format=csv or ?format=json downloads the filtered listing instead of the page."""
        listing_export = page_views.provided(page_views.LISTING_DOWNLOAD)
        export = listing_export(request, model=self.listing_model, filename=self.slug)
        if export is not None:
            return export
        return super().serve(request, *args, **kwargs)

    def route_child(self, slug: str):
        """Children are all `listing_model`: one query loads the page, one what it links to."""
        if not slug.isprintable():  # e.g. NUL, which PostgreSQL refuses in a query
            return None
        page = child_page_by_slug(self.listing_model, self, slug)
        if page is not None:
            load_page_relations(page)
        return page

    def get_template(self, request, *args, **kwargs):
        return "core/listing_page.html"
