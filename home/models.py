"""The home page: what is new, the most reused patterns, and a search box."""

from typing import ClassVar

from django.urls import reverse

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from core.models.routing import CachedRestrictionsMixin, SiteUrlMixin, SpecificChildRoutingMixin
from core.page_cache import cached_per_generation


class HomePage(SiteUrlMixin, CachedRestrictionsMixin, SpecificChildRoutingMixin, Page):
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels: ClassVar[list] = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types: ClassVar[list] = ["wagtailcore.Page"]
    subpage_types: ClassVar[list] = [
        "casestudies.CaseStudyIndexPage",
        "casestudies.ProcurementBriefIndexPage",
        "casestudies.BusinessCaseIndexPage",
        "patterns.ServicePatternIndexPage",
        "organisations.OrganisationIndexPage",
        "core.StandardPage",
        "community.DeclarationPage",
        "events.EventIndexPage",
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from core import listings
        from events import selectors as events_selectors
        from patterns.models import ServicePatternPage

        context = super().get_context(request, *args, **kwargs)
        latest = listings.read_listing({}, page_size=8)
        context["latest_pages"] = latest.cards
        context["most_reused_patterns"] = listings.most_reused_cards(
            model=ServicePatternPage, limit=5
        )
        context["sections"] = self.sections(request, listings.counts_by_type(latest.results))
        context["next_events"] = events_selectors.upcoming_events(limit=3)
        context.update(self.links())
        return context

    def links(self) -> dict[str, str | None]:
        """Where the home page's calls to action and topic links go, from the page tree and
        the URL configuration; None for a page that is not live, so its link is left out."""
        from community.models import DeclarationPage
        from events.models import EventIndexPage
        from organisations.models import OrganisationIndexPage
        from patterns.models import ServicePatternIndexPage

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
        """The four content sections with their live index page URL and public page count."""
        from casestudies.models import (
            BusinessCaseIndexPage,
            CaseStudyIndexPage,
            ProcurementBriefIndexPage,
        )
        from patterns.models import ServicePatternIndexPage

        described = {
            CaseStudyIndexPage: "What a council did, what it cost and what changed.",
            ProcurementBriefIndexPage: "How it was bought: route, budget, evaluation and award.",
            BusinessCaseIndexPage: "How it was justified, in the five cases.",
            ServicePatternIndexPage: "Reusable designs for common council services.",
        }
        index_pages = {model: (title, url) for model, title, url in self.live_index_pages()}
        sections = []
        for index_model, description in described.items():
            if index_model not in index_pages:
                continue
            title, url = index_pages[index_model]
            sections.append(
                {
                    "title": title,
                    "url": url,
                    "count": counts.get(index_model.listing_model, 0),
                    "description": description,
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
