"""The home page: what is new, the most reused patterns, and a search box."""

from typing import ClassVar

from django.urls import reverse

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from community.models import DeclarationPage
from core.content_types import index_page_models, library_types
from core.models.routing import CachedRestrictionsMixin, SiteUrlMixin, SpecificChildRoutingMixin
from core.page_cache import cached_per_generation
from events import selectors as events_selectors
from events.models import EventIndexPage
from listings import selectors as listing_selectors
from organisations.models import OrganisationIndexPage
from patterns.models import ServicePatternIndexPage, ServicePatternPage


class HomePage(SiteUrlMixin, CachedRestrictionsMixin, SpecificChildRoutingMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list] = ["wagtailcore.Page"]
    # Besides these, each content type's index page (clean_subpage_models).
    subpage_types: ClassVar[list] = [
        "organisations.OrganisationIndexPage",
        "core.StandardPage",
        "community.DeclarationPage",
        "events.EventIndexPage",
        "projects.ProjectIndexPage",
    ]
    max_count = 1

    @classmethod
    def clean_subpage_models(cls):
        """The index page of every registered content type (core.content_types), then
        `subpage_types`: a new type's section can be added here without a change."""
        if cls._clean_subpage_models is None:
            others = super().clean_subpage_models()
            cls._clean_subpage_models = [*index_page_models(), *others]
        return cls._clean_subpage_models

    def get_context(self, request, *args, **kwargs):

        context = super().get_context(request, *args, **kwargs)
        latest = listing_selectors.read_listing({}, page_size=8)
        context["latest_pages"] = latest.cards
        context["most_reused_patterns"] = listing_selectors.most_reused_cards(
            model=ServicePatternPage, limit=5
        )
        context["sections"] = self.sections(
            request, listing_selectors.counts_by_type(latest.results)
        )
        context["next_events"] = events_selectors.upcoming_events(limit=3)
        context.update(self.links())
        return context

    def links(self) -> dict[str, str | None]:
        """Where the home page's calls to action and topic links go, from the page tree and
        the URL configuration; None for a page that is not live, so its link is left out."""

        def read():
            index_urls = {model: url for model, _title, url in self.live_index_pages()}
            declaration = DeclarationPage.objects.child_of(self).live().public().first()
            return {
                "declaration_url": declaration.url if declaration else None,
                "sign_url": declaration.url + declaration.reverse_subpage("sign")
                if declaration
                else None,
                "patterns_url": index_urls.get(ServicePatternIndexPage),
                "organisations_url": index_urls.get(OrganisationIndexPage),
                "events_url": index_urls.get(EventIndexPage),
                "contribute_url": reverse("community:contribute"),
                "signup_url": reverse("account_signup"),
            }

        return cached_per_generation(f"home-links:{self.pk}", read)

    def sections(self, request, counts: dict[type, int]) -> list[dict]:
        """One section per content type (core.content_types) whose index page is live, with its
        URL and public page count."""
        index_pages = {model: (title, url) for model, title, url in self.live_index_pages()}
        sections = []
        for content_type in library_types():
            if content_type.index_model not in index_pages:
                continue
            title, url = index_pages[content_type.index_model]
            sections.append(
                {
                    "title": title,
                    "url": url,
                    "count": counts.get(content_type.model, 0),
                    "description": content_type.description,
                }
            )
        return sections

    def live_index_pages(self) -> list[tuple[type, str, str]]:
        """(model, title, URL) of the live children; read once per publish, not per request."""
        return cached_per_generation(
            f"home-sections:{self.pk}",
            lambda: [
                (child.specific_class, child.title, child.url)
                for child in self.get_children().live()
            ],
        )
