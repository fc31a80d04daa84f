"""The home page: what is new, the most reused patterns, and a search box."""

from typing import ClassVar

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
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
    ]
    max_count = 1

    def get_context(self, request, *args, **kwargs):
        from core import selectors

        context = super().get_context(request, *args, **kwargs)
        context["latest_pages"] = selectors.latest_content(limit=8)
        context["most_reused_patterns"] = selectors.most_reused_patterns(limit=5)
        context["section_counts"] = selectors.content_counts_by_type()
        return context
